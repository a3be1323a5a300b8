//! What the settlement pages share: counts typed as text, the operations' errors as a form's
//! errors (every field beside itself, a conflict in the summary), a subject's page with its
//! form, and the way back.

use askama::Template;
use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use mottak_domain::error::{FieldError, Problem};

use crate::auth::Caller;
use crate::error::{ApiError, PageError};
use crate::form_errors::{FormErrors, Labels};
use crate::i18n::Lang;
use crate::pages::{Page, PageResult, Shell, render};
use crate::state::AppState;

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

/// A subject's page with one form: first with the form as it starts, then again with what was
/// typed and why the operation refused it.
pub trait FormPage: Template + Sized {
    /// Whose page it is: an id, or a kind and an id.
    type Subject: Send;
    /// The form as typed; its default is the form as the page starts.
    type Form: Default + Send;
    /// The form's fields and their labels' text keys.
    const LABELS: &'static Labels;

    fn build(
        state: &AppState,
        shell: Shell,
        caller: &Caller,
        subject: Self::Subject,
        form: Self::Form,
        errors: FormErrors,
    ) -> impl Future<Output = Result<Self, PageError>> + Send;
}

/// The page as it starts.
pub async fn show_page<P: FormPage>(
    state: &AppState,
    shell: Shell,
    caller: &Caller,
    subject: P::Subject,
) -> PageResult {
    let form = P::Form::default();
    let page = P::build(state, shell, caller, subject, form, FormErrors::default()).await?;
    Ok(render(&page))
}

/// The handler of a page whose subject is the id in its path, as it starts.
pub async fn show<P: FormPage<Subject = i64>>(
    Page(state, shell, caller): Page,
    Path(id): Path<i64>,
) -> PageResult {
    show_page::<P>(&state, shell, &caller, id).await
}

/// The page again after the operation refused `form`: the input kept, each error beside its
/// field, with the refusal's status.
pub async fn refused_page<P: FormPage>(
    state: &AppState,
    shell: Shell,
    caller: &Caller,
    subject: P::Subject,
    form: P::Form,
    error: ApiError,
) -> PageResult {
    let (status, errors) = form_errors(error, shell.lang, P::LABELS, &[])?;
    let page = P::build(state, shell, caller, subject, form, errors).await?;
    Ok((status, render(&page)).into_response())
}

/// Back to the year's overview after a change (post / redirect / get).
pub fn back_to(path: &str, year: i64) -> Response {
    Redirect::to(&format!("{path}?year={year}")).into_response()
}
