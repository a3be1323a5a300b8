//! Validated claim input. These values exist only through [`ClaimRequest::parse`], so the engine
//! never sees a negative price, a duplicate priority or an end before a start.
//!
//! [`ClaimRequest::parse`]: super::ClaimRequest::parse

use std::fmt;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::money::Ore;

/// A calendar month, `YYYY-MM` in the API (years 1–9999).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month {
    year: i32,
    month: u32,
}

impl Month {
    pub fn new(year: i32, month: u32) -> Option<Month> {
        ((1..=9999).contains(&year) && (1..=12).contains(&month)).then_some(Month { year, month })
    }

    /// Strict `YYYY-MM`: four-digit year, two-digit month.
    pub fn parse(text: &str) -> Option<Month> {
        let bytes = text.as_bytes();
        if bytes.len() != 7 || bytes[4] != b'-' {
            return None;
        }
        Month::new(digits(&text[..4])? as i32, digits(&text[5..])?)
    }

    pub fn year(self) -> i32 {
        self.year
    }

    /// 1–12.
    pub fn number(self) -> u32 {
        self.month
    }

    pub fn first_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, self.month, 1).expect("validated month")
    }

    /// The first day of the next month (the exclusive end of this one).
    pub fn end(self) -> NaiveDate {
        if self.month == 12 {
            NaiveDate::from_ymd_opt(self.year + 1, 1, 1)
        } else {
            NaiveDate::from_ymd_opt(self.year, self.month + 1, 1)
        }
        .expect("validated month")
    }

    /// 28–31.
    pub fn days(self) -> u32 {
        let year = self.year as u32; // 1–9999
        let leap =
            year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400));
        match self.month {
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => 31,
        }
    }

    pub fn contains(self, date: NaiveDate) -> bool {
        date.year() == self.year && date.month() == self.month
    }
}

/// Strict `YYYY-MM-DD` that names a day that exists.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let bytes = text.as_bytes();
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    let year = digits(&text[..4])? as i32;
    NaiveDate::from_ymd_opt(year, digits(&text[5..7])?, digits(&text[8..])?).filter(|_| year >= 1)
}

fn digits(text: &str) -> Option<u32> {
    if text.is_empty() || !text.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

impl fmt::Display for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

impl Serialize for Month {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// Place type (plasstype), with the API codes of SPEC §10.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum PlaceType {
    #[serde(rename = "ordinary")]
    Ordinary,
    #[serde(rename = "transit")]
    Transit,
    #[serde(rename = "youth_over_15")]
    YouthOver15,
    #[serde(rename = "youth_under_15")]
    YouthUnder15,
    #[serde(rename = "transit_48h")]
    Transit48h,
    #[serde(rename = "departure")]
    Departure,
    #[serde(rename = "reinforced")]
    Reinforced,
    #[serde(rename = "other")]
    Other,
    #[serde(rename = "emergency")]
    Emergency,
}

impl PlaceType {
    pub const ALL: [PlaceType; 9] = [
        PlaceType::Ordinary,
        PlaceType::Transit,
        PlaceType::YouthOver15,
        PlaceType::YouthUnder15,
        PlaceType::Transit48h,
        PlaceType::Departure,
        PlaceType::Reinforced,
        PlaceType::Other,
        PlaceType::Emergency,
    ];

    pub fn code(self) -> &'static str {
        match self {
            PlaceType::Ordinary => "ordinary",
            PlaceType::Transit => "transit",
            PlaceType::YouthOver15 => "youth_over_15",
            PlaceType::YouthUnder15 => "youth_under_15",
            PlaceType::Transit48h => "transit_48h",
            PlaceType::Departure => "departure",
            PlaceType::Reinforced => "reinforced",
            PlaceType::Other => "other",
            PlaceType::Emergency => "emergency",
        }
    }

    pub fn from_code(code: &str) -> Option<PlaceType> {
        PlaceType::ALL
            .into_iter()
            .find(|place_type| place_type.code() == code)
    }
}

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
    pub(super) fn limit(self) -> u32 {
        match self {
            Capacity::Bounded(places) => places,
            Capacity::Unbounded => u32::MAX,
        }
    }
}

/// One agreement of a unit, as the engine needs it. Dates are day numbers
/// (`NaiveDate::num_days_from_ce`) so that the month's arithmetic is integer comparisons.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Agreement {
    pub(super) kind: AgreementKind,
    /// First day in force.
    pub(super) from_day: i32,
    /// Exclusive end: the stop date when set, otherwise valid-to (R-AGR-3).
    pub(super) end_day: i32,
    pub(super) fixed_places: u32,
    pub(super) fixed_annual_operating: Ore,
    pub(super) fixed_annual_rent: Ore,
}

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
