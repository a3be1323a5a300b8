//! R-SET-8: notes and message threads on an offer. Three channels: a side's own notes, IMDi and
//! the municipality's thread, and — after the yes — the municipality and the centre's thread on
//! the practical preparation, which IMDi reads too. Each new message notifies the other side.

use crate::error::{FieldError, Problem};

/// Who a caller speaks for in settlement.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    Imdi,
    Municipality,
    Centre,
}

impl Side {
    pub fn code(self) -> &'static str {
        match self {
            Side::Imdi => "imdi",
            Side::Municipality => "municipality",
            Side::Centre => "centre",
        }
    }

    pub fn parse(code: &str) -> Option<Side> {
        [Side::Imdi, Side::Municipality, Side::Centre]
            .into_iter()
            .find(|side| side.code() == code)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Channel {
    /// Notes of the side that writes them, read by that side only.
    Note,
    /// IMDi and the municipality (R-SET-8).
    Imdi,
    /// The municipality and the centre where the household lives, after the yes.
    Centre,
}

impl Channel {
    pub const ALL: [Channel; 3] = [Channel::Note, Channel::Imdi, Channel::Centre];

    pub fn code(self) -> &'static str {
        match self {
            Channel::Note => "note",
            Channel::Imdi => "imdi",
            Channel::Centre => "centre",
        }
    }

    /// 400 naming `channel` for anything else.
    pub fn parse(code: &str) -> Result<Channel, FieldError> {
        Channel::ALL
            .into_iter()
            .find(|channel| channel.code() == code.trim())
            .ok_or_else(|| FieldError::coded("channel", Problem::Channel))
    }

    /// Whether `side` reads the channel of an offer (`accepted`: the municipality said yes).
    pub fn readable_by(self, side: Side, accepted: bool) -> bool {
        match self {
            Channel::Note => true,
            Channel::Imdi => side != Side::Centre,
            Channel::Centre => accepted,
        }
    }

    /// Whether `side` writes in the channel: IMDi reads the centre thread but does not write.
    pub fn writable_by(self, side: Side, accepted: bool) -> bool {
        self.readable_by(side, accepted) && !(self == Channel::Centre && side == Side::Imdi)
    }

    /// Who a new message by `author` notifies; notes notify no one.
    pub fn recipient(self, author: Side) -> Option<Side> {
        match (self, author) {
            (Channel::Imdi, Side::Imdi) => Some(Side::Municipality),
            (Channel::Imdi, Side::Municipality) => Some(Side::Imdi),
            (Channel::Centre, Side::Municipality) => Some(Side::Centre),
            (Channel::Centre, Side::Centre) => Some(Side::Municipality),
            _ => None,
        }
    }
}

const BODY_MAX: usize = 4000;

/// A message's text: required, at most 4000 characters.
pub fn validate_body(body: &str) -> Result<String, FieldError> {
    let body = body.trim();
    if body.is_empty() {
        return Err(FieldError::coded("body", Problem::Required));
    }
    if body.chars().count() > BODY_MAX {
        return Err(FieldError::coded(
            "body",
            Problem::TooLong { max: BODY_MAX },
        ));
    }
    Ok(body.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn r_set_8_imdi_and_the_municipality_keep_a_thread_the_centre_does_not_see() {
        assert!(Channel::Imdi.writable_by(Side::Imdi, false));
        assert!(Channel::Imdi.writable_by(Side::Municipality, false));
        assert!(!Channel::Imdi.readable_by(Side::Centre, true));
        assert_eq!(
            Channel::Imdi.recipient(Side::Imdi),
            Some(Side::Municipality)
        );
        assert_eq!(
            Channel::Imdi.recipient(Side::Municipality),
            Some(Side::Imdi)
        );
    }

    #[test]
    fn r_set_8_after_the_yes_the_municipality_and_the_centre_keep_a_thread_imdi_reads() {
        assert!(!Channel::Centre.readable_by(Side::Municipality, false));
        assert!(Channel::Centre.writable_by(Side::Municipality, true));
        assert!(Channel::Centre.writable_by(Side::Centre, true));
        assert!(Channel::Centre.readable_by(Side::Imdi, true));
        assert!(!Channel::Centre.writable_by(Side::Imdi, true));
        assert_eq!(
            Channel::Centre.recipient(Side::Centre),
            Some(Side::Municipality)
        );
    }

    #[test]
    fn r_set_8_notes_notify_no_one_and_a_message_needs_text() {
        assert_eq!(Channel::Note.recipient(Side::Imdi), None);
        assert_eq!(validate_body("  ").unwrap_err().field, "body");
        assert!(validate_body(&"x".repeat(4001)).is_err());
        assert_eq!(
            validate_body(" arrival 3 March ").unwrap(),
            "arrival 3 March"
        );
        assert_eq!(Channel::parse("post").unwrap_err().field, "channel");
        assert_eq!(Side::parse("centre"), Some(Side::Centre));
    }
}
