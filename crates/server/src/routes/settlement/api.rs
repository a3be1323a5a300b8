//! R-SET-1, R-SET-2, R-SET-7 in the API: requests (IMDi), decisions (the municipality) and the
//! yearly report.

use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::{Json, Router};
use mottak_domain::access::Capability;
use mottak_domain::error::Problem;
use serde::{Deserialize, Serialize};

use crate::auth::{Caller, allow};
use crate::error::{ApiError, ApiResult};
use crate::json::{ApiJson, ApiText};
use crate::params::{ApiPath, ApiQuery};
use crate::settlement::cases::{self, DecisionView, NumbersInput, YearView};
use crate::settlement::import::{self, ImportedRequests};
use crate::settlement::report::{self, ReportView};
use crate::settlement::report_records::{ReportRecords, records};
use crate::settlement::{queried_year, year_or_current};
use crate::state::AppState;
use mottak_domain::settlement::Figure;

pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/api/v1/settlement/requests",
            post(create_request_api).route_layer(allow(Capability::ManageSettlement)),
        )
        .route(
            "/api/v1/settlement/requests",
            get(list_requests_api).route_layer(allow(Capability::ReadSettlement)),
        )
        .route(
            "/api/v1/settlement/decisions",
            post(create_decision_api).route_layer(allow(Capability::DecideSettlement)),
        )
        .route(
            "/api/v1/settlement/decisions/{id}/approve",
            post(approve_decision_api).route_layer(allow(Capability::DecideSettlement)),
        )
        .route(
            "/api/v1/settlement/requests/csv",
            post(import_requests_api).route_layer(allow(Capability::ManageSettlement)),
        )
        .route(
            "/api/v1/settlement/report",
            get(report_api).route_layer(allow(Capability::ReadSettlement)),
        )
        .route(
            "/api/v1/settlement/report/records",
            get(report_records_api).route_layer(allow(Capability::ReadSettlement)),
        )
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct Created {
    id: i64,
}

impl Created {
    pub fn new(id: i64) -> Created {
        Created { id }
    }
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct CreatedDecision {
    id: i64,
    approved: bool,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct Approved {
    approved: bool,
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct YearQuery {
    /// Defaults to the current year.
    year: Option<i64>,
}

impl YearQuery {
    /// The year asked for, checked as the API checks it: 400 naming `year` outside the years
    /// mottak plans for.
    pub fn checked(&self) -> ApiResult<i64> {
        queried_year(self.year)
    }

    /// The year asked for, as a page reads it: the current one when absent or out of range.
    pub fn or_current(&self) -> i64 {
        year_or_current(self.year)
    }
}

/// IMDi's yearly request to a municipality (R-SET-1); a second for the same municipality and
/// year is 409.
#[utoipa::path(post, path = "/api/v1/settlement/requests", tag = "settlement",
    request_body = NumbersInput, responses((status = 201, body = Created)),
    security(("bearer" = [])))]
pub async fn create_request_api(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(input): ApiJson<NumbersInput>,
) -> ApiResult<(StatusCode, Json<Created>)> {
    let id =
        cases::create_request(&state.store, &caller, &input, &state.config.public_url()).await?;
    Ok((StatusCode::CREATED, Json(Created::new(id))))
}

/// A year's requests against decisions: every municipality with either for IMDi, its own for a
/// municipality.
#[utoipa::path(get, path = "/api/v1/settlement/requests", tag = "settlement", params(YearQuery),
    responses((status = 200, body = [YearView])), security(("bearer" = [])))]
pub async fn list_requests_api(
    State(state): State<AppState>,
    caller: Caller,
    ApiQuery(query): ApiQuery<YearQuery>,
) -> ApiResult<Json<Vec<YearView>>> {
    let year = query.checked()?;
    Ok(Json(
        cases::year_overview(&state.store, &caller, year).await?,
    ))
}

/// The municipality's decision (R-SET-2), by its caseworker with the `offers` permission;
/// another municipality is 403, a second decision for the year 409.
#[utoipa::path(post, path = "/api/v1/settlement/decisions", tag = "settlement",
    request_body = NumbersInput, responses((status = 201, body = CreatedDecision)),
    security(("bearer" = [])))]
pub async fn create_decision_api(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(input): ApiJson<NumbersInput>,
) -> ApiResult<(StatusCode, Json<CreatedDecision>)> {
    let id = cases::create_decision(&state.store, &caller, &input).await?;
    Ok((
        StatusCode::CREATED,
        Json(CreatedDecision {
            id,
            approved: false,
        }),
    ))
}

/// Approves the decision, which sends it to IMDi as the basis of distribution (R-SET-2).
#[utoipa::path(post, path = "/api/v1/settlement/decisions/{id}/approve",
    params(("id" = i64, Path, description = "The id of the decision")), tag = "settlement",
    responses((status = 200, body = Approved)), security(("bearer" = [])))]
pub async fn approve_decision_api(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<i64>,
) -> ApiResult<Json<Approved>> {
    let decision: DecisionView = cases::approve_decision(&state.store, &caller, id).await?;
    Ok(Json(Approved {
        approved: decision.approved,
    }))
}

/// The year's figures in persons (R-SET-7): requested, decided (approved decisions), offered
/// (declined included), accepted, settled; a municipality gets its own row and the national
/// figures.
#[utoipa::path(get, path = "/api/v1/settlement/report", tag = "settlement", params(YearQuery),
    responses((status = 200, body = ReportView)), security(("bearer" = [])))]
pub async fn report_api(
    State(state): State<AppState>,
    caller: Caller,
    ApiQuery(query): ApiQuery<YearQuery>,
) -> ApiResult<Json<ReportView>> {
    let year = query.checked()?;
    Ok(Json(report::report(&state.store, &caller, year).await?))
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct RecordsQuery {
    /// Defaults to the current year.
    year: Option<i64>,
    municipality_number: String,
    /// `requested`, `decided`, `offered`, `accepted` or `settled`.
    figure: String,
}

/// The records behind one figure of one municipality's year (R-SET-7's drill-down): requests,
/// approved decisions, offers, accepted offers or settled persons (resident ids, no names);
/// `total` is the sum of their persons, the report's figure. A municipality reads its own (another
/// municipality's is 404).
#[utoipa::path(get, path = "/api/v1/settlement/report/records", tag = "settlement",
    params(RecordsQuery),
    responses((status = 200, body = ReportRecords), (status = 400, body = crate::error::Problem),
        (status = 404, body = crate::error::Problem)),
    security(("bearer" = [])))]
pub async fn report_records_api(
    State(state): State<AppState>,
    caller: Caller,
    ApiQuery(query): ApiQuery<RecordsQuery>,
) -> ApiResult<Json<ReportRecords>> {
    let year = queried_year(query.year)?;
    let figure = parse_figure(&query.figure)?;
    let number = query.municipality_number.trim();
    Ok(Json(
        records(&state.store, &caller, year, number, figure).await?,
    ))
}

/// The figure a drill-down asks for, or 400 naming `figure`.
pub fn parse_figure(text: &str) -> ApiResult<Figure> {
    Figure::parse(text.trim()).ok_or_else(|| {
        ApiError::coded(
            "figure",
            Problem::OneOf {
                options: "requested, decided, offered, accepted, settled".into(),
            },
        )
    })
}

/// IMDi's requests for many municipalities at once (R-SET-1) as a `text/csv` body of
/// `year;municipality_number;persons;unaccompanied_minors` rows (an optional header): all or
/// nothing, every bad row named (`lines[N].field`), including unknown municipalities and
/// requests that already exist.
#[utoipa::path(post, path = "/api/v1/settlement/requests/csv", tag = "settlement",
    request_body(content = String, content_type = "text/csv"),
    responses((status = 201, body = ImportedRequests)), security(("bearer" = [])))]
pub async fn import_requests_api(
    State(state): State<AppState>,
    caller: Caller,
    ApiText(text): ApiText,
) -> ApiResult<(StatusCode, Json<ImportedRequests>)> {
    let imported =
        import::import_requests(&state.store, &caller, &text, &state.config.public_url()).await?;
    Ok((StatusCode::CREATED, Json(imported)))
}
