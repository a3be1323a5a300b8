//! A stored claim's input (R-CLM-5): a centre's stored agreements and its approved occupancy,
//! written as the simulation's request, so that a stored claim is computed by the same parse and
//! the same engine as `POST /api/v1/claims/simulate` — one code path, and the stored claim equals
//! the simulation of the same data by construction.
//!
//! Each day pays its own price (R-AGR-9): an agreement whose prices were regulated is written as
//! one agreement per price period, split at the regulation dates. The periods do not overlap, so
//! they share the agreement's priorities (R-AGR-11), and a fixed transfer's calendar-year
//! rounding (R-CLM-4) sees every period of the year.

use chrono::NaiveDate;

use super::request::{
    AgreementRequest, ClaimRequest, MealTierRequest, OccupancyRequest, UnitRequest, UnitTierRequest,
};
use crate::agreements::{AgreementTerms, Price, UnitTerms};
use crate::dates::Month;
use crate::money::Ore;
use crate::place_types::PlaceType;

/// A stored agreement as the claim needs it: its identity (regulations name it) and its terms.
#[derive(Clone, Copy, Debug)]
pub struct StoredAgreement<'a> {
    pub id: i64,
    pub terms: &'a AgreementTerms,
}

/// One regulation of one price (R-AGR-9): from `date` on, the price is `after`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PriceChange {
    pub agreement_id: i64,
    /// The price as a path into the agreement: `units[0].unit_tiers[1].price`.
    pub price: String,
    pub date: NaiveDate,
    pub before: Ore,
    pub after: Ore,
}

/// The centre a claim is for: its id (the unit of each agreement) and its one place type.
#[derive(Clone, Copy, Debug)]
pub struct ClaimedCentre {
    pub id: i64,
    pub place_type: PlaceType,
}

/// The simulation request for `centre` in `month`: the agreements with a unit at the centre that
/// are in force in the month's calendar year up to the month's end (earlier months count for the
/// fixed transfers' rounding), each split into its price periods, and `residents` per day.
pub fn claim_request(
    month: Month,
    centre: ClaimedCentre,
    agreements: &[StoredAgreement<'_>],
    changes: &[PriceChange],
    residents: &[(NaiveDate, u32)],
) -> ClaimRequest {
    let year_start = NaiveDate::from_ymd_opt(month.year(), 1, 1).expect("a validated year");
    let mut canteen = false;
    let mut requests = Vec::new();
    for agreement in agreements {
        let terms = agreement.terms;
        let Some((index, unit)) = terms
            .units
            .iter()
            .enumerate()
            .find(|(_, unit)| unit.centre_id == centre.id)
        else {
            continue;
        };
        if terms.valid_from >= month.end() || terms.end() <= year_start {
            continue;
        }
        if terms.valid_from < month.end() && terms.end() > month.first_day() {
            canteen |= unit.canteen;
        }
        let own: Vec<&PriceChange> = changes
            .iter()
            .filter(|change| change.agreement_id == agreement.id)
            .collect();
        for (from, to) in periods(terms.valid_from, terms.end(), &own) {
            requests.push(agreement_request(terms, index, unit, from, to, &own));
        }
    }
    ClaimRequest {
        month: month.to_string(),
        units: vec![UnitRequest {
            place_type: centre.place_type.code().to_owned(),
            canteen,
            agreements: requests,
        }],
        occupancy: residents
            .iter()
            .filter(|(date, count)| *count > 0 && month.contains(*date))
            .map(|(date, count)| OccupancyRequest {
                date: date.to_string(),
                place_type: centre.place_type.code().to_owned(),
                residents: i64::from(*count),
            })
            .collect(),
    }
}

/// `[from, end)` cut at every regulation date strictly inside it, in order.
fn periods(
    from: NaiveDate,
    end: NaiveDate,
    changes: &[&PriceChange],
) -> Vec<(NaiveDate, NaiveDate)> {
    let mut cuts: Vec<NaiveDate> = changes
        .iter()
        .map(|change| change.date)
        .filter(|date| *date > from && *date < end)
        .collect();
    cuts.sort();
    cuts.dedup();
    let mut periods = Vec::with_capacity(cuts.len() + 1);
    let mut start = from;
    for cut in cuts {
        periods.push((start, cut));
        start = cut;
    }
    periods.push((start, end));
    periods
}

/// The price in force on `day`: the `before` of the first regulation after that day, or the
/// current price when none came later.
fn price_on(price: &Price, path: &str, day: NaiveDate, changes: &[&PriceChange]) -> i64 {
    changes
        .iter()
        .filter(|change| change.price == path && change.date > day)
        .min_by_key(|change| change.date)
        .map_or(price.current, |change| change.before)
        .0
}

fn agreement_request(
    terms: &AgreementTerms,
    index: usize,
    unit: &UnitTerms,
    from: NaiveDate,
    to: NaiveDate,
    changes: &[&PriceChange],
) -> AgreementRequest {
    let path = |rest: &str| format!("units[{index}].{rest}");
    let price = |price: &Price, rest: &str| price_on(price, &path(rest), from, changes);
    AgreementRequest {
        kind: terms.kind.code().to_owned(),
        valid_from: from.to_string(),
        valid_to: to.to_string(),
        stop_date: None,
        fixed_places: i64::from(unit.fixed_places),
        fixed_annual_operating: price(&unit.fixed_annual_operating, "fixed_annual_operating"),
        fixed_annual_rent: price(&unit.fixed_annual_rent, "fixed_annual_rent"),
        unit_tiers: unit
            .unit_tiers
            .iter()
            .enumerate()
            .map(|(i, tier)| UnitTierRequest {
                priority: i64::from(tier.priority),
                kind: tier.kind.code().to_owned(),
                places: i64::from(tier.places.count()),
                price: price(&tier.price, &format!("unit_tiers[{i}].price")),
            })
            .collect(),
        meal_tiers: unit
            .meal_tiers
            .iter()
            .enumerate()
            .map(|(i, tier)| MealTierRequest {
                priority: i64::from(tier.priority),
                persons: i64::from(tier.persons.count()),
                price: price(&tier.price, &format!("meal_tiers[{i}].price")),
            })
            .collect(),
    }
}
