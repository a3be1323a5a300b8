//! CSV as the finance system and spreadsheets read it (SPEC §9): UTF-8 with a byte order mark,
//! `;` between fields, CRLF line ends, a cell quoted when it holds `;`, a quote or a line break.

use axum::http::header;
use axum::response::{IntoResponse, Response};

/// A CSV text, row by row.
pub struct Csv {
    text: String,
}

impl Default for Csv {
    fn default() -> Csv {
        Csv {
            text: String::from("\u{feff}"),
        }
    }
}

impl Csv {
    pub fn row(&mut self, fields: &[&str]) {
        let cells: Vec<String> = fields.iter().map(|field| cell(field)).collect();
        self.text.push_str(&cells.join(";"));
        self.text.push_str("\r\n");
    }

    pub fn finish(self) -> String {
        self.text
    }
}

/// A cell as spreadsheets read it: quoted when it holds `;`, a quote or a line break.
fn cell(text: &str) -> String {
    if text.contains([';', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

/// The CSV as a download named `file_name`.
pub fn download(file_name: &str, csv: String) -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{file_name}\""),
            ),
        ],
        csv,
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spec_9_rows_are_semicolon_separated_with_bom_crlf_and_quoted_cells() {
        let mut csv = Csv::default();
        csv.row(&["a", "b;c", "say \"hi\""]);
        csv.row(&[]);
        assert_eq!(csv.finish(), "\u{feff}a;\"b;c\";\"say \"\"hi\"\"\"\r\n\r\n");
    }
}
