//! The JSON of SPEC §10 in and out. Ids may be strings or numbers; they come back as they came.

use std::collections::HashMap;

use mottak_placement::{
    Choices, HouseholdRequest, MunicipalityRequest, SolveRequest, SolveResponse,
};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use mottak_domain::error::Problem;

use crate::error::ApiError;

#[derive(Deserialize, utoipa::ToSchema)]
pub struct MunicipalityBody {
    /// The municipality number (a string like "0301", or a number).
    #[schema(value_type = String)]
    pub number: Value,
    /// Persons the municipality can still take (its decided number minus those settled).
    pub capacity: i64,
}

#[derive(Deserialize, utoipa::ToSchema)]
pub struct HouseholdBody {
    #[schema(value_type = String)]
    pub id: Value,
    /// Persons in the household, at least 1; a household is never split.
    pub size: i64,
    /// Score per allowed municipality number; a municipality without a score is not allowed.
    #[schema(value_type = HashMap<String, f64>)]
    pub scores: serde_json::Map<String, Value>,
}

#[derive(Deserialize, utoipa::ToSchema)]
pub struct SolveBody {
    pub municipalities: Vec<MunicipalityBody>,
    pub households: Vec<HouseholdBody>,
    /// A positive whole number of milliseconds (default 5000, at most 120000).
    #[serde(default = "default_time_limit")]
    pub time_limit_ms: i64,
    /// Households to place only in the given municipality (if placed at all).
    #[serde(default)]
    pub pins: Vec<PairBody>,
    /// Household–municipality pairs not to use.
    #[serde(default)]
    pub forbidden: Vec<PairBody>,
}

#[derive(Deserialize, utoipa::ToSchema)]
pub struct PairBody {
    #[schema(value_type = String)]
    pub household: Value,
    #[schema(value_type = String)]
    pub municipality: Value,
}

fn default_time_limit() -> i64 {
    5_000
}

/// The original JSON ids, by the text the solver uses.
pub struct Ids {
    households: HashMap<String, Value>,
    municipalities: HashMap<String, Value>,
}

fn id_text(field: String, value: &Value) -> Result<String, ApiError> {
    match value {
        Value::String(text) => Ok(text.clone()),
        Value::Number(number) if number.is_i64() || number.is_u64() => Ok(number.to_string()),
        _ => Err(ApiError::coded(field, Problem::TextOrWholeNumber)),
    }
}

impl SolveBody {
    pub fn into_request(self) -> Result<(SolveRequest, Ids), ApiError> {
        let mut ids = Ids {
            households: HashMap::new(),
            municipalities: HashMap::new(),
        };
        let mut municipalities = Vec::with_capacity(self.municipalities.len());
        for (index, municipality) in self.municipalities.into_iter().enumerate() {
            let number = id_text(
                format!("municipalities[{index}].number"),
                &municipality.number,
            )?;
            ids.municipalities
                .insert(number.clone(), municipality.number);
            municipalities.push(MunicipalityRequest {
                number,
                capacity: municipality.capacity,
            });
        }
        let mut households = Vec::with_capacity(self.households.len());
        for (index, household) in self.households.into_iter().enumerate() {
            let id = id_text(format!("households[{index}].id"), &household.id)?;
            let mut scores = Vec::with_capacity(household.scores.len());
            for (number, score) in household.scores {
                let value = score
                    .as_f64()
                    .filter(|value| value.is_finite())
                    .ok_or_else(|| {
                        ApiError::coded(
                            format!("households[{index}].scores.{number}"),
                            Problem::FiniteNumber,
                        )
                    })?;
                scores.push((number, value));
            }
            ids.households.insert(id.clone(), household.id);
            households.push(HouseholdRequest {
                id,
                size: household.size,
                scores,
            });
        }
        let pairs = |name: &str, pairs: Vec<PairBody>| -> Result<Vec<(String, String)>, ApiError> {
            pairs
                .into_iter()
                .enumerate()
                .map(|(index, pair)| {
                    Ok((
                        id_text(format!("{name}[{index}].household"), &pair.household)?,
                        id_text(format!("{name}[{index}].municipality"), &pair.municipality)?,
                    ))
                })
                .collect()
        };
        let choices = Choices {
            pins: pairs("pins", self.pins)?,
            forbidden: pairs("forbidden", self.forbidden)?,
        };
        let request = SolveRequest {
            municipalities,
            households,
            time_limit_ms: self.time_limit_ms,
        }
        .with_choices(&choices)
        .map_err(super::refusal)?;
        Ok((request, ids))
    }
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct AssignmentResult {
    #[schema(value_type = String)]
    pub household: Value,
    #[schema(value_type = String)]
    pub municipality: Value,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct SolveResult {
    pub assignments: Vec<AssignmentResult>,
    #[schema(value_type = Vec<String>)]
    pub unassigned: Vec<Value>,
    /// The sum of the chosen pairs' scores.
    pub objective: f64,
    /// A proven upper bound on the best possible objective.
    pub upper_bound: f64,
    /// `(upper_bound − objective) / max(|upper_bound|, 1e-9)`.
    pub gap: f64,
}

impl SolveResult {
    pub fn new(response: SolveResponse, ids: &Ids) -> SolveResult {
        let original = |map: &HashMap<String, Value>, text: String| {
            map.get(&text).cloned().unwrap_or(Value::String(text))
        };
        SolveResult {
            assignments: response
                .assignments
                .into_iter()
                .map(|assignment| AssignmentResult {
                    household: original(&ids.households, assignment.household),
                    municipality: original(&ids.municipalities, assignment.municipality),
                })
                .collect(),
            unassigned: response
                .unassigned
                .into_iter()
                .map(|id| original(&ids.households, id))
                .collect(),
            objective: response.objective,
            upper_bound: response.upper_bound,
            gap: response.gap,
        }
    }
}
