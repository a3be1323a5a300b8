//! R-SET-7's drill-down: the records behind one figure of one municipality's year, within the
//! caller's scope (a municipality its own, IMDi every one); their persons sum to the figure, so
//! the report reconciles with the records. Resident ids only, never names.

use mottak_domain::access::MunicipalPermission;
use mottak_domain::settlement::Figure;
use mottak_store::Store;
use serde::Serialize;

use super::{covers, require};
use crate::auth::Caller;
use crate::error::{ApiError, ApiResult};

/// One record behind a figure: a request, a decision, an offer or a person's settlement.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct ReportRecord {
    /// `request`, `decision`, `offer` or `settlement`.
    pub kind: &'static str,
    /// The record's id; for a settlement the resident's.
    pub id: i64,
    /// The offered household's key (offers), or the offer a person was settled from.
    pub reference: String,
    pub persons: i64,
    /// The day that puts it in the year: created, approved, offered or settled (ISO).
    pub date: String,
    /// An offer's answer (`open`, `accepted`, `declined`).
    pub status: String,
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct ReportRecords {
    pub year: i64,
    pub municipality_number: String,
    pub figure: String,
    pub records: Vec<ReportRecord>,
    /// The sum of the records' persons: the figure of the report.
    pub total: i64,
}

fn day(timestamp: &str) -> String {
    timestamp.chars().take(10).collect()
}

pub async fn records(
    store: &Store,
    caller: &Caller,
    year: i64,
    municipality_number: &str,
    figure: Figure,
) -> ApiResult<ReportRecords> {
    require(caller, MunicipalPermission::Reports)?;
    if !covers(caller, municipality_number) {
        return Err(ApiError::NotFound);
    }
    let number = Some(municipality_number);
    let records: Vec<ReportRecord> = match figure {
        Figure::Requested => store
            .settlement_requests(year, number)
            .await?
            .into_iter()
            .map(|request| ReportRecord {
                kind: "request",
                id: request.id,
                reference: String::new(),
                persons: request.numbers.persons,
                date: day(&request.created_at),
                status: String::new(),
            })
            .collect(),
        Figure::Decided => store
            .settlement_decisions(year, number)
            .await?
            .into_iter()
            .filter(|decision| decision.approved == 1)
            .map(|decision| ReportRecord {
                kind: "decision",
                id: decision.id,
                reference: String::new(),
                persons: decision.numbers.persons,
                date: day(decision.approved_at.as_deref().unwrap_or_default()),
                status: String::new(),
            })
            .collect(),
        Figure::Offered | Figure::Accepted => store
            .settlement_offers(year, number)
            .await?
            .into_iter()
            .filter(|offer| figure == Figure::Offered || offer.answer == "accepted")
            .map(|offer| ReportRecord {
                kind: "offer",
                id: offer.id,
                reference: offer.household,
                persons: offer.persons,
                date: offer.offered_on,
                status: offer.answer,
            })
            .collect(),
        Figure::Settled => store
            .settlements_in(year, number)
            .await?
            .into_iter()
            .map(|settlement| ReportRecord {
                kind: "settlement",
                id: settlement.resident_id,
                reference: settlement.offer_id.to_string(),
                persons: 1,
                date: settlement.settled_on,
                status: String::new(),
            })
            .collect(),
    };
    Ok(ReportRecords {
        year,
        municipality_number: municipality_number.to_owned(),
        figure: figure.code().to_owned(),
        total: records.iter().map(|record| record.persons).sum(),
        records,
    })
}
