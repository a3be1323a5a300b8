//! The registry's JSON API (SPEC §10 for creating operators and centres).

use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::{Json, Router};
use mottak_domain::access::Capability;
use mottak_domain::error::Problem;
use mottak_store::registry::{
    CentreFilter, CentreListRow, CentreRecord, CentreSort, OperatorRecord,
};
use serde::{Deserialize, Serialize};

use super::views::{CentreView, OperatorView, centre_view};
use crate::auth::{Caller, allow};
use crate::error::{ApiError, ApiResult};
use crate::json::{ApiJson, versioned};
use crate::params::{ApiPath, ApiQuery};
use crate::registry::{
    self, CentreInput, CentrePatch, LifecycleOutcome, LifecycleRequest, OperatorInput, scope,
};
use crate::state::AppState;
use mottak_domain::registry::Warning;

pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/api/v1/operators",
            post(create_operator_api).route_layer(allow(Capability::ManageRegistry)),
        )
        .route(
            "/api/v1/operators",
            get(list_operators_api).route_layer(allow(Capability::ReadRegistry)),
        )
        .route(
            "/api/v1/operators/{id}",
            get(operator_api).route_layer(allow(Capability::ReadRegistry)),
        )
        .route(
            "/api/v1/operators/{id}",
            axum::routing::put(update_operator_api).route_layer(allow(Capability::ManageRegistry)),
        )
        .route(
            "/api/v1/centres",
            post(create_centre_api).route_layer(allow(Capability::ManageRegistry)),
        )
        .route(
            "/api/v1/centres",
            get(list_centres_api).route_layer(allow(Capability::ReadRegistry)),
        )
        .route(
            "/api/v1/centres/{id}",
            get(centre_api).route_layer(allow(Capability::ReadRegistry)),
        )
        .route(
            "/api/v1/centres/{id}",
            axum::routing::patch(update_centre_api).route_layer(allow(Capability::ReadRegistry)),
        )
        .route(
            "/api/v1/centres/{id}/lifecycle/preview",
            post(plan_lifecycle_api).route_layer(allow(Capability::ManageRegistry)),
        )
        .route(
            "/api/v1/centres/{id}/lifecycle",
            post(apply_lifecycle_api).route_layer(allow(Capability::ManageRegistry)),
        )
}

/// A centre with its operator, if the caller's scope covers it (otherwise 403).
pub async fn load_centre(
    state: &AppState,
    caller: &Caller,
    id: i64,
) -> ApiResult<(CentreRecord, OperatorRecord)> {
    let centre = state.store.centre(id).await?;
    let operator = state.store.operator(centre.operator_id).await?;
    if !scope::may_see_centre(caller, &centre, operator.fields.dro_number) {
        return Err(ApiError::forbidden());
    }
    Ok((centre, operator))
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct CreatedCentre {
    id: i64,
    number: String,
    name: String,
    region: String,
    /// Rules broken in a way that is allowed but worth a look (R-REG-5, the series of §2).
    #[schema(value_type = Vec<String>)]
    warnings: Vec<Warning>,
}

/// Registers an operator; the DRO number is the first free from DRO1000 unless given (R-REG-3).
#[utoipa::path(post, path = "/api/v1/operators", tag = "registry", request_body = OperatorInput,
    responses((status = 201, body = OperatorView), (status = 400, body = crate::error::Problem), (status = 409, body = crate::error::Problem)),
    security(("bearer" = [])))]
pub async fn create_operator_api(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(input): ApiJson<OperatorInput>,
) -> ApiResult<(StatusCode, Json<OperatorView>)> {
    let operator = registry::create_operator(&state.store, &caller.actor(), &input).await?;
    Ok((StatusCode::CREATED, Json(OperatorView::from(&operator))))
}

/// Operators: all for UDI, one's own for an operator.
#[utoipa::path(get, path = "/api/v1/operators", tag = "registry", responses((status = 200, body = [OperatorView])), security(("bearer" = [])))]
pub async fn list_operators_api(
    State(state): State<AppState>,
    caller: Caller,
) -> ApiResult<Json<Vec<OperatorView>>> {
    let operators = state.store.operators().await?;
    Ok(Json(
        operators
            .iter()
            .filter(|operator| scope::may_see_operator(&caller, operator))
            .map(OperatorView::from)
            .collect(),
    ))
}

#[utoipa::path(get, path = "/api/v1/operators/{id}", params(("id" = i64, Path, description = "The id of the operator")), tag = "registry", responses((status = 200, body = OperatorView), (status = 404, body = crate::error::Problem)), security(("bearer" = [])))]
pub async fn operator_api(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<i64>,
) -> ApiResult<Json<OperatorView>> {
    let operator = state.store.operator(id).await?;
    if !scope::may_see_operator(&caller, &operator) {
        return Err(ApiError::forbidden());
    }
    Ok(Json(OperatorView::from(&operator)))
}

/// The body of an operator's update as the description shows it. The handler reads it with
/// [`versioned`], because serde cannot report unknown members through `flatten`.
#[derive(Deserialize, utoipa::ToSchema)]
#[allow(dead_code)]
pub struct OperatorUpdate {
    version: i64,
    #[serde(flatten)]
    operator: OperatorInput,
}

/// Replaces an operator's data; a stale `version` is 409 and changes nothing.
#[utoipa::path(put, path = "/api/v1/operators/{id}", params(("id" = i64, Path, description = "The id of the operator")), tag = "registry", request_body = OperatorUpdate,
    responses((status = 200, body = OperatorView), (status = 409, body = crate::error::Problem)), security(("bearer" = [])))]
pub async fn update_operator_api(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<i64>,
    ApiJson(body): ApiJson<serde_json::Map<String, serde_json::Value>>,
) -> ApiResult<Json<OperatorView>> {
    let (version, input) = versioned::<OperatorInput>(body)?;
    let operator =
        registry::update_operator(&state.store, &caller.actor(), id, version, &input).await?;
    Ok(Json(OperatorView::from(&operator)))
}

/// Registers a centre: the number is the first free in the series unless given (R-REG-1).
#[utoipa::path(post, path = "/api/v1/centres", tag = "registry", request_body = CentreInput,
    responses((status = 201, body = CreatedCentre), (status = 400, body = crate::error::Problem), (status = 409, body = crate::error::Problem)),
    security(("bearer" = [])))]
pub async fn create_centre_api(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(input): ApiJson<CentreInput>,
) -> ApiResult<(StatusCode, Json<CreatedCentre>)> {
    let (centre, mut warnings) =
        registry::create_centre(&state.store, &caller.actor(), &input).await?;
    if let Some(warning) = crate::names::postal_code_warning(
        &state.store,
        &centre.fields.municipality_number,
        &centre.fields.postal_code,
    )
    .await?
    {
        warnings.push(Warning::PostalElsewhere(warning));
    }
    Ok((
        StatusCode::CREATED,
        Json(CreatedCentre {
            id: centre.id,
            number: centre.number,
            name: centre.name,
            region: centre.fields.region,
            warnings,
        }),
    ))
}

/// Filters, sorting and paging of the centre list.
#[derive(Deserialize, Default, Clone, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(default)]
pub struct CentreQuery {
    pub region: Option<String>,
    pub category: Option<String>,
    pub series: Option<String>,
    /// `open` or `closed`.
    pub status: Option<String>,
    pub municipality: Option<String>,
    pub operator_id: Option<i64>,
    /// Part of the name or number.
    pub q: Option<String>,
    /// `number` (default), `name`, `municipality`, `region`, `operator`.
    pub sort: Option<String>,
    /// `asc` (default) or `desc`.
    pub order: Option<String>,
    /// 1-based.
    pub page: Option<i64>,
    /// At most 200; default 50.
    pub per_page: Option<i64>,
}

fn present(text: &Option<String>) -> Option<String> {
    text.as_deref()
        .map(str::trim)
        .filter(|text| !text.is_empty())
        .map(str::to_owned)
}

/// The store filter for a query, held to the caller's scope.
pub async fn centre_filter(
    state: &AppState,
    caller: &Caller,
    query: &CentreQuery,
) -> ApiResult<CentreFilter> {
    let sort = match query.sort.as_deref().unwrap_or("number") {
        "number" | "" => CentreSort::Number,
        "name" => CentreSort::Name,
        "municipality" => CentreSort::Municipality,
        "region" => CentreSort::Region,
        "operator" => CentreSort::Operator,
        _ => {
            return Err(ApiError::coded(
                "sort",
                Problem::OneOf {
                    options: "number, name, municipality, region, operator".into(),
                },
            ));
        }
    };
    let descending = match query.order.as_deref().unwrap_or("asc") {
        "asc" | "" => false,
        "desc" => true,
        _ => {
            return Err(ApiError::coded(
                "order",
                Problem::OneOf {
                    options: "asc, desc".into(),
                },
            ));
        }
    };
    let per_page = query.per_page.unwrap_or(50);
    if !(1..=200).contains(&per_page) {
        return Err(ApiError::coded(
            "per_page",
            Problem::Between { min: 1, max: 200 },
        ));
    }
    let page = query.page.unwrap_or(1);
    if page < 1 {
        return Err(ApiError::coded("page", Problem::AtLeastOne));
    }
    let mut filter = CentreFilter {
        region: present(&query.region).map(|region| region.to_uppercase()),
        category: present(&query.category),
        series: present(&query.series),
        status: present(&query.status),
        municipality_number: present(&query.municipality),
        operator_id: query.operator_id,
        text: present(&query.q),
        sort,
        descending,
        limit: per_page,
        offset: (page - 1) * per_page,
    };
    scope::restrict(&state.store, caller, &mut filter).await?;
    Ok(filter)
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct CentrePage {
    items: Vec<CentreListItem>,
    total: i64,
    page: i64,
    per_page: i64,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct CentreListItem {
    id: i64,
    number: String,
    name: String,
    category: String,
    place_type: String,
    status: String,
    region: String,
    municipality_number: String,
    operator_id: i64,
    operator_name: String,
    operator_dro_number: String,
}

impl From<CentreListRow> for CentreListItem {
    fn from(row: CentreListRow) -> CentreListItem {
        CentreListItem {
            id: row.id,
            number: row.number,
            name: row.name,
            category: row.category,
            place_type: row.place_type,
            status: row.status,
            region: row.region,
            municipality_number: row.municipality_number,
            operator_id: row.operator_id,
            operator_name: row.operator_name,
            operator_dro_number: format!("DRO{}", row.operator_dro),
        }
    }
}

/// Centres in the caller's scope: filtered, sorted and paged.
#[utoipa::path(get, path = "/api/v1/centres", tag = "registry", params(CentreQuery),
    responses((status = 200, body = CentrePage), (status = 400, body = crate::error::Problem)), security(("bearer" = [])))]
pub async fn list_centres_api(
    State(state): State<AppState>,
    caller: Caller,
    ApiQuery(query): ApiQuery<CentreQuery>,
) -> ApiResult<Json<CentrePage>> {
    let filter = centre_filter(&state, &caller, &query).await?;
    let (rows, total) = state.store.list_centres(&filter).await?;
    Ok(Json(CentrePage {
        items: rows.into_iter().map(CentreListItem::from).collect(),
        total,
        page: filter.offset / filter.limit + 1,
        per_page: filter.limit,
    }))
}

/// A centre with its operator, accounting completeness (R-REG-8) and history (R-REG-2).
#[utoipa::path(get, path = "/api/v1/centres/{id}", params(("id" = i64, Path, description = "The id of the centre")), tag = "registry",
    responses((status = 200, body = CentreView), (status = 403, body = crate::error::Problem), (status = 404, body = crate::error::Problem)), security(("bearer" = [])))]
pub async fn centre_api(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<i64>,
) -> ApiResult<Json<CentreView>> {
    let (centre, operator) = load_centre(&state, &caller, id).await?;
    let history = state.store.centre_history(id).await?;
    Ok(Json(centre_view(&centre, &operator, &history)))
}

/// Changes a centre's data within the caller's rights (R-REG-6); a stale `version` is 409.
#[utoipa::path(patch, path = "/api/v1/centres/{id}", params(("id" = i64, Path, description = "The id of the centre")), tag = "registry", request_body = CentrePatch,
    responses((status = 200, body = CentreView), (status = 403, body = crate::error::Problem), (status = 409, body = crate::error::Problem)), security(("bearer" = [])))]
pub async fn update_centre_api(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<i64>,
    ApiJson(patch): ApiJson<CentrePatch>,
) -> ApiResult<Json<CentreView>> {
    load_centre(&state, &caller, id).await?;
    let centre = registry::update_centre(
        &state.store,
        &caller.actor(),
        scope::edit_rights(&caller),
        id,
        &patch,
    )
    .await?;
    let operator = state.store.operator(centre.operator_id).await?;
    let history = state.store.centre_history(id).await?;
    Ok(Json(centre_view(&centre, &operator, &history)))
}

/// What a lifecycle operation (R-REG-2) would do: the new number and what else it requires.
#[utoipa::path(post, path = "/api/v1/centres/{id}/lifecycle/preview", params(("id" = i64, Path, description = "The id of the centre")), tag = "registry", request_body = LifecycleRequest,
    responses((status = 200, body = LifecycleOutcome), (status = 400, body = crate::error::Problem)), security(("bearer" = [])))]
pub async fn plan_lifecycle_api(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<i64>,
    ApiJson(request): ApiJson<LifecycleRequest>,
) -> ApiResult<Json<LifecycleOutcome>> {
    Ok(Json(
        registry::plan_lifecycle(&state.store, id, &request).await?,
    ))
}

/// Performs a lifecycle operation (R-REG-2), keeping the history and linking the numbers.
#[utoipa::path(post, path = "/api/v1/centres/{id}/lifecycle", params(("id" = i64, Path, description = "The id of the centre")), tag = "registry", request_body = LifecycleRequest,
    responses((status = 200, body = LifecycleOutcome), (status = 400, body = crate::error::Problem), (status = 409, body = crate::error::Problem)), security(("bearer" = [])))]
pub async fn apply_lifecycle_api(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<i64>,
    ApiJson(request): ApiJson<LifecycleRequest>,
) -> ApiResult<Json<LifecycleOutcome>> {
    Ok(Json(
        registry::apply_lifecycle(&state.store, &caller.actor(), id, &request).await?,
    ))
}
