//! Stored agreements (SPEC §4): the operations the API, the pages and the demo share. Each is
//! **load snapshot → domain decides → write**: the centres the units name and the other
//! agreements of those centres (read under the write lock) are the snapshot; the domain's
//! `AgreementInput::validate`, `proposed_name` and `check_against_others` decide; one
//! `WriteTx` writes the new version with its event.

mod scope;
mod write;

pub use scope::{may_see, visible_agreement};
pub use write::{Created, create_agreement, give_notice, update_agreement};
