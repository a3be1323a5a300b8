//! R-SET-4: after the municipality's yes IMDi makes the settlement decision (bosettingsvedtak),
//! once per offer; the letters to the persons and to the municipality follow from it.

use super::offers::OfferStatus;
use crate::problem::Problem;

/// Why IMDi cannot make the settlement decision on an offer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DecisionRefusal {
    /// Only an accepted offer (the municipality's yes) can be decided; the status it has.
    NotAccepted(OfferStatus),
    AlreadyDecided,
}

impl DecisionRefusal {
    /// The refusal as a code (409).
    pub fn problem(self) -> Problem {
        match self {
            DecisionRefusal::NotAccepted(status) => Problem::OfferNotAcceptedForDecision {
                status: status.code().to_owned(),
            },
            DecisionRefusal::AlreadyDecided => Problem::AlreadyDecided,
        }
    }
}

/// R-SET-4: IMDi decides an offer the municipality accepted, and only once.
pub fn may_decide(status: OfferStatus, decided: bool) -> Result<(), DecisionRefusal> {
    if status != OfferStatus::Accepted {
        return Err(DecisionRefusal::NotAccepted(status));
    }
    if decided {
        return Err(DecisionRefusal::AlreadyDecided);
    }
    Ok(())
}

/// Who a settlement letter is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Recipient {
    Municipality,
    /// One of the offer's persons, by resident id.
    Resident(i64),
}

impl Recipient {
    pub fn code(self) -> &'static str {
        match self {
            Recipient::Municipality => "municipality",
            Recipient::Resident(_) => "resident",
        }
    }

    /// A letter to a person goes only to a person the offer names.
    pub fn addressable(self, members: &[i64]) -> bool {
        match self {
            Recipient::Municipality => true,
            Recipient::Resident(id) => members.contains(&id),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn r_set_4_the_settlement_decision_follows_a_yes_and_is_made_once() {
        assert_eq!(may_decide(OfferStatus::Accepted, false), Ok(()));
        assert_eq!(
            may_decide(OfferStatus::Accepted, true),
            Err(DecisionRefusal::AlreadyDecided)
        );
        for status in [
            OfferStatus::Open,
            OfferStatus::Declined,
            OfferStatus::Expired,
        ] {
            assert_eq!(
                may_decide(status, false),
                Err(DecisionRefusal::NotAccepted(status))
            );
        }
        assert!(
            DecisionRefusal::NotAccepted(OfferStatus::Open)
                .problem()
                .english()
                .contains("open")
        );
    }

    #[test]
    fn r_set_4_a_letter_to_a_person_goes_only_to_a_person_the_offer_names() {
        assert!(Recipient::Municipality.addressable(&[]));
        assert!(Recipient::Resident(7).addressable(&[3, 7]));
        assert!(!Recipient::Resident(8).addressable(&[3, 7]));
        assert_eq!(Recipient::Resident(7).code(), "resident");
    }
}
