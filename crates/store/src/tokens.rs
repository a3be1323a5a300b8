//! API tokens (R-AUTH-2): only the hash is stored.

use sqlx::FromRow;

use crate::{Store, StoreError, WriteTx, timestamp};

#[derive(Clone, Debug, FromRow)]
pub struct TokenRecord {
    pub id: i64,
    pub user_id: i64,
    pub label: String,
    pub created_at: String,
    pub revoked: i64,
}

impl Store {
    /// The user id of a live token with this hash.
    pub async fn user_id_for_token(&self, token_hash: &str) -> Result<i64, StoreError> {
        let row: Option<(i64,)> =
            sqlx::query_as("SELECT user_id FROM api_tokens WHERE token_hash = $1 AND revoked = 0")
                .bind(token_hash)
                .fetch_optional(&self.pool)
                .await?;
        row.map(|(id,)| id).ok_or(StoreError::NotFound)
    }

    pub async fn tokens_of(&self, user_id: i64) -> Result<Vec<TokenRecord>, StoreError> {
        Ok(sqlx::query_as::<_, TokenRecord>(
            "SELECT id, user_id, label, created_at, revoked FROM api_tokens \
             WHERE user_id = $1 ORDER BY id",
        )
        .bind(user_id)
        .fetch_all(&self.pool)
        .await?)
    }
}

impl WriteTx {
    pub async fn insert_token(
        &mut self,
        user_id: i64,
        token_hash: &str,
        label: &str,
    ) -> Result<i64, StoreError> {
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO api_tokens (user_id, token_hash, label, created_at) \
             VALUES ($1, $2, $3, $4) RETURNING id",
        )
        .bind(user_id)
        .bind(token_hash)
        .bind(label)
        .bind(timestamp(chrono::Utc::now()))
        .fetch_one(self.connection())
        .await
        .map_err(StoreError::from_write)?;
        Ok(id)
    }

    /// Revokes token `id` of user `user_id`; `NotFound` when the user has no such token.
    pub async fn revoke_token(&mut self, id: i64, user_id: i64) -> Result<(), StoreError> {
        let result =
            sqlx::query("UPDATE api_tokens SET revoked = 1 WHERE id = $1 AND user_id = $2")
                .bind(id)
                .bind(user_id)
                .execute(self.connection())
                .await?;
        if result.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        Ok(())
    }
}
