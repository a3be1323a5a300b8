//! Stays, occupancy and its approval (SPEC §5: R-OCC-1…3) and the claim window (R-CLM-6).

mod approval;
mod counts;
mod stays;

pub use approval::{ApprovalRefusal, claim_window_closes, may_approve, may_change};
pub use counts::{
    MonthOccupancy, StaySpan, check_entered_days, daily_counts, parse_daily_counts_csv,
};
pub use stays::{ExistingStay, StayDecision, StayRefusal, decide_stay};
