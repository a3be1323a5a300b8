//! Reading stored claims back as domain values: the rows of a claim, its lines, warnings and
//! days, each mapped here so that a corrupt value is an error, never a wrong amount.

use chrono::NaiveDate;
use mottak_domain::claims::{ClaimLine, ClaimWarning, LineKind, Unpaid};
use mottak_domain::dates::{Month, parse_date};
use mottak_domain::money::Ore;
use mottak_domain::place_types::PlaceType;
use sqlx::{AnyConnection, FromRow};

use super::{ClaimSummary, StoredClaim, StoredLine};
use crate::{Store, StoreError, WriteTx};

#[derive(FromRow)]
struct ClaimRow {
    id: i64,
    centre_id: i64,
    month: String,
    total: i64,
    complete: i64,
    missing: String,
    created_at: String,
    created_by: String,
    flagged_at: Option<String>,
    credited_in: Option<i64>,
}

#[derive(FromRow)]
struct LineRow {
    kind: String,
    place_type: String,
    priority: Option<i64>,
    price: i64,
    days: i64,
    quantity: Option<i64>,
    amount: i64,
    agreements: String,
    credits: Option<String>,
    covers: Option<String>,
}

#[derive(FromRow)]
struct WarningRow {
    day: String,
    place_type: String,
    unpaid: String,
    count: i64,
}

const CLAIM_COLUMNS: &str = "id, centre_id, month, total, complete, missing, created_at, \
    created_by, flagged_at, credited_in";

fn corrupt(what: &str, value: &str) -> StoreError {
    StoreError::Conflict(format!("stored {what} {value}"))
}

pub(super) fn stored_date(text: &str) -> Result<NaiveDate, StoreError> {
    parse_date(text).ok_or_else(|| corrupt("date", text))
}

fn stored_month(text: &str) -> Result<Month, StoreError> {
    Month::parse(text).ok_or_else(|| corrupt("month", text))
}

fn place_type(code: &str) -> Result<PlaceType, StoreError> {
    PlaceType::from_code(code).ok_or_else(|| corrupt("place type", code))
}

fn count(value: i64) -> u32 {
    u32::try_from(value).unwrap_or(0)
}

fn line_of(row: LineRow) -> Result<StoredLine, StoreError> {
    Ok(StoredLine {
        line: ClaimLine {
            kind: LineKind::from_code(&row.kind).ok_or_else(|| corrupt("line kind", &row.kind))?,
            place_type: place_type(&row.place_type)?,
            priority: row.priority.map(count),
            price: Ore(row.price),
            days: count(row.days),
            quantity: row.quantity.map(|q| u64::try_from(q).unwrap_or(0)),
            amount: Ore(row.amount),
        },
        agreements: row
            .agreements
            .split('\n')
            .filter(|name| !name.is_empty())
            .map(str::to_owned)
            .collect(),
        credits: row.credits.as_deref().map(stored_month).transpose()?,
        covers: row.covers.as_deref().map(stored_month).transpose()?,
    })
}

fn warning_of(row: WarningRow) -> Result<ClaimWarning, StoreError> {
    let count = count(row.count);
    Ok(ClaimWarning {
        date: stored_date(&row.day)?,
        place_type: place_type(&row.place_type)?,
        unpaid: match row.unpaid.as_str() {
            "residents" => Unpaid::Residents(count),
            "meals" => Unpaid::Meals(count),
            other => return Err(corrupt("warning", other)),
        },
    })
}

async fn read_claim(
    connection: &mut AnyConnection,
    row: ClaimRow,
) -> Result<StoredClaim, StoreError> {
    let lines = sqlx::query_as::<_, LineRow>(
        "SELECT kind, place_type, priority, price, days, quantity, amount, agreements, credits, \
         covers FROM claim_lines WHERE claim_id = $1 ORDER BY position",
    )
    .bind(row.id)
    .fetch_all(&mut *connection)
    .await?;
    let warnings = sqlx::query_as::<_, WarningRow>(
        "SELECT day, place_type, unpaid, count FROM claim_warnings WHERE claim_id = $1 \
         ORDER BY position",
    )
    .bind(row.id)
    .fetch_all(&mut *connection)
    .await?;
    let days: Vec<(String, i64)> =
        sqlx::query_as("SELECT day, residents FROM claim_days WHERE claim_id = $1 ORDER BY day")
            .bind(row.id)
            .fetch_all(&mut *connection)
            .await?;
    Ok(StoredClaim {
        id: row.id,
        centre_id: row.centre_id,
        month: stored_month(&row.month)?,
        total: Ore(row.total),
        complete: row.complete != 0,
        missing: row
            .missing
            .split(',')
            .filter(|field| !field.is_empty())
            .map(str::to_owned)
            .collect(),
        created_at: row.created_at,
        created_by: row.created_by,
        flagged_at: row.flagged_at,
        credited_in: row.credited_in,
        lines: lines.into_iter().map(line_of).collect::<Result<_, _>>()?,
        warnings: warnings
            .into_iter()
            .map(warning_of)
            .collect::<Result<_, _>>()?,
        days: days
            .into_iter()
            .map(|(day, residents)| Ok((stored_date(&day)?, count(residents))))
            .collect::<Result<_, StoreError>>()?,
    })
}

impl Store {
    pub async fn claim(&self, id: i64) -> Result<StoredClaim, StoreError> {
        let mut connection = self.pool.acquire().await?;
        let sql = format!("SELECT {CLAIM_COLUMNS} FROM claims WHERE id = $1");
        let row = sqlx::query_as::<_, ClaimRow>(sqlx::AssertSqlSafe(sql))
            .bind(id)
            .fetch_optional(&mut *connection)
            .await?
            .ok_or(StoreError::NotFound)?;
        read_claim(&mut connection, row).await
    }

    /// The claims of a centre, newest month first.
    pub async fn claims_of_centre(&self, centre_id: i64) -> Result<Vec<ClaimSummary>, StoreError> {
        Ok(sqlx::query_as(
            "SELECT id, centre_id, month, total, complete, flagged_at FROM claims \
             WHERE centre_id = $1 ORDER BY month DESC",
        )
        .bind(centre_id)
        .fetch_all(&self.pool)
        .await?)
    }

    /// Every claim of a month (the overview filters them by the caller's centres).
    pub async fn claims_of_month(&self, month: Month) -> Result<Vec<ClaimSummary>, StoreError> {
        Ok(sqlx::query_as(
            "SELECT id, centre_id, month, total, complete, flagged_at FROM claims \
             WHERE month = $1 ORDER BY centre_id",
        )
        .bind(month.to_string())
        .fetch_all(&self.pool)
        .await?)
    }
}

impl WriteTx {
    /// The id of the centre's claim for the month, if it has one.
    pub async fn claim_of_month(
        &mut self,
        centre_id: i64,
        month: Month,
    ) -> Result<Option<i64>, StoreError> {
        let row: Option<(i64,)> =
            sqlx::query_as("SELECT id FROM claims WHERE centre_id = $1 AND month = $2")
                .bind(centre_id)
                .bind(month.to_string())
                .fetch_optional(self.connection())
                .await?;
        Ok(row.map(|(id,)| id))
    }

    /// The centre's flagged claims that no later claim has credited yet (R-AGR-3), oldest first.
    pub async fn claims_to_credit(
        &mut self,
        centre_id: i64,
    ) -> Result<Vec<StoredClaim>, StoreError> {
        let sql = format!(
            "SELECT {CLAIM_COLUMNS} FROM claims WHERE centre_id = $1 \
             AND flagged_at IS NOT NULL AND credited_in IS NULL ORDER BY month"
        );
        let rows = sqlx::query_as::<_, ClaimRow>(sqlx::AssertSqlSafe(sql))
            .bind(centre_id)
            .fetch_all(self.connection())
            .await?;
        let mut claims = Vec::with_capacity(rows.len());
        for row in rows {
            claims.push(read_claim(self.connection(), row).await?);
        }
        Ok(claims)
    }
}
