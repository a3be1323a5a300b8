//! "Ny avtale": the form for UDI's staff. One unit per centre of the operator (ticked to
//! include), fixed and standby places, the fixed annual amounts in kroner (decimal comma), and a
//! tier editor of rows that grows with an "add row" button, without JavaScript. The form is
//! turned into the API's `AgreementInput`, so both run the same validation; errors come back
//! beside their fields, with everything typed kept.

use std::collections::HashMap;

use askama::Template;
use axum::Router;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use mottak_domain::access::Capability;
use mottak_domain::agreements::{AgreementKind, next_free_priority, slots_of};
use mottak_domain::error::FieldError;
use mottak_store::registry::CentreRecord;
use serde::Deserialize;

use crate::agreements::{self, proposed_name_for};
use crate::auth::csrf::CsrfForm;
use crate::auth::{Caller, allow};
use crate::error::PageError;
use crate::pages::{Shell, render};
use crate::registry::RegistryError;
use crate::routes::registry::pages::FormErrors;
use crate::state::AppState;

use super::form_input::{EMPTY_ROWS, TIER_FIELDS, read_form};

pub fn router() -> Router<AppState> {
    Router::new().route(
        "/agreements/new",
        get(new_form)
            .post(submit)
            .route_layer(allow(Capability::ManageRegistry)),
    )
}

pub struct UnitRows {
    pub index: usize,
    pub centre: String,
    pub rows: usize,
}

#[derive(Template)]
#[template(path = "agreements/new.html")]
pub struct NewAgreementPage {
    pub shell: Shell,
    pub operator_id: i64,
    pub operator: String,
    pub units: Vec<UnitRows>,
    pub values: HashMap<String, String>,
    pub errors: FormErrors,
}

impl NewAgreementPage {
    pub fn value(&self, name: &str) -> &str {
        self.values.get(name).map_or("", String::as_str)
    }

    pub fn checked(&self, name: &str) -> bool {
        !self.value(name).is_empty()
    }

    pub fn tier_field(&self, unit: &usize, row: &usize, field: &str) -> String {
        format!("u{unit}.t{row}.{field}")
    }
}

/// The tier row's fields, for the template.
const TIER_FIELDS_REF: &[&str] = &TIER_FIELDS;

#[derive(Deserialize)]
struct NewQuery {
    operator_id: i64,
}

async fn centres_of(state: &AppState, operator_id: i64) -> Result<Vec<CentreRecord>, PageError> {
    let filter = mottak_store::registry::CentreFilter {
        operator_id: Some(operator_id),
        status: Some("open".to_owned()),
        limit: 1000,
        ..Default::default()
    };
    let mut centres = Vec::new();
    for row in state.store.list_centres(&filter).await?.0 {
        centres.push(state.store.centre(row.id).await?);
    }
    Ok(centres)
}

async fn page(
    state: &AppState,
    shell: Shell,
    operator_id: i64,
    values: HashMap<String, String>,
    errors: FormErrors,
) -> Result<NewAgreementPage, PageError> {
    let operator = state.store.operator(operator_id).await?;
    let centres = centres_of(state, operator_id).await?;
    let units = centres
        .iter()
        .enumerate()
        .map(|(index, centre)| UnitRows {
            index,
            centre: format!("{} {}", centre.number, centre.name),
            rows: values
                .get(&format!("u{index}.rows"))
                .and_then(|rows| rows.parse().ok())
                .unwrap_or(EMPTY_ROWS)
                .min(50),
        })
        .collect();
    Ok(NewAgreementPage {
        shell: shell.with_title("agreements.new"),
        operator_id,
        operator: format!("{} ({})", operator.name, operator.dro()),
        units,
        values,
        errors,
    })
}

/// The form as first shown: the proposed name of the first centre and the next free priority of
/// each centre's queue prefilled.
async fn new_form(
    State(state): State<AppState>,
    shell: Shell,
    Query(query): Query<NewQuery>,
) -> Result<Response, PageError> {
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
    for (index, centre) in centres.iter().enumerate() {
        let mut slots = Vec::new();
        for agreement in state.store.agreements_of_centre(centre.id, None).await? {
            slots.extend(slots_of(&agreement.terms, centre.id).0);
        }
        let everything =
            mottak_domain::dates::DateRange::new(chrono::NaiveDate::MIN, chrono::NaiveDate::MAX)
                .expect("MIN < MAX");
        let next = next_free_priority(&slots, everything);
        values.insert(format!("u{index}.t0.priority"), next.to_string());
    }
    Ok(render(
        &page(
            &state,
            shell,
            query.operator_id,
            values,
            FormErrors::default(),
        )
        .await?,
    ))
}

async fn submit(
    State(state): State<AppState>,
    shell: Shell,
    caller: Caller,
    CsrfForm(fields): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let values: HashMap<String, String> = fields.into_iter().collect();
    let operator_id = values
        .get("operator_id")
        .and_then(|id| id.parse().ok())
        .ok_or(PageError::BadRequest)?;
    let centres = centres_of(&state, operator_id).await?;
    if let Some(unit) = values
        .get("add_row")
        .and_then(|unit| unit.parse::<usize>().ok())
    {
        let mut values = values;
        let key = format!("u{unit}.rows");
        let rows = values
            .get(&key)
            .and_then(|rows| rows.parse().ok())
            .unwrap_or(EMPTY_ROWS);
        values.insert(key, (rows + 1).to_string());
        return Ok(render(
            &page(&state, shell, operator_id, values, FormErrors::default()).await?,
        ));
    }
    let (input, mut errors, paths) = read_form(&values, operator_id, &centres);
    let status = if errors.is_empty() {
        match agreements::create_agreement(&state.store, &caller.actor(), &input).await {
            Ok(created) => {
                return Ok(
                    Redirect::to(&format!("/agreements/{}", created.agreement.id)).into_response(),
                );
            }
            Err(RegistryError::Invalid(found)) => {
                errors.extend(found.into_iter().map(|error| paths.form_field(error)));
                StatusCode::BAD_REQUEST
            }
            Err(RegistryError::Conflict { field, detail }) => {
                let field = field.unwrap_or_default();
                errors.push(paths.form_field(FieldError::new(field, detail)));
                StatusCode::CONFLICT
            }
            Err(other) => return Err(other.into()),
        }
    } else {
        StatusCode::BAD_REQUEST
    };
    let page = page(
        &state,
        shell,
        operator_id,
        values,
        FormErrors::from_fields(errors),
    )
    .await?;
    Ok((status, render(&page)).into_response())
}
