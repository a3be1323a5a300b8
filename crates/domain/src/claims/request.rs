//! The request of `POST /api/v1/claims/simulate` exactly as SPEC §10 spells it, with raw
//! primitives; [`ClaimRequest::parse`] turns it into a [`ClaimInput`] or a [`FieldError`] naming
//! the bad field as a path into the request (`units[0].agreements[1].unit_tiers[2].price`).

use serde::Deserialize;

use super::input::ClaimInput;
use crate::error::FieldError;

/// `{month, units: [...], occupancy: [...]}`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
pub struct ClaimRequest {
    /// `YYYY-MM`.
    pub month: String,
    pub units: Vec<UnitRequest>,
    /// Days absent from the list have no residents.
    #[serde(default)]
    pub occupancy: Vec<OccupancyRequest>,
}

/// `{place_type, canteen, agreements}`: one place type of a centre.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
pub struct UnitRequest {
    pub place_type: String,
    pub canteen: bool,
    pub agreements: Vec<AgreementRequest>,
}

/// One agreement (H, T or A) as it applies to the unit.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
pub struct AgreementRequest {
    /// `H`, `T` or `A`.
    pub kind: String,
    /// `YYYY-MM-DD`, first day in force.
    pub valid_from: String,
    /// `YYYY-MM-DD`, exclusive (R-AGR-3).
    pub valid_to: String,
    /// `YYYY-MM-DD`, exclusive; replaces `valid_to` as the end when set.
    #[serde(default)]
    pub stop_date: Option<String>,
    #[serde(default)]
    pub fixed_places: i64,
    /// Øre per year.
    #[serde(default)]
    pub fixed_annual_operating: i64,
    /// Øre per year.
    #[serde(default)]
    pub fixed_annual_rent: i64,
    #[serde(default)]
    pub unit_tiers: Vec<UnitTierRequest>,
    #[serde(default)]
    pub meal_tiers: Vec<MealTierRequest>,
}

/// `{priority, kind, places, price}`; `places` 0 is the unbounded over-occupancy tier.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
pub struct UnitTierRequest {
    pub priority: i64,
    /// `unit_price`, `standby` or `converted`.
    pub kind: String,
    pub places: i64,
    /// Øre per place per day.
    pub price: i64,
}

/// `{priority, persons, price}`; `persons` 0 is unbounded.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
pub struct MealTierRequest {
    pub priority: i64,
    pub persons: i64,
    /// Øre per person per day.
    pub price: i64,
}

/// `{date, place_type, residents}`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
pub struct OccupancyRequest {
    pub date: String,
    pub place_type: String,
    pub residents: i64,
}

impl ClaimRequest {
    /// Validates everything the engine relies on; the first problem found is returned.
    pub fn parse(&self) -> Result<ClaimInput, FieldError> {
        self.parse_all()
            .map_err(|errors| errors.into_iter().next().expect("at least one error"))
    }

    /// Validates everything the engine relies on and returns every problem, in request order.
    pub fn parse_all(&self) -> Result<ClaimInput, Vec<FieldError>> {
        super::parse::parse(self)
    }
}

impl TryFrom<&ClaimRequest> for ClaimInput {
    type Error = FieldError;

    fn try_from(request: &ClaimRequest) -> Result<ClaimInput, FieldError> {
        request.parse()
    }
}
