//! The forms of an account's steps on the staff pages: approve (the initial password shown
//! once), refuse, disable and enable. A refused step is the list again with the error.

use askama::Template;
use axum::Router;
use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};
use axum::routing::post;
use mottak_domain::access::Capability;
use serde::Deserialize;

use super::pages::{Back, list_response};
use crate::auth::csrf::CsrfForm;
use crate::auth::{Caller, allow};
use crate::error::ApiError;
use crate::form_errors::{FormError, FormErrors};
use crate::pages::{Page, PageResult, Shell, render};
use crate::staff::{self, AccountStep, StepInput};
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/staff/{id}/approve",
            post(approve).route_layer(allow(Capability::DecideStaff)),
        )
        .route(
            "/staff/{id}/refuse",
            post(take_step::<Refuse>).route_layer(allow(Capability::DecideStaff)),
        )
        .route(
            "/staff/{id}/disable",
            post(take_step::<Disable>).route_layer(allow(Capability::DisableStaff)),
        )
        .route(
            "/staff/{id}/enable",
            post(take_step::<Enable>).route_layer(allow(Capability::DisableStaff)),
        )
}

#[derive(Template)]
#[template(path = "staff/approved.html")]
struct ApprovedPage {
    shell: Shell,
    display_name: String,
    username: String,
    initial_password: String,
    back: String,
    centre_id: i64,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct StepForm {
    version: Option<i64>,
    elearning_completed: Option<String>,
    reason: String,
    back: String,
}

impl StepForm {
    fn input(&self) -> StepInput {
        StepInput {
            version: self.version,
            elearning_completed: self.elearning_completed.is_some(),
            reason: self.reason.clone(),
        }
    }
}

/// A refused step: the list again, with the error beside the row's field and in the summary.
async fn refused_step(
    state: &AppState,
    shell: Shell,
    caller: &Caller,
    id: i64,
    form: &StepForm,
    error: ApiError,
) -> PageResult {
    let back = Back::parse(&form.back);
    let (status, errors) = match &error {
        ApiError::Invalid { errors, .. } => (
            StatusCode::BAD_REQUEST,
            FormErrors {
                errors: errors
                    .iter()
                    .map(|field_error| {
                        let key = format!("staff.{}", field_error.field);
                        FormError {
                            field: format!("{}-{id}", field_error.field),
                            label: shell.t(&key).to_owned(),
                            message: shell
                                .t(&format!("staff.error.{}", field_error.field))
                                .to_owned(),
                        }
                    })
                    .collect(),
                summary: String::new(),
            },
        ),
        ApiError::Conflict { problem, .. } => (
            StatusCode::CONFLICT,
            FormErrors::conflict(problem, shell.lang),
        ),
        _ => return Err(error.into()),
    };
    list_response(
        state,
        shell,
        caller,
        back,
        status,
        errors,
        form.reason.clone(),
    )
    .await
}

async fn approve(
    Page(state, shell, caller): Page,
    Path(id): Path<i64>,
    CsrfForm(form): CsrfForm<StepForm>,
) -> PageResult {
    let hashing = state.config.password_hashing;
    match staff::approve(&state.store, &caller, id, &form.input(), hashing).await {
        Ok(approved) => Ok(render(&ApprovedPage {
            shell: shell.with_title("staff.approved_title"),
            display_name: approved.record.fields.display_name,
            username: approved.record.fields.username,
            initial_password: approved.initial_password,
            back: Back::parse(&form.back).path(),
            centre_id: approved.record.fields.centre_id,
        })),
        Err(error) => refused_step(&state, shell, &caller, id, &form, error).await,
    }
}

/// Which step a route takes, as a type, so that one handler serves the three routes.
trait Step {
    const STEP: AccountStep;
}

struct Refuse;
impl Step for Refuse {
    const STEP: AccountStep = AccountStep::Refuse;
}

struct Disable;
impl Step for Disable {
    const STEP: AccountStep = AccountStep::Disable;
}

struct Enable;
impl Step for Enable {
    const STEP: AccountStep = AccountStep::Enable;
}

/// Refuse, disable or enable, then back to the list the form came from.
async fn take_step<S: Step>(
    Page(state, shell, caller): Page,
    Path(id): Path<i64>,
    CsrfForm(form): CsrfForm<StepForm>,
) -> PageResult {
    match staff::take(&state.store, &caller, id, &form.input(), S::STEP).await {
        Ok(_) => Ok(Redirect::to(&Back::parse(&form.back).path()).into_response()),
        Err(error) => refused_step(&state, shell, &caller, id, &form, error).await,
    }
}
