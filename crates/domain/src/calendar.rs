//! Norwegian public holidays and working-day arithmetic (SPEC §2, R-CAL-1).

use chrono::{DateTime, Datelike, Days, NaiveDate, Utc, Weekday};

use crate::dates::Month;

/// Easter Sunday of `year` (Gregorian; the anonymous algorithm of Meeus/Jones/Butcher).
pub fn easter_sunday(year: i32) -> NaiveDate {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, month as u32, day as u32).expect("Easter is a valid date")
}

/// The Norwegian public holidays of `year`, in date order.
pub fn public_holidays(year: i32) -> Vec<NaiveDate> {
    let fixed = |month, day| NaiveDate::from_ymd_opt(year, month, day).expect("fixed holiday");
    let easter = easter_sunday(year);
    let from_easter = |offset: i64| easter + chrono::Duration::days(offset);
    let mut holidays = vec![
        fixed(1, 1),
        from_easter(-3), // Maundy Thursday (skjærtorsdag)
        from_easter(-2), // Good Friday (langfredag)
        easter,
        from_easter(1), // Easter Monday
        fixed(5, 1),
        fixed(5, 17),
        from_easter(39), // Ascension Day (Kristi himmelfartsdag)
        from_easter(49), // Whit Sunday (pinsedag)
        from_easter(50), // Whit Monday
        fixed(12, 25),
        fixed(12, 26),
    ];
    holidays.sort();
    holidays.dedup();
    holidays
}

pub fn is_public_holiday(date: NaiveDate) -> bool {
    public_holidays(date.year()).contains(&date)
}

/// A working day is neither Saturday, Sunday nor a public holiday (R-CAL-1).
pub fn is_working_day(date: NaiveDate) -> bool {
    !matches!(date.weekday(), Weekday::Sat | Weekday::Sun) && !is_public_holiday(date)
}

/// R-CAL-1: "N working days after D" is the Nth working day counted from the day after D.
/// Zero days is D itself. Returns `None` only past the end of the calendar.
pub fn add_working_days(date: NaiveDate, days: u32) -> Option<NaiveDate> {
    let mut current = date;
    let mut remaining = days;
    while remaining > 0 {
        current = current.checked_add_days(Days::new(1))?;
        if is_working_day(current) {
            remaining -= 1;
        }
    }
    Some(current)
}

/// R-CAL-1 backwards: the latest date D such that `add_working_days(D, days)` is on or before
/// `date` — the latest day to order something that takes `days` working days (R-PLN-1).
pub fn subtract_working_days(date: NaiveDate, days: u32) -> Option<NaiveDate> {
    let mut current = date;
    let mut remaining = days;
    while remaining > 0 {
        if is_working_day(current) {
            remaining -= 1;
        }
        current = current.checked_sub_days(Days::new(1))?;
    }
    Some(current)
}

/// The day an instant falls on in Norway (SPEC §9: "today" and every date derived from the
/// clock are days in Europe/Oslo; timestamps are stored in UTC). 23:30 UTC on 1 December is
/// already 2 December in Oslo.
pub fn norwegian_date(instant: DateTime<Utc>) -> NaiveDate {
    instant.with_timezone(&chrono_tz::Europe::Oslo).date_naive()
}

/// The instant a Norwegian day begins (midnight in Europe/Oslo), for searching UTC timestamps
/// by day. Midnight always exists in Oslo: clocks change at 02:00 and 03:00.
pub fn start_of_norwegian_day(day: NaiveDate) -> DateTime<Utc> {
    use chrono::TimeZone;
    let midnight = day.and_hms_opt(0, 0, 0).expect("midnight exists");
    chrono_tz::Europe::Oslo
        .from_local_datetime(&midnight)
        .earliest()
        .expect("midnight exists in Oslo")
        .with_timezone(&Utc)
}

/// One row of a month's calendar: the ISO week number and its days, Monday first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CalendarWeek {
    pub number: u32,
    pub days: [NaiveDate; 7],
}

/// The weeks a month's calendar shows, as Norwegian calendars do: Monday first, ISO week
/// numbers, from the week of the month's first day to the week of its last (so the first and
/// last rows may hold days of the months around it).
pub fn month_weeks(month: Month) -> Vec<CalendarWeek> {
    let first = month.first_day();
    let last = month.end().pred_opt().expect("a month has a last day");
    let mut monday = first - Days::new(u64::from(first.weekday().num_days_from_monday()));
    let mut weeks = Vec::with_capacity(6);
    while monday <= last {
        let days = std::array::from_fn(|offset| monday + Days::new(offset as u64));
        weeks.push(CalendarWeek {
            number: monday.iso_week().week(),
            days,
        });
        monday = monday + Days::new(7);
    }
    weeks
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    #[test]
    fn easter_matches_the_almanac() {
        assert_eq!(easter_sunday(2024), date("2024-03-31"));
        assert_eq!(easter_sunday(2025), date("2025-04-20"));
        assert_eq!(easter_sunday(2026), date("2026-04-05"));
        assert_eq!(easter_sunday(2038), date("2038-04-25"));
    }

    #[test]
    fn public_holidays_of_2026() {
        let expected = [
            "2026-01-01",
            "2026-04-02",
            "2026-04-03",
            "2026-04-05",
            "2026-04-06",
            "2026-05-01",
            "2026-05-14",
            "2026-05-17",
            "2026-05-24",
            "2026-05-25",
            "2026-12-25",
            "2026-12-26",
        ];
        let expected: Vec<_> = expected.iter().map(|text| date(text)).collect();
        assert_eq!(public_holidays(2026), expected);
    }

    #[test]
    fn r_cal_1_skips_weekends() {
        // Friday 2026-11-20 + 1 working day = Monday 2026-11-23.
        assert_eq!(
            add_working_days(date("2026-11-20"), 1),
            Some(date("2026-11-23"))
        );
        assert_eq!(
            add_working_days(date("2026-11-23"), 10),
            Some(date("2026-12-07"))
        );
    }

    #[test]
    fn r_cal_1_skips_easter_and_christmas() {
        // Wednesday before Easter 2026: Thu, Fri, Mon are holidays; Tuesday is the next working day.
        assert_eq!(
            add_working_days(date("2026-04-01"), 1),
            Some(date("2026-04-07"))
        );
        // 24 Dec 2026 is a Thursday; 25 and 26 are holidays, 27 a Sunday.
        assert_eq!(
            add_working_days(date("2026-12-24"), 1),
            Some(date("2026-12-28"))
        );
    }

    #[test]
    fn r_cal_1_zero_days_is_the_date_itself() {
        assert_eq!(
            add_working_days(date("2026-12-25"), 0),
            Some(date("2026-12-25"))
        );
    }

    #[test]
    fn r_cal_1_subtracting_inverts_adding() {
        let access_opens = date("2026-03-02");
        let latest_order = subtract_working_days(access_opens, 10).unwrap();
        assert!(add_working_days(latest_order, 10).unwrap() <= access_opens);
        let one_day_later = latest_order.succ_opt().unwrap();
        assert!(
            add_working_days(one_day_later, 10).unwrap() > access_opens
                || !is_working_day(one_day_later)
        );
    }

    #[test]
    fn spec_9_today_is_the_day_in_oslo_not_in_utc() {
        use chrono::TimeZone;
        let winter = Utc.with_ymd_and_hms(2026, 12, 1, 23, 30, 0).unwrap();
        assert_eq!(
            norwegian_date(winter),
            NaiveDate::from_ymd_opt(2026, 12, 2).unwrap()
        );
        let before_midnight = Utc.with_ymd_and_hms(2026, 12, 1, 22, 59, 59).unwrap();
        assert_eq!(
            norwegian_date(before_midnight),
            NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()
        );
        // Summer time: UTC+2.
        let summer = Utc.with_ymd_and_hms(2026, 6, 30, 22, 0, 0).unwrap();
        assert_eq!(
            norwegian_date(summer),
            NaiveDate::from_ymd_opt(2026, 7, 1).unwrap()
        );
    }

    #[test]
    fn spec_9_a_norwegian_day_starts_at_midnight_in_oslo() {
        use chrono::TimeZone;
        let day = NaiveDate::from_ymd_opt(2026, 12, 2).unwrap();
        let start = Utc.with_ymd_and_hms(2026, 12, 1, 23, 0, 0).unwrap();
        assert_eq!(start_of_norwegian_day(day), start);
        let summer = NaiveDate::from_ymd_opt(2026, 7, 1).unwrap();
        let start = Utc.with_ymd_and_hms(2026, 6, 30, 22, 0, 0).unwrap();
        assert_eq!(start_of_norwegian_day(summer), start);
    }

    fn weeks_of(month: &str) -> Vec<CalendarWeek> {
        month_weeks(Month::parse(month).unwrap())
    }

    #[test]
    fn month_weeks_start_on_the_monday_of_the_first_day_and_end_on_the_last_sunday() {
        let weeks = weeks_of("2026-12");
        assert_eq!(weeks.len(), 5);
        assert_eq!(weeks[0].days[0], date("2026-11-30"));
        assert_eq!(weeks[4].days[6], date("2027-01-03"));
        let numbers: Vec<u32> = weeks.iter().map(|week| week.number).collect();
        assert_eq!(numbers, [49, 50, 51, 52, 53], "2026 has an ISO week 53");
    }

    #[test]
    fn month_weeks_of_a_month_from_monday_to_sunday_are_exactly_its_own() {
        let weeks = weeks_of("2027-02");
        assert_eq!(weeks.len(), 4);
        assert_eq!(weeks[0].days[0], date("2027-02-01"));
        assert_eq!(weeks[3].days[6], date("2027-02-28"));
        assert_eq!(weeks[0].number, 5);
    }

    #[test]
    fn month_weeks_number_january_first_in_the_previous_years_last_week() {
        let weeks = weeks_of("2021-01");
        assert_eq!(
            (weeks[0].number, weeks[0].days[0]),
            (53, date("2020-12-28"))
        );
        assert_eq!(
            weeks.len(),
            5,
            "1 to 31 January 2021 span weeks 53 and 1 to 4"
        );
        assert_eq!(
            weeks_of("2021-05").len(),
            6,
            "May 2021 starts on a Saturday"
        );
    }
}
