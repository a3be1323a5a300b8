//! The request of `POST /api/v1/claims/simulate` exactly as SPEC §10 spells it, with raw
//! primitives (and, with the `openapi` feature, its schema for the API's description); [`ClaimRequest::parse`] turns it into a [`ClaimInput`] or a [`FieldError`] naming
//! the bad field as a path into the request (`units[0].agreements[1].unit_tiers[2].price`).

use serde::{Deserialize, Serialize};

use super::input::ClaimInput;
use crate::error::FieldError;

/// `{month, units, occupancy}`: one month of one centre's units, agreements and occupancy.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ClaimRequest {
    /// `YYYY-MM`.
    #[cfg_attr(
        feature = "openapi",
        schema(example = "2026-03", pattern = "^[0-9]{4}-(0[1-9]|1[0-2])$")
    )]
    pub month: String,
    pub units: Vec<UnitRequest>,
    /// Residents per date and place type; a day without an entry has none.
    #[serde(default)]
    pub occupancy: Vec<OccupancyRequest>,
}

/// One place type of the centre (R-AGR-12) with every agreement that pays for it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct UnitRequest {
    /// `ordinary`, `transit`, `youth_over_15`, `youth_under_15`, `transit_48h`, `departure`,
    /// `reinforced`, `other` or `emergency`; one unit per place type.
    #[cfg_attr(
        feature = "openapi",
        schema(
            example = "ordinary",
            pattern = "^(ordinary|transit|youth_over_15|youth_under_15|transit_48h|departure|reinforced|other|emergency)$"
        )
    )]
    pub place_type: String,
    /// Meal tiers are allowed only with a canteen (R-AGR-8).
    pub canteen: bool,
    pub agreements: Vec<AgreementRequest>,
}

/// One agreement (R-AGR-1) as it applies to the unit. Intervals are half-open (R-AGR-3).
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AgreementRequest {
    /// `H` (main), `T` (supplementary) or `A` (activation of standby places).
    #[cfg_attr(feature = "openapi", schema(example = "H", pattern = "^(H|T|A)$"))]
    pub kind: String,
    /// `YYYY-MM-DD`, the first day in force.
    #[cfg_attr(feature = "openapi", schema(format = Date))]
    pub valid_from: String,
    /// `YYYY-MM-DD`, exclusive: after `valid_from`.
    #[cfg_attr(feature = "openapi", schema(format = Date))]
    pub valid_to: String,
    /// `YYYY-MM-DD`, exclusive; replaces `valid_to` as the end when set.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(format = Date))]
    pub stop_date: Option<String>,
    /// Fixed places (faste plasser), filled first every day.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(default = 0, minimum = 0))]
    pub fixed_places: i64,
    /// Fixed annual transfer for operation, øre per year (R-CLM-3).
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(default = 0, minimum = 0))]
    pub fixed_annual_operating: i64,
    /// Fixed annual transfer for rent, øre per year (R-CLM-3).
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(default = 0, minimum = 0))]
    pub fixed_annual_rent: i64,
    /// Place tiers; priorities are unique across all agreements of the unit (R-AGR-11).
    #[serde(default)]
    pub unit_tiers: Vec<UnitTierRequest>,
    /// Meal tiers, a queue of their own (R-AGR-8).
    #[serde(default)]
    pub meal_tiers: Vec<MealTierRequest>,
}

/// A place tier (R-AGR-7).
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct UnitTierRequest {
    #[cfg_attr(feature = "openapi", schema(minimum = 1))]
    pub priority: i64,
    /// `unit_price`, `standby` (paid only while an `A` agreement is in force) or `converted`.
    #[cfg_attr(
        feature = "openapi",
        schema(example = "unit_price", pattern = "^(unit_price|standby|converted)$")
    )]
    pub kind: String,
    /// Places; 0 is the unbounded over-occupancy tier, which must be last by priority.
    #[cfg_attr(feature = "openapi", schema(minimum = 0))]
    pub places: i64,
    /// Øre per place per day.
    #[cfg_attr(feature = "openapi", schema(minimum = 0))]
    pub price: i64,
}

/// A meal tier (R-AGR-8).
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MealTierRequest {
    #[cfg_attr(feature = "openapi", schema(minimum = 1))]
    pub priority: i64,
    /// Persons; 0 is unbounded and must be last by priority.
    #[cfg_attr(feature = "openapi", schema(minimum = 0))]
    pub persons: i64,
    /// Øre per person per day.
    #[cfg_attr(feature = "openapi", schema(minimum = 0))]
    pub price: i64,
}

/// Residents of one place type on one day of the month.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OccupancyRequest {
    #[cfg_attr(feature = "openapi", schema(format = Date))]
    pub date: String,
    #[cfg_attr(
        feature = "openapi",
        schema(
            pattern = "^(ordinary|transit|youth_over_15|youth_under_15|transit_48h|departure|reinforced|other|emergency)$"
        )
    )]
    pub place_type: String,
    #[cfg_attr(feature = "openapi", schema(minimum = 0))]
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
