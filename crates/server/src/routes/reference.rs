//! Reference data for the money chain: the consumer price index (R-AGR-9), as API and page.

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
use crate::params::ApiQuery;
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
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
                detail: CpiImportError::used_detail(&months, may_confirm),
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
