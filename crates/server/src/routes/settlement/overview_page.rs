//! The settlement page of a year. IMDi sees requests against decisions for every municipality
//! and its offers, and sends requests and offers; a municipality sees its request, registers and
//! approves its decision, and answers its offers yes or no (R-SET-1, R-SET-2, R-SET-3).

use askama::Template;
use axum::Router;
use axum::extract::{Path, State};
use axum::response::IntoResponse;
use axum::routing::{get, post};
use mottak_domain::access::{Capability, MunicipalPermission, Role};
use mottak_domain::error::FieldError;
use serde::Deserialize;

use super::api::YearQuery;
use super::offer_rows::{OfferRow, offer_rows};
use super::page_forms::{back_to, form_errors, typed_count};
use crate::auth::csrf::CsrfForm;
use crate::auth::{Caller, allow};
use crate::error::{ApiError, PageError};
use crate::form_errors::FormErrors;
use crate::pages::{Page, PageResult, Shell, render};
use crate::params::ApiQuery;
use crate::routes::residents::messages::typed_date;
use crate::settlement::cases::{self, NumbersInput, YearView};
use crate::settlement::offers::{self, AnswerInput, OfferInput};
use crate::settlement::{municipality_scope, year_or_current};
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/settlement",
            get(show).route_layer(allow(Capability::ReadSettlement)),
        )
        .route(
            "/settlement/requests",
            post(send_request).route_layer(allow(Capability::ManageSettlement)),
        )
        .route(
            "/settlement/offers",
            post(send_offer).route_layer(allow(Capability::ManageSettlement)),
        )
        .route(
            "/settlement/decisions",
            post(register_decision).route_layer(allow(Capability::DecideSettlement)),
        )
        .route(
            "/settlement/decisions/{id}/approve",
            post(approve).route_layer(allow(Capability::DecideSettlement)),
        )
        .route(
            "/settlement/offers/{id}/answer",
            post(answer).route_layer(allow(Capability::DecideSettlement)),
        )
}

/// Every form of the page as typed; the offer form's municipality is `offer_municipality` so
/// that the two forms' fields keep distinct ids.
#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct SettlementForm {
    pub year: String,
    pub municipality_number: String,
    pub persons: String,
    pub unaccompanied_minors: String,
    pub offer_municipality: String,
    pub household: String,
    pub deadline: String,
    pub answer: String,
    pub reason: String,
}

const LABELS: &[(&str, &str)] = &[
    ("year", "settlement.year"),
    ("municipality_number", "settlement.municipality_number"),
    ("persons", "settlement.persons"),
    ("unaccompanied_minors", "settlement.unaccompanied_minors"),
    ("offer_municipality", "settlement.municipality_number"),
    ("household", "settlement.household"),
    ("deadline", "settlement.deadline"),
    ("answer", "settlement.answer"),
    ("reason", "settlement.reason"),
];

const OFFER_FIELDS: &[(&str, &str)] = &[("municipality_number", "offer_municipality")];

#[derive(Template)]
#[template(path = "settlement/overview.html")]
struct OverviewPage {
    shell: Shell,
    year: i64,
    national: bool,
    may_decide: bool,
    rows: Vec<YearView>,
    offers: Vec<OfferRow>,
    form: SettlementForm,
    errors: FormErrors,
    /// The offer whose answer failed, so its errors show beside its fields.
    failed_offer: i64,
    names: crate::names::Names,
}

impl OverviewPage {
    fn own(&self) -> Option<&YearView> {
        self.rows.first()
    }
}

async fn page(
    state: &AppState,
    shell: Shell,
    caller: &Caller,
    year: i64,
    form: SettlementForm,
    errors: FormErrors,
    failed_offer: i64,
) -> Result<OverviewPage, PageError> {
    let mut rows = cases::year_overview(&state.store, caller, year).await?;
    let national = municipality_scope(caller).is_none();
    if !national && rows.is_empty() {
        rows.push(YearView {
            municipality_number: caller.municipality_number.clone().unwrap_or_default(),
            year,
            id: None,
            persons: None,
            unaccompanied_minors: None,
            decision: None,
            postmottak: None,
        });
    }
    let mut offers = offer_rows(state, &shell, caller, year).await?;
    for offer in offers.iter_mut().filter(|offer| offer.id == failed_offer) {
        offer.suffix.clear();
    }
    Ok(OverviewPage {
        names: crate::names::Names::load(&state.store).await?,
        may_decide: caller.role == Role::Municipality
            && caller
                .permissions
                .contains(&MunicipalPermission::OffersAndDecisions),
        shell: shell.with_title("settlement.title"),
        year,
        national,
        rows,
        offers,
        form,
        errors,
        failed_offer,
    })
}

async fn show(
    Page(state, shell, caller): Page,
    ApiQuery(query): ApiQuery<YearQuery>,
) -> PageResult {
    let year = query.or_current();
    let page = page(
        &state,
        shell,
        &caller,
        year,
        SettlementForm::default(),
        FormErrors::default(),
        0,
    )
    .await?;
    Ok(render(&page))
}

/// The year a form names, or the current one.
fn form_year(form: &SettlementForm, errors: &mut Vec<FieldError>) -> i64 {
    year_or_current(typed_count("year", &form.year, errors))
}

/// Renders the page again with the form's errors, or goes back to the year.
async fn outcome(
    state: &AppState,
    shell: Shell,
    caller: &Caller,
    form: SettlementForm,
    result: Result<(), ApiError>,
    rename: &[(&str, &str)],
    failed_offer: i64,
) -> PageResult {
    let mut typed = Vec::new();
    let year = form_year(&form, &mut typed);
    match result {
        Ok(()) => Ok(back_to("/settlement", year)),
        Err(error) => {
            let (status, errors) = form_errors(error, shell.lang, LABELS, rename)?;
            let page = page(state, shell, caller, year, form, errors, failed_offer).await?;
            Ok((status, render(&page)).into_response())
        }
    }
}

/// The counts of a request or decision form; a mistyped count is named like the rules' errors.
fn numbers(form: &SettlementForm, municipality_number: String) -> Result<NumbersInput, ApiError> {
    let mut errors = Vec::new();
    let input = NumbersInput {
        year: typed_count("year", &form.year, &mut errors),
        municipality_number,
        persons: typed_count("persons", &form.persons, &mut errors),
        unaccompanied_minors: typed_count(
            "unaccompanied_minors",
            &form.unaccompanied_minors,
            &mut errors,
        ),
    };
    if errors.is_empty() {
        Ok(input)
    } else {
        Err(ApiError::invalid_fields(errors))
    }
}

async fn send_request(
    Page(state, shell, caller): Page,
    CsrfForm(form): CsrfForm<SettlementForm>,
) -> PageResult {
    let result = match numbers(&form, form.municipality_number.clone()) {
        Ok(input) => {
            cases::create_request(&state.store, &caller, &input, &state.config.public_url())
                .await
                .map(drop)
        }
        Err(error) => Err(error),
    };
    outcome(&state, shell, &caller, form, result, &[], 0).await
}

async fn register_decision(
    Page(state, shell, caller): Page,
    CsrfForm(form): CsrfForm<SettlementForm>,
) -> PageResult {
    let own = caller
        .municipality_number
        .clone()
        .unwrap_or_else(|| form.municipality_number.clone());
    let result = match numbers(&form, own) {
        Ok(input) => cases::create_decision(&state.store, &caller, &input)
            .await
            .map(drop),
        Err(error) => Err(error),
    };
    outcome(&state, shell, &caller, form, result, &[], 0).await
}

async fn approve(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<i64>,
    CsrfForm(_): CsrfForm<SettlementForm>,
) -> PageResult {
    let decision = cases::approve_decision(&state.store, &caller, id).await?;
    Ok(back_to("/settlement", decision.year))
}

async fn send_offer(
    Page(state, shell, caller): Page,
    CsrfForm(form): CsrfForm<SettlementForm>,
) -> PageResult {
    let mut errors = Vec::new();
    let input = OfferInput {
        municipality_number: form.offer_municipality.clone(),
        household: form.household.clone(),
        deadline: typed_date(&form.deadline),
        year: typed_count("year", &form.year, &mut errors),
    };
    let result = if errors.is_empty() {
        offers::create_offer(&state.store, &caller, &input, &state.config.public_url())
            .await
            .map(drop)
    } else {
        Err(ApiError::invalid_fields(errors))
    };
    outcome(&state, shell, &caller, form, result, OFFER_FIELDS, 0).await
}

async fn answer(
    Page(state, shell, caller): Page,
    Path(id): Path<i64>,
    CsrfForm(form): CsrfForm<SettlementForm>,
) -> PageResult {
    let input = AnswerInput {
        answer: form.answer.clone(),
        reason: Some(form.reason.clone()),
    };
    let result = offers::answer_offer(&state.store, &caller, id, &input)
        .await
        .map(drop);
    outcome(&state, shell, &caller, form, result, &[], id).await
}
