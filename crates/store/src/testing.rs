//! Support for tests that need a database of their own, and for tests of the event log that
//! play an attacker with full database access.

use sqlx::{Connection, Executor};

use crate::{Backend, Store, StoreError};

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
    // Tests need no durability across a power cut: without waiting for the WAL flush on every
    // commit, the suite's many small transactions run several times faster.
    Ok(format!(
        "{base_url}{separator}options=-c%20search_path%3D{name}%20-c%20synchronous_commit%3Doff"
    ))
}

impl Store {
    /// Removes the append-only triggers, as an attacker with full database access could.
    async fn drop_append_only_triggers(&self) -> Result<(), StoreError> {
        let statements: &[&str] = match self.backend() {
            Backend::Sqlite => &[
                "DROP TRIGGER events_no_update",
                "DROP TRIGGER events_no_delete",
            ],
            Backend::Postgres => &["DROP TRIGGER events_no_update ON events"],
        };
        for statement in statements {
            sqlx::query(sqlx::AssertSqlSafe(*statement))
                .execute(self.pool())
                .await?;
        }
        Ok(())
    }

    /// Changes an event's summary behind the log's back (triggers dropped first); for tests of
    /// R-LOG-2.
    pub async fn tamper_with_event_for_tests(
        &self,
        seq: i64,
        summary: &str,
    ) -> Result<(), StoreError> {
        self.drop_append_only_triggers().await?;
        self.try_update_event_summary_for_tests(seq, summary).await
    }

    /// Removes the newest event behind the log's back (triggers dropped first).
    pub async fn delete_last_event_for_tests(&self) -> Result<(), StoreError> {
        self.drop_append_only_triggers().await?;
        sqlx::query("DELETE FROM events WHERE seq = (SELECT MAX(seq) FROM events)")
            .execute(self.pool())
            .await?;
        Ok(())
    }

    /// An ordinary UPDATE of an event, which the append-only triggers refuse (R-LOG-1).
    pub async fn try_update_event_summary_for_tests(
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

    /// An ordinary DELETE of an event, which the append-only triggers refuse (R-LOG-1).
    pub async fn try_delete_event_for_tests(&self, seq: i64) -> Result<(), StoreError> {
        sqlx::query("DELETE FROM events WHERE seq = $1")
            .bind(seq)
            .execute(self.pool())
            .await?;
        Ok(())
    }

    /// All stored token hashes, for tests that check no token is stored in clear.
    pub async fn token_hashes_for_tests(&self) -> Result<Vec<String>, StoreError> {
        let rows: Vec<(String,)> = sqlx::query_as("SELECT token_hash FROM api_tokens ORDER BY id")
            .fetch_all(self.pool())
            .await?;
        Ok(rows.into_iter().map(|(hash,)| hash).collect())
    }
}

impl Store {
    /// Runs one statement without binds; for benchmarks that seed a large register in bulk.
    pub async fn execute_for_benches(&self, statement: &str) -> Result<(), StoreError> {
        sqlx::query(sqlx::AssertSqlSafe(statement.to_owned()))
            .execute(self.pool())
            .await?;
        Ok(())
    }
}
