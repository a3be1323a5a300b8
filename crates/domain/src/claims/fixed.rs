//! Fixed annual transfers (faste overføringer), R-CLM-3 and R-CLM-4.
//!
//! A month earns `annual / 12 × active days / days in month`. To make twelve full months add up
//! to the annual amount exactly, the month's amount is the cumulative amount of the calendar year
//! through this month, rounded, minus the cumulative amount through the previous month, rounded.
//! The cumulative fraction is kept exact by counting every day in units of
//! `1 / lcm(28, 29, 30, 31)` of a month.

use super::engine::Segment;
use super::input::Unit;
use super::response::{ClaimLine, LineKind};
use crate::agreements::Agreement;
use chrono::NaiveDate;

use crate::dates::day_number;
use crate::dates::{DateRange, Month};
use crate::money::{Ore, divide_rounding_half_away};

/// lcm(28, 29, 30, 31): a day is `LCM / days in its month` of that month, exactly.
const LCM_MONTH_DAYS: i64 = 377_580;

/// The months of the claim month's calendar year as day numbers.
pub(super) struct CalendarYear {
    /// `starts[k]` is the first day of month `k + 1`; `starts[12]` is 1 January of the next year.
    starts: [i32; 13],
    /// `day_weights[k]` is one day of month `k + 1` in `1/LCM` month units.
    day_weights: [i64; 12],
    /// Index of the claim month (0 = January).
    index: usize,
}

impl CalendarYear {
    pub(super) fn new(month: Month) -> CalendarYear {
        let january = Month::new(month.year(), 1).expect("January");
        let mut starts = [day_number(january.first_day()); 13];
        let mut day_weights = [0; 12];
        for k in 0..12 {
            let days = Month::new(month.year(), k as u32 + 1).expect("1–12").days();
            starts[k + 1] = starts[k] + days as i32;
            day_weights[k] = LCM_MONTH_DAYS / i64::from(days);
        }
        CalendarYear {
            starts,
            day_weights,
            index: month.number() as usize - 1,
        }
    }

    /// Day number of the claim month's first day.
    pub(super) fn month_start(&self) -> i32 {
        self.starts[self.index]
    }

    pub(super) fn month_days(&self) -> u32 {
        (self.starts[self.index + 1] - self.starts[self.index]) as u32
    }

    /// What `schedule` earns in month `k` (0-based) on the days of `validity`, each day at its
    /// own annual amount, in `øre × 1/LCM month` units (R-CLM-3).
    fn earned_in_month(&self, schedule: &AnnualSchedule, validity: DateRange, k: usize) -> i128 {
        let start = self.starts[k].max(day_number(validity.from()));
        let end = self.starts[k + 1].min(day_number(validity.end()));
        let mut earned = 0i128;
        for (index, (from, annual)) in schedule.periods.iter().enumerate() {
            let until = schedule
                .periods
                .get(index + 1)
                .map_or(i32::MAX, |(next, _)| *next);
            let days = end.min(until) - start.max(*from);
            if days > 0 {
                earned += i128::from(days) * i128::from(self.day_weights[k]) * i128::from(annual.0);
            }
        }
        earned
    }

    /// What `schedule` earns on `validity` in the months before the claim month and in it.
    fn earned_before_and_in(&self, schedule: &AnnualSchedule, validity: DateRange) -> (i128, i128) {
        let before = (0..self.index)
            .map(|k| self.earned_in_month(schedule, validity, k))
            .sum();
        (before, self.earned_in_month(schedule, validity, self.index))
    }
}

/// An annual amount that changes on dates — a price regulated during the year (R-AGR-9): each
/// period's amount applies from its first day. A price that never changed is one period.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AnnualSchedule {
    /// `(first day as a day number, annual amount)`, in date order; the first from the start.
    periods: Vec<(i32, Ore)>,
}

impl AnnualSchedule {
    pub fn single(annual: Ore) -> AnnualSchedule {
        AnnualSchedule {
            periods: vec![(i32::MIN, annual)],
        }
    }

    /// `initial` until the first change, then each change's amount from its date; `None` unless
    /// the dates are in strictly increasing order.
    pub fn new(initial: Ore, changes: &[(NaiveDate, Ore)]) -> Option<AnnualSchedule> {
        let mut periods = vec![(i32::MIN, initial)];
        for (date, annual) in changes {
            let from = day_number(*date);
            if periods.last().is_some_and(|(last, _)| *last >= from) {
                return None;
            }
            periods.push((from, *annual));
        }
        Some(AnnualSchedule { periods })
    }
}

/// The fixed transfer of `month` for a price paying `schedule` while `validity` lasts: each day
/// earns its own period's `annual / 12 / days in month`, and the month is the rounded cumulative
/// amount of the calendar year through it minus the rounded amount before it (R-CLM-3, R-CLM-4),
/// so a year sums exactly to its total, rounded once.
pub fn fixed_month_amount(schedule: &AnnualSchedule, validity: DateRange, month: Month) -> Ore {
    let year = CalendarYear::new(month);
    let (before, this_month) = year.earned_before_and_in(schedule, validity);
    Ore(cumulative(before + this_month) - cumulative(before))
}

/// Which annual amount of an agreement a fixed line pays.
type AnnualAmount = fn(&Agreement) -> Ore;

/// Appends the unit's fixed lines for the month: operating, then rent. Agreements of the unit
/// with the same annual amount of the same kind share one line, rounded once (R-CLM-4); `days`
/// is the number of days on which at least one of them is in force.
pub(super) fn push_fixed_lines(
    unit: &Unit,
    year: &CalendarYear,
    segments: &[Segment],
    lines: &mut Vec<ClaimLine>,
) {
    let kinds: [(LineKind, AnnualAmount); 2] = [
        (LineKind::FixedOperating, |agreement| {
            agreement.fixed_annual_operating
        }),
        (LineKind::FixedRent, |agreement| agreement.fixed_annual_rent),
    ];
    for (kind, annual_of) in kinds {
        let mut grouped = 0u64;
        for (i, agreement) in unit.agreements.iter().enumerate() {
            let annual = annual_of(agreement);
            if annual == Ore::ZERO || grouped & (1 << i) != 0 {
                continue;
            }
            let group = unit
                .agreements
                .iter()
                .enumerate()
                .filter(|(_, other)| annual_of(other) == annual)
                .fold(0u64, |mask, (j, _)| mask | 1 << j);
            grouped |= group;
            let days: u32 = segments
                .iter()
                .filter(|segment| segment.in_force & group != 0)
                .map(|segment| segment.end - segment.start)
                .sum();
            if days == 0 {
                continue;
            }
            let members = unit
                .agreements
                .iter()
                .enumerate()
                .filter(|(j, _)| group & (1 << j) != 0);
            let schedule = AnnualSchedule::single(annual);
            let (mut before, mut this_month) = (0i128, 0i128);
            for (_, member) in members {
                let (earlier, now) = year.earned_before_and_in(&schedule, member.validity);
                before += earlier;
                this_month += now;
            }
            let amount = cumulative(before + this_month) - cumulative(before);
            lines.push(ClaimLine {
                kind,
                place_type: unit.place_type,
                priority: None,
                price: annual,
                days,
                quantity: None,
                amount: Ore(amount),
            });
        }
    }
}

/// Earned `øre × 1/LCM month` units as øre of the year: `/ 12 / LCM`, rounded half away from
/// zero.
fn cumulative(earned: i128) -> i64 {
    divide_rounding_half_away(earned, 12 * i128::from(LCM_MONTH_DAYS))
}
