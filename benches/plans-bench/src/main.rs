//! Plans benchmark (SPEC §6, issue 15's measure).
//!
//! `cargo run --release -p plans-bench [-- postgres://…/db]`
//!
//! Seeds 1,000 centres, 300 of them in one region (IØST) and 700 across the other regions' county
//! series, each with a main agreement, whose registration starts the opening and new-centre
//! plans by itself, a notice that starts the closing plan, and an emergency follow-up plan
//! started by hand: four plans a centre. Times
//! - registering the 1,000 agreements with the plans they start, the 1,000 notices with theirs,
//!   and the 1,000 plans started by hand, in total and each;
//! - "my tasks" of a regional unit user (`server::plans::work::my_tasks`, what `/tasks` and
//!   `GET /api/v1/tasks` call), p50 and p95 of 50 calls; the store's query alone; and the
//!   list of one team; and the page's first 100 tasks with the count of every open task;
//! - the daily reminder job (`server::reminders::daily`) over the 1,000 centres for 80 users
//!   with an e-mail address (ten in each regional unit, twenty of UDI's staff): the first run of
//!   the day, which queues every reminder, and a second, which finds them queued.

use std::time::{Duration, Instant};

use anyhow::Result;
use bench_support::{caller, report};
use mottak_domain::access::Role;
use mottak_domain::agreements::AgreementInput;
use mottak_server::agreements::{create_agreement, give_notice};
use mottak_server::config::{Config, PasswordHashing};
use mottak_server::plans::start_plan_for;
use mottak_server::plans::work::{FIRST_PAGE, ResponsibleFilter, count_my_tasks, first_tasks};
use mottak_server::registry::{CentreInput, OperatorInput, create_centre, create_operator};
use mottak_server::startup::Application;
use mottak_store::Store;
use mottak_store::events::Actor;
use serde_json::json;

/// Centres (and so agreements) in all.
const CENTRES: usize = 1_000;
/// Of them in region IØST, whose "my tasks" is measured.
const IN_REGION: usize = 300;
const CALLS: usize = 50;
/// Region IØST's series, 75 centres each.
const SERIES: [&str; 4] = ["01", "04", "05", "06"];
/// The other regions' county series, for the other 700 (47 or 46 each, under R-REG-1's 99).
const OTHER_SERIES: [&str; 15] = [
    "02", "03", "07", "08", "09", "10", "11", "12", "14", "15", "16", "17", "18", "19", "20",
];

/// The series of the `index`th centre.
fn series(index: usize) -> &'static str {
    if index < IN_REGION {
        SERIES[index / (IN_REGION / SERIES.len())]
    } else {
        OTHER_SERIES[(index - IN_REGION) % OTHER_SERIES.len()]
    }
}

#[tokio::main]
async fn main() -> Result<()> {
    let base = std::env::args().nth(1);
    let directory = tempfile::tempdir()?;
    let url = match &base {
        Some(base) => {
            let schema = format!("bench_plans_{}", std::process::id());
            mottak_store::testing::fresh_postgres_schema(base, &schema).await?
        }
        None => format!("sqlite:{}", directory.path().join("plans.db").display()),
    };
    // Built as `mottak serve` builds it, so the reference data (municipalities, postal codes)
    // the registry checks is loaded; nothing is served.
    let mut config = Config::new("127.0.0.1:0".parse()?, url);
    config.password_hashing = PasswordHashing::FastForTests;
    config.daily_jobs = false;
    let application = Application::build(config).await?;
    let store = application.state().store.clone();
    println!(
        "plans benchmark on {}",
        if base.is_some() {
            "PostgreSQL"
        } else {
            "SQLite"
        }
    );
    let actor = Actor::system("bench");
    let seeded = seed(&store, &actor).await?;
    for (name, time) in [
        (
            "agreements registered with their opening and new-centre plans",
            seeded.registered,
        ),
        ("notices with their closing plans", seeded.noticed),
        ("emergency plans started by hand", seeded.started),
    ] {
        println!(
            "{CENTRES} {name}: {:.2} s ({:.1} ms each)",
            time.as_secs_f64(),
            time.as_secs_f64() * 1000.0 / CENTRES as f64,
        );
    }
    let caller = caller(Role::UdiRegion, Some("IØST"));
    let today = mottak_server::occupancy::today();
    let team = ResponsibleFilter::parse("team", "regional_unit")
        .map_err(|error| anyhow::anyhow!("{error:?}"))?;
    let lists: [(&str, Option<ResponsibleFilter>, Option<usize>); 3] = [
        ("my tasks of region IØST, every open task", None, None),
        (
            "my tasks of region IØST, the regional unit's",
            Some(team),
            None,
        ),
        (
            "my tasks of region IØST, the page's first 100 and the count",
            None,
            Some(FIRST_PAGE),
        ),
    ];
    for (name, team, before) in lists {
        let mut times = Vec::with_capacity(CALLS);
        let mut count = 0;
        for _ in 0..CALLS {
            let started = Instant::now();
            let tasks = first_tasks(&store, &caller, None, team, today, before)
                .await
                .map_err(|error| anyhow::anyhow!("{error:?}"))?;
            if before.is_some() {
                count_my_tasks(&store, &caller, None)
                    .await
                    .map_err(|error| anyhow::anyhow!("{error:?}"))?;
            }
            times.push(started.elapsed());
            count = tasks.len();
        }
        report(&format!("{name} ({count} tasks)"), &mut times);
    }
    let users = reminder_users(&store, &actor).await?;
    for run in [
        "first run of the day",
        "second run, every reminder already queued",
    ] {
        let started = Instant::now();
        let outcome =
            mottak_server::reminders::daily(store.clone(), today, "http://mottak.example".into())
                .await?;
        println!(
            "daily reminder job over {CENTRES} centres for {users} users, {run}: {:.2} s ({outcome})",
            started.elapsed().as_secs_f64()
        );
    }
    let mut times = Vec::with_capacity(CALLS);
    let mut count = 0;
    for _ in 0..CALLS {
        let started = Instant::now();
        count = store.open_tasks(Some("IØST")).await?.len();
        times.push(started.elapsed());
    }
    report(
        &format!("the open tasks' query alone ({count} rows)"),
        &mut times,
    );
    Ok(())
}

/// How long the seeding's plan-starting writes took, each kind in total.
struct Seeded {
    registered: Duration,
    noticed: Duration,
    started: Duration,
}

/// The centres with four plans each.
async fn seed(store: &Store, actor: &Actor) -> Result<Seeded> {
    let fail = |error| anyhow::anyhow!("{error:?}");
    let operator = create_operator(
        store,
        actor,
        &OperatorInput {
            name: "Plan AS".into(),
            organisation_number: "974760673".into(),
            ..OperatorInput::default()
        },
    )
    .await
    .map_err(fail)?;
    let mut seeded = Seeded {
        registered: Duration::ZERO,
        noticed: Duration::ZERO,
        started: Duration::ZERO,
    };
    for index in 0..CENTRES {
        let input = CentreInput {
            name: format!("Plan {index} asylmottak"),
            category: "ordinary".into(),
            series: series(index).into(),
            municipality_number: "0301".into(),
            postal_code: "0010".into(),
            operator_id: operator.id,
            ..CentreInput::default()
        };
        let (centre, _) = create_centre(store, actor, &input).await.map_err(fail)?;
        let agreement: AgreementInput = serde_json::from_value(json!({
            "kind": "H", "operator_id": operator.id, "signed": "2026-05-01",
            "operation_start": "2026-09-01", "valid_from": "2026-09-01",
            "valid_to": "2029-09-01", "notice_period_months": 6,
            "units": [{"centre_id": centre.id, "canteen": true, "fixed_places": 10,
                "unit_tiers": [{"priority": 1, "kind": "unit_price", "places": 0, "price": 42000}]}]
        }))?;
        let started = Instant::now();
        let created = create_agreement(store, actor, &agreement)
            .await
            .map_err(fail)?;
        seeded.registered += started.elapsed();
        let started = Instant::now();
        give_notice(store, actor, &created.agreement, "2027-01-15")
            .await
            .map_err(fail)?;
        seeded.noticed += started.elapsed();
        let operator = store.operator(operator.id).await?;
        let started = Instant::now();
        start_plan_for(
            store,
            actor,
            &centre,
            &operator,
            "emergency",
            created.agreement.id,
        )
        .await
        .map_err(|error| anyhow::anyhow!("{error}"))?;
        seeded.started += started.elapsed();
    }
    Ok(seeded)
}

/// Users who get reminders: ten with an address in each regional unit and twenty of UDI's staff.
async fn reminder_users(store: &Store, actor: &Actor) -> Result<usize> {
    let regions = ["ØST", "SØR", "IØST", "NORD", "VEST", "MIDT"];
    let users = regions
        .iter()
        .flat_map(|region| (0..10).map(move |index| ("udi_region", Some(*region), index)))
        .chain((0..20).map(|index| ("udi_adm", None, index)));
    let mut count = 0;
    for (role, region, index) in users {
        let username = format!("{role}.{}.{index}", region.unwrap_or("national"));
        let mut tx = store.begin_write().await?;
        let id = tx
            .insert_user(&mottak_store::users::NewUser {
                username: username.clone(),
                display_name: format!("Bruker {username}"),
                scope: mottak_store::users::RoleChange {
                    role: role.into(),
                    region: region.map(str::to_owned),
                    operator_dro: None,
                    municipality_number: None,
                    permissions: String::new(),
                },
                password_hash: "unusable".into(),
                totp_secret: None,
            })
            .await?;
        tx.set_user_email(id, Some(&format!("{index}@{}.example", role)))
            .await?;
        tx.record(mottak_store::events::NewEvent::new(
            actor,
            mottak_store::events::EventDomain::Accounts,
            "user.created",
            "user",
            id,
        ))
        .await?;
        tx.commit().await?;
        count += 1;
    }
    Ok(count)
}
