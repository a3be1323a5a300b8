//! The residents API (SPEC §10: `POST /api/v1/residents`, `POST /api/v1/residents/{id}/stays`).

use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::{Json, Router};
use mottak_domain::access::Capability;
use mottak_domain::residents::ResidentDraft;
use mottak_store::residents::{CentreResidentRow, ResidentRecord, StayRecord};
use serde::Serialize;

use crate::auth::{Caller, allow};
use crate::error::ApiResult;
use crate::json::ApiJson;
use crate::occupancy::load_centre;
use crate::params::ApiPath;
use crate::residents::CentreResidents::{LivedHere, ToMoveHere};
use crate::residents::{self, StayInput};
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/api/v1/residents",
            post(create_resident_api).route_layer(allow(Capability::ManageResidents)),
        )
        .route(
            "/api/v1/residents/{id}",
            get(resident_api).route_layer(allow(Capability::ReadResidents)),
        )
        .route(
            "/api/v1/residents/{id}/stays",
            post(add_stay_api).route_layer(allow(Capability::ManageResidents)),
        )
        .route(
            "/api/v1/centres/{id}/residents",
            get(centre_residents_api).route_layer(allow(Capability::ReadResidents)),
        )
        .route(
            "/api/v1/centres/{id}/residents-to-move",
            get(residents_to_move_api).route_layer(allow(Capability::ReadResidents)),
        )
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct Created {
    id: i64,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct CreatedStay {
    id: i64,
    /// The open stay this one ended (a move, R-OCC-1).
    ended_stay: Option<i64>,
}

/// A stay in a resident's history.
#[derive(Serialize, utoipa::ToSchema)]
pub struct StayView {
    id: i64,
    centre_id: i64,
    centre_number: String,
    centre_name: String,
    place_type: String,
    #[schema(format = Date)]
    from: String,
    /// Exclusive; null while the resident lives there.
    #[schema(format = Date)]
    to: Option<String>,
}

impl From<&StayRecord> for StayView {
    fn from(stay: &StayRecord) -> StayView {
        StayView {
            id: stay.id,
            centre_id: stay.centre_id,
            centre_number: stay.centre_number.clone(),
            centre_name: stay.centre_name.clone(),
            place_type: stay.place_type.clone(),
            from: stay.from_date.clone(),
            to: stay.to_date.clone(),
        }
    }
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct ResidentView {
    id: i64,
    duf_number: String,
    given_name: String,
    family_name: String,
    #[schema(format = Date)]
    birth_date: String,
    gender: String,
    household: String,
    /// Every stay across centres, oldest first.
    stays: Vec<StayView>,
}

fn resident_view(resident: ResidentRecord, stays: &[StayRecord]) -> ResidentView {
    ResidentView {
        id: resident.id,
        duf_number: resident.fields.duf_number,
        given_name: resident.fields.given_name,
        family_name: resident.fields.family_name,
        birth_date: resident.fields.birth_date,
        gender: resident.fields.gender,
        household: resident.fields.household,
        stays: stays.iter().map(StayView::from).collect(),
    }
}

/// A current or past resident of a centre, with the stay there.
#[derive(Serialize, utoipa::ToSchema)]
pub struct CentreResidentView {
    resident_id: i64,
    duf_number: String,
    given_name: String,
    family_name: String,
    stay_id: i64,
    #[schema(format = Date)]
    from: String,
    #[schema(format = Date)]
    to: Option<String>,
}

impl From<CentreResidentRow> for CentreResidentView {
    fn from(row: CentreResidentRow) -> CentreResidentView {
        CentreResidentView {
            resident_id: row.resident_id,
            duf_number: row.duf_number,
            given_name: row.given_name,
            family_name: row.family_name,
            stay_id: row.stay_id,
            from: row.from_date,
            to: row.to_date,
        }
    }
}

/// Registers a resident; every invalid field is named (400), a known DUF number is 409.
#[utoipa::path(post, path = "/api/v1/residents", tag = "residents", request_body = ResidentDraft,
    responses((status = 201, body = Created), (status = 400, body = crate::error::Problem), (status = 409, body = crate::error::Problem)),
    security(("bearer" = [])))]
pub async fn create_resident_api(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(input): ApiJson<ResidentDraft>,
) -> ApiResult<(StatusCode, Json<Created>)> {
    let id = residents::create_resident(&state.store, &caller, &input).await?;
    Ok((StatusCode::CREATED, Json(Created { id })))
}

/// A resident with every stay; the read is logged (R-AUTH-5). Outside one's scope: 404.
#[utoipa::path(get, path = "/api/v1/residents/{id}", params(("id" = i64, Path, description = "The id of the resident")), tag = "residents",
    responses((status = 200, body = ResidentView), (status = 404, body = crate::error::Problem)), security(("bearer" = [])))]
pub async fn resident_api(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<i64>,
) -> ApiResult<Json<ResidentView>> {
    let (resident, stays) = residents::read_resident(&state.store, &caller, id).await?;
    Ok(Json(resident_view(resident, &stays)))
}

/// Adds a stay (`to` exclusive). One that starts after the open stay's start ends that stay on
/// its `from` (a move, R-OCC-1); any other overlap is 409.
#[utoipa::path(post, path = "/api/v1/residents/{id}/stays", params(("id" = i64, Path, description = "The id of the resident")), tag = "residents", request_body = StayInput,
    responses((status = 201, body = CreatedStay), (status = 400, body = crate::error::Problem), (status = 404, body = crate::error::Problem), (status = 409, body = crate::error::Problem)),
    security(("bearer" = [])))]
pub async fn add_stay_api(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<i64>,
    ApiJson(input): ApiJson<StayInput>,
) -> ApiResult<(StatusCode, Json<CreatedStay>)> {
    let outcome = residents::add_stay(&state.store, &caller, id, &input).await?;
    Ok((
        StatusCode::CREATED,
        Json(CreatedStay {
            id: outcome.id,
            ended_stay: outcome.ended,
        }),
    ))
}

/// Everyone who lives or has lived at the centre, newest stay first; the read is logged.
#[utoipa::path(get, path = "/api/v1/centres/{id}/residents", params(("id" = i64, Path, description = "The id of the centre")), tag = "residents",
    responses((status = 200, body = [CentreResidentView]), (status = 404, body = crate::error::Problem)), security(("bearer" = [])))]
pub async fn centre_residents_api(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<i64>,
) -> ApiResult<Json<Vec<CentreResidentView>>> {
    let (centre, _) = load_centre(&state.store, &caller, id).await?;
    let rows = residents::read_centre_residents(&state.store, &caller, &centre, LivedHere).await?;
    Ok(Json(
        rows.into_iter().map(CentreResidentView::from).collect(),
    ))
}

/// R-AGR-12: the residents still living at the closed number this centre replaced (a change of
/// place type or another new-number operation), who must be moved here; the read is logged.
#[utoipa::path(get, path = "/api/v1/centres/{id}/residents-to-move", params(("id" = i64, Path, description = "The id of the new centre number")), tag = "residents",
    responses((status = 200, body = [CentreResidentView]), (status = 404, body = crate::error::Problem)), security(("bearer" = [])))]
pub async fn residents_to_move_api(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<i64>,
) -> ApiResult<Json<Vec<CentreResidentView>>> {
    let (centre, _) = load_centre(&state.store, &caller, id).await?;
    let rows = residents::read_centre_residents(&state.store, &caller, &centre, ToMoveHere).await?;
    Ok(Json(
        rows.into_iter().map(CentreResidentView::from).collect(),
    ))
}
