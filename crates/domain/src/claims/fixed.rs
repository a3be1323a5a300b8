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
use crate::dates::Month;
use crate::dates::day_number;
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

    /// Days of month `k` (0-based) on which `agreement` is in force, in `1/LCM` month units.
    fn share_of_month(&self, agreement: &Agreement, k: usize) -> i64 {
        let (start, end) = (self.starts[k], self.starts[k + 1]);
        let active = day_number(agreement.validity.end()).min(end)
            - day_number(agreement.validity.from()).max(start);
        i64::from(active.max(0)) * self.day_weights[k]
    }
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
            let (mut before, mut this_month) = (0i64, 0i64);
            for (_, member) in members {
                before += (0..year.index)
                    .map(|k| year.share_of_month(member, k))
                    .sum::<i64>();
                this_month += year.share_of_month(member, year.index);
            }
            let amount = cumulative(annual, before + this_month) - cumulative(annual, before);
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

/// `annual × months / 12`, with `months` in `1/LCM` units, rounded half away from zero.
fn cumulative(annual: Ore, months: i64) -> i64 {
    let denominator = 12 * i128::from(LCM_MONTH_DAYS);
    divide_rounding_half_away(i128::from(annual.0) * i128::from(months), denominator)
}
