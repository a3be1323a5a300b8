#![allow(clippy::inconsistent_digit_grouping)] // øre written as kroner_øre

use super::*;
use crate::dates::parse_date;

fn tier(priority: i64, kind: &str, places: i64, price: i64) -> TierInput {
    TierInput {
        priority,
        kind: kind.into(),
        places,
        price: PriceInput::Amount(price),
    }
}

fn input() -> AgreementInput {
    AgreementInput {
        kind: "H".into(),
        operator_id: 1,
        signed: "2025-11-01".into(),
        operation_start: "2026-01-01".into(),
        valid_from: "2026-01-01".into(),
        valid_to: "2028-01-01".into(),
        notice_period_months: 3,
        units: vec![UnitInput {
            centre_id: 7,
            canteen: false,
            fixed_places: 50,
            standby_places: 10,
            fixed_annual_operating: PriceInput::Amount(1_000_000_00),
            unit_tiers: vec![
                tier(1, "unit_price", 20, 400_00),
                tier(2, "unit_price", 0, 600_00),
            ],
            ..UnitInput::default()
        }],
        ..AgreementInput::default()
    }
}

fn fields(input: &AgreementInput) -> Vec<String> {
    input
        .validate()
        .expect_err("invalid")
        .into_iter()
        .map(|error| error.field)
        .collect()
}

#[test]
fn every_invalid_field_is_reported_at_once() {
    let mut bad = input();
    bad.kind = "X".into();
    bad.valid_to = "2025-01-01".into();
    bad.units[0].unit_tiers[1].price = PriceInput::Amount(-1);
    bad.units[0].unit_tiers.push(tier(1, "castle", 5, 1));
    assert_eq!(
        fields(&bad),
        [
            "kind",
            "valid_to",
            "units[0].unit_tiers[1].price",
            "units[0].unit_tiers[2].kind"
        ]
    );
}

#[test]
fn r_agr_9_10_prices_take_the_spec_defaults() {
    let mut with_terms = input();
    with_terms.units[0].fixed_annual_rent = PriceInput::Terms(PriceTermsInput {
        amount: 500_000_00,
        regulation: Some(RegulationInput::default()),
        payment: Some(PaymentInput {
            in_advance: Some(true),
            period: Some("quarterly".into()),
            first_date: None,
        }),
    });
    let terms = with_terms.validate().unwrap();
    let rent = &terms.units[0].fixed_annual_rent;
    let regulation = rent.regulation.as_ref().unwrap();
    assert_eq!(
        (regulation.month, regulation.percent, regulation.lag_months),
        (8, 100, 2)
    );
    assert_eq!(regulation.base_date, parse_date("2026-01-01").unwrap());
    assert_eq!(regulation.first_date, parse_date("2027-08-01").unwrap());
    assert_eq!(rent.payment.period, PaymentPeriod::Quarterly);
    assert!(rent.payment.in_advance);
    let operating = &terms.units[0].fixed_annual_operating;
    assert_eq!(
        (operating.current, operating.regulation.as_ref()),
        (operating.amount, None)
    );
    assert_eq!(
        operating.payment.first_date,
        parse_date("2026-01-01").unwrap()
    );
}

#[test]
fn r_agr_11_one_unit_per_centre_and_unique_priorities_within_the_agreement() {
    let mut bad = input();
    bad.units.push(bad.units[0].clone());
    bad.units[0].unit_tiers.push(tier(1, "standby", 5, 100));
    let found = fields(&bad);
    assert!(
        found.contains(&"units[1].centre_id".to_owned()),
        "{found:?}"
    );
    assert!(
        found.contains(&"units[0].unit_tiers[2].priority".to_owned()),
        "{found:?}"
    );
}

#[test]
fn r_agr_7_over_occupancy_tier_must_be_last() {
    let mut bad = input();
    bad.units[0].unit_tiers[1].priority = 0;
    bad.units[0].unit_tiers = vec![tier(3, "unit_price", 0, 1), tier(4, "standby", 5, 1)];
    assert_eq!(fields(&bad), ["units[0].unit_tiers[0].places"]);
}

fn stored(name: &str, from: &str, to: &str) -> AgreementTerms {
    let mut other = input();
    other.valid_from = from.into();
    other.valid_to = to.into();
    other.name = Some(name.into());
    other.validate().unwrap()
}

#[test]
fn r_agr_11_priority_used_by_an_overlapping_agreement_conflicts() {
    let mut supplement = input();
    supplement.kind = "T".into();
    supplement.units[0].unit_tiers = vec![tier(2, "unit_price", 5, 1)];
    let terms = supplement.validate().unwrap();
    let error =
        check_against_others(&terms, &[stored("main", "2026-01-01", "2028-01-01")]).unwrap_err();
    assert_eq!(error.field, "units[0].unit_tiers[0].priority");
}

#[test]
fn r_agr_11_a_successor_may_reuse_priorities() {
    let terms = input().validate().unwrap();
    let earlier = stored("earlier", "2024-01-01", "2026-01-01");
    assert_eq!(check_against_others(&terms, &[earlier]), Ok(()));
}

#[test]
fn r_agr_11_a_tier_after_another_agreements_over_occupancy_tier_conflicts() {
    let mut supplement = input();
    supplement.units[0].unit_tiers = vec![tier(5, "unit_price", 5, 1)];
    let terms = supplement.validate().unwrap();
    let error =
        check_against_others(&terms, &[stored("main", "2027-01-01", "2029-01-01")]).unwrap_err();
    assert_eq!(error.field, "units[0].unit_tiers[0].priority");
}

#[test]
fn r_agr_12_overlapping_agreements_must_agree_on_the_canteen() {
    let mut canteen = input();
    canteen.units[0].canteen = true;
    canteen.units[0].unit_tiers = vec![tier(7, "unit_price", 5, 1)];
    let terms = canteen.validate().unwrap();
    let error =
        check_against_others(&terms, &[stored("main", "2026-01-01", "2028-01-01")]).unwrap_err();
    assert_eq!(error.field, "units[0].canteen");
}

#[test]
fn r_agr_11_next_free_priority_counts_only_overlapping_agreements() {
    let main = stored("main", "2026-01-01", "2028-01-01");
    let (slots, _) = slots_of(&main, 7);
    let overlapping = crate::dates::DateRange::new(
        parse_date("2027-01-01").unwrap(),
        parse_date("2027-06-01").unwrap(),
    )
    .unwrap();
    let successor = crate::dates::DateRange::new(
        parse_date("2028-01-01").unwrap(),
        parse_date("2029-01-01").unwrap(),
    )
    .unwrap();
    assert_eq!(next_free_priority(&slots, overlapping), 3);
    assert_eq!(next_free_priority(&slots, successor), 1);
}

#[test]
fn r_agr_5_capacity_is_fixed_plus_bounded_unit_tiers_with_standby_beside() {
    let mut with_standby = input();
    with_standby.units[0]
        .unit_tiers
        .insert(1, tier(3, "standby", 15, 1));
    with_standby.units[0].unit_tiers[2].priority = 4;
    let terms = with_standby.validate().unwrap();
    let summary = capacity_summary(&terms.units[0]);
    assert_eq!(
        (summary.capacity, summary.standby, summary.over_occupancy),
        (70, 25, true)
    );
}

#[test]
fn r_agr_3_last_operating_day_is_the_day_before_the_end() {
    let terms = input().validate().unwrap();
    assert_eq!(
        terms.last_operating_day(),
        parse_date("2027-12-31").unwrap()
    );
}

fn regulated(amount: i64) -> PriceInput {
    PriceInput::Terms(PriceTermsInput {
        amount,
        regulation: Some(RegulationInput::default()),
        payment: None,
    })
}

#[test]
fn r_agr_9_an_edit_keeps_the_regulations_of_unchanged_prices_only() {
    let with_prices = |tier_price: i64| {
        let mut agreement = input();
        agreement.units[0].fixed_annual_rent = regulated(2_400_000_00);
        agreement.units[0].unit_tiers[0].price = regulated(tier_price);
        agreement.validate().unwrap()
    };
    let mut stored = with_prices(450_00);
    let on = chrono::NaiveDate::from_ymd_opt(2027, 8, 1);
    let unit = &mut stored.units[0];
    for price in [&mut unit.fixed_annual_rent, &mut unit.unit_tiers[0].price] {
        price.current = Ore(price.amount.0 + 1_00);
        price.regulated_on = on;
    }
    let mut edited = with_prices(475_00);
    edited.keep_regulations_of(&stored);
    let rent = &edited.units[0].fixed_annual_rent;
    assert_eq!((rent.current, rent.regulated_on), (Ore(2_400_001_00), on));
    let tier = &edited.units[0].unit_tiers[0].price;
    assert_eq!((tier.current, tier.regulated_on), (Ore(475_00), None));
}
