//! R-SET-4 in the API: IMDi's settlement decision on an accepted offer, and its letters as PDF.

use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use mottak_domain::access::Capability;
use mottak_domain::settlement::Recipient;

use crate::auth::{Caller, allow};
use crate::error::ApiResult;
use crate::params::ApiPath;
use crate::settlement::letters::{self, Letter};
use crate::settlement::offers::OfferView;
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/api/v1/settlement/offers/{id}/decision",
            post(decide_api).route_layer(allow(Capability::ManageSettlement)),
        )
        .route(
            "/api/v1/settlement/offers/{id}/letters/municipality",
            get(municipality_letter_api).route_layer(allow(Capability::ReadSettlement)),
        )
        .route(
            "/api/v1/settlement/offers/{id}/letters/residents/{resident}",
            get(resident_letter_api).route_layer(allow(Capability::ManageSettlement)),
        )
}

/// The letter as a PDF download.
pub(super) fn pdf_response(letter: &Letter) -> Response {
    (
        [
            (header::CONTENT_TYPE, "application/pdf".to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{}\"", letter.file_name),
            ),
        ],
        letter.pdf(),
    )
        .into_response()
}

/// IMDi's settlement decision on an offer the municipality accepted (R-SET-4), dated today;
/// 409 before the yes or when it is already made.
#[utoipa::path(post, path = "/api/v1/settlement/offers/{id}/decision",
    params(("id" = i64, Path, description = "The id of the offer")), tag = "settlement",
    responses((status = 200, body = OfferView)), security(("bearer" = [])))]
pub async fn decide_api(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<i64>,
) -> ApiResult<Json<OfferView>> {
    Ok(Json(letters::decide(&state.store, &caller, id).await?))
}

/// The letter to the municipality as PDF (the household's ages and genders, no names); 409
/// before the settlement decision. Each download is logged.
#[utoipa::path(get, path = "/api/v1/settlement/offers/{id}/letters/municipality",
    params(("id" = i64, Path, description = "The id of the offer")), tag = "settlement",
    responses((status = 200, content_type = "application/pdf", body = Vec<u8>)),
    security(("bearer" = [])))]
pub async fn municipality_letter_api(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<i64>,
) -> ApiResult<Response> {
    let letter = letters::letter(&state.store, &caller, id, Recipient::Municipality, "pdf").await?;
    Ok(pdf_response(&letter))
}

/// The letter to one person the offer names, as PDF; 404 for a resident the offer does not
/// name, 409 before the settlement decision. Each download is logged.
#[utoipa::path(get, path = "/api/v1/settlement/offers/{id}/letters/residents/{resident}",
    params(("id" = i64, Path, description = "The id of the offer"),
        ("resident" = i64, Path, description = "The id of the resident")), tag = "settlement",
    responses((status = 200, content_type = "application/pdf", body = Vec<u8>)),
    security(("bearer" = [])))]
pub async fn resident_letter_api(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath((id, resident)): ApiPath<(i64, i64)>,
) -> ApiResult<Response> {
    let recipient = Recipient::Resident(resident);
    let letter = letters::letter(&state.store, &caller, id, recipient, "pdf").await?;
    Ok(pdf_response(&letter))
}
