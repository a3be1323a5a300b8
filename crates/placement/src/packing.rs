//! One municipality's best packing of its candidates: the knapsack of [`crate::knapsack`] over
//! the candidates worth something there, with the buffers kept between calls.

use crate::knapsack::{Item, Knapsack};
use crate::model::{Candidate, Model};

#[derive(Default)]
pub(crate) struct Packing {
    knapsack: Knapsack,
    items: Vec<Item>,
    /// `(position in the municipality's candidates, fraction)` of the last packing; the
    /// fraction is 1 except for one candidate under the knapsack's LP fallback.
    pub chosen: Vec<(u32, f64)>,
}

impl Packing {
    /// Packs into `capacity` the candidates of `municipality` that `profit` values above zero
    /// (called once per candidate, in order) and returns the packing's value.
    pub fn pack(
        &mut self,
        model: &Model,
        municipality: usize,
        capacity: u32,
        mut profit: impl FnMut(&Candidate) -> f64,
    ) -> f64 {
        self.items.clear();
        for (position, candidate) in model.candidates[municipality].iter().enumerate() {
            let profit = profit(candidate);
            if profit > 0.0 {
                self.items.push(Item {
                    weight: model.sizes[candidate.household as usize],
                    profit,
                    id: position as u32,
                });
            }
        }
        self.chosen.clear();
        self.knapsack.solve(capacity, &self.items, &mut self.chosen)
    }
}
