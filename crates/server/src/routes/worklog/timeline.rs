//! The log page's timeline: the entries as rows, with the plan tasks they document.

use mottak_domain::dates::parse_date;
use mottak_domain::worklog::LogKind;
use mottak_store::worklog::LogEntryRecord;

use super::export::shown;
use crate::error::PageError;
use crate::occupancy::today;
use crate::pages::{Shell, display_date, display_timestamp};
use crate::routes::plans::item_title;
use crate::state::AppState;

pub(super) struct FollowUpRow {
    pub(super) position: i64,
    pub(super) text: String,
    pub(super) due: String,
    pub(super) done: bool,
    pub(super) overdue: bool,
}

pub(super) struct EntryRow {
    pub(super) id: i64,
    pub(super) version: i64,
    pub(super) date: String,
    pub(super) kind: &'static str,
    pub(super) participants: String,
    pub(super) summary: String,
    pub(super) task: String,
    pub(super) task_href: String,
    pub(super) logged: String,
    pub(super) follow_ups: Vec<FollowUpRow>,
}

/// The tasks of the centre's plans, as `PLAN:POSITION` with "plan – task (due)".
pub(super) async fn task_choices(
    state: &AppState,
    shell: &Shell,
    centre_id: i64,
) -> Result<Vec<(String, String)>, PageError> {
    let mut choices = Vec::new();
    for plan in state.store.plans_of_centre(centre_id).await? {
        let document = state
            .store
            .plan_template(&plan.template_key, plan.template_version)
            .await?;
        let Ok(template) = serde_json::from_str::<mottak_domain::plans::Template>(&document) else {
            continue;
        };
        let plan_name = shell.t(&format!("plans.template.{}", plan.template_key));
        for task in state.store.plan_tasks(plan.id).await? {
            let Some(index) = template
                .items
                .iter()
                .position(|item| item.key == task.item_key)
            else {
                continue;
            };
            let due = task
                .due
                .as_deref()
                .and_then(parse_date)
                .map(|due| format!(" ({})", display_date(due)))
                .unwrap_or_default();
            choices.push((
                format!("{}:{}", plan.id, task.position),
                format!(
                    "{plan_name} – {}{due}",
                    item_title(&template, index, shell.lang)
                ),
            ));
        }
    }
    Ok(choices)
}

pub(super) fn entry_row(
    shell: &Shell,
    entry: LogEntryRecord,
    tasks: &[(String, String)],
) -> EntryRow {
    let today = today();
    let (task, task_href) = match (entry.plan_id, entry.task_position) {
        (Some(plan), Some(position)) => {
            let code = format!("{plan}:{position}");
            let title = tasks
                .iter()
                .find(|(value, _)| *value == code)
                .map_or(code.clone(), |(_, title)| title.clone());
            (title, format!("/plans/{plan}#task-{position}"))
        }
        _ => (String::new(), String::new()),
    };
    EntryRow {
        id: entry.id,
        version: entry.version,
        date: shown(&entry.date),
        kind: LogKind::from_code(&entry.kind)
            .map_or("?", |kind| shell.t(&format!("log.kind.{}", kind.code()))),
        participants: entry.participants.join(", "),
        summary: entry.summary,
        task,
        task_href,
        logged: format!(
            "{} {}",
            entry.created_by,
            display_timestamp(&entry.created_at)
        ),
        follow_ups: entry
            .follow_ups
            .into_iter()
            .map(|follow_up| {
                let due = follow_up.due.as_deref().and_then(parse_date);
                FollowUpRow {
                    position: follow_up.position,
                    overdue: !follow_up.done && due.is_some_and(|due| due < today),
                    due: due.map(display_date).unwrap_or_default(),
                    text: follow_up.text,
                    done: follow_up.done,
                }
            })
            .collect(),
    }
}
