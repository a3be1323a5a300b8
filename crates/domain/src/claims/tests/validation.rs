//! Bad input never reaches the arithmetic: each case names its field.

use super::*;

/// A valid request to break: one canteen unit with H and A agreements, tiers, meals, occupancy.
fn valid() -> ClaimRequest {
    let mut main = main_agreement();
    main.fixed_places = 10;
    main.fixed_annual_operating = 1_200_000_00;
    main.unit_tiers = vec![
        tier(1, "unit_price", 5, 500_00),
        tier(3, "standby", 5, 300_00),
    ];
    main.meal_tiers = vec![meal(1, 10, 0), meal(2, 0, 100_00)];
    let mut activation = agreement("A", "2024-09-01", "2024-10-01");
    activation.unit_tiers = vec![
        tier(2, "standby", 3, 400_00),
        tier(4, "unit_price", 0, 900_00),
    ];
    let mut occupancy = every_day("2024-09", "ordinary", 12);
    occupancy.push(on("2024-09-01", "transit", 1));
    let units = vec![
        unit("ordinary", true, vec![main, activation]),
        unit(
            "transit",
            false,
            vec![agreement("H", "2024-01-01", "2025-01-01")],
        ),
    ];
    request("2024-09", units, occupancy)
}

/// Applies `change` to a valid request and returns the field the error names.
fn field_of(change: impl FnOnce(&mut ClaimRequest)) -> String {
    let mut request = valid();
    change(&mut request);
    let error = request.parse().expect_err("invalid request");
    assert!(!error.message.is_empty());
    error.field
}

fn main_of(request: &mut ClaimRequest) -> &mut AgreementRequest {
    &mut request.units[0].agreements[0]
}

#[test]
fn the_valid_request_is_valid() {
    assert!(valid().parse().is_ok());
}

#[test]
fn month_that_does_not_exist() {
    for month in [
        "2024-13",
        "2024-00",
        "2024-9",
        "24-09",
        "2024-09-01",
        "september",
    ] {
        assert_eq!(field_of(|r| r.month = month.into()), "month", "{month}");
    }
}

#[test]
fn unknown_place_type() {
    assert_eq!(
        field_of(|r| r.units[1].place_type = "Transit".into()),
        "units[1].place_type"
    );
    assert_eq!(
        field_of(|r| r.occupancy[0].place_type = "ordinær".into()),
        "occupancy[0].place_type"
    );
}

#[test]
fn unknown_agreement_and_tier_kinds() {
    assert_eq!(
        field_of(|r| r.units[0].agreements[1].kind = "B".into()),
        "units[0].agreements[1].kind"
    );
    assert_eq!(
        field_of(|r| r.units[0].agreements[1].unit_tiers[0].kind = "beredskap".into()),
        "units[0].agreements[1].unit_tiers[0].kind"
    );
}

#[test]
fn negative_numbers() {
    let tiers = "units[0].agreements[0]";
    assert_eq!(
        field_of(|r| main_of(r).unit_tiers[1].places = -1),
        format!("{tiers}.unit_tiers[1].places")
    );
    assert_eq!(
        field_of(|r| main_of(r).unit_tiers[0].price = -1),
        format!("{tiers}.unit_tiers[0].price")
    );
    assert_eq!(
        field_of(|r| main_of(r).meal_tiers[0].persons = -5),
        format!("{tiers}.meal_tiers[0].persons")
    );
    assert_eq!(
        field_of(|r| main_of(r).meal_tiers[1].price = -1),
        format!("{tiers}.meal_tiers[1].price")
    );
    assert_eq!(
        field_of(|r| main_of(r).fixed_places = -1),
        format!("{tiers}.fixed_places")
    );
    assert_eq!(
        field_of(|r| main_of(r).fixed_annual_operating = -1),
        format!("{tiers}.fixed_annual_operating")
    );
    assert_eq!(
        field_of(|r| main_of(r).fixed_annual_rent = -1),
        format!("{tiers}.fixed_annual_rent")
    );
    assert_eq!(
        field_of(|r| r.occupancy[2].residents = -3),
        "occupancy[2].residents"
    );
}

#[test]
fn numbers_too_large_to_be_real() {
    assert_eq!(
        field_of(|r| main_of(r).unit_tiers[0].price = MAX_PRICE + 1),
        "units[0].agreements[0].unit_tiers[0].price"
    );
    assert_eq!(
        field_of(|r| r.occupancy[0].residents = MAX_COUNT + 1),
        "occupancy[0].residents"
    );
    assert_eq!(
        field_of(|r| main_of(r).fixed_annual_rent = MAX_ANNUAL + 1),
        "units[0].agreements[0].fixed_annual_rent"
    );
}

#[test]
fn priority_below_one() {
    assert_eq!(
        field_of(|r| main_of(r).unit_tiers[0].priority = 0),
        "units[0].agreements[0].unit_tiers[0].priority"
    );
}

#[test]
fn r_agr_3_valid_from_not_before_the_end() {
    assert_eq!(
        field_of(|r| main_of(r).valid_to = "2024-01-01".into()),
        "units[0].agreements[0].valid_to"
    );
    assert_eq!(
        field_of(|r| main_of(r).valid_to = "2023-12-31".into()),
        "units[0].agreements[0].valid_to"
    );
    assert_eq!(
        field_of(|r| main_of(r).stop_date = Some("2024-01-01".into())),
        "units[0].agreements[0].stop_date"
    );
}

#[test]
fn dates_that_do_not_exist() {
    assert_eq!(
        field_of(|r| main_of(r).valid_from = "2023-02-29".into()),
        "units[0].agreements[0].valid_from"
    );
    assert_eq!(
        field_of(|r| main_of(r).valid_to = "2025-1-01".into()),
        "units[0].agreements[0].valid_to"
    );
    assert_eq!(
        field_of(|r| main_of(r).stop_date = Some("2024-09-31".into())),
        "units[0].agreements[0].stop_date"
    );
    assert_eq!(
        field_of(|r| r.occupancy[3].date = "2024-09-31".into()),
        "occupancy[3].date"
    );
}

#[test]
fn occupancy_outside_the_month() {
    assert_eq!(
        field_of(|r| r.occupancy[1].date = "2024-10-01".into()),
        "occupancy[1].date"
    );
    assert_eq!(
        field_of(|r| r.occupancy[1].date = "2023-09-02".into()),
        "occupancy[1].date"
    );
}

#[test]
fn occupancy_twice_for_one_day_and_place_type() {
    assert_eq!(
        field_of(|r| r.occupancy[1].date = "2024-09-01".into()),
        "occupancy[1].date"
    );
}

#[test]
fn occupancy_for_a_place_type_without_unit() {
    assert_eq!(
        field_of(|r| r.occupancy[0].place_type = "emergency".into()),
        "occupancy[0].place_type"
    );
}

#[test]
fn two_units_with_the_same_place_type() {
    assert_eq!(
        field_of(|r| r.units[1].place_type = "ordinary".into()),
        "units[1].place_type"
    );
}

#[test]
fn r_agr_11_duplicate_priority_across_agreements_names_the_later_tier() {
    assert_eq!(
        field_of(|r| r.units[0].agreements[1].unit_tiers[0].priority = 3),
        "units[0].agreements[1].unit_tiers[0].priority"
    );
    assert_eq!(
        field_of(|r| main_of(r).meal_tiers[1].priority = 1),
        "units[0].agreements[0].meal_tiers[1].priority"
    );
}

#[test]
fn r_agr_11_place_and_meal_tiers_and_units_are_separate_queues() {
    let mut request = valid();
    request.units[1].agreements[0].unit_tiers = vec![tier(1, "unit_price", 1, 1)];
    assert!(
        request.parse().is_ok(),
        "priority 1 is used by unit tiers and meal tiers of unit 0"
    );
}

#[test]
fn r_agr_7_unbounded_tier_must_be_last() {
    assert_eq!(
        field_of(|r| main_of(r).unit_tiers[1].places = 0),
        "units[0].agreements[0].unit_tiers[1].places"
    );
    assert_eq!(
        field_of(|r| main_of(r).meal_tiers[0].persons = 0),
        "units[0].agreements[0].meal_tiers[0].persons"
    );
}

#[test]
fn r_agr_8_meal_tiers_need_a_canteen() {
    assert_eq!(
        field_of(|r| r.units[0].canteen = false),
        "units[0].agreements[0].meal_tiers"
    );
}

#[test]
fn at_most_64_agreements_per_unit() {
    let field = field_of(|r| {
        let spare = agreement("T", "2024-01-01", "2025-01-01");
        r.units[1].agreements = vec![spare; MAX_AGREEMENTS + 1];
    });
    assert_eq!(field, "units[1].agreements");
}

#[test]
fn every_invalid_field_is_reported_at_once_in_request_order() {
    let mut request = valid();
    request.month = "2024-13".to_owned();
    main_of(&mut request).valid_to = "2024-02-30".to_owned();
    main_of(&mut request).unit_tiers[1].price = -1;
    request.units[1].place_type = "castle".to_owned();
    request.occupancy[0].residents = -5;
    let fields: Vec<String> = request
        .parse_all()
        .expect_err("invalid request")
        .into_iter()
        .map(|error| error.field)
        .collect();
    assert_eq!(
        fields,
        [
            "month",
            "units[0].agreements[0].valid_to",
            "units[0].agreements[0].unit_tiers[1].price",
            "units[1].place_type",
        ]
    );
}

#[test]
fn an_unknown_unit_place_type_does_not_also_fail_the_occupancy_meant_for_it() {
    let mut request = valid();
    request.units[1].place_type = "castle".to_owned();
    request.occupancy.push(on("2024-09-02", "departure", 1));
    let fields: Vec<String> = request
        .parse_all()
        .expect_err("invalid request")
        .into_iter()
        .map(|error| error.field)
        .collect();
    // Entries for place types no unit has (transit, departure) may be meant for the unit whose
    // place type is misspelt: one error, where the user fixes it, not three.
    assert_eq!(fields, ["units[1].place_type"]);
}

#[test]
fn r_agr_11_a_successor_that_does_not_overlap_may_reuse_priorities_and_over_occupancy() {
    let mut request = valid();
    let mut successor = agreement("H", "2026-01-01", "2027-01-01");
    successor.unit_tiers = vec![tier(1, "unit_price", 0, 500_00)];
    successor.meal_tiers = vec![meal(1, 0, 100_00)];
    request.units[0].agreements.push(successor);
    assert!(
        request.parse().is_ok(),
        "the successor starts on the main agreement's end"
    );
}

#[test]
fn r_agr_11_an_overlapping_agreement_may_not_reuse_a_priority() {
    let field = field_of(|r| {
        let mut supplement = agreement("T", "2024-12-01", "2025-06-01");
        supplement.unit_tiers = vec![tier(1, "unit_price", 5, 500_00)];
        r.units[0].agreements.push(supplement);
    });
    assert_eq!(field, "units[0].agreements[2].unit_tiers[0].priority");
}
