//! `POST/GET/PUT /api/v1/agreements…` (SPEC §10). UDI's administrative staff write nationally;
//! regions and operators read within their scope (others' agreements are 404).

use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::{get, post, put};
use axum::{Json, Router};
use chrono::NaiveDate;
use mottak_domain::access::Capability;
use mottak_domain::agreements::{
    AgreementInput, AgreementTerms, CapacitySummary, capacity_summary,
};
use mottak_store::agreements::StoredAgreement;
use serde::{Deserialize, Serialize};

use crate::agreements::{self, may_see, visible_agreement};
use crate::auth::{Caller, allow};
use crate::error::ApiResult;
use crate::json::{ApiJson, versioned};
use crate::params::{ApiPath, ApiQuery};
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/api/v1/agreements",
            post(create_agreement_api).route_layer(allow(Capability::ManageRegistry)),
        )
        .route(
            "/api/v1/agreements",
            get(list_agreements_api).route_layer(allow(Capability::ReadRegistry)),
        )
        .route(
            "/api/v1/agreements/{id}",
            get(agreement_api).route_layer(allow(Capability::ReadRegistry)),
        )
        .route(
            "/api/v1/agreements/{id}",
            put(update_agreement_api).route_layer(allow(Capability::ManageRegistry)),
        )
        .route(
            "/api/v1/agreements/{id}/notice",
            post(notice_api).route_layer(allow(Capability::ManageRegistry)),
        )
        .route(
            "/api/v1/agreements/{id}/versions",
            get(agreement_versions_api).route_layer(allow(Capability::ReadRegistry)),
        )
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct CreatedAgreement {
    id: i64,
    version: i64,
    name: String,
    /// Allowed but worth a look, e.g. a name that differs from R-AGR-2's.
    warnings: Vec<String>,
}

/// An agreement as stored, with what follows from it.
#[derive(Serialize, utoipa::ToSchema)]
pub struct AgreementView {
    id: i64,
    version: i64,
    #[serde(flatten)]
    terms: AgreementTerms,
    /// The exclusive end: the stop date when set, otherwise valid_to (R-AGR-3).
    end: NaiveDate,
    /// The day before the end.
    last_operating_day: NaiveDate,
    /// R-AGR-5, per unit in the order of `units`.
    capacity: Vec<CapacitySummary>,
}

impl From<StoredAgreement> for AgreementView {
    fn from(agreement: StoredAgreement) -> AgreementView {
        AgreementView {
            id: agreement.id,
            version: agreement.version,
            end: agreement.terms.end(),
            last_operating_day: agreement.terms.last_operating_day(),
            capacity: agreement.terms.units.iter().map(capacity_summary).collect(),
            terms: agreement.terms,
        }
    }
}

/// Registers an agreement (version 1); without `name` the name of R-AGR-2 is proposed.
#[utoipa::path(post, path = "/api/v1/agreements", tag = "agreements", request_body = AgreementInput,
    responses((status = 201, body = CreatedAgreement), (status = 400, body = crate::error::Problem), (status = 409, body = crate::error::Problem)),
    security(("bearer" = [])))]
pub async fn create_agreement_api(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(input): ApiJson<AgreementInput>,
) -> ApiResult<(StatusCode, Json<CreatedAgreement>)> {
    let created = agreements::create_agreement(&state.store, &caller.actor(), &input).await?;
    Ok((
        StatusCode::CREATED,
        Json(CreatedAgreement {
            id: created.agreement.id,
            version: created.agreement.version,
            name: created.agreement.terms.name,
            warnings: created.warnings,
        }),
    ))
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct AgreementQuery {
    /// Only the agreements with a unit for this centre.
    centre_id: Option<i64>,
    /// Only this operator's agreements.
    operator_id: Option<i64>,
}

/// The agreements in the caller's scope, by start.
#[utoipa::path(get, path = "/api/v1/agreements", tag = "agreements", params(AgreementQuery),
    responses((status = 200, body = [AgreementView])), security(("bearer" = [])))]
pub async fn list_agreements_api(
    State(state): State<AppState>,
    caller: Caller,
    ApiQuery(query): ApiQuery<AgreementQuery>,
) -> ApiResult<Json<Vec<AgreementView>>> {
    let mut views = Vec::new();
    for agreement in state
        .store
        .agreements(query.centre_id, query.operator_id)
        .await?
    {
        if may_see(&state.store, &caller, &agreement).await? {
            views.push(AgreementView::from(agreement));
        }
    }
    Ok(Json(views))
}

#[utoipa::path(get, path = "/api/v1/agreements/{id}", tag = "agreements",
    params(("id" = i64, Path, description = "The id of the agreement")),
    responses((status = 200, body = AgreementView), (status = 404, body = crate::error::Problem)),
    security(("bearer" = [])))]
pub async fn agreement_api(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<i64>,
) -> ApiResult<Json<AgreementView>> {
    let agreement = visible_agreement(&state.store, &caller, id).await?;
    Ok(Json(AgreementView::from(agreement)))
}

/// The body of an edit as the description shows it; read with [`versioned`].
#[derive(Deserialize, utoipa::ToSchema)]
#[allow(dead_code)]
pub struct AgreementUpdate {
    /// The version the client read; a stale one is 409.
    version: i64,
    #[serde(flatten)]
    agreement: AgreementInput,
}

/// An edit: the whole agreement again, stored as a new version.
#[utoipa::path(put, path = "/api/v1/agreements/{id}", tag = "agreements", request_body = AgreementUpdate,
    params(("id" = i64, Path, description = "The id of the agreement")),
    responses((status = 200, body = AgreementView), (status = 400, body = crate::error::Problem), (status = 404, body = crate::error::Problem), (status = 409, body = crate::error::Problem)),
    security(("bearer" = [])))]
pub async fn update_agreement_api(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<i64>,
    ApiJson(body): ApiJson<serde_json::Map<String, serde_json::Value>>,
) -> ApiResult<Json<AgreementView>> {
    let current = visible_agreement(&state.store, &caller, id).await?;
    let (version, input) = versioned::<AgreementInput>(body)?;
    let changed =
        agreements::update_agreement(&state.store, &caller.actor(), &current, version, &input)
            .await?;
    Ok(Json(AgreementView::from(changed)))
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NoticeInput {
    /// The date of notice, `YYYY-MM-DD`.
    #[schema(format = Date)]
    date: String,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct NoticeOutcome {
    /// Exclusive, like valid_to (R-AGR-4).
    stop_date: NaiveDate,
    last_operating_day: NaiveDate,
    version: i64,
}

/// Notice (R-AGR-4): the stop date is the date of notice + the notice period.
#[utoipa::path(post, path = "/api/v1/agreements/{id}/notice", tag = "agreements", request_body = NoticeInput,
    params(("id" = i64, Path, description = "The id of the agreement")),
    responses((status = 200, body = NoticeOutcome), (status = 400, body = crate::error::Problem), (status = 404, body = crate::error::Problem), (status = 409, body = crate::error::Problem)),
    security(("bearer" = [])))]
pub async fn notice_api(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<i64>,
    ApiJson(input): ApiJson<NoticeInput>,
) -> ApiResult<Json<NoticeOutcome>> {
    let current = visible_agreement(&state.store, &caller, id).await?;
    let changed =
        agreements::give_notice(&state.store, &caller.actor(), &current, &input.date).await?;
    Ok(Json(NoticeOutcome {
        stop_date: changed.terms.end(),
        last_operating_day: changed.terms.last_operating_day(),
        version: changed.version,
    }))
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct VersionView {
    version: i64,
    created_at: String,
    actor_name: String,
    agreement: AgreementTerms,
}

/// Every stored version, oldest first.
#[utoipa::path(get, path = "/api/v1/agreements/{id}/versions", tag = "agreements",
    params(("id" = i64, Path, description = "The id of the agreement")),
    responses((status = 200, body = [VersionView]), (status = 404, body = crate::error::Problem)),
    security(("bearer" = [])))]
pub async fn agreement_versions_api(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<i64>,
) -> ApiResult<Json<Vec<VersionView>>> {
    visible_agreement(&state.store, &caller, id).await?;
    let versions = state.store.agreement_versions(id).await?;
    Ok(Json(
        versions
            .into_iter()
            .map(|version| VersionView {
                version: version.version,
                created_at: version.created_at,
                actor_name: version.actor_name,
                agreement: version.terms,
            })
            .collect(),
    ))
}
