//! `POST /api/v1/agreements/regulate {date}` (SPEC §10, R-AGR-9): the regulation run on demand,
//! the same as the daily job.

use axum::extract::State;
use axum::routing::post;
use axum::{Json, Router};
use mottak_domain::access::Capability;
use mottak_domain::dates::parse_date;
use mottak_domain::error::Problem;
use serde::{Deserialize, Serialize};

use crate::auth::{Caller, allow};
use crate::error::{ApiError, ApiResult};
use crate::json::ApiJson;
use crate::regulation::{self, RegulationError};
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new().route(
        "/api/v1/agreements/regulate",
        post(regulate_api).route_layer(allow(Capability::ManageRegistry)),
    )
}

/// `{date}`: regulate every price due on or before this day.
#[derive(Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct RegulateInput {
    #[schema(format = Date)]
    pub date: String,
}

/// One regulation made.
#[derive(Serialize, utoipa::ToSchema)]
pub struct Regulated {
    pub agreement_id: i64,
    /// The price as a path: `units[0].unit_tiers[1].price`, `units[0].fixed_annual_rent`.
    pub price: String,
    /// The day the new price applies from.
    pub date: String,
    pub before: i64,
    pub after: i64,
    /// The indices used, as published (`136.4`).
    pub index_base: f64,
    pub index_new: f64,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct RegulateOutcome {
    pub regulated: Vec<Regulated>,
}

/// Regulates every stored price due on or before `date` by the CPI (R-AGR-9), recording the
/// price before and after and both indices. A missing index month is 409 naming the month
/// (`YYYY-MM`), and then nothing is regulated.
#[utoipa::path(post, path = "/api/v1/agreements/regulate", tag = "agreements",
    request_body = RegulateInput,
    responses((status = 200, body = RegulateOutcome), (status = 400, body = crate::error::Problem),
        (status = 409, body = crate::error::Problem)),
    security(("bearer" = [])))]
pub async fn regulate_api(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(input): ApiJson<RegulateInput>,
) -> ApiResult<Json<RegulateOutcome>> {
    let date =
        parse_date(input.date.trim()).ok_or_else(|| ApiError::coded("date", Problem::Date))?;
    let run_id = format!("api {} {}", caller.username, chrono::Utc::now().timestamp());
    let made = regulation::run(&state.store, &caller.actor(), date, &run_id)
        .await
        .map_err(|error| match error {
            RegulationError::MissingIndex(month) => {
                ApiError::conflict_at(month.clone(), Problem::IndexMissing { month })
            }
            RegulationError::Store(error) => error.into(),
        })?;
    Ok(Json(RegulateOutcome {
        regulated: made
            .iter()
            .map(|r| Regulated {
                agreement_id: r.agreement_id,
                price: r.path.clone(),
                date: r.date.to_string(),
                before: r.before.0,
                after: r.after.0,
                index_base: r.index_base.thousandths() as f64 / 1000.0,
                index_new: r.index_new.thousandths() as f64 / 1000.0,
            })
            .collect(),
    }))
}
