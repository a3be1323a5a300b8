//! A validated agreement with every term (SPEC §4): what is stored, versioned and read back. Built
//! only by [`super::draft`] (or read back from a stored version), so the dates are in order and
//! every price has its terms with the §10 defaults applied.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{Agreement, AgreementKind, Capacity, TierKind};
use crate::dates::DateRange;
use crate::money::Ore;
use crate::payment::Payment;

/// The whole agreement as agreed (and as changed since: every change is a new version).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AgreementTerms {
    pub kind: AgreementKind,
    pub operator_id: i64,
    pub name: String,
    pub signed: NaiveDate,
    /// The date of award, when earlier than `signed`.
    pub awarded: Option<NaiveDate>,
    pub operation_start: NaiveDate,
    pub valid_from: NaiveDate,
    /// Exclusive (R-AGR-3).
    pub valid_to: NaiveDate,
    /// Exclusive; replaces `valid_to` as the end when set (R-AGR-3, R-AGR-4).
    pub stop_date: Option<NaiveDate>,
    pub notice_period_months: u32,
    /// The date notice was given (R-AGR-4), when it was.
    pub notice_date: Option<NaiveDate>,
    pub extension_deadline_months: Option<u32>,
    /// Intermunicipal centre (IK in the name, R-AGR-2).
    pub intermunicipal: bool,
    /// The procurement reference and notes.
    pub remark: Option<String>,
    pub units: Vec<UnitTerms>,
}

/// One unit: a centre (with its one place type) and what the agreement pays for it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct UnitTerms {
    pub centre_id: i64,
    pub canteen: bool,
    pub fixed_places: u32,
    /// Paid only while an activation (A) agreement of the centre is valid (R-AGR-5).
    pub standby_places: u32,
    /// Øre per year (R-AGR-6).
    pub fixed_annual_operating: Price,
    /// Øre per year (R-AGR-6).
    pub fixed_annual_rent: Price,
    pub unit_tiers: Vec<PlaceTier>,
    pub meal_tiers: Vec<MealTier>,
}

/// A place tier (R-AGR-7); `places` 0 is the over-occupancy tier.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PlaceTier {
    pub priority: u32,
    pub kind: TierKind,
    #[cfg_attr(feature = "openapi", schema(value_type = u32))]
    pub places: Capacity,
    /// Øre per place per day.
    pub price: Price,
}

/// A meal tier (R-AGR-8); `persons` 0 is unbounded.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MealTier {
    pub priority: u32,
    #[cfg_attr(feature = "openapi", schema(value_type = u32))]
    pub persons: Capacity,
    /// Øre per person per day.
    pub price: Price,
}

/// A price with its terms: as agreed, as regulated so far (R-AGR-9), and how it is paid
/// (R-AGR-10).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Price {
    /// As agreed, øre.
    #[cfg_attr(feature = "openapi", schema(value_type = i64))]
    pub amount: Ore,
    /// After the regulations so far, øre; the amount until the first.
    #[cfg_attr(feature = "openapi", schema(value_type = i64))]
    pub current: Ore,
    /// The date of the last regulation, if any.
    pub regulated_on: Option<NaiveDate>,
    /// Absent: not regulated (claims use the agreed price).
    pub regulation: Option<Regulation>,
    pub payment: Payment,
}

/// Index regulation of one price (R-AGR-9).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Regulation {
    /// 1–12: regulated on the month's first day.
    pub month: u32,
    /// Percentage of the CPI change applied.
    pub percent: u32,
    pub base_date: NaiveDate,
    pub lag_months: u32,
    pub first_date: NaiveDate,
}

impl AgreementTerms {
    /// The exclusive end: the stop date when set, otherwise valid-to (R-AGR-3).
    pub fn end(&self) -> NaiveDate {
        self.stop_date.unwrap_or(self.valid_to)
    }

    /// From valid-from to the end; `valid_from < end` holds for every validated agreement.
    pub fn validity(&self) -> DateRange {
        DateRange::new(self.valid_from, self.end()).expect("validated: valid_from < end")
    }

    /// The last operating day the screen shows: the day before the exclusive end (R-AGR-3).
    pub fn last_operating_day(&self) -> NaiveDate {
        self.end().pred_opt().unwrap_or(self.end())
    }

    pub fn unit_of(&self, centre_id: i64) -> Option<&UnitTerms> {
        self.units.iter().find(|unit| unit.centre_id == centre_id)
    }

    /// The agreement as the claim engine sees it for one unit, with the current fixed amounts.
    pub fn engine_agreement(&self, unit: &UnitTerms) -> Agreement {
        Agreement {
            kind: self.kind,
            validity: self.validity(),
            fixed_places: unit.fixed_places,
            fixed_annual_operating: unit.fixed_annual_operating.current,
            fixed_annual_rent: unit.fixed_annual_rent.current,
        }
    }
}
