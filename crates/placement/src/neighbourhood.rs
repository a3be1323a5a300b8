//! Large-neighbourhood search guided by the multipliers: empty a few related municipalities
//! and refill them with the sequential knapsack heuristic, then local search; kept if better.

use std::time::Instant;

use crate::local_search::LocalSearch;
use crate::model::Model;
use crate::placement::{NOWHERE, Placement};
use crate::sequential::Sequential;

/// SplitMix64: a tiny deterministic generator, seeded by the round number.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

pub(crate) struct Neighbourhood {
    chosen: Vec<bool>,
    visit: Vec<u32>,
    /// The greedy fill order.
    order: Vec<u32>,
}

impl Neighbourhood {
    pub fn new(model: &Model, order: &[u32]) -> Self {
        Self {
            order: order.to_vec(),
            chosen: vec![false; model.municipalities()],
            visit: Vec::new(),
        }
    }

    /// One round emptying `size` municipalities: returns a new placement if it beats `best`.
    pub fn round(
        &mut self,
        model: &Model,
        best: &Placement,
        multipliers: &[f64],
        (round, size): (u64, usize),
        (sequential, search): (&mut Sequential, &mut LocalSearch),
        deadline: Instant,
    ) -> Option<Placement> {
        let count = model.municipalities();
        if count == 0 {
            return None;
        }
        let mut mix = SplitMix(round);
        self.pick(model, best, multipliers, size, &mut mix);
        // Visit the emptied municipalities in a random order.
        for i in (1..self.visit.len()).rev() {
            let j = mix.below(i + 1);
            self.visit.swap(i, j);
        }
        let mut trial = best.clone();
        trial.touched.clear();
        for &municipality in &self.visit {
            let members = trial.members[municipality as usize].clone();
            for household in members {
                trial.remove(model, household as usize);
            }
        }
        sequential.refill(model, &mut trial, multipliers, &self.visit);
        trial.fill(model, &self.order);
        trial.mark();
        let mut touched = std::mem::take(&mut trial.touched);
        touched.sort_unstable();
        touched.dedup();
        search.improve_around(model, &mut trial, touched, 10, deadline);
        (trial.value() > best.value()).then_some(trial)
    }

    /// A random municipality and those its promising candidates are placed in now.
    fn pick(
        &mut self,
        model: &Model,
        best: &Placement,
        multipliers: &[f64],
        size: usize,
        mix: &mut SplitMix,
    ) {
        for &m in &self.visit {
            self.chosen[m as usize] = false;
        }
        self.visit.clear();
        let count = model.municipalities();
        let mut seed = mix.below(count);
        while self.visit.len() < size.min(count) {
            if !self.chosen[seed] {
                self.chosen[seed] = true;
                self.visit.push(seed as u32);
            }
            let candidates = &model.candidates[seed];
            // Follow a promising candidate (small reduced-cost loss) to where it is now.
            let mut next = None;
            for _ in 0..8 {
                if candidates.is_empty() {
                    break;
                }
                let candidate = candidates[mix.below(candidates.len())];
                let at = best.at[candidate.household as usize];
                let loss = multipliers[candidate.household as usize] - candidate.score;
                if at != NOWHERE && !self.chosen[at as usize] && loss < 0.1 * candidate.score {
                    next = Some(at as usize);
                    break;
                }
            }
            seed = next.unwrap_or_else(|| mix.below(count));
        }
    }
}
