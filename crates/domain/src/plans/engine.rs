//! Turning a template into a plan: the phases, then every item as tasks with due dates (SPEC
//! §6). Pure: the caller passes what has happened ([`Facts`]); a preview passes nothing.

use chrono::NaiveDate;

use super::input::{Experience, Facts, PlanInput};
use super::phases::{Phase, closing_starts, phases};
use super::template::{
    Anchor, Condition, Item, Point, Recurrence, Responsible, Skip, Template, Timing,
};

/// A recurrence stops here whatever its data says (weekly for 20 years is about 1,000).
const MAX_OCCURRENCES: usize = 1_000;

/// A template computed for one agreement.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Plan {
    pub phases: Vec<Phase>,
    /// By due date, tasks without one last; ties in the template's order.
    pub tasks: Vec<Task>,
}

/// One task: an item, or one occurrence of a recurring item, or one employee's.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Task {
    pub key: String,
    /// The item's position in the template (its title, agenda and prerequisites).
    pub item: usize,
    /// `None` while the task waits for an event: another item's completion, a hiring.
    pub due: Option<NaiveDate>,
    pub timing: Timing,
    pub responsible: Responsible,
    /// The employee of a task per hiring.
    pub employee: Option<String>,
    pub state: TaskState,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TaskState {
    Open,
    NotNeeded(NotNeeded),
}

/// Why the plan itself found a task not needed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotNeeded {
    LeaderCalledFirst,
}

/// What a point comes to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Resolved {
    On(NaiveDate),
    /// It waits for an event that has not happened.
    Pending,
    /// It cannot apply: the plan lacks the phase, or the date is past the calendar.
    NotApplicable,
}

/// The day `point` names, given the plan's dates, what has happened, the phases (absent while
/// the phases themselves are computed) and the hiring of the task's employee.
pub fn resolve_point(
    point: &Point,
    input: &PlanInput,
    facts: Option<&Facts>,
    phases: Option<&[Phase]>,
    hiring: Option<NaiveDate>,
) -> Resolved {
    let dates = &input.dates;
    let phase = |name| {
        phases
            .into_iter()
            .flatten()
            .find(|phase: &&Phase| phase.name == name)
    };
    let base = match &point.anchor {
        Anchor::Awarded => Some(dates.awarded),
        Anchor::Signed => Some(dates.signed),
        Anchor::OperationStart => Some(dates.operation_start),
        Anchor::End => Some(dates.end),
        Anchor::Completed(key) => match facts.and_then(|facts| facts.completed.get(key)) {
            Some(day) => Some(*day),
            None => return Resolved::Pending,
        },
        Anchor::Hiring => match hiring {
            Some(day) => Some(day),
            None => return Resolved::Pending,
        },
        Anchor::PhaseStart(name) => phase(*name).map(|phase| phase.range.from()),
        Anchor::PhaseEnd(name) => phase(*name).map(|phase| phase.range.end()),
    };
    let day = point
        .offsets
        .iter()
        .try_fold(base, |day, offset| day.map(|day| offset.apply(day)));
    match day.flatten() {
        Some(day) => Resolved::On(day),
        None => Resolved::NotApplicable,
    }
}

/// The plan of `template` for `input` and what has happened.
pub fn plan(template: &Template, input: &PlanInput, facts: &Facts) -> Plan {
    let phases = template
        .phases
        .as_ref()
        .map(|specs| phases(specs, input))
        .unwrap_or_default();
    let mut tasks = Vec::new();
    for (index, item) in template.items.iter().enumerate() {
        let context = ItemContext {
            item,
            index,
            input,
            facts,
            phases: &phases,
        };
        if matches!(item.due.anchor, Anchor::Hiring) && !facts.hirings.is_empty() {
            for hiring in &facts.hirings {
                context.push_tasks(Some((&hiring.employee, hiring.date)), &mut tasks);
            }
        } else {
            context.push_tasks(None, &mut tasks);
        }
    }
    // Stable: ties keep the template's order.
    tasks.sort_by_key(|task| (task.due.is_none(), task.due));
    Plan { phases, tasks }
}

struct ItemContext<'a> {
    item: &'a Item,
    index: usize,
    input: &'a PlanInput,
    facts: &'a Facts,
    phases: &'a [Phase],
}

impl ItemContext<'_> {
    fn resolve(&self, point: &Point, hiring: Option<NaiveDate>) -> Resolved {
        resolve_point(
            point,
            self.input,
            Some(self.facts),
            Some(self.phases),
            hiring,
        )
    }

    fn push_tasks(&self, hiring: Option<(&String, NaiveDate)>, tasks: &mut Vec<Task>) {
        let hiring_day = hiring.map(|(_, day)| day);
        let dues = match self.resolve(&self.item.due, hiring_day) {
            Resolved::NotApplicable => return,
            Resolved::Pending => vec![(None, TaskState::Open)],
            Resolved::On(first) => match &self.item.recurrence {
                None => vec![(Some(first), TaskState::Open)],
                Some(recurrence) => self
                    .occurrences(first, recurrence, hiring_day)
                    .into_iter()
                    .map(|(day, state)| (Some(day), state))
                    .collect(),
            },
        };
        for (due, state) in dues {
            if self
                .item
                .conditions
                .iter()
                .all(|condition| self.holds(*condition, due))
            {
                tasks.push(Task {
                    key: self.item.key.clone(),
                    item: self.index,
                    due,
                    timing: self.item.timing,
                    responsible: self.item.responsible,
                    employee: hiring.map(|(employee, _)| employee.clone()),
                    state,
                });
            }
        }
    }

    /// Every occurrence from `first` while before `until`; one whose period (the `every`
    /// before its due date, that day included) holds a call from the leader is not needed.
    fn occurrences(
        &self,
        first: NaiveDate,
        recurrence: &Recurrence,
        hiring: Option<NaiveDate>,
    ) -> Vec<(NaiveDate, TaskState)> {
        let Resolved::On(until) = self.resolve(&recurrence.until, hiring) else {
            return vec![(first, TaskState::Open)];
        };
        let mut occurrences = Vec::new();
        let mut due = Some(first);
        while let Some(day) = due.filter(|day| *day < until) {
            if occurrences.len() == MAX_OCCURRENCES {
                break;
            }
            let period_start = recurrence.every.reversed().apply(day);
            let called = recurrence.skip == Some(Skip::LeaderCalledFirst)
                && self
                    .facts
                    .leader_calls
                    .iter()
                    .any(|call| period_start.is_none_or(|start| start < *call) && *call <= day);
            let state = if called {
                TaskState::NotNeeded(NotNeeded::LeaderCalledFirst)
            } else {
                TaskState::Open
            };
            occurrences.push((day, state));
            due = recurrence.every.apply(day);
        }
        occurrences
    }

    /// Whether `condition` allows a task due on `due`; one without a date yet is kept.
    fn holds(&self, condition: Condition, due: Option<NaiveDate>) -> bool {
        let end = self.input.dates.end;
        match condition {
            Condition::OperatorNew => self.input.experience == Experience::New,
            Condition::OperatorExperienced => self.input.experience == Experience::Experienced,
            Condition::StillOperating => due.is_none_or(|due| due < end),
            Condition::BeforeClosing => {
                due.is_none_or(|due| due < closing_starts(self.phases, end))
            }
            Condition::HasEquipment => self.facts.has_equipment != Some(false),
        }
    }
}
