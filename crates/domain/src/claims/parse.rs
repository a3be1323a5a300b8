//! [`ClaimRequest`] → [`ClaimInput`]: every check the arithmetic relies on, each naming its field.
//!
//! Upper limits keep every sum far inside `i64` øre (so bad input is a 400, never an overflow):
//! counts (places, persons, residents, fixed places) up to [`MAX_COUNT`], prices up to
//! [`MAX_PRICE`] øre a day, annual amounts up to [`MAX_ANNUAL`] øre, priorities 1 to
//! [`MAX_PRIORITY`], at most [`MAX_AGREEMENTS`] agreements per unit.

use super::input::{ClaimInput, QueuedMealTier, QueuedTier, Unit};
use super::request::{
    AgreementRequest, ClaimRequest, MealTierRequest, OccupancyRequest, UnitTierRequest,
};
use crate::agreements::queue::{QueueClash, QueueSlot, queue_clash};
use crate::agreements::{Agreement, AgreementKind, Capacity, TierKind};
use crate::dates::{DateRange, Month, day_number, parse_date};
use crate::error::{FieldError, FieldErrors, Problem};
use crate::money::Ore;
use crate::place_types::PlaceType;

pub const MAX_COUNT: i64 = 1_000_000;
pub const MAX_PRICE: i64 = 100_000_000;
pub const MAX_ANNUAL: i64 = 1_000_000_000_000;
pub const MAX_PRIORITY: i64 = 1_000_000;
pub const MAX_AGREEMENTS: usize = 64;

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
            &validities,
            u,
            "unit_tiers",
            "places",
        ));
        errors.check(check_queue(
            &mut parsed.meal_tiers,
            &validities,
            u,
            "meal_tiers",
            "persons",
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

/// What [`check_queue`] needs of a place tier or a meal tier.
trait Queued {
    fn agreement(&self) -> usize;
    fn position(&self) -> usize;
    fn priority(&self) -> u32;
    fn capacity(&self) -> Capacity;
}

impl Queued for QueuedTier {
    fn agreement(&self) -> usize {
        self.agreement
    }
    fn position(&self) -> usize {
        self.position
    }
    fn priority(&self) -> u32 {
        self.priority
    }
    fn capacity(&self) -> Capacity {
        self.capacity
    }
}

impl Queued for QueuedMealTier {
    fn agreement(&self) -> usize {
        self.agreement
    }
    fn position(&self) -> usize {
        self.position
    }
    fn priority(&self) -> u32 {
        self.priority
    }
    fn capacity(&self) -> Capacity {
        self.persons
    }
}

/// Sorts a unit's queue by priority and checks R-AGR-7, R-AGR-8 and R-AGR-11 with the rule of
/// `agreements::queue`: priorities are unique among the unit's agreements whose validity
/// overlaps, and an unbounded tier is the last of the queue among the agreements valid on the
/// same days. An agreement whose dates did not parse is taken as overlapping every other.
fn check_queue<T: Queued>(
    queue: &mut [T],
    validities: &[Option<DateRange>],
    unit: usize,
    list: &str,
    capacity_field: &str,
) -> Result<(), FieldError> {
    let path = |tier: &T| {
        format!(
            "units[{unit}].agreements[{}].{list}[{}]",
            tier.agreement(),
            tier.position()
        )
    };
    let slot = |tier: &T| QueueSlot {
        validity: validities.get(tier.agreement()).copied().flatten(),
        priority: tier.priority(),
        unbounded: tier.capacity() == Capacity::Unbounded,
    };
    // Stable: of two equal priorities, the one later in the request is the one reported.
    queue.sort_by_key(Queued::priority);
    for (index, tier) in queue.iter().enumerate() {
        let same = queue[..index]
            .iter()
            .rev()
            .take_while(|earlier| earlier.priority() == tier.priority());
        for earlier in same {
            if queue_clash(&slot(tier), &slot(earlier)).is_some() {
                let problem = Problem::PriorityUsed { by: path(earlier) };
                return Err(FieldError::coded(
                    format!("{}.priority", path(tier)),
                    problem,
                ));
            }
        }
    }
    for (index, tier) in queue.iter().enumerate() {
        if tier.capacity() != Capacity::Unbounded {
            continue;
        }
        if queue[index + 1..].iter().any(|later| {
            queue_clash(&slot(tier), &slot(later)) == Some(QueueClash::UnboundedNotLast)
        }) {
            return Err(FieldError::coded(
                format!("{}.{capacity_field}", path(tier)),
                Problem::UnboundedNotLast,
            ));
        }
    }
    Ok(())
}

/// What an occupancy entry is checked against.
struct Occupancy {
    month: Month,
    /// A unit's place type was unknown: an entry for no known unit may well be for that one.
    unknown_place_type: bool,
}

impl Occupancy {
    fn parse(
        &self,
        entry: &OccupancyRequest,
        o: usize,
        units: &mut [Unit],
        seen: &mut [u32],
    ) -> Result<(), FieldError> {
        let month = self.month;
        let at = |field: &str| format!("occupancy[{o}].{field}");
        let date =
            parse_date(&entry.date).ok_or_else(|| FieldError::coded(at("date"), Problem::Date))?;
        if !month.contains(date) {
            let month = month.to_string();
            return Err(FieldError::coded(
                at("date"),
                Problem::OutsideMonth { month },
            ));
        }
        let place_type = PlaceType::from_code(&entry.place_type)
            .ok_or_else(|| FieldError::coded(at("place_type"), Problem::ClaimPlaceType))?;
        let residents = count(entry.residents, || at("residents"))?;
        let Some(unit) = units.iter().position(|unit| unit.place_type == place_type) else {
            if self.unknown_place_type {
                return Ok(());
            }
            return Err(FieldError::coded(
                at("place_type"),
                Problem::NoUnitWithPlaceType,
            ));
        };
        let day = (day_number(date) - day_number(month.first_day())) as usize;
        if seen[unit] & (1 << day) != 0 {
            return Err(FieldError::coded(at("date"), Problem::SecondEntry));
        }
        seen[unit] |= 1 << day;
        units[unit].residents[day] = residents;
        Ok(())
    }
}

fn bounded(value: i64, max: i64, field: impl FnOnce() -> String) -> Result<i64, FieldError> {
    if value < 0 {
        Err(FieldError::coded(field(), Problem::Negative))
    } else if value > max {
        Err(FieldError::coded(field(), Problem::AtMost { max }))
    } else {
        Ok(value)
    }
}

pub(crate) fn count(value: i64, field: impl FnOnce() -> String) -> Result<u32, FieldError> {
    bounded(value, MAX_COUNT, field).map(|value| value as u32)
}

pub(crate) fn capacity(value: i64, field: impl FnOnce() -> String) -> Result<Capacity, FieldError> {
    Ok(match count(value, field)? {
        0 => Capacity::Unbounded,
        places => Capacity::Bounded(places),
    })
}

pub(crate) fn price(value: i64, field: impl FnOnce() -> String) -> Result<Ore, FieldError> {
    bounded(value, MAX_PRICE, field).map(Ore)
}

pub(crate) fn annual(value: i64, field: impl FnOnce() -> String) -> Result<Ore, FieldError> {
    bounded(value, MAX_ANNUAL, field).map(Ore)
}

pub(crate) fn priority(value: i64, field: impl FnOnce() -> String) -> Result<u32, FieldError> {
    if value < 1 {
        return Err(FieldError::coded(field(), Problem::AtLeastOne));
    }
    bounded(value, MAX_PRIORITY, field).map(|value| value as u32)
}
