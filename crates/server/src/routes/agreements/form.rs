//! "Ny avtale" and "Endre avtale" for UDI's staff (SPEC §4). The form is turned into the API's
//! `AgreementInput` (`form_input`), so the form and the API run the same validation and the same
//! operations (`server::agreements`); errors come back beside their fields, with everything typed
//! kept. An edit carries the version it was filled from: a stale one says so at the top.

use std::collections::HashMap;

use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use mottak_domain::access::Capability;
use mottak_domain::agreements::{
    AgreementInput, AgreementKind, AgreementTerms, next_free_priority, slots_of,
};
use mottak_domain::dates::DateRange;
use mottak_domain::error::FieldError;
use mottak_store::registry::CentreRecord;
use serde::Deserialize;

use super::form_input::{EMPTY_MEAL_ROWS, EMPTY_ROWS, FormPaths, read_form, row_count};
use super::form_page::{FormSetting, FormTarget, centres_of, page};
use super::form_paste::fold_pastes;
use super::form_prefill::{regulation_defaults, values_of};
use crate::agreements::{self, proposed_name_for, visible_agreement};
use crate::auth::allow;
use crate::auth::csrf::CsrfForm;
use crate::error::PageError;
use crate::pages::{Page, PageResult, Shell, render};
use crate::registry::RegistryError;
use crate::routes::registry::pages::FormErrors;
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/agreements/new",
            get(new_form)
                .post(create)
                .route_layer(allow(Capability::ManageRegistry)),
        )
        .route(
            "/agreements/{id}/edit",
            get(edit_form)
                .post(update)
                .route_layer(allow(Capability::ManageRegistry)),
        )
}

#[derive(Deserialize)]
struct NewQuery {
    operator_id: i64,
}

type Values = HashMap<String, String>;

/// The form as first shown: the proposed name of the first centre, the next free priority of
/// each centre's place and meal queues, and §10's regulation defaults prefilled.
async fn new_form(
    State(state): State<AppState>,
    shell: Shell,
    Query(query): Query<NewQuery>,
) -> PageResult {
    let mut values = HashMap::from([
        ("kind".to_owned(), "H".to_owned()),
        ("notice_period_months".to_owned(), "3".to_owned()),
    ]);
    let centres = centres_of(&state, query.operator_id).await?;
    if let Some(first) = centres.first() {
        let name = proposed_name_for(&state.store, first, AgreementKind::Main, false).await?;
        values.insert("name".to_owned(), name.clone());
        // Left as proposed, the name is proposed again for the kind and flags submitted.
        values.insert("proposed_name".to_owned(), name);
    }
    let everything =
        DateRange::new(chrono::NaiveDate::MIN, chrono::NaiveDate::MAX).expect("MIN < MAX");
    for (index, centre) in centres.iter().enumerate() {
        let (mut places, mut meals) = (Vec::new(), Vec::new());
        for agreement in state.store.agreements_of_centre(centre.id, None).await? {
            let (place_slots, meal_slots) = slots_of(&agreement.terms, centre.id);
            places.extend(place_slots);
            meals.extend(meal_slots);
        }
        let next = |slots| next_free_priority(slots, everything).to_string();
        values.insert(format!("u{index}.t0.priority"), next(&places));
        values.insert(format!("u{index}.m0.priority"), next(&meals));
        regulation_defaults(index, &mut values);
    }
    let setting = FormSetting {
        target: FormTarget::New,
        operator_id: query.operator_id,
        centres,
    };
    Ok(render(
        &page(&state, shell, &setting, values, FormErrors::default()).await?,
    ))
}

/// "Legg til rad" / "Legg til kostrad": the same values with one more row in that table.
fn with_added_row(values: &Values) -> Option<Values> {
    let (button, key, empty) = [
        ("add_row", "rows", EMPTY_ROWS),
        ("add_meal_row", "meal_rows", EMPTY_MEAL_ROWS),
    ]
    .into_iter()
    .find(|(button, _, _)| values.contains_key(*button))?;
    let unit: usize = values.get(button)?.parse().ok()?;
    let key = format!("u{unit}.{key}");
    let mut values = values.clone();
    let rows = row_count(&values, &key, empty);
    values.insert(key, (rows + 1).to_string());
    Some(values)
}

/// A refusal of the operation as the form's errors, each beside its field.
fn refusal(
    error: RegistryError,
    paths: &FormPaths,
) -> Result<(StatusCode, Vec<FieldError>), PageError> {
    let mut errors = Vec::new();
    let status = match error {
        RegistryError::Invalid(found) => {
            errors.extend(found.into_iter().map(|error| paths.form_field(error)));
            StatusCode::BAD_REQUEST
        }
        RegistryError::Conflict { field, problem } => {
            let field = field.unwrap_or_default();
            errors.push(paths.form_field(FieldError::coded(field, problem)));
            StatusCode::CONFLICT
        }
        other => return Err(other.into()),
    };
    // One regulation serves every price of a unit, so its errors come once per price.
    let mut seen = std::collections::HashSet::new();
    errors.retain(|error| seen.insert((error.field.clone(), error.message.clone())));
    Ok((status, errors))
}

/// What became of a submitted form.
enum Submitted {
    /// The agreement with this id was stored.
    Done(i64),
    /// Refused: the errors for the form.
    Refused(StatusCode, Vec<FieldError>),
    /// Not submitted: a row was added; the page to show.
    Page(Response),
}

/// Reads the form and, when it reads, runs `operation` (create or update) on the input.
async fn submitted<Operation>(
    state: &AppState,
    shell: Shell,
    setting: &FormSetting,
    values: &Values,
    operation: impl FnOnce(AgreementInput) -> Operation,
) -> Result<Submitted, PageError>
where
    Operation: Future<Output = Result<i64, RegistryError>>,
{
    if let Some(values) = with_added_row(values) {
        let page = page(state, shell, setting, values, FormErrors::default()).await?;
        return Ok(Submitted::Page(render(&page)));
    }
    let (input, errors, paths) = read_form(values, setting.operator_id, &setting.centres);
    if !errors.is_empty() {
        return Ok(Submitted::Refused(StatusCode::BAD_REQUEST, errors));
    }
    Ok(match operation(input).await {
        Ok(id) => Submitted::Done(id),
        Err(error) => {
            let (status, errors) = refusal(error, &paths)?;
            Submitted::Refused(status, errors)
        }
    })
}

async fn create(
    Page(state, shell, caller): Page,
    CsrfForm(fields): CsrfForm<Vec<(String, String)>>,
) -> PageResult {
    let mut values: Values = fields.into_iter().collect();
    let operator_id = values
        .get("operator_id")
        .and_then(|id| id.parse().ok())
        .ok_or(PageError::BadRequest)?;
    let setting = FormSetting {
        target: FormTarget::New,
        operator_id,
        centres: centres_of(&state, operator_id).await?,
    };
    fold_pastes(&mut values, setting.centres.len());
    let (store, actor) = (&state.store, caller.actor());
    let create = |input: AgreementInput| async move {
        let created = agreements::create_agreement(store, &actor, &input).await?;
        Ok(created.agreement.id)
    };
    let (status, errors) = match submitted(&state, shell.clone(), &setting, &values, create).await?
    {
        Submitted::Done(id) => {
            return Ok(Redirect::to(&format!("/agreements/{id}")).into_response());
        }
        Submitted::Page(page) => return Ok(page),
        Submitted::Refused(status, errors) => (status, FormErrors::from_fields(errors, shell.lang)),
    };
    let page = page(&state, shell, &setting, values, errors).await?;
    Ok((status, render(&page)).into_response())
}

/// The form's units for an edit: the agreement's centres in their order, then the operator's
/// other open centres.
async fn edit_centres(
    state: &AppState,
    terms: &AgreementTerms,
) -> Result<Vec<CentreRecord>, PageError> {
    let mut centres = Vec::new();
    for unit in &terms.units {
        centres.push(state.store.centre(unit.centre_id).await?);
    }
    for centre in centres_of(state, terms.operator_id).await? {
        if !centres.iter().any(|unit| unit.id == centre.id) {
            centres.push(centre);
        }
    }
    Ok(centres)
}

async fn edit_form(Page(state, shell, caller): Page, Path(id): Path<i64>) -> PageResult {
    let agreement = visible_agreement(&state.store, &caller, id).await?;
    let centres = edit_centres(&state, &agreement.terms).await?;
    let values = values_of(&agreement.terms, &centres);
    let setting = FormSetting {
        target: FormTarget::Edit {
            id,
            version: agreement.version,
        },
        operator_id: agreement.terms.operator_id,
        centres,
    };
    Ok(render(
        &page(&state, shell, &setting, values, FormErrors::default()).await?,
    ))
}

async fn update(
    Page(state, shell, caller): Page,
    Path(id): Path<i64>,
    CsrfForm(fields): CsrfForm<Vec<(String, String)>>,
) -> PageResult {
    let mut values: Values = fields.into_iter().collect();
    let current = visible_agreement(&state.store, &caller, id).await?;
    let version: i64 = values
        .get("version")
        .and_then(|version| version.parse().ok())
        .ok_or(PageError::BadRequest)?;
    // The units as the form showed them: those of the version it was filled from.
    let read = state.store.agreement_versions(id).await?;
    let terms = read
        .iter()
        .find(|stored| stored.version == version)
        .map_or(&current.terms, |stored| &stored.terms);
    let mut setting = FormSetting {
        target: FormTarget::Edit { id, version },
        operator_id: current.terms.operator_id,
        centres: edit_centres(&state, terms).await?,
    };
    fold_pastes(&mut values, setting.centres.len());
    let (store, actor, stored) = (&state.store, caller.actor(), &current);
    let update = |input: AgreementInput| async move {
        let changed = agreements::update_agreement(store, &actor, stored, version, &input).await?;
        Ok(changed.id)
    };
    let (status, errors) = match submitted(&state, shell.clone(), &setting, &values, update).await?
    {
        Submitted::Done(id) => {
            return Ok(Redirect::to(&format!("/agreements/{id}")).into_response());
        }
        Submitted::Page(page) => return Ok(page),
        Submitted::Refused(status, errors) => (status, errors),
    };
    let stale = errors.iter().any(|error| error.field == "version");
    let current_errors = errors.into_iter().filter(|error| error.field != "version");
    let mut errors = FormErrors::from_fields(current_errors, shell.lang);
    if stale {
        // Saving again replaces the other change, knowingly: the form now carries its version.
        errors.summary = shell.t("agreements.stale").to_owned();
        setting.target = FormTarget::Edit {
            id,
            version: current.version,
        };
    }
    let page = page(&state, shell, &setting, values, errors).await?;
    Ok((status, render(&page)).into_response())
}
