//! R-SET-9 from stored data in the API: a proposal from the waiting households and the
//! remaining decided numbers, and the step that sends an accepted proposal as offers.

use axum::extract::State;
use axum::routing::post;
use axum::{Json, Router};
use mottak_domain::access::Capability;

use crate::auth::{Caller, allow};
use crate::error::ApiResult;
use crate::json::ApiJson;
use crate::settlement::placement::send::{SendInput, SendResult, send_offers};
use crate::settlement::placement::{ProposalInput, ProposalView, propose};
use crate::settlement::queried_year;
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/api/v1/settlement/placement/proposal",
            post(proposal_api).route_layer(allow(Capability::ProposePlacements)),
        )
        .route(
            "/api/v1/settlement/placement/send",
            post(send_api).route_layer(allow(Capability::ManageSettlement)),
        )
}

/// Proposes a distribution of the waiting households (residents by household key, not settled
/// and in no open or accepted offer) to the municipalities' remaining decided numbers of the
/// year, maximising the scores (a table, or the stated criteria); with the proven upper bound
/// and the gap. Nothing is offered (R-SET-9). 400 naming each unknown municipality, household
/// that does not wait, or nothing to place.
#[utoipa::path(post, path = "/api/v1/settlement/placement/proposal", tag = "settlement",
    request_body = ProposalInput, responses((status = 200, body = ProposalView),
        (status = 503, body = crate::error::Problem)),
    security(("bearer" = [])))]
pub async fn proposal_api(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(input): ApiJson<ProposalInput>,
) -> ApiResult<Json<ProposalView>> {
    let year = queried_year(input.year)?;
    let time_limit_ms = input.time_limit_ms.unwrap_or(5_000);
    let (facts, request, response) =
        propose(&state.store, &caller, year, &input.scores(), time_limit_ms).await?;
    Ok(Json(ProposalView::new(&facts, &request, &response)))
}

/// Sends an accepted proposal: one offer per pair through the offer creation (R-SET-3's checks,
/// events and notifications), each its own write; `failed` names each pair refused and why.
#[utoipa::path(post, path = "/api/v1/settlement/placement/send", tag = "settlement",
    request_body = SendInput, responses((status = 200, body = SendResult)),
    security(("bearer" = [])))]
pub async fn send_api(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(input): ApiJson<SendInput>,
) -> ApiResult<Json<SendResult>> {
    Ok(Json(
        send_offers(&state.store, &caller, &input, &state.config.public_url()).await?,
    ))
}
