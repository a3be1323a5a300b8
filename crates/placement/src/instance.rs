//! A placement instance that cannot exist invalid: households, municipalities and scores.

use std::collections::HashSet;

use mottak_domain::error::Problem;

use crate::error::InvalidInstance;
use crate::limits::{
    MAX_CAPACITY, MAX_HOUSEHOLD_SIZE, MAX_HOUSEHOLDS, MAX_ID_LENGTH, MAX_MUNICIPALITIES,
    MAX_SCORED_PAIRS,
};

/// A municipality that can receive households, with its remaining decided number (capacity, in
/// persons).
#[derive(Debug, Clone, PartialEq)]
pub struct Municipality {
    /// Municipality number (kommunenummer) or any other unique id.
    pub id: String,
    /// Persons it can still receive.
    pub capacity: u32,
}

/// A waiting household: placed whole or not at all.
#[derive(Debug, Clone, PartialEq)]
pub struct Household {
    /// Unique id of the household.
    pub id: String,
    /// Persons in the household; uses this much of a municipality's capacity.
    pub size: u32,
    /// `(municipality index, score)` for every allowed municipality; a municipality without a
    /// score is forbidden for this household.
    pub scores: Vec<(usize, f64)>,
}

/// A validated instance: ids unique, sizes at least 1, scores finite and naming known
/// municipalities, and within [`crate::limits`]. Each household's scores are sorted by
/// municipality index.
#[derive(Debug, Clone, PartialEq)]
pub struct Instance {
    municipalities: Vec<Municipality>,
    households: Vec<Household>,
}

impl Instance {
    /// Checks the instance and returns it, or the first field at fault.
    ///
    /// Field paths: `municipalities[i].id`, `municipalities[i].capacity`, `households[i].id`,
    /// `households[i].size`, `households[i].scores.<municipality id>` (or
    /// `households[i].scores[j]` for an index that names no municipality), and `municipalities`,
    /// `households` or `households[i].scores` for the size limits.
    pub fn new(
        municipalities: Vec<Municipality>,
        mut households: Vec<Household>,
    ) -> Result<Self, InvalidInstance> {
        check_counts(&municipalities, &households)?;
        check_municipalities(&municipalities)?;
        check_households(&municipalities, &households)?;
        for household in &mut households {
            household
                .scores
                .sort_by_key(|&(municipality, _)| municipality);
        }
        Ok(Self {
            municipalities,
            households,
        })
    }

    /// The municipalities, in the order given.
    pub fn municipalities(&self) -> &[Municipality] {
        &self.municipalities
    }

    /// The households, in the order given.
    pub fn households(&self) -> &[Household] {
        &self.households
    }

    /// The score of placing `household` in `municipality`, or `None` where the pair is forbidden.
    pub fn score(&self, household: usize, municipality: usize) -> Option<f64> {
        let scores = &self.households.get(household)?.scores;
        scores
            .binary_search_by_key(&municipality, |&(m, _)| m)
            .ok()
            .map(|position| scores[position].1)
    }

    /// Number of allowed (scored) household–municipality pairs.
    pub fn scored_pairs(&self) -> usize {
        self.households.iter().map(|h| h.scores.len()).sum()
    }
}

fn check_counts(
    municipalities: &[Municipality],
    households: &[Household],
) -> Result<(), InvalidInstance> {
    if municipalities.len() > MAX_MUNICIPALITIES {
        return Err(InvalidInstance::too_large(
            "municipalities",
            Problem::MaxMunicipalities {
                max: MAX_MUNICIPALITIES as u64,
            },
        ));
    }
    if households.len() > MAX_HOUSEHOLDS {
        return Err(InvalidInstance::too_large(
            "households",
            Problem::MaxHouseholds {
                max: MAX_HOUSEHOLDS as u64,
            },
        ));
    }
    let mut pairs = 0usize;
    for (index, household) in households.iter().enumerate() {
        pairs += household.scores.len();
        if pairs > MAX_SCORED_PAIRS {
            return Err(InvalidInstance::too_large(
                format!("households[{index}].scores"),
                Problem::MaxScores {
                    max: MAX_SCORED_PAIRS as u64,
                },
            ));
        }
    }
    Ok(())
}

fn check_id(field: String, id: &str) -> Result<(), InvalidInstance> {
    if id.is_empty() {
        return Err(InvalidInstance::malformed(field, Problem::Required));
    }
    if id.len() > MAX_ID_LENGTH {
        return Err(InvalidInstance::too_large(
            field,
            Problem::MaxBytes {
                max: MAX_ID_LENGTH as u64,
            },
        ));
    }
    Ok(())
}

fn check_municipalities(municipalities: &[Municipality]) -> Result<(), InvalidInstance> {
    let mut seen = HashSet::with_capacity(municipalities.len());
    for (index, municipality) in municipalities.iter().enumerate() {
        let field = format!("municipalities[{index}].id");
        check_id(field.clone(), &municipality.id)?;
        if !seen.insert(municipality.id.as_str()) {
            return Err(InvalidInstance::malformed(
                field,
                Problem::DuplicateMunicipality {
                    number: municipality.id.clone(),
                },
            ));
        }
        if municipality.capacity > MAX_CAPACITY {
            return Err(InvalidInstance::too_large(
                format!("municipalities[{index}].capacity"),
                Problem::MaxPersons {
                    max: u64::from(MAX_CAPACITY),
                },
            ));
        }
    }
    Ok(())
}

fn check_households(
    municipalities: &[Municipality],
    households: &[Household],
) -> Result<(), InvalidInstance> {
    let mut seen_ids = HashSet::with_capacity(households.len());
    let mut seen_municipalities = vec![usize::MAX; municipalities.len()];
    for (index, household) in households.iter().enumerate() {
        let field = format!("households[{index}].id");
        check_id(field.clone(), &household.id)?;
        if !seen_ids.insert(household.id.as_str()) {
            return Err(InvalidInstance::malformed(
                field,
                Problem::DuplicateHousehold {
                    id: household.id.clone(),
                },
            ));
        }
        if household.size == 0 {
            return Err(InvalidInstance::malformed(
                format!("households[{index}].size"),
                Problem::AtLeastOne,
            ));
        }
        if household.size > MAX_HOUSEHOLD_SIZE {
            return Err(InvalidInstance::too_large(
                format!("households[{index}].size"),
                Problem::MaxPersons {
                    max: u64::from(MAX_HOUSEHOLD_SIZE),
                },
            ));
        }
        for (position, &(municipality, score)) in household.scores.iter().enumerate() {
            let Some(target) = municipalities.get(municipality) else {
                return Err(InvalidInstance::malformed(
                    format!("households[{index}].scores[{position}]"),
                    Problem::UnknownMunicipalityIndex {
                        index: municipality,
                    },
                ));
            };
            let field = format!("households[{index}].scores.{}", target.id);
            if seen_municipalities[municipality] == index {
                return Err(InvalidInstance::malformed(field, Problem::ScoreTwice));
            }
            seen_municipalities[municipality] = index;
            if !score.is_finite() {
                return Err(InvalidInstance::malformed(field, Problem::FiniteNumber));
            }
        }
    }
    Ok(())
}
