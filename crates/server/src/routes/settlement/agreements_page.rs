//! IMDi's page of data processing agreements (R-AUTH-3): the required version, every
//! municipality's registered agreements with whether they give access today, and the forms that
//! set the version and register an agreement, with every error beside its field.

use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect};
use axum::routing::{get, post};
use mottak_domain::access::Capability;
use serde::Deserialize;

use super::page_forms::form_errors;
use crate::auth::allow;
use crate::auth::csrf::CsrfForm;
use crate::error::PageError;
use crate::form_errors::FormErrors;
use crate::pages::{Page, PageResult, Shell, render};
use crate::routes::residents::messages::{show_date, typed_date};
use crate::settlement::agreements::{
    self, ProcessingAgreementInput, ProcessingAgreementView, RequiredVersionInput,
};
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/settlement/agreements",
            get(show)
                .post(register)
                .route_layer(allow(Capability::ManageSettlement)),
        )
        .route(
            "/settlement/agreements/required",
            post(require_version).route_layer(allow(Capability::ManageSettlement)),
        )
}

/// The registration form as typed.
#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct AgreementForm {
    pub municipality_number: String,
    pub version: String,
    pub signed_on: String,
    pub ends_on: String,
    pub required_version: String,
}

const LABELS: &[(&str, &str)] = &[
    ("municipality_number", "settlement.municipality_number"),
    ("version", "settlement.version"),
    ("signed_on", "settlement.signed_on"),
    ("ends_on", "settlement.ends_on"),
    ("required_version", "settlement.required_version"),
];

struct AgreementRow {
    municipality_number: String,
    version: String,
    signed_on: String,
    ends_on: String,
    in_force: bool,
}

impl From<ProcessingAgreementView> for AgreementRow {
    fn from(view: ProcessingAgreementView) -> AgreementRow {
        AgreementRow {
            municipality_number: view.municipality_number,
            version: view.version,
            signed_on: show_date(&view.signed_on),
            ends_on: view.ends_on.as_deref().map(show_date).unwrap_or_default(),
            in_force: view.in_force,
        }
    }
}

#[derive(Template)]
#[template(path = "settlement/agreements.html")]
struct AgreementsPage {
    shell: Shell,
    required: String,
    rows: Vec<AgreementRow>,
    form: AgreementForm,
    errors: FormErrors,
    names: crate::names::Names,
}

async fn page(
    state: &AppState,
    shell: Shell,
    form: AgreementForm,
    errors: FormErrors,
) -> Result<AgreementsPage, PageError> {
    let required = state
        .store
        .required_agreement_version()
        .await?
        .unwrap_or_default();
    let rows = agreements::list(&state.store).await?;
    Ok(AgreementsPage {
        names: crate::names::Names::load(&state.store).await?,
        shell: shell.with_title("settlement.agreements_title"),
        required,
        rows: rows.into_iter().map(AgreementRow::from).collect(),
        form,
        errors,
    })
}

async fn show(State(state): State<AppState>, shell: Shell) -> PageResult {
    Ok(render(
        &page(
            &state,
            shell,
            AgreementForm::default(),
            FormErrors::default(),
        )
        .await?,
    ))
}

async fn register(
    Page(state, shell, caller): Page,
    CsrfForm(form): CsrfForm<AgreementForm>,
) -> PageResult {
    let input = ProcessingAgreementInput {
        version: form.version.clone(),
        signed_on: typed_date(&form.signed_on),
        ends_on: Some(typed_date(&form.ends_on)),
    };
    let number = form.municipality_number.trim().to_owned();
    match agreements::register(&state.store, &caller, &number, &input).await {
        Ok(_) => Ok(Redirect::to("/settlement/agreements").into_response()),
        Err(error) => {
            let (status, errors) = form_errors(error, shell.lang, LABELS, &[])?;
            Ok((status, render(&page(&state, shell, form, errors).await?)).into_response())
        }
    }
}

async fn require_version(
    Page(state, shell, caller): Page,
    CsrfForm(form): CsrfForm<AgreementForm>,
) -> PageResult {
    let input = RequiredVersionInput {
        required_version: form.required_version.clone(),
    };
    match agreements::set_required_version(&state.store, &caller, &input).await {
        Ok(_) => Ok(Redirect::to("/settlement/agreements").into_response()),
        Err(error) => {
            let (status, errors) = form_errors(error, shell.lang, LABELS, &[])?;
            Ok((status, render(&page(&state, shell, form, errors).await?)).into_response())
        }
    }
}
