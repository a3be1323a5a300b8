//! Reading the agreement form into the API's `AgreementInput`, so the form and the API run the
//! same validation, and putting the errors of that validation back beside the form's fields.
//! Numbers, dates and kroner that do not parse are errors here, named by the form's field.

use std::collections::HashMap;

use mottak_domain::agreements::{AgreementInput, PriceInput, TierInput, UnitInput};
use mottak_domain::error::FieldError;
use mottak_store::registry::CentreRecord;

/// Empty tier rows each unit starts with.
pub const EMPTY_ROWS: usize = 3;
pub const TIER_FIELDS: [&str; 4] = ["priority", "kind", "places", "price"];

/// Where each unit and tier of the input came from in the form, to put errors beside fields.
pub struct FormPaths {
    /// Per unit of the input: the form's unit index and, per tier, the form's row.
    units: Vec<(usize, Vec<usize>)>,
}

impl FormPaths {
    /// `units[1].unit_tiers[0].price.amount` → `u3.t2.price`.
    pub fn form_field(&self, error: FieldError) -> FieldError {
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
pub fn read_form(
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
pub fn iso(text: &str) -> String {
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
