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
use mottak_domain::agreements::{
    AgreementInput, AgreementKind, PriceInput, TierInput, UnitInput, next_free_priority, slots_of,
};
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

/// Empty tier rows each unit starts with.
const EMPTY_ROWS: usize = 3;
const TIER_FIELDS: [&str; 4] = ["priority", "kind", "places", "price"];

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

/// Where each unit and tier of the input came from in the form, to put errors beside fields.
struct FormPaths {
    /// Per unit of the input: the form's unit index and, per tier, the form's row.
    units: Vec<(usize, Vec<usize>)>,
}

impl FormPaths {
    /// `units[1].unit_tiers[0].price.amount` → `u3.t2.price`.
    fn form_field(&self, error: FieldError) -> FieldError {
        let field = error.field.trim_end_matches(".amount").to_owned();
        let Some(rest) = field.strip_prefix("units[") else {
            return FieldError::new(field, error.message);
        };
        let (index, rest) = rest.split_once("].").unwrap_or((rest, ""));
        let Some((unit, rows)) = index.parse::<usize>().ok().and_then(|i| self.units.get(i)) else {
            return FieldError::new(field, error.message);
        };
        let mapped = match rest.strip_prefix("unit_tiers[") {
            Some(tier) => {
                let (row, name) = tier.split_once("].").unwrap_or((tier, "priority"));
                let row = row
                    .parse::<usize>()
                    .ok()
                    .and_then(|r| rows.get(r))
                    .copied()
                    .unwrap_or(0);
                format!("u{unit}.t{row}.{name}")
            }
            None => format!("u{unit}.{}", rest.split('.').next().unwrap_or(rest)),
        };
        FieldError::new(mapped, error.message)
    }
}

/// The form's values as the API's input; numbers and kroner that do not parse are errors here.
fn read_form(
    values: &HashMap<String, String>,
    operator_id: i64,
    centres: &[CentreRecord],
) -> (AgreementInput, Vec<FieldError>, FormPaths) {
    let mut errors = Vec::new();
    let get = |name: &str| values.get(name).map_or("", |value| value.trim());
    let text = |name: &str| Some(get(name).to_owned()).filter(|value| !value.is_empty());
    let number = |name: &str, errors: &mut Vec<FieldError>| -> i64 {
        match get(name) {
            "" => 0,
            value => value.parse().unwrap_or_else(|_| {
                errors.push(FieldError::new(name, "must be a whole number"));
                0
            }),
        }
    };
    let notice = number("notice_period_months", &mut errors);
    let extension =
        text("extension_deadline_months").map(|_| number("extension_deadline_months", &mut errors));
    let mut units = Vec::new();
    let mut paths = FormPaths { units: Vec::new() };
    for (index, centre) in centres.iter().enumerate() {
        let at = |name: &str| format!("u{index}.{name}");
        if get(&at("include")).is_empty() {
            continue;
        }
        let mut tiers = Vec::new();
        let mut rows = Vec::new();
        let row_count: usize = get(&at("rows")).parse().unwrap_or(EMPTY_ROWS);
        for row in 0..row_count.min(50) {
            let field = |name: &str| format!("u{index}.t{row}.{name}");
            if TIER_FIELDS
                .iter()
                .filter(|name| **name != "kind" && **name != "priority")
                .all(|name| get(&field(name)).is_empty())
            {
                continue;
            }
            tiers.push(TierInput {
                priority: number(&field("priority"), &mut errors),
                kind: get(&field("kind")).to_owned(),
                places: number(&field("places"), &mut errors),
                price: PriceInput::Amount(kroner(
                    get(&field("price")),
                    &field("price"),
                    &mut errors,
                )),
            });
            rows.push(row);
        }
        units.push(UnitInput {
            centre_id: centre.id,
            canteen: !get(&at("canteen")).is_empty(),
            fixed_places: number(&at("fixed_places"), &mut errors),
            standby_places: number(&at("standby_places"), &mut errors),
            fixed_annual_operating: PriceInput::Amount(kroner(
                get(&at("fixed_annual_operating")),
                &at("fixed_annual_operating"),
                &mut errors,
            )),
            fixed_annual_rent: PriceInput::Amount(kroner(
                get(&at("fixed_annual_rent")),
                &at("fixed_annual_rent"),
                &mut errors,
            )),
            unit_tiers: tiers,
            meal_tiers: Vec::new(),
        });
        paths.units.push((index, rows));
    }
    let input = AgreementInput {
        kind: get("kind").to_owned(),
        operator_id,
        name: text("name").filter(|name| Some(name) != values.get("proposed_name")),
        signed: iso(get("signed")),
        awarded: text("awarded").map(|date| iso(&date)),
        operation_start: iso(get("operation_start")),
        valid_from: iso(get("valid_from")),
        valid_to: iso(get("valid_to")),
        stop_date: text("stop_date").map(|date| iso(&date)),
        notice_period_months: notice,
        extension_deadline_months: extension,
        intermunicipal: !get("intermunicipal").is_empty(),
        remark: text("remark"),
        units,
    };
    (input, errors, paths)
}

/// dd.mm.yyyy as the screens write dates, or ISO as typed.
fn iso(text: &str) -> String {
    match chrono::NaiveDate::parse_from_str(text.trim(), "%d.%m.%Y") {
        Ok(date) => date.format("%Y-%m-%d").to_string(),
        Err(_) => text.trim().to_owned(),
    }
}

/// Kroner as typed (`1 234,56`, `1234.5`, `kr 100`) into øre; empty is 0.
fn kroner(text: &str, field: &str, errors: &mut Vec<FieldError>) -> i64 {
    let cleaned: String = text
        .trim()
        .trim_start_matches("kr")
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{a0}')
        .map(|c| if c == ',' { '.' } else { c })
        .collect();
    if cleaned.is_empty() {
        return 0;
    }
    let (whole, fraction) = cleaned.split_once('.').unwrap_or((&cleaned, ""));
    let valid = !whole.is_empty()
        && whole.chars().all(|c| c.is_ascii_digit())
        && fraction.len() <= 2
        && fraction.chars().all(|c| c.is_ascii_digit());
    match (valid, whole.parse::<i64>()) {
        (true, Ok(kroner)) if kroner < 10_000_000_000 => {
            let ore: i64 = format!("{fraction:0<2}").parse().unwrap_or(0);
            kroner * 100 + ore
        }
        _ => {
            errors.push(FieldError::new(
                field,
                "must be an amount in kroner, e.g. 1 234,56",
            ));
            0
        }
    }
}

#[cfg(test)]
mod tests {
    use super::kroner;

    #[test]
    fn spec_9_kroner_with_decimal_comma_and_spaces_become_ore() {
        let mut errors = Vec::new();
        assert_eq!(kroner("1 234,56", "f", &mut errors), 123_456);
        assert_eq!(kroner("kr 12\u{a0}000", "f", &mut errors), 1_200_000);
        assert_eq!(kroner("99.5", "f", &mut errors), 9_950);
        assert!(errors.is_empty());
        kroner("12,345", "f", &mut errors);
        assert_eq!(errors.len(), 1);
    }
}
