//! The Lagrangian bound: relax "each household in at most one municipality" with multipliers
//! λ ≥ 0 and solve one exact knapsack per municipality.
//!
//! For any λ ≥ 0, L(λ) = Σₕ λₕ + Σₘ max { Σ_{h∈S} (cₕₘ − λₕ) : S fits in m } is an upper
//! bound on the optimum: for a feasible placement x, Σ cₕₘxₕₘ = Σₕ λₕ·Σₘ xₕₘ + Σ (cₕₘ − λₕ)xₕₘ,
//! the first sum is at most Σₕ λₕ (each household placed at most once, λ ≥ 0) and the second is
//! at most the sum of the best packings. Because each knapsack is
//! solved as an integer problem, the best L(λ) is at least as strong as the LP relaxation.

use crate::model::Model;
use crate::packing::Packing;

/// Relative safety margin added to L(λ) so that floating-point rounding (in cₕₘ − λₕ and in the
/// table's sums, each well under 1e-12 relative at the size limits) never makes the reported
/// bound fall below the true optimum.
const ROUNDING_MARGIN: f64 = 1e-9;

pub(crate) struct Dual {
    packing: Packing,
    /// Positions (in `Model::candidates`) of the households packed whole, per municipality.
    pub picks: Vec<Vec<u32>>,
    /// Σₘ xₕₘ per household (fractional only under the knapsack's LP fallback).
    pub load: Vec<f64>,
    /// L(λ) as computed.
    pub value: f64,
    /// L(λ) plus the rounding margin: a proven upper bound.
    pub bound: f64,
}

impl Dual {
    pub fn new(model: &Model) -> Self {
        Self {
            packing: Packing::default(),
            picks: vec![Vec::new(); model.municipalities()],
            load: vec![0.0; model.households()],
            value: 0.0,
            bound: 0.0,
        }
    }

    pub fn evaluate(&mut self, model: &Model, multipliers: &[f64]) {
        self.load.fill(0.0);
        let mut total: f64 = multipliers.iter().sum();
        for (municipality, candidates) in model.candidates.iter().enumerate() {
            let capacity = model.capacities[municipality];
            total += self
                .packing
                .pack(model, municipality, capacity, |candidate| {
                    candidate.score - multipliers[candidate.household as usize]
                });
            let picks = &mut self.picks[municipality];
            picks.clear();
            for &(position, fraction) in &self.packing.chosen {
                let household = candidates[position as usize].household as usize;
                self.load[household] += fraction;
                if fraction >= 1.0 {
                    picks.push(position);
                }
            }
        }
        let sum_multipliers: f64 = multipliers.iter().sum();
        self.value = total;
        self.bound = total + ROUNDING_MARGIN * (sum_multipliers + model.packing_magnitude);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::instance::{Household, Instance, Municipality};

    fn optimum(instance: &Instance, household: usize, load: &mut [u32]) -> f64 {
        let Some(current) = instance.households().get(household) else {
            return 0.0;
        };
        let mut best = optimum(instance, household + 1, load);
        for &(m, score) in &current.scores {
            if load[m] + current.size <= instance.municipalities()[m].capacity {
                load[m] += current.size;
                best = best.max(score + optimum(instance, household + 1, load));
                load[m] -= current.size;
            }
        }
        best
    }

    #[test]
    fn bound_is_at_least_the_optimum_for_any_nonnegative_multipliers() {
        let mut state = 12345u64;
        let mut next = move || {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (state >> 33) as f64 / (1u64 << 31) as f64
        };
        for _ in 0..300 {
            let municipalities: Vec<Municipality> = (0..3)
                .map(|m| Municipality {
                    id: format!("m{m}"),
                    capacity: (next() * 6.0) as u32,
                })
                .collect();
            let mut households = Vec::new();
            for h in 0..6 {
                let size = 1 + (next() * 3.0) as u32;
                let mut scores = Vec::new();
                for m in 0..3 {
                    if next() < 0.7 {
                        scores.push((m, next() * 10.0 - 1.0));
                    }
                }
                households.push(Household {
                    id: format!("h{h}"),
                    size,
                    scores,
                });
            }
            let instance = Instance::new(municipalities, households).unwrap();
            let model = Model::new(&instance);
            let best = optimum(&instance, 0, &mut [0; 3]);
            let mut dual = Dual::new(&model);
            for _ in 0..10 {
                let multipliers: Vec<f64> = (0..6)
                    .map(|_| if next() < 0.3 { 0.0 } else { next() * 8.0 })
                    .collect();

                dual.evaluate(&model, &multipliers);

                assert!(dual.bound >= best, "L(λ) = {} < optimum {best}", dual.bound);
            }
        }
    }
}
