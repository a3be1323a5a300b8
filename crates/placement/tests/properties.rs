//! Property tests against brute force: the bound is never below the optimum, the objective
//! never above it, and the objective is the sum of the chosen scores.

mod common;

use std::time::Duration;

use common::{assert_feasible, brute_force};
use mottak_placement::{Household, Instance, Municipality, Options, solve};
use proptest::prelude::*;

fn instance() -> impl Strategy<Value = Instance> {
    (1usize..=3, 1usize..=7).prop_flat_map(|(municipalities, households)| {
        let capacities = prop::collection::vec(0u32..=8, municipalities);
        let household = (
            1u32..=4,
            prop::collection::vec(prop::option::weighted(0.7, -3.0f64..12.0), municipalities),
        );
        let households = prop::collection::vec(household, households);
        (capacities, households).prop_map(|(capacities, households)| {
            let municipalities = capacities
                .into_iter()
                .enumerate()
                .map(|(m, capacity)| Municipality {
                    id: format!("m{m}"),
                    capacity,
                })
                .collect();
            let households = households
                .into_iter()
                .enumerate()
                .map(|(h, (size, scores))| Household {
                    id: format!("h{h}"),
                    size,
                    scores: scores
                        .into_iter()
                        .enumerate()
                        .filter_map(|(m, score)| score.map(|s| (m, s)))
                        .collect(),
                })
                .collect();
            Instance::new(municipalities, households).expect("valid")
        })
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn bound_is_never_below_the_optimum_and_objective_never_above(instance in instance()) {
        let optimum = brute_force(&instance);

        let solution = solve(&instance, Options::with_time_limit(Duration::from_secs(5)));

        assert_feasible(&instance, &solution);
        prop_assert!(solution.upper_bound >= optimum, "bound {} < optimum {optimum}", solution.upper_bound);
        prop_assert!(solution.objective <= optimum + 1e-9);
        prop_assert!(solution.gap >= 0.0);
    }
}
