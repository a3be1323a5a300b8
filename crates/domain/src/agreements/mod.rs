//! The operating agreement (driftsavtale, SPEC §4) as the rules see it: its kind, its validity as
//! a half-open range (R-AGR-3), its fixed places and transfers, and the tiers of its queues.

use serde::{Deserialize, Serialize};

use crate::dates::DateRange;
use crate::money::Ore;

pub mod capacity;
pub mod draft;
mod edit;
pub mod names;
pub mod notice;
pub mod queue;
pub mod request;
mod terms;
pub mod windows;

pub use crate::payment::{Payment, PaymentPeriod};
pub use capacity::{CapacitySummary, capacity_summary};
pub use names::{category_marker, proposed_name};
pub use notice::{extended_stop_date, stop_date_after_notice};
pub use queue::{QueueClash, QueueSlot, check_against_others, next_free_priority, slots_of};
pub use request::{
    AgreementInput, MealTierInput, PaymentInput, PriceInput, PriceTermsInput, RegulationInput,
    TierInput, UnitInput,
};
pub use terms::{AgreementTerms, MealTier, PlaceTier, Price, Regulation, UnitTerms};
pub use windows::{CentreWindows, centre_windows};

/// Agreement kind (R-AGR-1): main (H), supplementary (T), activation of standby places (A).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum AgreementKind {
    #[serde(rename = "H")]
    Main,
    #[serde(rename = "T")]
    Supplementary,
    #[serde(rename = "A")]
    Activation,
}

impl AgreementKind {
    pub fn from_code(code: &str) -> Option<AgreementKind> {
        match code {
            "H" => Some(AgreementKind::Main),
            "T" => Some(AgreementKind::Supplementary),
            "A" => Some(AgreementKind::Activation),
            _ => None,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            AgreementKind::Main => "H",
            AgreementKind::Supplementary => "T",
            AgreementKind::Activation => "A",
        }
    }
}

/// Kind of a place tier (R-AGR-7). `Converted` is legacy and paid like a per-unit tier.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum TierKind {
    UnitPrice,
    Standby,
    Converted,
}

impl TierKind {
    pub fn from_code(code: &str) -> Option<TierKind> {
        match code {
            "unit_price" => Some(TierKind::UnitPrice),
            "standby" => Some(TierKind::Standby),
            "converted" => Some(TierKind::Converted),
            _ => None,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            TierKind::UnitPrice => "unit_price",
            TierKind::Standby => "standby",
            TierKind::Converted => "converted",
        }
    }
}

/// How many places (or persons) a tier holds; 0 in the API means unbounded (R-AGR-7, R-AGR-8).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "u32", into = "u32")]
pub enum Capacity {
    Bounded(u32),
    Unbounded,
}

impl Capacity {
    pub(crate) fn limit(self) -> u32 {
        match self {
            Capacity::Bounded(places) => places,
            Capacity::Unbounded => u32::MAX,
        }
    }

    /// The count as the API writes it: 0 for unbounded.
    pub fn count(self) -> u32 {
        match self {
            Capacity::Bounded(places) => places,
            Capacity::Unbounded => 0,
        }
    }
}

impl From<u32> for Capacity {
    fn from(count: u32) -> Capacity {
        match count {
            0 => Capacity::Unbounded,
            places => Capacity::Bounded(places),
        }
    }
}

impl From<Capacity> for u32 {
    fn from(capacity: Capacity) -> u32 {
        capacity.count()
    }
}

/// One agreement as it pays for one unit (a centre number with its one place type).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Agreement {
    pub kind: AgreementKind,
    /// From valid-from to the stop date when set, otherwise to valid-to (R-AGR-3).
    pub validity: DateRange,
    pub fixed_places: u32,
    pub fixed_annual_operating: Ore,
    pub fixed_annual_rent: Ore,
}

#[cfg(test)]
mod tests;
