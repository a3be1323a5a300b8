//! R-SET-8 in the browser: an offer's notes and threads, each with its form where the caller
//! writes; a failed message keeps its text with the error beside it.

use askama::Template;
use axum::Router;
use axum::extract::Path;
use axum::response::{IntoResponse, Redirect};
use axum::routing::get;
use mottak_domain::access::Capability;
use serde::Deserialize;

use super::page_forms::{FormPage, refused_page, show};
use crate::auth::csrf::CsrfForm;
use crate::auth::{Caller, allow};
use crate::error::PageError;
use crate::form_errors::{FormErrors, Labels};
use crate::pages::{Page, PageResult, Shell, display_timestamp};
use crate::settlement::threads::{self, MessageInput, ThreadView};
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new().route(
        "/settlement/offers/{id}/messages",
        get(show::<ThreadsPage>)
            .post(send)
            .route_layer(allow(Capability::SignedIn)),
    )
}

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct MessageForm {
    channel: String,
    body: String,
}

const LABELS: &[(&str, &str)] = &[("body", "threads.body"), ("channel", "threads.channel")];

#[derive(Template)]
#[template(path = "settlement/threads.html")]
struct ThreadsPage {
    shell: Shell,
    offer_id: i64,
    threads: Vec<ThreadView>,
    form: MessageForm,
    errors: FormErrors,
}

impl ThreadsPage {
    fn when(&self, stored: &str) -> String {
        display_timestamp(stored)
    }
}

impl FormPage for ThreadsPage {
    type Subject = i64;
    type Form = MessageForm;
    const LABELS: &'static Labels = LABELS;

    async fn build(
        state: &AppState,
        shell: Shell,
        caller: &Caller,
        id: i64,
        form: MessageForm,
        errors: FormErrors,
    ) -> Result<ThreadsPage, PageError> {
        let threads = threads::threads(&state.store, caller, id).await?;
        Ok(ThreadsPage {
            shell: shell.with_title("threads.title"),
            offer_id: id,
            threads,
            form,
            errors,
        })
    }
}

async fn send(
    Page(state, shell, caller): Page,
    Path(id): Path<i64>,
    CsrfForm(form): CsrfForm<MessageForm>,
) -> PageResult {
    let input = MessageInput {
        channel: form.channel.clone(),
        body: form.body.clone(),
    };
    match threads::post(
        &state.store,
        &caller,
        id,
        &input,
        &state.config.public_url(),
    )
    .await
    {
        Ok(_) => Ok(Redirect::to(&format!(
            "/settlement/offers/{id}/messages#thread-{}",
            form.channel
        ))
        .into_response()),
        Err(error) => refused_page::<ThreadsPage>(&state, shell, &caller, id, form, error).await,
    }
}
