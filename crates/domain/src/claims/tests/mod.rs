//! Tests of the claim engine, named after the rules they check. Helpers build requests the way
//! the API receives them, so every test also goes through `parse`.
//!
//! Amounts are written as kroner_øre: `101_03` is kr 101,03.
#![allow(clippy::inconsistent_digit_grouping)]

mod contract;
mod fixed_transfers;
mod payment_terms;
mod properties;
mod regulated_transfers;
mod rules;
mod stored;
mod validation;

use super::*;
pub(super) use crate::dates::{Month, parse_date};
pub(super) use crate::money::Ore;
pub(super) use crate::place_types::PlaceType;

pub(super) fn agreement(kind: &str, valid_from: &str, valid_to: &str) -> AgreementRequest {
    AgreementRequest {
        kind: kind.into(),
        valid_from: valid_from.into(),
        valid_to: valid_to.into(),
        ..AgreementRequest::default()
    }
}

/// A main agreement in force all of 2024 and 2025.
pub(super) fn main_agreement() -> AgreementRequest {
    agreement("H", "2024-01-01", "2026-01-01")
}

pub(super) fn tier(priority: i64, kind: &str, places: i64, price: i64) -> UnitTierRequest {
    UnitTierRequest {
        priority,
        kind: kind.into(),
        places,
        price,
    }
}

pub(super) fn meal(priority: i64, persons: i64, price: i64) -> MealTierRequest {
    MealTierRequest {
        priority,
        persons,
        price,
    }
}

pub(super) fn unit(
    place_type: &str,
    canteen: bool,
    agreements: Vec<AgreementRequest>,
) -> UnitRequest {
    UnitRequest {
        place_type: place_type.into(),
        canteen,
        agreements,
    }
}

pub(super) fn on(date: &str, place_type: &str, residents: i64) -> OccupancyRequest {
    OccupancyRequest {
        date: date.into(),
        place_type: place_type.into(),
        residents,
    }
}

/// The same number of residents on every day of `month`.
pub(super) fn every_day(month: &str, place_type: &str, residents: i64) -> Vec<OccupancyRequest> {
    let month = Month::parse(month).expect("test month");
    (1..=month.days())
        .map(|day| on(&format!("{month}-{day:02}"), place_type, residents))
        .collect()
}

pub(super) fn request(
    month: &str,
    units: Vec<UnitRequest>,
    occupancy: Vec<OccupancyRequest>,
) -> ClaimRequest {
    ClaimRequest {
        month: month.into(),
        units,
        occupancy,
    }
}

pub(super) fn claim(request: &ClaimRequest) -> ClaimResponse {
    compute(&request.parse().expect("a valid request"))
}

/// The line of `kind` with `priority` (`None` for fixed lines), of the only place type used.
pub(super) fn line(claim: &ClaimResponse, kind: LineKind, priority: Option<u32>) -> &ClaimLine {
    claim
        .lines
        .iter()
        .find(|line| line.kind == kind && line.priority == priority)
        .unwrap_or_else(|| panic!("no {kind:?} line with priority {priority:?} in {claim:#?}"))
}

pub(super) fn date(text: &str) -> chrono::NaiveDate {
    parse_date(text).expect("test date")
}
