//! E-mail reminders of plan tasks (issue 15 item 8): which open tasks a reminder lists, the
//! address it goes to, and how long a failed mail waits before the next attempt.

use chrono::NaiveDate;

use crate::calendar::add_working_days;
use crate::error::{FieldError, Problem};
use crate::plans::{Timing, is_overdue};
use crate::registry::centre::check_email;

/// A reminder lists the tasks due within this many working days (R-CAL-1), and the overdue.
pub const DUE_SOON_WORKING_DAYS: u32 = 3;

/// Why a task is in a reminder.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Urgency {
    /// Its deadline has passed (SPEC §6's overdue).
    Overdue,
    /// Due today or within [`DUE_SOON_WORKING_DAYS`] working days.
    DueSoon,
}

/// Whether an open task belongs in a reminder on `today`: overdue, or with a deadline ("by")
/// no later than `working_days` working days after today. A "not before" date is when the task
/// may start, not a deadline, and a task without a date waits for an event: neither is listed.
pub fn urgency(
    due: Option<NaiveDate>,
    timing: Timing,
    today: NaiveDate,
    working_days: u32,
) -> Option<Urgency> {
    if is_overdue(due, timing, today) {
        return Some(Urgency::Overdue);
    }
    let due = due?;
    if timing != Timing::By || due < today {
        return None;
    }
    let horizon = add_working_days(today, working_days)?;
    (due <= horizon).then_some(Urgency::DueSoon)
}

/// The longest an e-mail address may be (RFC 5321's path limit).
pub const EMAIL_MAX_LEN: usize = 254;

/// A sane e-mail address, trimmed: the registry's check (one `@`, a local part, a domain with
/// a dot, no spaces) and none of `<>(),;:"[]\\` or control characters, which would let one field
/// name several recipients, a display name or another header.
pub fn valid_email(field: &str, text: &str) -> Result<String, FieldError> {
    let address = text.trim();
    check_email(field, address)?;
    if address.len() > EMAIL_MAX_LEN
        || address
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || "<>(),;:\"[]\\".contains(c))
    {
        return Err(FieldError::coded(
            field,
            Problem::NotEmail {
                email: address.to_owned(),
            },
        ));
    }
    Ok(address.to_owned())
}

/// How long a mail waits after its `attempts`th failed attempt: one minute, doubling, at most
/// six hours.
pub fn retry_delay(attempts: u32) -> chrono::Duration {
    let minutes = 1i64 << attempts.saturating_sub(1).min(9);
    chrono::Duration::minutes(minutes.min(6 * 60))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    #[test]
    fn reminder_urgency_lists_overdue_and_due_within_three_working_days() {
        // Friday 2026-11-20: three working days later is Wednesday 2026-11-25.
        let today = date("2026-11-20");
        let by = |day: &str| urgency(Some(date(day)), Timing::By, today, 3);
        assert_eq!(by("2026-11-19"), Some(Urgency::Overdue));
        assert_eq!(by("2026-11-20"), Some(Urgency::DueSoon));
        assert_eq!(by("2026-11-25"), Some(Urgency::DueSoon));
        assert_eq!(by("2026-11-26"), None);
    }

    #[test]
    fn reminder_urgency_counts_working_days_with_r_cal_1() {
        // Wednesday 2026-12-23: the 24th is a working day, the 25th and 26th are holidays (the
        // 26th a Saturday too) and the 27th a Sunday, so three working days later is Tuesday
        // 2026-12-29, not Monday the 28th as calendar days would have it.
        let today = date("2026-12-23");
        let by = |day: &str| urgency(Some(date(day)), Timing::By, today, 3);
        assert_eq!(by("2026-12-29"), Some(Urgency::DueSoon));
        assert_eq!(by("2026-12-30"), None);
    }

    #[test]
    fn reminder_urgency_skips_not_before_and_undated_tasks() {
        let today = date("2026-11-20");
        assert_eq!(
            urgency(Some(date("2026-11-10")), Timing::NotBefore, today, 3),
            None
        );
        assert_eq!(
            urgency(Some(date("2026-11-23")), Timing::NotBefore, today, 3),
            None
        );
        assert_eq!(urgency(None, Timing::By, today, 3), None);
    }

    #[test]
    fn valid_email_accepts_plain_addresses() {
        assert_eq!(
            valid_email("email", "  kari.nordmann@udi.no ").unwrap(),
            "kari.nordmann@udi.no"
        );
        assert!(valid_email("email", "a+b@sub.example.org").is_ok());
    }

    #[test]
    fn valid_email_refuses_what_is_not_one_address() {
        for text in [
            "",
            "kari",
            "@udi.no",
            "kari@",
            "kari@udi",
            "kari@@udi.no",
            "kari@udi..no",
            "kari@.udi.no",
            "kari nordmann@udi.no",
            "kari@udi.no, ola@udi.no",
            "Kari <kari@udi.no>",
            "kari@udi.no\r\nBcc: x@y.no",
        ] {
            let error = valid_email("email", text).unwrap_err();
            assert_eq!(error.field, "email");
            assert!(
                matches!(error.problem, Problem::NotEmail { .. }),
                "{text:?}"
            );
        }
        let long = format!("{}@udi.no", "a".repeat(250));
        assert!(valid_email("email", &long).is_err());
    }

    #[test]
    fn retry_delay_doubles_up_to_six_hours() {
        assert_eq!(retry_delay(1), chrono::Duration::minutes(1));
        assert_eq!(retry_delay(2), chrono::Duration::minutes(2));
        assert_eq!(retry_delay(4), chrono::Duration::minutes(8));
        assert_eq!(retry_delay(30), chrono::Duration::hours(6));
    }
}
