//! R-SET-8 in the API: notes on a person and on a decision, each side's own.

use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::get;
use axum::{Json, Router};
use mottak_domain::access::Capability;
use mottak_domain::settlement::notes::NoteSubject;

use super::api::Created;
use crate::auth::{Caller, allow};
use crate::error::ApiResult;
use crate::json::ApiJson;
use crate::params::ApiPath;
use crate::settlement::notes::{self, NoteInput, NoteView};
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/api/v1/residents/{id}/notes",
            get(resident_notes_api)
                .post(add_resident_note_api)
                .route_layer(allow(Capability::ReadFolders)),
        )
        .route(
            "/api/v1/settlement/decisions/{id}/notes",
            get(decision_notes_api)
                .post(add_decision_note_api)
                .route_layer(allow(Capability::ReadSettlement)),
        )
}

/// The caller's side's notes on a person, for those who reach the person folder (R-SET-6:
/// IMDi, the resident's operator, a caseworker with `folders` after the yes); otherwise 403.
/// Each read is logged, without the notes' text.
#[utoipa::path(get, path = "/api/v1/residents/{id}/notes",
    params(("id" = i64, Path, description = "The id of the resident")), tag = "settlement",
    responses((status = 200, body = [NoteView])), security(("bearer" = [])))]
pub async fn resident_notes_api(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<i64>,
) -> ApiResult<Json<Vec<NoteView>>> {
    let notes = notes::notes_on(&state.store, &caller, NoteSubject::Resident, id).await?;
    Ok(Json(notes))
}

/// A note on a person (R-SET-8), read by the writing side only; 400 naming `body`.
#[utoipa::path(post, path = "/api/v1/residents/{id}/notes",
    params(("id" = i64, Path, description = "The id of the resident")), tag = "settlement",
    request_body = NoteInput, responses((status = 201, body = Created)),
    security(("bearer" = [])))]
pub async fn add_resident_note_api(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<i64>,
    ApiJson(input): ApiJson<NoteInput>,
) -> ApiResult<(StatusCode, Json<Created>)> {
    let id = notes::add_note(&state.store, &caller, NoteSubject::Resident, id, &input).await?;
    Ok((StatusCode::CREATED, Json(Created::new(id))))
}

/// The caller's side's notes on a decision: IMDi, or the decision's municipality (with
/// `offers`); another municipality's decision is 404.
#[utoipa::path(get, path = "/api/v1/settlement/decisions/{id}/notes",
    params(("id" = i64, Path, description = "The id of the decision")), tag = "settlement",
    responses((status = 200, body = [NoteView])), security(("bearer" = [])))]
pub async fn decision_notes_api(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<i64>,
) -> ApiResult<Json<Vec<NoteView>>> {
    let notes = notes::notes_on(&state.store, &caller, NoteSubject::Decision, id).await?;
    Ok(Json(notes))
}

/// A note on a decision (R-SET-8), read by the writing side only; 400 naming `body`.
#[utoipa::path(post, path = "/api/v1/settlement/decisions/{id}/notes",
    params(("id" = i64, Path, description = "The id of the decision")), tag = "settlement",
    request_body = NoteInput, responses((status = 201, body = Created)),
    security(("bearer" = [])))]
pub async fn add_decision_note_api(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<i64>,
    ApiJson(input): ApiJson<NoteInput>,
) -> ApiResult<(StatusCode, Json<Created>)> {
    let id = notes::add_note(&state.store, &caller, NoteSubject::Decision, id, &input).await?;
    Ok((StatusCode::CREATED, Json(Created::new(id))))
}
