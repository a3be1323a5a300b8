//! What the settlement pages share: counts typed as text, the operations' errors as a form's
//! errors (every field beside itself, a conflict in the summary), and the way back.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use mottak_domain::error::{FieldError, Problem};

use crate::error::{ApiError, PageError};
use crate::form_errors::{FormErrors, Labels};
use crate::i18n::Lang;

/// A count as typed: empty is absent (the rule says it is required), a non-number is an error.
pub fn typed_count(field: &str, text: &str, errors: &mut Vec<FieldError>) -> Option<i64> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    match text.replace(' ', "").parse::<i64>() {
        Ok(value) => Some(value),
        Err(_) => {
            errors.push(FieldError::coded(field, Problem::WholeNumber));
            None
        }
    }
}

/// An operation's refusal as a form's errors with the status to answer; other errors are pages.
/// `rename` maps the API's field names to the form's where they differ.
pub fn form_errors(
    error: ApiError,
    lang: Lang,
    labels: &Labels,
    rename: &[(&str, &str)],
) -> Result<(StatusCode, FormErrors), PageError> {
    let renamed = |field: String| {
        rename
            .iter()
            .find(|(api, _)| *api == field)
            .map_or(field, |(_, form)| (*form).to_owned())
    };
    match error {
        ApiError::Invalid { errors, .. } => {
            let errors = errors.into_iter().map(|error| FieldError {
                field: renamed(error.field),
                ..error
            });
            Ok((
                StatusCode::BAD_REQUEST,
                FormErrors::localized(errors, lang, labels),
            ))
        }
        ApiError::Conflict { field, problem } => {
            let mut errors = FormErrors::localized(
                [FieldError::coded(
                    renamed(field.unwrap_or_default()),
                    problem,
                )],
                lang,
                labels,
            );
            errors.summary = errors.errors[0].message.clone();
            Ok((StatusCode::CONFLICT, errors))
        }
        other => Err(PageError::from(other)),
    }
}

/// Back to the year's overview after a change (post / redirect / get).
pub fn back_to(path: &str, year: i64) -> Response {
    Redirect::to(&format!("{path}?year={year}")).into_response()
}
