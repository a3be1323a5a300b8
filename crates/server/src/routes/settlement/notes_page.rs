//! R-SET-8 in the browser: the caller's side's notes on a person (linked from the person
//! folder page) and on a decision (linked from the settlement overview), with a form to add
//! one; a failed note keeps its text with the error beside it and in the summary.

use askama::Template;
use axum::Router;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use mottak_domain::access::Capability;
use mottak_domain::settlement::notes::NoteSubject;
use serde::Deserialize;

use super::page_forms::form_errors;
use crate::auth::csrf::CsrfForm;
use crate::auth::{Caller, allow};
use crate::error::{ApiResult, PageError};
use crate::form_errors::FormErrors;
use crate::pages::{Shell, display_timestamp, render};
use crate::settlement::notes::{self, NoteInput, NoteView};
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/residents/{id}/notes",
            get(show::<OnResident>)
                .post(add::<OnResident>)
                .route_layer(allow(Capability::ReadFolders)),
        )
        .route(
            "/settlement/decisions/{id}/notes",
            get(show::<OnDecision>)
                .post(add::<OnDecision>)
                .route_layer(allow(Capability::ReadSettlement)),
        )
}

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct NoteForm {
    body: String,
}

const LABELS: &[(&str, &str)] = &[("body", "notes.body")];

#[derive(Template)]
#[template(path = "settlement/notes.html")]
struct NotesPage {
    shell: Shell,
    /// Where the form posts and the page lives.
    action: String,
    /// The page the subject belongs to, and its name.
    back: String,
    back_label: &'static str,
    heading: &'static str,
    subject_id: i64,
    notes: Vec<NoteView>,
    form: NoteForm,
    errors: FormErrors,
}

impl NotesPage {
    fn when(&self, stored: &str) -> String {
        display_timestamp(stored)
    }
}

async fn list(
    state: &AppState,
    caller: &Caller,
    kind: NoteSubject,
    id: i64,
) -> ApiResult<Vec<NoteView>> {
    match kind {
        NoteSubject::Resident => notes::resident_notes(&state.store, caller, id).await,
        NoteSubject::Decision => notes::decision_notes(&state.store, caller, id).await,
    }
}

async fn page(
    state: &AppState,
    shell: Shell,
    caller: &Caller,
    (kind, id): (NoteSubject, i64),
    form: NoteForm,
    errors: FormErrors,
) -> Result<NotesPage, PageError> {
    let notes = list(state, caller, kind, id).await?;
    let (action, back, back_label, heading) = match kind {
        NoteSubject::Resident => (
            format!("/residents/{id}/notes"),
            format!("/residents/{id}/folder"),
            "folder.title",
            "notes.resident_title",
        ),
        NoteSubject::Decision => (
            format!("/settlement/decisions/{id}/notes"),
            "/settlement".to_owned(),
            "settlement.title",
            "notes.decision_title",
        ),
    };
    Ok(NotesPage {
        shell: shell.with_title(heading),
        action,
        back,
        back_label,
        heading,
        subject_id: id,
        notes,
        form,
        errors,
    })
}

/// Which subject a route's notes are on, as a type, so that one handler serves both routes.
trait Subject {
    const KIND: NoteSubject;
}

struct OnResident;
impl Subject for OnResident {
    const KIND: NoteSubject = NoteSubject::Resident;
}

struct OnDecision;
impl Subject for OnDecision {
    const KIND: NoteSubject = NoteSubject::Decision;
}

async fn show<S: Subject>(
    State(state): State<AppState>,
    shell: Shell,
    caller: Caller,
    Path(id): Path<i64>,
) -> Result<Response, PageError> {
    let page = page(
        &state,
        shell,
        &caller,
        (S::KIND, id),
        NoteForm::default(),
        FormErrors::default(),
    );
    Ok(render(&page.await?))
}

async fn add<S: Subject>(
    State(state): State<AppState>,
    shell: Shell,
    caller: Caller,
    Path(id): Path<i64>,
    CsrfForm(form): CsrfForm<NoteForm>,
) -> Result<Response, PageError> {
    let kind = S::KIND;
    let input = NoteInput {
        body: form.body.clone(),
    };
    let added = match kind {
        NoteSubject::Resident => notes::add_resident_note(&state.store, &caller, id, &input).await,
        NoteSubject::Decision => notes::add_decision_note(&state.store, &caller, id, &input).await,
    };
    match added {
        Ok(note) => {
            let path = match kind {
                NoteSubject::Resident => format!("/residents/{id}/notes#note-{note}"),
                NoteSubject::Decision => format!("/settlement/decisions/{id}/notes#note-{note}"),
            };
            Ok(Redirect::to(&path).into_response())
        }
        Err(error) => {
            let (status, errors) = form_errors(error, shell.lang, LABELS, &[])?;
            let page = page(&state, shell, &caller, (kind, id), form, errors).await?;
            Ok((status, render(&page)).into_response())
        }
    }
}
