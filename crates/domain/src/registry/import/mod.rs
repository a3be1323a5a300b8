//! Migration import of existing operators and centres with their numbers (issue 3, item 8).
//!
//! Files are CSV as in SPEC §9 (`;`, UTF-8, a leading BOM ignored, `"` quoting). The first row
//! names the columns, in any order, in the API's words:
//!
//! - operators: `dro_number;name;organisation_number;experienced;phone;email;address`
//! - centres: `number;name;category;place_type;municipality_number;postal_code;operator_dro;
//!   region;visiting_address;postal_address;phone;email;closed`
//!
//! Required columns: operators `dro_number`, `name`, `organisation_number`, `experienced`;
//! centres `number`, `name`, `category`, `municipality_number`, `postal_code`, `operator_dro`.
//! The others may be left out of the file; a blank `place_type` is the category's default, a
//! blank `closed` is open. Booleans are `true`/`false` (also yes/no, ja/nei, 1/0).
//!
//! Every bad field of a row is reported under its column's name; a number that appears twice in
//! the file marks *every* row that has it, so neither is imported by mistake. Left to the caller,
//! who has the database: postal code and municipality in the reference data, the operator of
//! `operator_dro` (in the database or the same import), numbers already used, and the series
//! against the municipality's old county ([`crate::registry::series_warnings`]).

mod check;
mod table;

pub use check::{CentreRowDecision, check_centre_row, check_references};

use std::collections::BTreeMap;

use self::table::{Cells, Layout, Table, parse_bool};
use super::centre::{Category, check_centre_email, check_email, name_warnings, parse_place_type};
use super::centre::{place_type_warnings, series_warnings};
use super::identifiers::{MunicipalityNumber, OrganisationNumber, PostalCode};
use super::numbers::{CentreNumber, DroNumber};
use crate::access::Region;
use crate::error::{FieldError, Problem};
use crate::place_types::PlaceType;
use crate::registry::warning::Warning;

/// One data row of an import file: its line (from 1, the header being line 1 or later) and the
/// value, or every error found in it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportRow<T> {
    pub line: usize,
    pub result: Result<T, Vec<FieldError>>,
    /// The references to reference data that could be read, also from a row with errors, so
    /// that the check against the reference data reports every error of the row at once.
    pub references: RowReferences,
}

/// The codes a centre row names that the reference data must hold.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RowReferences {
    pub municipality_number: Option<String>,
    pub postal_code: Option<String>,
    pub operator_dro: Option<DroNumber>,
}

/// An operator as registered in the old registry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OperatorRow {
    pub dro_number: DroNumber,
    pub name: String,
    pub organisation_number: OrganisationNumber,
    pub experienced: bool,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub address: Option<String>,
}

/// A centre as registered in the old registry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CentreRow {
    pub number: CentreNumber,
    pub name: String,
    pub category: Category,
    pub place_type: PlaceType,
    pub municipality_number: MunicipalityNumber,
    pub postal_code: PostalCode,
    pub operator_dro: DroNumber,
    pub region: Option<Region>,
    pub visiting_address: Option<String>,
    pub postal_address: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub closed: bool,
}

impl CentreRow {
    /// The warnings that need no reference data: name (R-REG-5) and place type (§2).
    pub fn warnings(&self) -> Vec<Warning> {
        let mut warnings = name_warnings(&self.name, self.category, self.place_type);
        warnings.extend(place_type_warnings(self.category, self.place_type));
        warnings
    }
}

const OPERATORS: Layout = Layout {
    columns: &[
        "dro_number",
        "name",
        "organisation_number",
        "experienced",
        "phone",
        "email",
        "address",
    ],
    required: &["dro_number", "name", "organisation_number", "experienced"],
};

const CENTRES: Layout = Layout {
    columns: &[
        "number",
        "name",
        "category",
        "place_type",
        "municipality_number",
        "postal_code",
        "operator_dro",
        "region",
        "visiting_address",
        "postal_address",
        "phone",
        "email",
        "closed",
    ],
    required: &[
        "number",
        "name",
        "category",
        "municipality_number",
        "postal_code",
        "operator_dro",
    ],
};

/// The columns of an operator file, in the documented order (for a template download).
pub const OPERATOR_COLUMNS: &[&str] = OPERATORS.columns;
/// The columns of a centre file, in the documented order.
pub const CENTRE_COLUMNS: &[&str] = CENTRES.columns;

/// Reads an operator file. The error is only for a missing or bad header row.
pub fn parse_operator_csv(text: &str) -> Result<Vec<ImportRow<OperatorRow>>, FieldError> {
    let table = Table::read(text, &OPERATORS)?;
    Ok(read_rows(&table, "dro_number", operator_row))
}

/// Reads a centre file. The error is only for a missing or bad header row.
pub fn parse_centre_csv(text: &str) -> Result<Vec<ImportRow<CentreRow>>, FieldError> {
    let table = Table::read(text, &CENTRES)?;
    Ok(read_rows(&table, "number", centre_row))
}

/// A row's value or errors, its key (DRO or centre number) when that much could be read, and
/// the references it names.
type Parsed<T> = (Result<T, Vec<FieldError>>, Option<String>, RowReferences);

fn operator_row(cells: &mut Cells<'_>) -> Parsed<OperatorRow> {
    let dro_number = cells.required("dro_number", DroNumber::parse);
    let name = cells.required("name", |text| Ok(text.to_owned()));
    let organisation_number = cells.required("organisation_number", OrganisationNumber::parse);
    let experienced = cells.required("experienced", parse_bool);
    cells.optional("email", |text| check_email("email", text));
    let key = dro_number.map(|number| number.to_string());
    let row = match (dro_number, name, organisation_number, experienced) {
        (Some(dro_number), Some(name), Some(organisation_number), Some(experienced))
            if cells.errors.is_empty() =>
        {
            Ok(OperatorRow {
                dro_number,
                name,
                organisation_number,
                experienced,
                phone: cells.optional_text("phone"),
                email: cells.optional_text("email"),
                address: cells.optional_text("address"),
            })
        }
        _ => Err(std::mem::take(&mut cells.errors)),
    };
    (row, key, RowReferences::default())
}

fn centre_row(cells: &mut Cells<'_>) -> Parsed<CentreRow> {
    let number = cells.required("number", CentreNumber::parse);
    let name = cells.required("name", |text| Ok(text.to_owned()));
    let category = cells.required("category", Category::parse);
    let place_type = cells.optional("place_type", |text| parse_place_type("", text));
    let municipality_number = cells.required("municipality_number", MunicipalityNumber::parse);
    let postal_code = cells.required("postal_code", PostalCode::parse);
    let operator_dro = cells.required("operator_dro", DroNumber::parse);
    let region = cells.optional("region", parse_region);
    cells.optional("email", check_centre_email);
    let closed = cells.optional("closed", parse_bool);
    if let (Some(number), Some(category)) = (&number, category) {
        // Only the series-35 rule here: the county check needs reference data.
        if let Err(error) = series_warnings(&number.series(), category, &[]) {
            cells.errors.push(error.at("number"));
        }
        if number.series().is_special_care() && region == Some(None) {
            cells.error("region", Problem::SpecialCareNeedsRegion);
        }
    }
    let key = number.as_ref().map(CentreNumber::to_string);
    let references = RowReferences {
        municipality_number: municipality_number
            .as_ref()
            .map(|number| number.as_str().to_owned()),
        postal_code: postal_code.as_ref().map(|code| code.as_str().to_owned()),
        operator_dro,
    };
    let parts = (number, name, category, place_type, municipality_number);
    let row = match (parts, postal_code, operator_dro, region, closed) {
        (
            (Some(number), Some(name), Some(category), Some(place_type), Some(municipality_number)),
            Some(postal_code),
            Some(operator_dro),
            Some(region),
            Some(closed),
        ) if cells.errors.is_empty() => Ok(CentreRow {
            number,
            name,
            category,
            place_type: place_type.unwrap_or(category.default_place_type()),
            municipality_number,
            postal_code,
            operator_dro,
            region,
            visiting_address: cells.optional_text("visiting_address"),
            postal_address: cells.optional_text("postal_address"),
            phone: cells.optional_text("phone"),
            email: cells.optional_text("email"),
            closed: closed.unwrap_or(false),
        }),
        _ => Err(std::mem::take(&mut cells.errors)),
    };
    (row, key, references)
}

fn parse_region(text: &str) -> Result<Region, FieldError> {
    text.parse().map_err(|()| {
        let text = text.to_owned();
        FieldError::coded("region", Problem::UnknownRegion { text })
    })
}

/// Reads every row with `parse`, then marks every row whose key (`field`) appears more than once
/// in the file, valid or not, so that neither copy is imported by mistake.
fn read_rows<T>(
    table: &Table,
    field: &str,
    parse: impl Fn(&mut Cells<'_>) -> Parsed<T>,
) -> Vec<ImportRow<T>> {
    let parsed: Vec<(usize, Parsed<T>)> = table
        .rows
        .iter()
        .map(|record| {
            let parsed = match table.cells(record) {
                Ok(mut cells) => parse(&mut cells),
                Err(error) => (Err(vec![error]), None, RowReferences::default()),
            };
            (record.line, parsed)
        })
        .collect();
    let mut lines: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for (line, (_, key, _)) in &parsed {
        if let Some(key) = key {
            lines
                .entry(key.as_str())
                .or_default()
                .push(line.to_string());
        }
    }
    let duplicates: Vec<Option<FieldError>> = parsed
        .iter()
        .map(|(_, (_, key, _))| {
            let key = key.as_deref()?;
            let same = &lines[key];
            (same.len() > 1).then(|| {
                let problem = Problem::RepeatedOnLines {
                    key: key.to_owned(),
                    lines: same.join(", "),
                };
                FieldError::coded(field, problem)
            })
        })
        .collect();
    parsed
        .into_iter()
        .zip(duplicates)
        .map(|((line, (result, _, references)), duplicate)| {
            let result = match (result, duplicate) {
                (result, None) => result,
                (Ok(_), Some(duplicate)) => Err(vec![duplicate]),
                (Err(mut errors), Some(duplicate)) => {
                    errors.push(duplicate);
                    Err(errors)
                }
            };
            ImportRow {
                line,
                result,
                references,
            }
        })
        .collect()
}
