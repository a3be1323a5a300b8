//! The windows a centre's agreements open (SPEC §6 R-PLN-1, §5 R-CLM-6): the operator's staff
//! have access from 7 days before the first agreement's start until one month after the last
//! agreement's end, and the centre is claimed until three months after that end.

use chrono::{Days, Months, NaiveDate};

use crate::dates::DateRange;
use crate::occupancy::claim_window_closes;

/// The windows of one centre, from the validities of all its agreements (H, T and A).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CentreWindows {
    /// R-PLN-1 / R-AUTH-6: the operator's staff accounts work on these days (end exclusive).
    pub staff_access: DateRange,
    /// R-CLM-6: the first day on which claims and approvals are refused.
    pub claims_close: NaiveDate,
}

/// The windows of a centre with agreements valid on `validities`; `None` without agreements.
/// Month arithmetic clamps to the month's end (31 January + 1 month = 28/29 February).
pub fn centre_windows(validities: impl IntoIterator<Item = DateRange>) -> Option<CentreWindows> {
    let (first, last) = validities
        .into_iter()
        .fold(None, |span, validity| match span {
            None => Some((validity.from(), validity.end())),
            Some((first, last)) => Some((validity.from().min(first), validity.end().max(last))),
        })?;
    let opens = first
        .checked_sub_days(Days::new(7))
        .unwrap_or(NaiveDate::MIN);
    let closes = last
        .checked_add_months(Months::new(1))
        .unwrap_or(NaiveDate::MAX);
    Some(CentreWindows {
        staff_access: DateRange::new(opens, closes).expect("opens before the first start"),
        claims_close: claim_window_closes(Some(last)).unwrap_or(NaiveDate::MAX),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dates::parse_date;

    fn range(from: &str, end: &str) -> DateRange {
        DateRange::new(parse_date(from).unwrap(), parse_date(end).unwrap()).unwrap()
    }

    #[test]
    fn r_pln_1_staff_access_opens_a_week_before_and_closes_a_month_after() {
        let windows = centre_windows([
            range("2025-03-01", "2026-01-31"),
            range("2025-06-01", "2025-09-01"),
        ])
        .unwrap();
        assert_eq!(windows.staff_access, range("2025-02-22", "2026-02-28"));
        // R-CLM-6: three months after the last end, clamped to the month's end too.
        assert_eq!(windows.claims_close, parse_date("2026-04-30").unwrap());
    }

    #[test]
    fn r_pln_1_the_latest_end_of_all_agreements_counts() {
        let windows = centre_windows([
            range("2024-01-01", "2025-01-01"),
            range("2025-01-01", "2025-07-01"),
        ])
        .unwrap();
        assert_eq!(windows.staff_access, range("2023-12-25", "2025-08-01"));
        assert_eq!(windows.claims_close, parse_date("2025-10-01").unwrap());
        assert_eq!(centre_windows([]), None);
    }
}
