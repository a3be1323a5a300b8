//! The operating agreement (driftsavtale, SPEC §4) as the rules see it: its kind, its validity as
//! a half-open range (R-AGR-3), its fixed places and transfers, and the tiers of its queues.

use crate::dates::DateRange;
use crate::money::Ore;

/// Agreement kind (R-AGR-1): main (H), supplementary (T), activation of standby places (A).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AgreementKind {
    Main,
    Supplementary,
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
}

/// Kind of a place tier (R-AGR-7). `Converted` is legacy and paid like a per-unit tier.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
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
}

/// How many places (or persons) a tier holds; 0 in the API means unbounded (R-AGR-7, R-AGR-8).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
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
