//! A stored claim is the simulation of its stored agreements (R-CLM-5), each day at its own
//! price (R-AGR-9).

use chrono::NaiveDate;
use proptest::prelude::*;

use super::super::stored::{ClaimedCentre, PriceChange, StoredAgreement, compute_stored};
use super::*;
use crate::agreements::{
    AgreementKind, AgreementTerms, Capacity, MealTier, Payment, PaymentPeriod, PlaceTier, Price,
    TierKind, UnitTerms,
};

pub(super) const CENTRE: ClaimedCentre = ClaimedCentre {
    id: 7,
    place_type: PlaceType::Ordinary,
};

pub(super) fn day(text: &str) -> NaiveDate {
    parse_date(text).unwrap()
}

pub(super) fn price(amount: i64) -> Price {
    Price {
        amount: Ore(amount),
        current: Ore(amount),
        regulated_on: None,
        regulation: None,
        payment: Payment {
            in_advance: false,
            period: PaymentPeriod::Monthly,
            first_date: day("2025-01-01"),
        },
    }
}

pub(super) fn terms(
    valid_from: &str,
    valid_to: &str,
    tier_price: i64,
    annual: i64,
) -> AgreementTerms {
    AgreementTerms {
        kind: AgreementKind::Main,
        operator_id: 1,
        name: "Bjørnebo asylmottak".into(),
        signed: day("2024-11-01"),
        awarded: None,
        operation_start: day(valid_from),
        valid_from: day(valid_from),
        valid_to: day(valid_to),
        stop_date: None,
        notice_period_months: 3,
        notice_date: None,
        extension_deadline_months: None,
        intermunicipal: false,
        remark: None,
        units: vec![UnitTerms {
            centre_id: CENTRE.id,
            canteen: true,
            fixed_places: 4,
            standby_places: 0,
            fixed_annual_operating: price(annual),
            fixed_annual_rent: price(0),
            unit_tiers: vec![
                PlaceTier {
                    priority: 1,
                    kind: TierKind::UnitPrice,
                    places: Capacity::Bounded(10),
                    price: price(tier_price),
                },
                PlaceTier {
                    priority: 2,
                    kind: TierKind::UnitPrice,
                    places: Capacity::Unbounded,
                    price: price(tier_price / 2),
                },
            ],
            meal_tiers: vec![MealTier {
                priority: 1,
                persons: Capacity::Unbounded,
                price: price(101_03),
            }],
        }],
    }
}

pub(super) fn residents(month: &str, count: u32) -> Vec<(NaiveDate, u32)> {
    let month = Month::parse(month).unwrap();
    (0..month.days())
        .map(|d| (month.first_day() + chrono::Days::new(u64::from(d)), count))
        .collect()
}

fn claim(
    month: &str,
    agreements: &[StoredAgreement<'_>],
    changes: &[PriceChange],
    count: u32,
) -> ClaimResponse {
    compute_stored(
        Month::parse(month).unwrap(),
        CENTRE,
        agreements,
        changes,
        &residents(month, count),
    )
    .expect("stored agreements are valid")
    .claim
}

#[test]
fn r_clm_5_a_stored_claim_is_the_simulation_of_the_same_agreements() {
    let stored = terms("2025-01-01", "2027-01-01", 800_00, 1_200_000_00);
    let simulated = ClaimRequest {
        month: "2025-03".into(),
        units: vec![UnitRequest {
            place_type: "ordinary".into(),
            canteen: true,
            agreements: vec![AgreementRequest {
                kind: "H".into(),
                valid_from: "2025-01-01".into(),
                valid_to: "2027-01-01".into(),
                stop_date: None,
                fixed_places: 4,
                fixed_annual_operating: 1_200_000_00,
                fixed_annual_rent: 0,
                unit_tiers: vec![
                    UnitTierRequest {
                        priority: 1,
                        kind: "unit_price".into(),
                        places: 10,
                        price: 800_00,
                    },
                    UnitTierRequest {
                        priority: 2,
                        kind: "unit_price".into(),
                        places: 0,
                        price: 400_00,
                    },
                ],
                meal_tiers: vec![MealTierRequest {
                    priority: 1,
                    persons: 0,
                    price: 101_03,
                }],
            }],
        }],
        occupancy: (1..=31)
            .map(|d| OccupancyRequest {
                date: format!("2025-03-{d:02}"),
                place_type: "ordinary".into(),
                residents: 20,
            })
            .collect(),
    };
    let agreements = [StoredAgreement {
        id: 1,
        terms: &stored,
    }];
    assert_eq!(
        claim("2025-03", &agreements, &[], 20),
        compute(&simulated.parse().unwrap())
    );
}

#[test]
fn r_agr_9_a_regulation_inside_the_month_pays_each_day_at_its_own_price() {
    let mut stored = terms("2025-01-01", "2027-01-01", 800_00, 0);
    stored.units[0].unit_tiers[0].price.current = Ore(880_00);
    let changes = [PriceChange {
        agreement_id: 1,
        price: "units[0].unit_tiers[0].price".into(),
        date: day("2025-08-16"),
        before: Ore(800_00),
        after: Ore(880_00),
    }];
    let agreements = [StoredAgreement {
        id: 1,
        terms: &stored,
    }];
    let claim = claim("2025-08", &agreements, &changes, 6);
    let first_tier: Vec<(Ore, u32, Option<u64>)> = claim
        .lines
        .iter()
        .filter(|line| line.kind == LineKind::UnitPrice && line.priority == Some(1))
        .map(|line| (line.price, line.days, line.quantity))
        .collect();
    // Six residents, four fixed places: two in the first tier, 15 days at 800, 16 at 880.
    assert_eq!(
        first_tier,
        [(Ore(800_00), 15, Some(30)), (Ore(880_00), 16, Some(32))]
    );
    // Before the regulation's month, the price before it applies.
    let july = self::claim("2025-07", &agreements, &changes, 6);
    assert!(
        july.lines
            .iter()
            .any(|l| l.priority == Some(1) && l.price == Ore(800_00))
    );
}

#[test]
fn r_clm_5_agreements_of_other_centres_and_years_are_left_out() {
    let mut elsewhere = terms("2025-01-01", "2027-01-01", 800_00, 1_200_000_00);
    elsewhere.units[0].centre_id = 99;
    let ended = terms("2023-01-01", "2024-06-01", 800_00, 1_200_000_00);
    let agreements = [
        StoredAgreement {
            id: 1,
            terms: &elsewhere,
        },
        StoredAgreement {
            id: 2,
            terms: &ended,
        },
    ];
    let claim = claim("2025-03", &agreements, &[], 5);
    assert!(claim.lines.is_empty(), "{:?}", claim.lines);
    assert_eq!(
        claim.warnings.len(),
        31,
        "unpaid residents and meals every day"
    );
}

proptest! {
    /// Splitting an agreement at a regulation that keeps its prices changes nothing: the
    /// periods pay what the whole agreement pays, fixed transfers' yearly rounding included.
    #[test]
    fn r_clm_5_price_periods_pay_what_the_whole_agreement_pays(
        month in 1u32..=12,
        cut_day in 1u32..=365,
        annual in 0i64..5_000_000_00,
        tier_price in 0i64..2_000_00,
        count in 0u32..40,
    ) {
        let stored = terms("2025-01-01", "2026-01-01", tier_price, annual);
        let cut = day("2025-01-01") + chrono::Days::new(u64::from(cut_day));
        let same = [PriceChange {
            agreement_id: 1,
            price: "units[0].fixed_annual_operating".into(),
            date: cut,
            before: Ore(annual),
            after: Ore(annual),
        }];
        let agreements = [StoredAgreement { id: 1, terms: &stored }];
        let month = format!("2025-{month:02}");
        let whole = claim(&month, &agreements, &[], count);
        let split = claim(&month, &agreements, &same, count);
        prop_assert_eq!(whole.total, split.total);
        prop_assert_eq!(whole.warnings, split.warnings);
    }
}

/// The simulation request someone would write by hand for one stored agreement's unit (a month
/// without the agreement in force has no canteen).
fn simulation_of(month: &str, terms: &AgreementTerms, count: u32) -> ClaimRequest {
    let unit = &terms.units[0];
    let month_value = Month::parse(month).unwrap();
    let in_force = terms.valid_from < month_value.end() && terms.end() > month_value.first_day();
    ClaimRequest {
        month: month.into(),
        units: vec![UnitRequest {
            place_type: "ordinary".into(),
            canteen: unit.canteen && in_force,
            agreements: vec![AgreementRequest {
                kind: terms.kind.code().into(),
                valid_from: terms.valid_from.to_string(),
                valid_to: terms.valid_to.to_string(),
                stop_date: terms.stop_date.map(|date| date.to_string()),
                fixed_places: i64::from(unit.fixed_places),
                fixed_annual_operating: unit.fixed_annual_operating.current.0,
                fixed_annual_rent: unit.fixed_annual_rent.current.0,
                unit_tiers: (unit.unit_tiers.iter())
                    .map(|tier| UnitTierRequest {
                        priority: i64::from(tier.priority),
                        kind: tier.kind.code().into(),
                        places: i64::from(tier.places.count()),
                        price: tier.price.current.0,
                    })
                    .collect(),
                meal_tiers: (unit.meal_tiers.iter().filter(|_| in_force))
                    .map(|tier| MealTierRequest {
                        priority: i64::from(tier.priority),
                        persons: i64::from(tier.persons.count()),
                        price: tier.price.current.0,
                    })
                    .collect(),
            }],
        }],
        occupancy: (0..month_value.days())
            .filter(|_| count > 0)
            .map(|d| OccupancyRequest {
                date: (month_value.first_day() + chrono::Days::new(u64::from(d))).to_string(),
                place_type: "ordinary".into(),
                residents: i64::from(count),
            })
            .collect(),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// R-CLM-5: with monthly payment terms, a stored claim is exactly the simulation of its
    /// agreement and occupancy, written by hand: lines, warnings and total.
    #[test]
    fn r_clm_5_a_stored_claim_equals_the_simulation_of_the_same_data(
        month in 1u32..=12,
        start_day in 0u32..500,
        length in 1u32..700,
        stop in proptest::option::of(1u32..700),
        tier_price in 0i64..2_000_00,
        annual in 0i64..5_000_000_00,
        rent in 0i64..1_000_000_00,
        canteen in any::<bool>(),
        count in 0u32..40,
    ) {
        let from = day("2024-06-01") + chrono::Days::new(u64::from(start_day));
        let to = from + chrono::Days::new(u64::from(length));
        let mut stored = terms(&from.to_string(), &to.to_string(), tier_price, annual);
        stored.stop_date = stop.map(|days| from + chrono::Days::new(u64::from(days)));
        let unit = &mut stored.units[0];
        unit.fixed_annual_rent = price(rent);
        unit.canteen = canteen;
        if !canteen {
            unit.meal_tiers.clear();
        }
        let month = format!("2025-{month:02}");
        let agreements = [StoredAgreement { id: 1, terms: &stored }];
        let simulated = compute(&simulation_of(&month, &stored, count).parse().unwrap());
        prop_assert_eq!(claim(&month, &agreements, &[], count), simulated);
    }
}
