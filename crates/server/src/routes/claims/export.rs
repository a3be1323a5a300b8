//! The simulated claim as CSV for spreadsheets and the finance system (R-CLM-5, SPEC §9): `;`
//! between fields, UTF-8 with a byte order mark, CRLF line ends; API codes, ISO dates and
//! integer øre, like the API.

use axum::http::header;
use axum::response::{IntoResponse, Response};
use mottak_domain::claims::ClaimResponse;

pub fn csv_response(claim: &ClaimResponse) -> Response {
    let filename = format!("attachment; filename=\"refusjonskrav-{}.csv\"", claim.month);
    (
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
            (header::CONTENT_DISPOSITION, filename),
        ],
        csv(claim),
    )
        .into_response()
}

/// The lines, a total row, then the warnings as a second table after an empty line.
pub fn csv(claim: &ClaimResponse) -> String {
    let mut out = String::from("\u{feff}");
    let mut row = |fields: &[&str]| {
        out.push_str(&fields.join(";"));
        out.push_str("\r\n");
    };
    row(&[
        "month",
        "kind",
        "place_type",
        "priority",
        "price",
        "days",
        "quantity",
        "amount",
    ]);
    let month = claim.month.to_string();
    for line in &claim.lines {
        row(&[
            &month,
            line.kind.code(),
            line.place_type.code(),
            &line.priority.map(|p| p.to_string()).unwrap_or_default(),
            &line.price.0.to_string(),
            &line.days.to_string(),
            &line.quantity.map(|q| q.to_string()).unwrap_or_default(),
            &line.amount.0.to_string(),
        ]);
    }
    row(&[
        &month,
        "total",
        "",
        "",
        "",
        "",
        "",
        &claim.total.0.to_string(),
    ]);
    row(&[]);
    row(&["date", "place_type", "unpaid_residents", "unpaid_meals"]);
    for warning in &claim.warnings {
        let (residents, meals) = warning.unpaid.columns();
        row(&[
            &warning.date.format("%Y-%m-%d").to_string(),
            warning.place_type.code(),
            &residents,
            &meals,
        ]);
    }
    out
}
