//! Malformed or oversized input is refused with the offending field named.

use mottak_placement::{
    Household, HouseholdRequest, Instance, InvalidInstance, InvalidInstanceKind, Municipality,
    MunicipalityRequest, SolveRequest, limits, solve_request,
};

fn municipality(id: &str, capacity: u32) -> Municipality {
    Municipality {
        id: id.into(),
        capacity,
    }
}

fn household(id: &str, size: u32, scores: Vec<(usize, f64)>) -> Household {
    Household {
        id: id.into(),
        size,
        scores,
    }
}

fn refused(result: Result<Instance, InvalidInstance>) -> (String, InvalidInstanceKind) {
    let error = result.expect_err("refused");
    (error.field, error.kind)
}

fn request() -> SolveRequest {
    SolveRequest {
        municipalities: vec![
            MunicipalityRequest {
                number: "0301".into(),
                capacity: 4,
            },
            MunicipalityRequest {
                number: "4601".into(),
                capacity: 3,
            },
        ],
        households: vec![
            HouseholdRequest {
                id: "a".into(),
                size: 2,
                scores: vec![("0301".into(), 1.5), ("4601".into(), 2.0)],
            },
            HouseholdRequest {
                id: "b".into(),
                size: 3,
                scores: vec![("4601".into(), 3.0)],
            },
        ],
        time_limit_ms: 1000,
    }
}

fn request_field(request: SolveRequest) -> String {
    request.into_instance().expect_err("refused").field
}

#[test]
fn refuses_a_household_of_size_zero() {
    let result = Instance::new(
        vec![municipality("0301", 3)],
        vec![household("a", 1, vec![]), household("b", 0, vec![])],
    );

    assert_eq!(
        refused(result),
        ("households[1].size".into(), InvalidInstanceKind::Malformed)
    );
}

#[test]
fn refuses_duplicate_household_ids() {
    let result = Instance::new(
        vec![municipality("0301", 3)],
        vec![household("a", 1, vec![]), household("a", 2, vec![])],
    );

    assert_eq!(refused(result).0, "households[1].id");
}

#[test]
fn refuses_duplicate_municipality_ids() {
    let result = Instance::new(
        vec![municipality("0301", 3), municipality("0301", 4)],
        vec![],
    );

    assert_eq!(refused(result).0, "municipalities[1].id");
}

#[test]
fn refuses_a_score_that_is_not_a_finite_number() {
    for score in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
        let result = Instance::new(
            vec![municipality("0301", 3)],
            vec![household("a", 1, vec![(0, score)])],
        );

        assert_eq!(refused(result).0, "households[0].scores.0301");
    }
}

#[test]
fn refuses_a_score_for_an_unknown_municipality() {
    let result = Instance::new(
        vec![municipality("0301", 3)],
        vec![household("a", 1, vec![(0, 1.0), (5, 1.0)])],
    );

    assert_eq!(refused(result).0, "households[0].scores[1]");
}

#[test]
fn refuses_two_scores_for_the_same_municipality() {
    let result = Instance::new(
        vec![municipality("0301", 3)],
        vec![household("a", 1, vec![(0, 1.0), (0, 2.0)])],
    );

    assert_eq!(refused(result).0, "households[0].scores.0301");
}

#[test]
fn refuses_instances_past_the_size_limits() {
    let households: Vec<Household> = (0..=limits::MAX_HOUSEHOLDS)
        .map(|h| household(&format!("h{h}"), 1, vec![]))
        .collect();

    let result = Instance::new(vec![municipality("0301", 3)], households);

    assert_eq!(
        refused(result),
        ("households".into(), InvalidInstanceKind::TooLarge)
    );
    let big = Instance::new(
        vec![municipality("0301", 3)],
        vec![household("a", limits::MAX_HOUSEHOLD_SIZE + 1, vec![])],
    );
    assert_eq!(
        refused(big),
        ("households[0].size".into(), InvalidInstanceKind::TooLarge)
    );
}

#[test]
fn request_names_a_negative_capacity() {
    let mut bad = request();
    bad.municipalities[1].capacity = -1;

    assert_eq!(request_field(bad), "municipalities[1].capacity");
}

#[test]
fn request_names_a_size_that_is_zero_or_negative() {
    for size in [0, -2] {
        let mut bad = request();
        bad.households[1].size = size;

        assert_eq!(request_field(bad), "households[1].size");
    }
}

#[test]
fn request_names_a_duplicate_municipality_number() {
    let mut bad = request();
    bad.municipalities[1].number = "0301".into();

    assert_eq!(request_field(bad), "municipalities[1].number");
}

#[test]
fn request_names_a_duplicate_household_id() {
    let mut bad = request();
    bad.households[1].id = "a".into();

    assert_eq!(request_field(bad), "households[1].id");
}

#[test]
fn request_names_an_unknown_municipality_in_scores() {
    let mut bad = request();
    bad.households[0].scores.push(("9999".into(), 1.0));

    assert_eq!(request_field(bad), "households[0].scores.9999");
}

#[test]
fn request_names_a_score_that_is_not_finite() {
    let mut bad = request();
    bad.households[1].scores[0].1 = f64::NAN;

    assert_eq!(request_field(bad), "households[1].scores.4601");
}

#[test]
fn request_names_a_time_limit_that_is_not_positive_or_too_long() {
    for limit in [0, -5] {
        let mut bad = request();
        bad.time_limit_ms = limit;

        assert_eq!(request_field(bad), "time_limit_ms");
    }
    let mut long = request();
    long.time_limit_ms = limits::MAX_TIME_LIMIT_MS as i64 + 1;
    let error = long.into_instance().expect_err("refused");
    assert_eq!(
        (error.field.as_str(), error.kind),
        ("time_limit_ms", InvalidInstanceKind::TooLarge)
    );
}

#[test]
fn request_is_answered_in_ids_and_numbers() {
    let response = solve_request(request()).expect("valid");

    // a (2 persons) and b (3 persons) cannot both go to 4601 (capacity 3): b takes it.
    assert_eq!(response.assignments.len(), 2);
    assert_eq!(response.assignments[0].household, "a");
    assert_eq!(response.assignments[0].municipality, "0301");
    assert_eq!(response.assignments[1].household, "b");
    assert_eq!(response.assignments[1].municipality, "4601");
    assert!(response.unassigned.is_empty());
    assert_eq!(response.objective, 4.5);
    assert!(response.upper_bound >= 4.5 && response.gap <= 1e-8);
}
