//! Public identifiers: organisation numbers, bank accounts (modulus 11), postal codes and
//! municipality numbers (R-REG-4, R-REG-8).

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use super::numbers::string_conversions;
use crate::error::{FieldError, Problem};

/// An organisation number (organisasjonsnummer) from the Brønnøysund register: nine digits, the
/// last a modulus-11 check digit (R-REG-4). Stored without spaces.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct OrganisationNumber(String);

impl OrganisationNumber {
    const WEIGHTS: [u32; 8] = [3, 2, 7, 6, 5, 4, 3, 2];

    /// Accepts `974760673` and `974 760 673`.
    pub fn parse(text: &str) -> Result<OrganisationNumber, FieldError> {
        mod11_number(
            "organisation_number",
            text,
            &[' '],
            &Self::WEIGHTS,
            |text| Problem::OrganisationNumberDigits { text },
            |digits| Problem::OrganisationNumberCheck { digits },
        )
        .map(OrganisationNumber)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// `974 760 673`, as the register prints it.
    pub fn formatted(&self) -> String {
        format!("{} {} {}", &self.0[..3], &self.0[3..6], &self.0[6..])
    }
}

/// A Norwegian bank account number (kontonummer): eleven digits, the last a modulus-11 check
/// digit (R-REG-8). Stored without separators.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct BankAccountNumber(String);

impl BankAccountNumber {
    const WEIGHTS: [u32; 10] = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

    /// Accepts `12345678903`, `1234.56.78903` and `1234 56 78903`. `field` names the account
    /// (`bank_account_benefits` or `bank_account_operation`).
    pub fn parse(field: &str, text: &str) -> Result<BankAccountNumber, FieldError> {
        mod11_number(
            field,
            text,
            &[' ', '.'],
            &Self::WEIGHTS,
            |text| Problem::BankAccountDigits { text },
            |digits| Problem::BankAccountCheck { digits },
        )
        .map(BankAccountNumber)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// `1234.56.78903`, the usual Norwegian grouping.
    pub fn formatted(&self) -> String {
        format!("{}.{}.{}", &self.0[..4], &self.0[4..6], &self.0[6..])
    }
}

/// A postal code (postnummer): four digits. Whether it exists is checked by the caller against
/// the postal-code list (reference data, R-REG-4).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct PostalCode(String);

impl PostalCode {
    pub fn parse(text: &str) -> Result<PostalCode, FieldError> {
        four_digits(text, "postal_code", |text| Problem::PostalCodeDigits {
            text,
        })
        .map(PostalCode)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A municipality number (kommunenummer): four digits. Whether it exists is checked by the caller
/// against the municipality list (reference data, R-REG-4).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct MunicipalityNumber(String);

impl MunicipalityNumber {
    pub fn parse(text: &str) -> Result<MunicipalityNumber, FieldError> {
        four_digits(text, "municipality_number", |text| {
            Problem::MunicipalityDigits { text }
        })
        .map(MunicipalityNumber)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

string_conversions!(OrganisationNumber);
string_conversions!(PostalCode);
string_conversions!(MunicipalityNumber);

// A bank account's field name depends on the account, so these conversions use a generic one.
impl fmt::Display for BankAccountNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl AsRef<str> for BankAccountNumber {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl FromStr for BankAccountNumber {
    type Err = FieldError;
    fn from_str(text: &str) -> Result<BankAccountNumber, FieldError> {
        BankAccountNumber::parse("bank_account", text)
    }
}

impl TryFrom<String> for BankAccountNumber {
    type Error = FieldError;
    fn try_from(text: String) -> Result<BankAccountNumber, FieldError> {
        text.parse()
    }
}

impl From<BankAccountNumber> for String {
    fn from(account: BankAccountNumber) -> String {
        account.0
    }
}

/// Modulus 11 with the given weights over all digits but the last: the check digit is
/// `11 − sum mod 11`, where a result of 11 means 0 and 10 means the number cannot exist.
fn has_mod11_check_digit(digits: &str, weights: &[u32]) -> bool {
    let values: Vec<u32> = digits.bytes().map(|b| u32::from(b - b'0')).collect();
    let (body, check) = values.split_at(values.len() - 1);
    let sum: u32 = body
        .iter()
        .zip(weights)
        .map(|(digit, weight)| digit * weight)
        .sum();
    match 11 - sum % 11 {
        11 => check[0] == 0,
        10 => false,
        expected => check[0] == expected,
    }
}

/// The digits of `text` without `separators`: one more than there are `weights`, the last a
/// modulus-11 check digit. `not_digits` is given the text as typed, `bad_check` the digits.
fn mod11_number(
    field: &str,
    text: &str,
    separators: &[char],
    weights: &[u32],
    not_digits: fn(String) -> Problem,
    bad_check: fn(String) -> Problem,
) -> Result<String, FieldError> {
    let digits = digits_without(text, separators);
    if !is_digits(&digits, weights.len() + 1) {
        return Err(FieldError::coded(field, not_digits(text.trim().to_owned())));
    }
    if !has_mod11_check_digit(&digits, weights) {
        return Err(FieldError::coded(field, bad_check(digits)));
    }
    Ok(digits)
}

fn digits_without(text: &str, separators: &[char]) -> String {
    text.trim()
        .chars()
        .filter(|c| !separators.contains(c))
        .collect()
}

fn four_digits(
    text: &str,
    field: &str,
    problem: fn(String) -> Problem,
) -> Result<String, FieldError> {
    let text = text.trim();
    if is_digits(text, 4) {
        Ok(text.to_owned())
    } else {
        Err(FieldError::coded(field, problem(text.to_owned())))
    }
}

fn is_digits(text: &str, count: usize) -> bool {
    text.len() == count && text.bytes().all(|b| b.is_ascii_digit())
}

/// The check digit that makes `body` a valid organisation number, if there is one (for tests and
/// demo data).
pub fn organisation_number_check_digit(body: &str) -> Option<u8> {
    check_digit(body, &OrganisationNumber::WEIGHTS)
}

/// The check digit that makes `body` (ten digits) a valid bank account number, if there is one.
pub fn bank_account_check_digit(body: &str) -> Option<u8> {
    check_digit(body, &BankAccountNumber::WEIGHTS)
}

fn check_digit(body: &str, weights: &[u32]) -> Option<u8> {
    if !is_digits(body, weights.len()) {
        return None;
    }
    (0..=9u8).find(|digit| has_mod11_check_digit(&format!("{body}{digit}"), weights))
}
