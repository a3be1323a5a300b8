//! Calendar feeds (SPEC §6 work views): a user's tasks for Outlook, behind a link with a random
//! token. Only the token's hash is stored; a user has at most one live link.

use crate::{Store, StoreError, WriteTx, timestamp};

impl Store {
    /// The user whose live feed link has this token hash.
    pub async fn calendar_feed_user(&self, token_hash: &str) -> Result<i64, StoreError> {
        let row: Option<(i64,)> = sqlx::query_as(
            "SELECT user_id FROM calendar_feeds WHERE token_hash = $1 AND revoked_at IS NULL",
        )
        .bind(token_hash)
        .fetch_optional(&self.pool)
        .await?;
        row.map(|(id,)| id).ok_or(StoreError::NotFound)
    }

    /// When the user's live feed link was made (RFC 3339), if they have one.
    pub async fn calendar_feed_created(&self, user_id: i64) -> Result<Option<String>, StoreError> {
        let row: Option<(String,)> = sqlx::query_as(
            "SELECT created_at FROM calendar_feeds WHERE user_id = $1 AND revoked_at IS NULL",
        )
        .bind(user_id)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(|(created,)| created))
    }
}

impl WriteTx {
    /// Revokes the user's live feed link, if any; whether there was one.
    pub async fn revoke_calendar_feed(&mut self, user_id: i64) -> Result<bool, StoreError> {
        let result = sqlx::query(
            "UPDATE calendar_feeds SET revoked_at = $1 WHERE user_id = $2 AND revoked_at IS NULL",
        )
        .bind(timestamp(chrono::Utc::now()))
        .bind(user_id)
        .execute(self.connection())
        .await?;
        Ok(result.rows_affected() > 0)
    }

    /// Replaces the user's feed link with one of this token hash; the new link's id.
    pub async fn replace_calendar_feed(
        &mut self,
        user_id: i64,
        token_hash: &str,
    ) -> Result<i64, StoreError> {
        self.revoke_calendar_feed(user_id).await?;
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO calendar_feeds (user_id, token_hash, created_at) \
             VALUES ($1, $2, $3) RETURNING id",
        )
        .bind(user_id)
        .bind(token_hash)
        .bind(timestamp(chrono::Utc::now()))
        .fetch_one(self.connection())
        .await
        .map_err(StoreError::from_write)?;
        Ok(id)
    }
}
