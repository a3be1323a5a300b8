//! Stored monthly claims (R-CLM-5): the claim row with its accounting state, one row per line and
//! per warning, and the days it was computed from. Rows are mapped to the domain's claim lines
//! and warnings here, so callers read domain values.

use chrono::NaiveDate;
use mottak_domain::agreements::AgreementTerms;
use mottak_domain::claims::stored::PriceChange;
use mottak_domain::claims::{ClaimLine, ClaimWarning, LineKind, Unpaid};
use mottak_domain::dates::{Month, parse_date};
use mottak_domain::money::Ore;
use mottak_domain::place_types::PlaceType;
use sqlx::{AnyConnection, FromRow};

use crate::{Store, StoreError, WriteTx, flag, placeholders, timestamp};

/// A claim line with what explains it beyond the engine's line: the agreements it came from and,
/// for a credit, the month it credits.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredLine {
    pub line: ClaimLine,
    /// The names of the agreements whose tier or transfer this line pays.
    pub agreements: Vec<String>,
    /// For a credit: the month whose difference it pays back (R-AGR-3).
    pub credits: Option<Month>,
    /// For a fixed transfer paid under payment terms other than monthly (R-AGR-10): the month
    /// whose earnings it pays.
    pub covers: Option<Month>,
}

/// A claim as stored, with its lines, warnings and days.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredClaim {
    pub id: i64,
    pub centre_id: i64,
    pub month: Month,
    pub total: Ore,
    /// The accounting header was complete (R-REG-8) when the claim was made.
    pub complete: bool,
    pub missing: Vec<String>,
    pub created_at: String,
    pub created_by: String,
    /// R-AGR-3: set when an agreement's end moved before days this claim paid.
    pub flagged_at: Option<String>,
    /// The claim that credited the difference.
    pub credited_in: Option<i64>,
    pub lines: Vec<StoredLine>,
    pub warnings: Vec<ClaimWarning>,
    /// Residents per day the claim was computed from.
    pub days: Vec<(NaiveDate, u32)>,
}

/// What a new claim stores.
pub struct NewClaim<'a> {
    pub centre_id: i64,
    pub month: Month,
    pub complete: bool,
    pub missing: &'a [String],
    pub created_by: &'a str,
    pub lines: &'a [StoredLine],
    pub warnings: &'a [ClaimWarning],
    pub days: &'a [(NaiveDate, u32)],
}

/// One row of a claims overview: the claim's header without its lines.
#[derive(Clone, Debug, PartialEq, Eq, FromRow)]
pub struct ClaimSummary {
    pub id: i64,
    pub centre_id: i64,
    pub month: String,
    pub total: i64,
    pub complete: i64,
    pub flagged_at: Option<String>,
}

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

fn stored_date(text: &str) -> Result<NaiveDate, StoreError> {
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

    /// R-AGR-3: flags the centres' claims for months that end after `end` (they paid days that are
    /// no longer in an agreement); returns how many were flagged.
    pub async fn flag_claims_after(
        &mut self,
        centre_ids: &[i64],
        end: NaiveDate,
    ) -> Result<u64, StoreError> {
        let now = timestamp(chrono::Utc::now());
        // Every month from the end's own on paid days on or after `end`.
        let earliest = Month::new(chrono::Datelike::year(&end), chrono::Datelike::month(&end))
            .expect("a date's month")
            .to_string();
        let mut flagged = 0;
        for centre_id in centre_ids {
            flagged += sqlx::query(
                "UPDATE claims SET flagged_at = $1 WHERE centre_id = $2 AND month >= $3 \
                 AND flagged_at IS NULL AND credited_in IS NULL",
            )
            .bind(&now)
            .bind(centre_id)
            .bind(&earliest)
            .execute(self.connection())
            .await?
            .rows_affected();
        }
        Ok(flagged)
    }

    /// Stores a new claim; a second claim for the same centre and month is
    /// `Conflict("claims_centre_month")`.
    pub async fn insert_claim(&mut self, claim: &NewClaim<'_>) -> Result<i64, StoreError> {
        let total: Ore = claim.lines.iter().map(|line| line.line.amount).sum();
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO claims (centre_id, month, total, complete, missing, created_at, \
             created_by) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        )
        .bind(claim.centre_id)
        .bind(claim.month.to_string())
        .bind(total.0)
        .bind(flag(claim.complete))
        .bind(claim.missing.join(","))
        .bind(timestamp(chrono::Utc::now()))
        .bind(claim.created_by)
        .fetch_one(self.connection())
        .await
        .map_err(StoreError::from_write)?;
        // One statement per table: a claim is about 50 rows, and each statement is a round trip.
        if !claim.lines.is_empty() {
            let sql = format!(
                "INSERT INTO claim_lines (claim_id, position, kind, place_type, priority, price, \
                 days, quantity, amount, agreements, credits, covers) VALUES {}",
                placeholders(claim.lines.len(), 12)
            );
            let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
            for (position, stored) in claim.lines.iter().enumerate() {
                let line = &stored.line;
                query = query
                    .bind(id)
                    .bind(position as i64)
                    .bind(line.kind.code())
                    .bind(line.place_type.code())
                    .bind(line.priority.map(i64::from))
                    .bind(line.price.0)
                    .bind(i64::from(line.days))
                    .bind(line.quantity.map(|q| i64::try_from(q).unwrap_or(i64::MAX)))
                    .bind(line.amount.0)
                    .bind(stored.agreements.join("\n"))
                    .bind(stored.credits.map(|month| month.to_string()))
                    .bind(stored.covers.map(|month| month.to_string()));
            }
            query.execute(self.connection()).await?;
        }
        if !claim.warnings.is_empty() {
            let sql = format!(
                "INSERT INTO claim_warnings (claim_id, position, day, place_type, unpaid, count) \
                 VALUES {}",
                placeholders(claim.warnings.len(), 6)
            );
            let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
            for (position, warning) in claim.warnings.iter().enumerate() {
                let (unpaid, count) = match warning.unpaid {
                    Unpaid::Residents(count) => ("residents", count),
                    Unpaid::Meals(count) => ("meals", count),
                };
                query = query
                    .bind(id)
                    .bind(position as i64)
                    .bind(warning.date.to_string())
                    .bind(warning.place_type.code())
                    .bind(unpaid)
                    .bind(i64::from(count));
            }
            query.execute(self.connection()).await?;
        }
        if !claim.days.is_empty() {
            let sql = format!(
                "INSERT INTO claim_days (claim_id, day, residents) VALUES {}",
                placeholders(claim.days.len(), 3)
            );
            let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
            for (day, residents) in claim.days {
                query = query
                    .bind(id)
                    .bind(day.to_string())
                    .bind(i64::from(*residents));
            }
            query.execute(self.connection()).await?;
        }
        Ok(id)
    }

    /// Marks the claims as credited by `by` (R-AGR-3).
    pub async fn mark_credited(&mut self, ids: &[i64], by: i64) -> Result<(), StoreError> {
        for id in ids {
            sqlx::query("UPDATE claims SET credited_in = $1 WHERE id = $2")
                .bind(by)
                .bind(id)
                .execute(self.connection())
                .await?;
        }
        Ok(())
    }

    /// Every agreement with a unit at the centre, at its current version, with its id (the
    /// regulations and the lines' explanations name it).
    pub async fn agreements_for_claim(
        &mut self,
        centre_id: i64,
    ) -> Result<Vec<(i64, AgreementTerms)>, StoreError> {
        let rows: Vec<(i64, String)> = sqlx::query_as(
            "SELECT a.id, v.document FROM agreements a JOIN agreement_versions v \
             ON v.agreement_id = a.id AND v.version = a.version WHERE a.id IN \
             (SELECT agreement_id FROM agreement_units WHERE centre_id = $1) ORDER BY a.valid_from, a.id",
        )
        .bind(centre_id)
        .fetch_all(self.connection())
        .await?;
        rows.into_iter()
            .map(|(id, document)| {
                let terms = serde_json::from_str(&document)
                    .map_err(|error| StoreError::Database(sqlx::Error::Decode(Box::new(error))))?;
                Ok((id, terms))
            })
            .collect()
    }

    /// The regulations of the centre's agreements (R-AGR-9), so that a claim pays each day at the
    /// price in force that day.
    pub async fn price_changes(&mut self, centre_id: i64) -> Result<Vec<PriceChange>, StoreError> {
        let rows: Vec<(i64, String, String, i64, i64)> = sqlx::query_as(
            "SELECT agreement_id, price_path, regulated_on, before_ore, after_ore FROM regulations \
             WHERE agreement_id IN (SELECT agreement_id FROM agreement_units WHERE centre_id = $1) \
             ORDER BY regulated_on",
        )
        .bind(centre_id)
        .fetch_all(self.connection())
        .await?;
        rows.into_iter()
            .map(|(agreement_id, price, date, before, after)| {
                Ok(PriceChange {
                    agreement_id,
                    price,
                    date: stored_date(&date)?,
                    before: Ore(before),
                    after: Ore(after),
                })
            })
            .collect()
    }

    /// R-CLM-6: the latest end (stop date where set, else valid-to) among the centre's agreements.
    pub async fn latest_agreement_end(
        &mut self,
        centre_id: i64,
    ) -> Result<Option<NaiveDate>, StoreError> {
        let row: (Option<String>,) = sqlx::query_as(
            "SELECT MAX(COALESCE(stop_date, valid_to)) FROM agreements WHERE id IN \
             (SELECT agreement_id FROM agreement_units WHERE centre_id = $1)",
        )
        .bind(centre_id)
        .fetch_one(self.connection())
        .await?;
        row.0.as_deref().map(stored_date).transpose()
    }
}
