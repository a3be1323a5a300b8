//! A change of a centre's data as one decision (R-REG-4, R-REG-7, R-REG-8): the values that
//! follow rules, checked against the snapshot, or every invalid field at once. Who may change
//! what (R-REG-6) is decided before, by the caller's rights.

use super::centre::check_centre_email;
use super::identifiers::{BankAccountNumber, MunicipalityNumber, PostalCode};
use super::registration::{RegistrySnapshot, parse_region};
use crate::access::Region;
use crate::error::{FieldError, FieldErrors, Problem};

/// The ruled fields of a change; `None` leaves a field as it is.
#[derive(Clone, Copy, Debug, Default)]
pub struct CentreChange<'a> {
    /// `Some(None)` clears the account.
    pub bank_account_benefits: Option<Option<&'a str>>,
    pub bank_account_operation: Option<Option<&'a str>>,
    pub region: Option<&'a str>,
    /// Municipality number and postal code as they are after the change, when either changes.
    pub places: Option<(&'a str, &'a str)>,
    /// The centre's e-mail after the change.
    pub email: Option<&'a str>,
}

/// The checked values of a change, `None` where the field stays.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CheckedChange {
    pub bank_account_benefits: Option<Option<BankAccountNumber>>,
    pub bank_account_operation: Option<Option<BankAccountNumber>>,
    pub region: Option<Region>,
    pub places: Option<(MunicipalityNumber, PostalCode)>,
}

fn account(
    errors: &mut FieldErrors,
    field: &str,
    text: Option<Option<&str>>,
) -> Option<Option<BankAccountNumber>> {
    match text? {
        None => Some(None),
        Some(text) => errors
            .check(BankAccountNumber::parse(field, text))
            .map(Some),
    }
}

/// Every rule the changed fields must pass, in the order of the form: bank accounts (R-REG-8),
/// region, municipality and postal code in their lists (R-REG-4), the e-mail (R-REG-7).
pub fn check_centre_change(
    change: &CentreChange<'_>,
    snapshot: &RegistrySnapshot,
) -> Result<CheckedChange, Vec<FieldError>> {
    let mut errors = FieldErrors::default();
    let bank_account_benefits = account(
        &mut errors,
        "bank_account_benefits",
        change.bank_account_benefits,
    );
    let bank_account_operation = account(
        &mut errors,
        "bank_account_operation",
        change.bank_account_operation,
    );
    let region = change
        .region
        .and_then(|text| errors.check(parse_region(text)));
    let places = change.places.and_then(|(municipality, postal_code)| {
        let municipality = errors.check(MunicipalityNumber::parse(municipality));
        if let Some(number) = &municipality
            && !snapshot.municipalities.contains(number.as_str())
        {
            errors.push(FieldError::coded(
                "municipality_number",
                Problem::MunicipalityUnknown,
            ));
        }
        let postal_code = errors.check(PostalCode::parse(postal_code));
        if let Some(code) = &postal_code
            && !snapshot.postal_codes.contains(code.as_str())
        {
            errors.push(FieldError::coded("postal_code", Problem::PostalCodeUnknown));
        }
        municipality.zip(postal_code)
    });
    if let Some(email) = change.email {
        errors.check(check_centre_email(email));
    }
    errors.into_result(|| CheckedChange {
        bank_account_benefits,
        bank_account_operation,
        region,
        places,
    })
}
