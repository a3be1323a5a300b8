//! The log page's form: its fields, read into the API's [`EntryInput`], and the API's field
//! names turned back into the form's.

use mottak_domain::error::FieldError;
use mottak_domain::worklog::{EntryInput, FollowUpInput, LogKind, participants_from_text};
use serde::Deserialize;

use crate::form_errors::Labels;
use crate::occupancy::today;
use crate::pages::{display_date, parse_user_date};

/// Rows for follow-ups in the form; blank rows are ignored.
pub(super) const FOLLOW_UP_ROWS: usize = 3;

pub(super) const LABELS: &Labels = &[
    ("date", "log.date"),
    ("kind", "log.kind"),
    ("participants", "log.participants"),
    ("summary", "log.summary"),
    ("follow_up_1_text", "log.follow_up_1"),
    ("follow_up_1_due", "log.due_1"),
    ("follow_up_2_text", "log.follow_up_2"),
    ("follow_up_2_due", "log.due_2"),
    ("follow_up_3_text", "log.follow_up_3"),
    ("follow_up_3_due", "log.due_3"),
    ("task", "log.task"),
];

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct EntryForm {
    pub(super) date: String,
    pub(super) kind: String,
    pub(super) participants: String,
    pub(super) summary: String,
    pub(super) follow_up_1_text: String,
    pub(super) follow_up_1_due: String,
    pub(super) follow_up_2_text: String,
    pub(super) follow_up_2_due: String,
    pub(super) follow_up_3_text: String,
    pub(super) follow_up_3_due: String,
    /// `PLAN:POSITION`, or empty.
    pub(super) task: String,
    /// `true` when the checkbox is ticked.
    pub(super) complete_task: String,
}

impl EntryForm {
    /// An empty form for today's call, preselecting `task` (`PLAN:POSITION` or empty).
    pub(super) fn blank(task: String) -> EntryForm {
        EntryForm {
            date: display_date(today()),
            kind: LogKind::Call.code().to_owned(),
            task,
            ..EntryForm::default()
        }
    }

    pub(super) fn follow_up_rows(&self) -> [(&str, &str); FOLLOW_UP_ROWS] {
        [
            (&self.follow_up_1_text, &self.follow_up_1_due),
            (&self.follow_up_2_text, &self.follow_up_2_due),
            (&self.follow_up_3_text, &self.follow_up_3_due),
        ]
    }

    /// The API's input: dates typed as dd.mm.yyyy become ISO (anything else goes on as typed,
    /// for the domain to name), the participants one per line.
    pub(super) fn input(&self) -> EntryInput {
        let iso = |text: &str| {
            parse_user_date(text).map_or_else(|| text.trim().to_owned(), |day| day.to_string())
        };
        let (plan_id, task_position) = match self.task.split_once(':') {
            Some((plan, position)) => (plan.trim().parse().ok(), position.trim().parse().ok()),
            None => (None, None),
        };
        EntryInput {
            date: iso(&self.date),
            kind: self.kind.clone(),
            participants: participants_from_text(&self.participants),
            summary: self.summary.clone(),
            follow_ups: self
                .follow_up_rows()
                .into_iter()
                .map(|(text, due)| FollowUpInput {
                    text: text.to_owned(),
                    due: Some(iso(due)).filter(|due| !due.is_empty()),
                    done: false,
                })
                .collect(),
            plan_id,
            task_position,
            complete_task: self.complete_task == "true",
        }
    }
}

/// The API's field names as the form's: `follow_ups[1].due` is `follow_up_2_due`.
pub(super) fn form_field(error: FieldError) -> FieldError {
    let field = error.field.clone();
    let named = if field.starts_with("participants") {
        "participants".to_owned()
    } else if field == "plan_id" || field == "task_position" {
        "task".to_owned()
    } else if let Some(rest) = field.strip_prefix("follow_ups[") {
        match rest.split_once("].") {
            Some((index, member)) => match index.parse::<usize>() {
                Ok(index) => format!("follow_up_{}_{member}", index + 1),
                Err(_) => field,
            },
            None => field,
        }
    } else {
        field
    };
    error.at(named)
}
