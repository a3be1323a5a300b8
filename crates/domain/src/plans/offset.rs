//! Offsets of SPEC §6: calendar days, working days (R-CAL-1), weeks or months, forwards or
//! backwards. Months clamp to the month's last day: 31 January + 1 month = 28/29 February, and
//! 31 March − 1 month = 28/29 February.

use chrono::{Days, Months, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::calendar;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    Days,
    /// Days that are neither Saturday, Sunday nor a Norwegian public holiday (R-CAL-1).
    WorkingDays,
    Weeks,
    Months,
}

/// `amount` units after a date, or before it when `amount` is negative.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Offset {
    pub amount: i32,
    pub unit: Unit,
}

impl Offset {
    pub const fn days(amount: i32) -> Offset {
        Offset {
            amount,
            unit: Unit::Days,
        }
    }

    pub const fn working_days(amount: i32) -> Offset {
        Offset {
            amount,
            unit: Unit::WorkingDays,
        }
    }

    pub const fn weeks(amount: i32) -> Offset {
        Offset {
            amount,
            unit: Unit::Weeks,
        }
    }

    pub const fn months(amount: i32) -> Offset {
        Offset {
            amount,
            unit: Unit::Months,
        }
    }

    /// The same distance the other way.
    pub fn reversed(self) -> Offset {
        Offset {
            amount: -self.amount,
            ..self
        }
    }

    /// The date this offset away from `date`; `None` only past the end of the calendar.
    pub fn apply(self, date: NaiveDate) -> Option<NaiveDate> {
        let size = self.amount.unsigned_abs();
        let forwards = self.amount >= 0;
        match self.unit {
            Unit::Days | Unit::Weeks => {
                let days = u64::from(size) * if self.unit == Unit::Weeks { 7 } else { 1 };
                if forwards {
                    date.checked_add_days(Days::new(days))
                } else {
                    date.checked_sub_days(Days::new(days))
                }
            }
            // chrono clamps to the month's last day, as §6 asks.
            Unit::Months if forwards => date.checked_add_months(Months::new(size)),
            Unit::Months => date.checked_sub_months(Months::new(size)),
            Unit::WorkingDays if forwards => calendar::add_working_days(date, size),
            Unit::WorkingDays => working_days_before(date, size),
        }
    }
}

/// "N working days before D" (R-CAL-1 backwards, R-PLN-1): the latest *working day* W from
/// which N working days reach D at the latest — the last day to order something that takes N
/// working days. Ten working days before Monday 2 March 2026 is Monday 16 February; one working
/// day before a Sunday is the Thursday, since an order on Friday is done on Monday.
pub fn working_days_before(date: NaiveDate, days: u32) -> Option<NaiveDate> {
    let mut latest = calendar::subtract_working_days(date, days)?;
    while !calendar::is_working_day(latest) {
        latest = latest.pred_opt()?;
    }
    Some(latest)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dates::parse_date;

    fn day(text: &str) -> NaiveDate {
        parse_date(text).unwrap()
    }

    #[test]
    fn spec_6_months_clamp_to_the_months_last_day() {
        assert_eq!(
            Offset::months(1).apply(day("2026-01-31")),
            Some(day("2026-02-28"))
        );
        assert_eq!(
            Offset::months(1).apply(day("2028-01-31")),
            Some(day("2028-02-29"))
        );
        assert_eq!(
            Offset::months(-1).apply(day("2026-03-31")),
            Some(day("2026-02-28"))
        );
        assert_eq!(
            Offset::months(3).apply(day("2026-11-30")),
            Some(day("2027-02-28"))
        );
    }

    #[test]
    fn spec_6_offsets_run_backwards_too() {
        assert_eq!(
            Offset::days(-7).apply(day("2026-03-01")),
            Some(day("2026-02-22"))
        );
        assert_eq!(
            Offset::weeks(-2).apply(day("2026-01-10")),
            Some(day("2025-12-27"))
        );
        assert_eq!(
            Offset::days(0).apply(day("2026-01-10")),
            Some(day("2026-01-10"))
        );
    }

    #[test]
    fn r_cal_1_working_days_over_easter() {
        // Wednesday 1 April 2026: Maundy Thursday, Good Friday, the weekend and Easter Monday
        // are not working days, so one working day later is Tuesday 7 April.
        assert_eq!(
            Offset::working_days(1).apply(day("2026-04-01")),
            Some(day("2026-04-07"))
        );
        assert_eq!(
            Offset::working_days(5).apply(day("2026-03-30")),
            Some(day("2026-04-09"))
        );
        // Backwards over the same Easter: one working day before Tuesday 7 April is the
        // Wednesday before Maundy Thursday.
        assert_eq!(
            Offset::working_days(-1).apply(day("2026-04-07")),
            Some(day("2026-04-01"))
        );
    }

    #[test]
    fn r_pln_1_the_latest_order_date_is_a_working_day_that_still_makes_it() {
        let opens = day("2026-03-02");
        let latest = working_days_before(opens, 10).unwrap();
        assert_eq!(latest, day("2026-02-16"));
        assert!(calendar::add_working_days(latest, 10).unwrap() <= opens);
        // Before a Sunday: ordering on Friday would be done on Monday, too late.
        assert_eq!(
            working_days_before(day("2026-03-08"), 1),
            Some(day("2026-03-05"))
        );
    }
}
