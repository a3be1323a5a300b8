//! The activity log of a centre (R-PLN-3, seeds 002 §4 and 004 §6): the regional unit documents
//! every follow-up activity — meetings, calls, visits, controls — with its date, kind,
//! participants, summary and follow-ups, in one timeline across the centre's plans; the log is
//! the basis of the first ordinary inspection.

use std::cmp::Ordering;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::dates::parse_date;
use crate::error::{FieldError, FieldErrors, Problem};

#[cfg(test)]
mod tests;

/// The longest summary: a page of text, enough for minutes, short enough for the export.
pub const SUMMARY_MAX: usize = 4000;
/// A participant's name (with organisation), a follow-up's text.
pub const NAME_MAX: usize = 200;
pub const FOLLOW_UP_MAX: usize = 500;
/// Participants and follow-ups per entry.
pub const PARTICIPANTS_MAX: usize = 30;
pub const FOLLOW_UPS_MAX: usize = 20;

/// What kind of activity an entry documents (møte, telefon, besøk, kontroll, annet).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LogKind {
    Meeting,
    Call,
    Visit,
    Control,
    Other,
}

impl LogKind {
    pub const ALL: [LogKind; 5] = [
        LogKind::Meeting,
        LogKind::Call,
        LogKind::Visit,
        LogKind::Control,
        LogKind::Other,
    ];

    pub fn code(self) -> &'static str {
        match self {
            LogKind::Meeting => "meeting",
            LogKind::Call => "call",
            LogKind::Visit => "visit",
            LogKind::Control => "control",
            LogKind::Other => "other",
        }
    }

    pub fn from_code(code: &str) -> Option<LogKind> {
        LogKind::ALL.into_iter().find(|kind| kind.code() == code)
    }

    /// The kind `code` names, or the field's error listing the codes.
    pub fn parse(field: &str, code: &str) -> Result<LogKind, FieldError> {
        LogKind::from_code(code.trim()).ok_or_else(|| {
            FieldError::coded(
                field,
                Problem::UnknownLogKind {
                    code: code.trim().to_owned(),
                    codes: LogKind::ALL.map(LogKind::code).join(", "),
                },
            )
        })
    }
}

/// A follow-up as the API and the form give it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct FollowUpInput {
    /// What is to be followed up.
    pub text: String,
    /// By when, `YYYY-MM-DD`, when there is a deadline.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(format = Date))]
    pub due: Option<String>,
    #[serde(default)]
    pub done: bool,
}

/// An entry as the API and the form give it: `{date, kind, participants, summary,
/// follow_ups?, plan_id?, task_position?}`. Every member defaults, so that a missing one is
/// reported with the others by [`parse_entry`].
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct EntryInput {
    /// The day of the activity, `YYYY-MM-DD`, not after today.
    #[cfg_attr(feature = "openapi", schema(format = Date, example = "2026-03-02"))]
    pub date: String,
    /// `meeting`, `call`, `visit`, `control` or `other`.
    #[cfg_attr(
        feature = "openapi",
        schema(example = "call", pattern = "^(meeting|call|visit|control|other)$")
    )]
    pub kind: String,
    /// The participants' names (with their organisation where useful).
    #[serde(default)]
    pub participants: Vec<String>,
    pub summary: String,
    #[serde(default)]
    pub follow_ups: Vec<FollowUpInput>,
    /// The plan whose task the entry documents (with `task_position`).
    #[serde(default)]
    pub plan_id: Option<i64>,
    /// The task's position in that plan (`new_centre.weekly_call` of a week, say).
    #[serde(default)]
    pub task_position: Option<i64>,
    /// Marks the task done as well, when it is open (a logged weekly call is that week's call).
    pub complete_task: bool,
}

/// A follow-up of an entry (oppfølgingspunkt).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FollowUp {
    pub text: String,
    pub due: Option<NaiveDate>,
    pub done: bool,
}

/// The plan task an entry documents.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TaskRef {
    pub plan_id: i64,
    pub position: i64,
}

/// A validated entry: every value checked, texts trimmed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewEntry {
    pub date: NaiveDate,
    pub kind: LogKind,
    pub participants: Vec<String>,
    pub summary: String,
    pub follow_ups: Vec<FollowUp>,
    pub task: Option<TaskRef>,
    /// Whether logging marks the task done (only with a task).
    pub complete_task: bool,
}

/// A required text, trimmed, at most `max` characters.
fn text(field: &str, value: &str, max: usize) -> Result<String, FieldError> {
    let value = value.trim();
    if value.is_empty() {
        Err(FieldError::coded(field, Problem::Required))
    } else if value.chars().count() > max {
        Err(FieldError::coded(field, Problem::TooLong { max }))
    } else {
        Ok(value.to_owned())
    }
}

/// R-PLN-3: the entry, or every invalid field at once in the order of the form. The date is
/// the day the activity took place, so not after `today` (the log documents, the plan plans).
pub fn parse_entry(input: &EntryInput, today: NaiveDate) -> Result<NewEntry, Vec<FieldError>> {
    let mut errors = FieldErrors::default();
    let date = match parse_date(input.date.trim()) {
        None if input.date.trim().is_empty() => {
            errors.push(FieldError::coded("date", Problem::Required));
            None
        }
        None => {
            errors.push(FieldError::coded("date", Problem::Date));
            None
        }
        Some(date) if date > today => {
            errors.push(FieldError::coded("date", Problem::InTheFuture));
            None
        }
        Some(date) => Some(date),
    };
    let kind = errors.check(LogKind::parse("kind", &input.kind));
    let participants = participants(&input.participants, &mut errors);
    let summary = errors.check(text("summary", &input.summary, SUMMARY_MAX));
    let follow_ups = follow_ups(&input.follow_ups, &mut errors);
    let task = match (input.plan_id, input.task_position) {
        (Some(plan_id), Some(position)) => Some(TaskRef { plan_id, position }),
        (None, None) => None,
        (Some(_), None) => {
            errors.push(FieldError::coded("task_position", Problem::Required));
            None
        }
        (None, Some(_)) => {
            errors.push(FieldError::coded("plan_id", Problem::Required));
            None
        }
    };
    errors.into_result(|| NewEntry {
        date: date.expect("checked"),
        kind: kind.expect("checked"),
        participants,
        summary: summary.expect("checked"),
        follow_ups,
        complete_task: input.complete_task && task.is_some(),
        task,
    })
}

/// The names, trimmed; blank lines dropped; at least one participant (who took part is what
/// an inspection asks first).
fn participants(names: &[String], errors: &mut FieldErrors) -> Vec<String> {
    let mut kept = Vec::new();
    for (index, name) in names.iter().enumerate() {
        if name.trim().is_empty() {
            continue;
        }
        if let Some(name) = errors.check(text(&format!("participants[{index}]"), name, NAME_MAX)) {
            kept.push(name);
        }
    }
    if names.iter().all(|name| name.trim().is_empty()) {
        errors.push(FieldError::coded("participants", Problem::Required));
    } else if kept.len() > PARTICIPANTS_MAX {
        errors.push(FieldError::coded(
            "participants",
            Problem::AtMost {
                max: PARTICIPANTS_MAX as i64,
            },
        ));
    }
    kept
}

/// The follow-ups; one whose text and date are both blank is dropped (an unused form row).
fn follow_ups(inputs: &[FollowUpInput], errors: &mut FieldErrors) -> Vec<FollowUp> {
    let mut kept = Vec::new();
    for (index, input) in inputs.iter().enumerate() {
        let due_text = input.due.as_deref().map(str::trim).unwrap_or_default();
        if input.text.trim().is_empty() && due_text.is_empty() {
            continue;
        }
        if let Some(follow_up) = errors.check(follow_up(index, input, due_text)) {
            kept.push(follow_up);
        }
    }
    if kept.len() > FOLLOW_UPS_MAX {
        errors.push(FieldError::coded(
            "follow_ups",
            Problem::AtMost {
                max: FOLLOW_UPS_MAX as i64,
            },
        ));
    }
    kept
}

/// One follow-up: its text, and a strict date when one is given. (The first error of the
/// follow-up; a form row shows one message.)
fn follow_up(index: usize, input: &FollowUpInput, due: &str) -> Result<FollowUp, FieldError> {
    let text = text(
        &format!("follow_ups[{index}].text"),
        &input.text,
        FOLLOW_UP_MAX,
    )?;
    let due =
        if due.is_empty() {
            None
        } else {
            Some(parse_date(due).ok_or_else(|| {
                FieldError::coded(format!("follow_ups[{index}].due"), Problem::Date)
            })?)
        };
    Ok(FollowUp {
        text,
        due,
        done: input.done,
    })
}

/// The names typed in a form's one text box: one per line, or separated by commas or
/// semicolons.
pub fn participants_from_text(text: &str) -> Vec<String> {
    text.split(['\n', ',', ';'])
        .map(str::trim)
        .filter(|name| !name.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The timeline's order (R-PLN-3): the newest activity first; on one day the entry logged last
/// (the higher id) first, so the order is total and stable.
pub fn timeline_order(a: (NaiveDate, i64), b: (NaiveDate, i64)) -> Ordering {
    b.0.cmp(&a.0).then_with(|| b.1.cmp(&a.1))
}

/// Sorts entries into the timeline's order by their date and id.
pub fn sort_timeline<T>(entries: &mut [T], key: impl Fn(&T) -> (NaiveDate, i64)) {
    entries.sort_by(|a, b| timeline_order(key(a), key(b)));
}

/// The follow-ups that are not done, with a due date before `today`: overdue.
pub fn is_overdue(follow_up: &FollowUp, today: NaiveDate) -> bool {
    !follow_up.done && follow_up.due.is_some_and(|due| due < today)
}
