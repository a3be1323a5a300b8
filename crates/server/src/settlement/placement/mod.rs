//! R-SET-9: a placement proposal from stored data. The waiting households
//! (`domain::settlement::placement::waiting_households`), the municipalities' remaining decided
//! numbers for the year (R-SET-3's rule, `remaining_numbers`) and the scores (a table, or the
//! stated criteria) become a `SolveRequest` for the solver; the proposal stays a proposal until
//! a person sends the offers (`send`), each through `offers::create_offer`.

mod input;
pub mod send;

use std::collections::{BTreeMap, HashMap};

use mottak_domain::dates::parse_date;
use mottak_domain::error::{FieldError, Problem};
use mottak_domain::settlement::OfferStatus;
use mottak_domain::settlement::placement::{
    Criteria, MunicipalityFacts, ResidentFacts, ScoreLine, WaitingHousehold, criteria_score,
    remaining_numbers, waiting_households,
};
use mottak_placement::{HouseholdRequest, MunicipalityRequest, SolveRequest, SolveResponse};
use mottak_store::Store;
use mottak_store::events::{EventDomain, NewEvent};

use crate::auth::Caller;
use crate::error::{ApiError, ApiResult};
use crate::occupancy::today;

pub use input::{
    AssignmentView, CriteriaInput, MunicipalityView, ProposalInput, ProposalView, ScoreInput,
    UnassignedView,
};

/// A municipality with an approved decision for the year and what is left of it.
#[derive(Clone, Debug)]
pub struct Remaining {
    pub number: String,
    pub name: String,
    pub remaining: i64,
}

/// What a proposal starts from.
pub struct PlacementFacts {
    pub year: i64,
    pub households: Vec<WaitingHousehold>,
    pub municipalities: Vec<Remaining>,
    /// Every municipality of the reference data today, number → name.
    pub names: HashMap<String, String>,
}

fn status_today(answer: &str, deadline: &str) -> OfferStatus {
    parse_date(deadline).map_or(OfferStatus::Expired, |deadline| {
        OfferStatus::on(answer, deadline, today())
    })
}

/// Loads the waiting households and the remaining numbers of `year` (four queries).
pub async fn facts(store: &Store, year: i64) -> ApiResult<PlacementFacts> {
    let residents: Vec<ResidentFacts> = store
        .placement_residents()
        .await?
        .into_iter()
        .map(|row| ResidentFacts {
            id: row.id,
            household: row.household,
            settled: row.settled != 0,
            languages: row
                .languages
                .and_then(|stored| serde_json::from_str(&stored).ok())
                .unwrap_or_default(),
            network: row.network.unwrap_or_default(),
        })
        .collect();
    let held: Vec<(String, OfferStatus)> = store
        .household_offers()
        .await?
        .into_iter()
        .map(|row| {
            let status = status_today(&row.answer, &row.deadline);
            (row.household, status)
        })
        .collect();
    let households = waiting_households(&residents, &held);
    let decisions: Vec<(String, i64)> = store
        .settlement_decisions(year, None)
        .await?
        .into_iter()
        .filter(|decision| decision.is_approved())
        .map(|decision| {
            (
                decision.numbers.municipality_number,
                decision.numbers.persons,
            )
        })
        .collect();
    let offers: Vec<(String, i64, OfferStatus)> = store
        .settlement_offers(year, None)
        .await?
        .into_iter()
        .map(|offer| {
            let status = status_today(&offer.answer, &offer.deadline);
            (offer.municipality_number, offer.persons, status)
        })
        .collect();
    let names: HashMap<String, String> = store
        .municipalities(&today().to_string())
        .await?
        .into_iter()
        .map(|municipality| (municipality.number, municipality.name))
        .collect();
    let municipalities = remaining_numbers(&decisions, &offers)
        .into_iter()
        .map(|(number, remaining)| Remaining {
            name: names.get(&number).cloned().unwrap_or_default(),
            number,
            remaining,
        })
        .collect();
    Ok(PlacementFacts {
        year,
        households,
        municipalities,
        names,
    })
}

/// Where the scores come from.
pub enum Scores {
    /// `household;municipality;score` rows, entered or imported; `fields[i]` names row i's
    /// field for errors (`scores[3]` in the API, the text area in the page).
    Table {
        lines: Vec<ScoreLine>,
        fields: Vec<String>,
    },
    /// The stated criteria with the households' hard needs and the municipalities' services
    /// and languages, each by key.
    Criteria {
        criteria: Criteria,
        needs: BTreeMap<String, Vec<String>>,
        services: BTreeMap<String, Vec<String>>,
        languages: BTreeMap<String, Vec<String>>,
    },
}

/// The solver's instance, or every invalid row: an unknown municipality, one without an
/// approved decision, a household that does not wait; nothing to place is an error too.
pub fn build_request(
    facts: &PlacementFacts,
    scores: &Scores,
    time_limit_ms: i64,
) -> Result<SolveRequest, Vec<FieldError>> {
    let capacity: HashMap<&str, i64> = facts
        .municipalities
        .iter()
        .map(|municipality| (municipality.number.as_str(), municipality.remaining))
        .collect();
    let mut households: Vec<HouseholdRequest> = facts
        .households
        .iter()
        .map(|household| HouseholdRequest {
            id: household.key.clone(),
            size: household.size(),
            scores: Vec::new(),
        })
        .collect();
    let index: HashMap<&str, usize> = facts
        .households
        .iter()
        .enumerate()
        .map(|(position, household)| (household.key.as_str(), position))
        .collect();
    let mut errors = Vec::new();
    match scores {
        Scores::Table { lines, fields } => {
            for (row, line) in lines.iter().enumerate() {
                let field = fields.get(row).cloned().unwrap_or_else(|| "scores".into());
                let number = line.municipality.as_str();
                if !facts.names.contains_key(number) {
                    errors.push(FieldError::coded(
                        leaf(&field, "municipality_number"),
                        Problem::UnknownMunicipalityNumber {
                            number: number.to_owned(),
                        },
                    ));
                } else if !capacity.contains_key(number) {
                    errors.push(FieldError::coded(
                        leaf(&field, "municipality_number"),
                        Problem::NoApprovedDecision {
                            number: number.to_owned(),
                            year: facts.year,
                        },
                    ));
                }
                match index.get(line.household.as_str()) {
                    Some(&position) => households[position]
                        .scores
                        .push((number.to_owned(), line.score)),
                    None => errors.push(FieldError::coded(
                        leaf(&field, "household"),
                        Problem::NotWaiting {
                            key: line.household.clone(),
                        },
                    )),
                }
            }
            // Only households the table scores take part.
            households.retain(|household| !household.scores.is_empty());
        }
        Scores::Criteria {
            criteria,
            needs,
            services,
            languages,
        } => {
            let municipalities: Vec<MunicipalityFacts> = facts
                .municipalities
                .iter()
                .map(|municipality| MunicipalityFacts {
                    number: municipality.number.clone(),
                    name: municipality.name.clone(),
                    languages: languages
                        .get(&municipality.number)
                        .cloned()
                        .unwrap_or_default(),
                    services: services
                        .get(&municipality.number)
                        .cloned()
                        .unwrap_or_default(),
                })
                .collect();
            for (field, keys) in [("services", services), ("languages", languages)] {
                for number in keys
                    .keys()
                    .filter(|number| !facts.names.contains_key(*number))
                {
                    errors.push(FieldError::coded(
                        field,
                        Problem::UnknownMunicipalityNumber {
                            number: number.clone(),
                        },
                    ));
                }
            }
            for key in needs.keys().filter(|key| !index.contains_key(key.as_str())) {
                errors.push(FieldError::coded(
                    "needs",
                    Problem::NotWaiting { key: key.clone() },
                ));
            }
            for (household, request) in facts.households.iter().zip(&mut households) {
                let hard = needs.get(&household.key).map_or(&[][..], Vec::as_slice);
                request.scores = municipalities
                    .iter()
                    .filter_map(|municipality| {
                        criteria_score(household, hard, municipality, criteria)
                            .map(|score| (municipality.number.clone(), score))
                    })
                    .collect();
            }
        }
    }
    if errors.is_empty() && (households.is_empty() || capacity.is_empty()) {
        errors.push(FieldError::coded(
            match scores {
                Scores::Table { .. } => "scores",
                Scores::Criteria { .. } => "year",
            },
            Problem::NothingToPlace,
        ));
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(SolveRequest {
        municipalities: facts
            .municipalities
            .iter()
            .map(|municipality| MunicipalityRequest {
                number: municipality.number.clone(),
                capacity: municipality.remaining,
            })
            .collect(),
        households,
        time_limit_ms,
    })
}

/// A row's field: the API's `scores[3].household`; the page's text area as it is.
fn leaf(field: &str, name: &str) -> String {
    if field.ends_with(']') {
        format!("{field}.{name}")
    } else {
        field.to_owned()
    }
}

/// R-SET-9: loads, scores, solves; reading the folders' languages and network ties is a read of
/// personal data, so the proposal is an event (counts only).
pub async fn propose(
    store: &Store,
    caller: &Caller,
    year: i64,
    scores: &Scores,
    time_limit_ms: i64,
) -> ApiResult<(PlacementFacts, SolveRequest, SolveResponse)> {
    let facts = facts(store, year).await?;
    let request = build_request(&facts, scores, time_limit_ms).map_err(ApiError::invalid_fields)?;
    let response = crate::routes::placement::run_solver(request.clone()).await?;
    let mut tx = store.begin_write().await?;
    tx.record(
        NewEvent::new(
            &caller.actor(),
            EventDomain::Settlement,
            "settlement_placement.proposed",
            "settlement_placement",
            year,
        )
        .summary(serde_json::json!({
            "year": year,
            "households": request.households.len(),
            "municipalities": request.municipalities.len(),
            "assigned": response.assignments.len(),
        })),
    )
    .await?;
    tx.commit().await?;
    Ok((facts, request, response))
}
