//! The agreement form's page, shared by "Ny avtale" and "Endre avtale": the agreement's terms,
//! and per centre of the operator a unit with its places, fixed transfers and their payment terms
//! (R-AGR-10), a place tier table and a meal tier table that grow with "add row" buttons without
//! JavaScript, and the unit's index regulation (R-AGR-9).

use std::collections::HashMap;

use askama::Template;
use mottak_store::registry::CentreRecord;

use super::form_input::{EMPTY_MEAL_ROWS, EMPTY_ROWS, MEAL_FIELDS, TIER_FIELDS, row_count};
use crate::error::PageError;
use crate::pages::Shell;
use crate::routes::registry::pages::FormErrors;
use crate::state::AppState;

pub struct UnitRows {
    pub index: usize,
    pub centre: String,
    pub rows: usize,
    pub meal_rows: usize,
    /// The meal tiers are shown open for a unit with a canteen, or with meal values or errors.
    pub meals_open: bool,
}

/// What the form registers or changes.
pub enum FormTarget {
    New,
    /// The agreement and the version the form was filled from.
    Edit {
        id: i64,
        version: i64,
    },
}

#[derive(Template)]
#[template(path = "agreements/form.html")]
pub struct AgreementFormPage {
    pub shell: Shell,
    pub action: String,
    pub heading: &'static str,
    pub submit: &'static str,
    pub version: Option<i64>,
    pub operator_id: i64,
    pub operator: String,
    pub units: Vec<UnitRows>,
    pub values: HashMap<String, String>,
    pub errors: FormErrors,
}

/// The tier rows' fields, for the template.
const TIER_FIELDS_REF: &[&str] = &TIER_FIELDS;
const MEAL_FIELDS_REF: &[&str] = &MEAL_FIELDS;

impl AgreementFormPage {
    pub fn value(&self, name: &str) -> &str {
        self.values.get(name).map_or("", String::as_str)
    }

    pub fn checked(&self, name: &str) -> bool {
        !self.value(name).is_empty()
    }

    /// `u0.t2.price` (`table` `t`) or `u0.m1.persons` (`table` `m`).
    pub fn row_field(&self, unit: &usize, table: &str, row: &usize, field: &str) -> String {
        format!("u{unit}.{table}{row}.{field}")
    }
}

/// The operator's open centres, each a possible unit.
pub async fn centres_of(
    state: &AppState,
    operator_id: i64,
) -> Result<Vec<CentreRecord>, PageError> {
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

/// What a form is for, and the units it shows.
pub struct FormSetting {
    pub target: FormTarget,
    pub operator_id: i64,
    /// The form's units in order: `u{i}` is the i-th.
    pub centres: Vec<CentreRecord>,
}

/// The page with `values` typed (or prefilled) and `errors` beside their fields.
pub async fn page(
    state: &AppState,
    shell: Shell,
    setting: &FormSetting,
    values: HashMap<String, String>,
    errors: FormErrors,
) -> Result<AgreementFormPage, PageError> {
    let (target, operator_id) = (&setting.target, setting.operator_id);
    let operator = state.store.operator(operator_id).await?;
    let units = setting
        .centres
        .iter()
        .enumerate()
        .map(|(index, centre)| {
            let meal_rows = row_count(&values, &format!("u{index}.meal_rows"), EMPTY_MEAL_ROWS);
            let prefix = format!("u{index}.m");
            let meals_open = values.contains_key(&format!("u{index}.canteen"))
                || values.iter().any(|(name, value)| {
                    name.starts_with(&prefix)
                        && !name.ends_with(".priority")
                        && !value.trim().is_empty()
                })
                || errors.errors.iter().any(|error| {
                    error.field.starts_with(&prefix)
                        || error.field == format!("u{index}.meal_tiers")
                });
            UnitRows {
                index,
                centre: format!("{} {}", centre.number, centre.name),
                rows: row_count(&values, &format!("u{index}.rows"), EMPTY_ROWS),
                meal_rows,
                meals_open,
            }
        })
        .collect();
    let (action, heading, submit, version) = match target {
        FormTarget::New => (
            "/agreements/new".to_owned(),
            "agreements.new",
            "agreements.register",
            None,
        ),
        FormTarget::Edit { id, version } => (
            format!("/agreements/{id}/edit"),
            "agreements.edit",
            "agreements.save",
            Some(*version),
        ),
    };
    Ok(AgreementFormPage {
        shell: shell.with_title(heading),
        action,
        heading,
        submit,
        version,
        operator_id,
        operator: format!("{} ({})", operator.fields.name, operator.dro()),
        units,
        values,
        errors,
    })
}
