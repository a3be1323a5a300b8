//! Fixed annual transfers: R-CLM-3 (proration by active days) and R-CLM-4 (cumulative rounding).

use super::*;

/// The fixed operating amount of `agreement` in each month of `months`.
fn operating(agreement: &AgreementRequest, months: &[&str]) -> Vec<i64> {
    months
        .iter()
        .map(|month| {
            let claim = claim(&request(
                month,
                vec![unit("ordinary", false, vec![agreement.clone()])],
                vec![],
            ));
            claim
                .lines
                .iter()
                .filter(|line| line.kind == LineKind::FixedOperating)
                .map(|line| line.amount.0)
                .sum()
        })
        .collect()
}

fn months_of(year: i32) -> Vec<String> {
    (1..=12).map(|month| format!("{year}-{month:02}")).collect()
}

#[test]
fn r_clm_3_full_month_is_a_twelfth() {
    let mut main = main_agreement();
    main.fixed_annual_operating = 1_200_000_00;
    let claim = claim(&request(
        "2024-09",
        vec![unit("ordinary", false, vec![main])],
        vec![],
    ));

    let fixed = line(&claim, LineKind::FixedOperating, None);
    assert_eq!(
        (fixed.days, fixed.price, fixed.amount, fixed.quantity),
        (30, Ore(1_200_000_00), Ore(100_000_00), None)
    );
}

#[test]
fn r_clm_3_mid_month_start_prorates() {
    // kr 1 000 000 a year from 16 April: April pays 15/30 of kr 83 333,33… = 4 166 666,67 øre.
    let mut main = agreement("H", "2024-04-16", "2025-01-01");
    main.fixed_annual_operating = 1_000_000_00;
    let claim_april = claim(&request(
        "2024-04",
        vec![unit("ordinary", false, vec![main.clone()])],
        vec![],
    ));

    let april = line(&claim_april, LineKind::FixedOperating, None);
    assert_eq!((april.days, april.amount), (15, Ore(4_166_667)));
    // May: round(1.5 × 8 333 333,33) − 4 166 667 = 12 500 000 − 4 166 667.
    assert_eq!(operating(&main, &["2024-05"]), vec![8_333_333]);
}

#[test]
fn r_clm_3_february_leap_year() {
    // kr 1 200 000 a year from 10 February: 20 of 29 days in 2024, 19 of 28 in 2023.
    let mut leap = agreement("H", "2024-02-10", "2025-01-01");
    leap.fixed_annual_operating = 1_200_000_00;
    let claim_leap = claim(&request(
        "2024-02",
        vec![unit("ordinary", false, vec![leap.clone()])],
        vec![],
    ));
    let february = line(&claim_leap, LineKind::FixedOperating, None);
    assert_eq!((february.days, february.amount), (20, Ore(6_896_552)));

    let mut common = agreement("H", "2023-02-10", "2024-01-01");
    common.fixed_annual_operating = 1_200_000_00;
    assert_eq!(operating(&common, &["2023-02"]), vec![6_785_714]);

    // A full leap February is still a twelfth.
    assert_eq!(operating(&leap, &["2024-03"]), vec![10_000_000]);
}

#[test]
fn r_clm_4_twelve_months_sum_to_annual_amount_not_divisible_by_twelve() {
    let mut main = agreement("H", "2025-01-01", "2026-01-01");
    main.fixed_annual_operating = 1_000_003;
    let months = months_of(2025);
    let amounts = operating(
        &main,
        &months.iter().map(String::as_str).collect::<Vec<_>>(),
    );

    assert_eq!(amounts.iter().sum::<i64>(), 1_000_003);
    assert_eq!(amounts[0], 83_334); // 83 333,58 rounded
    assert_eq!(amounts[1], 83_333); // round(166 667,17) − 83 334
    assert!(
        amounts
            .iter()
            .all(|amount| (83_333..=83_334).contains(amount))
    );
}

#[test]
fn r_clm_4_part_year_sums_to_the_rounded_share_of_the_year() {
    // From 15 March to 30 September inclusive: 17/31 of March and six full months.
    let mut main = agreement("H", "2025-03-15", "2025-10-01");
    main.fixed_annual_operating = 1_000_003;
    let months = months_of(2025);
    let amounts = operating(
        &main,
        &months.iter().map(String::as_str).collect::<Vec<_>>(),
    );

    let expected = divide_rounding_half_away(1_000_003 * (17 + 6 * 31), 12 * 31);
    assert_eq!(amounts.iter().sum::<i64>(), expected);
    assert_eq!(&amounts[..2], &[0, 0]);
    assert_eq!(&amounts[9..], &[0, 0, 0]);
}

#[test]
fn r_clm_4_each_calendar_year_starts_afresh() {
    let mut main = agreement("H", "2024-07-01", "2026-01-01");
    main.fixed_annual_operating = 1_000_003;
    let months = months_of(2025);
    let amounts = operating(
        &main,
        &months.iter().map(String::as_str).collect::<Vec<_>>(),
    );

    assert_eq!(amounts.iter().sum::<i64>(), 1_000_003);
}

#[test]
fn r_clm_4_agreements_with_the_same_annual_amount_share_one_line() {
    let mut main = main_agreement();
    main.fixed_annual_rent = 1_200_000;
    let mut supplement = agreement("T", "2024-09-11", "2025-01-01");
    supplement.fixed_annual_rent = 1_200_000;
    let mut activation = agreement("A", "2024-09-01", "2024-09-11");
    activation.fixed_annual_rent = 600_000;
    let units = vec![unit("ordinary", false, vec![main, supplement, activation])];
    let claim = claim(&request("2024-09", units, vec![]));

    let rents: Vec<_> = claim
        .lines
        .iter()
        .map(|line| (line.price.0, line.days, line.amount.0))
        .collect();
    // 100 000 for the main agreement's month + 100 000 × 20/30 for the supplement, rounded once;
    // 50 000 × 10/30 for the activation.
    assert_eq!(rents, vec![(1_200_000, 30, 166_667), (600_000, 10, 16_667)]);
}

#[test]
fn r_clm_3_fixed_line_left_out_when_not_in_force() {
    let mut main = agreement("H", "2024-01-01", "2024-09-01");
    main.fixed_annual_operating = 1_200_000;
    let claim = claim(&request(
        "2024-09",
        vec![unit("ordinary", false, vec![main])],
        vec![],
    ));

    assert!(claim.lines.is_empty());
}

use crate::money::divide_rounding_half_away;
