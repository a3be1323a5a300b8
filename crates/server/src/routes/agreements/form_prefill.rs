//! The edit form prefilled from the stored terms: dates as dd.mm.yyyy, kroner with a decimal
//! comma, one row per tier and meal tier (and one empty row to add another), and terms that
//! equal §10's defaults left empty, so that they follow the dates when those are changed.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};
use mottak_domain::agreements::{AgreementTerms, Price, UnitTerms};
use mottak_domain::money::Ore;
use mottak_store::registry::CentreRecord;

use super::form_input::{EMPTY_MEAL_ROWS, EMPTY_ROWS};
use crate::pages::display_date;

/// The form's values for `terms`; `centres` are the form's units in order.
pub fn values_of(terms: &AgreementTerms, centres: &[CentreRecord]) -> HashMap<String, String> {
    let mut values = HashMap::new();
    let mut set = |name: String, value: String| {
        values.insert(name, value);
    };
    set("kind".into(), terms.kind.code().to_owned());
    set("name".into(), terms.name.clone());
    for (name, date) in [
        ("signed", Some(terms.signed)),
        ("awarded", terms.awarded),
        ("operation_start", Some(terms.operation_start)),
        ("valid_from", Some(terms.valid_from)),
        ("valid_to", Some(terms.valid_to)),
        ("stop_date", terms.stop_date),
    ] {
        set(name.into(), date.map(display_date).unwrap_or_default());
    }
    set(
        "notice_period_months".into(),
        terms.notice_period_months.to_string(),
    );
    set(
        "extension_deadline_months".into(),
        terms
            .extension_deadline_months
            .map(|months| months.to_string())
            .unwrap_or_default(),
    );
    if terms.intermunicipal {
        set("intermunicipal".into(), "1".into());
    }
    set("remark".into(), terms.remark.clone().unwrap_or_default());
    for unit in &terms.units {
        if let Some(index) = centres
            .iter()
            .position(|centre| centre.id == unit.centre_id)
        {
            unit_values(unit, index, terms.valid_from, &mut values);
        }
    }
    values
}

fn kroner(price: &Price) -> String {
    Ore::decimal_comma(price.amount)
}

fn unit_values(
    unit: &UnitTerms,
    index: usize,
    valid_from: NaiveDate,
    values: &mut HashMap<String, String>,
) {
    let mut set = |name: &str, value: String| {
        values.insert(format!("u{index}.{name}"), value);
    };
    set("include", "1".into());
    if unit.canteen {
        set("canteen", "1".into());
    }
    set("fixed_places", unit.fixed_places.to_string());
    set("standby_places", unit.standby_places.to_string());
    for (name, price) in [
        ("fixed_annual_operating", &unit.fixed_annual_operating),
        ("fixed_annual_rent", &unit.fixed_annual_rent),
    ] {
        set(name, kroner(price));
        let payment = &price.payment;
        set(
            &format!("{name}.payment.period"),
            payment.period.code().into(),
        );
        if payment.in_advance {
            set(&format!("{name}.payment.in_advance"), "1".into());
        }
        if payment.first_date != valid_from {
            set(
                &format!("{name}.payment.first_date"),
                display_date(payment.first_date),
            );
        }
    }
    set(
        "rows",
        (unit.unit_tiers.len() + 1).max(EMPTY_ROWS).to_string(),
    );
    for (row, tier) in unit.unit_tiers.iter().enumerate() {
        set(&format!("t{row}.priority"), tier.priority.to_string());
        set(&format!("t{row}.kind"), tier.kind.code().to_owned());
        set(&format!("t{row}.places"), tier.places.count().to_string());
        set(&format!("t{row}.price"), kroner(&tier.price));
    }
    let meal_rows = (unit.meal_tiers.len() + 1).max(EMPTY_MEAL_ROWS);
    set("meal_rows", meal_rows.to_string());
    for (row, tier) in unit.meal_tiers.iter().enumerate() {
        set(&format!("m{row}.priority"), tier.priority.to_string());
        set(&format!("m{row}.persons"), tier.persons.count().to_string());
        set(&format!("m{row}.price"), kroner(&tier.price));
    }
    // One regulation for the unit's prices: the first regulated price's terms.
    let regulation = std::iter::once(&unit.fixed_annual_operating)
        .chain([&unit.fixed_annual_rent])
        .chain(unit.unit_tiers.iter().map(|tier| &tier.price))
        .chain(unit.meal_tiers.iter().map(|tier| &tier.price))
        .find_map(|price| price.regulation.as_ref());
    match regulation {
        Some(regulation) => {
            set("regulated", "1".into());
            set("regulation.month", regulation.month.to_string());
            set("regulation.percent", regulation.percent.to_string());
            set("regulation.lag_months", regulation.lag_months.to_string());
            if regulation.base_date != valid_from {
                set("regulation.base_date", display_date(regulation.base_date));
            }
            let default_first = NaiveDate::from_ymd_opt(valid_from.year() + 1, regulation.month, 1);
            if Some(regulation.first_date) != default_first {
                set("regulation.first_date", display_date(regulation.first_date));
            }
        }
        None => regulation_defaults(index, values),
    }
}

/// §10's defaults of a regulation, shown in a unit whose prices are not regulated yet.
pub fn regulation_defaults(index: usize, values: &mut HashMap<String, String>) {
    for (name, value) in [("month", "8"), ("percent", "100"), ("lag_months", "2")] {
        values.insert(format!("u{index}.regulation.{name}"), value.to_owned());
    }
}
