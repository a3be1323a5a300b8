//! A stored claim as files for the finance system (R-CLM-5, SPEC §9–10): CSV with `;`, UTF-8 with
//! a byte order mark, amounts in øre with a kroner column beside them (`1234,56`); and a PDF with
//! the accounting header, the lines, the warnings and the total, in Norwegian.

use axum::http::header;
use axum::response::{IntoResponse, Response};
use mottak_domain::claims::LineKind;
use mottak_store::claims::{StoredClaim, StoredLine};
use mottak_store::registry::{CentreRecord, OperatorRecord};

use super::export::{LINE_COLUMNS, line_cells, total_cells, warnings_table};
use crate::csv_out::{Csv, download};
use crate::i18n::Lang;
use crate::pages::display_date;
use crate::pdf::{Align, Block, Table, render};
use crate::routes::registry::{accounting, place_type_label};

fn file_name(claim: &StoredClaim, centre: &CentreRecord, extension: &str) -> String {
    format!(
        "refusjonskrav-{}-{}.{extension}",
        centre.number, claim.month
    )
}

pub fn csv_response(
    claim: &StoredClaim,
    centre: &CentreRecord,
    operator: &OperatorRecord,
) -> Response {
    download(
        &file_name(claim, centre, "csv"),
        csv(claim, centre, operator),
    )
}

/// The lines with a total row; after an empty line the warnings; after another the accounting
/// header as `field;value` rows.
pub fn csv(claim: &StoredClaim, centre: &CentreRecord, operator: &OperatorRecord) -> String {
    let mut csv = Csv::default();
    let mut row = |fields: &[&str]| csv.row(fields);
    row(&[
        &["centre_number", "month"],
        LINE_COLUMNS,
        &["amount_kroner", "agreements", "credits", "covers"],
    ]
    .concat());
    let month = claim.month.to_string();
    for stored in &claim.lines {
        let line = &stored.line;
        let cells = line_cells(line);
        let after = [
            line.amount.decimal_comma(),
            stored.agreements.join(", "),
            stored.credits.map(|m| m.to_string()).unwrap_or_default(),
            stored.covers.map(|m| m.to_string()).unwrap_or_default(),
        ];
        let mut fields = vec![centre.number.as_str(), month.as_str()];
        fields.extend(cells.iter().chain(&after).map(String::as_str));
        row(&fields);
    }
    let total = total_cells(claim.total);
    let after = [
        claim.total.decimal_comma(),
        String::new(),
        String::new(),
        String::new(),
    ];
    let mut fields = vec![centre.number.as_str(), month.as_str()];
    fields.extend(total.iter().chain(&after).map(String::as_str));
    row(&fields);
    warnings_table(&mut csv, &claim.warnings);
    let mut row = |fields: &[&str]| csv.row(fields);
    row(&[]);
    row(&["field", "value"]);
    let header = accounting(centre, operator);
    for (field, value) in [
        ("external_cost_centre", &header.external_cost_centre),
        ("udi_cost_centre", &header.udi_cost_centre),
        ("supplier_number_benefits", &header.supplier_number_benefits),
        (
            "supplier_number_operation",
            &header.supplier_number_operation,
        ),
        ("organisation_number", &header.organisation_number),
        ("bank_account_benefits", &header.bank_account_benefits),
        ("bank_account_operation", &header.bank_account_operation),
    ] {
        row(&[field, value.as_deref().unwrap_or("")]);
    }
    row(&["complete", if claim.complete { "true" } else { "false" }]);
    row(&["missing", &claim.missing.join(",")]);
    csv.finish()
}

pub fn pdf_response(
    claim: &StoredClaim,
    centre: &CentreRecord,
    operator: &OperatorRecord,
) -> Response {
    (
        [
            (header::CONTENT_TYPE, "application/pdf".to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!(
                    "attachment; filename=\"{}\"",
                    file_name(claim, centre, "pdf")
                ),
            ),
        ],
        pdf(claim, centre, operator),
    )
        .into_response()
}

/// The printable claim in bokmål (the finance system's language).
pub fn pdf(claim: &StoredClaim, centre: &CentreRecord, operator: &OperatorRecord) -> Vec<u8> {
    let lang = Lang::Nb;
    let header = accounting(centre, operator);
    let value = |value: &Option<String>| value.clone().unwrap_or_else(|| "–".to_owned());
    let mut blocks = vec![
        Block::Title(format!("Refusjonskrav {}", claim.month)),
        Block::Fields(vec![
            (
                "Mottak".into(),
                format!("{} {}", centre.number, centre.name),
            ),
            (
                "Driftsoperatør".into(),
                format!("{} ({})", operator.fields.name, operator.dro()),
            ),
            (
                "Laget".into(),
                format!(
                    "{} av {}",
                    claim.created_at.get(..10).unwrap_or(""),
                    claim.created_by
                ),
            ),
        ]),
        Block::Heading("Konteringsinformasjon".into()),
        Block::Fields(vec![
            (
                "Ekstern koststed".into(),
                value(&header.external_cost_centre),
            ),
            ("UDIs koststed".into(), value(&header.udi_cost_centre)),
            (
                "Leverandørnr. pengereglement".into(),
                value(&header.supplier_number_benefits),
            ),
            (
                "Leverandørnr. drift".into(),
                value(&header.supplier_number_operation),
            ),
            (
                "Organisasjonsnummer".into(),
                value(&header.organisation_number),
            ),
            (
                "Kontonr. pengereglement".into(),
                value(&header.bank_account_benefits),
            ),
            (
                "Kontonr. drift".into(),
                value(&header.bank_account_operation),
            ),
        ]),
    ];
    if !claim.complete {
        blocks.push(Block::Paragraph(format!(
            "Kravet er ikke korrekt før konteringsinformasjonen er komplett. Mangler: {}.",
            claim.missing.join(", ")
        )));
    }
    blocks.push(Block::Heading("Linjer".into()));
    let lines = claim
        .lines
        .iter()
        .map(|stored| {
            let line = &stored.line;
            vec![
                line_name(stored, lang),
                line.priority.map(|p| p.to_string()).unwrap_or_default(),
                match line.kind {
                    LineKind::FixedOperating | LineKind::FixedRent => {
                        format!("{} per år", line.price)
                    }
                    LineKind::Credit => String::new(),
                    _ => line.price.to_string(),
                },
                line.days.to_string(),
                line.quantity.map(|q| q.to_string()).unwrap_or_default(),
                line.amount.to_string(),
            ]
        })
        .collect();
    let mut total = vec![String::new(); 6];
    total[0] = "Sum".into();
    total[5] = claim.total.to_string();
    blocks.push(Block::Table(Table {
        footer: Some(total),
        ..Table::new(
            &[
                ("Linje", 0.34, Align::Left),
                ("Prioritet", 0.1, Align::Right),
                ("Pris", 0.18, Align::Right),
                ("Dager", 0.08, Align::Right),
                ("Døgn", 0.1, Align::Right),
                ("Beløp", 0.2, Align::Right),
            ],
            lines,
        )
    }));
    if !claim.warnings.is_empty() {
        let warnings = claim
            .warnings
            .iter()
            .map(|warning| {
                let (residents, meals) = warning.unpaid.columns();
                vec![display_date(warning.date), residents, meals]
            })
            .collect();
        blocks.push(Block::Heading("Varsler".into()));
        blocks.push(Block::Table(Table::new(
            &[
                ("Dato", 0.25, Align::Left),
                ("Ubetalte beboere", 0.35, Align::Right),
                ("Ubetalt kost", 0.4, Align::Right),
            ],
            warnings,
        )));
    }
    render(
        &format!("Refusjonskrav {} {}", centre.number, claim.month),
        &blocks,
    )
}

/// What a line is, as the page and the PDF name it: its kind and place type, the month a
/// scheduled fixed transfer covers (R-AGR-10), or the month a credit pays back (R-AGR-3).
pub(super) fn line_name(stored: &StoredLine, lang: Lang) -> String {
    let line = &stored.line;
    if let (LineKind::Credit, Some(month)) = (line.kind, stored.credits) {
        return format!("{} {month}", lang.text("stored.credit_for"));
    }
    let name = format!(
        "{} ({})",
        lang.text(&format!("claims.kind.{}", line.kind.code())),
        place_type_label(line.place_type.code(), lang)
    );
    match stored.covers {
        Some(month) => format!("{name}, {} {month}", lang.text("stored.covers")),
        None => name,
    }
}
