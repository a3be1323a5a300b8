//! The simulated claim as CSV for spreadsheets and the finance system (R-CLM-5, SPEC §9): `;`
//! between fields, UTF-8 with a byte order mark, CRLF line ends; API codes, ISO dates and
//! integer øre, like the API.

use axum::response::Response;
use mottak_domain::claims::{ClaimLine, ClaimResponse, ClaimWarning};
use mottak_domain::money::Ore;

use crate::csv_out::{Csv, download};

pub fn csv_response(claim: &ClaimResponse) -> Response {
    download(&format!("refusjonskrav-{}.csv", claim.month), csv(claim))
}

/// The lines, a total row, then the warnings as a second table after an empty line.
pub fn csv(claim: &ClaimResponse) -> String {
    let mut csv = Csv::default();
    csv.row(&[&["month"], LINE_COLUMNS].concat());
    let month = claim.month.to_string();
    for line in &claim.lines {
        let cells = line_cells(line);
        let mut row = vec![month.as_str()];
        row.extend(cells.iter().map(String::as_str));
        csv.row(&row);
    }
    let total = total_cells(claim.total);
    let mut row = vec![month.as_str()];
    row.extend(total.iter().map(String::as_str));
    csv.row(&row);
    warnings_table(&mut csv, &claim.warnings);
    csv.finish()
}

/// The columns of a claim line, shared by the simulated and the stored claim's CSV.
pub const LINE_COLUMNS: &[&str] = &[
    "kind",
    "place_type",
    "priority",
    "price",
    "days",
    "quantity",
    "amount",
];

/// A claim line's cells under [`LINE_COLUMNS`]: API codes and integer øre.
pub fn line_cells(line: &ClaimLine) -> [String; 7] {
    [
        line.kind.code().to_owned(),
        line.place_type.code().to_owned(),
        line.priority.map(|p| p.to_string()).unwrap_or_default(),
        line.price.0.to_string(),
        line.days.to_string(),
        line.quantity.map(|q| q.to_string()).unwrap_or_default(),
        line.amount.0.to_string(),
    ]
}

/// The total row's cells under [`LINE_COLUMNS`]: `total`, then the sum under `amount`.
pub fn total_cells(total: Ore) -> [String; 7] {
    let mut cells: [String; 7] = Default::default();
    cells[0] = "total".to_owned();
    cells[6] = total.0.to_string();
    cells
}

/// After an empty row, the unpaid residents and meals per day (R-CLM-1, R-CLM-2).
pub fn warnings_table(csv: &mut Csv, warnings: &[ClaimWarning]) {
    csv.row(&[]);
    csv.row(&["date", "place_type", "unpaid_residents", "unpaid_meals"]);
    for warning in warnings {
        let (residents, meals) = warning.unpaid.columns();
        csv.row(&[
            &warning.date.to_string(),
            warning.place_type.code(),
            &residents,
            &meals,
        ]);
    }
}
