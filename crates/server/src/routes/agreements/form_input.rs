//! Reading the agreement form into the API's `AgreementInput`, so the form and the API run the
//! same validation, and putting the errors of that validation back beside the form's fields.
//! Numbers, dates and kroner that do not parse are errors here, named by the form's field.
//!
//! Field names: `u{i}.…` per unit (the i-th centre of the form), `u{i}.t{row}.…` per place tier
//! row, `u{i}.m{row}.…` per meal tier row, `u{i}.regulation.…` for the unit's index regulation
//! (R-AGR-9, one for all its prices) and `u{i}.fixed_annual_rent.payment.…` for the payment terms
//! of a fixed transfer (R-AGR-10).

use std::collections::HashMap;

use mottak_domain::agreements::{
    AgreementInput, MealTierInput, PaymentInput, PriceInput, PriceTermsInput, RegulationInput,
    TierInput, UnitInput,
};
use mottak_domain::error::{FieldError, Problem};
use mottak_store::registry::CentreRecord;

/// Empty place tier rows each unit starts with.
pub const EMPTY_ROWS: usize = 3;
/// Empty meal tier rows each unit starts with.
pub const EMPTY_MEAL_ROWS: usize = 2;
/// At most this many rows of each table.
const MAX_ROWS: usize = 50;
pub const TIER_FIELDS: [&str; 4] = ["priority", "kind", "places", "price"];
pub const MEAL_FIELDS: [&str; 3] = ["priority", "persons", "price"];
/// The fixed transfers, each with its own payment terms.
pub const TRANSFERS: [&str; 2] = ["fixed_annual_operating", "fixed_annual_rent"];

/// How many rows of a unit's table (`rows` or `meal_rows`) the form has.
pub fn row_count(values: &HashMap<String, String>, key: &str, empty: usize) -> usize {
    values
        .get(key)
        .and_then(|rows| rows.trim().parse().ok())
        .unwrap_or(empty)
        .min(MAX_ROWS)
}

/// Where each unit and tier of the input came from in the form, to put errors beside fields.
#[derive(Default)]
pub struct FormPaths {
    /// Per unit of the input: the form's unit index and the form's row of each place tier and
    /// of each meal tier.
    units: Vec<(usize, Vec<usize>, Vec<usize>)>,
}

impl FormPaths {
    /// `units[1].unit_tiers[0].price.amount` → `u3.t2.price`;
    /// `units[0].meal_tiers[1].persons` → `u0.m1.persons`;
    /// `units[0].fixed_annual_rent.regulation.month` → `u0.regulation.month`.
    pub fn form_field(&self, error: FieldError) -> FieldError {
        let field = error.field.trim_end_matches(".amount").to_owned();
        let Some(rest) = field.strip_prefix("units[") else {
            return error.at(field);
        };
        let (index, rest) = rest.split_once("].").unwrap_or((rest, ""));
        let Some((unit, tiers, meals)) =
            index.parse::<usize>().ok().and_then(|i| self.units.get(i))
        else {
            return error.at(field);
        };
        let row_of = |list: &str, rows: &[usize]| -> Option<(usize, String)> {
            let tier = rest.strip_prefix(list)?;
            let (row, name) = tier.split_once("].").unwrap_or((tier, "priority"));
            let row = row.parse::<usize>().ok().and_then(|r| rows.get(r)).copied();
            Some((
                row.unwrap_or(0),
                name.split('.').next().unwrap_or(name).to_owned(),
            ))
        };
        let mapped = if let Some((_, name)) = rest.split_once(".regulation.") {
            format!("u{unit}.regulation.{name}")
        } else if let Some((row, name)) = row_of("unit_tiers[", tiers) {
            format!("u{unit}.t{row}.{name}")
        } else if let Some((row, name)) = row_of("meal_tiers[", meals) {
            format!("u{unit}.m{row}.{name}")
        } else if rest.contains(".payment.") {
            format!("u{unit}.{rest}")
        } else {
            format!("u{unit}.{}", rest.split('.').next().unwrap_or(rest))
        };
        error.at(mapped)
    }
}

/// The form's values, read field by field; what does not parse is recorded as an error.
struct Reader<'a> {
    values: &'a HashMap<String, String>,
    errors: Vec<FieldError>,
}

impl Reader<'_> {
    fn get(&self, name: &str) -> &str {
        self.values.get(name).map_or("", |value| value.trim())
    }

    fn filled(&self, name: &str) -> Option<String> {
        Some(self.get(name).to_owned()).filter(|value| !value.is_empty())
    }

    fn checked(&self, name: &str) -> bool {
        !self.get(name).is_empty()
    }

    /// A whole number; empty is 0.
    fn number(&mut self, name: &str) -> i64 {
        self.optional_number(name).unwrap_or(0)
    }

    fn optional_number(&mut self, name: &str) -> Option<i64> {
        let value = self.filled(name)?;
        match value.parse() {
            Ok(number) => Some(number),
            Err(_) => {
                self.errors
                    .push(FieldError::coded(name, Problem::WholeNumber));
                None
            }
        }
    }

    fn kroner(&mut self, name: &str) -> i64 {
        let text = self.get(name).to_owned();
        kroner(&text, name, &mut self.errors)
    }

    /// ISO, as the API takes it (dd.mm.yyyy converted); absent when empty.
    fn date(&self, name: &str) -> Option<String> {
        self.filled(name).map(|date| iso(&date))
    }

    /// R-AGR-9 for every price of the unit, when ticked; empty fields take §10's defaults.
    fn regulation(&mut self, unit: usize) -> Option<RegulationInput> {
        let at = |name: &str| format!("u{unit}.regulation.{name}");
        if !self.checked(&format!("u{unit}.regulated")) {
            return None;
        }
        Some(RegulationInput {
            month: self.optional_number(&at("month")),
            percent: self.optional_number(&at("percent")),
            base_date: self.date(&at("base_date")),
            lag_months: self.optional_number(&at("lag_months")),
            first_date: self.date(&at("first_date")),
        })
    }

    /// R-AGR-10 for a fixed transfer; absent when every field is left at §10's default.
    fn payment(&self, price: &str) -> Option<PaymentInput> {
        let at = |name: &str| format!("{price}.payment.{name}");
        let period = self
            .filled(&at("period"))
            .filter(|period| period != "monthly");
        let in_advance = self.checked(&at("in_advance"));
        let first_date = self.date(&at("first_date"));
        (period.is_some() || in_advance || first_date.is_some()).then_some(PaymentInput {
            in_advance: Some(in_advance),
            period,
            first_date,
        })
    }
}

/// A price as the API takes it: a number, or with its terms where the form sets any. A price
/// of 0 is not regulated (there is nothing to regulate).
fn price(
    amount: i64,
    regulation: &Option<RegulationInput>,
    payment: Option<PaymentInput>,
) -> PriceInput {
    let regulation = regulation.clone().filter(|_| amount != 0);
    if regulation.is_none() && payment.is_none() {
        return PriceInput::Amount(amount);
    }
    PriceInput::Terms(PriceTermsInput {
        amount,
        regulation,
        payment,
    })
}

/// The form's values as the API's input; numbers and kroner that do not parse are errors here.
pub fn read_form(
    values: &HashMap<String, String>,
    operator_id: i64,
    centres: &[CentreRecord],
) -> (AgreementInput, Vec<FieldError>, FormPaths) {
    let mut form = Reader {
        values,
        errors: Vec::new(),
    };
    let notice = form.number("notice_period_months");
    let extension = form.optional_number("extension_deadline_months");
    let mut units = Vec::new();
    let mut paths = FormPaths::default();
    for (index, centre) in centres.iter().enumerate() {
        if !form.checked(&format!("u{index}.include")) {
            continue;
        }
        let (unit, tier_rows, meal_rows) = read_unit(&mut form, index, centre.id);
        units.push(unit);
        paths.units.push((index, tier_rows, meal_rows));
    }
    let input = AgreementInput {
        kind: form.get("kind").to_owned(),
        operator_id,
        name: form
            .filled("name")
            .filter(|name| Some(name) != values.get("proposed_name")),
        signed: iso(form.get("signed")),
        awarded: form.date("awarded"),
        operation_start: iso(form.get("operation_start")),
        valid_from: iso(form.get("valid_from")),
        valid_to: iso(form.get("valid_to")),
        stop_date: form.date("stop_date"),
        notice_period_months: notice,
        extension_deadline_months: extension,
        intermunicipal: form.checked("intermunicipal"),
        remark: form.filled("remark"),
        units,
    };
    (input, form.errors, paths)
}

/// One ticked unit, with the form's rows of its place tiers and meal tiers. Rows left without
/// places (persons) and price are not tiers.
fn read_unit(
    form: &mut Reader,
    index: usize,
    centre_id: i64,
) -> (UnitInput, Vec<usize>, Vec<usize>) {
    let at = |name: &str| format!("u{index}.{name}");
    let regulation = form.regulation(index);
    let mut unit_tiers = Vec::new();
    let mut tier_rows = Vec::new();
    for row in 0..row_count(form.values, &at("rows"), EMPTY_ROWS) {
        let field = |name: &str| format!("u{index}.t{row}.{name}");
        if form.get(&field("places")).is_empty() && form.get(&field("price")).is_empty() {
            continue;
        }
        unit_tiers.push(TierInput {
            priority: form.number(&field("priority")),
            kind: form.get(&field("kind")).to_owned(),
            places: form.number(&field("places")),
            price: price(form.kroner(&field("price")), &regulation, None),
        });
        tier_rows.push(row);
    }
    let mut meal_tiers = Vec::new();
    let mut meal_rows = Vec::new();
    for row in 0..row_count(form.values, &at("meal_rows"), EMPTY_MEAL_ROWS) {
        let field = |name: &str| format!("u{index}.m{row}.{name}");
        if form.get(&field("persons")).is_empty() && form.get(&field("price")).is_empty() {
            continue;
        }
        meal_tiers.push(MealTierInput {
            priority: form.number(&field("priority")),
            persons: form.number(&field("persons")),
            price: price(form.kroner(&field("price")), &regulation, None),
        });
        meal_rows.push(row);
    }
    let [operating, rent] = TRANSFERS.map(|transfer| {
        let name = at(transfer);
        price(form.kroner(&name), &regulation, form.payment(&name))
    });
    let unit = UnitInput {
        centre_id,
        canteen: form.checked(&at("canteen")),
        fixed_places: form.number(&at("fixed_places")),
        standby_places: form.number(&at("standby_places")),
        fixed_annual_operating: operating,
        fixed_annual_rent: rent,
        unit_tiers,
        meal_tiers,
    };
    (unit, tier_rows, meal_rows)
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
            errors.push(FieldError::coded(field, Problem::Amount));
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
