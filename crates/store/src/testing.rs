//! Support for tests that need a database of their own.

use sqlx::{Connection, Executor};

use crate::StoreError;

/// Creates schema `name` in the PostgreSQL database at `base_url` and returns a URL whose
/// connections use it, so that every test gets a fresh, isolated database.
pub async fn fresh_postgres_schema(base_url: &str, name: &str) -> Result<String, StoreError> {
    sqlx::any::install_default_drivers();
    let mut connection = sqlx::AnyConnection::connect(base_url).await?;
    connection
        .execute(sqlx::AssertSqlSafe(format!("CREATE SCHEMA \"{name}\"")))
        .await?;
    connection.close().await?;
    let separator = if base_url.contains('?') { '&' } else { '?' };
    Ok(format!(
        "{base_url}{separator}options=-c%20search_path%3D{name}"
    ))
}

impl crate::Store {
    /// Changes an event's summary behind the log's back, as an attacker with database access
    /// could; for tests of R-LOG-2.
    pub async fn tamper_with_event_for_tests(
        &self,
        seq: i64,
        summary: &str,
    ) -> Result<(), StoreError> {
        sqlx::query("UPDATE events SET summary = $1 WHERE seq = $2")
            .bind(summary)
            .bind(seq)
            .execute(self.pool())
            .await?;
        Ok(())
    }

    pub async fn delete_last_event_for_tests(&self) -> Result<(), StoreError> {
        sqlx::query("DELETE FROM events WHERE seq = (SELECT MAX(seq) FROM events)")
            .execute(self.pool())
            .await?;
        Ok(())
    }
}
