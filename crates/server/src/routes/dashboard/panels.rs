//! What each role's start page shows of its own work (issue 17): UDI the centres whose
//! accounting data is incomplete (R-REG-8) and the latest lifecycle changes (R-REG-2); those who
//! follow plans their first tasks; a region and an operator their centres; admins the system.

use mottak_domain::access::{Capability, Role};
use mottak_store::registry::{CentreFilter, CentreSort};

use crate::auth::Caller;
use crate::error::PageError;
use crate::i18n::events::action_words;
use crate::pages::{Shell, display_date, display_timestamp};
use crate::plans::work::{count_my_tasks, first_tasks};
use crate::registry::scope;
use crate::routes::plans::item_title;
use crate::routes::registry::views::{accounting, accounting_label};
use crate::state::AppState;

/// How many lines a panel lists before it links to the whole list.
const LINES: usize = 5;

pub struct Line {
    pub href: String,
    pub text: String,
    /// What the line is about beyond its link: a due date, what is missing, when.
    pub detail: String,
    pub flagged: bool,
}

impl Line {
    /// A line on a centre, `number name`, linking to its page (at `anchor`, when not empty).
    fn centre(id: i64, number: &str, name: &str, anchor: &str, detail: String) -> Line {
        Line {
            href: format!("/centres/{id}{anchor}"),
            text: format!("{number} {name}"),
            detail,
            flagged: false,
        }
    }
}

/// A panel: a count of everything, its first lines, and the link to all of it.
pub struct Panel {
    /// The panel's id and the i18n key of its heading, `dashboard.panel.{id}`.
    pub id: &'static str,
    /// How many there are in all, where the panel counts them.
    pub total: Option<usize>,
    pub lines: Vec<Line>,
    pub all_href: String,
}

/// The open tasks of the caller's scope: the first in work order.
pub async fn tasks(state: &AppState, shell: &Shell, caller: &Caller) -> Result<Panel, PageError> {
    let today = crate::occupancy::today();
    let first = first_tasks(&state.store, caller, None, None, today, Some(LINES)).await?;
    let total = count_my_tasks(&state.store, caller, None).await?;
    let lines = first
        .iter()
        .map(|task| Line {
            href: format!("/plans/{}#task-{}", task.task.plan_id, task.task.position),
            text: format!(
                "{} – {} {}",
                item_title(&task.template, task.item, shell.lang),
                task.task.centre_number,
                task.task.centre_name
            ),
            detail: match (task.due, task.overdue) {
                (Some(due), true) => format!("{} {}", shell.t("plans.overdue"), display_date(due)),
                (Some(due), false) => display_date(due),
                (None, _) => shell.t("tasks.waiting").to_owned(),
            },
            flagged: task.overdue,
        })
        .collect();
    Ok(Panel {
        id: "tasks",
        total: usize::try_from(total).ok(),
        lines,
        all_href: "/tasks".to_owned(),
    })
}

/// Open centres whose accounting data is incomplete, so their claims cannot be correct
/// (R-REG-8), with what each lacks.
pub async fn incomplete_accounting(state: &AppState, shell: &Shell) -> Result<Panel, PageError> {
    let operators: std::collections::HashMap<i64, _> = state
        .store
        .operators()
        .await?
        .into_iter()
        .map(|operator| (operator.id, operator))
        .collect();
    let mut incomplete = Vec::new();
    for centre in state.store.centres_with_status("open").await? {
        let Some(operator) = operators.get(&centre.operator_id) else {
            continue;
        };
        let view = accounting(&centre, operator);
        if !view.complete {
            incomplete.push((centre, view.missing));
        }
    }
    let lines = incomplete
        .iter()
        .take(LINES)
        .map(|(centre, missing)| {
            let missing = missing
                .iter()
                .map(|field| shell.t(accounting_label(field)))
                .collect::<Vec<_>>()
                .join(", ");
            let detail = format!("{}: {missing}", shell.t("dashboard.missing"));
            Line {
                flagged: true,
                ..Line::centre(
                    centre.id,
                    &centre.number,
                    &centre.name,
                    "#h-accounting",
                    detail,
                )
            }
        })
        .collect();
    Ok(Panel {
        id: "accounting",
        total: Some(incomplete.len()),
        lines,
        all_href: "/centres?status=open".to_owned(),
    })
}

/// The latest lifecycle changes of centres (R-REG-2): renamed, closed, a new operator.
pub async fn lifecycle_changes(state: &AppState, shell: &Shell) -> Result<Panel, PageError> {
    let changes = state
        .store
        .recent_centre_changes(i64::try_from(LINES).unwrap_or(5))
        .await?;
    let lines = changes
        .into_iter()
        .map(|change| {
            let detail = format!(
                "{}, {}",
                action_words(&format!("centre.{}", change.operation), shell.lang),
                display_timestamp(&change.occurred_at)
            );
            Line::centre(
                change.centre_id,
                &change.number,
                &change.name,
                "#h-history",
                detail,
            )
        })
        .collect::<Vec<_>>();
    Ok(Panel {
        id: "lifecycle",
        total: None,
        lines,
        all_href: "/events?entity_type=centre".to_owned(),
    })
}

/// The centres in the caller's scope: a region's, an operator's.
pub async fn centres(state: &AppState, shell: &Shell, caller: &Caller) -> Result<Panel, PageError> {
    let mut filter = CentreFilter {
        sort: CentreSort::default(),
        limit: i64::try_from(LINES).unwrap_or(5) * 2,
        ..CentreFilter::default()
    };
    scope::restrict(&state.store, caller, &mut filter).await?;
    let (rows, total) = state.store.list_centres(&filter).await?;
    let lines = rows
        .into_iter()
        .map(|row| {
            let open = row.status == "open";
            let status = shell.t(if open {
                "registry.open"
            } else {
                "registry.closed"
            });
            let category = shell.t(&format!("category.{}", row.category));
            Line {
                flagged: !open,
                ..Line::centre(
                    row.id,
                    &row.number,
                    &row.name,
                    "",
                    format!("{category} · {status}"),
                )
            }
        })
        .collect();
    Ok(Panel {
        id: "centres",
        total: usize::try_from(total).ok(),
        lines,
        all_href: "/centres".to_owned(),
    })
}

/// The panels of the caller's role, in the order the start page shows them.
pub async fn for_caller(
    state: &AppState,
    shell: &Shell,
    caller: &Caller,
) -> Result<Vec<Panel>, PageError> {
    let mut panels = Vec::new();
    if caller.role.may(Capability::FollowPlans) {
        panels.push(tasks(state, shell, caller).await?);
    }
    if matches!(caller.role, Role::Admin | Role::UdiAdm) {
        panels.push(incomplete_accounting(state, shell).await?);
        panels.push(lifecycle_changes(state, shell).await?);
    }
    if matches!(caller.role, Role::UdiRegion | Role::Operator) {
        panels.push(centres(state, shell, caller).await?);
    }
    Ok(panels)
}
