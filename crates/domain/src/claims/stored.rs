//! A stored claim's input (R-CLM-5): a centre's stored agreements and its approved occupancy,
//! written as the simulation's request, so that a stored claim is computed by the same parse and
//! the same engine as `POST /api/v1/claims/simulate` — one code path, and the stored claim equals
//! the simulation of the same data by construction.
//!
//! Each day pays its own price (R-AGR-9): an agreement whose prices were regulated is written as
//! one agreement per price period, split at the regulation dates. The periods do not overlap, so
//! they share the agreement's priorities (R-AGR-11), and a fixed transfer's calendar-year
//! rounding (R-CLM-4) sees every period of the year.
//!
//! Fixed transfers that are not one price paid monthly are *scheduled*: the engine leaves them
//! out (their amount is 0 in the request) and [`compute_stored`] adds their lines, each month
//! computed by `fixed_month_amount` over the price's whole schedule, each day at its own annual
//! amount, with R-CLM-4's cumulative rounding over the year. That covers
//! - payment terms other than monthly (R-AGR-10): a line for each month whose earnings the claim
//!   month pays, naming that month; a one-off price is paid whole, once, in the claim of its
//!   first payment date's month;
//! - a price regulated during the claim month's calendar year (R-AGR-9): split into periods,
//!   the engine would round each period's share on its own; scheduled, the year sums exactly,
//!   rounded once. (So for such a year a stored fixed line can differ by an øre from a
//!   simulation given the periods as separate agreements.)

use chrono::{Datelike, NaiveDate};

use super::fixed::{AnnualSchedule, fixed_month_amount};
use super::request::{
    AgreementRequest, ClaimRequest, MealTierRequest, OccupancyRequest, UnitRequest, UnitTierRequest,
};
use super::response::{ClaimLine, ClaimResponse, LineKind};
use super::{FieldError, compute};
use crate::agreements::{AgreementTerms, PaymentPeriod, Price, UnitTerms};
use crate::dates::{DateRange, Month};
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
    // The canteen setting of the agreements in force in the month (R-AGR-8); a month without
    // one has no canteen, so its residents' warnings are about places only.
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
        if terms.valid_from < month.end() && terms.end() > month.first_day() {
            canteen |= unit.canteen;
        }
        if terms.valid_from >= month.end() || terms.end() <= year_start {
            continue;
        }
        let own: Vec<&PriceChange> = changes
            .iter()
            .filter(|change| change.agreement_id == agreement.id)
            .collect();
        for (from, to) in periods(terms.valid_from, terms.end(), &own) {
            requests.push(agreement_request(
                terms,
                index,
                unit,
                (from, to),
                month,
                &own,
            ));
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
    (from, to): (NaiveDate, NaiveDate),
    month: Month,
    changes: &[&PriceChange],
) -> AgreementRequest {
    let path = |rest: &str| format!("units[{index}].{rest}");
    let price = |price: &Price, rest: &str| price_on(price, &path(rest), from, changes);
    // A scheduled fixed transfer is paid by `scheduled_lines` instead.
    let monthly = |fixed: &Price, rest: &str| {
        if is_scheduled(fixed, &path(rest), changes, month) {
            0
        } else {
            price(fixed, rest)
        }
    };
    AgreementRequest {
        kind: terms.kind.code().to_owned(),
        valid_from: from.to_string(),
        valid_to: to.to_string(),
        stop_date: None,
        fixed_places: i64::from(unit.fixed_places),
        fixed_annual_operating: monthly(&unit.fixed_annual_operating, "fixed_annual_operating"),
        fixed_annual_rent: monthly(&unit.fixed_annual_rent, "fixed_annual_rent"),
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
        // Meals are paid only on the month's days (R-CLM-2): an agreement that ended earlier in
        // the year counts for the fixed transfers' rounding, and its canteen is not this month's.
        meal_tiers: unit
            .meal_tiers
            .iter()
            .filter(|_| to > month.first_day() && from < month.end())
            .enumerate()
            .map(|(i, tier)| MealTierRequest {
                priority: i64::from(tier.priority),
                persons: i64::from(tier.persons.count()),
                price: price(&tier.price, &format!("meal_tiers[{i}].price")),
            })
            .collect(),
    }
}

/// A scheduled fixed transfer's line: what `agreement_id` earned in a month, paid in the claim.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScheduledLine {
    pub line: ClaimLine,
    pub agreement_id: i64,
    /// The month earned, when payment terms put it in another month's claim or group months
    /// (R-AGR-10); `None` for a line of the claim's own month paid monthly.
    pub covers: Option<Month>,
}

/// A fixed transfer the engine does not pay: payment terms other than monthly, or a regulation
/// of the price in the claim month's calendar year.
fn is_scheduled(price: &Price, path: &str, changes: &[&PriceChange], month: Month) -> bool {
    price.payment.period != PaymentPeriod::Monthly
        || (changes.iter()).any(|change| change.price == path && change.date.year() == month.year())
}

/// A stored claim as computed: the engine's claim of the month (lines, warnings; its total
/// includes the scheduled lines) and the fixed transfers its payment terms put in this month.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredComputation {
    pub claim: ClaimResponse,
    pub scheduled: Vec<ScheduledLine>,
}

/// The claim of `month` for `centre` from its stored agreements, their regulations and the
/// day counts: the simulation's parse and engine on [`claim_request`], plus the fixed transfers
/// that payment terms move into this month. With monthly terms only, `claim` is exactly what
/// `POST /api/v1/claims/simulate` returns for the request. A parse error means the stored
/// agreements break a rule the simulation enforces.
pub fn compute_stored(
    month: Month,
    centre: ClaimedCentre,
    agreements: &[StoredAgreement<'_>],
    changes: &[PriceChange],
    residents: &[(NaiveDate, u32)],
) -> Result<StoredComputation, FieldError> {
    let input = claim_request(month, centre, agreements, changes, residents).parse()?;
    let mut claim = compute(&input);
    let scheduled = scheduled_lines(month, centre, agreements, changes);
    claim.total += scheduled
        .iter()
        .map(|scheduled| scheduled.line.amount)
        .sum();
    Ok(StoredComputation { claim, scheduled })
}

/// The fixed transfers that payment terms other than monthly put in the claim of `month`: for
/// each such price, every month it earns that is paid in `month` (R-AGR-10), each at
/// `fixed_month_amount` over the price's schedule; a one-off price whole in its month.
pub fn scheduled_lines(
    month: Month,
    centre: ClaimedCentre,
    agreements: &[StoredAgreement<'_>],
    changes: &[PriceChange],
) -> Vec<ScheduledLine> {
    let mut lines = Vec::new();
    for agreement in agreements {
        let terms = agreement.terms;
        let Some((index, unit)) =
            (terms.units.iter().enumerate()).find(|(_, unit)| unit.centre_id == centre.id)
        else {
            continue;
        };
        let fixed = [
            (
                LineKind::FixedOperating,
                &unit.fixed_annual_operating,
                "fixed_annual_operating",
            ),
            (
                LineKind::FixedRent,
                &unit.fixed_annual_rent,
                "fixed_annual_rent",
            ),
        ];
        let own: Vec<&PriceChange> = (changes.iter())
            .filter(|change| change.agreement_id == agreement.id)
            .collect();
        for (kind, price, name) in fixed {
            let path = format!("units[{index}].{name}");
            if price.current == Ore::ZERO || !is_scheduled(price, &path, &own, month) {
                continue;
            }
            let own: Vec<&PriceChange> = (own.iter().copied())
                .filter(|change| change.price == path)
                .collect();
            let line = |covers: Option<Month>, price: i64, days: u32, amount: Ore| ScheduledLine {
                line: ClaimLine {
                    kind,
                    place_type: centre.place_type,
                    priority: None,
                    price: Ore(price),
                    days,
                    quantity: None,
                    amount,
                },
                agreement_id: agreement.id,
                covers,
            };
            let validity = terms.validity();
            if price.payment.period == PaymentPeriod::OneOff {
                let first = price.payment.first_date;
                if Month::of(first) == month {
                    let amount = price_on(price, &path, first, &own);
                    lines.push(line(
                        Some(month),
                        amount,
                        active_days(validity, month),
                        Ore(amount),
                    ));
                }
                continue;
            }
            let schedule = schedule_of(price, &own);
            for earned in months_of(validity) {
                if price.payment.payment_month(earned) != month {
                    continue;
                }
                let amount = fixed_month_amount(&schedule, validity, earned);
                let last_day = earned
                    .end()
                    .min(validity.end())
                    .pred_opt()
                    .unwrap_or(earned.end());
                let annual = price_on(price, &path, last_day, &own);
                let days = active_days(validity, earned);
                if amount != Ore::ZERO {
                    let covers = (price.payment.period != PaymentPeriod::Monthly).then_some(earned);
                    lines.push(line(covers, annual, days, amount));
                }
            }
        }
    }
    lines
}

/// The price's annual amounts: as before its first regulation, then each regulation's.
fn schedule_of(price: &Price, changes: &[&PriceChange]) -> AnnualSchedule {
    let mut ordered: Vec<&&PriceChange> = changes.iter().collect();
    ordered.sort_by_key(|change| change.date);
    let initial = ordered
        .first()
        .map_or(price.current, |change| change.before);
    let steps: Vec<(NaiveDate, Ore)> = ordered
        .iter()
        .map(|change| (change.date, change.after))
        .collect();
    AnnualSchedule::new(initial, &steps).unwrap_or_else(|| AnnualSchedule::single(price.current))
}

/// The months that `validity` touches, in order.
fn months_of(validity: DateRange) -> impl Iterator<Item = Month> {
    let first = Month::of(validity.from());
    let last = Month::of(validity.end().pred_opt().unwrap_or(validity.end()));
    (0..=last.months_since(first)).filter_map(move |k| first.add_months(k))
}

fn active_days(validity: DateRange, month: Month) -> u32 {
    let from = validity.from().max(month.first_day());
    let end = validity.end().min(month.end());
    u32::try_from((end - from).num_days()).unwrap_or(0)
}
