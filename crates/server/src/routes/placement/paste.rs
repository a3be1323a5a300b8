//! The placement page's pasted tables: `municipality;capacity`, `household;size;municipality;score`
//! and the planner's pins and forbidden pairs, each bad line an error on its field, in the user's
//! language.

use std::collections::HashMap;

use mottak_domain::error::{FieldError, Problem};
use mottak_placement::{Choices, HouseholdRequest, MunicipalityRequest, SolveRequest};

use super::page::PlacementForm;

/// `municipality;capacity` and `household;size;municipality;score` (headers allowed); every bad
/// line is an error, and so is a municipality the reference data does not have (R-SET-9 names
/// municipalities by number and name).
pub(super) fn from_csv(
    form: &PlacementForm,
    time_limit_ms: i64,
    names: &HashMap<String, String>,
    errors: &mut Vec<FieldError>,
) -> SolveRequest {
    let lines = |text: &str| {
        text.trim_start_matches('\u{feff}')
            .lines()
            .enumerate()
            .map(|(index, line)| (index + 1, line.trim().to_owned()))
            .filter(|(_, line)| !line.is_empty())
            .collect::<Vec<_>>()
    };
    let unknown = |field: &str, line: usize, number: &str| {
        FieldError::coded(
            field,
            Problem::UnknownMunicipalityOnLine {
                line,
                number: number.to_owned(),
            },
        )
    };
    let mut municipalities = Vec::new();
    for (line, text) in lines(&form.capacities) {
        let fields: Vec<&str> = text.split(';').map(str::trim).collect();
        if line == 1 && fields[0].eq_ignore_ascii_case("municipality") {
            continue;
        }
        let Some(capacity) = fields
            .get(1)
            .and_then(|text| text.replace(' ', "").parse::<i64>().ok())
        else {
            errors.push(FieldError::coded(
                "capacities",
                Problem::CapacityLine { line },
            ));
            continue;
        };
        if !names.contains_key(fields[0]) {
            errors.push(unknown("capacities", line, fields[0]));
        }
        municipalities.push(MunicipalityRequest {
            number: fields[0].to_owned(),
            capacity,
        });
    }
    let mut households: Vec<HouseholdRequest> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for (line, text) in lines(&form.scores) {
        let fields: Vec<&str> = text.split(';').map(str::trim).collect();
        if line == 1 && fields[0].eq_ignore_ascii_case("household") {
            continue;
        }
        let parsed = match fields[..] {
            [id, size, municipality, score] => size
                .parse::<i64>()
                .ok()
                .zip(score.replace(',', ".").parse::<f64>().ok())
                .map(|(size, score)| (id, size, municipality, score)),
            _ => None,
        };
        let Some((id, size, municipality, score)) = parsed else {
            errors.push(FieldError::coded("scores", Problem::HouseholdLine { line }));
            continue;
        };
        if !names.contains_key(municipality) {
            errors.push(unknown("scores", line, municipality));
        } else if !municipalities
            .iter()
            .any(|known: &MunicipalityRequest| known.number == municipality)
        {
            errors.push(FieldError::coded(
                "scores",
                Problem::NoCapacityOnLine {
                    line,
                    number: municipality.to_owned(),
                },
            ));
        }
        let position = *index.entry(id.to_owned()).or_insert_with(|| {
            households.push(HouseholdRequest {
                id: id.to_owned(),
                size,
                scores: Vec::new(),
            });
            households.len() - 1
        });
        if households[position].size != size {
            errors.push(FieldError::coded(
                "scores",
                Problem::TwoSizes {
                    line,
                    household: id.to_owned(),
                },
            ));
        }
        households[position]
            .scores
            .push((municipality.to_owned(), score));
    }
    SolveRequest {
        municipalities,
        households,
        time_limit_ms,
    }
}

/// The planner's pins and forbidden pairs, `household;municipality` per line; every bad line
/// is an error.
pub(super) fn choices(form: &PlacementForm, errors: &mut Vec<FieldError>) -> Choices {
    let mut pairs = |field: &str, text: &str| -> Vec<(String, String)> {
        let mut pairs = Vec::new();
        for (index, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            match line.split(';').map(str::trim).collect::<Vec<_>>()[..] {
                [household, municipality] => {
                    pairs.push((household.to_owned(), municipality.to_owned()));
                }
                _ => errors.push(FieldError::coded(
                    field,
                    Problem::PairLine { line: index + 1 },
                )),
            }
        }
        pairs
    };
    Choices {
        pins: pairs("pins", &form.pins),
        forbidden: pairs("forbidden", &form.forbidden),
    }
}
