//! The centre list and the operator list as CSV or XLSX (issue 17 item 10): the rows the list
//! shows for the same filters, every page of them, with names beside numbers and headings in the
//! user's language.

use std::collections::HashMap;

use axum::Router;
use axum::extract::{Path, Query};
use axum::routing::get;
use mottak_domain::access::Capability;

use super::{category_label, place_type_label};
use crate::auth::allow;
use crate::error::PageError;
use crate::i18n::Lang;
use crate::pages::{Page, PageResult};
use crate::registry::scope;
use crate::routes::registry::api::{CentreQuery, centre_filter};
use crate::state::AppState;
use crate::table_export::{Cell, FileFormat, Table};

/// More than any registry holds (about 600 centres): the export is every matching row.
const EXPORT_LIMIT: i64 = 100_000;

pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/centres/export/{format}",
            get(centres).route_layer(allow(Capability::ReadRegistry)),
        )
        .route(
            "/operators/export/{format}",
            get(operators).route_layer(allow(Capability::ReadRegistry)),
        )
}

fn format(text: &str) -> Result<FileFormat, PageError> {
    FileFormat::parse(text).ok_or(PageError::NotFound)
}

/// Municipality names by number, as of today.
async fn municipality_names(state: &AppState) -> Result<HashMap<String, String>, PageError> {
    let today = chrono::Local::now().date_naive().to_string();
    Ok(state
        .store
        .municipalities(&today)
        .await?
        .into_iter()
        .map(|municipality| (municipality.number, municipality.name))
        .collect())
}

async fn centres(
    Page(state, shell, caller): Page,
    Path(file): Path<String>,
    Query(query): Query<CentreQuery>,
) -> PageResult {
    let file = format(&file)?;
    let lang = shell.lang;
    let mut filter = centre_filter(&state, &caller, &query).await?;
    filter.limit = EXPORT_LIMIT;
    filter.offset = 0;
    let (rows, _) = state.store.list_centres(&filter).await?;
    let names = municipality_names(&state).await?;
    let mut table = Table::new(
        lang.text("registry.centres"),
        &[
            lang.text("registry.number"),
            lang.text("registry.name"),
            lang.text("registry.category"),
            lang.text("registry.place_type"),
            lang.text("registry.status"),
            lang.text("registry.region"),
            lang.text("registry.municipality_number"),
            lang.text("registry.municipality"),
            lang.text("registry.operator"),
            lang.text("registry.dro_number"),
        ],
    );
    for row in rows {
        let status = status_label(&row.status, lang);
        table.row(vec![
            row.number.into(),
            row.name.into(),
            category_label(&row.category, lang).into(),
            place_type_label(&row.place_type, lang).into(),
            status.into(),
            row.region.into(),
            Cell::Text(row.municipality_number.clone()),
            names.get(&row.municipality_number).cloned().into(),
            row.operator_name.into(),
            format!("DRO{}", row.operator_dro).into(),
        ]);
    }
    Ok(table.download(file, lang.text("registry.export_centres_file")))
}

fn status_label(status: &str, lang: Lang) -> &'static str {
    if status == "open" {
        lang.text("registry.open")
    } else {
        lang.text("registry.closed")
    }
}

async fn operators(Page(state, shell, caller): Page, Path(file): Path<String>) -> PageResult {
    let file = format(&file)?;
    let lang = shell.lang;
    let mut table = Table::new(
        lang.text("registry.operators"),
        &[
            lang.text("registry.dro_number"),
            lang.text("registry.name"),
            lang.text("registry.organisation_number"),
            lang.text("registry.experienced"),
            lang.text("registry.visiting_address"),
            lang.text("registry.postal_address"),
            lang.text("registry.postal_code"),
            lang.text("registry.phone"),
            lang.text("registry.email"),
        ],
    );
    for operator in state.store.operators().await? {
        if !scope::may_see_operator(&caller, &operator) {
            continue;
        }
        let experienced = if operator.fields.experienced {
            lang.text("registry.yes")
        } else {
            lang.text("registry.no")
        };
        table.row(vec![
            operator.dro().to_string().into(),
            operator.fields.name.clone().into(),
            operator.fields.organisation_number.clone().into(),
            experienced.into(),
            operator.fields.visiting_address.clone().into(),
            operator.fields.postal_address.clone().into(),
            operator.fields.postal_code.clone().into(),
            operator.fields.phone.clone().into(),
            operator.fields.email.clone().into(),
        ]);
    }
    Ok(table.download(file, lang.text("registry.export_operators_file")))
}
