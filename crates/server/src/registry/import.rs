//! Migration import of operators and centres with their existing numbers (issue: item 8).
//!
//! Every row is checked first — the file's own rules (domain) and what needs the database
//! (numbers in use, operators, reference data). A dry run only reports. A real import writes
//! nothing while any row fails, unless the user asks for the valid rows only; then it writes
//! them all in one transaction, each with its event.

use std::collections::HashSet;

use mottak_domain::error::{FieldError, Problem};
use mottak_domain::registry::{
    CentreRow, ImportRow, MunicipalityNumber, OperatorRow, RegistrySnapshot, Series,
    check_centre_row, check_references, parse_centre_csv, parse_operator_csv,
};
use mottak_store::Store;
use mottak_store::events::{Actor, EventDomain, NewEvent};
use mottak_store::registry::{CentreFields, NewCentre, NewOperator};
use serde::Serialize;

use super::snapshot::{dro_of, series_table};
use super::{RegistryError, today};
use mottak_domain::registry::Warning;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportMode {
    DryRun,
    /// All rows or nothing.
    All,
    ValidOnly,
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct RowReport {
    pub line: usize,
    /// The centre number or DRO number of the row, when it could be read.
    pub key: Option<String>,
    pub errors: Vec<RowError>,
    #[schema(value_type = Vec<String>)]
    pub warnings: Vec<Warning>,
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct RowError {
    pub field: String,
    pub message: String,
    /// What is wrong, for the page to say in the user's language (the API has `message`).
    #[serde(skip)]
    pub problem: Problem,
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct ImportReport {
    pub dry_run: bool,
    pub rows: usize,
    pub valid_rows: usize,
    pub imported: usize,
    /// True when rows failed and nothing was imported.
    pub refused: bool,
    /// Rows with errors or warnings (valid rows without warnings are left out).
    pub details: Vec<RowReport>,
}

fn row_errors(errors: Vec<FieldError>) -> Vec<RowError> {
    errors
        .into_iter()
        .map(|error| RowError {
            field: error.field,
            message: error.message,
            problem: error.problem,
        })
        .collect()
}

/// Checks each parsed row with `check` (errors appended) and builds the report.
fn report<T>(
    rows: &[ImportRow<T>],
    key: impl Fn(&T) -> String,
    mut check: impl FnMut(&T) -> (Vec<FieldError>, Vec<Warning>),
) -> (Vec<RowReport>, Vec<bool>) {
    let mut details = Vec::new();
    let mut valid = Vec::new();
    for row in rows {
        let (errors, warnings, key) = match &row.result {
            Ok(value) => {
                let (errors, warnings) = check(value);
                (errors, warnings, Some(key(value)))
            }
            Err(errors) => (errors.clone(), Vec::new(), None),
        };
        valid.push(errors.is_empty());
        if !errors.is_empty() || !warnings.is_empty() {
            details.push(RowReport {
                line: row.line,
                key,
                errors: row_errors(errors),
                warnings,
            });
        }
    }
    (details, valid)
}

fn finish(mode: ImportMode, details: Vec<RowReport>, valid: &[bool]) -> ImportReport {
    let valid_rows = valid.iter().filter(|ok| **ok).count();
    ImportReport {
        dry_run: mode == ImportMode::DryRun,
        rows: valid.len(),
        valid_rows,
        imported: 0,
        refused: mode == ImportMode::All && valid_rows < valid.len(),
        details,
    }
}

pub async fn import_operators(
    store: &Store,
    actor: &Actor,
    text: &str,
    mode: ImportMode,
) -> Result<ImportReport, RegistryError> {
    let rows = parse_operator_csv(text)?;
    let used: HashSet<i64> = store
        .operators()
        .await?
        .iter()
        .map(|operator| operator.fields.dro_number)
        .collect();
    let (details, valid) = report(
        &rows,
        |row: &OperatorRow| row.dro_number.to_string(),
        |row| {
            let mut errors = Vec::new();
            if used.contains(&i64::from(row.dro_number.value())) {
                errors.push(FieldError::coded(
                    "dro_number",
                    Problem::DroNumberInUse {
                        dro: row.dro_number.to_string(),
                    },
                ));
            }
            (errors, Vec::new())
        },
    );
    let mut report = finish(mode, details, &valid);
    if report.dry_run || report.refused || report.valid_rows == 0 {
        return Ok(report);
    }
    let mut tx = store.begin_write().await?;
    for (row, _) in rows.iter().zip(&valid).filter(|(_, ok)| **ok) {
        let Ok(operator) = &row.result else { continue };
        let id = tx
            .insert_operator(&NewOperator {
                dro_number: i64::from(operator.dro_number.value()),
                name: operator.name.clone(),
                organisation_number: operator.organisation_number.as_str().to_owned(),
                experienced: operator.experienced,
                visiting_address: operator.address.clone(),
                phone: operator.phone.clone(),
                email: operator.email.clone(),
                ..NewOperator::default()
            })
            .await?;
        tx.record(
            NewEvent::new(actor, EventDomain::Registry, "operator.imported", "operator", id)
                .summary(serde_json::json!({ "dro_number": operator.dro_number.to_string(), "line": row.line }))
                .in_operator(Some(operator.dro_number.to_string())),
        )
        .await?;
        report.imported += 1;
    }
    tx.commit().await?;
    Ok(report)
}

/// The whole reference data a centre file is checked against, loaded once per import.
async fn import_snapshot(store: &Store) -> Result<RegistrySnapshot, RegistryError> {
    let today = today();
    Ok(RegistrySnapshot {
        series: series_table(store).await?,
        municipalities: store
            .municipalities(&today)
            .await?
            .into_iter()
            .map(|municipality| municipality.number)
            .collect(),
        postal_codes: store.postal_codes(&today).await?.into_iter().collect(),
        old_counties: store.all_old_counties(&today).await?.into_iter().collect(),
        operators: store
            .operators()
            .await?
            .iter()
            .filter_map(|operator| dro_of(operator).map(|dro| (operator.id, dro)))
            .collect(),
        used_numbers: store.all_centre_numbers().await?.into_iter().collect(),
    })
}

pub async fn import_centres(
    store: &Store,
    actor: &Actor,
    text: &str,
    mode: ImportMode,
) -> Result<ImportReport, RegistryError> {
    let mut rows = parse_centre_csv(text)?;
    let snapshot = import_snapshot(store).await?;
    // A row with errors is judged against the reference data too: every error at once.
    for row in &mut rows {
        if let Err(errors) = &mut row.result {
            errors.extend(check_references(&row.references, &snapshot));
        }
    }
    let mut decisions = Vec::new();
    let (details, valid) = report(
        &rows,
        |row: &CentreRow| row.number.as_str().to_owned(),
        |row| {
            let decision = check_centre_row(row, &snapshot);
            let found = (decision.errors.clone(), decision.warnings.clone());
            decisions.push(decision);
            found
        },
    );
    let mut report = finish(mode, details, &valid);
    if report.dry_run || report.refused || report.valid_rows == 0 {
        return Ok(report);
    }
    let mut decisions = decisions.into_iter();
    let mut tx = store.begin_write().await?;
    for (row, ok) in rows.iter().zip(&valid) {
        let Ok(centre) = &row.result else { continue };
        let Some(decision) = decisions.next() else {
            break;
        };
        let (true, Some(region), Some(operator_id)) = (*ok, decision.region, decision.operator_id)
        else {
            continue;
        };
        let dro = centre.operator_dro.to_string();
        let new = NewCentre {
            number: centre.number.as_str().to_owned(),
            name: centre.name.clone(),
            category: centre.category.code().to_owned(),
            place_type: centre.place_type.code().to_owned(),
            operator_id,
            predecessor_id: None,
            status: if centre.closed { "closed" } else { "open" }.to_owned(),
            fields: CentreFields {
                region: region.code().to_owned(),
                municipality_number: centre.municipality_number.as_str().to_owned(),
                postal_code: centre.postal_code.as_str().to_owned(),
                visiting_address: centre.visiting_address.clone(),
                postal_address: centre.postal_address.clone(),
                phone: centre.phone.clone(),
                email: centre.email.clone(),
                ..CentreFields::default()
            },
        };
        let id = tx.insert_centre(&new).await?;
        tx.add_history(
            id,
            "imported",
            &format!("line {}", row.line),
            None,
            &actor.name,
        )
        .await?;
        tx.record(
            NewEvent::new(
                actor,
                EventDomain::Registry,
                "centre.imported",
                "centre",
                &new.number,
            )
            .summary(
                serde_json::json!({ "number": new.number, "name": new.name, "line": row.line }),
            )
            .in_region(Some(new.fields.region.clone()))
            .in_operator(Some(dro)),
        )
        .await?;
        report.imported += 1;
    }
    tx.commit().await?;
    Ok(report)
}

/// §2: the pre-2020 county of each municipality, `municipality;county` per line (a header line
/// is allowed), as a new version valid from `valid_from`. All or nothing; a municipality may have
/// several counties (Indre Fosen, Heim and Volda straddle two).
pub async fn import_old_counties(
    store: &Store,
    actor: &Actor,
    text: &str,
    valid_from: &str,
    mode: ImportMode,
) -> Result<ImportReport, RegistryError> {
    let municipalities: HashSet<String> = store
        .municipalities(&today())
        .await?
        .into_iter()
        .map(|municipality| municipality.number)
        .collect();
    let mut pairs = Vec::new();
    let mut details = Vec::new();
    let mut valid = Vec::new();
    for (index, line) in text.trim_start_matches('\u{feff}').lines().enumerate() {
        let line_number = index + 1;
        let fields: Vec<&str> = line.split(';').map(str::trim).collect();
        if line.trim().is_empty() || (index == 0 && fields[0].eq_ignore_ascii_case("municipality"))
        {
            continue;
        }
        let mut errors = Vec::new();
        let municipality = MunicipalityNumber::parse(fields[0])
            .map_err(|error| errors.push(error))
            .ok();
        if let Some(number) = &municipality
            && !municipalities.contains(number.as_str())
        {
            errors.push(FieldError::coded(
                "municipality_number",
                Problem::MunicipalityUnknown,
            ));
        }
        let county = match fields.get(1) {
            Some(county) => Series::parse(county)
                .map_err(|error| errors.push(error.at("county")))
                .ok(),
            None => {
                errors.push(FieldError::coded("county", Problem::MunicipalityCountyLine));
                None
            }
        };
        valid.push(errors.is_empty());
        if let (Some(municipality), Some(county), true) = (municipality, county, errors.is_empty())
        {
            pairs.push((municipality.as_str().to_owned(), county.as_str().to_owned()));
        } else {
            details.push(RowReport {
                line: line_number,
                key: Some(fields[0].to_owned()),
                errors: row_errors(errors),
                warnings: Vec::new(),
            });
        }
    }
    let mut report = finish(mode, details, &valid);
    if report.dry_run || report.refused || pairs.is_empty() {
        return Ok(report);
    }
    let mut tx = store.begin_write().await?;
    tx.replace_old_counties(valid_from, &pairs).await?;
    tx.record(
        NewEvent::new(
            actor,
            EventDomain::Registry,
            "reference.old_counties_imported",
            "reference_data",
            valid_from,
        )
        .summary(serde_json::json!({ "rows": pairs.len(), "valid_from": valid_from })),
    )
    .await?;
    tx.commit().await?;
    report.imported = pairs.len();
    Ok(report)
}
