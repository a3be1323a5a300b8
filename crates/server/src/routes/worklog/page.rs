//! The centre's log page (R-PLN-3): the timeline, newest first, with its follow-ups (each can be
//! marked done), the form that logs an activity (it keeps what was typed and lists every error
//! in the summary), and links to the CSV and PDF exports. Reached from the centre's page and
//! its plans; `?task=PLAN:POSITION` preselects the plan task the entry documents.

use askama::Template;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use mottak_domain::access::Capability;
use mottak_domain::dates::parse_date;
use mottak_domain::error::FieldError;
use mottak_domain::worklog::{EntryInput, FollowUpInput, LogKind, participants_from_text};
use mottak_store::registry::CentreRecord;
use mottak_store::worklog::LogEntryRecord;
use serde::Deserialize;

use super::export;
use crate::auth::csrf::CsrfForm;
use crate::auth::{Caller, allow};
use crate::error::{ApiError, PageError};
use crate::form_errors::{FormErrors, Labels};
use crate::occupancy::today;
use crate::pages::{Shell, display_date, display_timestamp, parse_user_date, render};
use crate::routes::plans::item_title;
use crate::state::AppState;
use crate::worklog;

pub(super) fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/centres/{id}/log",
            get(log_page).route_layer(allow(Capability::FollowPlans)),
        )
        .route(
            "/centres/{id}/log",
            post(create).route_layer(allow(Capability::KeepLog)),
        )
        .route(
            "/centres/{id}/log/{entry}/follow-ups/{position}",
            post(follow_up_done).route_layer(allow(Capability::KeepLog)),
        )
        .route(
            "/centres/{id}/log/csv",
            get(log_csv).route_layer(allow(Capability::FollowPlans)),
        )
        .route(
            "/centres/{id}/log/pdf",
            get(log_pdf).route_layer(allow(Capability::FollowPlans)),
        )
}

/// Rows for follow-ups in the form; blank rows are ignored.
const FOLLOW_UP_ROWS: usize = 3;

const LABELS: &Labels = &[
    ("date", "log.date"),
    ("kind", "log.kind"),
    ("participants", "log.participants"),
    ("summary", "log.summary"),
    ("follow_up_1_text", "log.follow_up_1"),
    ("follow_up_1_due", "log.due_1"),
    ("follow_up_2_text", "log.follow_up_2"),
    ("follow_up_2_due", "log.due_2"),
    ("follow_up_3_text", "log.follow_up_3"),
    ("follow_up_3_due", "log.due_3"),
    ("task", "log.task"),
];

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct EntryForm {
    date: String,
    kind: String,
    participants: String,
    summary: String,
    follow_up_1_text: String,
    follow_up_1_due: String,
    follow_up_2_text: String,
    follow_up_2_due: String,
    follow_up_3_text: String,
    follow_up_3_due: String,
    /// `PLAN:POSITION`, or empty.
    task: String,
    /// `true` when the checkbox is ticked.
    complete_task: String,
}

impl EntryForm {
    fn follow_up_rows(&self) -> [(&str, &str); FOLLOW_UP_ROWS] {
        [
            (&self.follow_up_1_text, &self.follow_up_1_due),
            (&self.follow_up_2_text, &self.follow_up_2_due),
            (&self.follow_up_3_text, &self.follow_up_3_due),
        ]
    }

    /// The API's input: dates typed as dd.mm.yyyy become ISO (anything else goes on as typed,
    /// for the domain to name), the participants one per line.
    fn input(&self) -> EntryInput {
        let iso = |text: &str| {
            parse_user_date(text).map_or_else(|| text.trim().to_owned(), |day| day.to_string())
        };
        let (plan_id, task_position) = match self.task.split_once(':') {
            Some((plan, position)) => (plan.trim().parse().ok(), position.trim().parse().ok()),
            None => (None, None),
        };
        EntryInput {
            date: iso(&self.date),
            kind: self.kind.clone(),
            participants: participants_from_text(&self.participants),
            summary: self.summary.clone(),
            follow_ups: self
                .follow_up_rows()
                .into_iter()
                .map(|(text, due)| FollowUpInput {
                    text: text.to_owned(),
                    due: Some(iso(due)).filter(|due| !due.is_empty()),
                    done: false,
                })
                .collect(),
            plan_id,
            task_position,
            complete_task: self.complete_task == "true",
        }
    }
}

/// The API's field names as the form's: `follow_ups[1].due` is `follow_up_2_due`.
fn form_field(error: FieldError) -> FieldError {
    let field = error.field.clone();
    let named = if field.starts_with("participants") {
        "participants".to_owned()
    } else if field == "plan_id" || field == "task_position" {
        "task".to_owned()
    } else if let Some(rest) = field.strip_prefix("follow_ups[") {
        match rest.split_once("].") {
            Some((index, member)) => match index.parse::<usize>() {
                Ok(index) => format!("follow_up_{}_{member}", index + 1),
                Err(_) => field,
            },
            None => field,
        }
    } else {
        field
    };
    error.at(named)
}

struct FollowUpRow {
    position: i64,
    text: String,
    due: String,
    done: bool,
    overdue: bool,
}

struct EntryRow {
    id: i64,
    version: i64,
    date: String,
    kind: &'static str,
    participants: String,
    summary: String,
    task: String,
    task_href: String,
    logged: String,
    follow_ups: Vec<FollowUpRow>,
}

#[derive(Template)]
#[template(path = "worklog/log.html")]
struct LogPage {
    shell: Shell,
    centre: CentreRecord,
    entries: Vec<EntryRow>,
    kinds: Vec<(&'static str, &'static str)>,
    tasks: Vec<(String, String)>,
    form: EntryForm,
    /// The follow-up rows of the form: (number, text, due).
    rows: Vec<(usize, String, String)>,
    errors: FormErrors,
}

/// The tasks of the centre's plans, as `PLAN:POSITION` with "plan – task (due)".
async fn task_choices(
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

fn entry_row(shell: &Shell, entry: LogEntryRecord, tasks: &[(String, String)]) -> EntryRow {
    let today = today();
    let shown = |date: &str| {
        parse_date(date)
            .map(display_date)
            .unwrap_or_else(|| date.to_owned())
    };
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
                    overdue: follow_up.done == 0 && due.is_some_and(|due| due < today),
                    due: due.map(display_date).unwrap_or_default(),
                    text: follow_up.text,
                    done: follow_up.done != 0,
                }
            })
            .collect(),
    }
}

async fn page(
    state: &AppState,
    shell: Shell,
    caller: &Caller,
    id: i64,
    form: EntryForm,
    errors: FormErrors,
) -> Result<LogPage, PageError> {
    let (centre, entries) = worklog::timeline(&state.store, caller, id).await?;
    let tasks = task_choices(state, &shell, id).await?;
    let entries = entries
        .into_iter()
        .map(|entry| entry_row(&shell, entry, &tasks))
        .collect();
    let kinds = LogKind::ALL
        .map(|kind| (kind.code(), shell.t(&format!("log.kind.{}", kind.code()))))
        .to_vec();
    let rows = form
        .follow_up_rows()
        .into_iter()
        .enumerate()
        .map(|(index, (text, due))| (index + 1, text.to_owned(), due.to_owned()))
        .collect();
    Ok(LogPage {
        shell: shell.with_title("log.title"),
        centre,
        entries,
        kinds,
        tasks,
        form,
        rows,
        errors,
    })
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct LogQuery {
    /// `PLAN:POSITION`: the plan task to preselect.
    task: String,
}

async fn log_page(
    State(state): State<AppState>,
    shell: Shell,
    caller: Caller,
    Path(id): Path<i64>,
    Query(query): Query<LogQuery>,
) -> Result<Response, PageError> {
    let form = EntryForm {
        date: display_date(today()),
        kind: LogKind::Call.code().to_owned(),
        task: query.task,
        ..EntryForm::default()
    };
    let page = page(&state, shell, &caller, id, form, FormErrors::default()).await?;
    Ok(render(&page))
}

async fn create(
    State(state): State<AppState>,
    shell: Shell,
    caller: Caller,
    Path(id): Path<i64>,
    CsrfForm(form): CsrfForm<EntryForm>,
) -> Result<Response, PageError> {
    match worklog::create_entry(&state.store, &caller, id, &form.input()).await {
        Ok(entry) => {
            Ok(Redirect::to(&format!("/centres/{id}/log#entry-{}", entry.id)).into_response())
        }
        Err(ApiError::Invalid { errors, .. }) => {
            let errors =
                FormErrors::localized(errors.into_iter().map(form_field), shell.lang, LABELS);
            let page = page(&state, shell, &caller, id, form, errors).await?;
            Ok((StatusCode::BAD_REQUEST, render(&page)).into_response())
        }
        Err(other) => Err(other.into()),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct DoneForm {
    version: i64,
    /// `true` marks done, anything else open again.
    done: String,
}

async fn follow_up_done(
    State(state): State<AppState>,
    shell: Shell,
    caller: Caller,
    Path((id, entry, position)): Path<(i64, i64, i64)>,
    CsrfForm(form): CsrfForm<DoneForm>,
) -> Result<Response, PageError> {
    let done = form.done == "true";
    match worklog::set_follow_up_done(
        &state.store,
        &caller,
        id,
        entry,
        form.version,
        position,
        done,
    )
    .await
    {
        Ok(_) => Ok(Redirect::to(&format!("/centres/{id}/log#entry-{entry}")).into_response()),
        Err(ApiError::Conflict { .. }) => {
            let errors = FormErrors {
                summary: shell.t("log.stale").to_owned(),
                ..FormErrors::default()
            };
            let form = EntryForm {
                date: display_date(today()),
                kind: LogKind::Call.code().to_owned(),
                ..EntryForm::default()
            };
            let page = page(&state, shell, &caller, id, form, errors).await?;
            Ok((StatusCode::CONFLICT, render(&page)).into_response())
        }
        Err(other) => Err(other.into()),
    }
}

async fn log_csv(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<i64>,
) -> Result<Response, PageError> {
    let (centre, entries) = worklog::timeline(&state.store, &caller, id).await?;
    Ok(export::csv_response(&centre, &entries))
}

async fn log_pdf(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<i64>,
) -> Result<Response, PageError> {
    let (centre, entries) = worklog::timeline(&state.store, &caller, id).await?;
    Ok(export::pdf_response(&centre, &entries))
}
