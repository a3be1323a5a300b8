//! The request and response of `POST /api/v1/placement/solve` (SPEC §10) as plain structs.
//!
//! Integers are signed here so that a negative capacity, size or time limit reaches this check
//! and is refused with its field named, rather than failing somewhere in JSON decoding.

use std::collections::HashMap;
use std::time::Duration;

use mottak_domain::error::Problem;

use crate::error::InvalidInstance;
use crate::instance::{Household, Instance, Municipality};
use crate::limits::MAX_TIME_LIMIT_MS;
use crate::solution::{Options, Solution};
use crate::solver::solve;

/// `{number, capacity}`.
#[derive(Debug, Clone, PartialEq)]
pub struct MunicipalityRequest {
    /// Municipality number (kommunenummer).
    pub number: String,
    /// Remaining decided number, in persons.
    pub capacity: i64,
}

/// `{id, size, scores: {MUNICIPALITY_NUMBER: score}}`; the scores map as a list of pairs.
#[derive(Debug, Clone, PartialEq)]
pub struct HouseholdRequest {
    /// Unique household id.
    pub id: String,
    /// Persons; at least 1.
    pub size: i64,
    /// `(municipality number, score)`; a municipality not listed is forbidden.
    pub scores: Vec<(String, f64)>,
}

/// `{municipalities, households, time_limit_ms}`.
#[derive(Debug, Clone, PartialEq)]
pub struct SolveRequest {
    pub municipalities: Vec<MunicipalityRequest>,
    pub households: Vec<HouseholdRequest>,
    /// Positive, at most [`MAX_TIME_LIMIT_MS`].
    pub time_limit_ms: i64,
}

/// `{household, municipality}`: a household id and a municipality number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assignment {
    /// Household id.
    pub household: String,
    /// Municipality number.
    pub municipality: String,
}

/// `{assignments, unassigned, objective, upper_bound, gap}`.
#[derive(Debug, Clone, PartialEq)]
pub struct SolveResponse {
    pub assignments: Vec<Assignment>,
    /// Ids of the households left unplaced.
    pub unassigned: Vec<String>,
    pub objective: f64,
    pub upper_bound: f64,
    pub gap: f64,
}

impl SolveRequest {
    /// Checks the request and turns it into an instance and options, or names the first field
    /// at fault (`time_limit_ms`, `municipalities[i].number`, `municipalities[i].capacity`,
    /// `households[i].id`, `households[i].size`, `households[i].scores.<number>`, …).
    pub fn into_instance(self) -> Result<(Instance, Options), InvalidInstance> {
        let time_limit_ms = u64::try_from(self.time_limit_ms)
            .ok()
            .filter(|&ms| ms > 0)
            .ok_or_else(|| InvalidInstance::malformed("time_limit_ms", Problem::Positive))?;
        if time_limit_ms > MAX_TIME_LIMIT_MS {
            return Err(InvalidInstance::too_large(
                "time_limit_ms",
                Problem::MaxMilliseconds {
                    max: MAX_TIME_LIMIT_MS,
                },
            ));
        }
        let municipalities = municipalities(self.municipalities)?;
        let mut index: HashMap<&str, usize> = HashMap::with_capacity(municipalities.len());
        for (i, municipality) in municipalities.iter().enumerate() {
            if index.insert(municipality.id.as_str(), i).is_some() {
                return Err(InvalidInstance::malformed(
                    format!("municipalities[{i}].number"),
                    Problem::DuplicateMunicipality {
                        number: municipality.id.clone(),
                    },
                ));
            }
        }
        let mut households = Vec::with_capacity(self.households.len());
        for (i, household) in self.households.into_iter().enumerate() {
            let size = u32::try_from(household.size).map_err(|_| {
                InvalidInstance::malformed(format!("households[{i}].size"), Problem::AtLeastOne)
            })?;
            let mut scores = Vec::with_capacity(household.scores.len());
            for (number, score) in household.scores {
                let Some(&municipality) = index.get(number.as_str()) else {
                    return Err(InvalidInstance::malformed(
                        format!("households[{i}].scores.{number}"),
                        Problem::MunicipalityUnknown,
                    ));
                };
                scores.push((municipality, score));
            }
            households.push(Household {
                id: household.id,
                size,
                scores,
            });
        }
        let instance = Instance::new(municipalities, households).map_err(rename_fields)?;
        let options = Options::with_time_limit(Duration::from_millis(time_limit_ms));
        Ok((instance, options))
    }
}

fn municipalities(
    requested: Vec<MunicipalityRequest>,
) -> Result<Vec<Municipality>, InvalidInstance> {
    requested
        .into_iter()
        .enumerate()
        .map(|(i, municipality)| {
            let capacity = u32::try_from(municipality.capacity).map_err(|_| {
                let problem = if municipality.capacity < 0 {
                    Problem::Negative
                } else {
                    Problem::AtMost {
                        max: i64::from(crate::limits::MAX_CAPACITY),
                    }
                };
                InvalidInstance::malformed(format!("municipalities[{i}].capacity"), problem)
            })?;
            Ok(Municipality {
                id: municipality.number,
                capacity,
            })
        })
        .collect()
}

/// The instance calls a municipality's identifier `id`; the API calls it `number`.
fn rename_fields(mut error: InvalidInstance) -> InvalidInstance {
    if error.field.starts_with("municipalities[") && error.field.ends_with("].id") {
        error.field = format!("{}number", error.field.trim_end_matches("id"));
    }
    error
}

impl SolveResponse {
    /// The solution in the API's terms: ids and numbers instead of indices.
    pub fn new(instance: &Instance, solution: &Solution) -> Self {
        let households = instance.households();
        let municipalities = instance.municipalities();
        Self {
            assignments: solution
                .assignments
                .iter()
                .map(|&(household, municipality)| Assignment {
                    household: households[household].id.clone(),
                    municipality: municipalities[municipality].id.clone(),
                })
                .collect(),
            unassigned: solution
                .unassigned
                .iter()
                .map(|&household| households[household].id.clone())
                .collect(),
            objective: solution.objective,
            upper_bound: solution.upper_bound,
            gap: solution.gap,
        }
    }
}

/// Checks, solves and answers a request in one call.
pub fn solve_request(request: SolveRequest) -> Result<SolveResponse, InvalidInstance> {
    let (instance, options) = request.into_instance()?;
    let solution = solve(&instance, options);
    Ok(SolveResponse::new(&instance, &solution))
}
