//! Reimbursement claims (refusjonskrav): the claim engine of SPEC §5 on data given in the
//! request, nothing stored — `POST /api/v1/claims/simulate` (SPEC §10) and the page
//! `/claims/simulate` where UDI staff try an agreement before signing it (issue 10).
//!
//! Who may simulate: admins, UDI's administration and UDI's regions (they negotiate and check
//! claims), and operators, for their own negotiations: the request holds no personal data, only
//! prices, places and counts the caller brings, and nothing is read from or written to storage,
//! so there is no scope to leak. IMDi and the municipalities have no part in agreements with
//! reception centres and get 403.

mod documents;
mod errors;
mod export;
mod form;
mod kroner;
mod overview;
mod page;
mod rows;
mod stored;
mod stored_pages;
mod view;

use axum::routing::{get, post};
use axum::{Json, Router};
use mottak_domain::access::Capability;
use mottak_domain::claims::{self, ClaimRequest, ClaimResponse};

use crate::auth::allow;
use crate::error::{ApiError, ApiResult};
use crate::json::ApiJson;
use crate::state::AppState;

pub use stored::{
    __path_claim_api, __path_claim_csv_api, __path_claim_pdf_api, __path_create_claim_api,
    __path_list_claims_api, __path_make_month_api,
};

pub fn router() -> Router<AppState> {
    Router::new()
        .merge(stored::router())
        .merge(stored_pages::router())
        .merge(overview::router())
        .route(
            "/api/v1/claims/simulate",
            post(simulate).route_layer(allow(Capability::SimulateClaims)),
        )
        .route(
            "/claims/simulate",
            get(page::show)
                .post(page::simulate)
                .route_layer(allow(Capability::SimulateClaims)),
        )
        .route(
            "/claims/simulate.csv",
            post(page::download).route_layer(allow(Capability::SimulateClaims)),
        )
}

/// Computes one month's claim from the agreements and occupancy in the request; nothing is
/// stored. Residents fill the fixed places, then every agreement's tiers in one queue by
/// priority (R-CLM-1, R-AGR-11); meals per canteen unit (R-CLM-2); fixed annual transfers
/// prorated and rounded cumulatively (R-CLM-3, R-CLM-4). Money in integer øre, dates
/// `YYYY-MM-DD`, ends exclusive. Invalid input is 400 with `field` naming it, e.g.
/// `units[0].agreements[1].unit_tiers[2].price`.
#[utoipa::path(post, path = "/api/v1/claims/simulate", tag = "claims",
    request_body = ClaimRequest,
    responses((status = 200, body = ClaimResponse),
        (status = 400, body = crate::error::Problem),
        (status = 401, body = crate::error::Problem),
        (status = 403, body = crate::error::Problem),
        (status = 413, body = crate::error::Problem)),
    security(("bearer" = [])))]
pub async fn simulate(ApiJson(request): ApiJson<ClaimRequest>) -> ApiResult<Json<ClaimResponse>> {
    let input = request.parse_all().map_err(ApiError::invalid_fields)?;
    Ok(Json(claims::compute(&input)))
}
