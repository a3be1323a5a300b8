//! Residents (beboere, SPEC §5): the DUF number that identifies them and the validation of a new
//! resident's record, every invalid field at once.

use std::fmt;

use chrono::NaiveDate;
use serde::Deserialize;

use crate::dates::parse_date;
use crate::error::{FieldError, FieldErrors, Problem};

/// The longest name or household key accepted, in characters.
pub const MAX_NAME_CHARS: usize = 100;
pub const MAX_HOUSEHOLD_CHARS: usize = 64;

/// A DUF number (DUF-nummer): the twelve digits UDI's case system gives every applicant.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DufNumber(String);

impl DufNumber {
    pub fn parse(text: &str) -> Result<DufNumber, FieldError> {
        let text = text.trim();
        if text.len() == 12 && text.bytes().all(|byte| byte.is_ascii_digit()) {
            Ok(DufNumber(text.to_owned()))
        } else {
            Err(FieldError::coded("duf_number", Problem::DufNumber))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for DufNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Gender as registered, with the API codes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gender {
    Female,
    Male,
    Unknown,
}

impl Gender {
    pub const ALL: [Gender; 3] = [Gender::Female, Gender::Male, Gender::Unknown];

    pub fn code(self) -> &'static str {
        match self {
            Gender::Female => "female",
            Gender::Male => "male",
            Gender::Unknown => "unknown",
        }
    }

    pub fn from_code(code: &str) -> Option<Gender> {
        Gender::ALL.into_iter().find(|gender| gender.code() == code)
    }
}

/// A new resident as the API and the form give it. Members are optional in the body so that a
/// missing one is reported with every other invalid field.
// Before validation: `validate_resident` judges it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = ResidentInput))]
#[serde(default)]
pub struct ResidentDraft {
    /// Twelve digits.
    pub duf_number: String,
    pub given_name: String,
    pub family_name: String,
    /// `YYYY-MM-DD`, not in the future.
    #[cfg_attr(feature = "openapi", schema(format = Date))]
    pub birth_date: String,
    /// `female`, `male` or `unknown`.
    pub gender: String,
    /// A key the members of one household share.
    pub household: String,
}

/// A resident's record, valid.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Resident {
    pub duf_number: DufNumber,
    pub given_name: String,
    pub family_name: String,
    pub birth_date: NaiveDate,
    pub gender: Gender,
    /// The key the members of one household share.
    pub household: String,
}

fn bounded_text(field: &str, text: &str, max: usize) -> Result<String, FieldError> {
    let text = text.trim();
    if text.is_empty() {
        Err(FieldError::coded(field, Problem::Required))
    } else if text.chars().count() > max {
        Err(FieldError::coded(field, Problem::TooLong { max }))
    } else {
        Ok(text.to_owned())
    }
}

/// Judges a new resident against `today` (a birth date cannot be in the future) and returns the
/// record, or every invalid field in the order of the form.
pub fn validate_resident(
    draft: &ResidentDraft,
    today: NaiveDate,
) -> Result<Resident, Vec<FieldError>> {
    let mut errors = FieldErrors::default();
    let duf_number = errors.check(DufNumber::parse(&draft.duf_number));
    let given_name = errors.check(bounded_text(
        "given_name",
        &draft.given_name,
        MAX_NAME_CHARS,
    ));
    let family_name = errors.check(bounded_text(
        "family_name",
        &draft.family_name,
        MAX_NAME_CHARS,
    ));
    let birth_date = errors.check(match parse_date(draft.birth_date.trim()) {
        None => Err(FieldError::coded("birth_date", Problem::Date)),
        Some(date) if date > today => Err(FieldError::coded("birth_date", Problem::InTheFuture)),
        Some(date) => Ok(date),
    });
    let gender = errors.check(
        Gender::from_code(draft.gender.trim())
            .ok_or_else(|| FieldError::coded("gender", Problem::Gender)),
    );
    let household = errors.check(bounded_text(
        "household",
        &draft.household,
        MAX_HOUSEHOLD_CHARS,
    ));
    errors.into_result(|| Resident {
        duf_number: duf_number.expect("checked"),
        given_name: given_name.expect("checked"),
        family_name: family_name.expect("checked"),
        birth_date: birth_date.expect("checked"),
        gender: gender.expect("checked"),
        household: household.expect("checked"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        parse_date("2026-12-02").unwrap()
    }

    fn draft() -> ResidentDraft {
        ResidentDraft {
            duf_number: "202412345678".into(),
            given_name: " Amina ".into(),
            family_name: "Haile".into(),
            birth_date: "1990-04-01".into(),
            gender: "female".into(),
            household: "H-1".into(),
        }
    }

    #[test]
    fn r_occ_1_a_duf_number_is_twelve_digits() {
        assert_eq!(
            DufNumber::parse("202412345678").unwrap().as_str(),
            "202412345678"
        );
        for bad in ["20241234567", "2024123456789", "20241234567x", ""] {
            assert!(DufNumber::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn r_occ_1_a_valid_resident_is_trimmed() {
        let resident = validate_resident(&draft(), today()).unwrap();
        assert_eq!(resident.given_name, "Amina");
        assert_eq!(resident.gender, Gender::Female);
    }

    #[test]
    fn r_occ_1_every_invalid_field_is_reported_at_once_in_form_order() {
        let bad = ResidentDraft {
            duf_number: "123".into(),
            given_name: " ".into(),
            family_name: "x".repeat(MAX_NAME_CHARS + 1),
            birth_date: "2026-12-03".into(),
            gender: "other".into(),
            household: String::new(),
        };
        let fields: Vec<String> = validate_resident(&bad, today())
            .unwrap_err()
            .into_iter()
            .map(|error| error.field)
            .collect();
        assert_eq!(
            fields,
            [
                "duf_number",
                "given_name",
                "family_name",
                "birth_date",
                "gender",
                "household"
            ]
        );
    }

    #[test]
    fn r_occ_1_a_birth_date_today_is_allowed_and_a_malformed_one_is_not() {
        let mut born_today = draft();
        born_today.birth_date = "2026-12-02".into();
        assert!(validate_resident(&born_today, today()).is_ok());
        born_today.birth_date = "2026-02-30".into();
        assert!(validate_resident(&born_today, today()).is_err());
    }
}
