//! `YYYY-MM;index` rows: `;` or tab between the columns, `.` or `,` as the decimal mark, an
//! optional header `month;index`, blank lines ignored, every bad row named by its line.

use std::collections::BTreeMap;

use super::CpiIndex;
use crate::dates::Month;
use crate::error::{FieldError, FieldErrors, Problem};

/// One valid row of the file; `line` counts from 1.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CpiRow {
    pub line: usize,
    pub month: Month,
    pub index: CpiIndex,
}

/// The file's rows, or every invalid row (`lines[N].month`, `lines[N].index`, `lines[N]`).
pub fn parse_csv(text: &str) -> Result<Vec<CpiRow>, Vec<FieldError>> {
    let mut errors = FieldErrors::default();
    let mut rows = Vec::new();
    let mut first_line_of: BTreeMap<Month, usize> = BTreeMap::new();
    let (_header, records) = crate::paste::body(text);
    for record in &records {
        let line_number = record.line;
        let fields: Vec<&str> = record.fields.iter().map(String::as_str).collect();
        let field = |name: &str| format!("lines[{line_number}].{name}");
        let present: Vec<&str> = trim_trailing_empty(&fields);
        if present.len() != 2 {
            let problem = Problem::ColumnCount {
                expected: 2,
                layout: "month;index (YYYY-MM;136.4)".to_owned(),
                found: present.len(),
            };
            errors.push(FieldError::coded(format!("lines[{line_number}]"), problem));
            continue;
        }
        let month = Month::parse(present[0]);
        if month.is_none() {
            errors.push(FieldError::coded(field("month"), Problem::Month));
        }
        let index = errors.check(
            CpiIndex::parse(present[1])
                .map_err(|problem| FieldError::coded(field("index"), problem)),
        );
        let (Some(month), Some(index)) = (month, index) else {
            continue;
        };
        if let Some(first) = first_line_of.get(&month) {
            let problem = Problem::RepeatedInFile {
                key: month.to_string(),
                first: *first,
            };
            errors.push(FieldError::coded(field("month"), problem));
            continue;
        }
        first_line_of.insert(month, line_number);
        rows.push(CpiRow {
            line: line_number,
            month,
            index,
        });
    }
    if rows.is_empty() && errors.is_empty() {
        let layout = "YYYY-MM;136.4".to_owned();
        errors.push(FieldError::coded("lines", Problem::NoRows { layout }));
    }
    errors.into_result(|| rows)
}

fn trim_trailing_empty<'a>(fields: &[&'a str]) -> Vec<&'a str> {
    let kept = fields.len() - fields.iter().rev().take_while(|f| f.is_empty()).count();
    fields[..kept].to_vec()
}
