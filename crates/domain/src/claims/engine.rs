//! The claim engine (R-CLM-1, R-CLM-2, R-AGR-5, R-AGR-11): daily occupancy into lines.
//!
//! The month is cut into segments on which the same agreements are in force; each segment's
//! queue of active tiers is built once, and the days then only walk it. Nothing is allocated per
//! day; a call allocates its output and three scratch buffers (about five allocations).

use chrono::NaiveDate;

use super::fixed::{CalendarYear, push_fixed_lines};
use super::input::{ClaimInput, Unit};
use super::parse::MAX_AGREEMENTS;
use super::response::{ClaimLine, ClaimResponse, ClaimWarning, LineKind, Unpaid};
use crate::agreements::{AgreementKind, TierKind};
use crate::dates::day_number;
use crate::money::Ore;
use crate::place_types::PlaceType;

/// Days `start..end` of the month (0 = the 1st) with the same agreements in force.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Segment {
    pub(super) start: u32,
    pub(super) end: u32,
    /// Bit `i` set when agreement `i` of the unit is in force.
    pub(super) in_force: u64,
}

/// How one day's residents were placed; the engine reports each step to its caller.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Allocation {
    FixedPlaces {
        day: u32,
        used: u32,
    },
    /// `slot` indexes `Unit::tiers`.
    Tier {
        day: u32,
        slot: usize,
        taken: u32,
    },
    UnpaidResidents {
        day: u32,
        count: u32,
    },
    /// `slot` indexes `Unit::meal_tiers`.
    Meal {
        day: u32,
        slot: usize,
        taken: u32,
    },
    UnpaidMeals {
        day: u32,
        count: u32,
    },
}

/// A tier in force in a segment, in priority order.
#[derive(Clone, Copy, Debug)]
pub(super) struct ActiveTier {
    limit: u32,
    slot: usize,
}

/// Buffers sized once per call and reused across its units.
pub(super) struct Scratch {
    pub(super) segments: Vec<Segment>,
    /// The place tiers in force in the current segment, then its meal tiers.
    pub(super) active: Vec<ActiveTier>,
    /// Per unit: place tiers, then meal tiers, in queue order.
    totals: Vec<SlotTotal>,
}

impl Scratch {
    pub(super) fn for_input(input: &ClaimInput) -> Scratch {
        let largest = |size: fn(&Unit) -> usize| input.units.iter().map(size).max().unwrap_or(0);
        let tiers = largest(|unit| unit.tiers.len() + unit.meal_tiers.len());
        Scratch {
            segments: Vec::with_capacity(1 + 2 * largest(|unit| unit.agreements.len())),
            active: Vec::with_capacity(tiers),
            totals: Vec::with_capacity(tiers),
        }
    }
}

#[derive(Clone, Copy, Debug, Default)]
struct SlotTotal {
    quantity: u64,
    days: u32,
}

/// Computes the claim of `input`'s month: fixed transfers, place tiers, meals, warnings, total.
pub fn compute(input: &ClaimInput) -> ClaimResponse {
    let year = CalendarYear::new(input.month);
    let first_day = input.month.first_day();
    let mut lines = Vec::with_capacity(input.units.iter().map(line_capacity).sum());
    let mut warnings = Vec::new();
    let mut scratch = Scratch::for_input(input);
    for unit in &input.units {
        cut_segments(unit, &year, &mut scratch);
        push_fixed_lines(unit, &year, &scratch.segments, &mut lines);
        let totals = &mut scratch.totals;
        totals.clear();
        totals.resize(
            unit.tiers.len() + unit.meal_tiers.len(),
            SlotTotal::default(),
        );
        let meal_offset = unit.tiers.len();
        let place_type = unit.place_type;
        let mut report = |day: u32, unpaid| warn(&mut warnings, first_day, day, place_type, unpaid);
        allocate(
            unit,
            &scratch.segments,
            &mut scratch.active,
            |allocation| match allocation {
                Allocation::FixedPlaces { .. } => {}
                Allocation::Tier { slot, taken, .. } => totals[slot].add(taken),
                Allocation::Meal { slot, taken, .. } => totals[meal_offset + slot].add(taken),
                Allocation::UnpaidResidents { day, count } => report(day, Unpaid::Residents(count)),
                Allocation::UnpaidMeals { day, count } => report(day, Unpaid::Meals(count)),
            },
        );
        push_tier_lines(unit, totals, &mut lines);
    }
    // Stable: within a day the units keep the request's order, residents before meals.
    warnings.sort_by_key(|warning: &ClaimWarning| warning.date);
    let total = lines.iter().map(|line| line.amount).sum();
    ClaimResponse {
        month: input.month,
        lines,
        total,
        warnings,
    }
}

/// Kept out of line so the day loop stays small: most days have no warning.
#[cold]
#[inline(never)]
fn warn(
    warnings: &mut Vec<ClaimWarning>,
    first_day: NaiveDate,
    day: u32,
    place_type: PlaceType,
    unpaid: Unpaid,
) {
    let date = first_day + chrono::Days::new(u64::from(day));
    warnings.push(ClaimWarning {
        date,
        place_type,
        unpaid,
    });
}

/// One line per used tier, place tiers then meal tiers, each in priority order.
fn push_tier_lines(unit: &Unit, totals: &[SlotTotal], lines: &mut Vec<ClaimLine>) {
    let places =
        (unit.tiers.iter()).map(|tier| (LineKind::from(tier.kind), tier.priority, tier.price));
    let meals = (unit.meal_tiers.iter()).map(|tier| (LineKind::Meals, tier.priority, tier.price));
    for ((kind, priority, price), total) in places.chain(meals).zip(totals) {
        if total.quantity > 0 {
            lines.push(ClaimLine {
                kind,
                place_type: unit.place_type,
                priority: Some(priority),
                price,
                days: total.days,
                quantity: Some(total.quantity),
                // Exact: quantities up to 31 × 10⁶ at prices up to 10⁸ øre (limits of `parse`).
                amount: Ore(price.0 * total.quantity as i64),
            });
        }
    }
}

fn line_capacity(unit: &Unit) -> usize {
    2 + unit.tiers.len() + unit.meal_tiers.len()
}

impl SlotTotal {
    fn add(&mut self, taken: u32) {
        self.quantity += u64::from(taken);
        self.days += 1;
    }
}

/// Cuts the month into segments at every start and end of the unit's agreements.
pub(super) fn cut_segments(unit: &Unit, year: &CalendarYear, scratch: &mut Scratch) {
    let (month_start, month_days) = (year.month_start(), year.month_days());
    let clip = |day: i32| (day - month_start).clamp(0, month_days as i32) as u32;
    // On the stack: at most 64 agreements (checked by `parse`).
    let mut boundaries = [0u32; 2 + 2 * MAX_AGREEMENTS];
    boundaries[1] = month_days;
    for (i, agreement) in unit.agreements.iter().enumerate() {
        boundaries[2 + 2 * i] = clip(day_number(agreement.validity.from()));
        boundaries[3 + 2 * i] = clip(day_number(agreement.validity.end()));
    }
    let boundaries = &mut boundaries[..2 + 2 * unit.agreements.len()];
    boundaries.sort_unstable();
    scratch.segments.clear();
    for pair in boundaries.windows(2).filter(|pair| pair[0] < pair[1]) {
        let day = month_start + pair[0] as i32;
        let in_force = (unit.agreements.iter().enumerate())
            .filter(|(_, agreement)| {
                day_number(agreement.validity.from()) <= day
                    && day < day_number(agreement.validity.end())
            })
            .fold(0u64, |mask, (i, _)| mask | 1 << i);
        scratch.segments.push(Segment {
            start: pair[0],
            end: pair[1],
            in_force,
        });
    }
}

/// Places each day's residents of `segments`: fixed places of the agreements in force, then
/// their tiers in one priority queue (standby only while an activation agreement is in force),
/// the rest unpaid; and, with a canteen, persons 1..n into the meal tiers in force.
pub(super) fn allocate(
    unit: &Unit,
    segments: &[Segment],
    active: &mut Vec<ActiveTier>,
    mut record: impl FnMut(Allocation),
) {
    let activations = (unit.agreements.iter().enumerate())
        .filter(|(_, agreement)| agreement.kind == AgreementKind::Activation)
        .fold(0u64, |mask, (i, _)| mask | 1 << i);
    for segment in segments {
        let in_force = |agreement: usize| segment.in_force & (1 << agreement) != 0;
        let standby_counts = segment.in_force & activations != 0;
        let fixed_places: u32 = (unit.agreements.iter().enumerate())
            .filter(|(i, _)| in_force(*i))
            .map(|(_, agreement)| agreement.fixed_places)
            .sum();
        active.clear();
        for (slot, tier) in unit.tiers.iter().enumerate() {
            if in_force(tier.agreement) && (tier.kind != TierKind::Standby || standby_counts) {
                active.push(ActiveTier {
                    limit: tier.capacity.limit(),
                    slot,
                });
            }
        }
        let meals_from = active.len();
        if unit.canteen {
            for (slot, tier) in unit.meal_tiers.iter().enumerate() {
                if in_force(tier.agreement) {
                    active.push(ActiveTier {
                        limit: tier.persons.limit(),
                        slot,
                    });
                }
            }
        }
        let (tiers, meals) = active.split_at(meals_from);
        for day in segment.start..segment.end {
            let residents = unit.residents[day as usize];
            let used = residents.min(fixed_places);
            record(Allocation::FixedPlaces { day, used });
            let unpaid = fill(residents - used, tiers, |slot, taken| {
                record(Allocation::Tier { day, slot, taken });
            });
            if unpaid > 0 {
                record(Allocation::UnpaidResidents { day, count: unpaid });
            }
            if unit.canteen {
                let unpaid = fill(residents, meals, |slot, taken| {
                    record(Allocation::Meal { day, slot, taken });
                });
                if unpaid > 0 {
                    record(Allocation::UnpaidMeals { day, count: unpaid });
                }
            }
        }
    }
}

/// Fills `tiers` in order with `count` residents (or persons); returns how many are left over.
#[inline]
fn fill(mut count: u32, tiers: &[ActiveTier], mut take: impl FnMut(usize, u32)) -> u32 {
    for tier in tiers {
        if count == 0 {
            break;
        }
        let taken = count.min(tier.limit);
        take(tier.slot, taken);
        count -= taken;
    }
    count
}
