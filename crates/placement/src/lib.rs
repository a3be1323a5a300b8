//! Placement proposals (R-SET-9): waiting households to municipalities, maximising the sum of
//! the chosen pairs' scores, never splitting a household, never using a pair without a score and
//! never exceeding a municipality's remaining decided number; every proposal carries a proven
//! upper bound on the optimum and the gap to it.
//!
//! Pure: no HTTP, no SQL, no dependencies. [`SolveRequest`] and [`SolveResponse`] mirror the
//! JSON of `POST /api/v1/placement/solve` (SPEC §10) as plain structs; the server maps JSON to
//! them and [`InvalidInstance`] to a problem+json response naming the field (400, or 413 for
//! [`InvalidInstanceKind::TooLarge`]). Size limits are in [`limits`].
//!
//! How it works:
//! - **Bound**: Lagrangian relaxation of the "each household in at most one municipality" rows;
//!   what remains is one 0/1 knapsack per municipality, solved exactly by dynamic programming
//!   over its small integer capacity. That is at least as strong as the LP relaxation, and on
//!   realistic instances much stronger (the LP bound is about 1 % above the optimum on the
//!   benchmark's 1,000 × 356 instance, the Lagrangian about 0.05 %). Multipliers are improved by
//!   subgradient steps with Polyak's step length.
//! - **Placements**: each relaxed solution is repaired (one municipality per household, then
//!   greedy filling) or used to price a sequential knapsack construction; promising ones get
//!   local search (shifts, swaps, and exact knapsack "pull" moves); once the bound settles,
//!   large-neighbourhood rounds empty a few related municipalities and refill them.
//! - **Determinism**: no threads and no clock in the search's decisions; see [`solve`].
//!
//! The benchmark against a greedy baseline and HiGHS is `benches/placement-bench`.

mod choices;
mod dual;
mod error;
mod instance;
mod knapsack;
pub mod limits;
mod local_search;
mod model;
mod multipliers;
mod neighbourhood;
mod packing;
mod placement;
mod request;
mod sequential;
mod solution;
mod solver;

pub use choices::Choices;
pub use error::{InvalidInstance, InvalidInstanceKind};
pub use instance::{Household, Instance, Municipality};
pub use request::{
    Assignment, HouseholdRequest, MunicipalityRequest, SolveRequest, SolveResponse, solve_request,
};
pub use solution::{Options, Solution, StopReason, relative_gap};
pub use solver::{greedy, solve};
