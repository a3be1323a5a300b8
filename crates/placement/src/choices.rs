//! A planner's choices before re-solving (R-SET-9): pin a household to one municipality, or
//! forbid a pair. Both act on the scores — a forbidden pair loses its score, a pinned household
//! keeps only its pinned municipality's — so the solver and its bound need nothing new. A pinned
//! household may still stay unplaced when its municipality is full.

use mottak_domain::error::Problem;

use crate::error::InvalidInstance;
use crate::request::SolveRequest;

/// `(household id, municipality number)` pairs.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Choices {
    pub pins: Vec<(String, String)>,
    pub forbidden: Vec<(String, String)>,
}

impl SolveRequest {
    /// Applies pins and forbidden pairs; names `pins[i]` / `forbidden[i]` when a household is
    /// unknown, a pinned pair has no score, or a household is pinned twice.
    pub fn with_choices(mut self, choices: &Choices) -> Result<SolveRequest, InvalidInstance> {
        let position = |field: String,
                        id: &str,
                        households: &[crate::request::HouseholdRequest]| {
            households
                .iter()
                .position(|household| household.id == id)
                .ok_or_else(|| {
                    InvalidInstance::malformed(field, Problem::NoHousehold { id: id.to_owned() })
                })
        };
        for (index, (household, municipality)) in choices.forbidden.iter().enumerate() {
            let at = position(format!("forbidden[{index}]"), household, &self.households)?;
            self.households[at]
                .scores
                .retain(|(number, _)| number != municipality);
        }
        let mut pinned: Vec<&str> = Vec::new();
        for (index, (household, municipality)) in choices.pins.iter().enumerate() {
            let field = format!("pins[{index}]");
            if pinned.contains(&household.as_str()) {
                return Err(InvalidInstance::malformed(
                    field,
                    Problem::PinnedTwice {
                        household: household.clone(),
                    },
                ));
            }
            pinned.push(household);
            let at = position(field.clone(), household, &self.households)?;
            let scores = &mut self.households[at].scores;
            scores.retain(|(number, _)| number == municipality);
            if scores.is_empty() {
                return Err(InvalidInstance::malformed(
                    field,
                    Problem::PinnedWithoutScore {
                        household: household.clone(),
                        municipality: municipality.clone(),
                    },
                ));
            }
        }
        Ok(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::request::{HouseholdRequest, MunicipalityRequest};
    use crate::solve_request;

    fn request() -> SolveRequest {
        SolveRequest {
            municipalities: vec![
                MunicipalityRequest {
                    number: "0301".into(),
                    capacity: 2,
                },
                MunicipalityRequest {
                    number: "4601".into(),
                    capacity: 2,
                },
            ],
            households: vec![
                HouseholdRequest {
                    id: "a".into(),
                    size: 2,
                    scores: vec![("0301".into(), 5.0), ("4601".into(), 1.0)],
                },
                HouseholdRequest {
                    id: "b".into(),
                    size: 2,
                    scores: vec![("0301".into(), 4.0), ("4601".into(), 3.0)],
                },
            ],
            time_limit_ms: 1_000,
        }
    }

    fn placed(request: SolveRequest) -> Vec<(String, String)> {
        let mut pairs: Vec<_> = solve_request(request)
            .unwrap()
            .assignments
            .into_iter()
            .map(|a| (a.household, a.municipality))
            .collect();
        pairs.sort();
        pairs
    }

    #[test]
    fn r_set_9_a_pin_moves_the_household_and_the_rest_follows() {
        assert_eq!(
            placed(request()),
            [("a".into(), "0301".into()), ("b".into(), "4601".into())]
        );
        let pinned = request()
            .with_choices(&Choices {
                pins: vec![("a".into(), "4601".into())],
                ..Choices::default()
            })
            .unwrap();
        assert_eq!(
            placed(pinned),
            [("a".into(), "4601".into()), ("b".into(), "0301".into())]
        );
    }

    #[test]
    fn r_set_9_a_forbidden_pair_is_never_chosen() {
        let forbidden = request()
            .with_choices(&Choices {
                forbidden: vec![("a".into(), "0301".into())],
                ..Choices::default()
            })
            .unwrap();
        assert_eq!(
            placed(forbidden),
            [("a".into(), "4601".into()), ("b".into(), "0301".into())]
        );
    }

    #[test]
    fn choices_name_the_entry_at_fault() {
        let unknown = request().with_choices(&Choices {
            pins: vec![("z".into(), "0301".into())],
            ..Choices::default()
        });
        assert_eq!(unknown.unwrap_err().field, "pins[0]");
        let contradictory = request().with_choices(&Choices {
            pins: vec![("a".into(), "0301".into())],
            forbidden: vec![("a".into(), "0301".into())],
        });
        assert_eq!(contradictory.unwrap_err().field, "pins[0]");
        let twice = request().with_choices(&Choices {
            pins: vec![("a".into(), "0301".into()), ("a".into(), "4601".into())],
            ..Choices::default()
        });
        assert_eq!(twice.unwrap_err().field, "pins[1]");
    }
}
