//! The words of the residents and occupancy pages that the operations do not say: field errors
//! in the user's language, and dates as shown (dd.mm.yyyy, SPEC §9) and as typed.

use mottak_domain::dates::parse_date;
use mottak_domain::error::{FieldError, Problem};

use crate::pages::{Shell, display_date, parse_user_date};
use crate::routes::registry::FormErrors;

/// The rules' messages, by their fixed beginnings, and the catalogue key that words each.
const MESSAGES: &[(&str, &str)] = &[
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
];

/// A rule's message in the user's language; one the catalogue lacks is shown as it is.
pub fn message(shell: &Shell, message: &str) -> String {
    MESSAGES
        .iter()
        .find(|(english, _)| message.starts_with(english) || message.ends_with(english))
        .map_or_else(|| message.to_owned(), |(_, key)| shell.t(key).to_owned())
}

/// Every error in the user's language: codes from the catalogue, a conflict's sentence by its
/// beginning.
pub fn translated(shell: &Shell, errors: Vec<FieldError>) -> FormErrors {
    let mut form = FormErrors::from_fields(errors.iter().cloned(), shell.lang);
    for (shown, error) in form.errors.iter_mut().zip(&errors) {
        if matches!(error.problem, Problem::Text(_)) {
            shown.message = message(shell, &error.message);
        }
    }
    form
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
