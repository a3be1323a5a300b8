//! The words of the residents and occupancy pages that the operations do not say: field errors
//! in the user's language, and dates as shown (dd.mm.yyyy, SPEC §9) and as typed.

use mottak_domain::dates::parse_date;
use mottak_domain::error::FieldError;

use crate::pages::{Shell, display_date, parse_user_date};
use crate::routes::registry::FormErrors;

/// The rules' messages, by their fixed beginnings, and the catalogue key that words each.
const MESSAGES: &[(&str, &str)] = &[
    ("must be exactly 12 digits", "residents.error.duf_number"),
    ("must not be blank", "residents.error.blank"),
    ("must be at most", "residents.error.too_long"),
    ("must be a date", "residents.error.date"),
    ("must not be in the future", "residents.error.future"),
    ("must be female, male or unknown", "residents.error.gender"),
    ("must be after from", "residents.error.to_after_from"),
    (
        "a resident with this DUF number",
        "residents.error.duf_taken",
    ),
    ("no centre you may", "residents.error.centre"),
    ("the stay overlaps", "residents.error.overlap"),
    (
        "the stay changes an approved month",
        "residents.error.approved",
    ),
    ("the month is approved", "occupancy.error.approved"),
    ("the claim window closed", "occupancy.error.window"),
    ("the centre has residents' stays", "occupancy.error.stays"),
    ("must be date;residents", "occupancy.error.line"),
    ("the date must be a day of", "occupancy.error.day"),
    ("must be a day of", "occupancy.error.day"),
    ("residents must be a whole number", "occupancy.error.count"),
    ("must be a whole number", "occupancy.error.count"),
    ("is listed twice", "occupancy.error.twice"),
];

/// A rule's message in the user's language; one the catalogue lacks is shown as it is.
pub fn message(shell: &Shell, message: &str) -> String {
    MESSAGES
        .iter()
        .find(|(english, _)| message.starts_with(english) || message.ends_with(english))
        .map_or_else(|| message.to_owned(), |(_, key)| shell.t(key).to_owned())
}

pub fn translated(shell: &Shell, errors: Vec<FieldError>) -> FormErrors {
    FormErrors::from_fields(
        errors
            .into_iter()
            .map(|error| FieldError::new(error.field, message(shell, &error.message))),
    )
}

/// A stored ISO date as shown.
pub fn show_date(stored: &str) -> String {
    parse_date(stored).map_or_else(|| stored.to_owned(), display_date)
}

/// A date typed as dd.mm.yyyy or yyyy-mm-dd, as the API takes it; anything else as typed, so
/// that the rule names it.
pub fn typed_date(text: &str) -> String {
    parse_user_date(text).map_or_else(|| text.trim().to_owned(), |date| date.to_string())
}
