//! R-AUTH-3 and R-SET-1a in the API: the required version, each municipality's agreement and
//! its official mailbox (IMDi, admin).

use axum::extract::State;
use axum::routing::{get, put};
use axum::{Json, Router};
use mottak_domain::access::Capability;
use serde::Serialize;

use crate::auth::{Caller, allow};
use crate::error::ApiResult;
use crate::json::ApiJson;
use crate::params::ApiPath;
use crate::settlement::agreements::{
    self, ProcessingAgreementInput, ProcessingAgreementView, ProfileInput, RequiredVersionInput,
};
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/api/v1/reference/data-processing-agreement",
            put(put_required_version_api).route_layer(allow(Capability::ManageSettlement)),
        )
        .route(
            "/api/v1/municipalities/{number}/data-processing-agreement",
            put(put_agreement_api).route_layer(allow(Capability::ManageSettlement)),
        )
        .route(
            "/api/v1/municipalities/{number}/settlement-profile",
            put(put_profile_api).route_layer(allow(Capability::ManageSettlement)),
        )
        .route(
            "/api/v1/data-processing-agreements",
            get(list_agreements_api).route_layer(allow(Capability::ManageSettlement)),
        )
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct RequiredVersion {
    required_version: String,
}

/// Marks the version every municipality must have signed (R-AUTH-3); until one is set, any
/// signed version counts.
#[utoipa::path(put, path = "/api/v1/reference/data-processing-agreement", tag = "settlement",
    request_body = RequiredVersionInput, responses((status = 200, body = RequiredVersion)),
    security(("bearer" = [])))]
pub async fn put_required_version_api(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(input): ApiJson<RequiredVersionInput>,
) -> ApiResult<Json<RequiredVersion>> {
    let required_version = agreements::set_required_version(&state.store, &caller, &input).await?;
    Ok(Json(RequiredVersion { required_version }))
}

/// Registers (or corrects) the municipality's signed agreement in a version (`ends_on`
/// exclusive). Its users may work while one in the required version is in force (R-AUTH-3).
#[utoipa::path(put, path = "/api/v1/municipalities/{number}/data-processing-agreement",
    params(("number" = String, Path, description = "The municipality's four-digit number")),
    tag = "settlement", request_body = ProcessingAgreementInput,
    responses((status = 200, body = ProcessingAgreementView)), security(("bearer" = [])))]
pub async fn put_agreement_api(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(number): ApiPath<String>,
    ApiJson(input): ApiJson<ProcessingAgreementInput>,
) -> ApiResult<Json<ProcessingAgreementView>> {
    Ok(Json(
        agreements::register(&state.store, &caller, &number, &input).await?,
    ))
}

/// Every registered agreement, with whether it gives access today.
#[utoipa::path(get, path = "/api/v1/data-processing-agreements", tag = "settlement",
    responses((status = 200, body = [ProcessingAgreementView])), security(("bearer" = [])))]
pub async fn list_agreements_api(
    State(state): State<AppState>,
) -> ApiResult<Json<Vec<ProcessingAgreementView>>> {
    Ok(Json(agreements::list(&state.store).await?))
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct Profile {
    municipality_number: String,
    postmottak: String,
}

/// Keeps the municipality's official mailbox (postmottak, R-SET-1a).
#[utoipa::path(put, path = "/api/v1/municipalities/{number}/settlement-profile",
    params(("number" = String, Path, description = "The municipality's four-digit number")),
    tag = "settlement", request_body = ProfileInput,
    responses((status = 200, body = Profile)), security(("bearer" = [])))]
pub async fn put_profile_api(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(number): ApiPath<String>,
    ApiJson(input): ApiJson<ProfileInput>,
) -> ApiResult<Json<Profile>> {
    agreements::put_profile(&state.store, &caller, &number, &input).await?;
    Ok(Json(Profile {
        municipality_number: number,
        postmottak: input.postmottak.trim().to_owned(),
    }))
}
