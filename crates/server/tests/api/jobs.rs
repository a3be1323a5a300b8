//! The once-a-day job runner inside `serve`: a job runs once per Norwegian day, however many
//! instances share the database, and a failure is recorded with its message.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use chrono::{TimeZone, Utc};
use mottak_server::jobs::{DailyJob, JobRunOutcome, JobRunner};
use mottak_store::Store;

use crate::helpers::spawn_app;

fn counting_job(counter: &Arc<AtomicUsize>) -> DailyJob {
    let counter = counter.clone();
    DailyJob::new("count", move |_store, _day| {
        let counter = counter.clone();
        async move {
            counter.fetch_add(1, Ordering::SeqCst);
            Ok("counted".to_owned())
        }
    })
}

#[tokio::test]
async fn two_runners_on_one_database_run_a_job_once_a_day() {
    let app = spawn_app().await;
    let other = Store::connect(&app.database_url).await.unwrap();
    let counter = Arc::new(AtomicUsize::new(0));
    let first = JobRunner::new(app.store.clone()).register(counting_job(&counter));
    let second = JobRunner::new(other).register(counting_job(&counter));
    let now = Utc.with_ymd_and_hms(2026, 3, 10, 12, 0, 0).unwrap();

    let (a, b) = tokio::join!(first.run_due(now), second.run_due(now));
    let again = first.run_due(now).await;

    assert_eq!(counter.load(Ordering::SeqCst), 1);
    let outcomes = [&a[0].1, &b[0].1, &again[0].1];
    let succeeded = outcomes
        .iter()
        .filter(|outcome| matches!(outcome, JobRunOutcome::Succeeded(_)))
        .count();
    assert_eq!(succeeded, 1, "{outcomes:?}");
    let runs = app.store.job_runs("count").await.unwrap();
    assert_eq!(runs.len(), 1);
    assert_eq!(
        (runs[0].day.as_str(), runs[0].outcome.as_str()),
        ("2026-03-10", "succeeded")
    );
    assert_eq!(runs[0].message.as_deref(), Some("counted"));
}

#[tokio::test]
async fn the_day_is_the_norwegian_day() {
    let app = spawn_app().await;
    let counter = Arc::new(AtomicUsize::new(0));
    let runner = JobRunner::new(app.store.clone()).register(counting_job(&counter));

    // 23:30 UTC on 9 March is 00:30 on 10 March in Oslo; an hour earlier is still 9 March.
    runner
        .run_due(Utc.with_ymd_and_hms(2026, 3, 9, 22, 30, 0).unwrap())
        .await;
    runner
        .run_due(Utc.with_ymd_and_hms(2026, 3, 9, 23, 30, 0).unwrap())
        .await;
    runner
        .run_due(Utc.with_ymd_and_hms(2026, 3, 10, 12, 0, 0).unwrap())
        .await;

    assert_eq!(counter.load(Ordering::SeqCst), 2);
    let days: Vec<String> = app
        .store
        .job_runs("count")
        .await
        .unwrap()
        .into_iter()
        .map(|run| run.day)
        .collect();
    assert_eq!(days, vec!["2026-03-10", "2026-03-09"]);
}

#[tokio::test]
async fn a_failing_job_records_its_message() {
    let app = spawn_app().await;
    let runner = JobRunner::new(app.store.clone())
        .register(DailyJob::new("fails", |_store, _day| async {
            anyhow::bail!("the consumer price index for 2026-06 is missing")
        }));
    let now = Utc.with_ymd_and_hms(2026, 8, 1, 6, 0, 0).unwrap();

    let outcomes = runner.run_due(now).await;

    assert!(
        matches!(&outcomes[0].1, JobRunOutcome::Failed(message) if message.contains("2026-06"))
    );
    let runs = app.store.job_runs("fails").await.unwrap();
    assert_eq!(runs[0].outcome, "failed");
    assert!(runs[0].finished_at.is_some());
    assert_eq!(
        runs[0].message.as_deref(),
        Some("the consumer price index for 2026-06 is missing")
    );
}

#[tokio::test]
async fn the_default_jobs_prune_expired_sessions() {
    let app = spawn_app().await;
    let outcomes = JobRunner::with_default_jobs(app.store.clone(), "http://127.0.0.1")
        .run_due(Utc::now())
        .await;
    assert_eq!(outcomes[0].0, "prune_expired_sessions");
    assert!(
        matches!(&outcomes[0].1, JobRunOutcome::Succeeded(_)),
        "{outcomes:?}"
    );
}
