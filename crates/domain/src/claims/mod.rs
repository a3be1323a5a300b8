//! Reimbursement claims (refusjonskrav): SPEC §4–§5, the engine behind
//! `POST /api/v1/claims/simulate` (SPEC §10).
//!
//! ```ignore
//! let input = request.parse()?;      // ClaimRequest → ClaimInput, or a FieldError (400)
//! let claim = claims::compute(&input); // ClaimResponse
//! Json(claim)                        // serializes exactly as the SPEC's response
//! ```
//!
//! Rules, per day and place type (one unit per place type):
//! - Residents fill the fixed places of the agreements in force that day, then the tiers of *all*
//!   the unit's agreements in force that day in one queue by priority (R-AGR-11). Standby tiers
//!   count only on days an activation (A) agreement of the unit is in force (R-AGR-5). Whoever is
//!   left is unpaid and gets a warning for that day (R-CLM-1).
//! - With a canteen, persons 1..n (n = that day's residents) fill the meal tiers in force by
//!   priority; the rest get an `unpaid_meals` warning (R-CLM-2, R-AGR-8).
//! - Fixed annual transfers are prorated by active days and rounded cumulatively over the
//!   calendar year (R-CLM-3, R-CLM-4); see `fixed.rs`.
//!
//! Decisions where the SPEC is silent:
//! - Lines are one per (kind, place type, priority, price). Priorities are unique within a
//!   queue, so every tier is its own line (tiers of different agreements are never merged). Fixed
//!   lines carry no priority and, as `price`, the annual amount (øre per year); agreements of one
//!   unit with the same annual amount of the same kind share one line, rounded once.
//! - Tier lines with no place-days (a tier nobody used) are left out; a used meal tier at price
//!   0 is kept (it explains why the first persons cost nothing). Fixed lines are left out when
//!   the annual amount is 0 or no agreement of the line is in force in the month.
//! - Occupancy for a place type that no unit has is an error (`occupancy[i].place_type`), not a
//!   warning: the request describes the whole claim, so it is a mistake in the request. Two
//!   entries for one date and place type are an error too; a day without an entry has 0.
//! - Meal tiers on a unit without a canteen are an error (R-AGR-8).
//! - Duplicate priorities and an unbounded tier before the end are refused per place-type queue
//!   among the agreements whose validity overlaps (R-AGR-11, `agreements::queue`, the rule the
//!   stored agreements follow too): a successor that starts on or after an agreement's end may
//!   reuse its priorities and have its own over-occupancy tier.
//! - `converted` tiers are accepted (the simulation cannot tell a migrated agreement) and paid
//!   like per-unit tiers.

mod engine;
mod fixed;
mod input;
pub(crate) mod parse;
mod request;
mod response;
pub mod stored;

pub use crate::error::FieldError;
pub use engine::compute;
pub use fixed::{AnnualSchedule, fixed_month_amount};
pub use input::ClaimInput;
pub use parse::{MAX_AGREEMENTS, MAX_ANNUAL, MAX_COUNT, MAX_PRICE, MAX_PRIORITY};
pub use request::{
    AgreementRequest, ClaimRequest, MealTierRequest, OccupancyRequest, UnitRequest, UnitTierRequest,
};
pub use response::{ClaimLine, ClaimResponse, ClaimWarning, LineKind, Unpaid};

#[cfg(test)]
mod tests;
