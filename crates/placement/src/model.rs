//! The solver's compact view of an instance: only the pairs that can ever pay.
//!
//! A pair with a score ≤ 0 is never worth choosing (a household may stay unplaced), and a
//! household larger than a municipality's capacity can never go there, so both are dropped.

use crate::instance::Instance;

/// Largest score table kept for constant-time look-ups (32 MB).
const MAX_TABLE_CELLS: usize = 1 << 22;

/// One usable pair as seen from a municipality.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Candidate {
    pub household: u32,
    pub score: f64,
}

/// One usable pair as seen from a household.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Choice {
    pub municipality: u32,
    pub score: f64,
}

pub(crate) struct Model {
    pub sizes: Vec<u32>,
    /// Capacity, lowered to the persons of the candidates (more can never be used).
    pub capacities: Vec<u32>,
    /// Per municipality, its candidates by ascending household index.
    pub candidates: Vec<Vec<Candidate>>,
    /// Per household, its options by descending score (ties by municipality index).
    pub options: Vec<Vec<Choice>>,
    /// Per household, its options by ascending municipality index, for look-ups.
    by_municipality: Vec<Vec<Choice>>,
    /// Score of every usable pair in a households × municipalities table (NaN where not
    /// usable), when that table is small enough; otherwise look-ups search `by_municipality`.
    table: Vec<f64>,
    /// An upper bound on the scores of any one packing of every municipality (at most
    /// `capacity` households, each at most the best score): the scale for rounding margins.
    pub packing_magnitude: f64,
}

impl Model {
    pub fn new(instance: &Instance) -> Self {
        let municipalities = instance.municipalities();
        let households = instance.households();
        let sizes: Vec<u32> = households.iter().map(|h| h.size).collect();
        let mut candidates = vec![Vec::new(); municipalities.len()];
        let mut options = Vec::with_capacity(households.len());
        let mut by_municipality = Vec::with_capacity(households.len());
        for (index, household) in households.iter().enumerate() {
            let mut own: Vec<Choice> = Vec::new();
            for &(municipality, score) in &household.scores {
                if score > 0.0 && household.size <= municipalities[municipality].capacity {
                    candidates[municipality].push(Candidate {
                        household: index as u32,
                        score,
                    });
                    own.push(Choice {
                        municipality: municipality as u32,
                        score,
                    });
                }
            }
            by_municipality.push(own.clone());
            own.sort_by(|a, b| {
                b.score
                    .total_cmp(&a.score)
                    .then(a.municipality.cmp(&b.municipality))
            });
            options.push(own);
        }
        let capacities: Vec<u32> = municipalities
            .iter()
            .zip(&candidates)
            .map(|(municipality, list)| {
                let demand: u64 = list
                    .iter()
                    .map(|c| u64::from(sizes[c.household as usize]))
                    .sum();
                municipality
                    .capacity
                    .min(demand.min(u64::from(u32::MAX)) as u32)
            })
            .collect();
        let packing_magnitude = candidates
            .iter()
            .zip(&capacities)
            .map(|(list, &capacity)| {
                let best = list.iter().map(|c| c.score).fold(0.0, f64::max);
                best * list.len().min(capacity as usize) as f64
            })
            .sum();
        let cells = households.len() * municipalities.len();
        let mut table = Vec::new();
        if cells <= MAX_TABLE_CELLS {
            table.resize(cells, f64::NAN);
            for (household, options) in options.iter().enumerate() {
                for choice in options {
                    table[household * municipalities.len() + choice.municipality as usize] =
                        choice.score;
                }
            }
        }
        Self {
            table,
            sizes,
            capacities,
            packing_magnitude,
            candidates,
            options,
            by_municipality,
        }
    }

    /// The score of a usable pair, or `None` where the pair can never be chosen.
    pub fn score(&self, household: usize, municipality: u32) -> Option<f64> {
        if !self.table.is_empty() {
            let score = self.table[household * self.municipalities() + municipality as usize];
            return (!score.is_nan()).then_some(score);
        }
        let list = &self.by_municipality[household];
        list.binary_search_by_key(&municipality, |choice| choice.municipality)
            .ok()
            .map(|position| list[position].score)
    }

    /// A household's best score (0 when it has no usable pair).
    pub fn best_score(&self, household: usize) -> f64 {
        self.options[household]
            .first()
            .map_or(0.0, |choice| choice.score)
    }

    /// Each household at its best score, ignoring capacities: a crude but proven bound.
    pub fn trivial_bound(&self) -> f64 {
        let sum: f64 = self
            .options
            .iter()
            .map(|options| options.first().map_or(0.0, |choice| choice.score))
            .sum();
        sum * (1.0 + 1e-9)
    }

    pub fn households(&self) -> usize {
        self.sizes.len()
    }

    pub fn municipalities(&self) -> usize {
        self.capacities.len()
    }
}
