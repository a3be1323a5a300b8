//! A proposal as a download (CSV or XLSX, `table_export`): both placement pages post the rows
//! they show, `household;size;municipality;score` per line, and get them back as a table with
//! the municipality's name beside its number. Nothing is read from the register here.

use std::collections::HashMap;

use axum::Router;
use axum::extract::State;
use axum::response::IntoResponse;
use axum::routing::post;
use mottak_domain::access::Capability;
use serde::Deserialize;

use crate::auth::allow;
use crate::auth::csrf::CsrfForm;
use crate::error::PageError;
use crate::number_format::decimal;
use crate::occupancy::today;
use crate::pages::{PageResult, Shell};
use crate::state::AppState;
use crate::table_export::{Cell, FileFormat, Table};

pub fn router() -> Router<AppState> {
    Router::new().route(
        "/placement/export",
        post(export).route_layer(allow(Capability::ProposePlacements)),
    )
}

/// The lines a page carries to the export: `household;size;municipality;score`.
pub fn proposal_rows<'a>(rows: impl Iterator<Item = (&'a str, i64, &'a str, f64)>) -> String {
    rows.map(|(household, size, municipality, score)| {
        format!("{household};{size};{municipality};{score}")
    })
    .collect::<Vec<_>>()
    .join("\n")
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ExportForm {
    rows: String,
    format: String,
}

/// Municipality names by number, today's.
pub async fn municipality_names(state: &AppState) -> Result<HashMap<String, String>, PageError> {
    Ok(state
        .store
        .municipalities(&today().to_string())
        .await
        .map_err(crate::error::ApiError::from)?
        .into_iter()
        .map(|municipality| (municipality.number, municipality.name))
        .collect())
}

async fn export(
    State(state): State<AppState>,
    shell: Shell,
    CsrfForm(form): CsrfForm<ExportForm>,
) -> PageResult {
    let Some(format) = FileFormat::parse(&form.format) else {
        return Ok(axum::http::StatusCode::BAD_REQUEST.into_response());
    };
    let names = municipality_names(&state).await?;
    let mut table = Table::new(
        shell.t("placement.result"),
        &[
            shell.t("placement.household"),
            shell.t("placement.size"),
            shell.t("placement.municipality_number"),
            shell.t("placement.municipality"),
            shell.t("placement.score"),
        ],
    );
    for line in form.rows.lines() {
        let fields: Vec<&str> = line.split(';').map(str::trim).collect();
        let [household, size, municipality, score] = fields[..] else {
            continue;
        };
        table.row(vec![
            household.into(),
            Cell::from(size.parse::<i64>().ok()),
            municipality.into(),
            Cell::from(names.get(municipality).cloned()),
            Cell::from(score.parse::<f64>().ok().map(|score| decimal(score, 2))),
        ]);
    }
    Ok(table.download(format, "fordelingsforslag"))
}
