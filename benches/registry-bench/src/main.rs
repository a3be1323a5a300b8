//! Registry benchmark (issue: registry, "Measure").
//!
//! `cargo run --release -p registry-bench [-- postgres://…/db]`
//!
//! 1. Fills a fresh database with 10,000 centres (stored directly: R-REG-1 allows only
//!    20 series × 99 = 1,980 real numbers, so the fixture numbers are synthetic) and times the
//!    filtered, sorted centre list through the API: p50/p95/max over 300 requests.
//! 2. Times the CSV import through the API: 10,000 operators (dry run and real), and the
//!    largest possible centre file — 1,980 rows, every number of every series (dry run and real).

use std::time::{Duration, Instant};

use mottak_domain::access::Role;
use mottak_domain::registry::organisation_number_check_digit;
use mottak_server::config::{Config, PasswordHashing};
use mottak_server::startup::Application;
use mottak_store::events::{Actor, EventDomain, NewEvent};
use mottak_store::registry::{CentreFields, NewCentre, NewOperator};
use mottak_store::users::{NewUser, RoleChange};

const CENTRES: usize = 10_000;
const REGIONS: [&str; 6] = ["ØST", "SØR", "IØST", "NORD", "VEST", "MIDT"];
const CATEGORIES: [&str; 4] = ["ordinary", "unaccompanied_minors", "transit", "emergency"];
const SERIES: [&str; 19] = [
    "01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12", "14", "15", "16", "17",
    "18", "19", "20",
];

#[tokio::main]
async fn main() -> anyhow_free::Result {
    let base = std::env::args().nth(1);
    let directory = tempfile::tempdir()?;
    let label = if base.is_some() {
        "PostgreSQL"
    } else {
        "SQLite"
    };
    println!("registry benchmark on {label}");

    let list_url = fresh_url(&base, &directory, "list").await?;
    let (app, token) = start(&list_url).await?;
    let seeded = Instant::now();
    seed_centres(&app).await?;
    println!(
        "seeded {CENTRES} centres in {:.1} s",
        seeded.elapsed().as_secs_f64()
    );
    list_latencies(&app, &token).await?;

    let import_url = fresh_url(&base, &directory, "import").await?;
    let (app, token) = start(&import_url).await?;
    import(&app, &token, "operators", operator_csv(10_000)).await?;
    import(&app, &token, "centres", centre_csv()).await?;
    Ok(())
}

/// `std::error::Error` boxes are enough for a benchmark.
mod anyhow_free {
    pub type Result<T = ()> = std::result::Result<T, Box<dyn std::error::Error>>;
}

async fn fresh_url(
    base: &Option<String>,
    directory: &tempfile::TempDir,
    name: &str,
) -> anyhow_free::Result<String> {
    Ok(match base {
        Some(base) => {
            let schema = format!("bench_{name}_{}", std::process::id());
            mottak_store::testing::fresh_postgres_schema(base, &schema).await?
        }
        None => format!(
            "sqlite:{}",
            directory.path().join(format!("{name}.db")).display()
        ),
    })
}

struct Running {
    address: String,
    store: mottak_store::Store,
}

async fn start(url: &str) -> anyhow_free::Result<(Running, String)> {
    let mut config = Config::new("127.0.0.1:0".parse()?, url.to_owned());
    config.password_hashing = PasswordHashing::FastForTests;
    let application = Application::build(config).await?;
    let address = format!("http://{}", application.address());
    let store = application.state().store.clone();
    tokio::spawn(application.run_until_stopped());
    let actor = Actor::system("bench");
    mottak_server::accounts::insert(
        &store,
        &actor,
        NewUser {
            username: "bench".into(),
            display_name: "Bench".into(),
            scope: RoleChange {
                role: Role::UdiAdm.code().into(),
                region: None,
                operator_dro: None,
                municipality_number: None,
                permissions: String::new(),
            },
            password_hash: "-".into(),
            totp_secret: None,
        },
    )
    .await?;
    let token = mottak_server::auth::tokens::issue(&store, &actor, "bench", "bench").await?;
    Ok((Running { address, store }, token))
}

async fn seed_centres(app: &Running) -> anyhow_free::Result {
    let actor = Actor::system("bench");
    let mut tx = app.store.begin_write().await?;
    let mut operators = Vec::new();
    for index in 0..50 {
        operators.push(
            tx.insert_operator(&NewOperator {
                dro_number: 1000 + index,
                name: format!("Operatør {index:02} AS"),
                organisation_number: "974760673".into(),
                experienced: true,
                ..NewOperator::default()
            })
            .await?,
        );
    }
    for index in 0..CENTRES {
        let series = SERIES[index % SERIES.len()];
        let centre = NewCentre {
            // Synthetic, unique numbers: a fixture, not a registry (see the module comment).
            number: format!("{series}{:05}", index),
            name: format!("Sted {index:05} asylmottak"),
            category: CATEGORIES[index % CATEGORIES.len()].into(),
            place_type: "ordinary".into(),
            operator_id: operators[index % operators.len()],
            predecessor_id: None,
            status: if index % 7 == 0 { "closed" } else { "open" }.into(),
            fields: CentreFields {
                region: REGIONS[index % REGIONS.len()].into(),
                municipality_number: "0301".into(),
                postal_code: "0010".into(),
                ..CentreFields::default()
            },
        };
        tx.insert_centre(&centre).await?;
    }
    tx.record(NewEvent::new(
        &actor,
        EventDomain::Registry,
        "bench.seeded",
        "centre",
        CENTRES,
    ))
    .await?;
    tx.commit().await?;
    Ok(())
}

fn percentile(sorted: &[Duration], fraction: f64) -> f64 {
    let index = ((sorted.len() as f64 - 1.0) * fraction).round() as usize;
    sorted[index].as_secs_f64() * 1000.0
}

async fn list_latencies(app: &Running, token: &str) -> anyhow_free::Result {
    let client = reqwest::Client::new();
    let queries = [
        "region=VEST&category=ordinary&status=open&sort=name&page=3",
        "q=sted%2001&sort=number",
        "operator_id=7&sort=name&order=desc&page=2",
        "series=12&status=open&per_page=200",
    ];
    for query in queries {
        let url = format!("{}/api/v1/centres?{query}", app.address);
        let mut times = Vec::new();
        let mut total = 0;
        for _ in 0..300 {
            let started = Instant::now();
            let response: serde_json::Value = client
                .get(&url)
                .bearer_auth(token)
                .send()
                .await?
                .json()
                .await?;
            times.push(started.elapsed());
            total = response["total"].as_i64().unwrap_or(-1);
        }
        times.sort();
        println!(
            "GET /api/v1/centres?{query}: {total} matches; p50 {:.2} ms, p95 {:.2} ms, max {:.2} ms",
            percentile(&times, 0.5),
            percentile(&times, 0.95),
            percentile(&times, 1.0)
        );
    }
    Ok(())
}

fn operator_csv(rows: usize) -> String {
    let mut csv = String::from("dro_number;name;organisation_number;experienced\n");
    for index in 0..rows {
        let stem = format!("{:08}", 91_000_000 + index * 13);
        let number = match organisation_number_check_digit(&stem) {
            Some(check) => format!("{stem}{check}"),
            None => "974760673".to_owned(),
        };
        csv.push_str(&format!(
            "DRO{};Importert drift {index} AS;{number};ja\n",
            2000 + index
        ));
    }
    csv
}

/// Every number of every county series, each with an imported operator (DRO2000–).
fn centre_csv() -> String {
    let mut csv =
        String::from("number;name;category;municipality_number;postal_code;operator_dro\n");
    let mut index = 0;
    for series in SERIES {
        for running in 1..=99 {
            csv.push_str(&format!(
                "{series}{running:02};Sted {index} asylmottak;ordinary;0301;0010;DRO{}\n",
                2000 + index % 10_000
            ));
            index += 1;
        }
    }
    csv
}

async fn import(app: &Running, token: &str, kind: &str, csv: String) -> anyhow_free::Result {
    let client = reqwest::Client::new();
    let rows = csv.lines().count() - 1;
    for mode in ["dry_run", "all"] {
        let started = Instant::now();
        let response = client
            .post(format!("{}/api/v1/import/{kind}?mode={mode}", app.address))
            .bearer_auth(token)
            .header("content-type", "text/csv")
            .body(csv.clone())
            .send()
            .await?;
        let status = response.status();
        let report: serde_json::Value = response.json().await?;
        println!(
            "import {rows} {kind}, {mode}: {:.2} s (HTTP {status}, valid {}, imported {})",
            started.elapsed().as_secs_f64(),
            report["valid_rows"],
            report["imported"]
        );
    }
    Ok(())
}
