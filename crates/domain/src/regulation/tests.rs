//! Amounts are written as kroner_øre: `100_00` is kr 100,00.
#![allow(clippy::inconsistent_digit_grouping)]

use super::*;
use crate::cpi::CpiIndex;
use crate::dates::parse_date;

fn day(text: &str) -> NaiveDate {
    parse_date(text).unwrap()
}

fn month(text: &str) -> Month {
    Month::parse(text).unwrap()
}

fn cpi(rows: &[(&str, &str)]) -> CpiTable {
    rows.iter()
        .map(|(m, index)| (month(m), CpiIndex::parse(index).unwrap()))
        .collect()
}

fn price(current: i64, regulated_on: Option<&str>, terms: RegulationTerms) -> PriceToRegulate {
    PriceToRegulate {
        agreement_id: 7,
        path: "units[0].fixed_annual_rent".to_owned(),
        current: Ore(current),
        regulated_on: regulated_on.map(day),
        terms,
    }
}

#[test]
fn r_agr_9_defaults_are_august_all_of_it_lag_two_from_the_next_year() {
    let terms = RegulationTerms::defaults(day("2025-03-15"));
    assert_eq!(terms.month(), 8);
    assert_eq!(terms.percent(), Percent::ALL);
    assert_eq!(terms.base_date(), day("2025-03-15"));
    assert_eq!(terms.lag_months(), 2);
    assert_eq!(terms.first_date(), day("2026-08-01"));
    let due: Vec<NaiveDate> = terms.due_dates().take(3).collect();
    assert_eq!(
        due,
        vec![day("2026-08-01"), day("2027-08-01"), day("2028-08-01")]
    );
}

#[test]
fn r_agr_9_terms_name_every_invalid_field() {
    let draft = RegulationDraft {
        month: Some(13),
        percent: Some(10_001),
        lag_months: Some(13),
        first_date: Some(day("2025-12-01")),
        base_date: None,
    };
    let errors = draft
        .terms(day("2025-01-01"), "units[0].fixed_annual_rent.regulation.")
        .unwrap_err();
    let fields: Vec<&str> = errors.iter().map(|error| error.field.as_str()).collect();
    assert_eq!(
        fields,
        vec![
            "units[0].fixed_annual_rent.regulation.month",
            "units[0].fixed_annual_rent.regulation.percent",
            "units[0].fixed_annual_rent.regulation.lag_months",
            "units[0].fixed_annual_rent.regulation.first_date",
        ]
    );
}

#[test]
fn r_agr_9_first_regulation_uses_the_base_date_with_the_lag() {
    // Base 2025-01-01 → November 2024; 1 August 2026 → June 2026 (lag 2).
    let terms = RegulationTerms::defaults(day("2025-01-01"));
    let table = cpi(&[
        ("2024-11", "130.0"),
        ("2026-06", "136.5"),
        ("2026-07", "200"),
    ]);
    let made = regulate_all(&[price(100_000_00, None, terms)], day("2026-08-01"), &table).unwrap();
    assert_eq!(made.len(), 1);
    let regulation = &made[0];
    assert_eq!(
        (regulation.before, regulation.after),
        (Ore(100_000_00), Ore(105_000_00))
    );
    assert_eq!(
        (regulation.base_month, regulation.new_month),
        (month("2024-11"), month("2026-06"))
    );
    assert_eq!(regulation.index_base.to_string(), "130.0");
    assert_eq!(regulation.index_new.to_string(), "136.5");
    assert_eq!(regulation.date, day("2026-08-01"));
}

#[test]
fn r_agr_9_nothing_is_due_before_the_first_date() {
    let terms = RegulationTerms::defaults(day("2025-01-01"));
    let made = regulate_all(
        &[price(100, None, terms)],
        day("2026-07-31"),
        &CpiTable::new(),
    )
    .unwrap();
    assert!(made.is_empty());
}

#[test]
fn r_agr_9_second_year_spans_from_the_previous_regulation() {
    let terms = RegulationTerms::defaults(day("2025-01-01"));
    let table = cpi(&[
        ("2024-11", "1"),
        ("2026-06", "136.5"),
        ("2027-06", "141.96"),
    ]);
    let made = regulate_all(
        &[price(105_000_00, Some("2026-08-01"), terms)],
        day("2027-08-01"),
        &table,
    )
    .unwrap();
    assert_eq!(made.len(), 1);
    // 141.96 / 136.5 = 1.04.
    assert_eq!(
        (made[0].base_month, made[0].after),
        (month("2026-06"), Ore(109_200_00))
    );
}

#[test]
fn r_agr_9_a_missed_day_is_made_up_in_order() {
    let terms = RegulationTerms::defaults(day("2025-01-01"));
    let table = cpi(&[("2024-11", "100"), ("2026-06", "110"), ("2027-06", "121")]);
    let made = regulate_all(&[price(1000_00, None, terms)], day("2027-09-15"), &table).unwrap();
    let steps: Vec<(NaiveDate, Ore, Ore)> =
        made.iter().map(|r| (r.date, r.before, r.after)).collect();
    assert_eq!(
        steps,
        vec![
            (day("2026-08-01"), Ore(1000_00), Ore(1100_00)),
            (day("2027-08-01"), Ore(1100_00), Ore(1210_00))
        ]
    );
}

#[test]
fn r_agr_9_rounds_to_whole_ore_half_away_from_zero() {
    let terms = RegulationTerms::defaults(day("2025-01-01"));
    let table = cpi(&[("2024-11", "100"), ("2026-06", "105")]);
    let made = regulate_all(
        &[
            price(10, None, terms),
            price(11, None, terms),
            price(-10, None, terms),
        ],
        day("2026-08-01"),
        &table,
    )
    .unwrap();
    // 10.5 → 11, 11.55 → 12, −10.5 → −11.
    let after: Vec<Ore> = made.iter().map(|r| r.after).collect();
    assert_eq!(after, vec![Ore(11), Ore(12), Ore(-11)]);
}

#[test]
fn r_agr_9_percent_below_100_takes_that_share_of_the_change() {
    let draft = RegulationDraft {
        percent: Some(8_000),
        ..RegulationDraft::default()
    };
    let terms = draft.terms(day("2025-01-01"), "").unwrap();
    let table = cpi(&[("2024-11", "100"), ("2026-06", "110")]);
    let made = regulate_all(&[price(100_00, None, terms)], day("2026-08-01"), &table).unwrap();
    assert_eq!(made[0].after, Ore(108_00));
}

#[test]
fn r_agr_9_a_missing_month_stops_the_whole_run() {
    let early = RegulationTerms::defaults(day("2025-01-01"));
    let table = cpi(&[("2024-11", "100"), ("2026-06", "110")]);
    let late_start = RegulationTerms::defaults(day("2025-03-01")); // base month 2025-01
    let result = regulate_all(
        &[price(100_00, None, early), price(100_00, None, late_start)],
        day("2026-08-01"),
        &table,
    );
    assert_eq!(
        result,
        Err(MissingIndex {
            month: month("2025-01")
        })
    );
}
