//! R-SET-3 in the API: IMDi offers a household; the municipality reads and answers.

use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::{Json, Router};
use mottak_domain::access::Capability;

use super::api::{Created, YearQuery};
use crate::auth::{Caller, allow};
use crate::error::ApiResult;
use crate::json::ApiJson;
use crate::params::{ApiPath, ApiQuery};
use crate::settlement::offers::{self, AnswerInput, OfferInput, OfferView};
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/api/v1/settlement/offers",
            post(create_offer_api).route_layer(allow(Capability::ManageSettlement)),
        )
        .route(
            "/api/v1/settlement/offers",
            get(list_offers_api).route_layer(allow(Capability::ReadSettlement)),
        )
        .route(
            "/api/v1/settlement/offers/{id}",
            get(offer_api).route_layer(allow(Capability::ReadSettlement)),
        )
        .route(
            "/api/v1/settlement/offers/{id}/answer",
            post(answer_offer_api).route_layer(allow(Capability::DecideSettlement)),
        )
}

/// Offers a household to a municipality (R-SET-3); 409 without an approved decision for the
/// year, or when the household is larger than the decision's remaining number.
#[utoipa::path(post, path = "/api/v1/settlement/offers", tag = "settlement",
    request_body = OfferInput, responses((status = 201, body = Created)),
    security(("bearer" = [])))]
pub async fn create_offer_api(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(input): ApiJson<OfferInput>,
) -> ApiResult<(StatusCode, Json<Created>)> {
    let id =
        offers::create_offer(&state.store, &caller, &input, &state.config.public_url()).await?;
    Ok((StatusCode::CREATED, Json(Created::new(id))))
}

/// A year's offers without their persons: all for IMDi, the own for a municipality.
#[utoipa::path(get, path = "/api/v1/settlement/offers", tag = "settlement", params(YearQuery),
    responses((status = 200, body = [OfferView])), security(("bearer" = [])))]
pub async fn list_offers_api(
    State(state): State<AppState>,
    caller: Caller,
    ApiQuery(query): ApiQuery<YearQuery>,
) -> ApiResult<Json<Vec<OfferView>>> {
    let year = query.checked()?;
    Ok(Json(
        offers::list_offers(&state.store, &caller, year).await?,
    ))
}

/// An offer with its members (ages on the offer's date, gender, languages, needs; no names, DUF
/// numbers or health details); after a no, without members. Another municipality's: 404.
#[utoipa::path(get, path = "/api/v1/settlement/offers/{id}",
    params(("id" = i64, Path, description = "The id of the offer")), tag = "settlement",
    responses((status = 200, body = OfferView)), security(("bearer" = [])))]
pub async fn offer_api(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<i64>,
) -> ApiResult<Json<OfferView>> {
    Ok(Json(offers::read_offer(&state.store, &caller, id).await?))
}

/// The municipality's answer, yes or no (a no needs a `reason`, 400 naming it); 409 once the
/// offer is answered or expired.
#[utoipa::path(post, path = "/api/v1/settlement/offers/{id}/answer",
    params(("id" = i64, Path, description = "The id of the offer")), tag = "settlement",
    request_body = AnswerInput, responses((status = 200, body = OfferView)),
    security(("bearer" = [])))]
pub async fn answer_offer_api(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<i64>,
    ApiJson(input): ApiJson<AnswerInput>,
) -> ApiResult<Json<OfferView>> {
    Ok(Json(
        offers::answer_offer(&state.store, &caller, id, &input).await?,
    ))
}
