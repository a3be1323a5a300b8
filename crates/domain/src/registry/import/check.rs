//! An imported centre row against the reference data: the same snapshot a new centre is judged
//! against ([`RegistrySnapshot`]), loaded whole once per import.

use super::{CentreRow, RowReferences};
use crate::access::Region;
use crate::error::{FieldError, Problem};
use crate::registry::centre::{centre_region, series_warnings};
use crate::registry::numbers::DroNumber;
use crate::registry::registration::RegistrySnapshot;
use crate::registry::warning::Warning;

/// What the reference data says of one row: every error, the warnings, and the region it gets.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CentreRowDecision {
    pub errors: Vec<FieldError>,
    pub warnings: Vec<Warning>,
    pub region: Option<Region>,
    /// The id of the operator of `operator_dro`.
    pub operator_id: Option<i64>,
}

/// The checks of a row that need the database, in the order of its columns: the number unused,
/// the operator imported, municipality and postal code listed, the series against the old
/// county (§2) and in the series table, the region (R-REG-1). Errors name the file's columns.
pub fn check_centre_row(row: &CentreRow, snapshot: &RegistrySnapshot) -> CentreRowDecision {
    let mut decision = CentreRowDecision {
        warnings: row.warnings(),
        ..CentreRowDecision::default()
    };
    let errors = &mut decision.errors;
    let number = row.number.as_str();
    if snapshot.used_numbers.contains(number) {
        let number = number.to_owned();
        errors.push(FieldError::coded(
            "number",
            Problem::CentreNumberInUse { number },
        ));
    }
    decision.operator_id = operator_id(&row.operator_dro, snapshot);
    errors.extend(check_references(
        &RowReferences {
            municipality_number: Some(row.municipality_number.as_str().to_owned()),
            postal_code: Some(row.postal_code.as_str().to_owned()),
            operator_dro: Some(row.operator_dro),
        },
        snapshot,
    ));
    let municipality = row.municipality_number.as_str();
    let series = row.number.series();
    let counties = snapshot
        .old_counties
        .get(municipality)
        .map_or(&[][..], Vec::as_slice);
    match series_warnings(&series, row.category, counties) {
        Ok(found) => decision.warnings.extend(found),
        Err(error) => errors.push(error.at("number")),
    }
    match snapshot.series.iter().find(|(known, _)| *known == series) {
        None => errors.push(FieldError::coded("number", Problem::NotASeries)),
        Some((_, series_region)) => match centre_region(&series, *series_region, row.region) {
            Ok((region, warning)) => {
                decision.warnings.extend(warning);
                decision.region = Some(region);
            }
            Err(error) => errors.push(error),
        },
    }
    decision
}

fn operator_id(dro: &DroNumber, snapshot: &RegistrySnapshot) -> Option<i64> {
    snapshot
        .operators
        .iter()
        .find(|(_, known)| *known == dro)
        .map(|(id, _)| *id)
}

/// The references of a row against the reference data, in the order of the columns: the
/// operator imported, the municipality and the postal code listed. Used for every row, also one
/// with other errors, so a row's report holds every error at once.
pub fn check_references(
    references: &RowReferences,
    snapshot: &RegistrySnapshot,
) -> Vec<FieldError> {
    let mut errors = Vec::new();
    if let Some(dro) = &references.operator_dro
        && operator_id(dro, snapshot).is_none()
    {
        errors.push(FieldError::coded(
            "operator_dro",
            Problem::NoOperatorWithDro {
                dro: dro.to_string(),
            },
        ));
    }
    if let Some(municipality) = &references.municipality_number
        && !snapshot.municipalities.contains(municipality)
    {
        errors.push(FieldError::coded(
            "municipality_number",
            Problem::MunicipalityUnknown,
        ));
    }
    if let Some(code) = &references.postal_code
        && !snapshot.postal_codes.contains(code)
    {
        errors.push(FieldError::coded("postal_code", Problem::PostalCodeUnknown));
    }
    errors
}
