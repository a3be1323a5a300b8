//! Dates on the residents and occupancy pages: as shown (dd.mm.yyyy, SPEC §9) and as typed.

use mottak_domain::dates::parse_date;

use crate::pages::{display_date, parse_user_date};

/// A stored ISO date as shown.
pub fn show_date(stored: &str) -> String {
    parse_date(stored).map_or_else(|| stored.to_owned(), display_date)
}

/// A date typed as dd.mm.yyyy or yyyy-mm-dd, as the API takes it; anything else as typed, so
/// that the rule names it.
pub fn typed_date(text: &str) -> String {
    parse_user_date(text).map_or_else(|| text.trim().to_owned(), |date| date.to_string())
}
