//! `/claims/simulate`: UDI staff try an agreement before signing it (issue 10, item 4). Plain
//! forms, so it works without JavaScript: either the fields (see `form.rs`) or the API's JSON
//! pasted into one field. Errors are listed at the top and shown beside their fields; the result
//! can be downloaded as CSV by posting the same form to `/claims/simulate.csv`.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use mottak_domain::claims::{self, ClaimRequest, ClaimResponse};
use mottak_domain::error::{self as domain, FieldError};

use super::errors::{place, translate};
use super::export::csv_response;
use super::form::{self, Values, agreement_field, unit_field};
use super::rows;
use super::view::ClaimsPage;
use crate::auth::csrf::CsrfForm;
use crate::i18n::Lang;
use crate::json::parse_json;
use crate::pages::{Shell, render, render_form};

pub async fn show(shell: Shell) -> Response {
    let mut values = Values::default();
    values.set(&unit_field(0, "place_type"), "ordinary");
    values.set(&agreement_field(0, 0, "kind"), "H");
    rows::normalise(&mut values);
    render(&ClaimsPage::new(shell, &values, Outcome::default()))
}

pub async fn simulate(shell: Shell, CsrfForm(pairs): CsrfForm<Vec<(String, String)>>) -> Response {
    let mut values = Values::new(pairs);
    // "Legg til rad" or "Fjern rad" without JavaScript: the form again, with what was typed.
    if rows::normalise(&mut values) {
        return render(&ClaimsPage::new(shell, &values, Outcome::default()));
    }
    let outcome = run(&values, shell.lang);
    let valid = outcome.problems.is_empty();
    render_form(&ClaimsPage::new(shell, &values, outcome), valid)
}

/// The same form as [`simulate`], answered with the claim as CSV (or the page with its errors).
pub async fn download(shell: Shell, CsrfForm(pairs): CsrfForm<Vec<(String, String)>>) -> Response {
    let mut values = Values::new(pairs);
    rows::normalise(&mut values);
    let outcome = run(&values, shell.lang);
    match &outcome.claim {
        Some(claim) if outcome.problems.is_empty() => csv_response(claim),
        _ => (
            StatusCode::BAD_REQUEST,
            render(&ClaimsPage::new(shell, &values, outcome)),
        )
            .into_response(),
    }
}

/// A problem to show: beside `field` (a form field's id, or empty), and in the summary with the
/// request `path` the rules named.
#[derive(Debug, Default)]
pub struct Problem {
    pub field: String,
    pub message: String,
    pub path: String,
}

#[derive(Default)]
pub struct Outcome {
    pub problems: Vec<Problem>,
    pub claim: Option<ClaimResponse>,
    /// The request as JSON, to copy into the JSON field or the API.
    pub request_json: String,
}

fn run(values: &Values, lang: Lang) -> Outcome {
    if values.get("source") == "json" {
        return run_json(values.get("json"));
    }
    let (request, origins) = match form::read(values, lang) {
        Ok(read) => read,
        Err(problems) => {
            let problems = problems
                .into_iter()
                .map(|problem| Problem {
                    field: problem.field,
                    message: problem.message,
                    path: String::new(),
                })
                .collect();
            return Outcome {
                problems,
                ..Outcome::default()
            };
        }
    };
    let request_json = serde_json::to_string_pretty(&request).unwrap_or_default();
    match request.parse_all() {
        Ok(input) => Outcome {
            problems: Vec::new(),
            claim: Some(claims::compute(&input)),
            request_json,
        },
        Err(errors) => Outcome {
            problems: errors
                .into_iter()
                .map(|error| {
                    let place = place(&error.field, &origins, lang);
                    let message = translate(&error, lang);
                    let message = if place.detail.is_empty() {
                        capitalised(&message)
                    } else {
                        format!("{}: {message}", place.detail)
                    };
                    Problem {
                        field: place.field,
                        message,
                        path: error.field,
                    }
                })
                .collect(),
            claim: None,
            request_json,
        },
    }
}

/// The JSON field: the API's request and the API's messages (`path: message`), every one.
fn run_json(text: &str) -> Outcome {
    let problems = |errors: Vec<FieldError>| Outcome {
        problems: errors
            .into_iter()
            .map(|error| Problem {
                field: "json".to_owned(),
                message: if error.field.is_empty() {
                    error.message
                } else {
                    format!("{}: {}", error.field, error.message)
                },
                path: error.field,
            })
            .collect(),
        ..Outcome::default()
    };
    let request: ClaimRequest = match parse_json(text.as_bytes()) {
        Ok(request) => request,
        Err(error) => {
            return problems(error.into_field_errors().unwrap_or_else(|other| {
                vec![FieldError::coded(
                    "",
                    domain::Problem::Unreadable {
                        detail: other.to_string(),
                    },
                )]
            }));
        }
    };
    match request.parse_all() {
        Ok(input) => Outcome {
            problems: Vec::new(),
            claim: Some(claims::compute(&input)),
            request_json: text.to_owned(),
        },
        Err(errors) => problems(errors),
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
