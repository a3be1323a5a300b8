//! The free-text fields of centres and operators: a length limit on each, and the two that have
//! a shape, phone numbers and IP addresses. Checked with the registration or change, every
//! invalid field at once.
//!
//! Decisions where the SPEC is silent: 200 characters for names, addresses, the leader, the
//! mailbox and the accounting codes; 254 for an e-mail address (RFC 5321's path limit). A phone
//! number has digits, spaces and `+` only (a leading `+` for the country code is the common
//! case, but `+` is accepted anywhere), and at least 8 digits; an IP address is IPv4 or IPv6.

use std::net::IpAddr;

use crate::error::{FieldError, Problem};

/// The longest name, address or other free text.
pub const TEXT_MAX: usize = 200;
/// The longest e-mail address.
pub const EMAIL_MAX: usize = 254;
/// The fewest digits of a phone number (Norwegian numbers have eight).
pub const PHONE_MIN_DIGITS: usize = 8;

/// Every problem of the given free texts, `(field, text)`, in the order given; absent and
/// empty texts are not checked. The field name says the shape: `phone`, `ip_address`, `email`.
pub fn check_free_texts(fields: &[(&str, Option<&str>)]) -> Vec<FieldError> {
    fields
        .iter()
        .filter_map(|(field, text)| Some((*field, text.map(str::trim)?)))
        .filter(|(_, text)| !text.is_empty())
        .filter_map(|(field, text)| check_free_text(field, text).err())
        .collect()
}

/// One free text: its length, and its shape when the field has one.
pub fn check_free_text(field: &str, text: &str) -> Result<(), FieldError> {
    let max = if field == "email" {
        EMAIL_MAX
    } else {
        TEXT_MAX
    };
    if text.chars().count() > max {
        return Err(FieldError::coded(field, Problem::TooLong { max }));
    }
    match field {
        "phone" => check_phone(field, text),
        "ip_address" => check_ip_address(field, text),
        _ => Ok(()),
    }
}

/// Digits, spaces and `+`, at least [`PHONE_MIN_DIGITS`] digits.
pub fn check_phone(field: &str, text: &str) -> Result<(), FieldError> {
    let allowed = text
        .chars()
        .all(|c| c.is_ascii_digit() || c == ' ' || c == '+');
    let digits = text.chars().filter(char::is_ascii_digit).count();
    if allowed && digits >= PHONE_MIN_DIGITS {
        Ok(())
    } else {
        let text = text.to_owned();
        Err(FieldError::coded(field, Problem::Phone { text }))
    }
}

/// An IPv4 or IPv6 address.
pub fn check_ip_address(field: &str, text: &str) -> Result<(), FieldError> {
    match text.parse::<IpAddr>() {
        Ok(_) => Ok(()),
        Err(_) => {
            let text = text.to_owned();
            Err(FieldError::coded(field, Problem::IpAddress { text }))
        }
    }
}
