//! Writing claims: a new claim with its lines, warnings and days in one statement per table,
//! and R-AGR-3's flags and credits.

use chrono::NaiveDate;
use mottak_domain::claims::Unpaid;
use mottak_domain::dates::Month;
use mottak_domain::money::Ore;

use super::NewClaim;
use crate::{StoreError, WriteTx, flag, placeholders, timestamp};

impl WriteTx {
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
}
