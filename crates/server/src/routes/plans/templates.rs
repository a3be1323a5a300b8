//! The plan templates (SPEC §6: versioned data an admin can revise; a running plan keeps its
//! version): `/plans/templates/{key}` shows the template new plans start from, and an admin
//! stores a revision there (the template as JSON) or with `PUT /api/v1/plans/templates/{key}`.
//!
//! Who: those who follow plans read; admins revise.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::routing::get;
use axum::{Json, Router};
use mottak_domain::access::{Capability, Role};
use mottak_domain::plans::Template;
use mottak_domain::plans::builtin::TEMPLATE_KEYS;
use serde::Deserialize;

use super::item_title;
use super::page::responsible;
use crate::auth::csrf::CsrfForm;
use crate::auth::{Caller, allow};
use crate::error::{ApiError, ApiResult, PageError};
use crate::form_errors::{FormError, FormErrors};
use crate::i18n::problems::error_text;
use crate::json::ApiJson;
use crate::pages::{Page, PageResult, Shell, render};
use crate::params::ApiPath;
use crate::plans::templates;
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/api/v1/plans/templates/{key}",
            get(template_api)
                .route_layer(allow(Capability::FollowPlans))
                .merge(axum::routing::put(revise_api).route_layer(allow(Capability::Administer))),
        )
        .route(
            "/plans/templates/{key}",
            get(template_page)
                .route_layer(allow(Capability::FollowPlans))
                .merge(axum::routing::post(revise_page).route_layer(allow(Capability::Administer))),
        )
}

/// The template new plans of `key` start from (`opening`, `closing`, `new_centre`,
/// `emergency`): the built-in one, or an admin's latest revision, with its `version`.
/// Who: admin, udi_adm and udi_region.
#[utoipa::path(get, path = "/api/v1/plans/templates/{key}", tag = "plans",
    params(("key" = String, Path, description = "`opening`, `closing`, `new_centre` or `emergency`")),
    responses((status = 200, body = Object, description = "The template: key, version, phases, items")),
    security(("bearer" = [])))]
pub async fn template_api(
    State(state): State<AppState>,
    ApiPath(key): ApiPath<String>,
) -> ApiResult<Json<Template>> {
    Ok(Json(templates::current(&state.store, &key).await?))
}

/// Stores a revision of template `key` (the whole template, as `GET` gives it) as its next
/// version: plans started from now on use it, running plans keep theirs. The key stays, item
/// keys are unique, every item named in `after` or a `completed` anchor exists, and a new
/// item has `title` `{nb, en}`; every violation is listed in `errors`. Who: admin.
#[utoipa::path(put, path = "/api/v1/plans/templates/{key}", tag = "plans",
    params(("key" = String, Path, description = "`opening`, `closing`, `new_centre` or `emergency`")),
    request_body(content = Object, description = "The revised template"),
    responses((status = 200, body = Object, description = "The stored revision with its version")),
    security(("bearer" = [])))]
pub async fn revise_api(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(key): ApiPath<String>,
    ApiJson(revised): ApiJson<Template>,
) -> ApiResult<Json<Template>> {
    Ok(Json(
        templates::revise(&state.store, &caller, &key, revised).await?,
    ))
}

struct ItemRow {
    key: String,
    title: String,
    responsible: String,
}

#[derive(askama::Template)]
#[template(path = "plans/template.html")]
struct TemplatePage {
    shell: Shell,
    key: String,
    heading: String,
    version: u32,
    items: Vec<ItemRow>,
    others: Vec<(&'static str, &'static str)>,
    may_revise: bool,
    document: String,
    errors: FormErrors,
    saved: bool,
}

async fn page(
    state: &AppState,
    shell: Shell,
    caller: &Caller,
    key: &str,
    typed: Option<String>,
    errors: FormErrors,
) -> Result<TemplatePage, PageError> {
    let template = templates::current(&state.store, key)
        .await
        .map_err(|_| PageError::NotFound)?;
    let items = (0..template.items.len())
        .map(|index| ItemRow {
            key: template.items[index].key.clone(),
            title: item_title(&template, index, shell.lang),
            responsible: responsible(&shell, template.items[index].responsible),
        })
        .collect();
    let document = typed
        .unwrap_or_else(|| serde_json::to_string_pretty(&template).expect("templates serialize"));
    Ok(TemplatePage {
        heading: shell.t(&format!("plans.template.{key}")).to_owned(),
        key: key.to_owned(),
        version: template.version,
        items,
        others: TEMPLATE_KEYS
            .iter()
            .map(|other| (*other, shell.t(&format!("plans.template.{other}"))))
            .collect(),
        may_revise: caller.role == Role::Admin,
        document,
        errors,
        saved: false,
        shell: shell.with_title("templates.title"),
    })
}

async fn template_page(
    Page(state, shell, caller): Page,
    ApiPath(key): ApiPath<String>,
) -> PageResult {
    let page = page(&state, shell, &caller, &key, None, FormErrors::default()).await?;
    Ok(render(&page))
}

#[derive(Deserialize)]
struct ReviseForm {
    document: String,
}

/// Errors of the document field, each with its place in the document (`items[3].after: …`).
fn document_errors(shell: &Shell, messages: impl IntoIterator<Item = String>) -> FormErrors {
    FormErrors {
        errors: messages
            .into_iter()
            .map(|message| FormError {
                field: "document".to_owned(),
                label: shell.t("templates.document").to_owned(),
                message,
            })
            .collect(),
        summary: String::new(),
    }
}

async fn revise_page(
    Page(state, shell, caller): Page,
    ApiPath(key): ApiPath<String>,
    CsrfForm(form): CsrfForm<ReviseForm>,
) -> PageResult {
    let errors = match serde_json::from_str::<Template>(&form.document) {
        Err(error) => document_errors(
            &shell,
            [format!("{}: {error}", shell.t("templates.not_json"))],
        ),
        Ok(revised) => match templates::revise(&state.store, &caller, &key, revised).await {
            Ok(_) => {
                let mut page =
                    page(&state, shell, &caller, &key, None, FormErrors::default()).await?;
                page.saved = true;
                return Ok(render(&page));
            }
            Err(ApiError::Invalid { errors, .. }) => document_errors(
                &shell,
                errors
                    .iter()
                    .map(|error| format!("{}: {}", error.field, error_text(error, shell.lang))),
            ),
            Err(other) => return Err(other.into()),
        },
    };
    let page = page(&state, shell, &caller, &key, Some(form.document), errors).await?;
    Ok((StatusCode::BAD_REQUEST, render(&page)).into_response())
}
