//! R-SET-7: a year's figures per municipality, summed in SQL (persons, not records).

use serde::Serialize;
use sqlx::FromRow;

use crate::{Store, StoreError};

/// One municipality's figures for a year; `settled` counts settlement dates in the year.
#[derive(Clone, Debug, Serialize, FromRow, PartialEq, Eq)]
pub struct ReportRow {
    pub municipality_number: String,
    pub requested: i64,
    pub decided: i64,
    pub offered: i64,
    pub accepted: i64,
    pub settled: i64,
}

impl Store {
    /// Every municipality with a request, a decision or an offer that year, by number.
    pub async fn settlement_report(&self, year: i64) -> Result<Vec<ReportRow>, StoreError> {
        Ok(sqlx::query_as::<_, ReportRow>(
            "SELECT municipality_number, \
             CAST(SUM(requested) AS BIGINT) AS requested, CAST(SUM(decided) AS BIGINT) AS decided, \
             CAST(SUM(offered) AS BIGINT) AS offered, CAST(SUM(accepted) AS BIGINT) AS accepted, \
             CAST(SUM(settled) AS BIGINT) AS settled FROM ( \
               SELECT municipality_number, persons AS requested, 0 AS decided, 0 AS offered, \
                 0 AS accepted, 0 AS settled FROM settlement_requests WHERE year = $1 \
               UNION ALL SELECT municipality_number, 0, persons, 0, 0, 0 \
                 FROM settlement_decisions WHERE year = $1 AND approved = 1 \
               UNION ALL SELECT municipality_number, 0, 0, persons, \
                 CASE WHEN answer = 'accepted' THEN persons ELSE 0 END, 0 \
                 FROM settlement_offers WHERE year = $1 \
               UNION ALL SELECT municipality_number, 0, 0, 0, 0, 1 FROM settlements \
                 WHERE settled_on >= $2 AND settled_on < $3 \
             ) figures GROUP BY municipality_number ORDER BY municipality_number",
        )
        .bind(year)
        .bind(format!("{year:04}-01-01"))
        .bind(format!("{:04}-01-01", year + 1))
        .fetch_all(&self.pool)
        .await?)
    }
}
