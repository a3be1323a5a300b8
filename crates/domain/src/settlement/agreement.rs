//! The municipality's data processing agreement (databehandleravtale, R-AUTH-3): its users may
//! work only while a signed agreement in the version IMDi requires is in force.

use chrono::NaiveDate;

use crate::dates::parse_date;
use crate::error::{FieldError, FieldErrors, Problem};

/// A version as IMDi names it ("2024-1", "revidert 2026").
const VERSION_MAX: usize = 50;

/// A signed agreement of one municipality: `[signed_on, ends_on)`, `ends_on` exclusive.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DataProcessingAgreement {
    pub version: String,
    pub signed_on: NaiveDate,
    pub ends_on: Option<NaiveDate>,
}

impl DataProcessingAgreement {
    /// Signed on or before `today` and not yet ended (the end is the first day without it).
    pub fn in_force_on(&self, today: NaiveDate) -> bool {
        self.signed_on <= today && self.ends_on.is_none_or(|end| today < end)
    }
}

/// R-AUTH-3: one of the municipality's agreements is in force today, in the required version;
/// while IMDi has marked no version as required, any signed version counts.
pub fn agreement_in_force(
    required_version: Option<&str>,
    agreements: &[DataProcessingAgreement],
    today: NaiveDate,
) -> bool {
    agreements.iter().any(|agreement| {
        agreement.in_force_on(today)
            && required_version.is_none_or(|required| agreement.version == required)
    })
}

/// A version: required, trimmed, at most 50 characters.
pub fn validate_version(field: &str, text: &str) -> Result<String, FieldError> {
    let version = text.trim();
    if version.is_empty() {
        return Err(FieldError::coded(field, Problem::Required));
    }
    if version.chars().count() > VERSION_MAX {
        return Err(FieldError::coded(
            field,
            Problem::TooLong { max: VERSION_MAX },
        ));
    }
    Ok(version.to_owned())
}

fn date(field: &str, text: &str) -> Result<NaiveDate, FieldError> {
    if text.trim().is_empty() {
        return Err(FieldError::coded(field, Problem::Required));
    }
    parse_date(text.trim()).ok_or_else(|| FieldError::coded(field, Problem::Date))
}

/// A registration as given: every invalid field at once; `ends_on` after `signed_on`.
pub fn validate_agreement(
    version: &str,
    signed_on: &str,
    ends_on: Option<&str>,
) -> Result<DataProcessingAgreement, Vec<FieldError>> {
    let mut errors = FieldErrors::default();
    let version = errors.check(validate_version("version", version));
    let signed_on = errors.check(date("signed_on", signed_on));
    let ends_on = match ends_on.map(str::trim).filter(|text| !text.is_empty()) {
        None => Some(None),
        Some(text) => errors.check(date("ends_on", text)).map(Some),
    };
    if let (Some(signed), Some(Some(end))) = (signed_on, ends_on)
        && end <= signed
    {
        errors.push(FieldError::coded("ends_on", Problem::EndsAfterSigned));
    }
    errors.into_result(|| DataProcessingAgreement {
        version: version.unwrap_or_default(),
        signed_on: signed_on.unwrap_or_default(),
        ends_on: ends_on.flatten(),
    })
}
