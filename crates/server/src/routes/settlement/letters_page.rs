//! R-SET-4 in the browser: IMDi's button for the settlement decision on an accepted offer, and
//! the letters as printable pages with their PDF beside them.

use askama::Template;
use axum::Router;
use axum::extract::{Path, State};
use axum::routing::{get, post};
use mottak_domain::access::Capability;
use mottak_domain::settlement::Recipient;

use super::letters_api::pdf_response;
use super::overview_page::SettlementForm;
use super::page_forms::back_to;
use crate::auth::csrf::CsrfForm;
use crate::auth::{Caller, allow};
use crate::pages::{Page, PageResult, Shell, render};
use crate::settlement::letters::{self, Letter};
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/settlement/offers/{id}/decision",
            post(decide).route_layer(allow(Capability::ManageSettlement)),
        )
        .route(
            "/settlement/offers/{id}/letters/municipality",
            get(municipality_letter).route_layer(allow(Capability::ReadSettlement)),
        )
        .route(
            "/settlement/offers/{id}/letters/municipality/pdf",
            get(municipality_pdf).route_layer(allow(Capability::ReadSettlement)),
        )
        .route(
            "/settlement/offers/{id}/letters/residents/{resident}",
            get(resident_letter).route_layer(allow(Capability::ManageSettlement)),
        )
        .route(
            "/settlement/offers/{id}/letters/residents/{resident}/pdf",
            get(resident_pdf).route_layer(allow(Capability::ManageSettlement)),
        )
}

#[derive(Template)]
#[template(path = "settlement/letter.html")]
struct LetterPage {
    shell: Shell,
    letter: Letter,
    pdf: String,
}

async fn decide(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<i64>,
    CsrfForm(_): CsrfForm<SettlementForm>,
) -> PageResult {
    let offer = letters::decide(&state.store, &caller, id).await?;
    Ok(back_to("/settlement", offer.year))
}

async fn page(
    state: &AppState,
    shell: Shell,
    caller: &Caller,
    id: i64,
    recipient: Recipient,
    pdf: String,
) -> PageResult {
    let letter = letters::letter(&state.store, caller, id, recipient, "html").await?;
    Ok(render(&LetterPage {
        shell: shell.with_title("letters.title"),
        letter,
        pdf,
    }))
}

async fn municipality_letter(Page(state, shell, caller): Page, Path(id): Path<i64>) -> PageResult {
    let pdf = format!("/settlement/offers/{id}/letters/municipality/pdf");
    page(&state, shell, &caller, id, Recipient::Municipality, pdf).await
}

async fn resident_letter(
    Page(state, shell, caller): Page,
    Path((id, resident)): Path<(i64, i64)>,
) -> PageResult {
    let pdf = format!("/settlement/offers/{id}/letters/residents/{resident}/pdf");
    page(
        &state,
        shell,
        &caller,
        id,
        Recipient::Resident(resident),
        pdf,
    )
    .await
}

async fn municipality_pdf(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<i64>,
) -> PageResult {
    let recipient = Recipient::Municipality;
    let letter = letters::letter(&state.store, &caller, id, recipient, "pdf").await?;
    Ok(pdf_response(&letter))
}

async fn resident_pdf(
    State(state): State<AppState>,
    caller: Caller,
    Path((id, resident)): Path<(i64, i64)>,
) -> PageResult {
    let recipient = Recipient::Resident(resident);
    let letter = letters::letter(&state.store, &caller, id, recipient, "pdf").await?;
    Ok(pdf_response(&letter))
}
