//! Days and months as the rules count them: a month `YYYY-MM`, a strict `YYYY-MM-DD`, and the
//! half-open date range of R-AGR-3 used by agreements, stays and phases alike.

use std::fmt;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

/// A calendar month, `YYYY-MM` in the API (years 1–9999).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month {
    year: i32,
    month: u32,
}

impl Month {
    pub fn new(year: i32, month: u32) -> Option<Month> {
        ((1..=9999).contains(&year) && (1..=12).contains(&month)).then_some(Month { year, month })
    }

    /// Strict `YYYY-MM`: four-digit year, two-digit month.
    pub fn parse(text: &str) -> Option<Month> {
        let bytes = text.as_bytes();
        if bytes.len() != 7 || bytes[4] != b'-' {
            return None;
        }
        Month::new(digits(&text[..4])? as i32, digits(&text[5..])?)
    }

    pub fn year(self) -> i32 {
        self.year
    }

    /// 1–12.
    pub fn number(self) -> u32 {
        self.month
    }

    pub fn first_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, self.month, 1).expect("validated month")
    }

    /// The first day of the next month (the exclusive end of this one).
    pub fn end(self) -> NaiveDate {
        if self.month == 12 {
            NaiveDate::from_ymd_opt(self.year + 1, 1, 1)
        } else {
            NaiveDate::from_ymd_opt(self.year, self.month + 1, 1)
        }
        .expect("validated month")
    }

    /// 28–31.
    pub fn days(self) -> u32 {
        let year = self.year as u32; // 1–9999
        let leap =
            year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400));
        match self.month {
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => 31,
        }
    }

    pub fn contains(self, date: NaiveDate) -> bool {
        date.year() == self.year && date.month() == self.month
    }

    /// The month `date` lies in.
    pub fn of(date: NaiveDate) -> Month {
        Month {
            year: date.year(),
            month: date.month(),
        }
    }

    /// The month `months` later (earlier when negative); `None` outside years 1–9999.
    pub fn add_months(self, months: i32) -> Option<Month> {
        let index = i64::from(self.year) * 12 + i64::from(self.month) - 1 + i64::from(months);
        let year = i32::try_from(index.div_euclid(12)).ok()?;
        Month::new(year, index.rem_euclid(12) as u32 + 1)
    }

    /// How many months `self` lies after `earlier` (negative when before).
    pub fn months_since(self, earlier: Month) -> i32 {
        (self.year - earlier.year) * 12 + self.month as i32 - earlier.month as i32
    }
}

/// Strict `YYYY-MM-DD` that names a day that exists.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let bytes = text.as_bytes();
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    let year = digits(&text[..4])? as i32;
    NaiveDate::from_ymd_opt(year, digits(&text[5..7])?, digits(&text[8..])?).filter(|_| year >= 1)
}

fn digits(text: &str) -> Option<u32> {
    if text.is_empty() || !text.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

impl fmt::Display for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

impl Serialize for Month {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// A day as an integer (days since 1 January of year 1), for arithmetic on many days at once.
pub(crate) fn day_number(date: NaiveDate) -> i32 {
    date.num_days_from_ce()
}

/// A half-open range of days `[from, end)` (R-AGR-3, R-OCC-1, §6 phases): `end` is the first day
/// no longer inside, and always after `from`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DateRange {
    from: NaiveDate,
    end: NaiveDate,
}

impl DateRange {
    /// `None` unless `from < end`.
    pub fn new(from: NaiveDate, end: NaiveDate) -> Option<DateRange> {
        (from < end).then_some(DateRange { from, end })
    }

    /// The first day inside.
    pub fn from(self) -> NaiveDate {
        self.from
    }

    /// The exclusive end: the first day outside.
    pub fn end(self) -> NaiveDate {
        self.end
    }

    pub fn contains(self, date: NaiveDate) -> bool {
        self.from <= date && date < self.end
    }

    /// Whether the two share at least one day; a range that ends where the other starts does not.
    pub fn overlaps(self, other: DateRange) -> bool {
        self.from < other.end && other.from < self.end
    }

    /// How many days lie inside.
    pub fn days(self) -> i64 {
        (self.end - self.from).num_days()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        parse_date(text).unwrap()
    }

    #[test]
    fn r_agr_3_a_range_ending_on_a_day_does_not_contain_it() {
        let december = DateRange::new(day("2010-12-01"), day("2011-01-01")).unwrap();
        assert!(december.contains(day("2010-12-31")));
        assert!(!december.contains(day("2011-01-01")));
        assert_eq!(december.days(), 31);
    }

    #[test]
    fn r_agr_3_from_must_be_before_the_end() {
        assert_eq!(DateRange::new(day("2011-01-01"), day("2011-01-01")), None);
        assert_eq!(DateRange::new(day("2011-01-02"), day("2011-01-01")), None);
    }

    #[test]
    fn r_agr_11_a_successor_starting_on_the_end_does_not_overlap() {
        let first = DateRange::new(day("2025-01-01"), day("2026-01-01")).unwrap();
        let successor = DateRange::new(day("2026-01-01"), day("2027-01-01")).unwrap();
        let supplement = DateRange::new(day("2025-12-31"), day("2026-02-01")).unwrap();
        assert!(!first.overlaps(successor));
        assert!(first.overlaps(supplement) && supplement.overlaps(successor));
    }
}
