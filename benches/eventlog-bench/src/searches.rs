//! The searches of the log page and API, through the store's own `search_events`, with the
//! scopes `domain::event_log::log_scope` gives real roles.

use std::time::{Duration, Instant};

use mottak_domain::access::Role;
use mottak_domain::event_log::{LogScope, log_scope};
use mottak_store::Store;
use mottak_store::events::EventQuery;

use crate::Result;
use crate::generate::{
    CENTRES, HOUSEHOLDS, REGIONS, Random, centre, household, household_municipality, municipalities,
};

const RUNS: usize = 200;
const WARM_UP: usize = 20;

struct Case {
    name: &'static str,
    query: Box<dyn Fn(&mut Random) -> EventQuery>,
}

fn base(scope: &LogScope) -> EventQuery {
    EventQuery {
        scope: scope.clone(),
        limit: 50,
        ..EventQuery::default()
    }
}

/// A calendar month of the decade, as the page sends it (from inclusive, to exclusive).
fn month(random: &mut Random) -> (Option<String>, Option<String>) {
    let year = 2016 + random.below(10);
    let month = 1 + random.below(12);
    let (next_year, next_month) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    (
        Some(format!("{year}-{month:02}-01")),
        Some(format!("{next_year}-{next_month:02}-01")),
    )
}

/// A centre of region `region` (by the generator's layout).
fn centre_in(region: &str, random: &mut Random) -> crate::generate::Centre {
    let offset = REGIONS.iter().position(|r| *r == region).unwrap_or(0) as u64;
    centre(offset + 6 * random.below(CENTRES / 6))
}

fn cases() -> Vec<Case> {
    let all = municipalities();
    let bergen_position = all.iter().position(|m| m == "4601").unwrap_or(0) as u64;
    let count = all.len() as u64;
    let bergen_household = move |random: &mut Random| {
        let index = bergen_position + count * random.below(HOUSEHOLDS / count);
        debug_assert_eq!(household_municipality(index, &all), "4601");
        household(index)
    };
    let bergen_household_text = bergen_household.clone();
    vec![
        Case {
            name: "entity: a centre (admin)",
            query: Box::new(|random| EventQuery {
                entity_type: Some("centre".into()),
                entity_id: Some(centre(random.below(CENTRES)).number),
                ..base(&admin_scope())
            }),
        },
        Case {
            name: "entity: a centre of its region (udi_region VEST)",
            query: Box::new(|random| EventQuery {
                entity_type: Some("centre".into()),
                entity_id: Some(centre_in("VEST", random).number),
                ..base(&vest_scope())
            }),
        },
        Case {
            name: "entity: a household (municipality 4601)",
            query: Box::new(move |random| EventQuery {
                entity_type: Some("household".into()),
                entity_id: Some(bergen_household(random)),
                ..base(&bergen_scope())
            }),
        },
        Case {
            name: "actor + month (admin)",
            query: Box::new(|random| {
                let (from, to) = month(random);
                EventQuery {
                    actor: Some(format!("udi{:02}", random.below(60))),
                    from,
                    to,
                    ..base(&admin_scope())
                }
            }),
        },
        Case {
            name: "actor + month (operator DRO1004)",
            query: Box::new(|random| {
                let (from, to) = month(random);
                EventQuery {
                    actor: Some(format!("drift{:03}", random.below(400))),
                    from,
                    to,
                    ..base(&operator_scope())
                }
            }),
        },
        Case {
            name: "text: a household number (imdi)",
            query: Box::new(|random| EventQuery {
                text: Some(household(random.below(HOUSEHOLDS))),
                ..base(&imdi_scope())
            }),
        },
        Case {
            name: "text: a household number (municipality 4601)",
            query: Box::new(move |random| EventQuery {
                text: Some(bergen_household_text(random)),
                ..base(&bergen_scope())
            }),
        },
        Case {
            name: "text: a centre's name, two words (udi_region VEST)",
            query: Box::new(|random| EventQuery {
                text: Some(centre_in("VEST", random).name.replace(" asylmottak", "")),
                ..base(&vest_scope())
            }),
        },
        Case {
            name: "text: a common word, 'offer' (imdi)",
            query: Box::new(|random| EventQuery {
                text: Some("offer".into()),
                offset: 50 * random.below(3) as i64,
                ..base(&imdi_scope())
            }),
        },
        Case {
            name: "text: a word outside the scope, 'asylmottak' (municipality 4601)",
            query: Box::new(|_| EventQuery {
                text: Some("asylmottak".into()),
                ..base(&bergen_scope())
            }),
        },
        Case {
            name: "no filter, first page (operator DRO1004)",
            query: Box::new(|_| base(&operator_scope())),
        },
    ]
}

fn admin_scope() -> LogScope {
    log_scope(Role::Admin, None, None, None)
}

fn vest_scope() -> LogScope {
    log_scope(Role::UdiRegion, Some("VEST"), None, None)
}

fn operator_scope() -> LogScope {
    log_scope(Role::Operator, None, Some("DRO1004"), None)
}

fn imdi_scope() -> LogScope {
    log_scope(Role::Imdi, None, None, None)
}

fn bergen_scope() -> LogScope {
    log_scope(Role::Municipality, None, None, Some("4601"))
}

fn percentile(sorted: &[Duration], fraction: f64) -> f64 {
    let index = ((sorted.len() as f64 - 1.0) * fraction).round() as usize;
    sorted[index].as_secs_f64() * 1000.0
}

pub async fn run(store: &Store) -> Result {
    println!(
        "| search | scope | rows (mean) | p50 ms | p95 ms | max ms |\n|---|---|---|---|---|---|"
    );
    let mut random = Random::new(7);
    for case in cases() {
        let mut times = Vec::with_capacity(RUNS);
        let mut rows = 0;
        for run in 0..WARM_UP + RUNS {
            let query = (case.query)(&mut random);
            let started = Instant::now();
            let events = store.search_events(&query).await?;
            let elapsed = started.elapsed();
            if run >= WARM_UP {
                times.push(elapsed);
                rows += events.len();
            }
        }
        times.sort();
        let (name, scope) = case.name.split_once(" (").unwrap_or((case.name, ""));
        println!(
            "| {name} | {} | {:.1} | {:.2} | {:.2} | {:.2} |",
            scope.trim_end_matches(')'),
            rows as f64 / RUNS as f64,
            percentile(&times, 0.5),
            percentile(&times, 0.95),
            percentile(&times, 1.0)
        );
    }
    Ok(())
}
