//! The yearly settlement report as a table (R-SET-7): IMDi every municipality, a municipality
//! its own row; both the national figures.

use askama::Template;
use axum::Router;
use axum::extract::{Path, State};
use axum::routing::get;
use mottak_domain::access::Capability;

use super::api::YearQuery;
use super::api::parse_figure;
use crate::auth::{Caller, allow};
use crate::error::PageError;
use crate::pages::{Page, PageResult, Shell, render};
use crate::params::ApiQuery;
use crate::settlement::report::{self, ReportView};
use crate::settlement::report_records::{self, ReportRecord, ReportRecords};
use crate::settlement::year_or_current;
use crate::state::AppState;
use crate::table_export::{Cell, FileFormat, Table};
use serde::Deserialize;

pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/settlement/report",
            get(show).route_layer(allow(Capability::ReadSettlement)),
        )
        .route(
            "/settlement/report/records",
            get(records_page).route_layer(allow(Capability::ReadSettlement)),
        )
        .route(
            "/settlement/report/{format}",
            get(export).route_layer(allow(Capability::ReadSettlement)),
        )
}

#[derive(Template)]
#[template(path = "settlement/report.html")]
struct ReportPage {
    shell: Shell,
    report: ReportView,
    bars: Vec<Bar>,
    names: crate::names::Names,
}

/// One bar of the national figures' chart: its label and number are written beside it, so the
/// chart reads without colour.
struct Bar {
    label: &'static str,
    value: i64,
    y: i64,
    width: i64,
    value_x: i64,
}

const BAR_START: i64 = 170;
const BAR_MAX: i64 = 280;

fn bars(shell: &Shell, report: &ReportView) -> Vec<Bar> {
    let national = &report.national;
    let figures = [
        ("settlement.requested", national.requested),
        ("settlement.decided", national.decided),
        ("settlement.offered", national.offered),
        ("settlement.accepted", national.accepted),
        ("settlement.settled", national.settled),
    ];
    let max = figures
        .iter()
        .map(|(_, value)| *value)
        .max()
        .unwrap_or(0)
        .max(1);
    figures
        .iter()
        .zip(0..)
        .map(|((key, value), index)| {
            let width = value.max(&0) * BAR_MAX / max;
            Bar {
                label: shell.t(key),
                value: *value,
                y: index * 30,
                width,
                value_x: BAR_START + width + 6,
            }
        })
        .collect()
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct RecordsParams {
    year: Option<i64>,
    municipality: String,
    figure: String,
}

#[derive(Template)]
#[template(path = "settlement/report_records.html")]
struct RecordsPage {
    shell: Shell,
    municipality: String,
    figure_label: &'static str,
    records: ReportRecords,
}

impl RecordsPage {
    fn kind(&self, record: &ReportRecord) -> &'static str {
        self.shell.t(&format!("report.kind.{}", record.kind))
    }

    fn status(&self, record: &ReportRecord) -> &'static str {
        match record.status.as_str() {
            "" => "",
            status => self.shell.t(&format!("settlement.status.{status}")),
        }
    }

    fn date(&self, record: &ReportRecord) -> String {
        chrono::NaiveDate::parse_from_str(&record.date, "%Y-%m-%d")
            .map(crate::pages::display_date)
            .unwrap_or_else(|_| record.date.clone())
    }
}

/// The records behind one figure of the report (R-SET-7's drill-down), within the caller's scope.
async fn records_page(
    Page(state, shell, caller): Page,
    ApiQuery(query): ApiQuery<RecordsParams>,
) -> PageResult {
    let year = year_or_current(query.year);
    let figure = parse_figure(&query.figure).map_err(|_| PageError::NotFound)?;
    let number = query.municipality.trim();
    let records = report_records::records(&state.store, &caller, year, number, figure).await?;
    let municipality = crate::names::Names::load(&state.store)
        .await?
        .municipality(number);
    Ok(render(&RecordsPage {
        figure_label: shell.t(&format!("settlement.{}", figure.code())),
        shell: shell.with_title("report.records_title"),
        municipality,
        records,
    }))
}

async fn show(
    Page(state, shell, caller): Page,
    ApiQuery(query): ApiQuery<YearQuery>,
) -> PageResult {
    let year = query.or_current();
    let report = report::report(&state.store, &caller, year).await?;
    Ok(render(&ReportPage {
        names: crate::names::Names::load(&state.store).await?,
        bars: bars(&shell, &report),
        shell: shell.with_title("settlement.report_title"),
        report,
    }))
}

/// The report's table as CSV (R-SET-7, SPEC §9: `;`, UTF-8 with a byte order mark) or XLSX: a
/// row per municipality the caller sees and the national figures last.
async fn export(
    State(state): State<AppState>,
    caller: Caller,
    Path(format): Path<String>,
    ApiQuery(query): ApiQuery<YearQuery>,
) -> PageResult {
    let format = FileFormat::parse(&format).ok_or(PageError::NotFound)?;
    let year = query.or_current();
    let report = report::report(&state.store, &caller, year).await?;
    let mut table = Table::new(
        &format!("Bosetting {year}"),
        &[
            "year",
            "municipality_number",
            "requested",
            "decided",
            "offered",
            "accepted",
            "settled",
        ],
    );
    let rows = report
        .municipalities
        .iter()
        .map(|row| (row.municipality_number.as_str(), &row.figures))
        .chain(std::iter::once(("national", &report.national)));
    for (name, figures) in rows {
        table.row(vec![
            Cell::Count(year),
            name.into(),
            Cell::Count(figures.requested),
            Cell::Count(figures.decided),
            Cell::Count(figures.offered),
            Cell::Count(figures.accepted),
            Cell::Count(figures.settled),
        ]);
    }
    Ok(table.download(format, &format!("bosetting-{year}")))
}
