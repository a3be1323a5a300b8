//! A plan template (SPEC §6) as versioned data: its items and phases. Every type here reads
//! from and writes to JSON, so a template an admin revises can be stored and read back; a
//! running plan keeps the version it was started from.

use serde::{Deserialize, Serialize};

use super::offset::Offset;
use crate::access::Role;

/// A routine: `opening`, `closing`, `new_centre`, `emergency` (built in) or a revision of one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Template {
    pub key: String,
    /// Raised by every revision; a plan keeps the version it was started from.
    pub version: u32,
    /// The follow-up templates' phases; the ICT routines have none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phases: Option<PhaseSpecs>,
    pub items: Vec<Item>,
}

/// One item: what is to be done, by whom, by when (SPEC §6).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    /// Stable across versions: `opening.duf_access`.
    pub key: String,
    /// A revised template's own title; the built-in items take theirs from the interface's
    /// text catalogue by key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<LocalizedText>,
    pub responsible: Responsible,
    /// The due date (a day, inclusive).
    pub due: Point,
    #[serde(default)]
    pub timing: Timing,
    /// Items that must be done first (the order of seed 000's routine); the due date does not
    /// wait for them unless `due` is anchored on one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub after: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recurrence: Option<Recurrence>,
    /// All must hold, or the item is left out of the plan.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conditions: Vec<Condition>,
    /// The topics of a meeting or the points of a checklist, as topic codes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub agenda: Vec<String>,
}

/// A title in both languages of the interface (SPEC §9).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LocalizedText {
    pub nb: String,
    pub en: String,
}

/// Who does it: a role of SPEC §1 or a team (reference data).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Responsible {
    Role(Role),
    Team(Team),
}

/// UDI's teams that plans route work to (SPEC §6).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Team {
    /// The regional unit (regionkontoret, regional enhet).
    RegionalUnit,
    /// LT Kontrakt, kontroll og Mot.
    ContractAndControl,
    /// LT Informasjon og opplæring.
    InformationAndTraining,
    /// The regional unit's emergency-accommodation team (akuttinnkvarteringsteam).
    EmergencyAccommodation,
    /// The regional director (regiondirektør) or deputy.
    RegionalDirector,
}

impl Team {
    pub const ALL: [Team; 5] = [
        Team::RegionalUnit,
        Team::ContractAndControl,
        Team::InformationAndTraining,
        Team::EmergencyAccommodation,
        Team::RegionalDirector,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Team::RegionalUnit => "regional_unit",
            Team::ContractAndControl => "contract_and_control",
            Team::InformationAndTraining => "information_and_training",
            Team::EmergencyAccommodation => "emergency_accommodation",
            Team::RegionalDirector => "regional_director",
        }
    }
}

/// A day computed from an anchor and offsets applied in order
/// (`operation_start − 7 days − 10 working days`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Point {
    pub anchor: Anchor,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub offsets: Vec<Offset>,
}

impl Point {
    pub fn at(anchor: Anchor) -> Point {
        Point {
            anchor,
            offsets: Vec::new(),
        }
    }

    pub fn plus(mut self, offset: Offset) -> Point {
        self.offsets.push(offset);
        self
    }
}

/// What a date is counted from (SPEC §6).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Anchor {
    /// The award of the agreement; the signing when no earlier award is given.
    Awarded,
    Signed,
    OperationStart,
    /// The agreement's exclusive end (R-AGR-3): a notice or an extension re-dates the plan.
    End,
    /// Another item's completion; no date until it is done.
    Completed(String),
    /// An employee's hiring: one task per employee; no date until someone is hired.
    Hiring,
    /// The first day of a phase; an item anchored on a phase the plan lacks is left out.
    PhaseStart(PhaseName),
    /// A phase's exclusive end.
    PhaseEnd(PhaseName),
}

/// Whether the date is a deadline or the earliest day the task may be done.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Timing {
    #[default]
    By,
    NotBefore,
}

/// Again every `every` from the first due date, while the due date is before `until`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Recurrence {
    pub every: Offset,
    /// Exclusive.
    pub until: Point,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub skip: Option<Skip>,
}

/// When an occurrence is not needed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Skip {
    /// The centre's leader called first in the occurrence's period (seed 002 §3: "dersom en
    /// mottaksleder ikke selv tar kontakt").
    LeaderCalledFirst,
}

/// When an item applies (SPEC §6).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Condition {
    OperatorNew,
    OperatorExperienced,
    /// The due date is before the agreement's end.
    StillOperating,
    /// The due date is before the closing phase (or the end, without one).
    BeforeClosing,
    /// The centre has the directorate's video-interview equipment.
    HasEquipment,
}

/// The phases of §6, with the API's names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PhaseName {
    Startup,
    Operation,
    Closing,
}

impl PhaseName {
    pub fn code(self) -> &'static str {
        match self {
            PhaseName::Startup => "startup",
            PhaseName::Operation => "operation",
            PhaseName::Closing => "closing",
        }
    }
}

/// Contiguous phases: the first starts at `from`, each ends where the next begins.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PhaseSpecs {
    pub from: Point,
    pub phases: Vec<PhaseSpec>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PhaseSpec {
    pub name: PhaseName,
    /// Exclusive.
    pub ends: PhaseEnd,
}

/// Where a phase ends.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PhaseEnd {
    At(Point),
    /// Months after the phase's own start, by the operator's experience; a region may choose
    /// any length from `min` to `max` (seed 002: three to six months).
    MonthsByExperience {
        new: u32,
        experienced: u32,
        min: u32,
        max: u32,
    },
}
