//! R-SET-8 in the API: an offer's notes and threads, and the caller's notifications.

use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::get;
use axum::{Json, Router};
use mottak_domain::access::Capability;

use super::api::Created;
use crate::auth::{Caller, allow};
use crate::error::ApiResult;
use crate::json::ApiJson;
use crate::params::ApiPath;
use crate::settlement::threads::{self, MessageInput, Notification, ThreadView};
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/api/v1/settlement/offers/{id}/messages",
            get(threads_api)
                .post(post_message_api)
                .route_layer(allow(Capability::SignedIn)),
        )
        .route(
            "/api/v1/settlement/notifications",
            get(notifications_api).route_layer(allow(Capability::SignedIn)),
        )
}

/// The offer's channels the caller reads: its side's notes, IMDi and the municipality's
/// thread, and after the yes the municipality and the centre's; each read is logged. 403 for
/// roles outside settlement, 404 for an offer out of the caller's reach.
#[utoipa::path(get, path = "/api/v1/settlement/offers/{id}/messages",
    params(("id" = i64, Path, description = "The id of the offer")), tag = "settlement",
    responses((status = 200, body = [ThreadView])), security(("bearer" = [])))]
pub async fn threads_api(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<i64>,
) -> ApiResult<Json<Vec<ThreadView>>> {
    Ok(Json(threads::threads(&state.store, &caller, id).await?))
}

/// A note or a message (R-SET-8); 400 naming `channel` or `body`, 409 for the centre thread
/// before the yes, 403 for IMDi in the centre thread (it reads it).
#[utoipa::path(post, path = "/api/v1/settlement/offers/{id}/messages",
    params(("id" = i64, Path, description = "The id of the offer")), tag = "settlement",
    request_body = MessageInput, responses((status = 201, body = Created)),
    security(("bearer" = [])))]
pub async fn post_message_api(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<i64>,
    ApiJson(input): ApiJson<MessageInput>,
) -> ApiResult<(StatusCode, Json<Created>)> {
    let id = threads::post(
        &state.store,
        &caller,
        id,
        &input,
        &state.config.public_url(),
    )
    .await?;
    Ok((StatusCode::CREATED, Json(Created::new(id))))
}

/// The newest messages to the caller's side, without their text; empty outside settlement.
#[utoipa::path(get, path = "/api/v1/settlement/notifications", tag = "settlement",
    responses((status = 200, body = [Notification])), security(("bearer" = [])))]
pub async fn notifications_api(
    State(state): State<AppState>,
    caller: Caller,
) -> ApiResult<Json<Vec<Notification>>> {
    Ok(Json(threads::notifications(&state.store, &caller).await?))
}
