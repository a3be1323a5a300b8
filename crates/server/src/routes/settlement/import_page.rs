//! IMDi's requests for every municipality from a CSV file or pasted rows (R-SET-1): all or
//! nothing, every bad row listed by its line, the text kept.

use askama::Template;
use axum::Router;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use mottak_domain::access::Capability;
use mottak_domain::error::{FieldError, Problem};

use crate::auth::allow;
use crate::auth::csrf::CsrfMultipart;
use crate::error::ApiError;
use crate::i18n::{Lang, problems::error_text};
use crate::pages::{Page, PageResult, Shell, render};
use crate::settlement::import::import_requests;
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new().route(
        "/settlement/requests/import",
        get(show)
            .post(submit)
            .route_layer(allow(Capability::ManageSettlement)),
    )
}

#[derive(Template)]
#[template(path = "settlement/import.html")]
struct ImportPage {
    shell: Shell,
    text: String,
    errors: Vec<String>,
    /// How many requests the last import stored.
    stored: Option<usize>,
}

async fn show(shell: Shell) -> Response {
    render(&ImportPage {
        shell: shell.with_title("import.title"),
        text: String::new(),
        errors: Vec::new(),
        stored: None,
    })
}

async fn submit(
    Page(state, shell, caller): Page,
    CsrfMultipart(mut fields): CsrfMultipart,
) -> PageResult {
    let file = fields.remove("file").filter(|file| !file.trim().is_empty());
    let text = file.or_else(|| fields.remove("text")).unwrap_or_default();
    let lang = shell.lang;
    let (status, errors) =
        match import_requests(&state.store, &caller, &text, &state.config.public_url()).await {
            Ok(imported) => {
                return Ok(render(&ImportPage {
                    shell: shell.with_title("import.title"),
                    text: String::new(),
                    errors: Vec::new(),
                    stored: Some(imported.ids.len()),
                }));
            }
            Err(ApiError::Invalid { errors, .. }) => (
                StatusCode::BAD_REQUEST,
                errors.iter().map(|error| row_error(error, lang)).collect(),
            ),
            Err(ApiError::Conflict { .. }) => (
                StatusCode::CONFLICT,
                vec![lang.text("import.error_meanwhile").to_owned()],
            ),
            Err(other) => return Err(other.into()),
        };
    let page = ImportPage {
        shell: shell.with_title("import.title"),
        text,
        errors,
        stored: None,
    };
    Ok((status, render(&page)).into_response())
}

/// `Linje 3, personer: …` in the user's language, from the row error's path.
fn row_error(error: &FieldError, lang: Lang) -> String {
    let Some(rest) = error.field.strip_prefix("lines[") else {
        return lang.text("import.error_empty").to_owned();
    };
    let (line, leaf) = match rest.split_once(']') {
        Some((line, leaf)) => (line, leaf.trim_start_matches('.')),
        None => (rest, ""),
    };
    let message = if leaf.is_empty() {
        lang.text("import.error_columns").to_owned()
    } else if matches!(error.problem, Problem::RepeatedInFile { .. }) {
        lang.text("import.error_duplicate").to_owned()
    } else if matches!(error.problem, Problem::RequestExists { .. }) {
        lang.text("import.error_exists").to_owned()
    } else {
        error_text(error, lang)
    };
    let label = match leaf {
        "" => String::new(),
        leaf => format!(", {}", lang.text(&format!("settlement.{leaf}"))),
    };
    format!("{} {line}{label}: {message}", lang.text("import.line"))
}
