//! Settlement (SPEC §7): data processing agreements and the municipalities' profiles
//! (`agreements`), yearly requests and decisions (`cases`), offers (`offers`) and the report's
//! sums (`report`). Dates cross as ISO 8601 text, flags as 0/1.

mod agreements;
mod cases;
mod folders;
mod messages;
mod notes;
mod offers;
mod placement;
mod report;

pub use agreements::{DataProcessingAgreementRecord, SettlementProfile};
pub use cases::{DecisionRecord, NewYearlyNumbers, RequestRecord};
pub use folders::SettlementRecord;
pub use messages::{Inbox, MessageRecord, NewMessage};
pub use notes::{NewNote, NoteRecord};
pub use offers::{NewOffer, OfferMemberRecord, OfferRecord};
pub use placement::{HouseholdOfferRow, PlacementResidentRow};
pub use report::ReportRow;
