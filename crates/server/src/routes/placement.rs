//! Placement proposals (R-SET-9): `POST /api/v1/placement/solve` (SPEC §10) and a page where IMDi
//! pastes an instance and sees the proposal with its proven bound.
//!
//! Who: IMDi and admins. The solver is CPU-bound: it runs on a blocking thread, one solve at a
//! time (two cores), and a request that waits more than 30 s for its turn gets 503. Instances are
//! bounded by `mottak_placement::limits`; bodies up to 32 MiB are accepted here (a national
//! instance with a quarter of a million scored pairs is a few megabytes of JSON).

mod export;
mod input;
mod page;
mod paste;

use std::time::Duration;

use axum::extract::DefaultBodyLimit;
use axum::routing::post;
use axum::{Json, Router};
use mottak_domain::access::Capability;
use mottak_placement::{InvalidInstance, InvalidInstanceKind, SolveRequest, SolveResponse};
use tokio::sync::Semaphore;

use crate::auth::allow;
use crate::error::{ApiError, ApiResult};
use crate::json::ApiJson;
use crate::state::AppState;

pub use export::{municipality_names, proposal_rows};
pub use input::{SolveBody, SolveResult};

const BODY_LIMIT: usize = 32 * 1024 * 1024;

/// One solve at a time: the machine has two cores and the web server needs one.
static SOLVER: Semaphore = Semaphore::const_new(1);

pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/api/v1/placement/solve",
            post(solve_api).route_layer(allow(Capability::ProposePlacements)),
        )
        .merge(page::router())
        .merge(export::router())
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
}

/// Runs the solver off the async threads, waiting at most 30 s for a free solver.
pub async fn run_solver(request: SolveRequest) -> ApiResult<SolveResponse> {
    let permit = tokio::time::timeout(Duration::from_secs(30), SOLVER.acquire())
        .await
        .map_err(|_| ApiError::Unavailable("the solver is busy; try again shortly".to_owned()))?
        .map_err(|_| ApiError::Internal(anyhow::anyhow!("solver semaphore closed")))?;
    let outcome = tokio::task::spawn_blocking(move || mottak_placement::solve_request(request))
        .await
        .map_err(|error| ApiError::Internal(anyhow::anyhow!("solver panicked: {error}")))?;
    drop(permit);
    outcome.map_err(refusal)
}

/// A refused instance as a problem: 413 past the size limits, 400 otherwise.
pub fn refusal(invalid: InvalidInstance) -> ApiError {
    match invalid.kind {
        InvalidInstanceKind::TooLarge => ApiError::TooLarge {
            field: invalid.field,
            problem: invalid.problem,
        },
        InvalidInstanceKind::Malformed => ApiError::coded(invalid.field, invalid.problem),
    }
}

/// Proposes a distribution of households to municipalities that maximises the sum of the chosen
/// pairs' scores, never splits a household, never uses an unscored pair and never exceeds a
/// capacity; with a proven upper bound on the optimum and the gap (R-SET-9). Optional `pins`
/// (only that municipality for the household) and `forbidden` pairs let a planner re-solve.
#[utoipa::path(post, path = "/api/v1/placement/solve", tag = "placement", request_body = SolveBody,
    responses((status = 200, body = SolveResult), (status = 400, body = crate::error::Problem),
        (status = 413, body = crate::error::Problem), (status = 503, body = crate::error::Problem)),
    security(("bearer" = [])))]
pub async fn solve_api(ApiJson(body): ApiJson<SolveBody>) -> ApiResult<Json<SolveResult>> {
    let (request, ids) = body.into_request()?;
    let response = run_solver(request).await?;
    Ok(Json(SolveResult::new(response, &ids)))
}
