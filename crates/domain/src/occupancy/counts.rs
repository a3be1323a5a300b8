//! R-OCC-2: occupancy of a centre, place type and day is the number of residents whose stay
//! covers that day; centres without resident data enter or import daily counts instead.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::dates::{Month, parse_date};
use crate::error::{FieldError, Problem};
use crate::place_types::PlaceType;

/// One stay as the count needs it: place type and half-open days (`to` `None` = still there).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StaySpan {
    pub place_type: PlaceType,
    pub from: NaiveDate,
    pub to: Option<NaiveDate>,
}

/// Residents per place type and day of one month (index 0 = the 1st).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MonthOccupancy {
    pub month: Month,
    pub counts: BTreeMap<PlaceType, Vec<u32>>,
}

impl MonthOccupancy {
    pub fn empty(month: Month) -> MonthOccupancy {
        MonthOccupancy {
            month,
            counts: BTreeMap::new(),
        }
    }

    /// Every day of the month with the residents of all place types together.
    pub fn totals(&self) -> Vec<(NaiveDate, u32)> {
        let first = self.month.first_day();
        (0..self.month.days() as usize)
            .map(|index| {
                let total = self.counts.values().map(|days| days[index]).sum();
                (first + chrono::Days::new(index as u64), total)
            })
            .collect()
    }
}

/// Counts per day from stays in one pass: each stay, cut to the month, adds one where it begins
/// and takes one away where it ends (a difference array over the month's days); a running sum
/// gives the days. Time is linear in stays plus days, never stays × days.
pub fn daily_counts(month: Month, stays: impl IntoIterator<Item = StaySpan>) -> MonthOccupancy {
    let first = month.first_day();
    let days = month.days() as usize;
    let mut changes: BTreeMap<PlaceType, Vec<i64>> = BTreeMap::new();
    for stay in stays {
        let start = stay.from.max(first);
        let end = stay.to.unwrap_or(NaiveDate::MAX).min(month.end());
        if start >= end {
            continue;
        }
        let delta = changes
            .entry(stay.place_type)
            .or_insert_with(|| vec![0; days + 1]);
        delta[(start - first).num_days() as usize] += 1;
        delta[(end - first).num_days() as usize] -= 1;
    }
    let counts = changes
        .into_iter()
        .map(|(place_type, delta)| {
            let mut running = 0i64;
            let days = delta[..days]
                .iter()
                .map(|change| {
                    running += change;
                    running as u32
                })
                .collect();
            (place_type, days)
        })
        .collect();
    MonthOccupancy { month, counts }
}

/// The same count from what a database can sum by index: the residents of each place type on the
/// month's first day, and per day how many stays begin (+) or end (−) there. The rows are a few
/// per day, however many stays the centre has had.
pub fn counts_from_changes(
    month: Month,
    on_first_day: &[(PlaceType, i64)],
    changes: &[(PlaceType, NaiveDate, i64)],
) -> MonthOccupancy {
    let first = month.first_day();
    let days = month.days() as usize;
    let mut deltas: BTreeMap<PlaceType, Vec<i64>> = BTreeMap::new();
    for (place_type, residents) in on_first_day.iter().filter(|(_, residents)| *residents != 0) {
        deltas.entry(*place_type).or_insert_with(|| vec![0; days])[0] += residents;
    }
    for (place_type, date, change) in changes {
        if month.contains(*date) {
            deltas.entry(*place_type).or_insert_with(|| vec![0; days])
                [(*date - first).num_days() as usize] += change;
        }
    }
    let counts = deltas
        .into_iter()
        .map(|(place_type, delta)| {
            let mut running = 0i64;
            let days = delta
                .iter()
                .map(|change| {
                    running += change;
                    running.max(0) as u32
                })
                .collect();
            (place_type, days)
        })
        .collect();
    MonthOccupancy { month, counts }
}

/// Checks entered counts (`days[i]` of the API, a form's table): each date a day of the month and
/// listed once, each count 0 or more. Every invalid entry is named.
pub fn check_entered_days(
    month: Month,
    days: &[(String, i64)],
) -> Result<Vec<(NaiveDate, u32)>, Vec<FieldError>> {
    let mut rows: Vec<(NaiveDate, u32)> = Vec::new();
    let mut errors = Vec::new();
    for (index, (date, residents)) in days.iter().enumerate() {
        let date = match parse_date(date.trim()).filter(|date| month.contains(*date)) {
            Some(date) if rows.iter().any(|(seen, _)| *seen == date) => {
                let problem = Problem::ListedTwice {
                    date: date.to_string(),
                };
                errors.push(FieldError::coded(format!("days[{index}].date"), problem));
                None
            }
            Some(date) => Some(date),
            None => {
                let problem = Problem::DayOfMonth {
                    month: month.to_string(),
                };
                errors.push(FieldError::coded(format!("days[{index}].date"), problem));
                None
            }
        };
        let residents = u32::try_from(*residents).ok();
        if residents.is_none() {
            errors.push(FieldError::coded(
                format!("days[{index}].residents"),
                Problem::Count,
            ));
        }
        if let (Some(date), Some(residents)) = (date, residents) {
            rows.push((date, residents));
        }
    }
    if errors.is_empty() {
        Ok(rows)
    } else {
        Err(errors)
    }
}

/// Reads `date;residents` rows of one month (an optional header row; `;` or tab, as
/// `crate::paste` reads them; whole numbers only). Every bad line is named (`line N`, 1-based); blank lines are skipped.
pub fn parse_daily_counts_csv(
    month: Month,
    text: &str,
) -> Result<Vec<(NaiveDate, u32)>, Vec<FieldError>> {
    let mut rows: Vec<(NaiveDate, u32)> = Vec::new();
    let mut errors = Vec::new();
    let (_header, records) = crate::paste::body(text);
    for record in &records {
        let field = format!("line {}", record.line);
        let cells: Vec<&str> = record.fields.iter().map(String::as_str).collect();
        let [date, residents] = cells.as_slice() else {
            errors.push(FieldError::coded(field, Problem::DateResidentsLine));
            continue;
        };
        let Some(date) = parse_date(date).filter(|date| month.contains(*date)) else {
            let month = month.to_string();
            errors.push(FieldError::coded(field, Problem::LineDayOfMonth { month }));
            continue;
        };
        let Some(residents) =
            crate::paste::whole_number(residents).and_then(|count| u32::try_from(count).ok())
        else {
            errors.push(FieldError::coded(field, Problem::LineCount));
            continue;
        };
        if rows.iter().any(|(seen, _)| *seen == date) {
            let date = date.to_string();
            errors.push(FieldError::coded(field, Problem::ListedTwice { date }));
            continue;
        }
        rows.push((date, residents));
    }
    if errors.is_empty() {
        Ok(rows)
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        parse_date(text).unwrap()
    }

    fn span(place_type: PlaceType, from: &str, to: Option<&str>) -> StaySpan {
        StaySpan {
            place_type,
            from: day(from),
            to: to.map(day),
        }
    }

    #[test]
    fn r_occ_2_a_stay_counts_on_its_days_and_not_on_its_end() {
        let march = Month::parse("2026-03").unwrap();
        let occupancy = daily_counts(
            march,
            [
                span(PlaceType::Ordinary, "2026-02-01", Some("2026-03-03")),
                span(PlaceType::Ordinary, "2026-03-02", None),
                span(PlaceType::Transit, "2026-03-31", Some("2026-04-02")),
                span(PlaceType::Transit, "2026-04-01", None),
            ],
        );
        let ordinary = &occupancy.counts[&PlaceType::Ordinary];
        assert_eq!(ordinary.len(), 31);
        assert_eq!(&ordinary[..4], &[1, 2, 1, 1]);
        assert_eq!(ordinary[30], 1);
        let transit = &occupancy.counts[&PlaceType::Transit];
        assert_eq!((transit[29], transit[30]), (0, 1));
        assert_eq!(occupancy.totals()[30], (day("2026-03-31"), 2));
    }

    #[test]
    fn r_occ_2_counting_from_first_day_and_changes_agrees_with_the_stays() {
        let march = Month::parse("2026-03").unwrap();
        let from_changes = counts_from_changes(
            march,
            &[(PlaceType::Ordinary, 1)],
            &[
                (PlaceType::Ordinary, day("2026-03-02"), 1),
                (PlaceType::Ordinary, day("2026-03-03"), -1),
            ],
        );
        let from_stays = daily_counts(
            march,
            [
                span(PlaceType::Ordinary, "2026-02-01", Some("2026-03-03")),
                span(PlaceType::Ordinary, "2026-03-02", None),
            ],
        );
        assert_eq!(from_changes, from_stays);
    }

    #[test]
    fn r_occ_2_stays_outside_the_month_count_nothing() {
        let march = Month::parse("2026-03").unwrap();
        let occupancy = daily_counts(
            march,
            [span(PlaceType::Ordinary, "2026-01-01", Some("2026-03-01"))],
        );
        assert!(occupancy.counts.is_empty());
    }

    #[test]
    fn r_occ_2_entered_days_name_every_bad_entry() {
        let march = Month::parse("2026-03").unwrap();
        let days = [
            ("2026-03-01".to_owned(), 3),
            ("2026-03-01".to_owned(), -1),
            ("2026-04-01".to_owned(), 2),
        ];
        let fields: Vec<String> = check_entered_days(march, &days)
            .unwrap_err()
            .into_iter()
            .map(|error| error.field)
            .collect();
        assert_eq!(
            fields,
            ["days[1].date", "days[1].residents", "days[2].date"]
        );
        assert_eq!(
            check_entered_days(march, &days[..1]).unwrap(),
            [(day("2026-03-01"), 3)]
        );
    }

    #[test]
    fn r_occ_2_daily_counts_import_reads_header_tabs_and_names_every_bad_line() {
        let march = Month::parse("2026-03").unwrap();
        let rows = parse_daily_counts_csv(
            march,
            "\u{feff}date;residents\n2026-03-01;12\n2026-03-02\t13\n\n",
        )
        .unwrap();
        assert_eq!(rows, [(day("2026-03-01"), 12), (day("2026-03-02"), 13)]);
        let errors = parse_daily_counts_csv(
            march,
            "2026-03-01;1,5\n2026-04-01;3\n2026-03-02;-1\n2026-03-03;4\n2026-03-03;4\nx",
        )
        .unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|error| error.field.as_str()).collect();
        assert_eq!(fields, ["line 1", "line 2", "line 3", "line 5", "line 6"]);
    }
}
