//! The form's tables (place tiers, meal tiers, occupancy as CSV) and its residents per day,
//! each line read by `mottak_domain::paste` and remembered for the error paths.

use chrono::Days;
use mottak_domain::claims::{ClaimRequest, MealTierRequest, OccupancyRequest, UnitTierRequest};
use mottak_domain::dates::Month;
use mottak_domain::paste;

use super::reader::{Reader, iso, whole_number};
use super::{OccupancyOrigin, Origins, unit_field};
use crate::pages::parse_user_date;
use crate::routes::claims::kroner::parse_kroner;

impl Reader<'_> {
    /// `priority;kind;places;price in kroner` per line.
    pub(super) fn unit_tiers(&mut self, field: &str) -> (Vec<UnitTierRequest>, Vec<usize>) {
        self.tiers(field, "claims.error.unit_tier_line", |parts| match parts {
            [priority, kind, places, price] => Some(UnitTierRequest {
                priority: whole_number(priority)?,
                kind: tier_kind(kind),
                places: whole_number(places)?,
                price: parse_kroner(price)?,
            }),
            _ => None,
        })
    }

    /// `priority;persons;price in kroner` per line.
    pub(super) fn meal_tiers(&mut self, field: &str) -> (Vec<MealTierRequest>, Vec<usize>) {
        self.tiers(field, "claims.error.meal_tier_line", |parts| match parts {
            [priority, persons, price] => Some(MealTierRequest {
                priority: whole_number(priority)?,
                persons: whole_number(persons)?,
                price: parse_kroner(price)?,
            }),
            _ => None,
        })
    }

    /// A table of tiers, one per line read by `parse`, with the line each came from; a line
    /// that does not read is the problem `key` at its line.
    fn tiers<T>(
        &mut self,
        field: &str,
        key: &str,
        parse: impl Fn(&[String]) -> Option<T>,
    ) -> (Vec<T>, Vec<usize>) {
        let mut tiers = Vec::new();
        let mut lines = Vec::new();
        for (line, parts) in table_lines(self.values.get(field)) {
            match parse(&parts) {
                Some(tier) => {
                    tiers.push(tier);
                    lines.push(line);
                }
                None => self.line_problem(field, line, key),
            }
        }
        (tiers, lines)
    }

    fn line_problem(&mut self, field: &str, line: usize, key: &str) {
        let message = format!("{} {line}: {}", self.text("claims.line"), self.text(key));
        self.problem(field, message);
    }

    /// The unit's residents: one number for every day, or one per day from the 1st.
    pub(super) fn residents(
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
    pub(super) fn csv(&mut self, request: &mut ClaimRequest, origins: &mut Origins) {
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

/// The API's tier kind, from it or the Norwegian word.
pub(in crate::routes::claims) fn tier_kind(text: &str) -> String {
    let text = text.trim().to_lowercase();
    match text.as_str() {
        "stykkpris" => "unit_price".to_owned(),
        "beredskap" => "standby".to_owned(),
        "konvertert" | "konverterte" => "converted".to_owned(),
        _ => text,
    }
}
