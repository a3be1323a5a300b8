//! What a plan is computed from: the agreement's dates, the operator's experience, and what has
//! happened so far.

use std::collections::BTreeMap;

use chrono::NaiveDate;

/// The agreement's dates (SPEC §4): `end` is exclusive (R-AGR-3), after `operation_start`;
/// the award is on or before the signing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PlanDates {
    pub awarded: NaiveDate,
    pub signed: NaiveDate,
    pub operation_start: NaiveDate,
    pub end: NaiveDate,
}

/// New or experienced operator (SPEC §3), which changes the follow-up plans.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Experience {
    New,
    Experienced,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PlanInput {
    pub dates: PlanDates,
    pub experience: Experience,
    /// The region's choice of start-up length in months, where the template allows one.
    pub startup_months: Option<u32>,
}

/// An employee hired at the centre (an anchor of `new_centre.staff_course`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hiring {
    pub employee: String,
    pub date: NaiveDate,
}

/// What has happened: none of it is known in a preview.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Facts {
    /// Items done, by key, with the day.
    pub completed: BTreeMap<String, NaiveDate>,
    pub hirings: Vec<Hiring>,
    /// Days the centre's leader called the region.
    pub leader_calls: Vec<NaiveDate>,
    /// Whether the centre has the video-interview equipment; unknown in a preview, where the
    /// item is shown.
    pub has_equipment: Option<bool>,
}

impl PlanDates {
    /// The dates a stored agreement gives a plan: the award defaults to the signing, the end is
    /// the stop date where set, else valid-to (both exclusive, R-AGR-3), so a notice or an
    /// extension re-dates the plan.
    pub fn of_agreement(terms: &crate::agreements::AgreementTerms) -> PlanDates {
        PlanDates {
            awarded: terms.awarded.unwrap_or(terms.signed),
            signed: terms.signed,
            operation_start: terms.operation_start,
            end: terms.stop_date.unwrap_or(terms.valid_to),
        }
    }
}

/// Overdue (SPEC §6): an open task whose deadline has passed; a "not before" date is never
/// overdue, and a task without a date cannot be.
pub fn is_overdue(due: Option<NaiveDate>, timing: super::Timing, today: NaiveDate) -> bool {
    timing == super::Timing::By && due.is_some_and(|due| due < today)
}

/// Where a task stands in a work list ("my tasks", SPEC §6): overdue first, then by due date,
/// tasks waiting for an event last. Sort by this key, then by anything stable.
pub fn work_order(
    due: Option<NaiveDate>,
    timing: super::Timing,
    today: NaiveDate,
) -> (u8, NaiveDate) {
    match due {
        Some(due) if is_overdue(Some(due), timing, today) => (0, due),
        Some(due) => (1, due),
        None => (2, NaiveDate::MAX),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plans::Timing;

    #[test]
    fn spec_6_an_open_task_is_overdue_the_day_after_its_deadline() {
        let due = NaiveDate::from_ymd_opt(2026, 3, 20);
        let on = |day| NaiveDate::from_ymd_opt(2026, 3, day).unwrap();
        assert!(!is_overdue(due, Timing::By, on(20)));
        assert!(is_overdue(due, Timing::By, on(21)));
        assert!(!is_overdue(due, Timing::NotBefore, on(21)));
        assert!(!is_overdue(None, Timing::By, on(21)));
    }

    #[test]
    fn spec_6_work_lists_put_overdue_first_then_by_due_date_undated_last() {
        let on = |day| NaiveDate::from_ymd_opt(2026, 3, day);
        let today = on(10).unwrap();
        let mut tasks = [
            (on(12), Timing::By),
            (None, Timing::By),
            (on(9), Timing::NotBefore),
            (on(11), Timing::By),
            (on(8), Timing::By),
        ];
        tasks.sort_by_key(|(due, timing)| work_order(*due, *timing, today));
        assert_eq!(
            tasks.map(|(due, _)| due),
            [on(8), on(9), on(11), on(12), None]
        );
    }
}
