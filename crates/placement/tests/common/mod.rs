//! Helpers shared by the placement tests: a seeded generator, brute force, and a feasibility
//! check.

#![allow(dead_code)]

use mottak_placement::{Household, Instance, Municipality, Solution};

/// SplitMix64, so the tests need no dependency for their random instances.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    pub fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// A random instance: sizes 1–4, about 30 % of the pairs forbidden, some negative scores,
/// capacities tight enough that not everyone fits.
pub fn random_instance(rng: &mut Rng, households: usize, municipalities: usize) -> Instance {
    let mut list = Vec::with_capacity(households);
    for h in 0..households {
        let size = 1 + rng.below(4) as u32;
        let mut scores = Vec::new();
        for m in 0..municipalities {
            if rng.unit() >= 0.3 {
                let score = (rng.unit() * 12.0 - 2.0 * rng.unit()).round() / 2.0;
                scores.push((m, score));
            }
        }
        list.push(Household {
            id: format!("h{h}"),
            size,
            scores,
        });
    }
    let persons: u32 = list.iter().map(|h| h.size).sum();
    let municipalities = (0..municipalities)
        .map(|m| Municipality {
            id: format!("{:04}", 301 + m),
            capacity: rng.below(u64::from(persons) * 2 / (municipalities as u64).max(1) + 2) as u32,
        })
        .collect();
    Instance::new(municipalities, list).expect("valid")
}

/// The optimum by enumerating every assignment (households × (municipalities + 1)).
pub fn brute_force(instance: &Instance) -> f64 {
    let mut load = vec![0u32; instance.municipalities().len()];
    fn walk(instance: &Instance, household: usize, load: &mut [u32]) -> f64 {
        let Some(current) = instance.households().get(household) else {
            return 0.0;
        };
        let mut best = walk(instance, household + 1, load);
        for &(municipality, score) in &current.scores {
            let capacity = instance.municipalities()[municipality].capacity;
            if load[municipality] + current.size <= capacity {
                load[municipality] += current.size;
                best = best.max(score + walk(instance, household + 1, load));
                load[municipality] -= current.size;
            }
        }
        best
    }
    walk(instance, 0, &mut load)
}

/// Panics unless the solution places each household at most once, only on scored pairs,
/// within capacities, lists every other household as unassigned, and reports its objective as
/// the sum of its chosen scores.
pub fn assert_feasible(instance: &Instance, solution: &Solution) {
    let mut load = vec![0u32; instance.municipalities().len()];
    let mut seen = vec![false; instance.households().len()];
    let mut sum = 0.0;
    for &(household, municipality) in &solution.assignments {
        assert!(!seen[household], "household {household} placed twice");
        seen[household] = true;
        let score = instance
            .score(household, municipality)
            .expect("only scored pairs are used");
        sum += score;
        load[municipality] += instance.households()[household].size;
    }
    for &household in &solution.unassigned {
        assert!(
            !seen[household],
            "household {household} both placed and not"
        );
        seen[household] = true;
    }
    assert!(seen.iter().all(|&s| s), "every household is accounted for");
    for (municipality, data) in instance.municipalities().iter().enumerate() {
        assert!(
            load[municipality] <= data.capacity,
            "capacity of {municipality} exceeded"
        );
    }
    assert!(
        (sum - solution.objective).abs() <= 1e-9 * sum.abs().max(1.0),
        "objective {} is the sum of the chosen scores {sum}",
        solution.objective
    );
}
