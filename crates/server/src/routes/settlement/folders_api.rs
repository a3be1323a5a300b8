//! R-SET-6 and R-SET-5 in the API: a resident's person folder and settlement date.

use axum::extract::State;
use axum::routing::{post, put};
use axum::{Json, Router};
use mottak_domain::access::Capability;
use serde::Serialize;

use crate::auth::{Caller, allow};
use crate::error::ApiResult;
use crate::json::ApiJson;
use crate::params::ApiPath;
use crate::settlement::folders::{self, SettlementInput};
use crate::state::AppState;
use mottak_domain::settlement::Folder;

pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/api/v1/residents/{id}/folder",
            put(put_folder_api).route_layer(allow(Capability::WriteFolders)),
        )
        .route(
            "/api/v1/residents/{id}/folder",
            axum::routing::get(folder_api).route_layer(allow(Capability::ReadFolders)),
        )
        .route(
            "/api/v1/residents/{id}/settlement",
            post(settle_api).route_layer(allow(Capability::SettleResidents)),
        )
}

/// Enters the person folder (R-SET-6): the operator of the centre where the resident lives.
#[utoipa::path(put, path = "/api/v1/residents/{id}/folder",
    params(("id" = i64, Path, description = "The id of the resident")), tag = "settlement",
    request_body = Folder, responses((status = 200, body = Folder)),
    security(("bearer" = [])))]
pub async fn put_folder_api(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<i64>,
    ApiJson(input): ApiJson<Folder>,
) -> ApiResult<Json<Folder>> {
    Ok(Json(
        folders::put_folder(&state.store, &caller, id, &input).await?,
    ))
}

/// The person folder, for admins, IMDi, the resident's operator and a municipal caseworker with
/// the `folders` permission once the municipality has said yes (R-SET-6); otherwise 403. Every
/// read is logged, without the folder's content.
#[utoipa::path(get, path = "/api/v1/residents/{id}/folder",
    params(("id" = i64, Path, description = "The id of the resident")), tag = "settlement",
    responses((status = 200, body = Folder)), security(("bearer" = [])))]
pub async fn folder_api(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<i64>,
) -> ApiResult<Json<Folder>> {
    Ok(Json(folders::read_folder(&state.store, &caller, id).await?))
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct Settled {
    resident_id: i64,
    municipality_number: String,
    #[schema(format = Date)]
    date: String,
}

/// The settlement date (R-SET-5): it ends the resident's open stay on that day (exclusive); 409
/// before the municipality's yes, or for a date before it.
#[utoipa::path(post, path = "/api/v1/residents/{id}/settlement",
    params(("id" = i64, Path, description = "The id of the resident")), tag = "settlement",
    request_body = SettlementInput, responses((status = 200, body = Settled)),
    security(("bearer" = [])))]
pub async fn settle_api(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<i64>,
    ApiJson(input): ApiJson<SettlementInput>,
) -> ApiResult<Json<Settled>> {
    let settlement = folders::settle(&state.store, &caller, id, &input).await?;
    Ok(Json(Settled {
        resident_id: settlement.resident_id,
        municipality_number: settlement.municipality_number,
        date: settlement.settled_on,
    }))
}
