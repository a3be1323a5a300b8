//! Staff accounts of operators (SPEC §1 R-AUTH-6, §6 R-PLN-1, §5 R-CLM-6): the operator orders
//! an account per employee, the region approves it once the e-learning is done, disables it when
//! the employee leaves or goes on leave; and an account linked to a centre works only in the
//! centre's windows.

use chrono::NaiveDate;

use crate::agreements::CentreWindows;
use crate::error::{FieldError, Problem};

/// Where an order for a staff account stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StaffStatus {
    /// Ordered by the operator, waiting for the region.
    Ordered,
    /// Approved: the user exists and may log in (in the window).
    Approved,
    /// Refused by the region, with a reason.
    Refused,
    /// Disabled when the employee left or went on leave.
    Disabled,
}

impl StaffStatus {
    pub fn code(self) -> &'static str {
        match self {
            StaffStatus::Ordered => "ordered",
            StaffStatus::Approved => "approved",
            StaffStatus::Refused => "refused",
            StaffStatus::Disabled => "disabled",
        }
    }

    pub fn from_code(code: &str) -> Option<StaffStatus> {
        [
            StaffStatus::Ordered,
            StaffStatus::Approved,
            StaffStatus::Refused,
            StaffStatus::Disabled,
        ]
        .into_iter()
        .find(|status| status.code() == code)
    }
}

/// Why an account is disabled (R-AUTH-6).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DisableReason {
    /// The employee left: the account stays disabled.
    Left,
    /// On leave: the account may be enabled again.
    Leave,
}

impl DisableReason {
    pub fn code(self) -> &'static str {
        match self {
            DisableReason::Left => "left",
            DisableReason::Leave => "leave",
        }
    }

    pub fn parse(code: &str) -> Result<DisableReason, FieldError> {
        match code.trim() {
            "left" => Ok(DisableReason::Left),
            "leave" => Ok(DisableReason::Leave),
            _ => Err(FieldError::coded("reason", Problem::LeftOrLeave)),
        }
    }
}

/// A step of an order's life.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StaffStep {
    Approve,
    Refuse,
    Disable,
    Enable,
}

/// The status after `step` from `status`; `None` when the step does not apply (409). Only an
/// account disabled for leave (not one whose employee left) is enabled again.
pub fn next_status(
    status: StaffStatus,
    reason: Option<DisableReason>,
    step: StaffStep,
) -> Option<StaffStatus> {
    match (status, step) {
        (StaffStatus::Ordered, StaffStep::Approve) => Some(StaffStatus::Approved),
        (StaffStatus::Ordered, StaffStep::Refuse) => Some(StaffStatus::Refused),
        (StaffStatus::Approved, StaffStep::Disable) => Some(StaffStatus::Disabled),
        (StaffStatus::Disabled, StaffStep::Enable) if reason == Some(DisableReason::Leave) => {
            Some(StaffStatus::Approved)
        }
        _ => None,
    }
}

/// What a staff account linked to a centre may do today (R-AUTH-6).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StaffAccess {
    /// Before the window: opens on this day (`None`: the centre has no agreement yet).
    NotYetOpen { opens: Option<NaiveDate> },
    /// Inside the window: everything the role may do.
    Open,
    /// After the staff window, before the claim window closes (R-CLM-6): claims and the
    /// approval of occupancy only; `closes` is the first day refused.
    ClaimsOnly { closes: NaiveDate },
    /// After the claim window: closed since this day.
    Closed { since: NaiveDate },
}

impl StaffAccess {
    /// Whether the account may log in at all.
    pub fn may_log_in(self) -> bool {
        matches!(self, StaffAccess::Open | StaffAccess::ClaimsOnly { .. })
    }
}

/// The access of a staff account of a centre with these windows (`centre_windows`) on `today`.
pub fn staff_access(windows: Option<CentreWindows>, today: NaiveDate) -> StaffAccess {
    let Some(windows) = windows else {
        return StaffAccess::NotYetOpen { opens: None };
    };
    let access = windows.staff_access;
    if today < access.from() {
        StaffAccess::NotYetOpen {
            opens: Some(access.from()),
        }
    } else if access.contains(today) {
        StaffAccess::Open
    } else if today < windows.claims_close {
        StaffAccess::ClaimsOnly {
            closes: windows.claims_close,
        }
    } else {
        StaffAccess::Closed {
            since: windows.claims_close,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::agreements::centre_windows;
    use crate::dates::{DateRange, parse_date};

    fn day(text: &str) -> NaiveDate {
        parse_date(text).unwrap()
    }

    /// One agreement from 1 March 2025 to 31 December 2025 (end exclusive 2026-01-01): staff
    /// from 22 February 2025 to 31 January 2026, claims until 31 March 2026.
    fn windows() -> Option<CentreWindows> {
        centre_windows([DateRange::new(day("2025-03-01"), day("2026-01-01")).unwrap()])
    }

    #[test]
    fn r_auth_6_refused_before_the_window() {
        assert_eq!(
            staff_access(windows(), day("2025-02-21")),
            StaffAccess::NotYetOpen {
                opens: Some(day("2025-02-22"))
            }
        );
        assert!(!staff_access(windows(), day("2025-02-21")).may_log_in());
        assert_eq!(
            staff_access(None, day("2025-02-21")),
            StaffAccess::NotYetOpen { opens: None }
        );
    }

    #[test]
    fn r_auth_6_open_inside_the_window_from_seven_days_before_the_start() {
        for today in ["2025-02-22", "2025-06-01", "2026-01-31"] {
            assert_eq!(
                staff_access(windows(), day(today)),
                StaffAccess::Open,
                "{today}"
            );
        }
    }

    #[test]
    fn r_auth_6_claims_only_in_the_tail_until_three_months_after_the_end() {
        for today in ["2026-02-01", "2026-03-31"] {
            assert_eq!(
                staff_access(windows(), day(today)),
                StaffAccess::ClaimsOnly {
                    closes: day("2026-04-01")
                },
                "{today}"
            );
        }
        assert!(staff_access(windows(), day("2026-02-01")).may_log_in());
    }

    #[test]
    fn r_auth_6_closed_after_the_claim_window() {
        let access = staff_access(windows(), day("2026-04-01"));
        assert_eq!(
            access,
            StaffAccess::Closed {
                since: day("2026-04-01")
            }
        );
        assert!(!access.may_log_in());
    }

    #[test]
    fn r_auth_6_orders_are_approved_or_refused_and_only_leave_is_enabled_again() {
        use StaffStatus::*;
        assert_eq!(
            next_status(Ordered, None, StaffStep::Approve),
            Some(Approved)
        );
        assert_eq!(next_status(Ordered, None, StaffStep::Refuse), Some(Refused));
        assert_eq!(next_status(Refused, None, StaffStep::Approve), None);
        assert_eq!(
            next_status(Approved, None, StaffStep::Disable),
            Some(Disabled)
        );
        assert_eq!(
            next_status(Disabled, Some(DisableReason::Leave), StaffStep::Enable),
            Some(Approved)
        );
        assert_eq!(
            next_status(Disabled, Some(DisableReason::Left), StaffStep::Enable),
            None
        );
        assert_eq!(next_status(Ordered, None, StaffStep::Disable), None);
    }
}
