//! The computed claim, serialized exactly as the response of `POST /api/v1/claims/simulate`
//! (SPEC §10): `{month, lines: [{kind, place_type, priority, price, days, quantity, amount}],
//! total, warnings: [{date, place_type, unpaid_residents | unpaid_meals}]}`.

use chrono::NaiveDate;
use serde::Serialize;

use crate::agreements::TierKind;
use crate::dates::Month;
use crate::money::Ore;
use crate::place_types::PlaceType;

/// What one month earns (refusjonskrav, R-CLM-1 to R-CLM-4).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ClaimResponse {
    /// `YYYY-MM`.
    #[cfg_attr(feature = "openapi", schema(value_type = String, example = "2026-03"))]
    pub month: Month,
    pub lines: Vec<ClaimLine>,
    /// The sum of the lines' amounts, øre.
    #[cfg_attr(feature = "openapi", schema(value_type = i64))]
    pub total: Ore,
    /// In date order; within a day in the order of the request's units, residents before meals.
    pub warnings: Vec<ClaimWarning>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum LineKind {
    /// Fast overføring drift.
    FixedOperating,
    /// Fast overføring leie.
    FixedRent,
    /// Stykkpris.
    UnitPrice,
    /// Beredskap.
    Standby,
    /// Konverterte plasser (legacy).
    Converted,
    /// Kost, kantine, catering.
    Meals,
    /// The difference owed back for days claimed before an agreement's end moved before them
    /// (R-AGR-3); only in stored claims, never in a simulation.
    Credit,
}

impl LineKind {
    pub const ALL: [LineKind; 7] = [
        LineKind::FixedOperating,
        LineKind::FixedRent,
        LineKind::UnitPrice,
        LineKind::Standby,
        LineKind::Converted,
        LineKind::Meals,
        LineKind::Credit,
    ];

    /// The API's code (SPEC §10).
    pub fn code(self) -> &'static str {
        match self {
            LineKind::FixedOperating => "fixed_operating",
            LineKind::FixedRent => "fixed_rent",
            LineKind::UnitPrice => "unit_price",
            LineKind::Standby => "standby",
            LineKind::Converted => "converted",
            LineKind::Meals => "meals",
            LineKind::Credit => "credit",
        }
    }

    pub fn from_code(code: &str) -> Option<LineKind> {
        LineKind::ALL.into_iter().find(|kind| kind.code() == code)
    }
}

impl From<TierKind> for LineKind {
    fn from(kind: TierKind) -> LineKind {
        match kind {
            TierKind::UnitPrice => LineKind::UnitPrice,
            TierKind::Standby => LineKind::Standby,
            TierKind::Converted => LineKind::Converted,
        }
    }
}

/// One line of the claim: one tier (place or meal) or one fixed transfer of one place type.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ClaimLine {
    pub kind: LineKind,
    pub place_type: PlaceType,
    /// The tier's priority; absent for fixed lines, which come before every tier.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub priority: Option<u32>,
    /// Øre per place (or person) per day; for a fixed line the annual amount in øre per year.
    #[cfg_attr(feature = "openapi", schema(value_type = i64))]
    pub price: Ore,
    /// Active days for a fixed line; days with a non-zero quantity for the others.
    pub days: u32,
    /// Place-days or person-days; absent for fixed lines.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quantity: Option<u64>,
    /// Øre.
    #[cfg_attr(feature = "openapi", schema(value_type = i64))]
    pub amount: Ore,
}

/// Residents or meals that no place or tier pays for, on one day (R-CLM-1, R-CLM-2).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ClaimWarning {
    pub date: NaiveDate,
    pub place_type: PlaceType,
    #[serde(flatten)]
    pub unpaid: Unpaid,
}

/// Serialized as a single member: `unpaid_residents: N` or `unpaid_meals: N`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum Unpaid {
    /// Residents beyond every place and tier (R-CLM-1).
    #[serde(rename = "unpaid_residents")]
    Residents(u32),
    /// Persons beyond every meal tier (R-CLM-2).
    #[serde(rename = "unpaid_meals")]
    Meals(u32),
}

impl Unpaid {
    /// The count in its column, for tables and exports: (unpaid residents, unpaid meals), the
    /// other one empty.
    pub fn columns(self) -> (String, String) {
        match self {
            Unpaid::Residents(count) => (count.to_string(), String::new()),
            Unpaid::Meals(count) => (String::new(), count.to_string()),
        }
    }
}
