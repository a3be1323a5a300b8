//! Reading an import file as a table: the header names the columns, rows are read by name.

use crate::error::{FieldError, Problem};
use crate::registry::csv::Record;

/// The columns of an import file: all of `columns` may appear, in any order; `required` must.
pub(super) struct Layout {
    pub columns: &'static [&'static str],
    pub required: &'static [&'static str],
}

/// The rows of a file under its header; `positions[i]` is where `layout.columns[i]` is.
pub(super) struct Table {
    positions: Vec<Option<usize>>,
    columns: &'static [&'static str],
    width: usize,
    pub rows: Vec<Record>,
}

impl Table {
    /// Reads the header; an empty, unknown, repeated or missing column is the error.
    pub fn read(text: &str, layout: &Layout) -> Result<Table, FieldError> {
        let mut records = crate::paste::rows(text).into_iter();
        let header = records.next().ok_or_else(|| {
            let columns = layout.columns.join(";");
            FieldError::coded("header", Problem::EmptyFile { columns })
        })?;
        let mut positions = vec![None; layout.columns.len()];
        for (position, name) in header.fields.iter().enumerate() {
            let name = name.trim().to_lowercase();
            let index = layout
                .columns
                .iter()
                .position(|column| *column == name)
                .ok_or_else(|| {
                    let problem = Problem::UnknownColumn {
                        name: name.clone(),
                        columns: layout.columns.join(";"),
                    };
                    FieldError::coded("header", problem)
                })?;
            if positions[index].replace(position).is_some() {
                return Err(FieldError::coded("header", Problem::ColumnTwice { name }));
            }
        }
        let missing: Vec<&str> = layout
            .required
            .iter()
            .filter(|required| {
                let index = layout.columns.iter().position(|column| column == *required);
                index.is_some_and(|index| positions[index].is_none())
            })
            .copied()
            .collect();
        if !missing.is_empty() {
            let names = missing.join(", ");
            return Err(FieldError::coded(
                "header",
                Problem::MissingColumns { names },
            ));
        }
        Ok(Table {
            positions,
            columns: layout.columns,
            width: header.fields.len(),
            rows: records.collect(),
        })
    }

    /// The row's cells by column, or the one error that makes the row unreadable.
    pub fn cells<'a>(&'a self, record: &'a Record) -> Result<Cells<'a>, FieldError> {
        if record.unterminated_quote {
            return Err(FieldError::coded("row", Problem::UnclosedQuote));
        }
        let extra_blank = record.fields[self.width.min(record.fields.len())..]
            .iter()
            .all(|field| field.trim().is_empty());
        if record.fields.len() < self.width || !extra_blank {
            let problem = Problem::FieldCount {
                fields: record.fields.len(),
                header: self.width,
            };
            return Err(FieldError::coded("row", problem));
        }
        Ok(Cells {
            table: self,
            record,
            errors: Vec::new(),
        })
    }
}

/// One row's cells, collecting every error of the row.
pub(super) struct Cells<'a> {
    table: &'a Table,
    record: &'a Record,
    pub errors: Vec<FieldError>,
}

impl Cells<'_> {
    /// The trimmed text of `column`; empty when the file has no such column.
    pub fn text(&self, column: &str) -> &str {
        let index = self
            .table
            .columns
            .iter()
            .position(|name| *name == column)
            .expect("column of the layout");
        self.table.positions[index]
            .map(|position| self.record.fields[position].trim())
            .unwrap_or("")
    }

    /// The text of `column`, `None` when blank.
    pub fn optional_text(&self, column: &str) -> Option<String> {
        Some(self.text(column))
            .filter(|text| !text.is_empty())
            .map(str::to_owned)
    }

    /// A value that must be present, parsed; errors are recorded under the column's name.
    pub fn required<T>(
        &mut self,
        column: &str,
        parse: impl FnOnce(&str) -> Result<T, FieldError>,
    ) -> Option<T> {
        if self.text(column).is_empty() {
            self.errors
                .push(FieldError::coded(column, crate::error::Problem::Required));
            return None;
        }
        self.optional(column, parse).flatten()
    }

    /// A value that may be blank (`Some(None)`), parsed; `None` when it is invalid.
    pub fn optional<T>(
        &mut self,
        column: &str,
        parse: impl FnOnce(&str) -> Result<T, FieldError>,
    ) -> Option<Option<T>> {
        let text = self.text(column);
        if text.is_empty() {
            return Some(None);
        }
        match parse(text) {
            Ok(value) => Some(Some(value)),
            Err(error) => {
                self.errors.push(error.at(column));
                None
            }
        }
    }

    pub fn error(&mut self, column: &str, problem: Problem) {
        self.errors.push(FieldError::coded(column, problem));
    }
}

/// `true`/`false`, also `yes`/`no`, `ja`/`nei` and `1`/`0`, in any case.
pub(super) fn parse_bool(text: &str) -> Result<bool, FieldError> {
    match text.trim().to_lowercase().as_str() {
        "true" | "yes" | "ja" | "1" => Ok(true),
        "false" | "no" | "nei" | "0" => Ok(false),
        other => Err(FieldError::coded(
            "",
            Problem::TrueOrFalse {
                text: other.to_owned(),
            },
        )),
    }
}
