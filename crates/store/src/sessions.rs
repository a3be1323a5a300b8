//! Login sessions, keyed by the SHA-256 of the cookie value.

use sqlx::FromRow;

use crate::{Store, StoreError, WriteTx, timestamp};

#[derive(Clone, Debug, FromRow)]
pub struct SessionRecord {
    pub id_hash: String,
    pub user_id: i64,
    pub second_factor_done: i64,
    pub pending_totp_secret: Option<String>,
    pub created_at: String,
    pub expires_at: String,
    pub last_seen_at: String,
}

impl Store {
    /// A session that has not expired at `now`.
    pub async fn live_session(
        &self,
        id_hash: &str,
        now: &str,
    ) -> Result<SessionRecord, StoreError> {
        sqlx::query_as::<_, SessionRecord>(
            "SELECT id_hash, user_id, second_factor_done, pending_totp_secret, created_at, \
             expires_at, last_seen_at FROM sessions WHERE id_hash = $1 AND expires_at > $2",
        )
        .bind(id_hash)
        .bind(now)
        .fetch_optional(&self.pool)
        .await?
        .ok_or(StoreError::NotFound)
    }

    /// Slides the idle expiry forward. Not a change of any record, so no event: it is
    /// bookkeeping, like the session row itself.
    pub async fn touch_session(
        &self,
        id_hash: &str,
        now: &str,
        expires_at: &str,
    ) -> Result<(), StoreError> {
        sqlx::query("UPDATE sessions SET last_seen_at = $1, expires_at = $2 WHERE id_hash = $3")
            .bind(now)
            .bind(expires_at)
            .bind(id_hash)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    pub async fn count_live_sessions(&self) -> Result<i64, StoreError> {
        let (count,): (i64,) =
            sqlx::query_as("SELECT CAST(COUNT(*) AS BIGINT) FROM sessions WHERE expires_at > $1")
                .bind(timestamp(chrono::Utc::now()))
                .fetch_one(&self.pool)
                .await?;
        Ok(count)
    }
}

impl WriteTx {
    pub async fn insert_session(
        &mut self,
        id_hash: &str,
        user_id: i64,
        expires_at: &str,
    ) -> Result<(), StoreError> {
        let now = timestamp(chrono::Utc::now());
        sqlx::query(
            "INSERT INTO sessions (id_hash, user_id, created_at, expires_at, last_seen_at) \
             VALUES ($1, $2, $3, $4, $3)",
        )
        .bind(id_hash)
        .bind(user_id)
        .bind(&now)
        .bind(expires_at)
        .execute(self.connection())
        .await?;
        // Expired sessions go when new ones come: no separate sweeper needed.
        sqlx::query("DELETE FROM sessions WHERE expires_at <= $1")
            .bind(&now)
            .execute(self.connection())
            .await?;
        Ok(())
    }

    pub async fn complete_second_factor(&mut self, id_hash: &str) -> Result<(), StoreError> {
        sqlx::query(
            "UPDATE sessions SET second_factor_done = 1, pending_totp_secret = NULL \
             WHERE id_hash = $1",
        )
        .bind(id_hash)
        .execute(self.connection())
        .await?;
        Ok(())
    }

    pub async fn set_pending_totp_secret(
        &mut self,
        id_hash: &str,
        secret: &str,
    ) -> Result<(), StoreError> {
        sqlx::query("UPDATE sessions SET pending_totp_secret = $1 WHERE id_hash = $2")
            .bind(secret)
            .bind(id_hash)
            .execute(self.connection())
            .await?;
        Ok(())
    }

    pub async fn delete_session(&mut self, id_hash: &str) -> Result<(), StoreError> {
        sqlx::query("DELETE FROM sessions WHERE id_hash = $1")
            .bind(id_hash)
            .execute(self.connection())
            .await?;
        Ok(())
    }

    pub async fn delete_sessions_of(&mut self, user_id: i64) -> Result<(), StoreError> {
        sqlx::query("DELETE FROM sessions WHERE user_id = $1")
            .bind(user_id)
            .execute(self.connection())
            .await?;
        Ok(())
    }
}
