//! Occupancy benchmark (R-OCC-2).
//!
//! `cargo run --release -p occupancy-bench [-- postgres://…/db]`
//!
//! Stores 300,000 residents, each with one stay at the same centre (from dates spread over three
//! years, 1–400 days long, every tenth still open), then times what `GET
//! /api/v1/centres/{id}/occupancy/{month}` does on the server: the query of the stays that touch
//! the month and the count per day (`Store::centre_month`), p50 and max over 20 runs, and the
//! count alone on the stays in memory.

use std::time::Instant;

use bench_support::report;
use chrono::{Days, NaiveDate};
use mottak_domain::dates::Month;
use mottak_domain::occupancy::{StaySpan, daily_counts};
use mottak_domain::place_types::PlaceType;
use mottak_server::config::Config;
use mottak_server::registry::{CentreInput, OperatorInput, create_centre, create_operator};
use mottak_server::startup::Application;
use mottak_store::Store;
use mottak_store::events::{Actor, EventDomain, NewEvent};

const STAYS: usize = 300_000;
const ROWS_PER_INSERT: usize = 500;
const RUNS: usize = 20;

type Result<T = ()> = std::result::Result<T, Box<dyn std::error::Error>>;

/// Resident `index`'s stay: a deterministic spread, no random generator needed.
fn stay(index: usize) -> (NaiveDate, Option<NaiveDate>) {
    let start = NaiveDate::from_ymd_opt(2023, 1, 1).expect("date");
    let from = start + Days::new((index * 7919 % 1095) as u64);
    let length = 1 + (index * 104_729 % 400) as u64;
    (
        from,
        (!index.is_multiple_of(10)).then(|| from + Days::new(length)),
    )
}

#[tokio::main]
async fn main() -> Result {
    let base = std::env::args().nth(1);
    let directory = tempfile::tempdir()?;
    let url = match &base {
        Some(base) => {
            let schema = format!("bench_occupancy_{}", std::process::id());
            mottak_store::testing::fresh_postgres_schema(base, &schema).await?
        }
        None => format!("sqlite:{}", directory.path().join("occupancy.db").display()),
    };
    println!(
        "occupancy benchmark on {}",
        if base.is_some() {
            "PostgreSQL"
        } else {
            "SQLite"
        }
    );
    // The application's start runs the migrations and loads the reference data (§2).
    let config = Config::new("127.0.0.1:0".parse()?, url.clone());
    let store = Application::build(config).await?.state().store.clone();
    let centre_id = seed(&store).await?;

    let month = Month::parse("2025-03").expect("month");
    let mut times = Vec::new();
    let mut total = 0;
    for _ in 0..RUNS {
        let started = Instant::now();
        let counted = store
            .centre_month(centre_id, PlaceType::Ordinary, month)
            .await?;
        times.push(started.elapsed());
        total = counted
            .occupancy
            .totals()
            .iter()
            .map(|(_, residents)| *residents)
            .max()
            .unwrap_or(0);
    }
    report("query + count (Store::centre_month)", &mut times);
    println!("  busiest day of {month}: {total} residents");

    let spans: Vec<StaySpan> = (0..STAYS)
        .map(|index| {
            let (from, to) = stay(index);
            StaySpan {
                place_type: PlaceType::Ordinary,
                from,
                to,
            }
        })
        .collect();
    let mut times = Vec::new();
    for _ in 0..RUNS {
        let started = Instant::now();
        let counted = daily_counts(month, spans.iter().copied());
        times.push(started.elapsed());
        assert_eq!(counted.counts.len(), 1);
    }
    report(
        "count alone, all 300,000 stays in memory (daily_counts)",
        &mut times,
    );
    Ok(())
}

/// An operator, a centre, and the residents with their stays, in multi-row inserts.
async fn seed(store: &Store) -> Result<i64> {
    let actor = Actor::system("bench");
    let operator = create_operator(
        store,
        &actor,
        &OperatorInput {
            name: "Bench AS".into(),
            organisation_number: "974760673".into(),
            ..OperatorInput::default()
        },
    )
    .await?;
    let input = CentreInput {
        name: "Bench asylmottak".into(),
        category: "ordinary".into(),
        series: "03".into(),
        municipality_number: "0301".into(),
        postal_code: "0010".into(),
        operator_id: operator.id,
        ..CentreInput::default()
    };
    let (centre, _) = create_centre(store, &actor, &input).await?;
    let started = Instant::now();
    let mut tx = store.begin_write().await?;
    for chunk in (0..STAYS).collect::<Vec<_>>().chunks(ROWS_PER_INSERT) {
        let residents: Vec<String> = chunk
            .iter()
            .map(|index| {
                format!(
                    "({}, '{}', 'Bench', 'Resident', '1990-01-01', 'unknown', 'h{index}', '2026-01-01T00:00:00.000000Z')",
                    index + 1,
                    100_000_000_000u64 + *index as u64
                )
            })
            .collect();
        let sql = format!(
            "INSERT INTO residents (id, duf_number, given_name, family_name, birth_date, gender, \
             household, created_at) VALUES {}",
            residents.join(", ")
        );
        sqlx::query(sqlx::AssertSqlSafe(sql))
            .execute(tx.connection())
            .await?;
        let stays: Vec<String> = chunk
            .iter()
            .map(|index| {
                let (from, to) = stay(*index);
                let to = to.map_or("NULL".to_owned(), |to| format!("'{to}'"));
                format!(
                    "({}, {}, 'ordinary', '{from}', {to}, '2026-01-01T00:00:00.000000Z')",
                    index + 1,
                    centre.id
                )
            })
            .collect();
        let sql = format!(
            "INSERT INTO stays (resident_id, centre_id, place_type, from_date, to_date, \
             created_at) VALUES {}",
            stays.join(", ")
        );
        sqlx::query(sqlx::AssertSqlSafe(sql))
            .execute(tx.connection())
            .await?;
    }
    tx.record(NewEvent::new(
        &actor,
        EventDomain::Registry,
        "bench.seeded",
        "centre",
        centre.id,
    ))
    .await?;
    tx.commit().await?;
    println!(
        "seeded {STAYS} residents and stays in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    Ok(centre.id)
}
