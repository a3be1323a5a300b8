//! Phases (SPEC §6): contiguous half-open ranges, the closing phase winning where start-up and
//! closing overlap on a short agreement; a phase left without days is not in the plan.

use chrono::NaiveDate;

use super::engine::{Resolved, resolve_point};
use super::input::{Experience, PlanInput};
use super::template::{PhaseEnd, PhaseName, PhaseSpecs};
use crate::dates::DateRange;

/// One phase of a plan; `range.end()` is exclusive.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Phase {
    pub name: PhaseName,
    pub range: DateRange,
}

/// The phases of `specs` for `input`, in order, never past the agreement's end.
pub fn phases(specs: &PhaseSpecs, input: &PlanInput) -> Vec<Phase> {
    let point = |point| match resolve_point(point, input, None, None, None) {
        Resolved::On(date) => Some(date),
        Resolved::Pending | Resolved::NotApplicable => None,
    };
    let end = input.dates.end;
    let Some(mut cursor) = point(&specs.from) else {
        return Vec::new();
    };
    // Raw ends first: the closing phase starts where the phase before it raw-ends.
    let mut raw = Vec::new();
    let mut start = cursor;
    for spec in &specs.phases {
        let phase_end = match &spec.ends {
            PhaseEnd::At(at) => point(at),
            PhaseEnd::MonthsByExperience {
                new,
                experienced,
                min,
                max,
            } => {
                let by_experience = match input.experience {
                    Experience::New => *new,
                    Experience::Experienced => *experienced,
                };
                let months = input
                    .startup_months
                    .filter(|months| (*min..=*max).contains(months))
                    .unwrap_or(by_experience);
                start.checked_add_months(chrono::Months::new(months))
            }
        };
        let Some(phase_end) = phase_end else {
            return Vec::new();
        };
        raw.push((spec.name, start, phase_end));
        start = phase_end;
    }
    let closing_start: Option<NaiveDate> = raw
        .iter()
        .find(|(name, _, _)| *name == PhaseName::Closing)
        .map(|(_, from, _)| *from);
    let mut result = Vec::new();
    for (name, from, to) in raw {
        let (from, to) = if name == PhaseName::Closing {
            (from, to.min(end))
        } else {
            let limit = closing_start.unwrap_or(end).min(end);
            (from.max(cursor), to.min(limit))
        };
        if let Some(range) = DateRange::new(from, to) {
            result.push(Phase { name, range });
            cursor = to;
        }
    }
    result
}

/// The first day of the closing phase, or the end when the plan has none.
pub fn closing_starts(phases: &[Phase], end: NaiveDate) -> NaiveDate {
    phases
        .iter()
        .find(|phase| phase.name == PhaseName::Closing)
        .map_or(end, |phase| phase.range.from())
}
