//! Settlement benchmark (SPEC §7, R-SET-7, R-SET-3, R-SET-9).
//!
//! `cargo run [--release] -p settlement-bench [-- postgres://…/db]`
//!
//! Seeds, in bulk SQL, five years (2022–2026) of settlement for every municipality of the
//! reference data (356): a request and an approved decision each, and offers of three-person
//! households for 30,000 persons a year (80 % accepted and settled, 10 % declined and settled elsewhere, 10 % open),
//! each with its members; then 500 more open offers to 4601 in 2026 and 1,000 waiting households
//! of one to four persons with folders (languages, network ties). Times, as server time without
//! HTTP:
//! - (a) the national report (`server::settlement::report::report`, behind
//!   `GET /api/v1/settlement/report`) for each of the five years, p50/p95 of 20 calls per year;
//! - (b) a municipality's dashboard panel data with its 500 open offers (the year's overview and
//!   the offers, `cases::year_overview` + `offers::list_offers`), 50 calls;
//! - (c) a placement proposal from the register (`settlement::placement::propose`, the stated
//!   criteria) for the 1,000 waiting households: loading the facts, and the whole proposal with
//!   a 2 s solver limit.

use std::time::{Duration, Instant};

use anyhow::Result;
use bench_support::{caller, report};
use mottak_domain::access::{MunicipalPermission, Role};
use mottak_domain::settlement::placement::Criteria;
use mottak_server::config::{Config, PasswordHashing};
use mottak_server::settlement::cases::year_overview;
use mottak_server::settlement::offers::list_offers;
use mottak_server::settlement::placement::{Scores, facts, propose};
use mottak_server::settlement::report::report as settlement_report;
use mottak_server::startup::Application;
use mottak_store::Store;

const YEARS: std::ops::RangeInclusive<i64> = 2022..=2026;
const PERSONS_A_YEAR: i64 = 30_000;
const HOUSEHOLD: i64 = 3;
const WAITING: i64 = 1_000;
const OPEN_FOR_DASHBOARD: i64 = 500;
const BATCH: usize = 1_000;

/// Inserts `rows` (each a parenthesised tuple) into `table (columns)` in batches.
async fn insert(store: &Store, table: &str, columns: &str, rows: &[String]) -> Result<()> {
    for chunk in rows.chunks(BATCH) {
        store
            .execute_for_benches(&format!(
                "INSERT INTO {table} ({columns}) VALUES {}",
                chunk.join(",")
            ))
            .await?;
    }
    Ok(())
}

async fn seed(store: &Store, municipalities: &[String]) -> Result<()> {
    let now = "2026-01-01T00:00:00.000000Z";
    let mut cases = Vec::new();
    for year in YEARS {
        for number in municipalities {
            let persons = PERSONS_A_YEAR / municipalities.len() as i64;
            cases.push(format!("({year}, '{number}', {persons}, 0, '{now}')"));
        }
    }
    insert(
        store,
        "settlement_requests",
        "year, municipality_number, persons, unaccompanied_minors, created_at",
        &cases,
    )
    .await?;
    let decisions: Vec<String> = cases
        .iter()
        .map(|row| row.replace(", '2026-01-01T", ", 1, '2026-01-01T"))
        .collect();
    insert(
        store,
        "settlement_decisions",
        "year, municipality_number, persons, unaccompanied_minors, approved, created_at",
        &decisions,
    )
    .await?;
    let (mut residents, mut offers, mut members, mut settlements) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let mut resident = 0_i64;
    let mut offer = 0_i64;
    for year in YEARS {
        for index in 0..PERSONS_A_YEAR / HOUSEHOLD {
            offer += 1;
            let number = &municipalities[index as usize % municipalities.len()];
            let answer = match index % 10 {
                0 => "declined",
                1 => "open",
                _ => "accepted",
            };
            let household = format!("h{offer}");
            offers.push(format!(
                "({offer}, {year}, '{number}', '{household}', {HOUSEHOLD}, '{year}-02-01', '2099-03-01', '{answer}', '{now}')"
            ));
            for _ in 0..HOUSEHOLD {
                resident += 1;
                residents.push(format!(
                    "({resident}, '{resident:012}', 'Amina', 'Haile', '1990-01-01', 'female', '{household}', '{now}')"
                ));
                members.push(format!("({offer}, {resident})"));
                // A declined household was settled after another offer (not seeded), so that
                // only the 1,000 below wait.
                if answer != "open" {
                    settlements.push(format!(
                        "({resident}, {offer}, '{number}', '{year}-06-15', '{now}')"
                    ));
                }
            }
        }
    }
    for index in 0..OPEN_FOR_DASHBOARD {
        offer += 1;
        offers.push(format!(
            "({offer}, 2026, '4601', 'dash{index}', 2, '2026-02-01', '2099-{:02}-01', 'open', '{now}')",
            index % 12 + 1
        ));
    }
    let mut folders = Vec::new();
    for index in 0..WAITING {
        for _ in 0..=(index % 4) {
            resident += 1;
            residents.push(format!(
                "({resident}, '{resident:012}', 'Noor', 'Ahmadi', '1985-01-01', 'male', 'w{index}', '{now}')"
            ));
            let network = if index % 3 == 0 { "bror i Bergen" } else { "" };
            folders.push(format!(
                "({resident}, '', '', '[\"arabisk\"]', '', '', '{network}', '', '{now}')"
            ));
        }
    }
    insert(
        store,
        "residents",
        "id, duf_number, given_name, family_name, birth_date, gender, household, created_at",
        &residents,
    )
    .await?;
    insert(store, "settlement_offers", "id, year, municipality_number, household, persons, offered_on, deadline, answer, created_at", &offers).await?;
    insert(
        store,
        "settlement_offer_members",
        "offer_id, resident_id",
        &members,
    )
    .await?;
    insert(
        store,
        "settlements",
        "resident_id, offer_id, municipality_number, settled_on, registered_at",
        &settlements,
    )
    .await?;
    insert(store, "person_folders", "resident_id, education, work, languages, health_needs, family, network, wishes, updated_at", &folders).await?;
    println!(
        "seeded {} residents, {} offers, {} settlements, {} waiting households",
        residents.len(),
        offers.len(),
        settlements.len(),
        WAITING
    );
    Ok(())
}

#[tokio::main]
async fn main() -> Result<()> {
    let base = std::env::args().nth(1);
    let directory = tempfile::tempdir()?;
    let url = match &base {
        Some(base) => {
            let schema = format!("bench_settlement_{}", std::process::id());
            mottak_store::testing::fresh_postgres_schema(base, &schema).await?
        }
        None => format!(
            "sqlite:{}",
            directory.path().join("settlement.db").display()
        ),
    };
    let mut config = Config::new("127.0.0.1:0".parse()?, url);
    config.password_hashing = PasswordHashing::FastForTests;
    config.daily_jobs = false;
    let application = Application::build(config).await?;
    let store = application.state().store.clone();
    println!(
        "settlement benchmark on {}",
        if base.is_some() {
            "PostgreSQL"
        } else {
            "SQLite"
        }
    );
    let municipalities: Vec<String> = store
        .municipalities("2026-01-01")
        .await?
        .into_iter()
        .map(|municipality| municipality.number)
        .collect();
    println!("{} municipalities", municipalities.len());
    let started = Instant::now();
    seed(&store, &municipalities).await?;
    println!("seeding: {:.1} s", started.elapsed().as_secs_f64());

    let imdi = caller(Role::Imdi, None);
    for year in YEARS {
        let mut times: Vec<Duration> = Vec::new();
        for _ in 0..20 {
            let started = Instant::now();
            let view = settlement_report(&store, &imdi, year).await?;
            times.push(started.elapsed());
            assert_eq!(view.municipalities.len(), municipalities.len());
        }
        report(&format!("(a) national report {year}"), &mut times);
    }

    let mut bergen = caller(Role::Municipality, None);
    bergen.municipality_number = Some("4601".into());
    bergen.permissions = vec![MunicipalPermission::OffersAndDecisions];
    let mut times = Vec::new();
    for _ in 0..50 {
        let started = Instant::now();
        let overview = year_overview(&store, &bergen, 2026).await?;
        let open = list_offers(&store, &bergen, 2026)
            .await?
            .into_iter()
            .filter(|offer| offer.status == "open")
            .count();
        times.push(started.elapsed());
        assert_eq!(overview.len(), 1);
        assert!(open >= OPEN_FOR_DASHBOARD as usize);
    }
    report("(b) dashboard panel of 4601, 500+ open offers", &mut times);

    let mut times = Vec::new();
    for _ in 0..10 {
        let started = Instant::now();
        let loaded = facts(&store, 2026).await?;
        times.push(started.elapsed());
        assert_eq!(loaded.households.len(), WAITING as usize);
    }
    report(
        "(c) placement facts (waiting households, remaining numbers)",
        &mut times,
    );
    let mut times = Vec::new();
    for _ in 0..10 {
        let started = Instant::now();
        store.placement_residents().await?;
        times.push(started.elapsed());
    }
    report(
        "    of which the residents who may wait (one query)",
        &mut times,
    );
    let scores = Scores::Criteria {
        criteria: Criteria::default(),
        needs: Default::default(),
        services: Default::default(),
        languages: [("4601".to_owned(), vec!["arabisk".to_owned()])].into(),
    };
    let mut times = Vec::new();
    for _ in 0..3 {
        let started = Instant::now();
        let (_, request, response) = propose(&store, &imdi, 2026, &scores, 2_000).await?;
        times.push(started.elapsed());
        println!(
            "    {} households, {} municipalities: {} placed, objective {:.1}, bound {:.1}, gap {:.4} %",
            request.households.len(),
            request.municipalities.len(),
            response.assignments.len(),
            response.objective,
            response.upper_bound,
            response.gap * 100.0
        );
    }
    report("(c) placement proposal, 2 s solver limit", &mut times);
    Ok(())
}
