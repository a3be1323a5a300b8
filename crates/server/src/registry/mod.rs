//! Registry operations (SPEC §3) shared by the API, the pages, the import and the demo: each
//! validates with the domain's rules, writes in one transaction with its event, and returns
//! what the caller shows.

mod centre_update;
mod centres;
mod error;
pub mod import;
mod lifecycle;
mod lifecycle_request;
mod operators;
pub mod scope;
mod snapshot;

pub use centre_update::{CentrePatch, update_centre};
pub use centres::{CentreInput, create_centre};
pub use error::RegistryError;
pub use lifecycle::{LifecycleOutcome, LifecycleRequest, apply_lifecycle, plan_lifecycle};
pub use operators::{OperatorInput, create_operator, update_operator};

/// Today as stored (reference data is looked up by validity on this date).
/// Today in Norway, `YYYY-MM-DD` (SPEC §9), for reference data valid on a day.
use crate::input::non_blank;

pub(crate) fn today() -> String {
    mottak_domain::calendar::norwegian_date(chrono::Utc::now()).to_string()
}

/// Trims; an empty string is absent ([`non_blank`] for an optional member).
pub(crate) fn optional(text: &Option<String>) -> Option<String> {
    text.as_deref().and_then(non_blank)
}
