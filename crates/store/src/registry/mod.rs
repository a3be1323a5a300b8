//! The registry of operators and reception centres (SPEC §3).

mod address_list;
mod centre_fields;
mod centres;
mod columns;
mod history;
mod links;
mod old_counties;
mod operators;

pub use centre_fields::CentreFields;
pub use centres::{CentreFilter, CentreListRow, CentreRecord, CentreSort, NewCentre};
pub use history::{HistoryRecord, RecentChange};
pub use links::LinkedNumber;
pub use operators::{NewOperator, OperatorRecord};
