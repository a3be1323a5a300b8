//! A municipality's yearly numbers: IMDi's request (anmodning, R-SET-1) and the municipality's
//! decision (vedtak, R-SET-2) share one shape: persons, of them unaccompanied minors.

use crate::error::{FieldError, FieldErrors, Problem};

/// The years mottak plans settlement for.
pub const YEARS: std::ops::RangeInclusive<i64> = 2000..=2100;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct YearlyNumbers {
    pub year: i64,
    pub municipality_number: String,
    pub persons: i64,
    pub unaccompanied_minors: i64,
}

/// A year within [`YEARS`].
pub fn validate_year(field: &str, year: Option<i64>) -> Result<i64, FieldError> {
    match year {
        None => Err(FieldError::coded(field, Problem::Required)),
        Some(year) if YEARS.contains(&year) => Ok(year),
        Some(_) => Err(FieldError::coded(field, Problem::Year)),
    }
}

/// Four digits; whether the municipality exists is the caller's lookup.
pub fn validate_municipality_number(field: &str, text: &str) -> Result<String, FieldError> {
    let number = text.trim();
    if number.is_empty() {
        return Err(FieldError::coded(field, Problem::Required));
    }
    if number.len() != 4 || !number.chars().all(|c| c.is_ascii_digit()) {
        return Err(FieldError::coded(field, Problem::MunicipalityFourDigits));
    }
    Ok(number.to_owned())
}

fn count(field: &str, value: Option<i64>) -> Result<i64, FieldError> {
    match value {
        None => Err(FieldError::coded(field, Problem::Required)),
        Some(value) if value < 0 => Err(FieldError::coded(field, Problem::Negative)),
        Some(value) => Ok(value),
    }
}

/// R-SET-1, R-SET-2: a year, a municipality, persons ≥ 0 and unaccompanied minors between 0 and
/// the persons (the minors are counted among them); every invalid field at once.
pub fn validate_numbers(
    year: Option<i64>,
    municipality_number: &str,
    persons: Option<i64>,
    unaccompanied_minors: Option<i64>,
) -> Result<YearlyNumbers, Vec<FieldError>> {
    let mut errors = FieldErrors::default();
    let year = errors.check(validate_year("year", year));
    let municipality_number = errors.check(validate_municipality_number(
        "municipality_number",
        municipality_number,
    ));
    let persons = errors.check(count("persons", persons));
    let minors = errors.check(count("unaccompanied_minors", unaccompanied_minors));
    if let (Some(persons), Some(minors)) = (persons, minors)
        && minors > persons
    {
        errors.push(FieldError::coded(
            "unaccompanied_minors",
            Problem::AtMost { max: persons },
        ));
    }
    errors.into_result(|| YearlyNumbers {
        year: year.unwrap_or_default(),
        municipality_number: municipality_number.unwrap_or_default(),
        persons: persons.unwrap_or_default(),
        unaccompanied_minors: minors.unwrap_or_default(),
    })
}
