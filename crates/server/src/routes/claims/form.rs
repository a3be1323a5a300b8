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

use std::collections::HashMap;

use chrono::{Days, NaiveDate};
use mottak_domain::claims::{
    AgreementRequest, ClaimRequest, MealTierRequest, OccupancyRequest, UnitRequest, UnitTierRequest,
};
use mottak_domain::dates::Month;
use mottak_domain::paste;

use super::kroner::parse_kroner;
use crate::i18n::Lang;
use crate::pages::parse_user_date;

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

struct Reader<'a> {
    values: &'a Values,
    lang: Lang,
    problems: Vec<FormProblem>,
}

impl Reader<'_> {
    fn problem(&mut self, field: &str, message: String) {
        self.problems.push(FormProblem {
            field: field.to_owned(),
            message,
        });
    }

    fn text(&self, key: &str) -> &'static str {
        self.lang.text(key)
    }

    fn agreement(
        &mut self,
        unit: usize,
        block: usize,
        kind: &str,
    ) -> (AgreementRequest, Vec<usize>, Vec<usize>) {
        let field = |name: &str| agreement_field(unit, block, name);
        let valid_from = self.date(&field("valid_from"), true);
        let valid_to = self.date(&field("last_day"), true).map(day_after);
        let stop_date = self.date(&field("stop_last_day"), false).map(day_after);
        // In the order of the page, so the error summary reads top to bottom.
        let fixed_places = self.whole_number(&field("fixed_places"));
        let fixed_annual_operating = self.kroner(&field("fixed_annual_operating"));
        let fixed_annual_rent = self.kroner(&field("fixed_annual_rent"));
        let (unit_tiers, unit_lines) = self.unit_tiers(&field("unit_tiers"));
        let (meal_tiers, meal_lines) = self.meal_tiers(&field("meal_tiers"));
        let agreement = AgreementRequest {
            kind: kind.to_owned(),
            valid_from: valid_from.map(iso).unwrap_or_default(),
            valid_to: valid_to.map(iso).unwrap_or_default(),
            stop_date: stop_date.map(iso),
            fixed_places,
            fixed_annual_operating,
            fixed_annual_rent,
            unit_tiers,
            meal_tiers,
        };
        (agreement, unit_lines, meal_lines)
    }

    /// A date typed as dd.mm.yyyy or yyyy-mm-dd; `None` (with a problem if it was required or
    /// typed wrong) otherwise.
    fn date(&mut self, field: &str, required: bool) -> Option<NaiveDate> {
        let text = self.values.get(field).trim();
        if text.is_empty() {
            if required {
                self.problem(field, self.text("claims.error.date_required").to_owned());
            }
            return None;
        }
        let date = parse_user_date(text);
        if date.is_none() {
            self.problem(field, self.text("form.invalid_date").to_owned());
        }
        date
    }

    /// An optional whole number; empty is 0.
    fn whole_number(&mut self, field: &str) -> i64 {
        let text = self.values.get(field);
        if text.trim().is_empty() {
            return 0;
        }
        whole_number(text).unwrap_or_else(|| {
            self.problem(field, self.text("claims.error.whole_number").to_owned());
            0
        })
    }

    /// An optional amount in kroner; empty is 0.
    fn kroner(&mut self, field: &str) -> i64 {
        let text = self.values.get(field);
        if text.trim().is_empty() {
            return 0;
        }
        parse_kroner(text).unwrap_or_else(|| {
            self.problem(field, self.text("claims.error.kroner").to_owned());
            0
        })
    }

    /// `priority;kind;places;price in kroner` per line.
    fn unit_tiers(&mut self, field: &str) -> (Vec<UnitTierRequest>, Vec<usize>) {
        let mut tiers = Vec::new();
        let mut lines = Vec::new();
        for (line, parts) in table_lines(self.values.get(field)) {
            let parsed = match parts.as_slice() {
                [priority, kind, places, price] => (|| {
                    Some(UnitTierRequest {
                        priority: whole_number(priority)?,
                        kind: tier_kind(kind),
                        places: whole_number(places)?,
                        price: parse_kroner(price)?,
                    })
                })(),
                _ => None,
            };
            match parsed {
                Some(tier) => {
                    tiers.push(tier);
                    lines.push(line);
                }
                None => self.line_problem(field, line, "claims.error.unit_tier_line"),
            }
        }
        (tiers, lines)
    }

    /// `priority;persons;price in kroner` per line.
    fn meal_tiers(&mut self, field: &str) -> (Vec<MealTierRequest>, Vec<usize>) {
        let mut tiers = Vec::new();
        let mut lines = Vec::new();
        for (line, parts) in table_lines(self.values.get(field)) {
            let parsed = match parts.as_slice() {
                [priority, persons, price] => (|| {
                    Some(MealTierRequest {
                        priority: whole_number(priority)?,
                        persons: whole_number(persons)?,
                        price: parse_kroner(price)?,
                    })
                })(),
                _ => None,
            };
            match parsed {
                Some(tier) => {
                    tiers.push(tier);
                    lines.push(line);
                }
                None => self.line_problem(field, line, "claims.error.meal_tier_line"),
            }
        }
        (tiers, lines)
    }

    fn line_problem(&mut self, field: &str, line: usize, key: &str) {
        let message = format!("{} {line}: {}", self.text("claims.line"), self.text(key));
        self.problem(field, message);
    }

    /// The unit's residents: one number for every day, or one per day from the 1st.
    fn residents(
        &mut self,
        unit: usize,
        place_type: &str,
        month: Month,
        request: &mut ClaimRequest,
        origins: &mut Origins,
    ) {
        let field = unit_field(unit, "residents");
        let text = self.values.get(&field);
        let numbers: Option<Vec<i64>> = text
            .split(|c: char| c.is_whitespace() || c == ';' || c == ',')
            .filter(|part| !part.is_empty())
            .map(whole_number)
            .collect();
        let Some(numbers) = numbers else {
            self.problem(&field, self.text("claims.error.residents").to_owned());
            return;
        };
        let days = month.days();
        let per_day: Vec<i64> = match numbers.as_slice() {
            [] => return,
            [every_day] => vec![*every_day; days as usize],
            _ if numbers.len() > days as usize => {
                let message = format!("{} ({days})", self.text("claims.error.too_many_days"));
                self.problem(&field, message);
                return;
            }
            _ => numbers,
        };
        for (index, residents) in per_day.into_iter().enumerate() {
            let day = index as u32 + 1;
            let date = month.first_day() + Days::new(u64::from(day - 1));
            request.occupancy.push(OccupancyRequest {
                date: iso(date),
                place_type: place_type.to_owned(),
                residents,
            });
            origins
                .occupancy
                .push(OccupancyOrigin::Residents { unit, day });
        }
    }

    /// `date;place_type;residents` per line, after an optional header line.
    fn csv(&mut self, request: &mut ClaimRequest, origins: &mut Origins) {
        let field = "occupancy_csv";
        for (line, parts) in table_lines(self.values.get(field)) {
            match parts.as_slice() {
                [date, place_type, residents] => match whole_number(residents) {
                    Some(residents) => {
                        request.occupancy.push(OccupancyRequest {
                            date: parse_user_date(date).map_or_else(|| date.to_string(), iso),
                            place_type: place_type.to_string(),
                            residents,
                        });
                        origins.occupancy.push(OccupancyOrigin::Csv { line });
                    }
                    None => self.line_problem(field, line, "claims.error.csv_line"),
                },
                _ => self.line_problem(field, line, "claims.error.csv_line"),
            }
        }
    }
}

/// The rows of a table's text (`rows::normalise` writes it, one line per row, a pasted header
/// already dropped), read by `mottak_domain::paste`, with their 1-based line numbers.
fn table_lines(text: &str) -> impl Iterator<Item = (usize, Vec<String>)> {
    paste::rows(text)
        .into_iter()
        .map(|record| (record.line, record.fields))
}

/// A whole number, possibly negative (the rules say what is wrong with that), with spaces
/// between thousands allowed.
fn whole_number(text: &str) -> Option<i64> {
    paste::whole_number(text)
}

/// The API's tier kind, from it or the Norwegian word.
pub(super) fn tier_kind(text: &str) -> String {
    let text = text.trim().to_lowercase();
    match text.as_str() {
        "stykkpris" => "unit_price".to_owned(),
        "beredskap" => "standby".to_owned(),
        "konvertert" | "konverterte" => "converted".to_owned(),
        _ => text,
    }
}

fn day_after(date: NaiveDate) -> NaiveDate {
    date.checked_add_days(Days::new(1)).unwrap_or(date)
}

fn iso(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

#[cfg(test)]
mod tests;
