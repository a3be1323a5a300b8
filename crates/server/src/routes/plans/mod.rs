//! Plans (SPEC §6): `POST /api/v1/plans/preview` (SPEC §10) and the preview page, where a
//! built-in template is computed for an agreement's dates and nothing is stored.
//!
//! Who: UDI's administrative staff and regional units, who follow the routines, and admins
//! (`Capability::FollowPlans`). A preview holds no personal data and no centre's data.

pub mod calendar;
pub mod calendar_feed;
mod page;
mod stored;
pub mod tasks;
pub mod templates;

use axum::http::HeaderMap;
use axum::http::header::ACCEPT_LANGUAGE;
use axum::routing::post;
use axum::{Json, Router};
use chrono::NaiveDate;
use mottak_domain::access::Capability;
use mottak_domain::plans::{Plan, PreviewRequest, Template};
use serde::Serialize;

use crate::auth::allow;
use crate::error::{ApiError, ApiResult};
use crate::i18n::Lang;
use crate::json::ApiJson;
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/api/v1/plans/preview",
            post(preview_api).route_layer(allow(Capability::FollowPlans)),
        )
        .merge(page::router())
        .merge(stored::router())
        .merge(tasks::router())
        .merge(calendar::router())
        .merge(calendar_feed::router())
        .merge(templates::router())
}

/// `{phases, tasks}`: a template computed for the request's dates.
#[derive(Serialize, utoipa::ToSchema)]
pub struct PreviewResponse {
    phases: Vec<PhaseAnswer>,
    /// By due date, tasks without one last; a recurring item once per occurrence.
    tasks: Vec<TaskAnswer>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct PhaseAnswer {
    /// `startup`, `operation` or `closing`.
    #[schema(example = "startup")]
    name: &'static str,
    #[schema(value_type = String, format = Date)]
    from: NaiveDate,
    /// Exclusive: the first day of the next phase.
    #[schema(value_type = String, format = Date)]
    to: NaiveDate,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct TaskAnswer {
    /// The item's stable key, `opening.duf_access`.
    key: String,
    /// In bokmål, or in English with `Accept-Language: en`.
    title: String,
    /// The day it is due (inclusive); null while it waits for an event that has not happened
    /// (another item's completion, an employee's hiring).
    #[schema(value_type = Option<String>, format = Date)]
    due: Option<NaiveDate>,
}

/// A built-in plan template (`opening`, `closing`, `new_centre`, `emergency`) computed for an
/// agreement's dates (SPEC §6): its phases (`to` exclusive; the closing phase wins where
/// start-up and closing overlap) and its tasks with due dates. `end` is exclusive and must be
/// after `operation_start`; `awarded` defaults to `signed`. Optional, beyond SPEC §10:
/// `startup_months` (3–6, `new_centre`) and `has_equipment` (`closing.equipment`). Nothing is
/// stored.
/// Who: admin, udi_adm and udi_region.
#[utoipa::path(post, path = "/api/v1/plans/preview", tag = "plans", request_body = PreviewRequest,
    params(("Accept-Language" = Option<String>, Header, description = "`en` for English titles; bokmål otherwise")),
    responses((status = 200, body = PreviewResponse), (status = 400, body = crate::error::Problem)),
    security(("bearer" = [])))]
pub async fn preview_api(
    headers: HeaderMap,
    ApiJson(request): ApiJson<PreviewRequest>,
) -> ApiResult<Json<PreviewResponse>> {
    let preview = request.parse().map_err(ApiError::invalid_fields)?;
    let plan = preview.plan();
    Ok(Json(PreviewResponse::new(
        &preview.template,
        &plan,
        api_lang(&headers),
    )))
}

impl PreviewResponse {
    fn new(template: &Template, plan: &Plan, lang: Lang) -> PreviewResponse {
        PreviewResponse {
            phases: plan
                .phases
                .iter()
                .map(|phase| PhaseAnswer {
                    name: phase.name.code(),
                    from: phase.range.from(),
                    to: phase.range.end(),
                })
                .collect(),
            tasks: plan
                .tasks
                .iter()
                .map(|task| TaskAnswer {
                    key: task.key.clone(),
                    title: item_title(template, task.item, lang),
                    due: task.due,
                })
                .collect(),
        }
    }
}

/// The title of the template's `index`th item: its own, or the catalogue's by key.
pub fn item_title(template: &Template, index: usize, lang: Lang) -> String {
    let item = &template.items[index];
    match (&item.title, lang) {
        (Some(title), Lang::Nb) => title.nb.clone(),
        (Some(title), Lang::En) => title.en.clone(),
        (None, _) => lang.text(&format!("plans.item.{}", item.key)).to_owned(),
    }
}

/// English when the client asks for it first; bokmål otherwise (SPEC §9).
pub(super) fn api_lang(headers: &HeaderMap) -> Lang {
    let first = headers
        .get(ACCEPT_LANGUAGE)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.split(',').next())
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    if first.starts_with("en") {
        Lang::En
    } else {
        Lang::Nb
    }
}
