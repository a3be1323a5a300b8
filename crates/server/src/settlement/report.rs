//! R-SET-7: the yearly report in persons; a municipality's user gets its own row and the
//! national figures, which are the sum of every municipality's.

use mottak_domain::access::MunicipalPermission;
use std::collections::HashMap;

use mottak_domain::settlement::{Figures, county_figures, national_figures};
use mottak_store::Store;
use mottak_store::settlement::ReportRow;
use serde::Serialize;

use super::{municipality_scope, require};
use crate::auth::Caller;
use crate::error::ApiResult;

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct FiguresView {
    pub requested: i64,
    pub decided: i64,
    pub offered: i64,
    pub accepted: i64,
    pub settled: i64,
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct MunicipalityFigures {
    pub municipality_number: String,
    #[serde(flatten)]
    pub figures: FiguresView,
}

impl From<Figures> for FiguresView {
    fn from(figures: Figures) -> FiguresView {
        FiguresView {
            requested: figures.requested,
            decided: figures.decided,
            offered: figures.offered,
            accepted: figures.accepted,
            settled: figures.settled,
        }
    }
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct ReportView {
    pub year: i64,
    pub municipalities: Vec<MunicipalityFigures>,
    /// Every county's figures, the sum of its municipalities' (aggregates, shown to every reader
    /// of the report, like the national figures).
    pub counties: Vec<CountyFigures>,
    pub national: FiguresView,
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct CountyFigures {
    pub county_number: String,
    pub county_name: String,
    #[serde(flatten)]
    pub figures: FiguresView,
}

fn figures(row: &ReportRow) -> Figures {
    Figures {
        requested: row.requested,
        decided: row.decided,
        offered: row.offered,
        accepted: row.accepted,
        settled: row.settled,
    }
}

pub async fn report(store: &Store, caller: &Caller, year: i64) -> ApiResult<ReportView> {
    require(caller, MunicipalPermission::Reports)?;
    let rows = store.settlement_report(year).await?;
    let all: Vec<Figures> = rows.iter().map(figures).collect();
    let national = national_figures(&all);
    let today = crate::occupancy::today().to_string();
    let county_of: HashMap<String, (String, String)> = store
        .municipalities(&today)
        .await?
        .into_iter()
        .map(|municipality| {
            let county = (municipality.county_number, municipality.county_name);
            (municipality.number, county)
        })
        .collect();
    let county_names: HashMap<String, String> = county_of.values().cloned().collect();
    let unknown = (String::new(), String::new());
    let county = |number: &str| county_of.get(number).unwrap_or(&unknown);
    let counties = county_figures(
        rows.iter()
            .zip(&all)
            .map(|(row, figures)| (county(&row.municipality_number).0.as_str(), figures)),
    )
    .into_iter()
    .map(|(number, figures)| CountyFigures {
        county_name: county_names.get(&number).cloned().unwrap_or_default(),
        county_number: number,
        figures: figures.into(),
    })
    .collect();
    let scope = municipality_scope(caller);
    Ok(ReportView {
        year,
        municipalities: rows
            .into_iter()
            .filter(|row| scope.is_none_or(|own| own == row.municipality_number))
            .map(|row| MunicipalityFigures {
                figures: figures(&row).into(),
                municipality_number: row.municipality_number,
            })
            .collect(),
        counties,
        national: national.into(),
    })
}
