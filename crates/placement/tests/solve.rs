//! The solver against brute force, and its promises: feasibility, bound, determinism, time.

mod common;

use std::time::{Duration, Instant};

use common::{Rng, assert_feasible, brute_force, random_instance};
use mottak_placement::{
    Household, Instance, Municipality, Options, StopReason, greedy, relative_gap, solve,
};

fn quick() -> Options {
    Options::with_time_limit(Duration::from_secs(5))
}

#[test]
fn finds_the_optimum_of_small_random_instances() {
    let mut rng = Rng::new(9);
    for _ in 0..150 {
        let households = 1 + rng.below(7) as usize;
        let municipalities = 1 + rng.below(3) as usize;
        let instance = random_instance(&mut rng, households, municipalities);
        let optimum = brute_force(&instance);

        let solution = solve(&instance, quick());

        assert_feasible(&instance, &solution);
        assert!(
            (solution.objective - optimum).abs() <= 1e-9 * optimum.abs().max(1.0),
            "objective {} but optimum {optimum}",
            solution.objective
        );
        assert!(solution.upper_bound >= optimum - 1e-12);
    }
}

#[test]
fn reports_the_gap_of_spec_section_10() {
    let mut rng = Rng::new(4);
    let instance = random_instance(&mut rng, 40, 6);

    let solution = solve(&instance, quick());

    assert_feasible(&instance, &solution);
    assert!(solution.upper_bound >= solution.objective);
    assert_eq!(
        solution.gap,
        (solution.upper_bound - solution.objective) / solution.upper_bound.abs().max(1e-9)
    );
    assert_eq!(
        solution.gap,
        relative_gap(solution.objective, solution.upper_bound)
    );
}

#[test]
fn never_uses_a_pair_without_a_score() {
    let municipalities = vec![
        Municipality {
            id: "0301".into(),
            capacity: 10,
        },
        Municipality {
            id: "4601".into(),
            capacity: 10,
        },
    ];
    let households = vec![
        Household {
            id: "only-bergen".into(),
            size: 2,
            scores: vec![(1, 1.0)],
        },
        Household {
            id: "nowhere".into(),
            size: 1,
            scores: vec![],
        },
    ];
    let instance = Instance::new(municipalities, households).unwrap();

    let solution = solve(&instance, quick());

    assert_eq!(solution.assignments, vec![(0, 1)]);
    assert_eq!(solution.unassigned, vec![1]);
    assert_eq!(solution.objective, 1.0);
    // The bound carries a relative safety margin of about 1e-9 against rounding.
    assert!(solution.gap <= 1e-8);
}

#[test]
fn never_splits_a_household_or_exceeds_a_capacity() {
    // The family of five fits nowhere whole; the two singles fill Oslo.
    let municipalities = vec![
        Municipality {
            id: "0301".into(),
            capacity: 2,
        },
        Municipality {
            id: "4601".into(),
            capacity: 4,
        },
    ];
    let households = vec![
        Household {
            id: "family".into(),
            size: 5,
            scores: vec![(0, 50.0), (1, 50.0)],
        },
        Household {
            id: "single-a".into(),
            size: 1,
            scores: vec![(0, 1.0)],
        },
        Household {
            id: "single-b".into(),
            size: 1,
            scores: vec![(0, 1.0)],
        },
    ];
    let instance = Instance::new(municipalities, households).unwrap();

    let solution = solve(&instance, quick());

    assert_feasible(&instance, &solution);
    assert_eq!(solution.assignments, vec![(1, 0), (2, 0)]);
    assert_eq!(solution.unassigned, vec![0]);
    assert!((2.0..=2.0 + 1e-8).contains(&solution.upper_bound));
}

#[test]
fn leaves_households_with_only_negative_scores_unplaced() {
    let municipalities = vec![Municipality {
        id: "0301".into(),
        capacity: 5,
    }];
    let households = vec![Household {
        id: "h".into(),
        size: 1,
        scores: vec![(0, -3.0)],
    }];
    let instance = Instance::new(municipalities, households).unwrap();

    let solution = solve(&instance, quick());

    assert!(solution.assignments.is_empty());
    assert_eq!(solution.objective, 0.0);
    assert_eq!(solution.upper_bound, 0.0);
    assert_eq!(solution.gap, 0.0);
    assert_eq!(solution.stop_reason, StopReason::GapReached);
}

#[test]
fn solves_an_empty_instance() {
    let instance = Instance::new(vec![], vec![]).unwrap();

    let solution = solve(&instance, quick());

    assert!(solution.assignments.is_empty() && solution.unassigned.is_empty());
    assert_eq!(
        (solution.objective, solution.upper_bound, solution.gap),
        (0.0, 0.0, 0.0)
    );
}

#[test]
fn gives_the_same_assignments_for_the_same_input() {
    let mut rng = Rng::new(77);
    let instance = random_instance(&mut rng, 120, 12);
    let options = Options::with_time_limit(Duration::from_secs(60));

    let first = solve(&instance, options);
    let second = solve(&instance, options);

    assert_ne!(first.stop_reason, StopReason::TimeLimit);
    assert_eq!(first, second);
}

#[test]
fn returns_within_the_time_limit_with_a_feasible_placement() {
    let mut rng = Rng::new(5);
    let instance = random_instance(&mut rng, 1500, 60);
    let limit = Duration::from_millis(150);

    let started = Instant::now();
    let solution = solve(&instance, Options::with_time_limit(limit));
    let elapsed = started.elapsed();

    // Debug builds are slow; the margin covers building the model and the greedy start.
    assert!(
        elapsed < limit + Duration::from_millis(600),
        "took {elapsed:?}"
    );
    assert_feasible(&instance, &solution);
    assert!(solution.upper_bound >= solution.objective);
}

#[test]
fn beats_or_matches_the_greedy_baseline() {
    let mut rng = Rng::new(21);
    let instance = random_instance(&mut rng, 80, 8);

    let baseline = greedy(&instance);
    let solution = solve(&instance, quick());

    assert_feasible(&instance, &baseline);
    assert!(solution.objective >= baseline.objective);
    assert!(baseline.upper_bound >= solution.objective);
}
