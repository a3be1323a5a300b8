//! R-SET-7: the yearly report in persons; a municipality's user gets its own row and the
//! national figures, which are the sum of every municipality's.

use mottak_domain::access::MunicipalPermission;
use mottak_domain::settlement::{Figures, national_figures};
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
    pub national: FiguresView,
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
        national: national.into(),
    })
}
