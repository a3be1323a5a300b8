//! Stored claims through the API (SPEC §10): `POST /api/v1/claims`, `GET /api/v1/claims`,
//! `GET /api/v1/claims/{id}` and its CSV and PDF. Operators make and read the claims of their own
//! centres, UDI's administration nationally, a region reads its centres' (R-CLM-5).

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use axum::{Json, Router};
use mottak_domain::access::Capability;
use mottak_domain::claims::{ClaimLine, ClaimWarning};
use mottak_domain::dates::Month;
use mottak_domain::error::{FieldError, Problem};
use mottak_store::claims::StoredClaim;
use mottak_store::registry::{CentreRecord, OperatorRecord};
use serde::{Deserialize, Serialize};

use super::documents::{csv_response, pdf_response};
use super::overview::{centres_in_scope, with_operators};
use crate::auth::{Caller, allow};
use crate::claims::{make_claim, make_claims, visible_claim};
use crate::error::{ApiError, ApiResult};
use crate::json::ApiJson;
use crate::occupancy::load_centre;
use crate::params::{ApiPath, ApiQuery};
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/api/v1/claims/month",
            post(make_month_api).route_layer(allow(Capability::MakeClaims)),
        )
        .route(
            "/api/v1/claims",
            post(create_claim_api).route_layer(allow(Capability::MakeClaims)),
        )
        .route(
            "/api/v1/claims",
            get(list_claims_api).route_layer(allow(Capability::ReadClaims)),
        )
        .route(
            "/api/v1/claims/{id}",
            get(claim_api).route_layer(allow(Capability::ReadClaims)),
        )
        .route(
            "/api/v1/claims/{id}/csv",
            get(claim_csv_api).route_layer(allow(Capability::ReadClaims)),
        )
        .route(
            "/api/v1/claims/{id}/pdf",
            get(claim_pdf_api).route_layer(allow(Capability::ReadClaims)),
        )
}

/// `{centre_id, month}`: the centre's claim for an approved month.
#[derive(Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct NewClaimInput {
    pub centre_id: i64,
    /// `YYYY-MM`.
    #[schema(example = "2026-03")]
    pub month: String,
}

/// R-REG-8: a claim is correct only with the whole accounting header.
#[derive(Serialize, utoipa::ToSchema)]
pub struct AccountingState {
    pub complete: bool,
    /// The missing fields' names.
    pub missing: Vec<String>,
}

/// What explains a line beyond the engine's numbers (same order as `lines`).
#[derive(Serialize, utoipa::ToSchema)]
pub struct LineExplanation {
    /// The names of the agreements whose tier or transfer the line pays.
    pub agreements: Vec<String>,
    /// For a `credit` line: the month whose difference it pays back (R-AGR-3).
    pub credits: Option<String>,
    /// For a fixed transfer paid quarterly, yearly or once (R-AGR-10): the month whose earnings
    /// it pays (`YYYY-MM`).
    pub covers: Option<String>,
}

/// A stored claim: `lines`, `warnings` and `total` as the simulation computes them from the
/// stored agreements and the approved occupancy.
#[derive(Serialize, utoipa::ToSchema)]
pub struct ClaimView {
    pub id: i64,
    pub centre_id: i64,
    pub centre_number: String,
    pub centre_name: String,
    /// `YYYY-MM`.
    pub month: String,
    pub lines: Vec<ClaimLine>,
    pub explanations: Vec<LineExplanation>,
    pub warnings: Vec<ClaimWarning>,
    /// Øre.
    pub total: i64,
    pub accounting: AccountingState,
    pub created_at: String,
    pub created_by: String,
    /// Set when an agreement's end moved before days this claim paid (R-AGR-3).
    pub flagged_at: Option<String>,
    /// The claim that credited the difference.
    pub credited_in: Option<i64>,
}

pub fn claim_view(claim: &StoredClaim, centre: &CentreRecord) -> ClaimView {
    ClaimView {
        id: claim.id,
        centre_id: claim.centre_id,
        centre_number: centre.number.clone(),
        centre_name: centre.name.clone(),
        month: claim.month.to_string(),
        lines: claim.lines.iter().map(|line| line.line.clone()).collect(),
        explanations: claim
            .lines
            .iter()
            .map(|line| LineExplanation {
                agreements: line.agreements.clone(),
                credits: line.credits.map(|month| month.to_string()),
                covers: line.covers.map(|month| month.to_string()),
            })
            .collect(),
        warnings: claim.warnings.clone(),
        total: claim.total.0,
        accounting: AccountingState {
            complete: claim.complete,
            missing: claim.missing.clone(),
        },
        created_at: claim.created_at.clone(),
        created_by: claim.created_by.clone(),
        flagged_at: claim.flagged_at.clone(),
        credited_in: claim.credited_in,
    }
}

pub fn parse_month(field: &str, text: &str) -> ApiResult<Month> {
    Month::parse(text.trim()).ok_or_else(|| ApiError::coded(field, Problem::Month))
}

/// A centre the caller may claim for, or 400 naming `centre_id`.
async fn claimable_centre(
    state: &AppState,
    caller: &Caller,
    id: i64,
) -> ApiResult<(CentreRecord, OperatorRecord)> {
    match load_centre(&state.store, caller, id).await {
        Err(ApiError::NotFound) => Err(ApiError::coded("centre_id", Problem::NoCentreWithId)),
        other => other,
    }
}

/// Makes the centre's claim for an approved month from its stored agreements (R-CLM-5); 409
/// with the reason when the month is not approved, already claimed, or the claim window of
/// R-CLM-6 has closed.
#[utoipa::path(post, path = "/api/v1/claims", tag = "claims", request_body = NewClaimInput,
    responses((status = 201, body = ClaimView), (status = 400, body = crate::error::Problem),
        (status = 409, body = crate::error::Problem)),
    security(("bearer" = [])))]
pub async fn create_claim_api(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(input): ApiJson<NewClaimInput>,
) -> ApiResult<(StatusCode, Json<ClaimView>)> {
    let mut errors = Vec::new();
    let centre = match claimable_centre(&state, &caller, input.centre_id).await {
        Ok(centre) => Some(centre),
        Err(ApiError::Invalid { errors: found, .. }) => {
            errors.extend(found);
            None
        }
        Err(other) => return Err(other),
    };
    let month = Month::parse(input.month.trim());
    if month.is_none() {
        errors.push(FieldError::coded("month", Problem::Month));
    }
    let (Some((centre, operator)), Some(month)) = (centre, month) else {
        return Err(ApiError::invalid_fields(errors));
    };
    let id = make_claim(&state.store, &caller, &centre, &operator, month)
        .await?
        .map_err(|refusal| refusal.into_api(month))?;
    let claim = state.store.claim(id).await?;
    Ok((StatusCode::CREATED, Json(claim_view(&claim, &centre))))
}

/// The month whose claims to make, optionally in one region (admins and UDI's administration).
#[derive(Deserialize, utoipa::ToSchema)]
pub struct MonthClaimsInput {
    /// `YYYY-MM`.
    pub month: String,
    pub region: Option<String>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct MadeClaim {
    pub centre_id: i64,
    pub claim_id: i64,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct RefusedClaim {
    pub centre_id: i64,
    /// `already_made`, `not_approved` or `window_closed`.
    pub reason: String,
    pub detail: String,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct MonthClaims {
    pub made: Vec<MadeClaim>,
    pub refused: Vec<RefusedClaim>,
}

/// Makes every claim of the month that can be made for the centres in the caller's scope, in one
/// transaction: the made claims' ids, and per other centre why not.
#[utoipa::path(post, path = "/api/v1/claims/month", tag = "claims", request_body = MonthClaimsInput,
    responses((status = 200, body = MonthClaims), (status = 400, body = crate::error::Problem)),
    security(("bearer" = [])))]
pub async fn make_month_api(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(input): ApiJson<MonthClaimsInput>,
) -> ApiResult<Json<MonthClaims>> {
    let month = parse_month("month", &input.month)?;
    let (_, rows) = centres_in_scope(&state, &caller, input.region.as_deref()).await?;
    let centres = with_operators(&state, &rows).await?;
    let mut answer = MonthClaims {
        made: Vec::new(),
        refused: Vec::new(),
    };
    for (centre_id, outcome) in make_claims(&state.store, &caller, &centres, month).await? {
        match outcome {
            Ok(claim_id) => answer.made.push(MadeClaim {
                centre_id,
                claim_id,
            }),
            Err(refusal) => answer.refused.push(RefusedClaim {
                centre_id,
                reason: refusal.code().to_owned(),
                detail: refusal.into_api(month).to_string(),
            }),
        }
    }
    Ok(Json(answer))
}

/// `?month=YYYY-MM&centre_id=N`, both optional.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(default)]
pub struct ClaimQuery {
    /// `YYYY-MM`.
    pub month: Option<String>,
    pub centre_id: Option<i64>,
}

/// One claim without its lines.
#[derive(Serialize, utoipa::ToSchema)]
pub struct ClaimListItem {
    pub id: i64,
    pub centre_id: i64,
    pub month: String,
    pub total: i64,
    pub complete: bool,
    pub flagged: bool,
}

/// The claims in the caller's scope, of one centre or one month; a centre outside the
/// caller's scope is 404.
#[utoipa::path(get, path = "/api/v1/claims", tag = "claims", params(ClaimQuery),
    responses((status = 200, body = [ClaimListItem]), (status = 400, body = crate::error::Problem),
        (status = 404, body = crate::error::Problem)),
    security(("bearer" = [])))]
pub async fn list_claims_api(
    State(state): State<AppState>,
    caller: Caller,
    ApiQuery(query): ApiQuery<ClaimQuery>,
) -> ApiResult<Json<Vec<ClaimListItem>>> {
    let summaries = match (&query.month, query.centre_id) {
        (_, Some(centre_id)) => {
            load_centre(&state.store, &caller, centre_id).await?;
            let mut all = state.store.claims_of_centre(centre_id).await?;
            if let Some(month) = &query.month {
                let month = parse_month("month", month)?.to_string();
                all.retain(|claim| claim.month == month);
            }
            all
        }
        (Some(month), None) => {
            let month = parse_month("month", month)?;
            let mut visible = Vec::new();
            for claim in state.store.claims_of_month(month).await? {
                if load_centre(&state.store, &caller, claim.centre_id)
                    .await
                    .is_ok()
                {
                    visible.push(claim);
                }
            }
            visible
        }
        (None, None) => {
            return Err(ApiError::coded("month", Problem::MonthOrCentre));
        }
    };
    Ok(Json(
        summaries
            .into_iter()
            .map(|claim| ClaimListItem {
                id: claim.id,
                centre_id: claim.centre_id,
                month: claim.month,
                total: claim.total,
                complete: claim.complete != 0,
                flagged: claim.flagged_at.is_some(),
            })
            .collect(),
    ))
}

/// A stored claim; 404 outside the caller's scope.
#[utoipa::path(get, path = "/api/v1/claims/{id}", tag = "claims",
    params(("id" = i64, Path, description = "The id of the claim")),
    responses((status = 200, body = ClaimView), (status = 404, body = crate::error::Problem)),
    security(("bearer" = [])))]
pub async fn claim_api(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<i64>,
) -> ApiResult<Json<ClaimView>> {
    let (claim, centre, _) = visible_claim(&state.store, &caller, id).await?;
    Ok(Json(claim_view(&claim, &centre)))
}

/// The claim for the finance system: `;`, UTF-8 with BOM, øre with a kroner column (`1234,56`).
#[utoipa::path(get, path = "/api/v1/claims/{id}/csv", tag = "claims",
    params(("id" = i64, Path, description = "The id of the claim")),
    responses((status = 200, content_type = "text/csv", body = String),
        (status = 404, body = crate::error::Problem)),
    security(("bearer" = [])))]
pub async fn claim_csv_api(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<i64>,
) -> ApiResult<Response> {
    let (claim, centre, operator) = visible_claim(&state.store, &caller, id).await?;
    Ok(csv_response(&claim, &centre, &operator))
}

/// The claim as a printable PDF (R-CLM-5), in Norwegian.
#[utoipa::path(get, path = "/api/v1/claims/{id}/pdf", tag = "claims",
    params(("id" = i64, Path, description = "The id of the claim")),
    responses((status = 200, content_type = "application/pdf", body = Vec<u8>),
        (status = 404, body = crate::error::Problem)),
    security(("bearer" = [])))]
pub async fn claim_pdf_api(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<i64>,
) -> ApiResult<Response> {
    let (claim, centre, operator) = visible_claim(&state.store, &caller, id).await?;
    Ok(pdf_response(&claim, &centre, &operator))
}
