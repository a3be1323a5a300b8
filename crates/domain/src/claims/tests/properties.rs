//! Properties over random valid requests: every resident is accounted for each day, no tier
//! overflows, the total is the sum of the lines, and no amount is negative.

use proptest::prelude::*;

use super::super::engine::{Allocation, Scratch, allocate, cut_segments};
use super::super::fixed::CalendarYear;
use super::*;
use crate::agreements::{AgreementKind, TierKind};
use crate::dates::day_number;

const MONTHS: [&str; 4] = ["2024-02", "2025-02", "2024-09", "2024-12"];
const KINDS: [&str; 3] = ["H", "T", "A"];
const TIER_KINDS: [&str; 3] = ["unit_price", "standby", "converted"];

/// A tier before its priority is known: (sort key, kind, places ≥ 1, price).
type RawTier = (u16, usize, i64, i64);

fn raw_tier() -> impl Strategy<Value = RawTier> {
    (any::<u16>(), 0..3usize, 1..8i64, 0..100_000i64)
}

/// An agreement before its tiers get priorities; days are offsets from the month's first day.
#[derive(Clone, Debug)]
struct RawAgreement {
    kind: usize,
    from: i64,
    length: i64,
    stop: Option<i64>,
    fixed_places: i64,
    annual: i64,
    tiers: Vec<RawTier>,
    meals: Vec<RawTier>,
}

#[derive(Clone, Debug)]
struct RawUnit {
    canteen: bool,
    unbounded_tier: bool,
    unbounded_meal: bool,
    agreements: Vec<RawAgreement>,
    residents: Vec<i64>,
}

fn raw_agreement() -> impl Strategy<Value = RawAgreement> {
    let dates = (0..3usize, -40..35i64, 1..80i64, prop::option::of(1..80i64));
    let money = (0..6i64, 0..2_000_000_000i64);
    let tiers = (
        prop::collection::vec(raw_tier(), 0..4),
        prop::collection::vec(raw_tier(), 0..3),
    );
    (dates, money, tiers).prop_map(
        |((kind, from, length, stop), (fixed_places, annual), (tiers, meals))| RawAgreement {
            kind,
            from,
            length,
            stop,
            fixed_places,
            annual,
            tiers,
            meals,
        },
    )
}

fn raw_unit() -> impl Strategy<Value = RawUnit> {
    (
        (any::<bool>(), any::<bool>(), any::<bool>()),
        prop::collection::vec(raw_agreement(), 0..4),
        prop::collection::vec(0..40i64, 31),
    )
        .prop_map(
            |((canteen, unbounded_tier, unbounded_meal), agreements, residents)| RawUnit {
                canteen,
                unbounded_tier,
                unbounded_meal,
                agreements,
                residents,
            },
        )
}

/// Priorities by rank of the random keys; optionally the last place or meal tier is unbounded.
fn assign_priorities<T>(
    tiers: &mut [(usize, usize, RawTier)],
    unbounded_last: bool,
    mut apply: impl FnMut(usize, usize, i64, bool, &RawTier) -> T,
) -> Vec<T> {
    tiers.sort_by_key(|(agreement, position, raw)| (raw.0, *agreement, *position));
    let last = tiers.len().saturating_sub(1);
    (tiers.iter().enumerate())
        .map(|(rank, (agreement, position, raw))| {
            apply(
                *agreement,
                *position,
                rank as i64 + 1,
                unbounded_last && rank == last,
                raw,
            )
        })
        .collect()
}

fn build(month: &str, raw_units: Vec<RawUnit>) -> ClaimRequest {
    let month_value = Month::parse(month).unwrap();
    let first = month_value.first_day();
    let day = |offset: i64| (first + chrono::Duration::days(offset)).to_string();
    let mut units = Vec::new();
    let mut occupancy = Vec::new();
    for (raw_unit, place_type) in raw_units.into_iter().zip(PlaceType::ALL) {
        let RawUnit {
            canteen,
            unbounded_tier,
            unbounded_meal,
            agreements: raw_agreements,
            residents,
        } = raw_unit;
        let mut agreements = Vec::new();
        let (mut tiers, mut meals) = (Vec::new(), Vec::new());
        for (a, raw) in raw_agreements.into_iter().enumerate() {
            let RawAgreement {
                kind,
                from,
                length,
                stop,
                fixed_places,
                annual,
                tiers: raw_tiers,
                meals: raw_meals,
            } = raw;
            let mut agreement = agreement(KINDS[kind], &day(from), &day(from + length));
            agreement.stop_date = stop.map(|stop| day(from + stop));
            agreement.fixed_places = fixed_places;
            agreement.fixed_annual_operating = annual;
            agreement.fixed_annual_rent = annual / 3;
            agreements.push(agreement);
            tiers.extend(
                raw_tiers
                    .into_iter()
                    .enumerate()
                    .map(|(t, raw)| (a, t, raw)),
            );
            if canteen {
                meals.extend(
                    raw_meals
                        .into_iter()
                        .enumerate()
                        .map(|(t, raw)| (a, t, raw)),
                );
            }
        }
        for (a, t, tier) in assign_priorities(
            &mut tiers,
            unbounded_tier,
            |a, t, priority, unbounded, raw| {
                (
                    a,
                    t,
                    super::tier(
                        priority,
                        TIER_KINDS[raw.1],
                        if unbounded { 0 } else { raw.2 },
                        raw.3,
                    ),
                )
            },
        ) {
            place(&mut agreements[a].unit_tiers, t, tier);
        }
        for (a, t, tier) in assign_priorities(
            &mut meals,
            unbounded_meal,
            |a, t, priority, unbounded, raw| {
                (
                    a,
                    t,
                    meal(priority, if unbounded { 0 } else { raw.2 }, raw.3),
                )
            },
        ) {
            place(&mut agreements[a].meal_tiers, t, tier);
        }
        for (index, count) in residents
            .into_iter()
            .take(month_value.days() as usize)
            .enumerate()
        {
            occupancy.push(on(&day(index as i64), place_type.code(), count));
        }
        units.push(unit(place_type.code(), canteen, agreements));
    }
    request(month, units, occupancy)
}

/// Puts `value` at `position`, growing the list with placeholders filled later.
fn place<T: Default>(list: &mut Vec<T>, position: usize, value: T) {
    if list.len() <= position {
        list.resize_with(position + 1, T::default);
    }
    list[position] = value;
}

fn any_request() -> impl Strategy<Value = ClaimRequest> {
    (0..MONTHS.len(), prop::collection::vec(raw_unit(), 1..4))
        .prop_map(|(month, units)| build(MONTHS[month], units))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn every_resident_is_placed_once_and_no_tier_overflows(request in any_request()) {
        let input = request.parse().expect("generated requests are valid");
        let year = CalendarYear::new(input.month);
        let mut scratch = Scratch::for_input(&input);
        for unit in &input.units {
            cut_segments(unit, &year, &mut scratch);
            let mut placed = [0u32; 31];
            let mut fed = [0u32; 31];
            let mut errors = Vec::new();
            let in_force = |agreement: usize, day: u32| {
                let day = year.month_start() + day as i32;
                let a = &unit.agreements[agreement];
                day_number(a.validity.from()) <= day && day < day_number(a.validity.end())
            };
            let activated = |day: u32| (0..unit.agreements.len())
                .any(|a| unit.agreements[a].kind == AgreementKind::Activation && in_force(a, day));
            allocate(unit, &scratch.segments, &mut scratch.active, |allocation| match allocation {
                Allocation::FixedPlaces { day, used } => placed[day as usize] += used,
                Allocation::Tier { day, slot, taken } => {
                    let tier = &unit.tiers[slot];
                    if taken == 0 || taken > tier.capacity.limit() { errors.push(format!("{allocation:?} overflows")); }
                    if !in_force(tier.agreement, day) { errors.push(format!("{allocation:?} not in force")); }
                    if tier.kind == TierKind::Standby && !activated(day) { errors.push(format!("{allocation:?} standby")); }
                    placed[day as usize] += taken;
                }
                Allocation::UnpaidResidents { day, count } => placed[day as usize] += count,
                Allocation::Meal { day, slot, taken } => {
                    let tier = &unit.meal_tiers[slot];
                    if taken == 0 || taken > tier.persons.limit() || !in_force(tier.agreement, day) {
                        errors.push(format!("{allocation:?}"));
                    }
                    fed[day as usize] += taken;
                }
                Allocation::UnpaidMeals { day, count } => fed[day as usize] += count,
            });
            prop_assert!(errors.is_empty(), "{:?}", errors);
            for day in 0..year.month_days() as usize {
                prop_assert_eq!(placed[day], unit.residents[day], "day {}", day);
                let meals = if unit.canteen { unit.residents[day] } else { 0 };
                prop_assert_eq!(fed[day], meals, "meals on day {}", day);
            }
        }
    }

    #[test]
    fn total_is_sum_of_lines_and_nothing_is_negative(request in any_request()) {
        let claim = compute(&request.parse().expect("generated requests are valid"));
        prop_assert_eq!(claim.total, claim.lines.iter().map(|line| line.amount).sum::<Ore>());
        for line in &claim.lines {
            prop_assert!(line.amount >= Ore::ZERO && line.price >= Ore::ZERO, "{:?}", line);
            prop_assert!(line.days >= 1 && line.days <= 31, "{:?}", line);
            if let Some(quantity) = line.quantity {
                prop_assert_eq!(line.amount.0, line.price.0 * quantity as i64);
            }
        }
        prop_assert!(claim.warnings.windows(2).all(|pair| pair[0].date <= pair[1].date));
    }

    #[test]
    fn r_clm_4_a_year_in_force_sums_to_the_annual_amount(annual in 0..MAX_ANNUAL, year in 2020..2030i32) {
        let mut agreement = agreement("H", &format!("{year}-01-01"), &format!("{}-01-01", year + 1));
        agreement.fixed_annual_operating = annual;
        let sum: Ore = (1..=12)
            .map(|month| {
                let request = request(&format!("{year}-{month:02}"), vec![unit("other", false, vec![agreement.clone()])], vec![]);
                claim(&request).total
            })
            .sum();
        prop_assert_eq!(sum, Ore(annual));
    }
}
