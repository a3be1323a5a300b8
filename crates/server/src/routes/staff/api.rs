//! The staff account API (R-AUTH-6): order, list, approve, refuse, disable, enable.

use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::{Json, Router};
use mottak_domain::access::Capability;
use mottak_store::staff::StaffRecord;
use serde::{Deserialize, Serialize};

use crate::auth::{Caller, allow};
use crate::error::ApiResult;
use crate::json::ApiJson;
use crate::params::ApiPath;
use crate::staff::{self, AccountStep, OrderInput, StepInput};
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/api/v1/centres/{id}/staff",
            get(centre_staff_api).route_layer(allow(Capability::ReadStaff)),
        )
        .route(
            "/api/v1/centres/{id}/staff",
            post(order_api).route_layer(allow(Capability::OrderStaff)),
        )
        .route(
            "/api/v1/staff",
            get(region_staff_api).route_layer(allow(Capability::DecideStaff)),
        )
        .route(
            "/api/v1/staff/{id}/approve",
            post(approve_api).route_layer(allow(Capability::DecideStaff)),
        )
        .route(
            "/api/v1/staff/{id}/refuse",
            post(refuse_api).route_layer(allow(Capability::DecideStaff)),
        )
        .route(
            "/api/v1/staff/{id}/disable",
            post(disable_api).route_layer(allow(Capability::DisableStaff)),
        )
        .route(
            "/api/v1/staff/{id}/enable",
            post(enable_api).route_layer(allow(Capability::DisableStaff)),
        )
}

/// An order for a staff account and where it stands.
#[derive(Serialize, utoipa::ToSchema)]
pub struct StaffView {
    id: i64,
    centre_id: i64,
    operator_dro: String,
    region: String,
    display_name: String,
    email: Option<String>,
    username: String,
    /// `ordered`, `approved`, `refused` or `disabled`.
    status: String,
    /// The refusal's reason, or `left` / `leave` when disabled.
    reason: Option<String>,
    /// The account created at approval.
    user_id: Option<i64>,
    ordered_by: String,
    ordered_at: String,
    decided_by: Option<String>,
    decided_at: Option<String>,
    version: i64,
}

impl From<StaffRecord> for StaffView {
    fn from(record: StaffRecord) -> StaffView {
        StaffView {
            id: record.id,
            centre_id: record.fields.centre_id,
            operator_dro: record.fields.operator_dro,
            region: record.fields.region,
            display_name: record.fields.display_name,
            email: record.fields.email,
            username: record.fields.username,
            status: record.status,
            reason: record.reason,
            user_id: record.user_id,
            ordered_by: record.fields.ordered_by,
            ordered_at: record.ordered_at,
            decided_by: record.decided_by,
            decided_at: record.decided_at,
            version: record.version,
        }
    }
}

fn views(records: Vec<StaffRecord>) -> Vec<StaffView> {
    records.into_iter().map(StaffView::from).collect()
}

/// The staff accounts of a centre: its operator, its region and admins (R-AUTH-6).
#[utoipa::path(get, path = "/api/v1/centres/{id}/staff", params(("id" = i64, Path, description = "The id of the centre")), tag = "staff",
    responses((status = 200, body = [StaffView]), (status = 403, body = crate::error::Problem)), security(("bearer" = [])))]
pub async fn centre_staff_api(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<i64>,
) -> ApiResult<Json<Vec<StaffView>>> {
    Ok(Json(views(
        staff::of_centre(&state.store, &caller, id).await?,
    )))
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OrderStaff {
    /// The employee's name.
    #[serde(default)]
    display_name: String,
    #[serde(default)]
    email: Option<String>,
    /// The username the account gets (letters, digits, `.`, `-`, `_`).
    #[serde(default)]
    username: String,
}

/// The operator orders an account for an employee at one of its centres; the region approves.
#[utoipa::path(post, path = "/api/v1/centres/{id}/staff", params(("id" = i64, Path, description = "The id of the centre")), tag = "staff", request_body = OrderStaff,
    responses((status = 201, body = StaffView), (status = 400, body = crate::error::Problem), (status = 403, body = crate::error::Problem)), security(("bearer" = [])))]
pub async fn order_api(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<i64>,
    ApiJson(body): ApiJson<OrderStaff>,
) -> ApiResult<(StatusCode, Json<StaffView>)> {
    let input = OrderInput {
        display_name: body.display_name,
        email: body.email.unwrap_or_default(),
        username: body.username,
    };
    let record = staff::order(&state.store, &caller, id, &input).await?;
    Ok((StatusCode::CREATED, Json(record.into())))
}

/// The orders of the caller's region (every region for an admin), to approve or refuse.
#[utoipa::path(get, path = "/api/v1/staff", tag = "staff",
    responses((status = 200, body = [StaffView])), security(("bearer" = [])))]
pub async fn region_staff_api(
    State(state): State<AppState>,
    caller: Caller,
) -> ApiResult<Json<Vec<StaffView>>> {
    Ok(Json(views(staff::of_region(&state.store, &caller).await?)))
}

#[derive(Deserialize, utoipa::ToSchema, Default)]
#[serde(deny_unknown_fields, default)]
pub struct StaffStep {
    /// The version read; a stale one is 409.
    version: Option<i64>,
    /// Approval: the region confirms that the employee completed the e-learning; required.
    elearning_completed: bool,
    /// Refusal: why (required); disabling: `left` or `leave` (only `leave` may be enabled again).
    reason: String,
}

impl From<StaffStep> for StepInput {
    fn from(step: StaffStep) -> StepInput {
        StepInput {
            version: step.version,
            elearning_completed: step.elearning_completed,
            reason: step.reason,
        }
    }
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct ApprovedStaff {
    staff: StaffView,
    /// The one-time initial password, shown only in this answer: hand it to the employee as
    /// the plan task `opening.first_passwords` says; the second factor is enrolled at first login.
    initial_password: String,
}

/// The region approves an order after confirming the e-learning; the account is created.
#[utoipa::path(post, path = "/api/v1/staff/{id}/approve", params(("id" = i64, Path, description = "The id of the order")), tag = "staff", request_body = StaffStep,
    responses((status = 200, body = ApprovedStaff), (status = 400, body = crate::error::Problem), (status = 403, body = crate::error::Problem), (status = 409, body = crate::error::Problem)), security(("bearer" = [])))]
pub async fn approve_api(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<i64>,
    ApiJson(body): ApiJson<StaffStep>,
) -> ApiResult<Json<ApprovedStaff>> {
    let approved = staff::approve(
        &state.store,
        &caller,
        id,
        &body.into(),
        state.config.password_hashing,
    )
    .await?;
    Ok(Json(ApprovedStaff {
        staff: approved.record.into(),
        initial_password: approved.initial_password,
    }))
}

/// Refuse, disable or enable: the step taken, answered with the account.
async fn take_step(
    state: &AppState,
    caller: &Caller,
    id: i64,
    body: StaffStep,
    step: AccountStep,
) -> ApiResult<Json<StaffView>> {
    let record = staff::take(&state.store, caller, id, &body.into(), step).await?;
    Ok(Json(record.into()))
}

/// The region refuses an order, with a reason.
#[utoipa::path(post, path = "/api/v1/staff/{id}/refuse", params(("id" = i64, Path, description = "The id of the order")), tag = "staff", request_body = StaffStep,
    responses((status = 200, body = StaffView), (status = 400, body = crate::error::Problem), (status = 403, body = crate::error::Problem), (status = 409, body = crate::error::Problem)), security(("bearer" = [])))]
pub async fn refuse_api(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<i64>,
    ApiJson(body): ApiJson<StaffStep>,
) -> ApiResult<Json<StaffView>> {
    take_step(&state, &caller, id, body, AccountStep::Refuse).await
}

/// The region or the operator disables an account: `reason` `left` or `leave`. Its sessions end.
#[utoipa::path(post, path = "/api/v1/staff/{id}/disable", params(("id" = i64, Path, description = "The id of the order")), tag = "staff", request_body = StaffStep,
    responses((status = 200, body = StaffView), (status = 400, body = crate::error::Problem), (status = 403, body = crate::error::Problem), (status = 409, body = crate::error::Problem)), security(("bearer" = [])))]
pub async fn disable_api(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<i64>,
    ApiJson(body): ApiJson<StaffStep>,
) -> ApiResult<Json<StaffView>> {
    take_step(&state, &caller, id, body, AccountStep::Disable).await
}

/// Enables an account again after leave (not one whose employee left).
#[utoipa::path(post, path = "/api/v1/staff/{id}/enable", params(("id" = i64, Path, description = "The id of the order")), tag = "staff", request_body = StaffStep,
    responses((status = 200, body = StaffView), (status = 403, body = crate::error::Problem), (status = 409, body = crate::error::Problem)), security(("bearer" = [])))]
pub async fn enable_api(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<i64>,
    ApiJson(body): ApiJson<StaffStep>,
) -> ApiResult<Json<StaffView>> {
    take_step(&state, &caller, id, body, AccountStep::Enable).await
}
