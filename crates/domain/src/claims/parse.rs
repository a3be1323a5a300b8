//! [`ClaimRequest`] → [`ClaimInput`]: every check the arithmetic relies on, each naming its field.
//!
//! Upper limits keep every sum far inside `i64` øre (so bad input is a 400, never an overflow):
//! counts (places, persons, residents, fixed places) up to [`MAX_COUNT`], prices up to
//! [`MAX_PRICE`] øre a day, annual amounts up to [`MAX_ANNUAL`] øre, priorities 1 to
//! [`MAX_PRIORITY`], at most [`MAX_AGREEMENTS`] agreements per unit.

mod limits;
mod occupancy;
mod queue;

use super::input::{ClaimInput, QueuedMealTier, QueuedTier, Unit};
use super::request::{AgreementRequest, ClaimRequest, MealTierRequest, UnitTierRequest};
use crate::agreements::{Agreement, AgreementKind, TierKind};
use crate::dates::{DateRange, Month, parse_date};
use crate::error::{FieldError, FieldErrors, Problem};
use crate::place_types::PlaceType;
use occupancy::Occupancy;
use queue::{QueueEntry, check_queue};

pub use limits::{MAX_AGREEMENTS, MAX_ANNUAL, MAX_COUNT, MAX_PRICE, MAX_PRIORITY};
pub(crate) use limits::{annual, capacity, count, price, priority};

/// Every problem of the request, in the order of the request; the first is the one a caller
/// that wants only one reports.
pub(super) fn parse(request: &ClaimRequest) -> Result<ClaimInput, Vec<FieldError>> {
    let mut errors = FieldErrors::default();
    let month = errors.check(
        Month::parse(&request.month).ok_or_else(|| FieldError::coded("month", Problem::Month)),
    );
    let mut units: Vec<Unit> = Vec::with_capacity(request.units.len());
    // A unit whose place type is unknown is checked, but no occupancy can be matched to it.
    let mut unknown_place_type = false;
    for (u, unit) in request.units.iter().enumerate() {
        let at = |field: &str| format!("units[{u}].{field}");
        let place_type = PlaceType::from_code(&unit.place_type);
        match place_type {
            None => {
                unknown_place_type = true;
                errors.push(FieldError::coded(at("place_type"), Problem::ClaimPlaceType));
            }
            Some(place_type) => {
                if let Some(first) = units
                    .iter()
                    .position(|other| other.place_type == place_type)
                {
                    let problem = Problem::PlaceTypeTaken { first };
                    errors.push(FieldError::coded(at("place_type"), problem));
                }
            }
        }
        if unit.agreements.len() > MAX_AGREEMENTS {
            let problem = Problem::TooManyAgreements {
                max: MAX_AGREEMENTS,
            };
            errors.push(FieldError::coded(at("agreements"), problem));
            continue;
        }
        let mut parsed = Unit {
            place_type: place_type.unwrap_or(PlaceType::Other),
            canteen: unit.canteen,
            agreements: Vec::with_capacity(unit.agreements.len()),
            tiers: Vec::new(),
            meal_tiers: Vec::new(),
            residents: [0; 31],
        };
        // Per agreement of the request: its validity, when it parsed (the queue rule needs it).
        let mut validities: Vec<Option<DateRange>> = Vec::with_capacity(unit.agreements.len());
        for (a, agreement) in unit.agreements.iter().enumerate() {
            let at = |field: &str| format!("units[{u}].agreements[{a}].{field}");
            let parsed_agreement = parse_agreement(agreement, &at, &mut errors);
            validities.push(
                parsed_agreement
                    .as_ref()
                    .map(|agreement| agreement.validity),
            );
            if let Some(agreement) = parsed_agreement {
                parsed.agreements.push(agreement);
            }
            for (t, tier) in agreement.unit_tiers.iter().enumerate() {
                if let Some(tier) = parse_tier(tier, a, t, &at, &mut errors) {
                    parsed.tiers.push(tier);
                }
            }
            if !unit.canteen && !agreement.meal_tiers.is_empty() {
                let problem = Problem::MealTiersNeedCanteen;
                errors.push(FieldError::coded(at("meal_tiers"), problem));
            }
            for (t, tier) in agreement.meal_tiers.iter().enumerate() {
                if let Some(tier) = parse_meal_tier(tier, a, t, &at, &mut errors) {
                    parsed.meal_tiers.push(tier);
                }
            }
        }
        errors.check(check_queue(
            &mut parsed.tiers,
            |tier| QueueEntry::new(tier.agreement, tier.position, tier.priority, tier.capacity),
            &validities,
            (u, "unit_tiers", "places"),
        ));
        errors.check(check_queue(
            &mut parsed.meal_tiers,
            |tier| QueueEntry::new(tier.agreement, tier.position, tier.priority, tier.persons),
            &validities,
            (u, "meal_tiers", "persons"),
        ));
        if place_type.is_some() {
            units.push(parsed);
        }
    }
    if let Some(month) = month {
        let occupancy = Occupancy {
            month,
            unknown_place_type,
        };
        let mut seen = vec![0u32; units.len()];
        for (o, entry) in request.occupancy.iter().enumerate() {
            errors.check(occupancy.parse(entry, o, &mut units, &mut seen));
        }
    }
    errors.into_result(|| ClaimInput {
        month: month.expect("no errors, so the month parsed"),
        units,
    })
}

fn parse_agreement(
    agreement: &AgreementRequest,
    at: &impl Fn(&str) -> String,
    errors: &mut FieldErrors,
) -> Option<Agreement> {
    let kind = errors.check(
        AgreementKind::from_code(&agreement.kind)
            .ok_or_else(|| FieldError::coded(at("kind"), Problem::AgreementKind)),
    );
    let date = |text: &str, field: &str| {
        parse_date(text).ok_or_else(|| FieldError::coded(at(field), Problem::Date))
    };
    let valid_from = errors.check(date(&agreement.valid_from, "valid_from"));
    let valid_to = errors.check(date(&agreement.valid_to, "valid_to"));
    let stop_date = agreement
        .stop_date
        .as_ref()
        .map(|stop_date| errors.check(date(stop_date, "stop_date")));
    if let (Some(from), Some(to)) = (valid_from, valid_to)
        && to <= from
    {
        errors.push(FieldError::coded(at("valid_to"), Problem::AfterValidFrom));
    }
    if let (Some(from), Some(Some(stop))) = (valid_from, stop_date)
        && stop <= from
    {
        errors.push(FieldError::coded(at("stop_date"), Problem::AfterValidFrom));
    }
    let fixed_places = errors.check(count(agreement.fixed_places, || at("fixed_places")));
    let fixed_annual_operating = errors.check(annual(agreement.fixed_annual_operating, || {
        at("fixed_annual_operating")
    }));
    let fixed_annual_rent = errors.check(annual(agreement.fixed_annual_rent, || {
        at("fixed_annual_rent")
    }));
    let end = match stop_date {
        Some(stop_date) => stop_date?,
        None => valid_to?,
    };
    let from = valid_from?;
    DateRange::new(from, valid_to?)?;
    Some(Agreement {
        kind: kind?,
        validity: DateRange::new(from, end)?,
        fixed_places: fixed_places?,
        fixed_annual_operating: fixed_annual_operating?,
        fixed_annual_rent: fixed_annual_rent?,
    })
}

fn parse_tier(
    tier: &UnitTierRequest,
    agreement: usize,
    position: usize,
    at: &impl Fn(&str) -> String,
    errors: &mut FieldErrors,
) -> Option<QueuedTier> {
    let field = |name: &str| at(&format!("unit_tiers[{position}].{name}"));
    let priority = errors.check(priority(tier.priority, || field("priority")));
    let kind = errors.check(
        TierKind::from_code(&tier.kind)
            .ok_or_else(|| FieldError::coded(field("kind"), Problem::TierKind)),
    );
    let capacity = errors.check(capacity(tier.places, || field("places")));
    let price = errors.check(price(tier.price, || field("price")));
    Some(QueuedTier {
        agreement,
        position,
        priority: priority?,
        kind: kind?,
        capacity: capacity?,
        price: price?,
    })
}

fn parse_meal_tier(
    tier: &MealTierRequest,
    agreement: usize,
    position: usize,
    at: &impl Fn(&str) -> String,
    errors: &mut FieldErrors,
) -> Option<QueuedMealTier> {
    let field = |name: &str| at(&format!("meal_tiers[{position}].{name}"));
    let priority = errors.check(priority(tier.priority, || field("priority")));
    let persons = errors.check(capacity(tier.persons, || field("persons")));
    let price = errors.check(price(tier.price, || field("price")));
    Some(QueuedMealTier {
        agreement,
        position,
        priority: priority?,
        persons: persons?,
        price: price?,
    })
}
