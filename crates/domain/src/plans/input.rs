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
