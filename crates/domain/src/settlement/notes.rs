//! R-SET-8: notes on a person (resident) and on a municipality's decision, beside the notes on
//! offers (`threads`). A note belongs to the side that writes it and, within a side, to the
//! municipality or the centre's operator that wrote it: only they read it. Who reaches the
//! subject at all is the subject's own rule — a person's as for the person folder
//! (`may_read_folder`), a decision's IMDi's and its municipality's.

use super::threads::Side;

/// What a note is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoteSubject {
    Resident,
    Decision,
}

impl NoteSubject {
    pub fn code(self) -> &'static str {
        match self {
            NoteSubject::Resident => "resident",
            NoteSubject::Decision => "decision",
        }
    }
}

/// Whose notes: a side, and for the municipality its number, for the centre its operator.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NoteOwner {
    pub side: Side,
    pub municipality_number: Option<String>,
    pub operator_dro: Option<i64>,
}

impl NoteOwner {
    pub fn imdi() -> NoteOwner {
        NoteOwner {
            side: Side::Imdi,
            municipality_number: None,
            operator_dro: None,
        }
    }

    pub fn municipality(number: &str) -> NoteOwner {
        NoteOwner {
            side: Side::Municipality,
            municipality_number: Some(number.to_owned()),
            operator_dro: None,
        }
    }

    pub fn centre(operator_dro: i64) -> NoteOwner {
        NoteOwner {
            side: Side::Centre,
            municipality_number: None,
            operator_dro: Some(operator_dro),
        }
    }
}

/// Whether `reader` reads a note `writer` wrote: the same side, and for a municipality the same
/// municipality, for a centre the same operator.
pub fn may_read_note(writer: &NoteOwner, reader: &NoteOwner) -> bool {
    writer.side == reader.side
        && match reader.side {
            Side::Imdi => true,
            Side::Municipality => writer.municipality_number == reader.municipality_number,
            Side::Centre => writer.operator_dro == reader.operator_dro,
        }
}

/// Who keeps notes on a decision: IMDi, and the municipality on its own decision; a centre has
/// no part in decisions.
pub fn may_note_decision(side: Side, own_decision: bool) -> bool {
    match side {
        Side::Imdi => true,
        Side::Municipality => own_decision,
        Side::Centre => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn r_set_8_a_note_is_read_by_its_writer_side_only() {
        let bergen = NoteOwner::municipality("4601");
        assert!(may_read_note(&bergen, &NoteOwner::municipality("4601")));
        assert!(!may_read_note(&bergen, &NoteOwner::municipality("0301")));
        assert!(!may_read_note(&bergen, &NoteOwner::imdi()));
        assert!(may_read_note(&NoteOwner::imdi(), &NoteOwner::imdi()));
        assert!(!may_read_note(&NoteOwner::imdi(), &bergen));
        assert!(may_read_note(
            &NoteOwner::centre(1000),
            &NoteOwner::centre(1000)
        ));
        assert!(!may_read_note(
            &NoteOwner::centre(1000),
            &NoteOwner::centre(1001)
        ));
    }

    #[test]
    fn r_set_8_imdi_and_the_own_municipality_keep_notes_on_a_decision() {
        assert!(may_note_decision(Side::Imdi, false));
        assert!(may_note_decision(Side::Municipality, true));
        assert!(!may_note_decision(Side::Municipality, false));
        assert!(!may_note_decision(Side::Centre, true));
        assert_eq!(NoteSubject::Decision.code(), "decision");
    }
}
