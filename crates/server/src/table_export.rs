//! A list as a download: the same table as CSV (SPEC §9: `;`, UTF-8 with a byte order mark) or as
//! an XLSX workbook, so a caseworker opens it in the spreadsheet they use today. Numbers stay
//! numbers in the workbook (sums and filters work); amounts are kroner with two decimals.

use axum::http::header;
use axum::response::{IntoResponse, Response};
use mottak_domain::money::Ore;
use rust_xlsxwriter::{Format, Workbook, XlsxError};

use crate::csv_out::{self, Csv};

/// One cell of an exported table.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Text(String),
    Count(i64),
    Amount(Ore),
    Empty,
}

impl From<&str> for Cell {
    fn from(text: &str) -> Cell {
        Cell::Text(text.to_owned())
    }
}

impl From<String> for Cell {
    fn from(text: String) -> Cell {
        Cell::Text(text)
    }
}

impl From<i64> for Cell {
    fn from(count: i64) -> Cell {
        Cell::Count(count)
    }
}

impl<T: Into<Cell>> From<Option<T>> for Cell {
    fn from(value: Option<T>) -> Cell {
        value.map_or(Cell::Empty, Into::into)
    }
}

/// Which file a list downloads as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileFormat {
    Csv,
    Xlsx,
}

impl FileFormat {
    /// `csv` or `xlsx`, as the download links name them.
    pub fn parse(text: &str) -> Option<FileFormat> {
        match text {
            "csv" => Some(FileFormat::Csv),
            "xlsx" => Some(FileFormat::Xlsx),
            _ => None,
        }
    }
}

/// A table with a header row, as shown on the page it is exported from.
pub struct Table {
    sheet_name: String,
    header: Vec<String>,
    rows: Vec<Vec<Cell>>,
}

impl Table {
    /// A table whose sheet is called `sheet_name` (at most 31 characters in a workbook).
    pub fn new(sheet_name: &str, header: &[&str]) -> Table {
        Table {
            sheet_name: sheet_name.chars().take(31).collect(),
            header: header.iter().map(|&label| label.to_owned()).collect(),
            rows: Vec::new(),
        }
    }

    pub fn row(&mut self, cells: Vec<Cell>) {
        self.rows.push(cells);
    }

    /// The CSV text: counts as digits, amounts as kroner with a decimal comma.
    pub fn csv(&self) -> String {
        let mut csv = Csv::default();
        let header: Vec<&str> = self.header.iter().map(String::as_str).collect();
        csv.row(&header);
        for row in &self.rows {
            let cells: Vec<String> = row.iter().map(csv_text).collect();
            let cells: Vec<&str> = cells.iter().map(String::as_str).collect();
            csv.row(&cells);
        }
        csv.finish()
    }

    /// The XLSX workbook: one sheet, a bold header row, numbers as numbers.
    pub fn xlsx(&self) -> Result<Vec<u8>, XlsxError> {
        let mut workbook = Workbook::new();
        let sheet = workbook.add_worksheet();
        sheet.set_name(sanitised_sheet_name(&self.sheet_name))?;
        let bold = Format::new().set_bold();
        let kroner = Format::new().set_num_format("#,##0.00");
        for (column, label) in self.header.iter().enumerate() {
            sheet.write_string_with_format(0, column_index(column), label, &bold)?;
        }
        for (index, row) in self.rows.iter().enumerate() {
            let line = u32::try_from(index + 1).unwrap_or(u32::MAX);
            for (column, cell) in row.iter().enumerate() {
                let column = column_index(column);
                match cell {
                    Cell::Text(text) => {
                        sheet.write_string(line, column, text)?;
                    }
                    Cell::Count(count) => {
                        sheet.write_number(line, column, *count as f64)?;
                    }
                    Cell::Amount(amount) => {
                        sheet.write_number_with_format(
                            line,
                            column,
                            amount.0 as f64 / 100.0,
                            &kroner,
                        )?;
                    }
                    Cell::Empty => {}
                }
            }
        }
        sheet.autofit();
        workbook.save_to_buffer()
    }

    /// The table as a download named `base_name.csv` or `base_name.xlsx`.
    pub fn download(&self, format: FileFormat, base_name: &str) -> Response {
        match format {
            FileFormat::Csv => csv_out::download(&format!("{base_name}.csv"), self.csv()),
            FileFormat::Xlsx => match self.xlsx() {
                Ok(bytes) => (
                    [
                        (
                            header::CONTENT_TYPE,
                            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                                .to_owned(),
                        ),
                        (
                            header::CONTENT_DISPOSITION,
                            format!("attachment; filename=\"{base_name}.xlsx\""),
                        ),
                    ],
                    bytes,
                )
                    .into_response(),
                Err(error) => {
                    tracing::error!(%error, "writing an XLSX export failed");
                    axum::http::StatusCode::INTERNAL_SERVER_ERROR.into_response()
                }
            },
        }
    }
}

fn csv_text(cell: &Cell) -> String {
    match cell {
        Cell::Text(text) => text.clone(),
        Cell::Count(count) => count.to_string(),
        Cell::Amount(amount) => amount.decimal_comma(),
        Cell::Empty => String::new(),
    }
}

fn column_index(column: usize) -> u16 {
    u16::try_from(column).unwrap_or(u16::MAX)
}

/// A workbook's sheet name may not hold `[]:*?/\`.
fn sanitised_sheet_name(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .map(|c| if "[]:*?/\\".contains(c) { '-' } else { c })
        .collect();
    if cleaned.trim().is_empty() {
        "Ark1".to_owned()
    } else {
        cleaned
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Table {
        let mut table = Table::new("Mottak", &["Nummer", "Navn", "Plasser", "Beløp"]);
        table.row(vec![
            "1234".into(),
            "Bergen; sentrum".into(),
            Cell::Count(120),
            Cell::Amount(Ore(-123_456)),
        ]);
        table.row(vec![
            "9".into(),
            Cell::Empty,
            Cell::Count(0),
            Cell::Amount(Ore(5)),
        ]);
        table
    }

    #[test]
    fn spec_9_csv_has_bom_semicolons_and_decimal_commas() {
        assert_eq!(
            sample().csv(),
            "\u{feff}Nummer;Navn;Plasser;Beløp\r\n1234;\"Bergen; sentrum\";120;-1234,56\r\n9;;0;0,05\r\n"
        );
    }

    #[test]
    fn xlsx_is_a_zip_workbook_with_the_sheet_name() {
        let bytes = sample().xlsx().expect("a workbook");
        assert_eq!(&bytes[..2], b"PK");
        assert!(bytes.len() > 1000);
    }

    #[test]
    fn sheet_names_lose_characters_a_workbook_refuses() {
        assert_eq!(sanitised_sheet_name("2026/27: plan"), "2026-27- plan");
        assert_eq!(sanitised_sheet_name(" "), "Ark1");
    }
}
