//! The centre's log page (R-PLN-3): the timeline, newest first, with its follow-ups (each can be
//! marked done), the form that logs an activity (it keeps what was typed and lists every error
//! in the summary), and links to the CSV and PDF exports. Reached from the centre's page and
//! its plans; `?task=PLAN:POSITION` preselects the plan task the entry documents.

use askama::Template;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};
use axum::routing::{get, post};
use mottak_domain::access::Capability;
use mottak_domain::worklog::LogKind;
use mottak_store::registry::CentreRecord;
use serde::Deserialize;

use super::export;
use super::form::{EntryForm, LABELS, form_field};
use super::timeline::{EntryRow, entry_row, task_choices};
use crate::auth::csrf::CsrfForm;
use crate::auth::{Caller, allow};
use crate::error::{ApiError, PageError};
use crate::form_errors::FormErrors;
use crate::pages::{Page, PageResult, Shell, render};
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
    Page(state, shell, caller): Page,
    Path(id): Path<i64>,
    Query(query): Query<LogQuery>,
) -> PageResult {
    let form = EntryForm::blank(query.task);
    let page = page(&state, shell, &caller, id, form, FormErrors::default()).await?;
    Ok(render(&page))
}

async fn create(
    Page(state, shell, caller): Page,
    Path(id): Path<i64>,
    CsrfForm(form): CsrfForm<EntryForm>,
) -> PageResult {
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
    Page(state, shell, caller): Page,
    Path((id, entry, position)): Path<(i64, i64, i64)>,
    CsrfForm(form): CsrfForm<DoneForm>,
) -> PageResult {
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
            let form = EntryForm::blank(String::new());
            let page = page(&state, shell, &caller, id, form, errors).await?;
            Ok((StatusCode::CONFLICT, render(&page)).into_response())
        }
        Err(other) => Err(other.into()),
    }
}

async fn log_csv(State(state): State<AppState>, caller: Caller, Path(id): Path<i64>) -> PageResult {
    let (centre, entries) = worklog::timeline(&state.store, &caller, id).await?;
    Ok(export::csv_response(&centre, &entries))
}

async fn log_pdf(State(state): State<AppState>, caller: Caller, Path(id): Path<i64>) -> PageResult {
    let (centre, entries) = worklog::timeline(&state.store, &caller, id).await?;
    Ok(export::pdf_response(&centre, &entries))
}
