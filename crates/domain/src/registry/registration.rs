//! A new centre as one decision (R-REG-1, R-REG-4, R-REG-5, R-REG-7, §2): what the caller typed,
//! checked against a snapshot of the reference data it names, is a valid registration or every
//! invalid field at once, in the order a reader meets them.

use std::collections::{BTreeMap, BTreeSet};

use super::centre::{Category, NewNumber, centre_region, check_centre_email, check_new_number};
use super::centre::{parse_place_type, series_region, series_warnings};
use super::identifiers::{BankAccountNumber, MunicipalityNumber, PostalCode};
use super::numbers::{CentreNumber, DroNumber, Series, first_free_number};
use crate::access::Region;
use crate::error::{FieldError, FieldErrors, Problem};
use crate::place_types::PlaceType;
use crate::registry::warning::Warning;

/// A new centre as typed: texts trimmed, an empty optional text absent.
#[derive(Clone, Debug, Default)]
pub struct CentreDraft {
    pub name: String,
    pub category: String,
    pub series: String,
    pub municipality_number: String,
    pub postal_code: String,
    /// `None` when none was chosen (a form's empty select).
    pub operator_id: Option<i64>,
    pub number: Option<String>,
    pub place_type: Option<String>,
    pub region: Option<String>,
    pub email: Option<String>,
    pub bank_account_benefits: Option<String>,
    pub bank_account_operation: Option<String>,
}

/// The reference data a registration is judged against, as valid on the day: the whole tables
/// (for an import) or only the entries the draft names (for one centre).
#[derive(Clone, Debug, Default)]
pub struct RegistrySnapshot {
    /// The number-series table of §2, each series with the region its county gives.
    pub series: Vec<(Series, Option<Region>)>,
    pub municipalities: BTreeSet<String>,
    pub postal_codes: BTreeSet<String>,
    /// The pre-2020 counties of each municipality (absent: not known).
    pub old_counties: BTreeMap<String, Vec<String>>,
    /// Operators by id, with their DRO numbers.
    pub operators: BTreeMap<i64, DroNumber>,
    /// Centre numbers ever given, for an import; a single registration reads those of its
    /// series under the write lock instead ([`CentreRegistration::allocate_number`]).
    pub used_numbers: BTreeSet<String>,
}

/// A new centre that passed every rule; its number is allocated when it is written
/// ([`CentreRegistration::allocate_number`]), under the write lock.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CentreRegistration {
    pub name: String,
    pub category: Category,
    pub place_type: PlaceType,
    pub series: Series,
    /// The number of an existing centre being registered, in `series`.
    pub given_number: Option<CentreNumber>,
    pub region: Region,
    pub municipality_number: MunicipalityNumber,
    pub postal_code: PostalCode,
    pub operator_id: i64,
    pub operator_dro: DroNumber,
    pub email: Option<String>,
    pub bank_account_benefits: Option<BankAccountNumber>,
    pub bank_account_operation: Option<BankAccountNumber>,
    /// R-REG-5, the series against the old county (§2), category × place type, a region given
    /// in vain (R-REG-1).
    pub warnings: Vec<Warning>,
}

/// Why no number could be allocated.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NumberRefused {
    /// The given number belongs to another centre (a conflict, 409).
    InUse(CentreNumber),
    /// The series has no free number left (R-REG-1: a clear error).
    SeriesFull(FieldError),
}

impl CentreRegistration {
    /// R-REG-1: the given number if unused, else the first free one in the series; `used` are
    /// the numbers ever given in the series.
    pub fn allocate_number(&self, used: &[CentreNumber]) -> Result<CentreNumber, NumberRefused> {
        match &self.given_number {
            Some(number) if used.contains(number) => Err(NumberRefused::InUse(number.clone())),
            Some(number) => Ok(number.clone()),
            None => first_free_number(&self.series, used).map_err(NumberRefused::SeriesFull),
        }
    }
}

/// A region code, or the error naming `region`.
pub fn parse_region(text: &str) -> Result<Region, FieldError> {
    text.parse::<Region>()
        .map_err(|_| FieldError::coded("region", Problem::Region))
}

/// `Some(value)` of an optional text that parses, `None` of an absent one; a bad one recorded.
fn optional<T>(
    errors: &mut FieldErrors,
    text: &Option<String>,
    parse: impl FnOnce(&str) -> Result<T, FieldError>,
) -> Result<Option<T>, ()> {
    match text.as_deref() {
        None => Ok(None),
        Some(text) => errors.check(parse(text)).map(Some).ok_or(()),
    }
}

/// A code the snapshot must hold, or the error naming `field`.
fn known(errors: &mut FieldErrors, known: bool, field: &str, problem: Problem) {
    if !known {
        errors.push(FieldError::coded(field, problem));
    }
}

/// Every rule a new centre must pass, against `snapshot`: the registration, or every invalid
/// field in the order of the form (name, category, place type, series, municipality, postal
/// code, operator, e-mail, region, the series-35 rule, bank accounts, number).
pub fn register_centre(
    draft: &CentreDraft,
    snapshot: &RegistrySnapshot,
) -> Result<CentreRegistration, Vec<FieldError>> {
    let mut errors = FieldErrors::default();
    let name = draft.name.trim();
    if name.is_empty() {
        errors.push(FieldError::coded("name", Problem::CentreNameMissing));
    }
    let category = errors.check(Category::parse(&draft.category));
    let place_type = match optional(&mut errors, &draft.place_type, |code| {
        parse_place_type("place_type", code)
    }) {
        Ok(Some(place_type)) => Some(place_type),
        Ok(None) => category.map(Category::default_place_type),
        Err(()) => None,
    };
    let series = errors.check(Series::parse(&draft.series));
    let series_region = series
        .as_ref()
        .and_then(|series| errors.check(series_region(&snapshot.series, series)));
    let municipality = errors.check(MunicipalityNumber::parse(&draft.municipality_number));
    if let Some(number) = &municipality {
        let listed = snapshot.municipalities.contains(number.as_str());
        known(
            &mut errors,
            listed,
            "municipality_number",
            Problem::MunicipalityUnknown,
        );
    }
    let postal_code = errors.check(PostalCode::parse(&draft.postal_code));
    if let Some(code) = &postal_code {
        let listed = snapshot.postal_codes.contains(code.as_str());
        known(
            &mut errors,
            listed,
            "postal_code",
            Problem::PostalCodeUnknown,
        );
    }
    let operator = match draft.operator_id {
        None => {
            errors.push(FieldError::coded("operator_id", Problem::ChooseOperator));
            None
        }
        Some(id) => {
            let dro = snapshot.operators.get(&id).copied();
            known(
                &mut errors,
                dro.is_some(),
                "operator_id",
                Problem::NoOperatorWithId,
            );
            dro.map(|dro| (id, dro))
        }
    };
    let _ = optional(&mut errors, &draft.email, check_centre_email);
    let given_region = optional(&mut errors, &draft.region, parse_region);
    if let (Some(series), Some(category)) = (&series, category) {
        // The series-35 rule here; the old county only warns, below.
        errors.check(series_warnings(series, category, &[]));
        if let (Some(series_region), Ok(given)) = (series_region, given_region) {
            errors.check(centre_region(series, series_region, given));
        }
    }
    let bank_account_benefits = optional(&mut errors, &draft.bank_account_benefits, |text| {
        BankAccountNumber::parse("bank_account_benefits", text)
    });
    let bank_account_operation = optional(&mut errors, &draft.bank_account_operation, |text| {
        BankAccountNumber::parse("bank_account_operation", text)
    });
    let given_number = optional(&mut errors, &draft.number, CentreNumber::parse);
    if let (Ok(Some(number)), Some(series)) = (&given_number, &series)
        && number.series() != *series
    {
        errors.push(FieldError::coded(
            "number",
            Problem::NotInSeries {
                number: number.as_str().to_owned(),
                series: series.as_str().to_owned(),
            },
        ));
    }
    if !errors.is_empty() {
        return errors.into_result(|| unreachable!("errors were recorded"));
    }
    // Every part is present now: each missing one recorded an error above.
    let (
        Some(category),
        Some(place_type),
        Some(series),
        Some(series_region),
        Some(municipality_number),
        Some(postal_code),
        Some((operator_id, operator_dro)),
        Ok(given_region),
        Ok(bank_account_benefits),
        Ok(bank_account_operation),
        Ok(given_number),
    ) = (
        category,
        place_type,
        series,
        series_region,
        municipality,
        postal_code,
        operator,
        given_region,
        bank_account_benefits,
        bank_account_operation,
        given_number,
    )
    else {
        unreachable!("a missing part records its error")
    };
    let no_counties = Vec::new();
    let old_counties = snapshot
        .old_counties
        .get(municipality_number.as_str())
        .unwrap_or(&no_counties);
    let (region, warnings) = check_new_number(&NewNumber {
        name,
        category,
        place_type,
        series: &series,
        series_region,
        given_region,
        old_counties,
    })
    .map_err(|error| vec![error])?;
    Ok(CentreRegistration {
        name: name.to_owned(),
        category,
        place_type,
        series,
        given_number,
        region,
        municipality_number,
        postal_code,
        operator_id,
        operator_dro,
        email: draft.email.clone(),
        bank_account_benefits,
        bank_account_operation,
        warnings,
    })
}
