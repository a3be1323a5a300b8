//! R-OCC-1: a resident's stays are half-open intervals that never overlap; a new stay starting
//! after the open stay's start is a move, which ends the open stay on the new stay's first day.

use chrono::NaiveDate;

use crate::dates::DateRange;

/// A stay already stored: `to` is exclusive, `None` while the resident still lives there.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExistingStay {
    pub id: i64,
    pub from: NaiveDate,
    pub to: Option<NaiveDate>,
}

impl ExistingStay {
    fn end(self) -> NaiveDate {
        self.to.unwrap_or(NaiveDate::MAX)
    }
}

/// What writing the new stay means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StayDecision {
    /// A stay that touches no other.
    New,
    /// A move: the open stay `ends` gets `to` = the new stay's `from`.
    Move { ends: i64 },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StayRefusal {
    /// `to` is not after `from` (400 naming `to`).
    EmptyRange,
    /// The new stay shares days with the stored stay `with` (409).
    Overlaps { with: i64 },
}

/// Judges a new stay `[from, to)` (open-ended without `to`) against the resident's stays.
pub fn decide_stay(
    existing: &[ExistingStay],
    from: NaiveDate,
    to: Option<NaiveDate>,
) -> Result<StayDecision, StayRefusal> {
    if let Some(to) = to
        && DateRange::new(from, to).is_none()
    {
        return Err(StayRefusal::EmptyRange);
    }
    let new_end = to.unwrap_or(NaiveDate::MAX);
    let open = existing
        .iter()
        .find(|stay| stay.to.is_none() && stay.from < from)
        .copied();
    for stay in existing {
        // The open stay that this move ends keeps only the days before `from`.
        let end = match open {
            Some(open) if open.id == stay.id => from,
            _ => stay.end(),
        };
        if stay.from < new_end && from < end {
            return Err(StayRefusal::Overlaps { with: stay.id });
        }
    }
    Ok(match open {
        Some(open) => StayDecision::Move { ends: open.id },
        None => StayDecision::New,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dates::parse_date;

    fn day(text: &str) -> NaiveDate {
        parse_date(text).unwrap()
    }

    fn stay(id: i64, from: &str, to: Option<&str>) -> ExistingStay {
        ExistingStay {
            id,
            from: day(from),
            to: to.map(day),
        }
    }

    #[test]
    fn r_occ_1_a_first_stay_is_new() {
        assert_eq!(
            decide_stay(&[], day("2026-01-01"), None),
            Ok(StayDecision::New)
        );
    }

    #[test]
    fn r_occ_1_a_stay_after_the_open_stays_start_is_a_move() {
        let stays = [
            stay(1, "2025-01-01", Some("2025-06-01")),
            stay(2, "2025-06-01", None),
        ];
        assert_eq!(
            decide_stay(&stays, day("2026-03-15"), None),
            Ok(StayDecision::Move { ends: 2 })
        );
    }

    #[test]
    fn r_occ_1_a_stay_starting_on_the_open_stays_start_overlaps() {
        let stays = [stay(2, "2025-06-01", None)];
        assert_eq!(
            decide_stay(&stays, day("2025-06-01"), None),
            Err(StayRefusal::Overlaps { with: 2 })
        );
    }

    #[test]
    fn r_occ_1_a_stay_overlapping_a_closed_stay_is_refused() {
        let stays = [
            stay(1, "2025-01-01", Some("2025-06-01")),
            stay(2, "2025-06-01", None),
        ];
        assert_eq!(
            decide_stay(&stays, day("2025-05-01"), Some(day("2025-05-10"))),
            Err(StayRefusal::Overlaps { with: 1 })
        );
    }

    #[test]
    fn r_occ_1_a_stay_ending_where_the_next_begins_does_not_overlap() {
        let stays = [stay(1, "2025-06-01", Some("2025-09-01"))];
        assert_eq!(
            decide_stay(&stays, day("2025-01-01"), Some(day("2025-06-01"))),
            Ok(StayDecision::New)
        );
        // Open-ended before a closed stay would run through it.
        assert_eq!(
            decide_stay(&stays, day("2025-01-01"), None),
            Err(StayRefusal::Overlaps { with: 1 })
        );
    }

    #[test]
    fn r_occ_1_to_must_be_after_from() {
        assert_eq!(
            decide_stay(&[], day("2025-01-01"), Some(day("2025-01-01"))),
            Err(StayRefusal::EmptyRange)
        );
    }
}
