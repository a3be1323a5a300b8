//! The page's form: flat fields into a [`ClaimRequest`], remembering where every unit, agreement,
//! tier and occupancy entry came from, so that an error path of the claim rules can be shown
//! beside the field that caused it (see `errors.rs`).
//!
//! The form has [`UNITS`] unit blocks of [`AGREEMENTS`] agreement blocks each. Field names are
//! `month`, `u{i}-place_type`, `u{i}-canteen`, `u{i}-residents`, `u{i}-a{j}-kind`,
//! `u{i}-a{j}-valid_from`, `-last_day`, `-stop_last_day`, `-fixed_places`,
//! `-fixed_annual_operating`, `-fixed_annual_rent`, `-unit_tiers`, `-meal_tiers`, and
//! `occupancy_csv`. A unit block counts when it has a place type; an agreement block when it has
//! a kind. On screen an agreement ends on its last day (R-AGR-3: the screen shows the last
//! operating day); the request gets the day after, as the API's exclusive end.

mod reader;
mod tables;

use std::collections::HashMap;

use mottak_domain::claims::{ClaimRequest, UnitRequest};
use mottak_domain::dates::Month;

use crate::i18n::Lang;
use reader::Reader;

pub(super) use tables::tier_kind;

pub const UNITS: usize = 3;
pub const AGREEMENTS: usize = 3;

/// The submitted fields by name; a missing field reads as empty.
#[derive(Debug, Default)]
pub struct Values(HashMap<String, String>);

impl Values {
    pub fn new(pairs: Vec<(String, String)>) -> Values {
        Values(pairs.into_iter().collect())
    }

    pub fn get(&self, name: &str) -> &str {
        self.0.get(name).map_or("", |value| value.as_str())
    }

    pub fn set(&mut self, name: &str, value: &str) {
        self.0.insert(name.to_owned(), value.to_owned());
    }

    /// Whether any field of a block (names starting with `prefix`) has a value; a table's row
    /// count and the kind of its rows (a select) do not count.
    pub fn any_with_prefix(&self, prefix: &str) -> bool {
        let counts = |name: &str| {
            let row_kind = name.contains("_tiers-r") && name.ends_with("-kind");
            !(name.ends_with("-rows") || row_kind)
        };
        self.0.iter().any(|(name, value)| {
            name.starts_with(prefix) && !value.trim().is_empty() && counts(name)
        })
    }
}

pub fn unit_field(unit: usize, name: &str) -> String {
    format!("u{unit}-{name}")
}

pub fn agreement_field(unit: usize, agreement: usize, name: &str) -> String {
    format!("u{unit}-a{agreement}-{name}")
}

/// Where an entry of the request came from on the form.
#[derive(Debug, Default)]
pub struct Origins {
    /// Request unit → unit block.
    pub units: Vec<usize>,
    /// Per request unit: request agreement → agreement block.
    pub agreements: Vec<Vec<usize>>,
    /// Per request unit and agreement: tier → line of the textarea (1-based).
    pub unit_tier_lines: Vec<Vec<Vec<usize>>>,
    pub meal_tier_lines: Vec<Vec<Vec<usize>>>,
    pub occupancy: Vec<OccupancyOrigin>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OccupancyOrigin {
    /// The unit block's residents field, for one day of the month (1-based).
    Residents { unit: usize, day: u32 },
    /// A line of the CSV field (1-based).
    Csv { line: usize },
}

/// A problem with what was typed, found before the claim rules run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormProblem {
    pub field: String,
    pub message: String,
}

/// Reads the form; every problem found is returned, so the user can fix them in one go.
pub fn read(values: &Values, lang: Lang) -> Result<(ClaimRequest, Origins), Vec<FormProblem>> {
    let mut reader = Reader {
        values,
        lang,
        problems: Vec::new(),
    };
    let month = normalise_month(values.get("month"));
    let mut request = ClaimRequest {
        month: month.clone(),
        ..ClaimRequest::default()
    };
    let mut origins = Origins::default();
    for block in 0..UNITS {
        let place_type = values.get(&unit_field(block, "place_type")).trim();
        if place_type.is_empty() {
            continue;
        }
        let mut unit = UnitRequest {
            place_type: place_type.to_owned(),
            canteen: !values.get(&unit_field(block, "canteen")).is_empty(),
            agreements: Vec::new(),
        };
        if let Some(month) = Month::parse(&month) {
            reader.residents(block, place_type, month, &mut request, &mut origins);
        }
        let mut agreement_blocks = Vec::new();
        let mut unit_lines = Vec::new();
        let mut meal_lines = Vec::new();
        for agreement_block in 0..AGREEMENTS {
            let kind = values.get(&agreement_field(block, agreement_block, "kind"));
            if kind.trim().is_empty() {
                continue;
            }
            let (agreement, tier_lines, meal_tier_lines) =
                reader.agreement(block, agreement_block, kind.trim());
            unit.agreements.push(agreement);
            agreement_blocks.push(agreement_block);
            unit_lines.push(tier_lines);
            meal_lines.push(meal_tier_lines);
        }
        request.units.push(unit);
        origins.units.push(block);
        origins.agreements.push(agreement_blocks);
        origins.unit_tier_lines.push(unit_lines);
        origins.meal_tier_lines.push(meal_lines);
    }
    reader.csv(&mut request, &mut origins);
    if reader.problems.is_empty() {
        Ok((request, origins))
    } else {
        Err(reader.problems)
    }
}

/// `YYYY-MM` as the API wants it, from that or `MM.YYYY`; anything else is left for the rules
/// to refuse.
fn normalise_month(text: &str) -> String {
    let text = text.trim();
    match text.split_once('.') {
        Some((month, year)) if month.len() <= 2 && year.len() == 4 => {
            format!("{year}-{month:0>2}")
        }
        _ => text.to_owned(),
    }
}

#[cfg(test)]
mod tests;
