//! Local search over placements. Three neighbourhoods, each move kept only if it raises the
//! value (evaluated exactly, undone otherwise):
//!
//! - shift: a household (placed or not) to a better municipality with room;
//! - swap: two households trade places (or an unplaced one takes a placed one's place);
//! - pull: for one municipality, the best set of households to hold, chosen exactly as a
//!   knapsack where a household already there is worth its score less its best alternative and
//!   one from elsewhere its score less its present one; evicted and freed room is refilled.

use std::time::Instant;

use crate::model::Model;
use crate::packing::Packing;
use crate::placement::{NOWHERE, Placement};

pub(crate) struct LocalSearch {
    packing: Packing,
    in_set: Vec<bool>,
    refill: Vec<u32>,
    /// Rank of each household in the fill order.
    rank: Vec<u32>,
    tolerance: f64,
}

impl LocalSearch {
    pub fn new(model: &Model, order: &[u32]) -> Self {
        let mut rank = vec![0; model.households()];
        for (position, &household) in order.iter().enumerate() {
            rank[household as usize] = position as u32;
        }
        Self {
            packing: Packing::default(),
            in_set: Vec::new(),
            refill: Vec::new(),
            rank,
            tolerance: 1e-12 * model.packing_magnitude.max(1e-300),
        }
    }

    /// Improves `placement` until a round of all three neighbourhoods finds nothing, or for at
    /// most `max_rounds` rounds, or until the deadline.
    pub fn improve(
        &mut self,
        model: &Model,
        placement: &mut Placement,
        max_rounds: u32,
        deadline: Instant,
    ) {
        let municipalities: Vec<u32> = (0..model.municipalities() as u32).collect();
        self.improve_around(model, placement, municipalities, max_rounds, deadline);
    }

    /// As [`LocalSearch::improve`], but pulling at first only into the listed municipalities
    /// (those that changed), and in later rounds only into those that changed since.
    pub fn improve_around(
        &mut self,
        model: &Model,
        placement: &mut Placement,
        mut pull_into: Vec<u32>,
        max_rounds: u32,
        deadline: Instant,
    ) {
        for _ in 0..max_rounds {
            if Instant::now() >= deadline {
                break;
            }
            placement.touched.clear();
            let mut improved = self.shifts(model, placement);
            improved |= self.swaps(model, placement);
            for &municipality in &pull_into {
                improved |= self.pull_into(model, placement, municipality as usize);
            }
            if !improved {
                break;
            }
            pull_into.clear();
            pull_into.append(&mut placement.touched);
            pull_into.sort_unstable();
            pull_into.dedup();
        }
        placement.touched.clear();
        placement.mark();
    }

    fn shifts(&mut self, model: &Model, placement: &mut Placement) -> bool {
        let mut improved = false;
        for household in 0..model.households() {
            let current = placement.gain[household];
            let from = placement.at[household];
            let size = model.sizes[household];
            let better = model.options[household]
                .iter()
                .take_while(|choice| choice.score > current + self.tolerance)
                .find(|choice| {
                    choice.municipality != from
                        && placement.room[choice.municipality as usize] >= size
                });
            if let Some(choice) = better {
                placement.move_to(model, household, choice.municipality, choice.score);
                improved = true;
            }
        }
        improved
    }

    fn swaps(&mut self, model: &Model, placement: &mut Placement) -> bool {
        let mut improved = false;
        for household in 0..model.households() {
            let from = placement.at[household];
            let size = model.sizes[household];
            let current = placement.gain[household];
            // Of two households that gain by swapping, at least one gains by its own move, so
            // only better municipalities need looking at (options are sorted best first).
            for choice in &model.options[household] {
                let to = choice.municipality;
                if choice.score <= current {
                    break;
                }
                if to == from {
                    continue;
                }
                let found = placement.members[to as usize].iter().find_map(|&other| {
                    let other = other as usize;
                    let other_size = model.sizes[other];
                    if placement.room[to as usize] + other_size < size {
                        return None;
                    }
                    let back = if from == NOWHERE {
                        0.0
                    } else {
                        // The other household can gain at most its best score: skip the
                        // look-up when even that would not pay.
                        let ceiling = model.best_score(other);
                        if placement.room[from as usize] + size < other_size
                            || choice.score + ceiling - current - placement.gain[other]
                                <= self.tolerance
                        {
                            return None;
                        }
                        model.score(other, from)?
                    };
                    let delta = choice.score + back - current - placement.gain[other];
                    (delta > self.tolerance).then_some((other, back))
                });
                if let Some((other, back)) = found {
                    placement.remove(model, other);
                    placement.move_to(model, household, to, choice.score);
                    if from != NOWHERE {
                        placement.place(model, other, from, back);
                    }
                    improved = true;
                    break;
                }
            }
        }
        improved
    }

    fn pull_into(&mut self, model: &Model, placement: &mut Placement, municipality: usize) -> bool {
        let here = municipality as u32;
        let mut baseline = 0.0;
        let capacity = model.capacities[municipality];
        let value = self
            .packing
            .pack(model, municipality, capacity, |candidate| {
                let household = candidate.household as usize;
                if placement.at[household] == here {
                    let alternative = placement
                        .best_room(model, household, here)
                        .map_or(0.0, |(_, score)| score);
                    let profit = candidate.score - alternative;
                    baseline += profit.max(0.0);
                    profit
                } else {
                    candidate.score - placement.gain[household]
                }
            });
        if value <= baseline + self.tolerance || self.packing.chosen.iter().any(|&(_, f)| f < 1.0) {
            return false;
        }
        placement.mark();
        self.apply(model, placement, municipality);
        if placement.change > self.tolerance {
            placement.mark();
            true
        } else {
            placement.undo(model);
            false
        }
    }

    fn apply(&mut self, model: &Model, placement: &mut Placement, municipality: usize) {
        let here = municipality as u32;
        let candidates = &model.candidates[municipality];
        self.in_set.clear();
        self.in_set.resize(candidates.len(), false);
        for &(position, _) in &self.packing.chosen {
            self.in_set[position as usize] = true;
        }
        self.refill.clear();
        // Evict first so that the room is there for the incoming households.
        for (position, candidate) in candidates.iter().enumerate() {
            let household = candidate.household as usize;
            if placement.at[household] == here && !self.in_set[position] {
                placement.remove(model, household);
                self.refill.push(candidate.household);
            }
        }
        for &(position, _) in &self.packing.chosen {
            let candidate = candidates[position as usize];
            let household = candidate.household as usize;
            let from = placement.at[household];
            if from == here {
                continue;
            }
            placement.remove(model, household);
            if from != NOWHERE {
                queue_freed(model, placement, from as usize, &mut self.refill);
            }
            placement.place(model, household, here, candidate.score);
        }
        let rank = &self.rank;
        self.refill.sort_by_key(|&h| rank[h as usize]);
        self.refill.dedup();
        placement.fill(model, &self.refill);
    }
}

/// Queues the unplaced candidates of a municipality that just gained room.
fn queue_freed(model: &Model, placement: &Placement, municipality: usize, queue: &mut Vec<u32>) {
    let room = placement.room[municipality];
    for candidate in &model.candidates[municipality] {
        let household = candidate.household as usize;
        if placement.at[household] == NOWHERE && model.sizes[household] <= room {
            queue.push(candidate.household);
        }
    }
}
