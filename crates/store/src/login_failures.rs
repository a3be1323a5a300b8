//! Failed logins per subject — an account or a client address — for the login rate limit
//! (R-AUTH-1). In the database, so that every instance on it counts the same failures.
//!
//! Bookkeeping, not records: the failures are events already, and the writes here belong in
//! the [`WriteTx`] that records that event.

use crate::{Store, StoreError, WriteTx};

impl Store {
    /// The failures of each of the two subjects after `since` (a stored timestamp), in order.
    pub async fn count_login_failures(
        &self,
        subjects: [&str; 2],
        since: &str,
    ) -> Result<[u64; 2], StoreError> {
        let rows: Vec<(String, i64)> = sqlx::query_as(
            "SELECT subject, CAST(COUNT(*) AS BIGINT) FROM login_failures \
             WHERE subject IN ($1, $2) AND failed_at > $3 GROUP BY subject",
        )
        .bind(subjects[0])
        .bind(subjects[1])
        .bind(since)
        .fetch_all(&self.pool)
        .await?;
        Ok(subjects.map(|subject| {
            rows.iter()
                .find(|(counted, _)| counted == subject)
                .map_or(0, |(_, count)| count.unsigned_abs())
        }))
    }
}

impl WriteTx {
    /// Counts a failure at `at` for each subject, and forgets every failure up to
    /// `forget_until`, which has left the window.
    pub async fn record_login_failure(
        &mut self,
        subjects: &[&str],
        at: &str,
        forget_until: &str,
    ) -> Result<(), StoreError> {
        sqlx::query("DELETE FROM login_failures WHERE failed_at <= $1")
            .bind(forget_until)
            .execute(self.connection())
            .await?;
        for subject in subjects {
            sqlx::query("INSERT INTO login_failures (subject, failed_at) VALUES ($1, $2)")
                .bind(*subject)
                .bind(at)
                .execute(self.connection())
                .await?;
        }
        Ok(())
    }

    /// Forgets the subject's failures (after a successful login).
    pub async fn clear_login_failures(&mut self, subject: &str) -> Result<(), StoreError> {
        sqlx::query("DELETE FROM login_failures WHERE subject = $1")
            .bind(subject)
            .execute(self.connection())
            .await?;
        Ok(())
    }
}
