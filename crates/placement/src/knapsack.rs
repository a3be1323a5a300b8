//! Exact 0/1 knapsack by dynamic programming over the (small, integer) capacity.
//!
//! Among items of the same weight the best ones are always preferred, so only the
//! `capacity / weight` most profitable items of each weight can be in an optimal packing; the
//! rest are dropped before the table is built. Past [`MAX_KNAPSACK_CELLS`] the LP relaxation of
//! the knapsack (Dantzig's bound) is used instead: still an upper bound, only weaker.

use std::cmp::Ordering;

use crate::limits::MAX_KNAPSACK_CELLS;

#[derive(Debug, Clone, Copy)]
pub(crate) struct Item {
    pub weight: u32,
    pub profit: f64,
    pub id: u32,
}

/// Best first; ties by id so that every choice is deterministic.
fn by_profit(a: &Item, b: &Item) -> Ordering {
    b.profit.total_cmp(&a.profit).then(a.id.cmp(&b.id))
}

/// Reusable buffers for solving many knapsacks.
#[derive(Default)]
pub(crate) struct Knapsack {
    by_weight: Vec<Vec<Item>>,
    kept: Vec<Item>,
    best: Vec<f64>,
    took: Vec<u64>,
}

impl Knapsack {
    /// Packs `items` (all with profit > 0) into `capacity`, pushes `(id, fraction)` of the
    /// chosen items to `chosen` (fraction 1 except for one item under the LP fallback) and
    /// returns the packing's value, which is the knapsack's optimum (or an upper bound on it).
    pub fn solve(&mut self, capacity: u32, items: &[Item], chosen: &mut Vec<(u32, f64)>) -> f64 {
        self.keep_useful(capacity, items);
        let total_weight: u64 = self.kept.iter().map(|i| u64::from(i.weight)).sum();
        if total_weight <= u64::from(capacity) {
            chosen.extend(self.kept.iter().map(|i| (i.id, 1.0)));
            return self.kept.iter().map(|i| i.profit).sum();
        }
        let cells = self.kept.len().saturating_mul(capacity as usize + 1);
        if cells > MAX_KNAPSACK_CELLS {
            self.relaxed(capacity, chosen)
        } else {
            self.exact(capacity as usize, chosen)
        }
    }

    fn keep_useful(&mut self, capacity: u32, items: &[Item]) {
        for bucket in &mut self.by_weight {
            bucket.clear();
        }
        for item in items {
            if item.weight > capacity {
                continue;
            }
            let weight = item.weight as usize;
            if self.by_weight.len() <= weight {
                self.by_weight.resize_with(weight + 1, Vec::new);
            }
            self.by_weight[weight].push(*item);
        }
        self.kept.clear();
        for (weight, bucket) in self.by_weight.iter_mut().enumerate().skip(1) {
            let room = (capacity as usize) / weight;
            if bucket.len() > room {
                if room > 0 {
                    bucket.select_nth_unstable_by(room - 1, by_profit);
                }
                bucket.truncate(room);
            }
            self.kept.extend_from_slice(bucket);
        }
    }

    fn exact(&mut self, capacity: usize, chosen: &mut Vec<(u32, f64)>) -> f64 {
        let words = (capacity + 1).div_ceil(64);
        self.best.clear();
        self.best.resize(capacity + 1, 0.0);
        self.took.clear();
        self.took.resize(words * self.kept.len(), 0);
        for (row, item) in self.kept.iter().enumerate() {
            let weight = item.weight as usize;
            let bits = &mut self.took[row * words..(row + 1) * words];
            for room in (weight..=capacity).rev() {
                let with = self.best[room - weight] + item.profit;
                if with > self.best[room] {
                    self.best[room] = with;
                    bits[room / 64] |= 1 << (room % 64);
                }
            }
        }
        let mut room = capacity;
        for (row, item) in self.kept.iter().enumerate().rev() {
            if self.took[row * words + room / 64] & (1 << (room % 64)) != 0 {
                chosen.push((item.id, 1.0));
                room -= item.weight as usize;
            }
        }
        self.best[capacity]
    }

    fn relaxed(&mut self, capacity: u32, chosen: &mut Vec<(u32, f64)>) -> f64 {
        self.kept.sort_by(|a, b| {
            let left = a.profit * f64::from(b.weight);
            let right = b.profit * f64::from(a.weight);
            right.total_cmp(&left).then(a.id.cmp(&b.id))
        });
        let mut room = capacity;
        let mut value = 0.0;
        for item in &self.kept {
            if item.weight <= room {
                room -= item.weight;
                value += item.profit;
                chosen.push((item.id, 1.0));
            } else {
                let fraction = f64::from(room) / f64::from(item.weight);
                value += fraction * item.profit;
                chosen.push((item.id, fraction));
                break;
            }
        }
        value
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn brute_force(capacity: u32, items: &[Item]) -> f64 {
        (0u32..1 << items.len())
            .filter_map(|subset| {
                let chosen = items
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| subset & (1 << i) != 0);
                let weight: u32 = chosen.clone().map(|(_, item)| item.weight).sum();
                (weight <= capacity).then(|| chosen.map(|(_, item)| item.profit).sum::<f64>())
            })
            .fold(0.0, f64::max)
    }

    fn items(seed: u64, count: usize) -> Vec<Item> {
        let mut state = seed;
        let mut next = || {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            state >> 33
        };
        (0..count)
            .map(|id| Item {
                weight: 1 + (next() % 5) as u32,
                profit: 0.5 + (next() % 1000) as f64 / 100.0,
                id: id as u32,
            })
            .collect()
    }

    #[test]
    fn exact_packing_matches_brute_force() {
        let mut knapsack = Knapsack::default();
        for seed in 0..300 {
            let items = items(seed, 1 + (seed % 11) as usize);
            let capacity = (seed % 13) as u32;
            let mut chosen = Vec::new();

            let value = knapsack.solve(capacity, &items, &mut chosen);

            let optimum = brute_force(capacity, &items);
            assert!(
                (value - optimum).abs() < 1e-9,
                "seed {seed}: {value} vs {optimum}"
            );
            let weight: u32 = chosen
                .iter()
                .map(|&(id, _)| items[id as usize].weight)
                .sum();
            let profit: f64 = chosen
                .iter()
                .map(|&(id, _)| items[id as usize].profit)
                .sum();
            assert!(weight <= capacity);
            assert!((profit - value).abs() < 1e-9);
        }
    }

    #[test]
    fn lp_fallback_bounds_the_exact_packing_from_above() {
        let mut knapsack = Knapsack::default();
        for seed in 0..100 {
            let items = items(seed, 10);
            let capacity = 7;
            knapsack.keep_useful(capacity, &items);
            let mut chosen = Vec::new();

            let relaxed = knapsack.relaxed(capacity, &mut chosen);

            assert!(relaxed >= brute_force(capacity, &items) - 1e-9);
            let weight: f64 = chosen
                .iter()
                .map(|&(id, fraction)| fraction * f64::from(items[id as usize].weight))
                .sum();
            assert!(weight <= f64::from(capacity) + 1e-9);
        }
    }
}
