//! R-SET-8 in the browser: the caller's side's notes on a person (linked from the person
//! folder page) and on a decision (linked from the settlement overview), with a form to add
//! one; a failed note keeps its text with the error beside it and in the summary.

use askama::Template;
use axum::Router;
use axum::extract::Path;
use axum::response::{IntoResponse, Redirect};
use axum::routing::get;
use mottak_domain::access::Capability;
use mottak_domain::settlement::notes::NoteSubject;
use serde::Deserialize;

use super::page_forms::{FormPage, refused_page, show_page};
use crate::auth::csrf::CsrfForm;
use crate::auth::{Caller, allow};
use crate::error::PageError;
use crate::form_errors::{FormErrors, Labels};
use crate::pages::{Page, PageResult, Shell, display_timestamp};
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

impl FormPage for NotesPage {
    type Subject = (NoteSubject, i64);
    type Form = NoteForm;
    const LABELS: &'static Labels = LABELS;

    async fn build(
        state: &AppState,
        shell: Shell,
        caller: &Caller,
        (kind, id): (NoteSubject, i64),
        form: NoteForm,
        errors: FormErrors,
    ) -> Result<NotesPage, PageError> {
        let notes = notes::notes_on(&state.store, caller, kind, id).await?;
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

async fn show<S: Subject>(Page(state, shell, caller): Page, Path(id): Path<i64>) -> PageResult {
    show_page::<NotesPage>(&state, shell, &caller, (S::KIND, id)).await
}

async fn add<S: Subject>(
    Page(state, shell, caller): Page,
    Path(id): Path<i64>,
    CsrfForm(form): CsrfForm<NoteForm>,
) -> PageResult {
    let kind = S::KIND;
    let input = NoteInput {
        body: form.body.clone(),
    };
    match notes::add_note(&state.store, &caller, kind, id, &input).await {
        Ok(note) => {
            let path = match kind {
                NoteSubject::Resident => format!("/residents/{id}/notes#note-{note}"),
                NoteSubject::Decision => format!("/settlement/decisions/{id}/notes#note-{note}"),
            };
            Ok(Redirect::to(&path).into_response())
        }
        Err(error) => {
            refused_page::<NotesPage>(&state, shell, &caller, (kind, id), form, error).await
        }
    }
}
