//! One queue of a unit (its place tiers, or its meal tiers) checked by the rule of
//! `agreements::queue`.

use crate::agreements::Capacity;
use crate::agreements::queue::{QueueClash, QueueSlot, queue_clash};
use crate::dates::DateRange;
use crate::error::{FieldError, Problem};

/// What [`check_queue`] needs of a place tier or a meal tier.
#[derive(Clone, Copy)]
pub(super) struct QueueEntry {
    /// Index of the agreement in the unit.
    agreement: usize,
    /// Index of the tier in its agreement's list.
    position: usize,
    priority: u32,
    capacity: Capacity,
}

impl QueueEntry {
    pub(super) fn new(
        agreement: usize,
        position: usize,
        priority: u32,
        capacity: Capacity,
    ) -> Self {
        QueueEntry {
            agreement,
            position,
            priority,
            capacity,
        }
    }
}

/// Sorts a unit's queue by priority and checks R-AGR-7, R-AGR-8 and R-AGR-11 with the rule of
/// `agreements::queue`: priorities are unique among the unit's agreements whose validity
/// overlaps, and an unbounded tier is the last of the queue among the agreements valid on the
/// same days. An agreement whose dates did not parse is taken as overlapping every other.
/// `(unit, list, capacity_field)` name the queue in the error's path.
pub(super) fn check_queue<T>(
    queue: &mut [T],
    entry: impl Fn(&T) -> QueueEntry,
    validities: &[Option<DateRange>],
    (unit, list, capacity_field): (usize, &str, &str),
) -> Result<(), FieldError> {
    let path = |tier: &QueueEntry| {
        format!(
            "units[{unit}].agreements[{}].{list}[{}]",
            tier.agreement, tier.position
        )
    };
    let slot = |tier: &QueueEntry| QueueSlot {
        validity: validities.get(tier.agreement).copied().flatten(),
        priority: tier.priority,
        unbounded: tier.capacity == Capacity::Unbounded,
    };
    // Stable: of two equal priorities, the one later in the request is the one reported.
    queue.sort_by_key(|tier| entry(tier).priority);
    let queue: Vec<QueueEntry> = queue.iter().map(entry).collect();
    for (index, tier) in queue.iter().enumerate() {
        let same = queue[..index]
            .iter()
            .rev()
            .take_while(|earlier| earlier.priority == tier.priority);
        for earlier in same {
            if queue_clash(&slot(tier), &slot(earlier)).is_some() {
                let problem = Problem::PriorityUsed { by: path(earlier) };
                return Err(FieldError::coded(
                    format!("{}.priority", path(tier)),
                    problem,
                ));
            }
        }
    }
    for (index, tier) in queue.iter().enumerate() {
        if tier.capacity != Capacity::Unbounded {
            continue;
        }
        if queue[index + 1..].iter().any(|later| {
            queue_clash(&slot(tier), &slot(later)) == Some(QueueClash::UnboundedNotLast)
        }) {
            return Err(FieldError::coded(
                format!("{}.{capacity_field}", path(tier)),
                Problem::UnboundedNotLast,
            ));
        }
    }
    Ok(())
}
