//! The engine's rules on hand-computed examples (expected amounts in øre).

use super::*;

fn unpaid_residents(claim: &ClaimResponse) -> Vec<(chrono::NaiveDate, u32)> {
    claim
        .warnings
        .iter()
        .filter_map(|warning| match warning.unpaid {
            Unpaid::Residents(count) => Some((warning.date, count)),
            Unpaid::Meals(_) => None,
        })
        .collect()
}

#[test]
fn r_clm_2_seed_meal_example_first_205_free() {
    // Seed 001 §11: "no meals for the first 205 places, the next 145 at kr 101.03".
    let mut main = main_agreement();
    main.fixed_places = 400;
    main.meal_tiers = vec![meal(1, 205, 0), meal(2, 145, 101_03)];
    let mut occupancy = every_day("2024-06", "ordinary", 300);
    occupancy[14].residents = 360;
    let claim = claim(&request(
        "2024-06",
        vec![unit("ordinary", true, vec![main])],
        occupancy,
    ));

    let free = line(&claim, LineKind::Meals, Some(1));
    assert_eq!(
        (free.days, free.quantity, free.amount),
        (30, Some(205 * 30), Ore(0))
    );
    let paid = line(&claim, LineKind::Meals, Some(2));
    // 95 persons on 29 days, 145 on the 15th.
    assert_eq!((paid.days, paid.quantity), (30, Some(95 * 29 + 145)));
    assert_eq!(paid.amount, Ore(2_900 * 101_03));
    assert_eq!(claim.total, Ore(29_298_700));
    let beyond = ClaimWarning {
        date: date("2024-06-15"),
        place_type: PlaceType::Ordinary,
        unpaid: Unpaid::Meals(10),
    };
    assert_eq!(claim.warnings, vec![beyond]);
}

#[test]
fn r_agr_11_one_queue_across_main_supplement_and_activation() {
    let mut main = main_agreement();
    main.fixed_places = 10;
    main.unit_tiers = vec![
        tier(1, "unit_price", 5, 500_00),
        tier(4, "standby", 5, 300_00),
    ];
    let mut supplement = agreement("T", "2024-01-01", "2025-01-01");
    supplement.unit_tiers = vec![
        tier(2, "unit_price", 3, 600_00),
        tier(5, "unit_price", 0, 900_00),
    ];
    let mut activation = agreement("A", "2024-09-01", "2024-10-01");
    activation.unit_tiers = vec![tier(3, "standby", 4, 400_00)];
    let agreements = vec![main, supplement, activation];
    let occupancy = every_day("2024-09", "ordinary", 30);
    let claim = claim(&request(
        "2024-09",
        vec![unit("ordinary", false, agreements)],
        occupancy,
    ));

    // 30 residents: 10 fixed, then priorities 1, 2, 3, 4 (5 + 3 + 4 + 5), the last 3 in 5.
    let expected = [
        (LineKind::UnitPrice, 1, 150, 7_500_000),
        (LineKind::UnitPrice, 2, 90, 5_400_000),
        (LineKind::Standby, 3, 120, 4_800_000),
        (LineKind::Standby, 4, 150, 4_500_000),
        (LineKind::UnitPrice, 5, 90, 8_100_000),
    ];
    let actual: Vec<_> = claim
        .lines
        .iter()
        .map(|line| {
            (
                line.kind,
                line.priority.unwrap(),
                line.quantity.unwrap(),
                line.amount.0,
            )
        })
        .collect();
    assert_eq!(actual, expected);
    assert!(claim.lines.iter().all(|line| line.days == 30));
    assert_eq!(claim.total, Ore(30_300_000));
    assert!(claim.warnings.is_empty());
}

#[test]
fn r_agr_11_tiers_count_only_while_their_agreement_is_in_force() {
    let mut main = main_agreement();
    main.fixed_places = 10;
    main.unit_tiers = vec![
        tier(1, "unit_price", 5, 500_00),
        tier(4, "standby", 5, 300_00),
    ];
    let mut supplement = agreement("T", "2024-09-16", "2025-01-01");
    supplement.unit_tiers = vec![
        tier(2, "unit_price", 3, 600_00),
        tier(5, "unit_price", 0, 900_00),
    ];
    let mut activation = agreement("A", "2024-01-01", "2025-01-01");
    activation.unit_tiers = vec![tier(3, "standby", 4, 400_00)];
    let agreements = vec![main, supplement, activation];
    let occupancy = every_day("2024-09", "ordinary", 30);
    let claim = claim(&request(
        "2024-09",
        vec![unit("ordinary", false, agreements)],
        occupancy,
    ));

    let supplement_tier = line(&claim, LineKind::UnitPrice, Some(2));
    assert_eq!(
        (supplement_tier.days, supplement_tier.quantity),
        (15, Some(45))
    );
    let over_occupancy = line(&claim, LineKind::UnitPrice, Some(5));
    assert_eq!(
        (over_occupancy.days, over_occupancy.quantity),
        (15, Some(45))
    );
    // Before the supplement: 30 − 10 fixed − 5 − 4 − 5 = 6 unpaid a day.
    let expected: Vec<_> = (1..=15)
        .map(|day| (date(&format!("2024-09-{day:02}")), 6))
        .collect();
    assert_eq!(unpaid_residents(&claim), expected);
}

#[test]
fn r_agr_3_valid_to_is_exclusive() {
    // "To 14 March" is stored as valid-to 2024-03-15: the 15th is not paid.
    let mut main = agreement("H", "2024-01-01", "2024-03-15");
    main.unit_tiers = vec![tier(1, "unit_price", 10, 10_00)];
    let occupancy = every_day("2024-03", "ordinary", 5);
    let claim = claim(&request(
        "2024-03",
        vec![unit("ordinary", false, vec![main])],
        occupancy,
    ));

    let paid = line(&claim, LineKind::UnitPrice, Some(1));
    assert_eq!(
        (paid.days, paid.quantity, paid.amount),
        (14, Some(70), Ore(70_000))
    );
    let unpaid = unpaid_residents(&claim);
    assert_eq!(unpaid.len(), 17);
    assert_eq!(unpaid[0], (date("2024-03-15"), 5));
}

#[test]
fn r_agr_3_stop_date_ends_early() {
    let mut main = agreement("H", "2024-01-01", "2025-01-01");
    main.stop_date = Some("2024-03-10".into());
    main.fixed_annual_rent = 31_000_00;
    main.unit_tiers = vec![tier(1, "unit_price", 10, 10_00)];
    let occupancy = every_day("2024-03", "ordinary", 5);
    let claim = claim(&request(
        "2024-03",
        vec![unit("ordinary", false, vec![main])],
        occupancy,
    ));

    let paid = line(&claim, LineKind::UnitPrice, Some(1));
    assert_eq!(
        (paid.days, paid.quantity, paid.amount),
        (9, Some(45), Ore(45_000))
    );
    // kr 31 000 / 12 × 9 / 31 = kr 750 exactly.
    let rent = line(&claim, LineKind::FixedRent, None);
    assert_eq!(
        (rent.days, rent.price, rent.amount),
        (9, Ore(31_000_00), Ore(750_00))
    );
    assert_eq!(unpaid_residents(&claim)[0], (date("2024-03-10"), 5));
}

#[test]
fn r_agr_3_stop_date_after_valid_to_extends() {
    let mut main = agreement("H", "2024-01-01", "2024-03-10");
    main.stop_date = Some("2024-03-20".into());
    main.unit_tiers = vec![tier(1, "unit_price", 10, 10_00)];
    let occupancy = every_day("2024-03", "ordinary", 1);
    let claim = claim(&request(
        "2024-03",
        vec![unit("ordinary", false, vec![main])],
        occupancy,
    ));

    assert_eq!(line(&claim, LineKind::UnitPrice, Some(1)).days, 19);
}

#[test]
fn r_agr_5_standby_counts_only_while_an_activation_is_in_force() {
    let mut main = main_agreement();
    main.unit_tiers = vec![
        tier(1, "unit_price", 5, 500_00),
        tier(2, "standby", 5, 300_00),
    ];
    let activation = agreement("A", "2024-09-16", "2024-10-01");
    let occupancy = every_day("2024-09", "ordinary", 8);
    let claim = claim(&request(
        "2024-09",
        vec![unit("ordinary", false, vec![main, activation])],
        occupancy,
    ));

    let standby = line(&claim, LineKind::Standby, Some(2));
    assert_eq!(
        (standby.days, standby.quantity, standby.amount),
        (15, Some(45), Ore(1_350_000))
    );
    let unpaid = unpaid_residents(&claim);
    assert_eq!(unpaid.len(), 15);
    assert!(
        unpaid
            .iter()
            .all(|(day, count)| *day < date("2024-09-16") && *count == 3)
    );
}

#[test]
fn r_agr_5_standby_without_any_activation_never_counts() {
    let mut main = main_agreement();
    main.unit_tiers = vec![
        tier(1, "standby", 5, 300_00),
        tier(2, "unit_price", 0, 900_00),
    ];
    let occupancy = every_day("2024-09", "ordinary", 2);
    let claim = claim(&request(
        "2024-09",
        vec![unit("ordinary", false, vec![main])],
        occupancy,
    ));

    assert_eq!(claim.lines.len(), 1);
    assert_eq!(
        line(&claim, LineKind::UnitPrice, Some(2)).quantity,
        Some(60)
    );
}

#[test]
fn r_clm_1_unpaid_residents_are_warned_per_day() {
    let mut main = main_agreement();
    main.fixed_places = 10;
    main.unit_tiers = vec![tier(1, "unit_price", 5, 10_00)];
    let mut occupancy = every_day("2024-09", "ordinary", 10);
    occupancy[4].residents = 17;
    occupancy[5].residents = 15;
    let claim = claim(&request(
        "2024-09",
        vec![unit("ordinary", false, vec![main])],
        occupancy,
    ));

    assert_eq!(unpaid_residents(&claim), vec![(date("2024-09-05"), 2)]);
    let paid = line(&claim, LineKind::UnitPrice, Some(1));
    assert_eq!((paid.days, paid.quantity), (2, Some(10)));
}

#[test]
fn r_clm_1_no_agreement_in_force_leaves_everyone_unpaid() {
    let main = agreement("H", "2025-01-01", "2026-01-01");
    let occupancy = vec![on("2024-12-31", "transit", 4)];
    let claim = claim(&request(
        "2024-12",
        vec![unit("transit", true, vec![main])],
        occupancy,
    ));

    assert!(claim.lines.is_empty());
    assert_eq!(claim.total, Ore(0));
    let warnings: Vec<_> = claim
        .warnings
        .iter()
        .map(|warning| warning.unpaid)
        .collect();
    assert_eq!(warnings, vec![Unpaid::Residents(4), Unpaid::Meals(4)]);
}

#[test]
fn r_agr_7_over_occupancy_tier_is_unbounded() {
    let mut main = main_agreement();
    main.unit_tiers = vec![
        tier(1, "unit_price", 5, 10_00),
        tier(2, "unit_price", 0, 20_00),
    ];
    let occupancy = vec![on("2024-09-01", "ordinary", 1000)];
    let claim = claim(&request(
        "2024-09",
        vec![unit("ordinary", false, vec![main])],
        occupancy,
    ));

    let over = line(&claim, LineKind::UnitPrice, Some(2));
    assert_eq!(
        (over.days, over.quantity, over.amount),
        (1, Some(995), Ore(1_990_000))
    );
    assert!(claim.warnings.is_empty());
}

#[test]
fn r_agr_11_meal_queue_spans_agreements() {
    let mut main = main_agreement();
    main.fixed_places = 200;
    main.meal_tiers = vec![meal(1, 100, 0)];
    let mut supplement = agreement("T", "2024-09-11", "2024-10-01");
    supplement.meal_tiers = vec![meal(2, 0, 50_00)];
    let occupancy = every_day("2024-09", "youth_over_15", 150);
    let units = vec![unit("youth_over_15", true, vec![main, supplement])];
    let claim = claim(&request("2024-09", units, occupancy));

    let paid = line(&claim, LineKind::Meals, Some(2));
    assert_eq!(
        (paid.days, paid.quantity, paid.amount),
        (20, Some(1000), Ore(5_000_000))
    );
    assert_eq!(claim.warnings.len(), 10);
    assert!(
        claim
            .warnings
            .iter()
            .all(|warning| warning.unpaid == Unpaid::Meals(50))
    );
}

#[test]
fn r_agr_5_fixed_places_of_agreements_in_force_add_up() {
    let mut main = main_agreement();
    main.fixed_places = 10;
    main.unit_tiers = vec![tier(1, "unit_price", 0, 10_00)];
    let mut supplement = agreement("T", "2024-09-21", "2025-01-01");
    supplement.fixed_places = 5;
    let occupancy = every_day("2024-09", "ordinary", 20);
    let units = vec![unit("ordinary", false, vec![main, supplement])];
    let claim = claim(&request("2024-09", units, occupancy));

    let over = line(&claim, LineKind::UnitPrice, Some(1));
    assert_eq!(
        (over.days, over.quantity, over.amount),
        (30, Some(20 * 10 + 10 * 5), Ore(250_000))
    );
}

#[test]
fn units_keep_request_order_and_total_is_sum_of_lines() {
    let mut ordinary = main_agreement();
    ordinary.fixed_annual_operating = 12_000_00;
    ordinary.unit_tiers = vec![tier(1, "unit_price", 0, 10_00)];
    let mut reinforced = main_agreement();
    reinforced.fixed_annual_rent = 24_000_00;
    reinforced.unit_tiers = vec![tier(1, "converted", 2, 30_00)];
    let units = vec![
        unit("reinforced", false, vec![reinforced]),
        unit("ordinary", false, vec![ordinary]),
    ];
    let occupancy = vec![
        on("2024-09-02", "ordinary", 3),
        on("2024-09-01", "reinforced", 4),
    ];
    let claim = claim(&request("2024-09", units, occupancy));

    let kinds: Vec<_> = claim
        .lines
        .iter()
        .map(|line| (line.place_type, line.kind))
        .collect();
    assert_eq!(
        kinds,
        vec![
            (PlaceType::Reinforced, LineKind::FixedRent),
            (PlaceType::Reinforced, LineKind::Converted),
            (PlaceType::Ordinary, LineKind::FixedOperating),
            (PlaceType::Ordinary, LineKind::UnitPrice),
        ]
    );
    assert_eq!(claim.total, Ore(2_000_00 + 60_00 + 1_000_00 + 30_00));
    assert_eq!(unpaid_residents(&claim), vec![(date("2024-09-01"), 2)]);
}
