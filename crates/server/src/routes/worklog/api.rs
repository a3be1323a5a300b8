//! The log's API (R-PLN-3).

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post, put};
use axum::{Json, Router};
use mottak_domain::access::Capability;
use mottak_domain::worklog::EntryInput;
use mottak_store::worklog::LogEntryRecord;
use serde::Deserialize;

use super::export;
use crate::auth::{Caller, allow};
use crate::error::ApiResult;
use crate::json::{ApiJson, versioned};
use crate::params::ApiPath;
use crate::state::AppState;
use crate::worklog;

pub(super) fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/api/v1/centres/{id}/log",
            get(log_api).route_layer(allow(Capability::FollowPlans)),
        )
        .route(
            "/api/v1/centres/{id}/log",
            post(create_entry_api).route_layer(allow(Capability::KeepLog)),
        )
        .route(
            "/api/v1/centres/{id}/log/{entry}",
            put(update_entry_api).route_layer(allow(Capability::KeepLog)),
        )
        .route(
            "/api/v1/centres/{id}/log/{entry}/follow-ups/{position}",
            post(follow_up_api).route_layer(allow(Capability::KeepLog)),
        )
        .route(
            "/api/v1/centres/{id}/log/csv",
            get(log_csv_api).route_layer(allow(Capability::FollowPlans)),
        )
        .route(
            "/api/v1/centres/{id}/log/pdf",
            get(log_pdf_api).route_layer(allow(Capability::FollowPlans)),
        )
}

/// The centre's log, one timeline across its plans: the newest activity first, then the entry
/// logged last.
#[utoipa::path(get, path = "/api/v1/centres/{id}/log", tag = "plans",
    params(("id" = i64, Path, description = "The id of the centre")),
    responses((status = 200, body = [LogEntryRecord]), (status = 404, body = crate::error::Problem)),
    security(("bearer" = [])))]
pub async fn log_api(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<i64>,
) -> ApiResult<Json<Vec<LogEntryRecord>>> {
    let (_, entries) = worklog::timeline(&state.store, &caller, id).await?;
    Ok(Json(entries))
}

/// Logs a follow-up activity (R-PLN-3): `date` (not after today), `kind`, `participants` (at
/// least one name), `summary` (up to 4000 characters), `follow_ups` (`text`, `due?`, `done?`)
/// and optionally the plan task it documents (`plan_id` with `task_position`, a task of one of
/// the centre's plans). Every invalid field is named in `errors`.
#[utoipa::path(post, path = "/api/v1/centres/{id}/log", tag = "plans", request_body = EntryInput,
    params(("id" = i64, Path, description = "The id of the centre")),
    responses((status = 201, body = LogEntryRecord), (status = 400, body = crate::error::Problem), (status = 404, body = crate::error::Problem)),
    security(("bearer" = [])))]
pub async fn create_entry_api(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<i64>,
    ApiJson(input): ApiJson<EntryInput>,
) -> ApiResult<(StatusCode, Json<LogEntryRecord>)> {
    let created = worklog::create_entry(&state.store, &caller, id, &input).await?;
    Ok((StatusCode::CREATED, Json(created)))
}

/// The body of an edit as the description shows it; read with [`versioned`].
#[derive(Deserialize, utoipa::ToSchema)]
#[allow(dead_code)]
pub struct EntryUpdate {
    /// The version the client read; a stale one is 409.
    version: i64,
    #[serde(flatten)]
    entry: EntryInput,
}

/// An edit: the whole entry again with the version read.
#[utoipa::path(put, path = "/api/v1/centres/{id}/log/{entry}", tag = "plans", request_body = EntryUpdate,
    params(("id" = i64, Path, description = "The id of the centre"),
        ("entry" = i64, Path, description = "The id of the entry")),
    responses((status = 200, body = LogEntryRecord), (status = 400, body = crate::error::Problem), (status = 404, body = crate::error::Problem), (status = 409, body = crate::error::Problem)),
    security(("bearer" = [])))]
pub async fn update_entry_api(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath((id, entry)): ApiPath<(i64, i64)>,
    ApiJson(body): ApiJson<serde_json::Map<String, serde_json::Value>>,
) -> ApiResult<Json<LogEntryRecord>> {
    let (version, input) = versioned::<EntryInput>(body)?;
    let changed = worklog::update_entry(&state.store, &caller, id, entry, version, &input).await?;
    Ok(Json(changed))
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct FollowUpDone {
    /// The entry's version; a stale one is 409.
    version: i64,
    done: bool,
}

/// Marks a follow-up done (or open again).
#[utoipa::path(post, path = "/api/v1/centres/{id}/log/{entry}/follow-ups/{position}", tag = "plans",
    request_body = FollowUpDone,
    params(("id" = i64, Path, description = "The id of the centre"),
        ("entry" = i64, Path, description = "The id of the entry"),
        ("position" = i64, Path, description = "The follow-up's position, from 1")),
    responses((status = 200, body = LogEntryRecord), (status = 400, body = crate::error::Problem), (status = 404, body = crate::error::Problem), (status = 409, body = crate::error::Problem)),
    security(("bearer" = [])))]
pub async fn follow_up_api(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath((id, entry, position)): ApiPath<(i64, i64, i64)>,
    ApiJson(body): ApiJson<FollowUpDone>,
) -> ApiResult<Json<LogEntryRecord>> {
    let changed = worklog::set_follow_up_done(
        &state.store,
        &caller,
        id,
        entry,
        body.version,
        position,
        body.done,
    )
    .await?;
    Ok(Json(changed))
}

/// The log as CSV (SPEC §9: `;`, UTF-8 with BOM, ISO dates, API codes), one row per entry in
/// the timeline's order, its follow-ups in one cell.
#[utoipa::path(get, path = "/api/v1/centres/{id}/log/csv", tag = "plans",
    params(("id" = i64, Path, description = "The id of the centre")),
    responses((status = 200, content_type = "text/csv", body = String),
        (status = 404, body = crate::error::Problem)),
    security(("bearer" = [])))]
pub async fn log_csv_api(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<i64>,
) -> ApiResult<Response> {
    let (centre, entries) = worklog::timeline(&state.store, &caller, id).await?;
    Ok(export::csv_response(&centre, &entries))
}

/// The log as a printable PDF in bokmål, the basis of the first ordinary inspection (seed 002 §4).
#[utoipa::path(get, path = "/api/v1/centres/{id}/log/pdf", tag = "plans",
    params(("id" = i64, Path, description = "The id of the centre")),
    responses((status = 200, content_type = "application/pdf", body = Vec<u8>),
        (status = 404, body = crate::error::Problem)),
    security(("bearer" = [])))]
pub async fn log_pdf_api(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<i64>,
) -> ApiResult<Response> {
    let (centre, entries) = worklog::timeline(&state.store, &caller, id).await?;
    Ok(export::pdf_response(&centre, &entries))
}
