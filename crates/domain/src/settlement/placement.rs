//! Placement from stored data (R-SET-9): which households wait, how many persons each
//! municipality can still be offered, and the scores of household–municipality pairs. The server
//! loads the facts, the solver (`mottak_placement`) proposes, a person sends the offers.

use std::collections::BTreeMap;

use crate::error::{FieldError, FieldErrors, Problem};

use crate::settlement::offers::{OfferStatus, remaining_room};

/// A resident as the waiting list needs them.
#[derive(Clone, Debug, PartialEq)]
pub struct ResidentFacts {
    pub id: i64,
    /// The key the household's members share (SPEC §10 residents).
    pub household: String,
    /// Has a settlement date (R-SET-5).
    pub settled: bool,
    /// From the person folder (R-SET-6 lets an offer show them).
    pub languages: Vec<String>,
    /// The folder's network ties, free text.
    pub network: String,
}

/// A household waiting for an offer.
#[derive(Clone, Debug, PartialEq)]
pub struct WaitingHousehold {
    pub key: String,
    pub resident_ids: Vec<i64>,
    /// Every member's languages, each once, in order of first appearance.
    pub languages: Vec<String>,
    /// The members' network texts, non-empty ones.
    pub networks: Vec<String>,
}

impl WaitingHousehold {
    pub fn size(&self) -> i64 {
        i64::try_from(self.resident_ids.len()).unwrap_or(i64::MAX)
    }
}

/// R-SET-9: a household waits when none of its members is settled and no offer naming it holds
/// room (open or accepted, R-SET-3: declined and expired offers free it, so the household
/// waits again). `offers` are `(household key, status today)` of every year, as the offer
/// creation checks the household's offers of every year. Sorted by key.
pub fn waiting_households(
    residents: &[ResidentFacts],
    offers: &[(String, OfferStatus)],
) -> Vec<WaitingHousehold> {
    let mut households: BTreeMap<&str, (WaitingHousehold, bool)> = BTreeMap::new();
    for resident in residents {
        let (household, settled) = households
            .entry(resident.household.as_str())
            .or_insert_with(|| {
                (
                    WaitingHousehold {
                        key: resident.household.clone(),
                        resident_ids: Vec::new(),
                        languages: Vec::new(),
                        networks: Vec::new(),
                    },
                    false,
                )
            });
        *settled |= resident.settled;
        household.resident_ids.push(resident.id);
        for language in &resident.languages {
            if !household.languages.contains(language) {
                household.languages.push(language.clone());
            }
        }
        if !resident.network.trim().is_empty() {
            household.networks.push(resident.network.clone());
        }
    }
    for (key, status) in offers {
        if status.holds_room()
            && let Some((_, held)) = households.get_mut(key.as_str())
        {
            *held = true;
        }
    }
    households
        .into_values()
        .filter(|(_, excluded)| !excluded)
        .map(|(household, _)| household)
        .collect()
}

/// R-SET-9 with R-SET-3's rule: per municipality with an approved decision, its persons minus the
/// persons of that year's open and accepted offers ([`remaining_room`], as the offer creation
/// checks it). `decisions` are `(municipality, persons)` of approved decisions, `offers`
/// `(municipality, persons, status today)` of the year. Never below zero here: a municipality
/// whose decision was lowered under its offers can take nobody.
pub fn remaining_numbers(
    decisions: &[(String, i64)],
    offers: &[(String, i64, OfferStatus)],
) -> BTreeMap<String, i64> {
    decisions
        .iter()
        .map(|(municipality, persons)| {
            let held: Vec<(i64, OfferStatus)> = offers
                .iter()
                .filter(|(number, _, _)| number == municipality)
                .map(|(_, persons, status)| (*persons, *status))
                .collect();
            (municipality.clone(), remaining_room(*persons, &held).max(0))
        })
        .collect()
}

/// What the computed scores know of a municipality: its name (network ties name it), the
/// languages it serves (interpreters, teachers) and its services (hard needs).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MunicipalityFacts {
    pub number: String,
    pub name: String,
    pub languages: Vec<String>,
    pub services: Vec<String>,
}

/// The stated criteria: every allowed pair scores `base`, plus `network` when a member's network
/// ties name the municipality (by name or number), plus `language` when the municipality serves
/// a language a member speaks. A household's hard needs (`needs`) exclude every municipality
/// that does not list each of them among its services.
#[derive(Clone, Debug, PartialEq)]
pub struct Criteria {
    pub base: f64,
    pub network: f64,
    pub language: f64,
}

impl Default for Criteria {
    fn default() -> Criteria {
        Criteria {
            base: 1.0,
            network: 2.0,
            language: 1.0,
        }
    }
}

/// R-SET-9: the pair's score under `criteria`, or `None` when a hard need excludes it.
pub fn criteria_score(
    household: &WaitingHousehold,
    needs: &[String],
    municipality: &MunicipalityFacts,
    criteria: &Criteria,
) -> Option<f64> {
    let served = |need: &String| {
        municipality
            .services
            .iter()
            .any(|service| service.eq_ignore_ascii_case(need))
    };
    if !needs.iter().all(served) {
        return None;
    }
    let mut score = criteria.base;
    if household
        .networks
        .iter()
        .any(|network| names(network, municipality))
    {
        score += criteria.network;
    }
    if household.languages.iter().any(|language| {
        municipality
            .languages
            .iter()
            .any(|served| served.eq_ignore_ascii_case(language))
    }) {
        score += criteria.language;
    }
    Some(score)
}

/// Whether a network text names the municipality: its number, or its name as a whole word
/// (case-insensitive; "Bergen" in "bror i Bergen", not in "Bergenhus").
fn names(network: &str, municipality: &MunicipalityFacts) -> bool {
    let words: Vec<String> = network
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|word| !word.is_empty())
        .map(str::to_lowercase)
        .collect();
    let name = municipality.name.to_lowercase();
    let name_words: Vec<&str> = name.split_whitespace().collect();
    words.contains(&municipality.number)
        || (!name_words.is_empty()
            && words
                .windows(name_words.len())
                .any(|window| window.iter().zip(&name_words).all(|(a, b)| a == b)))
}

/// One `household;municipality;score` line of a score table.
#[derive(Clone, Debug, PartialEq)]
pub struct ScoreLine {
    pub household: String,
    pub municipality: String,
    pub score: f64,
}

/// Parses `household;municipality;score` lines (a header line allowed, decimal comma or point).
/// Every bad line is an error on `field` naming the line.
pub fn parse_score_lines(field: &str, text: &str) -> Result<Vec<ScoreLine>, Vec<FieldError>> {
    let mut errors = FieldErrors::default();
    let mut lines = Vec::new();
    for (number, line) in numbered_lines(text) {
        let parts: Vec<&str> = line.split(';').map(str::trim).collect();
        if number == 1 && parts[0].eq_ignore_ascii_case("household") {
            continue;
        }
        let score = match parts[..] {
            [household, municipality, score] if !household.is_empty() => score
                .replace(',', ".")
                .parse::<f64>()
                .ok()
                .filter(|score| score.is_finite())
                .map(|score| ScoreLine {
                    household: household.to_owned(),
                    municipality: municipality.to_owned(),
                    score,
                }),
            _ => None,
        };
        match score {
            Some(score) => lines.push(score),
            None => errors.push(FieldError::coded(
                field,
                Problem::ScoreLine { line: number },
            )),
        }
    }
    errors.into_result(|| lines)
}

/// Parses `key;value,value` lines (needs of households, services or languages of
/// municipalities) into a map; every bad line is an error on `field` naming the line.
pub fn parse_lists(
    field: &str,
    text: &str,
) -> Result<BTreeMap<String, Vec<String>>, Vec<FieldError>> {
    let mut errors = FieldErrors::default();
    let mut map: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (number, line) in numbered_lines(text) {
        match line.split_once(';') {
            Some((key, values)) if !key.trim().is_empty() => {
                let entry = map.entry(key.trim().to_owned()).or_default();
                entry.extend(
                    values
                        .split(',')
                        .map(str::trim)
                        .filter(|value| !value.is_empty())
                        .map(str::to_owned),
                );
            }
            _ => errors.push(FieldError::coded(field, Problem::ListLine { line: number })),
        }
    }
    errors.into_result(|| map)
}

fn numbered_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.trim_start_matches('\u{feff}')
        .lines()
        .enumerate()
        .map(|(index, line)| (index + 1, line.trim()))
        .filter(|(_, line)| !line.is_empty())
}

#[cfg(test)]
#[path = "placement_tests.rs"]
mod tests;
