//! Settlement (SPEC §7, seed 003): the municipalities' data processing agreements (R-AUTH-3),
//! yearly requests and decisions (R-SET-1, R-SET-2), offers of households (R-SET-3) and the
//! yearly report (R-SET-7), as pure rules. The server loads what a rule needs and writes what it
//! decides; nothing here reads a clock: "today" is passed in.

pub mod agreement;
pub mod cases;
pub mod folder;
pub mod import;
pub mod letters;
pub mod notes;
pub mod offers;
pub mod placement;
pub mod report;
pub mod threads;

pub use agreement::{DataProcessingAgreement, agreement_in_force};
pub use cases::{YearlyNumbers, validate_numbers};
pub use folder::{Folder, FolderReader, may_read_folder, validate_folder};
pub use letters::{DecisionRefusal, Recipient, may_decide};
pub use offers::{Answer, OfferStatus, age_on, parse_answer, remaining_room};
pub use report::{Figure, Figures, county_figures, national_figures};

#[cfg(test)]
mod tests;
