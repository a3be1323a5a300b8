//! R-AGR-4: notice and extension give the stop date, an exclusive end like valid-to.

use chrono::{Months, NaiveDate};

/// Date of notice + notice period = stop date ("oppsigelsesdato + oppsigelsestid = stoppdato"),
/// months clamped to the month's end (31 January + 1 month = the last day of February).
pub fn stop_date_after_notice(notice_date: NaiveDate, notice_months: u32) -> Option<NaiveDate> {
    notice_date.checked_add_months(Months::new(notice_months))
}

/// An exercised extension option: valid-to + its months.
pub fn extended_stop_date(valid_to: NaiveDate, option_months: u32) -> Option<NaiveDate> {
    valid_to.checked_add_months(Months::new(option_months))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dates::parse_date;

    fn day(text: &str) -> NaiveDate {
        parse_date(text).unwrap()
    }

    #[test]
    fn r_agr_4_notice_date_plus_months_is_the_stop_date() {
        assert_eq!(
            stop_date_after_notice(day("2026-03-15"), 3),
            Some(day("2026-06-15"))
        );
    }

    #[test]
    fn r_agr_4_months_are_clamped_to_the_month_end() {
        assert_eq!(
            stop_date_after_notice(day("2026-01-31"), 1),
            Some(day("2026-02-28"))
        );
        assert_eq!(
            stop_date_after_notice(day("2028-01-31"), 1),
            Some(day("2028-02-29"))
        );
    }

    #[test]
    fn r_agr_4_an_exercised_extension_option_moves_the_stop_date() {
        assert_eq!(
            extended_stop_date(day("2027-01-01"), 12),
            Some(day("2028-01-01"))
        );
    }
}
