//! The occupancy API (SPEC §10: `PUT/GET /api/v1/centres/{id}/occupancy/{YYYY-MM}`, `…/approve`).

use axum::extract::State;
use axum::routing::{get, post, put};
use axum::{Json, Router};
use mottak_domain::access::Capability;
use mottak_domain::dates::Month;
use mottak_domain::error::Problem;
use mottak_domain::occupancy::{check_entered_days, parse_daily_counts_csv};
use mottak_store::occupancy::CentreMonth;
use serde::{Deserialize, Serialize};

use crate::auth::{Caller, allow};
use crate::error::{ApiError, ApiResult};
use crate::json::{ApiJson, ApiText};
use crate::occupancy::{self, load_centre};
use crate::params::ApiPath;
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/api/v1/centres/{id}/occupancy/{month}",
            get(month_api).route_layer(allow(Capability::ReadResidents)),
        )
        .route(
            "/api/v1/centres/{id}/occupancy/{month}",
            put(put_month_api).route_layer(allow(Capability::ManageResidents)),
        )
        .route(
            "/api/v1/centres/{id}/occupancy/{month}/csv",
            put(import_month_csv_api).route_layer(allow(Capability::ManageResidents)),
        )
        .route(
            "/api/v1/centres/{id}/occupancy/{month}/approve",
            post(approve_month_api).route_layer(allow(Capability::ManageResidents)),
        )
}

/// Residents on one day.
#[derive(Clone, Debug, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct DayCount {
    #[schema(format = Date)]
    pub date: String,
    #[schema(minimum = 0)]
    pub residents: i64,
}

/// A month's daily counts; days not listed are 0.
#[derive(Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct MonthInput {
    pub days: Vec<DayCount>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct MonthView {
    /// `YYYY-MM`.
    month: String,
    approved: bool,
    /// Counted from residents' stays (`true`) or entered as daily counts.
    from_stays: bool,
    /// Every day of the month.
    days: Vec<DayCount>,
}

pub fn month_view(month: &CentreMonth) -> MonthView {
    MonthView {
        month: month.occupancy.month.to_string(),
        approved: month.approval.is_some(),
        from_stays: month.from_stays,
        days: month
            .occupancy
            .totals()
            .into_iter()
            .map(|(date, residents)| DayCount {
                date: date.to_string(),
                residents: i64::from(residents),
            })
            .collect(),
    }
}

pub fn parse_month(text: &str) -> ApiResult<Month> {
    Month::parse(text).ok_or_else(|| ApiError::coded("month", Problem::Month))
}

/// Every day of the month with its residents, derived from stays where the centre has them.
#[utoipa::path(get, path = "/api/v1/centres/{id}/occupancy/{month}", tag = "occupancy",
    params(("id" = i64, Path, description = "The id of the centre"), ("month" = String, Path, description = "YYYY-MM")),
    responses((status = 200, body = MonthView), (status = 404, body = crate::error::Problem)), security(("bearer" = [])))]
pub async fn month_api(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath((id, month)): ApiPath<(i64, String)>,
) -> ApiResult<Json<MonthView>> {
    let month = parse_month(&month)?;
    let (centre, _) = load_centre(&state.store, &caller, id).await?;
    let month = occupancy::month(&state.store, &centre, month).await?;
    Ok(Json(month_view(&month)))
}

async fn enter(
    state: &AppState,
    caller: &Caller,
    id: i64,
    month: Month,
    days: &[(chrono::NaiveDate, u32)],
) -> ApiResult<Json<MonthView>> {
    let (centre, operator) = load_centre(&state.store, caller, id).await?;
    occupancy::enter_counts(&state.store, caller, &centre, &operator, month, days).await?;
    let month = occupancy::month(&state.store, &centre, month).await?;
    Ok(Json(month_view(&month)))
}

/// Daily counts for a centre without resident data (409 when it has a stay in the month); an
/// approved month changes only by UDI (409 for an operator), logged with before and after.
#[utoipa::path(put, path = "/api/v1/centres/{id}/occupancy/{month}", tag = "occupancy", request_body = MonthInput,
    params(("id" = i64, Path, description = "The id of the centre"), ("month" = String, Path, description = "YYYY-MM")),
    responses((status = 200, body = MonthView), (status = 400, body = crate::error::Problem), (status = 404, body = crate::error::Problem), (status = 409, body = crate::error::Problem)),
    security(("bearer" = [])))]
pub async fn put_month_api(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath((id, month)): ApiPath<(i64, String)>,
    ApiJson(input): ApiJson<MonthInput>,
) -> ApiResult<Json<MonthView>> {
    let month = parse_month(&month)?;
    let entered: Vec<(String, i64)> = input
        .days
        .into_iter()
        .map(|day| (day.date, day.residents))
        .collect();
    let days = check_entered_days(month, &entered).map_err(ApiError::invalid_fields)?;
    enter(&state, &caller, id, month, &days).await
}

/// The same as PUT with a `text/csv` body of `date;residents` rows (an optional header; `;` or
/// tab; whole numbers); every bad line is named (`line N`).
#[utoipa::path(put, path = "/api/v1/centres/{id}/occupancy/{month}/csv", tag = "occupancy",
    request_body(content = String, content_type = "text/csv"),
    params(("id" = i64, Path, description = "The id of the centre"), ("month" = String, Path, description = "YYYY-MM")),
    responses((status = 200, body = MonthView), (status = 400, body = crate::error::Problem), (status = 404, body = crate::error::Problem), (status = 409, body = crate::error::Problem)),
    security(("bearer" = [])))]
pub async fn import_month_csv_api(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath((id, month)): ApiPath<(i64, String)>,
    ApiText(text): ApiText,
) -> ApiResult<Json<MonthView>> {
    let month = parse_month(&month)?;
    let days = parse_daily_counts_csv(month, &text).map_err(ApiError::invalid_fields)?;
    enter(&state, &caller, id, month, &days).await
}

/// Approves the month (R-OCC-3); 409 once the claim window has closed (R-CLM-6).
#[utoipa::path(post, path = "/api/v1/centres/{id}/occupancy/{month}/approve", tag = "occupancy",
    params(("id" = i64, Path, description = "The id of the centre"), ("month" = String, Path, description = "YYYY-MM")),
    responses((status = 200, body = MonthView), (status = 404, body = crate::error::Problem), (status = 409, body = crate::error::Problem)),
    security(("bearer" = [])))]
pub async fn approve_month_api(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath((id, month)): ApiPath<(i64, String)>,
) -> ApiResult<Json<MonthView>> {
    let month = parse_month(&month)?;
    let (centre, operator) = load_centre(&state.store, &caller, id).await?;
    occupancy::approve(&state.store, &caller, &centre, &operator, month).await?;
    let month = occupancy::month(&state.store, &centre, month).await?;
    Ok(Json(month_view(&month)))
}
