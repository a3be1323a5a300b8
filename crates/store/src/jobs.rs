//! The once-a-day jobs' claims on their day (`daily_job_runs`): the row is the lock, so that
//! several instances sharing one database run each job once a day.

use sqlx::FromRow;

use crate::{Store, StoreError};

/// How a day's run of a job ended (or that it is still running).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JobOutcome {
    Running,
    Succeeded,
    Failed,
}

impl JobOutcome {
    pub fn code(self) -> &'static str {
        match self {
            JobOutcome::Running => "running",
            JobOutcome::Succeeded => "succeeded",
            JobOutcome::Failed => "failed",
        }
    }
}

/// One day's run of one job.
#[derive(Clone, Debug, FromRow, PartialEq, Eq)]
pub struct JobRun {
    pub job: String,
    pub day: String,
    pub started_at: String,
    pub finished_at: Option<String>,
    pub outcome: String,
    pub message: Option<String>,
}

impl Store {
    /// Claims `day` for `job`: `true` when this caller inserted the row and must run the job,
    /// `false` when a run (here or on another instance) already claimed the day. The insert
    /// commits on its own, so the claim is visible to every instance at once.
    pub async fn claim_job_day(
        &self,
        job: &str,
        day: &str,
        started_at: &str,
    ) -> Result<bool, StoreError> {
        let mut transaction = self.pool.begin().await?;
        let inserted = sqlx::query(
            "INSERT INTO daily_job_runs (job, day, started_at, outcome) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (job, day) DO NOTHING",
        )
        .bind(job)
        .bind(day)
        .bind(started_at)
        .bind(JobOutcome::Running.code())
        .execute(&mut *transaction)
        .await?
        .rows_affected();
        transaction.commit().await?;
        Ok(inserted == 1)
    }

    /// Records how the claimed run ended.
    pub async fn finish_job_day(
        &self,
        job: &str,
        day: &str,
        finished_at: &str,
        outcome: JobOutcome,
        message: Option<&str>,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "UPDATE daily_job_runs SET finished_at = $1, outcome = $2, message = $3 \
             WHERE job = $4 AND day = $5",
        )
        .bind(finished_at)
        .bind(outcome.code())
        .bind(message)
        .bind(job)
        .bind(day)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// The runs of `job`, newest day first.
    pub async fn job_runs(&self, job: &str) -> Result<Vec<JobRun>, StoreError> {
        Ok(sqlx::query_as::<_, JobRun>(
            "SELECT job, day, started_at, finished_at, outcome, message FROM daily_job_runs \
             WHERE job = $1 ORDER BY day DESC",
        )
        .bind(job)
        .fetch_all(&self.pool)
        .await?)
    }

    /// Deletes the sessions that expired by `now` (bookkeeping like the session rows: a user
    /// who never logs in again would otherwise leave a pending TOTP secret behind for good).
    pub async fn prune_expired_sessions(&self, now: &str) -> Result<u64, StoreError> {
        Ok(sqlx::query("DELETE FROM sessions WHERE expires_at <= $1")
            .bind(now)
            .execute(&self.pool)
            .await?
            .rows_affected())
    }
}
