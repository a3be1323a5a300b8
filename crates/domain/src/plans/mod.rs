//! Opening, closing and follow-up plans (SPEC §6, R-PLN-1…3): templates as versioned data
//! ([`template`]), the four built-in ones ([`builtin`]), and the pure engine that turns a
//! template and an agreement's dates into phases and tasks with due dates ([`engine`]).
//! Offsets count calendar days, working days (R-CAL-1), weeks or months, clamped to the
//! month's end ([`offset`]); phases are half-open, the closing phase winning where start-up
//! and closing overlap ([`phases`]).

pub mod builtin;
pub mod engine;
pub mod input;
pub mod offset;
pub mod orders;
pub mod phases;
pub mod preview;
pub mod revision;
pub mod routing;
pub mod start;
pub mod template;

#[cfg(test)]
mod tests;

pub use builtin::{TEMPLATE_KEYS, builtin};
pub use engine::{NotNeeded, Plan, Task, TaskState, plan};
pub use input::{Experience, Facts, Hiring, PlanDates, PlanInput, is_overdue, work_order};
pub use phases::Phase;
pub use preview::{PreviewInput, PreviewRequest};
pub use template::{PhaseName, Responsible, Team, Template, Timing};
