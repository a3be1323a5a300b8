//! The migration import as API and page (national roles).

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use mottak_domain::access::Capability;
use mottak_domain::error::{FieldError, Problem};
use mottak_domain::registry::{CENTRE_COLUMNS, OPERATOR_COLUMNS};
use serde::Deserialize;

use crate::auth::csrf::CsrfMultipart;
use crate::auth::{Caller, allow};
use crate::error::PageError;
use crate::error::{ApiError, ApiResult};
use crate::json::ApiText;
use crate::pages::{Page, PageResult, Shell, render};
use crate::params::{ApiPath, ApiQuery};
use crate::registry::RegistryError;
use crate::registry::import::{
    ImportMode, ImportReport, import_centres, import_old_counties, import_operators,
};
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/api/v1/import/{kind}",
            post(import_api).route_layer(allow(Capability::ManageRegistry)),
        )
        .route(
            "/registry/import",
            get(import_page)
                .post(import_form)
                .route_layer(allow(Capability::ManageRegistry)),
        )
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ImportQuery {
    /// `dry_run` (default), `all` (nothing is imported while any row fails) or `valid_only`.
    mode: Option<String>,
    /// For `old_counties`: the first day the mapping is valid (default today).
    valid_from: Option<String>,
}

fn parse_mode(text: Option<&str>) -> Result<ImportMode, ApiError> {
    match text.unwrap_or("dry_run") {
        "dry_run" => Ok(ImportMode::DryRun),
        "all" => Ok(ImportMode::All),
        "valid_only" => Ok(ImportMode::ValidOnly),
        _ => Err(ApiError::coded(
            "mode",
            Problem::OneOf {
                options: "dry_run, all, valid_only".into(),
            },
        )),
    }
}

async fn run(
    state: &AppState,
    caller: &Caller,
    kind: &str,
    text: &str,
    mode: ImportMode,
    valid_from: Option<&str>,
) -> Result<ImportReport, RegistryError> {
    match kind {
        "operators" => import_operators(&state.store, &caller.actor(), text, mode).await,
        "centres" => import_centres(&state.store, &caller.actor(), text, mode).await,
        // Reference data is the admin's (SPEC §1).
        "old_counties" if caller.role != mottak_domain::access::Role::Admin => {
            Err(RegistryError::Forbidden)
        }
        "old_counties" => {
            let valid_from = match valid_from.map(str::trim).filter(|text| !text.is_empty()) {
                Some(text) => chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d")
                    .map_err(|_| FieldError::coded("valid_from", Problem::Date))?
                    .to_string(),
                None => crate::registry::today(),
            };
            import_old_counties(&state.store, &caller.actor(), text, &valid_from, mode).await
        }
        _ => Err(FieldError::coded(
            "kind",
            Problem::OneOf {
                options: "operators, centres, old_counties".into(),
            },
        )
        .into()),
    }
}

/// Imports operators or centres from CSV (`;`, UTF-8, a header row naming the columns).
/// A dry run reports every bad row with the reason; `all` refuses (400) while any row fails.
/// `old_counties` (admins only) takes `municipality;county` lines: the pre-2020 counties of §2.
#[utoipa::path(post, path = "/api/v1/import/{kind}", tag = "registry", params(("kind" = String, Path, description = "operators, centres or old_counties"), ImportQuery),
    request_body(content = String, content_type = "text/csv"),
    responses((status = 200, body = ImportReport), (status = 400, body = crate::error::Problem)), security(("bearer" = [])))]
pub async fn import_api(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(kind): ApiPath<String>,
    ApiQuery(query): ApiQuery<ImportQuery>,
    ApiText(text): ApiText,
) -> ApiResult<Json<ImportReport>> {
    let mode = parse_mode(query.mode.as_deref())?;
    let text = text.as_str();
    let report = run(
        &state,
        &caller,
        &kind,
        text,
        mode,
        query.valid_from.as_deref(),
    )
    .await?;
    if report.refused {
        let first = report.details.iter().find(|row| !row.errors.is_empty());
        let detail = match first.and_then(|row| row.errors.first().map(|error| (row.line, error))) {
            Some((line, error)) => format!(
                "{} of {} rows have errors; nothing was imported (first: line {line}, {}: {}). A dry run lists them all.",
                report.rows - report.valid_rows,
                report.rows,
                error.field,
                error.message
            ),
            None => "rows have errors; nothing was imported".to_owned(),
        };
        let errors = report
            .details
            .iter()
            .flat_map(|row| {
                row.errors.iter().map(move |error| {
                    let field = format!("lines[{}].{}", row.line, error.field);
                    FieldError::coded(field, error.problem.clone())
                })
            })
            .collect();
        return Err(ApiError::Invalid { detail, errors });
    }
    Ok(Json(report))
}

/// The import form, pasted text or an uploaded file (`multipart/form-data`).
#[derive(Default)]
struct ImportForm {
    kind: String,
    mode: String,
    text: String,
    valid_from: String,
}

impl ImportForm {
    fn from_fields(mut fields: CsrfMultipart) -> ImportForm {
        ImportForm {
            text: fields.file_or_text(),
            kind: fields.take("kind"),
            mode: fields.take("mode"),
            valid_from: fields.take("valid_from"),
        }
    }
}

#[derive(Template)]
#[template(path = "registry/import.html")]
struct ImportPage {
    shell: Shell,
    kind: String,
    text: String,
    report: Option<ImportReport>,
    error: String,
    operator_columns: String,
    centre_columns: String,
    is_admin: bool,
}

impl ImportPage {
    /// A row's error in the user's language, the column named by its label where the catalogue
    /// has one (`Postnummer: finnes ikke i postnummerlisten`).
    fn error_line(&self, error: &crate::registry::import::RowError) -> String {
        let lang = self.shell.lang;
        let column = match error.field.as_str() {
            "operator_dro" => "dro_number",
            column => column,
        };
        let label = lang
            .find(&format!("registry.{column}"))
            .map_or_else(|| error.field.clone(), str::to_owned);
        format!(
            "{label}: {}",
            crate::i18n::problems::problem_text(&error.problem, lang)
        )
    }
}

impl ImportPage {
    fn warning_text(&self, warning: &mottak_domain::registry::Warning) -> String {
        crate::i18n::problems::warning_text(warning, self.shell.lang)
    }
}

fn page(
    shell: Shell,
    kind: String,
    text: String,
    report: Option<ImportReport>,
    error: String,
) -> ImportPage {
    let is_admin = shell
        .user
        .as_ref()
        .is_some_and(|user| user.role == mottak_domain::access::Role::Admin);
    ImportPage {
        is_admin,
        shell: shell.with_title("registry.import"),
        kind,
        text,
        report,
        error,
        operator_columns: OPERATOR_COLUMNS.join(";"),
        centre_columns: CENTRE_COLUMNS.join(";"),
    }
}

async fn import_page(shell: Shell) -> Response {
    render(&page(
        shell,
        "centres".to_owned(),
        String::new(),
        None,
        String::new(),
    ))
}

async fn import_form(Page(state, shell, caller): Page, fields: CsrfMultipart) -> PageResult {
    let form = ImportForm::from_fields(fields);
    let mode = parse_mode(Some(form.mode.as_str())).unwrap_or(ImportMode::DryRun);
    match run(
        &state,
        &caller,
        &form.kind,
        &form.text,
        mode,
        Some(form.valid_from.as_str()),
    )
    .await
    {
        Ok(report) => {
            let status = if report.refused {
                StatusCode::BAD_REQUEST
            } else {
                StatusCode::OK
            };
            Ok((
                status,
                render(&page(
                    shell,
                    form.kind,
                    form.text,
                    Some(report),
                    String::new(),
                )),
            )
                .into_response())
        }
        Err(RegistryError::Invalid(errors)) => {
            let message = errors
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("; ");
            Ok((
                StatusCode::BAD_REQUEST,
                render(&page(shell, form.kind, form.text, None, message)),
            )
                .into_response())
        }
        Err(RegistryError::Forbidden) => Err(PageError::Forbidden),
        Err(error) => Err(error.into()),
    }
}
