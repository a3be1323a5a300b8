//! R-AGR-5: the capacity of a unit: fixed places and the bounded per-unit tiers make the
//! capacity; standby places (and standby tiers) are shown beside it.

use serde::Serialize;

use super::terms::UnitTerms;
use super::{Capacity, TierKind};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CapacitySummary {
    pub fixed_places: u32,
    /// The bounded per-unit (and converted) tiers.
    pub unit_price_places: u32,
    /// Fixed + per-unit: the agreement's capacity.
    pub capacity: u32,
    /// Standby places and bounded standby tiers, paid only while an A agreement is valid.
    pub standby: u32,
    /// Whether an over-occupancy tier (no upper bound) is agreed.
    pub over_occupancy: bool,
}

pub fn capacity_summary(unit: &UnitTerms) -> CapacitySummary {
    let mut summary = CapacitySummary {
        fixed_places: unit.fixed_places,
        standby: unit.standby_places,
        ..CapacitySummary::default()
    };
    for tier in &unit.unit_tiers {
        match (tier.kind, tier.places) {
            (_, Capacity::Unbounded) => summary.over_occupancy = true,
            (TierKind::Standby, Capacity::Bounded(places)) => summary.standby += places,
            (_, Capacity::Bounded(places)) => summary.unit_price_places += places,
        }
    }
    summary.capacity = summary.fixed_places + summary.unit_price_places;
    summary
}
