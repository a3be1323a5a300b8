//! The search: Lagrangian bound, primal heuristics, and when to stop.

use std::time::Instant;

use crate::dual::Dual;
use crate::instance::Instance;
use crate::local_search::LocalSearch;
use crate::model::Model;
use crate::multipliers::{MIN_SCALE, Subgradient};
use crate::neighbourhood::Neighbourhood;
use crate::placement::{NOWHERE, Placement, fill_order, greedy as greedy_placement, repair};
use crate::sequential::Sequential;
use crate::solution::{Options, Solution, StopReason, relative_gap};

/// Below this step scale the bound moves slowly, and neighbourhood search starts alongside.
const NEIGHBOURHOOD_SCALE: f64 = 0.02;
/// Neighbourhood rounds without improvement, once the bound has converged, before stopping.
const NEIGHBOURHOOD_PATIENCE: u32 = 300;
/// Municipalities emptied per neighbourhood round, in turn.
const NEIGHBOURHOOD_SIZES: [usize; 3] = [8, 16, 32];
/// Subgradient iterations without a better bound before the step is halved.
const SUBGRADIENT_PATIENCE: u32 = 20;
/// A relaxed solution's placement gets local search when within this of the best.
const PROMISING: f64 = 0.002;

/// Proposes a placement maximising the sum of the chosen scores, with a proven upper bound
/// (R-SET-9).
///
/// The search alternates subgradient steps on the Lagrangian bound (each relaxed solution
/// repaired into a placement, or used to price a sequential knapsack construction) with, once
/// the bound settles, large-neighbourhood rounds guided by the best multipliers. It stops when
/// the proven gap reaches `options.target_gap`, when the bound has converged and the
/// neighbourhood search stalls, after `options.max_iterations` steps, or at the time limit.
///
/// Deterministic: the sequence of steps depends only on the instance and the options, so two
/// runs that stop for any reason but the time limit return identical solutions. The wall clock
/// is only a hard cap, checked between steps and between local-search rounds; a run cut by it
/// returns the best found so far. Building the model and the greedy start are not cut: about
/// 0.25 s at the size limits of [`crate::limits`] (2 million scored pairs), a few ms at
/// IMDi's sizes.
pub fn solve(instance: &Instance, options: Options) -> Solution {
    let started = Instant::now();
    let deadline = started + options.time_limit;
    let model = Model::new(instance);
    let mut search = Search::new(&model, deadline);
    let stop_reason = loop {
        if relative_gap(search.best_value, search.bound()) <= options.target_gap {
            break StopReason::GapReached;
        }
        if Instant::now() >= deadline {
            break StopReason::TimeLimit;
        }
        if search.steps >= options.max_iterations || search.finished() {
            break StopReason::Converged;
        }
        search.step(&model, deadline);
    };
    finish(
        instance,
        &search.best,
        search.bound(),
        search.steps,
        stop_reason,
    )
}

/// The state of one solve.
struct Search {
    order: Vec<u32>,
    local: LocalSearch,
    sequential: Sequential,
    neighbourhood: Neighbourhood,
    dual: Dual,
    subgradient: Subgradient,
    best: Placement,
    best_value: f64,
    /// Every household at its best score: proven, and sometimes the better bound early on.
    trivial_bound: f64,
    dual_converged: bool,
    rounds: u64,
    stalled: u32,
    steps: u32,
}

impl Search {
    fn new(model: &Model, deadline: Instant) -> Self {
        let order = fill_order(model);
        let mut local = LocalSearch::new(model, &order);
        let mut best = greedy_placement(model);
        local.improve(model, &mut best, 20, deadline);
        let subgradient = Subgradient::new(vec![0.0; model.households()], SUBGRADIENT_PATIENCE);
        let neighbourhood = Neighbourhood::new(model, &order);
        Self {
            best_value: best.value(),
            best,
            order,
            local,
            sequential: Sequential::default(),
            neighbourhood,
            dual: Dual::new(model),
            subgradient,
            trivial_bound: model.trivial_bound(),
            dual_converged: model.households() == 0,
            rounds: 0,
            stalled: 0,
            steps: 0,
        }
    }

    /// The best proven upper bound so far.
    fn bound(&self) -> f64 {
        self.trivial_bound.min(self.subgradient.best_bound)
    }

    fn finished(&self) -> bool {
        self.dual_converged && self.stalled >= NEIGHBOURHOOD_PATIENCE
    }

    fn step(&mut self, model: &Model, deadline: Instant) {
        self.steps += 1;
        if !self.dual_converged {
            self.dual_iteration(model, deadline);
        }
        if self.dual_converged || self.subgradient.scale < NEIGHBOURHOOD_SCALE {
            self.neighbourhood_round(model, deadline);
        }
    }

    /// One multiplier update, and a placement built from its relaxed solution.
    fn dual_iteration(&mut self, model: &Model, deadline: Instant) {
        self.dual.evaluate(model, &self.subgradient.multipliers);
        self.subgradient.record(self.dual.bound);
        let mut candidate = if self.steps.is_multiple_of(2) {
            repair(model, &self.dual.picks, &self.order)
        } else {
            // A different starting municipality each time, for variety.
            let count = model.municipalities();
            let start = self.steps as usize * 7;
            let visit: Vec<u32> = (0..count).map(|i| ((start + i) % count) as u32).collect();
            self.sequential
                .build(model, &self.subgradient.multipliers, &visit, &self.order)
        };
        if candidate.value() > self.best_value - PROMISING * self.best_value.abs() {
            self.local.improve(model, &mut candidate, 3, deadline);
        }
        self.offer(candidate);
        let moved = self
            .subgradient
            .step(&self.dual.load, self.dual.value, self.best_value);
        if !moved || self.subgradient.scale < MIN_SCALE {
            self.dual_converged = true;
        }
    }

    fn neighbourhood_round(&mut self, model: &Model, deadline: Instant) {
        self.rounds += 1;
        let size = NEIGHBOURHOOD_SIZES[self.rounds as usize % NEIGHBOURHOOD_SIZES.len()];
        let trial = self.neighbourhood.round(
            model,
            &self.best,
            &self.subgradient.best_multipliers,
            (self.rounds, size),
            (&mut self.sequential, &mut self.local),
            deadline,
        );
        match trial {
            Some(better) => {
                self.offer(better);
                self.stalled = 0;
            }
            None => self.stalled += 1,
        }
    }

    fn offer(&mut self, candidate: Placement) {
        let value = candidate.value();
        if value > self.best_value {
            self.best_value = value;
            self.best = candidate;
        }
    }
}

fn finish(
    instance: &Instance,
    placement: &Placement,
    bound: f64,
    iterations: u32,
    stop_reason: StopReason,
) -> Solution {
    let mut assignments = Vec::new();
    let mut unassigned = Vec::new();
    let mut objective = 0.0;
    for (household, &municipality) in placement.at.iter().enumerate() {
        if municipality == NOWHERE {
            unassigned.push(household);
        } else {
            let municipality = municipality as usize;
            objective += instance
                .score(household, municipality)
                .expect("the solver only uses scored pairs");
            assignments.push((household, municipality));
        }
    }
    // The bound is proven to be at least the optimum, hence at least the objective; the max
    // only keeps rounding in the objective's own sum from showing a negative gap.
    let upper_bound = bound.max(objective);
    let gap = relative_gap(objective, upper_bound);
    Solution {
        assignments,
        unassigned,
        objective,
        upper_bound,
        gap,
        iterations,
        stop_reason: if gap <= 0.0 {
            StopReason::GapReached
        } else {
            stop_reason
        },
    }
}

/// The greedy baseline, for comparison: all pairs by descending score, each taken while the
/// household is unplaced and the municipality has room. Its bound is the crude one (every
/// household at its best score).
pub fn greedy(instance: &Instance) -> Solution {
    let model = Model::new(instance);
    let placement = greedy_placement(&model);
    finish(
        instance,
        &placement,
        model.trivial_bound(),
        0,
        StopReason::Converged,
    )
}
