//! The once-a-day jobs inside `serve`: a tokio task that wakes at start and then every few
//! minutes, and for each registered job claims today's Norwegian day (SPEC §9) in
//! `daily_job_runs`. The claim is an INSERT that only one instance can make, so several `serve`
//! instances sharing one PostgreSQL database run each job exactly once a day; the one that
//! claimed the day runs the job and records how it ended (a failure with its message).
//!
//! A run that dies with its process stays `running` for that day and is not retried: a job
//! must not run twice a day, and the next day's run picks up what is due (the regulation run
//! makes up missed due dates).

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, NaiveDate, Utc};
use mottak_domain::calendar::norwegian_date;
use mottak_store::jobs::JobOutcome;
use mottak_store::{Store, timestamp};

/// How often the runner wakes to see whether a new day has begun.
pub const WAKE_INTERVAL: Duration = Duration::from_secs(5 * 60);

type JobFuture = Pin<Box<dyn Future<Output = anyhow::Result<String>> + Send>>;
type JobFn = dyn Fn(Store, NaiveDate) -> JobFuture + Send + Sync;

/// One job: its name (the key in `daily_job_runs`) and what it does on a day; `Ok` carries a
/// short report kept as the run's message.
#[derive(Clone)]
pub struct DailyJob {
    pub name: &'static str,
    run: Arc<JobFn>,
}

impl DailyJob {
    pub fn new<F, Fut>(name: &'static str, run: F) -> DailyJob
    where
        F: Fn(Store, NaiveDate) -> Fut + Send + Sync + 'static,
        Fut: Future<Output = anyhow::Result<String>> + Send + 'static,
    {
        DailyJob {
            name,
            run: Arc::new(move |store, day| Box::pin(run(store, day))),
        }
    }
}

/// What a wake did with one job.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum JobRunOutcome {
    /// Another run (on this instance or another) had claimed the day.
    AlreadyClaimed,
    Succeeded(String),
    Failed(String),
}

/// The registered jobs over one database.
#[derive(Clone)]
pub struct JobRunner {
    store: Store,
    jobs: Vec<DailyJob>,
}

impl JobRunner {
    pub fn new(store: Store) -> JobRunner {
        JobRunner {
            store,
            jobs: Vec::new(),
        }
    }

    /// The jobs `serve` runs: pruning sessions and queueing the day's task reminders, whose
    /// links start with `public_url`. The regulation run (R-AGR-9) joins when the stored
    /// agreements do.
    pub fn with_default_jobs(store: Store, public_url: &str) -> JobRunner {
        let public_url = public_url.to_owned();
        JobRunner::new(store)
            .register(DailyJob::new("prune_expired_sessions", prune_sessions))
            .register(DailyJob::new(crate::reminders::JOB, move |store, day| {
                crate::reminders::daily(store, day, public_url.clone())
            }))
    }

    pub fn register(mut self, job: DailyJob) -> JobRunner {
        self.jobs.push(job);
        self
    }

    /// Claims the Norwegian day of `now` for every job and runs those this call claimed.
    pub async fn run_due(&self, now: DateTime<Utc>) -> Vec<(&'static str, JobRunOutcome)> {
        let day = norwegian_date(now);
        let mut outcomes = Vec::new();
        for job in &self.jobs {
            let outcome = match self.run_job(job, day, now).await {
                Ok(outcome) => outcome,
                Err(error) => {
                    tracing::error!(job = job.name, %day, error = %error, "daily job bookkeeping failed");
                    JobRunOutcome::Failed(error.to_string())
                }
            };
            outcomes.push((job.name, outcome));
        }
        outcomes
    }

    async fn run_job(
        &self,
        job: &DailyJob,
        day: NaiveDate,
        now: DateTime<Utc>,
    ) -> anyhow::Result<JobRunOutcome> {
        let day_text = day.to_string();
        if !self
            .store
            .claim_job_day(job.name, &day_text, &timestamp(now))
            .await?
        {
            return Ok(JobRunOutcome::AlreadyClaimed);
        }
        // In its own task, so that a panicking job is recorded as failed, not lost.
        let running = tokio::spawn((job.run)(self.store.clone(), day));
        let (outcome, message) = match running.await {
            Ok(Ok(report)) => (JobOutcome::Succeeded, report),
            Ok(Err(error)) => (JobOutcome::Failed, format!("{error:#}")),
            Err(error) => (JobOutcome::Failed, format!("the job panicked: {error}")),
        };
        self.store
            .finish_job_day(
                job.name,
                &day_text,
                &timestamp(Utc::now()),
                outcome,
                Some(&message),
            )
            .await?;
        match outcome {
            JobOutcome::Failed => {
                tracing::error!(job = job.name, %day, message, "daily job failed");
                Ok(JobRunOutcome::Failed(message))
            }
            _ => {
                tracing::info!(job = job.name, %day, message, "daily job done");
                Ok(JobRunOutcome::Succeeded(message))
            }
        }
    }

    /// Runs [`JobRunner::run_due`] now and then every `interval`, until the task is aborted.
    pub fn spawn(self, interval: Duration) -> tokio::task::JoinHandle<()> {
        tokio::spawn(async move {
            let mut ticks = tokio::time::interval(interval);
            ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            loop {
                ticks.tick().await;
                self.run_due(Utc::now()).await;
            }
        })
    }
}

/// Deletes the sessions that have expired (they are otherwise removed only when someone logs
/// in, and an expired session may still hold a TOTP secret being enrolled).
async fn prune_sessions(store: Store, _day: NaiveDate) -> anyhow::Result<String> {
    let pruned = store.prune_expired_sessions(&timestamp(Utc::now())).await?;
    Ok(format!("{pruned} expired sessions deleted"))
}
