//! What the solver is asked for and what it answers.

use std::time::Duration;

/// How long and how far to search.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Options {
    /// Hard cap on the wall-clock time; the solver returns its best so far when it is reached.
    pub time_limit: Duration,
    /// Stop as soon as the proven relative gap is at most this.
    pub target_gap: f64,
    /// Deterministic cap on the multiplier iterations.
    pub max_iterations: u32,
}

impl Options {
    /// Default search with the given time limit.
    pub fn with_time_limit(time_limit: Duration) -> Self {
        Self {
            time_limit,
            ..Self::default()
        }
    }
}

impl Default for Options {
    fn default() -> Self {
        Self {
            time_limit: Duration::from_secs(10),
            target_gap: 1e-4,
            max_iterations: 20_000,
        }
    }
}

/// Why the search stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StopReason {
    /// The proven gap reached the target (or the solution is proven optimal).
    GapReached,
    /// The multipliers stopped improving the bound, or the iteration cap was reached.
    Converged,
    /// The time limit cut the search; the result is the best found so far.
    TimeLimit,
}

/// A placement proposal with its proven quality.
#[derive(Debug, Clone, PartialEq)]
pub struct Solution {
    /// `(household index, municipality index)`, sorted by household.
    pub assignments: Vec<(usize, usize)>,
    /// Households left unplaced, sorted.
    pub unassigned: Vec<usize>,
    /// Sum of the chosen pairs' scores.
    pub objective: f64,
    /// Proven upper bound on the optimum (never below it).
    pub upper_bound: f64,
    /// `(upper_bound − objective) / max(|upper_bound|, 1e-9)`.
    pub gap: f64,
    /// Multiplier iterations run.
    pub iterations: u32,
    /// Why the search stopped.
    pub stop_reason: StopReason,
}

/// The relative gap of SPEC §10: `(upper_bound − objective) / max(|upper_bound|, 1e-9)`.
pub fn relative_gap(objective: f64, upper_bound: f64) -> f64 {
    (upper_bound - objective) / upper_bound.abs().max(1e-9)
}
