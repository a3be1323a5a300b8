//! R-OCC-3: the centre approves a month's occupancy while the claim window is open; an approved
//! month changes only by UDI. R-CLM-6: the window closes three months after the latest end of the
//! centre's agreements.

use chrono::{Months, NaiveDate};

/// Why an approval or a change is refused (409).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ApprovalRefusal {
    /// R-CLM-6: the claim window closed on this day.
    WindowClosed { closed: NaiveDate },
    /// R-OCC-3: the month is approved and the caller is not UDI.
    Approved,
}

/// R-CLM-6: the first day on which claims (and approvals) are no longer accepted, three months
/// after the latest agreement end (exclusive end or stop date); `None` while no agreement ends.
pub fn claim_window_closes(latest_agreement_end: Option<NaiveDate>) -> Option<NaiveDate> {
    latest_agreement_end.map(|end| {
        end.checked_add_months(Months::new(3))
            .unwrap_or(NaiveDate::MAX)
    })
}

/// R-OCC-3: approving is possible until the window closes.
pub fn may_approve(today: NaiveDate, closes: Option<NaiveDate>) -> Result<(), ApprovalRefusal> {
    match closes {
        Some(closed) if today >= closed => Err(ApprovalRefusal::WindowClosed { closed }),
        _ => Ok(()),
    }
}

/// R-OCC-3: an approved month changes only by UDI (admin, udi_adm); an operator changes a
/// month only while the window is open. UDI corrects after it too (the event log keeps both).
pub fn may_change(
    approved: bool,
    by_udi: bool,
    today: NaiveDate,
    closes: Option<NaiveDate>,
) -> Result<(), ApprovalRefusal> {
    if approved && !by_udi {
        return Err(ApprovalRefusal::Approved);
    }
    if by_udi {
        Ok(())
    } else {
        may_approve(today, closes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dates::parse_date;

    fn day(text: &str) -> NaiveDate {
        parse_date(text).unwrap()
    }

    #[test]
    fn r_clm_6_the_window_closes_three_months_after_the_latest_end() {
        assert_eq!(
            claim_window_closes(Some(day("2026-01-01"))),
            Some(day("2026-04-01"))
        );
        assert_eq!(
            claim_window_closes(Some(day("2025-11-30"))),
            Some(day("2026-02-28"))
        );
        assert_eq!(claim_window_closes(None), None);
    }

    #[test]
    fn r_occ_3_approval_is_possible_until_the_window_closes() {
        let closes = claim_window_closes(Some(day("2026-01-01")));
        assert_eq!(may_approve(day("2026-03-31"), closes), Ok(()));
        assert_eq!(
            may_approve(day("2026-04-01"), closes),
            Err(ApprovalRefusal::WindowClosed {
                closed: day("2026-04-01")
            })
        );
        assert_eq!(may_approve(day("2099-01-01"), None), Ok(()));
    }

    #[test]
    fn r_occ_3_an_approved_month_changes_only_by_udi() {
        let today = day("2026-03-01");
        assert_eq!(may_change(false, false, today, None), Ok(()));
        assert_eq!(
            may_change(true, false, today, None),
            Err(ApprovalRefusal::Approved)
        );
        assert_eq!(may_change(true, true, today, None), Ok(()));
    }

    #[test]
    fn r_occ_3_after_the_window_an_operator_changes_nothing() {
        let closes = Some(day("2026-01-01"));
        assert!(may_change(false, false, day("2026-02-01"), closes).is_err());
    }
}
