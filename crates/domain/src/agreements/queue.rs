//! R-AGR-11: the payment queue of a centre's place type runs across all its agreements. A tier's
//! priority is unique among the tiers of agreements whose validity overlaps (a successor that
//! starts on or after an agreement's end may reuse its numbers); place tiers and meal tiers are
//! separate queues. R-AGR-7/8: an unbounded tier (0 places or persons) is the last of its queue
//! among the agreements valid on the same days. The claim engine's parse and the stored
//! agreements apply this same rule.

use super::Capacity;
use super::terms::AgreementTerms;
use crate::dates::DateRange;
use crate::error::{FieldError, Problem};

/// One tier as the queue rule sees it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct QueueSlot {
    /// The validity of the tier's agreement; `None` when unknown (then taken as overlapping).
    pub validity: Option<DateRange>,
    pub priority: u32,
    pub unbounded: bool,
}

impl QueueSlot {
    pub fn new(validity: DateRange, priority: u32, capacity: Capacity) -> QueueSlot {
        QueueSlot {
            validity: Some(validity),
            priority,
            unbounded: capacity == Capacity::Unbounded,
        }
    }

    fn overlaps(&self, other: &QueueSlot) -> bool {
        match (self.validity, other.validity) {
            (Some(mine), Some(theirs)) => mine.overlaps(theirs),
            _ => true,
        }
    }
}

/// Why a tier cannot stand beside another.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QueueClash {
    /// The same priority in agreements valid on the same days.
    Duplicate,
    /// This unbounded tier comes before the other's priority.
    UnboundedNotLast,
    /// This tier comes after the other's unbounded tier.
    AfterUnbounded,
}

impl QueueClash {
    pub fn is_duplicate(self) -> bool {
        self == QueueClash::Duplicate
    }

    /// The message for the field of the tier concerned; `other` names the other tier.
    pub fn message(self, other: &str) -> String {
        match self {
            QueueClash::Duplicate => format!("priority already used by {other}"),
            QueueClash::UnboundedNotLast => format!(
                "0 (unbounded) is only allowed on the last tier of the queue by priority; \
                 {other} comes later"
            ),
            QueueClash::AfterUnbounded => {
                format!("must come before the unbounded tier {other} by priority")
            }
        }
    }
}

/// Whether `tier` clashes with `other`, seen from `tier` (the one reported).
pub fn queue_clash(tier: &QueueSlot, other: &QueueSlot) -> Option<QueueClash> {
    if !tier.overlaps(other) {
        return None;
    }
    if tier.priority == other.priority {
        Some(QueueClash::Duplicate)
    } else if tier.unbounded && other.priority > tier.priority {
        Some(QueueClash::UnboundedNotLast)
    } else if other.unbounded && tier.priority > other.priority {
        Some(QueueClash::AfterUnbounded)
    } else {
        None
    }
}

/// The priority a new tier gets (R-AGR-11): one after the highest among the agreements valid on
/// any of `validity`'s days, so a successor starts again from 1.
pub fn next_free_priority(slots: &[QueueSlot], validity: DateRange) -> u32 {
    let probe = QueueSlot {
        validity: Some(validity),
        priority: 0,
        unbounded: false,
    };
    slots
        .iter()
        .filter(|slot| slot.overlaps(&probe))
        .map(|slot| slot.priority)
        .max()
        .map_or(1, |highest| highest.saturating_add(1))
}

/// The place-tier and meal-tier queues of one centre in an agreement.
pub fn slots_of(terms: &AgreementTerms, centre_id: i64) -> (Vec<QueueSlot>, Vec<QueueSlot>) {
    let validity = terms.validity();
    let Some(unit) = terms.unit_of(centre_id) else {
        return (Vec::new(), Vec::new());
    };
    let places = unit
        .unit_tiers
        .iter()
        .map(|tier| QueueSlot::new(validity, tier.priority, tier.places))
        .collect();
    let meals = unit
        .meal_tiers
        .iter()
        .map(|tier| QueueSlot::new(validity, tier.priority, tier.persons))
        .collect();
    (places, meals)
}

/// A conflict of an agreement with the other stored agreements of its centres (409, naming the
/// field): a tier that clashes in a queue (R-AGR-11), or a canteen setting that differs from an
/// overlapping agreement's for the same centre (one centre number has one operating form on a
/// day). `others` are the other agreements of the agreement's centres (not itself); `label`
/// names one of them in the message.
pub fn check_against_others(
    terms: &AgreementTerms,
    others: &[AgreementTerms],
) -> Result<(), FieldError> {
    let validity = terms.validity();
    for (u, unit) in terms.units.iter().enumerate() {
        let overlapping: Vec<&AgreementTerms> = others
            .iter()
            .filter(|other| other.validity().overlaps(validity))
            .filter(|other| other.unit_of(unit.centre_id).is_some())
            .collect();
        if let Some(other) = overlapping.iter().find(|other| {
            other
                .unit_of(unit.centre_id)
                .is_some_and(|theirs| theirs.canteen != unit.canteen)
        }) {
            let problem = Problem::CanteenClash {
                agreement: other.name.clone(),
                canteen: unit.canteen,
            };
            return Err(FieldError::coded(format!("units[{u}].canteen"), problem));
        }
        let (places, meals) = slots_of(terms, unit.centre_id);
        for (list, mine, capacity_field, meal) in [
            ("unit_tiers", places, "places", false),
            ("meal_tiers", meals, "persons", true),
        ] {
            for (t, tier) in mine.iter().enumerate() {
                for other in &overlapping {
                    let (their_places, their_meals) = slots_of(other, unit.centre_id);
                    let theirs = if meal { their_meals } else { their_places };
                    if let Some((position, clash)) = theirs
                        .iter()
                        .enumerate()
                        .find_map(|(p, slot)| queue_clash(tier, slot).map(|clash| (p, clash)))
                    {
                        let field = match clash {
                            QueueClash::UnboundedNotLast => capacity_field,
                            _ => "priority",
                        };
                        let problem = Problem::TierClash {
                            clash,
                            other: format!("{list}[{position}]"),
                            agreement: Some((
                                other.name.clone(),
                                i64::from(theirs[position].priority),
                            )),
                        };
                        return Err(FieldError::coded(
                            format!("units[{u}].{list}[{t}].{field}"),
                            problem,
                        ));
                    }
                }
            }
        }
    }
    Ok(())
}
