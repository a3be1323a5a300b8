//! The JSON of `POST /api/v1/settlement/placement/proposal`: what the caller states, and the
//! proposal as it is shown (households by key and size, municipalities by number and name).

use std::collections::{BTreeMap, HashMap};

use mottak_domain::settlement::placement::{Criteria, ScoreLine};
use mottak_placement::{SolveRequest, SolveResponse};
use serde::{Deserialize, Serialize};

use super::{PlacementFacts, Scores};

/// One scored pair; a pair not listed is not allowed.
#[derive(Clone, Debug, Deserialize, Serialize, utoipa::ToSchema)]
pub struct ScoreInput {
    /// A waiting household's key.
    pub household: String,
    pub municipality_number: String,
    pub score: f64,
}

/// The stated criteria (R-SET-9): every pair scores `base`, plus `network` when a member's
/// network ties in the person folder name the municipality, plus `language` when the
/// municipality serves a language a member speaks. `needs` (household key → needs) are hard: a
/// municipality that does not list each need among its `services` is excluded.
#[derive(Clone, Debug, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct CriteriaInput {
    /// Default 1.
    pub base: Option<f64>,
    /// Default 2.
    pub network: Option<f64>,
    /// Default 1.
    pub language: Option<f64>,
    pub needs: BTreeMap<String, Vec<String>>,
    /// Municipality number → services.
    pub services: BTreeMap<String, Vec<String>>,
    /// Municipality number → languages it serves.
    pub languages: BTreeMap<String, Vec<String>>,
}

#[derive(Clone, Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct ProposalInput {
    /// Defaults to the current year.
    pub year: Option<i64>,
    /// Default 5000, at most 120000.
    pub time_limit_ms: Option<i64>,
    /// Scores as a table; when absent, the `criteria` (or their defaults) score every pair.
    pub scores: Option<Vec<ScoreInput>>,
    pub criteria: Option<CriteriaInput>,
}

impl ProposalInput {
    pub fn scores(&self) -> Scores {
        match &self.scores {
            Some(rows) => Scores::Table {
                lines: rows
                    .iter()
                    .map(|row| ScoreLine {
                        household: row.household.trim().to_owned(),
                        municipality: row.municipality_number.trim().to_owned(),
                        score: row.score,
                    })
                    .collect(),
                fields: (0..rows.len())
                    .map(|row| format!("scores[{row}]"))
                    .collect(),
            },
            None => {
                let stated = self.criteria.clone().unwrap_or_default();
                let defaults = Criteria::default();
                Scores::Criteria {
                    criteria: Criteria {
                        base: stated.base.unwrap_or(defaults.base),
                        network: stated.network.unwrap_or(defaults.network),
                        language: stated.language.unwrap_or(defaults.language),
                    },
                    needs: stated.needs,
                    services: stated.services,
                    languages: stated.languages,
                }
            }
        }
    }
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct AssignmentView {
    pub household: String,
    /// Persons in the household.
    pub size: i64,
    pub municipality_number: String,
    pub municipality_name: String,
    pub score: f64,
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct UnassignedView {
    pub household: String,
    pub size: i64,
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct MunicipalityView {
    pub number: String,
    pub name: String,
    /// Decided persons minus the persons of open and accepted offers (R-SET-3).
    pub remaining: i64,
    /// Persons this proposal places there.
    pub proposed: i64,
}

/// A proposal: nothing is offered until a person sends it.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct ProposalView {
    pub year: i64,
    pub objective: f64,
    /// A proven upper bound on the best possible objective.
    pub upper_bound: f64,
    pub gap: f64,
    pub assignments: Vec<AssignmentView>,
    pub unassigned: Vec<UnassignedView>,
    pub municipalities: Vec<MunicipalityView>,
}

impl ProposalView {
    pub fn new(
        facts: &PlacementFacts,
        request: &SolveRequest,
        response: &SolveResponse,
    ) -> ProposalView {
        let households: HashMap<&str, _> = request
            .households
            .iter()
            .map(|household| (household.id.as_str(), household))
            .collect();
        let size = |key: &str| households.get(key).map_or(0, |household| household.size);
        let assignments: Vec<AssignmentView> = response
            .assignments
            .iter()
            .map(|assignment| AssignmentView {
                household: assignment.household.clone(),
                size: size(&assignment.household),
                municipality_name: facts
                    .names
                    .get(&assignment.municipality)
                    .cloned()
                    .unwrap_or_default(),
                score: households
                    .get(assignment.household.as_str())
                    .and_then(|household| {
                        household
                            .scores
                            .iter()
                            .find(|(number, _)| *number == assignment.municipality)
                    })
                    .map_or(0.0, |(_, score)| *score),
                municipality_number: assignment.municipality.clone(),
            })
            .collect();
        let municipalities = facts
            .municipalities
            .iter()
            .map(|municipality| MunicipalityView {
                number: municipality.number.clone(),
                name: municipality.name.clone(),
                remaining: municipality.remaining,
                proposed: assignments
                    .iter()
                    .filter(|assignment| assignment.municipality_number == municipality.number)
                    .map(|assignment| assignment.size)
                    .sum(),
            })
            .collect();
        ProposalView {
            year: facts.year,
            objective: response.objective,
            upper_bound: response.upper_bound,
            gap: response.gap,
            unassigned: response
                .unassigned
                .iter()
                .map(|key| UnassignedView {
                    household: key.clone(),
                    size: size(key),
                })
                .collect(),
            assignments,
            municipalities,
        }
    }
}
