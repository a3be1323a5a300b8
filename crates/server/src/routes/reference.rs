//! Reference data: the consumer price index (R-AGR-9), as API and page; and the names of
//! municipality numbers and postal codes, which the forms look up as the user types (issue 17).

mod cpi_page;

use axum::extract::State;
use axum::routing::{get, put};
use axum::{Json, Router};
use mottak_domain::access::Capability;
use serde::{Deserialize, Serialize};

use crate::auth::{Caller, allow};
use crate::cpi::{CpiImportError, import_cpi};
use crate::error::{ApiError, ApiResult};
use crate::json::ApiText;
use crate::params::{ApiPath, ApiQuery};
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/api/v1/reference/municipalities/{number}",
            get(get_municipality).route_layer(allow(Capability::SignedIn)),
        )
        .route(
            "/api/v1/reference/postal-codes/{code}",
            get(get_postal_code).route_layer(allow(Capability::SignedIn)),
        )
        .route(
            "/api/v1/reference/cpi",
            put(put_cpi).route_layer(allow(Capability::ManageRegistry)),
        )
        .route(
            "/reference/cpi",
            get(cpi_page::show)
                .post(cpi_page::submit)
                .route_layer(allow(Capability::ManageRegistry)),
        )
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CpiQuery {
    /// `true` lets an admin replace months that regulations have used.
    confirm: Option<bool>,
}

/// How many rows were stored.
#[derive(Serialize, utoipa::ToSchema)]
pub struct CpiImported {
    months: usize,
}

impl From<CpiImportError> for ApiError {
    fn from(error: CpiImportError) -> ApiError {
        match error {
            CpiImportError::Invalid(errors) => ApiError::invalid_fields(errors),
            CpiImportError::UsedByRegulations {
                months,
                may_confirm,
            } => ApiError::Conflict {
                field: months.first().map(ToString::to_string),
                problem: CpiImportError::used_problem(&months, may_confirm),
            },
            CpiImportError::Store(error) => error.into(),
        }
    }
}

/// Adds or replaces months of the consumer price index (R-AGR-9) from `YYYY-MM;index` rows
/// (`2025-06;136.4`; an optional first line `month;index`; `;` or tab; `.` or `,` decimals).
/// Every bad row is a 400 naming it (`lines[3].index`); replacing the index of a month that a
/// regulation has used is 409 naming the month, unless an admin adds `?confirm=true`.
#[utoipa::path(put, path = "/api/v1/reference/cpi", tag = "reference", params(CpiQuery),
    request_body(content = String, content_type = "text/csv"),
    responses((status = 200, body = CpiImported)), security(("bearer" = [])))]
pub async fn put_cpi(
    State(state): State<AppState>,
    caller: Caller,
    ApiQuery(query): ApiQuery<CpiQuery>,
    ApiText(text): ApiText,
) -> ApiResult<Json<CpiImported>> {
    let months = import_cpi(&state.store, &caller, &text, query.confirm.unwrap_or(false)).await?;
    Ok(Json(CpiImported { months }))
}

/// A municipality valid today.
#[derive(Serialize, utoipa::ToSchema)]
pub struct MunicipalityName {
    number: String,
    name: String,
    county_name: String,
}

/// The municipality with this number today (404 when there is none): the forms show its name
/// beside the number as the user types.
#[utoipa::path(get, path = "/api/v1/reference/municipalities/{number}", tag = "reference",
    params(("number" = String, Path, description = "The municipality's four-digit number")),
    responses((status = 200, body = MunicipalityName)), security(("bearer" = [])))]
pub async fn get_municipality(
    State(state): State<AppState>,
    ApiPath(number): ApiPath<String>,
) -> ApiResult<Json<MunicipalityName>> {
    let municipality = state
        .store
        .municipality(number.trim(), &crate::registry::today())
        .await?;
    Ok(Json(MunicipalityName {
        number: municipality.number,
        name: municipality.name,
        county_name: municipality.county_name,
    }))
}

/// A postal code valid today with its place.
#[derive(Serialize, utoipa::ToSchema)]
pub struct PostalPlace {
    code: String,
    /// As a reader writes it ("Bergen"; the register writes "BERGEN").
    place: String,
}

/// The postal code's place today (404 when the code is not in the register).
#[utoipa::path(get, path = "/api/v1/reference/postal-codes/{code}", tag = "reference",
    params(("code" = String, Path, description = "The four-digit postal code")),
    responses((status = 200, body = PostalPlace)), security(("bearer" = [])))]
pub async fn get_postal_code(
    State(state): State<AppState>,
    ApiPath(code): ApiPath<String>,
) -> ApiResult<Json<PostalPlace>> {
    let code = code.trim().to_owned();
    let place = state
        .store
        .postal_place(&code, &crate::registry::today())
        .await?;
    Ok(Json(PostalPlace {
        code,
        place: mottak_domain::registry::place_name(&place),
    }))
}
