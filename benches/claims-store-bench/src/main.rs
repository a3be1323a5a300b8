//! Stored claims benchmark (R-CLM-5, issue "the money chain").
//!
//! `cargo run --release -p claims-store-bench [-- postgres://…/db]`
//!
//! Seeds 1,000 centres (300 of them in region IØST), each with two agreements (a main agreement
//! with five place tiers and two meal tiers, and a supplement with its own tier), 30 residents
//! with stays, and two approved months; then times
//! - making and storing the month's claims of all 1,000 centres in one transaction
//!   (`server::claims::make_claims`, as `POST /api/v1/claims/month` makes them), in total;
//! - the next month's claims one by one (`make_claim`, each its own transaction, as
//!   `POST /api/v1/claims` makes one), in total;
//! - the claims overview page of region IØST (300 centres) over HTTP, p50 and p95 of 50 requests.
#![allow(clippy::inconsistent_digit_grouping)] // amounts as kroner_øre: 420_00 is kr 420,00

use std::time::Instant;

use anyhow::{Context, Result};
use bench_support::report;
use mottak_domain::access::Role;
use mottak_domain::agreements::AgreementInput;
use mottak_domain::dates::Month;
use mottak_server::agreements::create_agreement;
use mottak_server::auth::{Caller, password, totp};
use mottak_server::claims::{make_claim, make_claims};
use mottak_server::config::{Config, PasswordHashing};
use mottak_server::occupancy::approve;
use mottak_server::registry::{CentreInput, OperatorInput, create_centre, create_operator};
use mottak_server::startup::Application;
use mottak_store::Store;
use mottak_store::events::{Actor, EventDomain, NewEvent};
use mottak_store::users::{NewUser, RoleChange};
use serde_json::json;

const CENTRES: usize = 1_000;
const IN_REGION: usize = 300;
const RESIDENTS: usize = 30;
const MONTH: &str = "2026-03";
const NEXT_MONTH: &str = "2026-04";
const REQUESTS: usize = 50;

/// Region IØST's series, 75 centres each: the region of 300 centres.
const REGION_SERIES: [&str; 4] = ["01", "04", "05", "06"];
/// The other regions' series, 99 numbers each.
const OTHER_SERIES: [&str; 14] = [
    "02", "03", "07", "08", "09", "10", "11", "12", "14", "15", "16", "17", "18", "19",
];

fn series_of(index: usize) -> &'static str {
    if index < IN_REGION {
        REGION_SERIES[index / (IN_REGION / REGION_SERIES.len())]
    } else {
        OTHER_SERIES[(index - IN_REGION) / 99]
    }
}

#[tokio::main]
async fn main() -> Result<()> {
    let base = std::env::args().nth(1);
    let directory = tempfile::tempdir()?;
    let url = match &base {
        Some(base) => {
            let schema = format!("bench_claims_{}", std::process::id());
            mottak_store::testing::fresh_postgres_schema(base, &schema).await?
        }
        None => format!("sqlite:{}", directory.path().join("claims.db").display()),
    };
    let backend = if base.is_some() {
        "PostgreSQL"
    } else {
        "SQLite"
    };
    println!("stored claims benchmark on {backend}");
    let mut config = Config::new("127.0.0.1:0".parse()?, url);
    config.password_hashing = PasswordHashing::FastForTests;
    config.daily_jobs = false;
    let application = Application::build(config).await?;
    let store = application.state().store.clone();
    let address = application.address();
    tokio::spawn(application.run_until_stopped());

    let started = Instant::now();
    let caller = bench_support::caller(Role::UdiAdm, None);
    let centres = seed(&store, &caller).await?;
    println!(
        "seeded {CENTRES} centres, {} agreements, {} residents, approved {MONTH} and {NEXT_MONTH}, in {:.1} s",
        2 * CENTRES,
        RESIDENTS * CENTRES,
        started.elapsed().as_secs_f64()
    );

    let all = {
        let mut all = Vec::with_capacity(CENTRES);
        for id in &centres {
            let centre = store.centre(*id).await?;
            let operator = store.operator(centre.operator_id).await?;
            all.push((centre, operator));
        }
        all
    };
    let month = Month::parse(MONTH).expect("month");
    let started = Instant::now();
    let outcomes = make_claims(&store, &caller, &all, month)
        .await
        .map_err(|error| anyhow::anyhow!("{error:?}"))?;
    let elapsed = started.elapsed();
    let mut lines = 0;
    for (_, outcome) in outcomes {
        let id = outcome.map_err(|refusal| anyhow::anyhow!("{refusal:?}"))?;
        lines += store.claim(id).await?.lines.len();
    }
    println!(
        "{CENTRES} claims of {MONTH} ({lines} lines) in one transaction: {:.2} s ({:.2} ms a claim)",
        elapsed.as_secs_f64(),
        elapsed.as_secs_f64() * 1000.0 / CENTRES as f64
    );

    let next = Month::parse(NEXT_MONTH).expect("month");
    let started = Instant::now();
    for (centre, operator) in &all {
        make_claim(&store, &caller, centre, operator, next)
            .await
            .map_err(|error| anyhow::anyhow!("{error:?}"))?
            .map_err(|refusal| anyhow::anyhow!("{refusal:?}"))?;
    }
    let elapsed = started.elapsed();
    println!(
        "{CENTRES} claims of {NEXT_MONTH} one by one: {:.2} s ({:.2} ms a claim)",
        elapsed.as_secs_f64(),
        elapsed.as_secs_f64() * 1000.0 / CENTRES as f64
    );

    let client = login(&store, &format!("http://{address}")).await?;
    let page = format!("http://{address}/claims?month={MONTH}&region=I%C3%98ST");
    let mut times = Vec::new();
    for _ in 0..REQUESTS {
        let started = Instant::now();
        let body = client
            .get(&page)
            .send()
            .await?
            .error_for_status()?
            .text()
            .await?;
        times.push(started.elapsed());
        anyhow::ensure!(
            body.matches("/claims/").count() >= IN_REGION,
            "the overview lists the region"
        );
    }
    report(
        "claims overview of region IØST (300 centres), over HTTP",
        &mut times,
    );
    Ok(())
}

/// The centres with their agreements, residents, stays and approved month; their ids.
async fn seed(store: &Store, caller: &Caller) -> Result<Vec<i64>> {
    let actor = caller.actor();
    let operator = create_operator(
        store,
        &actor,
        &OperatorInput {
            name: "Bench AS".into(),
            organisation_number: "974760673".into(),
            ..OperatorInput::default()
        },
    )
    .await
    .map_err(|error| anyhow::anyhow!("{error:?}"))?;
    let mut centres = Vec::with_capacity(CENTRES);
    for index in 0..CENTRES {
        let series = series_of(index);
        let input = CentreInput {
            name: format!("Bench {index} asylmottak"),
            category: "ordinary".into(),
            series: series.into(),
            municipality_number: "0301".into(),
            postal_code: "0010".into(),
            operator_id: operator.id,
            ..CentreInput::default()
        };
        let (centre, _) = create_centre(store, &actor, &input)
            .await
            .map_err(|error| anyhow::anyhow!("{error:?}"))?;
        for body in agreements(operator.id, centre.id) {
            let input: AgreementInput = serde_json::from_value(body)?;
            create_agreement(store, &actor, &input)
                .await
                .map_err(|error| anyhow::anyhow!("{error:?}"))?;
        }
        centres.push(centre.id);
    }
    residents(store, &actor, &centres).await?;
    for month in [MONTH, NEXT_MONTH] {
        let month = Month::parse(month).expect("month");
        for id in &centres {
            let centre = store.centre(*id).await?;
            let operator = store.operator(centre.operator_id).await?;
            approve(store, caller, &centre, &operator, month)
                .await
                .map_err(|error| anyhow::anyhow!("{error:?}"))?;
        }
    }
    Ok(centres)
}

/// A main agreement with five place tiers and meals, and a supplement with one more tier.
fn agreements(operator_id: i64, centre_id: i64) -> [serde_json::Value; 2] {
    let main = json!({
        "kind": "H", "operator_id": operator_id, "signed": "2025-10-01",
        "operation_start": "2026-01-01", "valid_from": "2026-01-01", "valid_to": "2040-01-01",
        "notice_period_months": 6,
        "units": [{
            "centre_id": centre_id, "canteen": true, "fixed_places": 10,
            "fixed_annual_operating": {"amount": 9_500_000_00_i64, "regulation": {}},
            "fixed_annual_rent": {"amount": 1_800_000_00_i64, "payment": {"period": "quarterly"}},
            "unit_tiers": [
                {"priority": 1, "kind": "unit_price", "places": 4, "price": 420_00},
                {"priority": 2, "kind": "unit_price", "places": 4, "price": 440_00},
                {"priority": 3, "kind": "unit_price", "places": 4, "price": 460_00},
                {"priority": 4, "kind": "unit_price", "places": 4, "price": 480_00},
                {"priority": 9, "kind": "unit_price", "places": 0, "price": 650_00}
            ],
            "meal_tiers": [
                {"priority": 1, "persons": 10, "price": 0},
                {"priority": 2, "persons": 0, "price": 101_03}
            ]
        }]
    });
    let supplement = json!({
        "kind": "T", "operator_id": operator_id, "signed": "2026-01-15",
        "operation_start": "2026-02-01", "valid_from": "2026-02-01", "valid_to": "2030-01-01",
        "notice_period_months": 3,
        "units": [{
            "centre_id": centre_id, "canteen": true, "fixed_places": 0,
            "unit_tiers": [{"priority": 5, "kind": "unit_price", "places": 5, "price": 500_00}]
        }]
    });
    [main, supplement]
}

/// `RESIDENTS` residents per centre, each with a stay over the month (some leaving within it).
async fn residents(store: &Store, actor: &Actor, centres: &[i64]) -> Result<()> {
    let mut tx = store.begin_write().await?;
    for (c, centre) in centres.iter().enumerate() {
        let ids: Vec<usize> = (0..RESIDENTS).map(|r| c * RESIDENTS + r + 1).collect();
        let residents: Vec<String> = (ids.iter())
            .map(|id| {
                format!(
                    "({id}, '{}', 'Bench', 'Resident', '1990-01-01', 'unknown', 'h{id}', '2026-01-01T00:00:00.000000Z')",
                    100_000_000_000u64 + *id as u64
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
        let stays: Vec<String> = (ids.iter())
            .map(|id| {
                let to = if id % 3 == 0 { "'2026-03-17'" } else { "NULL" };
                format!(
                    "({id}, {centre}, 'ordinary', '2026-01-0{}', {to}, '2026-01-01T00:00:00.000000Z')",
                    1 + id % 9
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
        actor,
        EventDomain::Registry,
        "bench.seeded",
        "centre",
        0,
    ))
    .await?;
    tx.commit().await?;
    Ok(())
}

/// An admin with TOTP, logged in through the pages; the client keeps the session cookie.
async fn login(store: &Store, base: &str) -> Result<reqwest::Client> {
    let secret = totp::new_secret();
    mottak_server::accounts::insert(
        store,
        &Actor::system("bench"),
        NewUser {
            username: "bench-admin".into(),
            display_name: "Bench".into(),
            scope: RoleChange {
                role: "admin".into(),
                region: None,
                operator_dro: None,
                municipality_number: None,
                permissions: String::new(),
            },
            password_hash: password::hash("bench-password-1", PasswordHashing::FastForTests),
            totp_secret: Some(secret.clone()),
        },
    )
    .await?;
    let client = reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()?;
    let csrf = |html: &str| -> Result<String> {
        let marker = "name=\"csrf\" value=\"";
        let start = html.find(marker).context("a CSRF field")? + marker.len();
        Ok(html[start..]
            .split('"')
            .next()
            .unwrap_or_default()
            .to_owned())
    };
    let page = client
        .get(format!("{base}/login"))
        .send()
        .await?
        .text()
        .await?;
    client
        .post(format!("{base}/login"))
        .form(&[
            ("csrf", csrf(&page)?.as_str()),
            ("username", "bench-admin"),
            ("password", "bench-password-1"),
            ("next", "/"),
        ])
        .send()
        .await?;
    let page = client
        .get(format!("{base}/login/totp"))
        .send()
        .await?
        .text()
        .await?;
    let code = totp::code_at(&secret, totp::unix_now()).context("a TOTP code")?;
    let response = client
        .post(format!("{base}/login/totp"))
        .form(&[
            ("csrf", csrf(&page)?.as_str()),
            ("code", code.as_str()),
            ("next", "/"),
        ])
        .send()
        .await?;
    anyhow::ensure!(response.status().as_u16() == 303, "logged in");
    Ok(client)
}
