//! Offers of households to a municipality (R-SET-3): the room a decision leaves, the answer,
//! the status as of a day, and what the municipality may see of the persons before its yes.

use chrono::{Datelike, NaiveDate};

use crate::dates::parse_date;
use crate::error::{FieldError, Problem};

/// An offer's status on a day. `Expired` is derived: an open offer whose deadline has passed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OfferStatus {
    Open,
    Accepted,
    Declined,
    Expired,
}

impl OfferStatus {
    pub fn code(self) -> &'static str {
        match self {
            OfferStatus::Open => "open",
            OfferStatus::Accepted => "accepted",
            OfferStatus::Declined => "declined",
            OfferStatus::Expired => "expired",
        }
    }

    /// The status of an offer stored with `answer` (`open`, `accepted`, `declined`) on `today`:
    /// an unanswered offer expires after its deadline day.
    pub fn on(answer: &str, deadline: NaiveDate, today: NaiveDate) -> OfferStatus {
        match answer {
            "accepted" => OfferStatus::Accepted,
            "declined" => OfferStatus::Declined,
            _ if today > deadline => OfferStatus::Expired,
            _ => OfferStatus::Open,
        }
    }

    /// Open and accepted offers hold room in the decision; declined and expired free it.
    pub fn holds_room(self) -> bool {
        matches!(self, OfferStatus::Open | OfferStatus::Accepted)
    }

    /// After a no the municipality no longer sees the offer's persons (R-SET-3).
    pub fn shows_members(self) -> bool {
        self != OfferStatus::Declined
    }
}

/// R-SET-3: the decided persons minus the persons of that year's offers that are open or
/// accepted. Negative when a decision was lowered below what is already offered.
pub fn remaining_room(decided_persons: i64, offers: &[(i64, OfferStatus)]) -> i64 {
    let held: i64 = offers
        .iter()
        .filter(|(_, status)| status.holds_room())
        .map(|(persons, _)| persons)
        .sum();
    decided_persons - held
}

/// A municipality's answer: a household is accepted or declined as a whole; a no has a reason.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Answer {
    Yes,
    No { reason: String },
}

impl Answer {
    /// The stored answer.
    pub fn stored(&self) -> &'static str {
        match self {
            Answer::Yes => "accepted",
            Answer::No { .. } => "declined",
        }
    }
}

const REASON_MAX: usize = 2000;

/// R-SET-3: `yes` or `no`; `no` needs a reason (400 naming `reason`).
pub fn parse_answer(answer: &str, reason: Option<&str>) -> Result<Answer, FieldError> {
    let reason = reason.map(str::trim).unwrap_or_default();
    match answer.trim() {
        "yes" => Ok(Answer::Yes),
        "no" if reason.is_empty() => Err(FieldError::coded("reason", Problem::ReasonForNo)),
        "no" if reason.chars().count() > REASON_MAX => Err(FieldError::coded(
            "reason",
            Problem::TooLong { max: REASON_MAX },
        )),
        "no" => Ok(Answer::No {
            reason: reason.to_owned(),
        }),
        "" => Err(FieldError::coded("answer", Problem::Required)),
        _ => Err(FieldError::coded("answer", Problem::YesOrNo)),
    }
}

/// An offer's deadline: a date, not before the day it is offered.
pub fn validate_deadline(text: &str, today: NaiveDate) -> Result<NaiveDate, FieldError> {
    if text.trim().is_empty() {
        return Err(FieldError::coded("deadline", Problem::Required));
    }
    let deadline =
        parse_date(text.trim()).ok_or_else(|| FieldError::coded("deadline", Problem::Date))?;
    if deadline < today {
        return Err(FieldError::coded("deadline", Problem::NotInThePast));
    }
    Ok(deadline)
}

/// Whole years of age on a day (a birthday on 29 February counts from 1 March in other years).
pub fn age_on(birth_date: NaiveDate, on: NaiveDate) -> i64 {
    let mut age = i64::from(on.year() - birth_date.year());
    if (on.month(), on.day()) < (birth_date.month(), birth_date.day()) {
        age -= 1;
    }
    age.max(0)
}
