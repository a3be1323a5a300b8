//! Fixed transfers across a regulation (R-CLM-3, R-CLM-4 with R-AGR-9): each period earns its
//! share at its own annual amount, and the cumulative rounding runs over the sum, so a year sums
//! to the exact total rounded once.

use chrono::{Datelike, NaiveDate};
use proptest::prelude::*;

use super::*;
use crate::dates::DateRange;

fn day(text: &str) -> NaiveDate {
    parse_date(text).unwrap()
}

fn year_amounts(schedule: &AnnualSchedule, validity: DateRange, year: i32) -> Vec<i64> {
    (1..=12)
        .map(|m| fixed_month_amount(schedule, validity, Month::new(year, m).unwrap()).0)
        .collect()
}

/// The exact amount over the year as a fraction, day by day: `annual(d) / 12 / days in d's month`.
pub(super) fn exact_year_rounded(
    changes: &[(NaiveDate, i64)],
    initial: i64,
    validity: DateRange,
    year: i32,
) -> i64 {
    let (mut numerator, mut denominator) = (0i128, 1i128);
    let mut date = NaiveDate::from_ymd_opt(year, 1, 1).unwrap();
    while date.year() == year {
        if validity.contains(date) {
            let annual = changes
                .iter()
                .rev()
                .find(|(from, _)| *from <= date)
                .map_or(initial, |(_, annual)| *annual);
            let days = i128::from(Month::of(date).days());
            // numerator/denominator + annual / (12 × days)
            numerator = numerator * 12 * days + i128::from(annual) * denominator;
            denominator *= 12 * days;
            let divisor = gcd(numerator.abs(), denominator);
            numerator /= divisor.max(1);
            denominator /= divisor.max(1);
        }
        date = date.succ_opt().unwrap();
    }
    crate::money::divide_rounding_half_away(numerator, denominator)
}

fn gcd(a: i128, b: i128) -> i128 {
    if b == 0 { a } else { gcd(b, a % b) }
}

#[test]
fn r_clm_4_a_single_price_is_a_one_period_schedule() {
    let mut main = agreement("H", "2024-04-16", "2025-01-01");
    main.fixed_annual_operating = 1_000_000_00;
    let validity = DateRange::new(day("2024-04-16"), day("2025-01-01")).unwrap();
    let schedule = AnnualSchedule::single(Ore(1_000_000_00));
    for month in ["2024-04", "2024-05", "2024-12"] {
        let simulated = claim(&request(
            month,
            vec![unit("ordinary", false, vec![main.clone()])],
            vec![],
        ));
        let line = line(&simulated, LineKind::FixedOperating, None);
        assert_eq!(
            fixed_month_amount(&schedule, validity, Month::parse(month).unwrap()),
            line.amount
        );
    }
}

#[test]
fn r_clm_3_a_regulation_on_the_first_pays_each_month_at_its_amount() {
    let validity = DateRange::new(day("2025-01-01"), day("2027-01-01")).unwrap();
    let schedule =
        AnnualSchedule::new(Ore(1_200_000_00), &[(day("2025-08-01"), Ore(1_260_000_00))]).unwrap();
    let months = year_amounts(&schedule, validity, 2025);
    assert_eq!(months[..7], [100_000_00; 7]);
    assert_eq!(months[7..], [105_000_00; 5]);
    assert_eq!(months.iter().sum::<i64>(), 1_225_000_00);
}

#[test]
fn r_clm_4_a_mid_month_regulation_splits_the_month_by_days() {
    // August 2025: 14 days at kr 1 000 000 and 17 at kr 1 100 000 a year, over 31 days.
    let validity = DateRange::new(day("2025-01-01"), day("2026-01-01")).unwrap();
    let schedule =
        AnnualSchedule::new(Ore(1_000_000_00), &[(day("2025-08-15"), Ore(1_100_000_00))]).unwrap();
    let august = fixed_month_amount(&schedule, validity, Month::parse("2025-08").unwrap());
    // 1e8/12 × 14/31 + 1.1e8/12 × 17/31 = 8 790 322,58… øre
    assert_eq!(august, Ore(8_790_323));
    let year: i64 = year_amounts(&schedule, validity, 2025).iter().sum();
    assert_eq!(
        year,
        exact_year_rounded(
            &[(day("2025-08-15"), 1_100_000_00)],
            1_000_000_00,
            validity,
            2025
        )
    );
}

#[test]
fn r_clm_4_changes_must_be_in_date_order() {
    let changes = [(day("2025-08-01"), Ore(2)), (day("2025-08-01"), Ore(3))];
    assert_eq!(AnnualSchedule::new(Ore(1), &changes), None);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn r_clm_4_twelve_months_sum_to_the_rounded_exact_year(
        initial in 0..10_000_000_000i64,
        regulated in 0..10_000_000_000i64,
        change_day in 0..365u32,
        start_day in 0..200u32,
        length in 1..400u32,
        year in 2020..2030i32,
    ) {
        let january = NaiveDate::from_ymd_opt(year, 1, 1).unwrap();
        let change = january + chrono::Days::new(u64::from(change_day));
        let from = january + chrono::Days::new(u64::from(start_day));
        let validity = DateRange::new(from, from + chrono::Days::new(u64::from(length))).unwrap();
        let schedule = AnnualSchedule::new(Ore(initial), &[(change, Ore(regulated))]).unwrap();

        let sum: i64 = year_amounts(&schedule, validity, year).iter().sum();

        prop_assert_eq!(sum, exact_year_rounded(&[(change, regulated)], initial, validity, year));
    }
}
