//! The CPI page: the stored months, and an import by pasting rows, with every bad row shown
//! beside the field in the user's language.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use mottak_domain::access::Role;
use mottak_domain::error::{FieldError, Problem};

use crate::auth::csrf::CsrfMultipart;
use crate::cpi::{CpiImportError, import_cpi};
use crate::error::PageError;
use crate::i18n::Lang;
use crate::pages::{Page, PageResult, Shell, render};
use crate::state::AppState;

/// The form: rows pasted into `text`, or a file (`file`) that takes their place.
#[derive(Default)]
pub struct CpiForm {
    text: String,
    confirm: Option<String>,
}

impl CpiForm {
    /// A chosen file's rows replace the pasted ones, and are shown in the field if they fail.
    fn from_fields(mut fields: std::collections::BTreeMap<String, String>) -> CpiForm {
        let file = fields.remove("file").filter(|file| !file.trim().is_empty());
        CpiForm {
            text: file.or_else(|| fields.remove("text")).unwrap_or_default(),
            confirm: fields.remove("confirm"),
        }
    }
}

/// A stored month as shown.
pub struct MonthRow {
    month: String,
    index: String,
    imported_at: String,
}

#[derive(Template)]
#[template(path = "reference/cpi.html")]
struct CpiPage {
    shell: Shell,
    months: Vec<MonthRow>,
    text: String,
    errors: Vec<String>,
    stored: Option<usize>,
    is_admin: bool,
    confirm: bool,
}

async fn page(
    state: &AppState,
    shell: Shell,
    form: CpiForm,
    errors: Vec<String>,
    stored: Option<usize>,
) -> Result<CpiPage, PageError> {
    let months = state
        .store
        .cpi_months()
        .await?
        .into_iter()
        .rev()
        .map(|stored| MonthRow {
            month: stored.month.to_string(),
            index: stored.index.to_string().replace('.', ","),
            imported_at: shown_date(&stored.imported_at),
        })
        .collect();
    let is_admin = shell
        .user
        .as_ref()
        .is_some_and(|user| user.role == Role::Admin);
    Ok(CpiPage {
        is_admin,
        confirm: form.confirm.is_some(),
        shell: shell.with_title("cpi.title"),
        months,
        text: form.text,
        errors,
        stored,
    })
}

pub async fn show(State(state): State<AppState>, shell: Shell) -> PageResult {
    Ok(render(
        &page(&state, shell, CpiForm::default(), Vec::new(), None).await?,
    ))
}

pub async fn submit(
    Page(state, shell, caller): Page,
    CsrfMultipart(fields): CsrfMultipart,
) -> PageResult {
    let form = CpiForm::from_fields(fields);
    let lang = shell.lang;
    match import_cpi(&state.store, &caller, &form.text, form.confirm.is_some()).await {
        Ok(stored) => {
            let kept = CpiForm::default();
            Ok(render(
                &page(&state, shell, kept, Vec::new(), Some(stored)).await?,
            ))
        }
        Err(CpiImportError::Invalid(errors)) => {
            let errors = errors.iter().map(|error| row_error(error, lang)).collect();
            let page = page(&state, shell, form, errors, None).await?;
            Ok((StatusCode::BAD_REQUEST, render(&page)).into_response())
        }
        Err(CpiImportError::UsedByRegulations {
            months,
            may_confirm,
        }) => {
            let names: Vec<String> = months.iter().map(ToString::to_string).collect();
            let remedy = if may_confirm {
                lang.text("cpi.error_used_confirm")
            } else {
                lang.text("cpi.error_used_admin")
            };
            let message = format!(
                "{} {}. {remedy}",
                lang.text("cpi.error_used"),
                names.join(", ")
            );
            let page = page(&state, shell, form, vec![message], None).await?;
            Ok((StatusCode::CONFLICT, render(&page)).into_response())
        }
        Err(CpiImportError::Store(error)) => Err(error.into()),
    }
}

/// `Line 3, index: an index like 136,4 …` in the user's language, from the row error's path.
fn row_error(error: &FieldError, lang: Lang) -> String {
    let Some(rest) = error.field.strip_prefix("lines[") else {
        return lang.text("cpi.error_empty").to_owned();
    };
    let (line, leaf) = match rest.split_once(']') {
        Some((line, leaf)) => (line, leaf.trim_start_matches('.')),
        None => (rest, ""),
    };
    let key = match leaf {
        "month" if matches!(error.problem, Problem::RepeatedInFile { .. }) => "cpi.error_duplicate",
        "month" => "cpi.error_month",
        "index" => "cpi.error_index",
        _ => "cpi.error_columns",
    };
    format!("{} {line}: {}", lang.text("cpi.line"), lang.text(key))
}

/// A stored UTC timestamp as the Norwegian day it fell on, `dd.mm.yyyy` (SPEC §9).
fn shown_date(timestamp: &str) -> String {
    match chrono::DateTime::parse_from_rfc3339(timestamp) {
        Ok(instant) => mottak_domain::calendar::norwegian_date(instant.to_utc())
            .format("%d.%m.%Y")
            .to_string(),
        Err(_) => timestamp.to_owned(),
    }
}
