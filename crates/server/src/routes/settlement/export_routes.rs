//! R-SET-8: an accepted offer's case for the municipality's own records — the PDF and the
//! metadata JSON as downloads from the offer's row, and the metadata in the API.

use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use mottak_domain::access::Capability;

use crate::auth::{Caller, allow};
use crate::error::ApiResult;
use crate::pages::PageResult;
use crate::params::ApiPath;
use crate::settlement::export::{self, CaseMetadata};
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/api/v1/settlement/offers/{id}/export",
            get(export_api).route_layer(allow(Capability::ReadSettlement)),
        )
        .route(
            "/settlement/offers/{id}/export.pdf",
            get(export_pdf).route_layer(allow(Capability::ReadSettlement)),
        )
        .route(
            "/settlement/offers/{id}/export.json",
            get(export_json).route_layer(allow(Capability::ReadSettlement)),
        )
}

/// The case of an offer the municipality accepted (R-SET-8): its dates, documents and the
/// messages of both threads with their authors and times (the texts are in the PDF,
/// `/settlement/offers/{id}/export.pdf`). IMDi, or the offer's municipality with `offers`;
/// another municipality's offer is 404, an offer not accepted 409. Each export is logged.
#[utoipa::path(get, path = "/api/v1/settlement/offers/{id}/export",
    params(("id" = i64, Path, description = "The id of the offer")), tag = "settlement",
    responses((status = 200, body = CaseMetadata)), security(("bearer" = [])))]
pub async fn export_api(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<i64>,
) -> ApiResult<Json<CaseMetadata>> {
    let case = export::case(&state.store, &caller, id, "json").await?;
    Ok(Json(case.metadata))
}

fn download(content_type: &str, file_name: &str, body: Vec<u8>) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type.to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{file_name}\""),
            ),
        ],
        body,
    )
        .into_response()
}

async fn export_pdf(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<i64>,
) -> PageResult {
    let case = export::case(&state.store, &caller, id, "pdf").await?;
    Ok(download(
        "application/pdf",
        &case.file_name("pdf"),
        case.pdf(),
    ))
}

async fn export_json(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<i64>,
) -> PageResult {
    let case = export::case(&state.store, &caller, id, "json").await?;
    let body = serde_json::to_vec_pretty(&case.metadata).unwrap_or_default();
    Ok(download("application/json", &case.file_name("json"), body))
}
