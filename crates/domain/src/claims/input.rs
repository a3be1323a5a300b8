//! Validated claim input. These values exist only through [`ClaimRequest::parse`], so the engine
//! never sees a negative price, a duplicate priority or an end before a start.
//!
//! [`ClaimRequest::parse`]: super::ClaimRequest::parse

use crate::agreements::{Agreement, Capacity, TierKind};
use crate::dates::Month;
use crate::money::Ore;
use crate::place_types::PlaceType;

/// A place tier in its unit's one queue across agreements (R-AGR-11), sorted by priority.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct QueuedTier {
    /// Index of the agreement in the unit: the tier counts only while it is in force.
    pub(super) agreement: usize,
    /// Index of the tier in its agreement's list (for error paths).
    pub(super) position: usize,
    pub(super) priority: u32,
    pub(super) kind: TierKind,
    pub(super) capacity: Capacity,
    pub(super) price: Ore,
}

/// A meal tier in its unit's meal queue (R-AGR-8, R-AGR-11), sorted by priority.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct QueuedMealTier {
    pub(super) agreement: usize,
    pub(super) position: usize,
    pub(super) priority: u32,
    pub(super) persons: Capacity,
    pub(super) price: Ore,
}

/// A unit: one place type of a centre with all its agreements and its daily occupancy.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Unit {
    pub(super) place_type: PlaceType,
    pub(super) canteen: bool,
    /// At most 64, so that a set of agreements fits a `u64` mask.
    pub(super) agreements: Vec<Agreement>,
    pub(super) tiers: Vec<QueuedTier>,
    pub(super) meal_tiers: Vec<QueuedMealTier>,
    /// Residents per day of the month, index 0 = the 1st; days without occupancy are 0.
    pub(super) residents: [u32; 31],
}

/// A month of occupancy and the agreements that pay for it, validated.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClaimInput {
    pub(super) month: Month,
    pub(super) units: Vec<Unit>,
}

impl ClaimInput {
    pub fn month(&self) -> Month {
        self.month
    }
}
