//! The consumer price index table (R-AGR-9) and the regulations that used it.

use mottak_domain::cpi::{CpiIndex, CpiRow, CpiTable};
use mottak_domain::dates::Month;

use crate::{Store, StoreError, WriteTx};

/// One stored month of the index, with who imported it and when.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CpiMonth {
    pub month: Month,
    pub index: CpiIndex,
    pub imported_at: String,
    pub imported_by: i64,
}

type CpiMonthRow = (String, i64, String, i64);

fn from_row((month, thousandths, imported_at, imported_by): CpiMonthRow) -> Option<CpiMonth> {
    Some(CpiMonth {
        month: Month::parse(&month)?,
        index: CpiIndex::from_thousandths(thousandths)?,
        imported_at,
        imported_by,
    })
}

impl Store {
    /// Every stored month, oldest first.
    pub async fn cpi_months(&self) -> Result<Vec<CpiMonth>, StoreError> {
        let rows: Vec<CpiMonthRow> = sqlx::query_as(
            "SELECT month, index_thousandths, imported_at, imported_by FROM cpi_months \
             ORDER BY month",
        )
        .fetch_all(&self.pool)
        .await?;
        // The table's CHECK and the import keep every row valid; a row that is not is skipped
        // rather than read as a zero (R-AGR-9: never a silent zero).
        Ok(rows.into_iter().filter_map(from_row).collect())
    }

    /// The index table as the regulation reads it.
    pub async fn cpi_table(&self) -> Result<CpiTable, StoreError> {
        Ok(self
            .cpi_months()
            .await?
            .into_iter()
            .map(|stored| (stored.month, stored.index))
            .collect())
    }
}

impl WriteTx {
    /// Of `rows`, the months already stored with a different index that a regulation has
    /// used (as its base or its new month): replacing those changes what was paid.
    pub async fn cpi_months_used_with_other_index(
        &mut self,
        rows: &[CpiRow],
    ) -> Result<Vec<Month>, StoreError> {
        let mut used = Vec::new();
        for row in rows {
            let month = row.month.to_string();
            let stored: Option<(i64,)> =
                sqlx::query_as("SELECT index_thousandths FROM cpi_months WHERE month = $1")
                    .bind(&month)
                    .fetch_optional(self.connection())
                    .await?;
            if stored.is_none_or(|(index,)| index == row.index.thousandths()) {
                continue;
            }
            let (count,): (i64,) = sqlx::query_as(
                "SELECT CAST(COUNT(*) AS BIGINT) FROM regulations \
                 WHERE base_month = $1 OR new_month = $1",
            )
            .bind(&month)
            .fetch_one(self.connection())
            .await?;
            if count > 0 {
                used.push(row.month);
            }
        }
        Ok(used)
    }

    /// Adds or replaces each row's month.
    pub async fn store_cpi_months(
        &mut self,
        rows: &[CpiRow],
        imported_at: &str,
        imported_by: i64,
    ) -> Result<(), StoreError> {
        for row in rows {
            sqlx::query(
                "INSERT INTO cpi_months (month, index_thousandths, imported_at, imported_by) \
                 VALUES ($1, $2, $3, $4) ON CONFLICT (month) DO UPDATE SET \
                 index_thousandths = excluded.index_thousandths, \
                 imported_at = excluded.imported_at, imported_by = excluded.imported_by",
            )
            .bind(row.month.to_string())
            .bind(row.index.thousandths())
            .bind(imported_at)
            .bind(imported_by)
            .execute(self.connection())
            .await?;
        }
        Ok(())
    }
}

/// A regulation to record (R-AGR-9), as `domain::regulation::regulate_all` made it.
pub struct RegulationRecord<'a> {
    pub regulation: &'a mottak_domain::regulation::Regulation,
    pub run_id: &'a str,
}

impl WriteTx {
    /// Records a regulation made; a second record of the same price and date is a conflict
    /// (`regulations_once`).
    pub async fn record_regulation(
        &mut self,
        record: RegulationRecord<'_>,
    ) -> Result<(), StoreError> {
        let regulation = record.regulation;
        sqlx::query(
            "INSERT INTO regulations (agreement_id, price_path, regulated_on, before_ore, \
             after_ore, base_month, index_base, new_month, index_new, run_id) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        )
        .bind(regulation.agreement_id)
        .bind(&regulation.path)
        .bind(regulation.date.to_string())
        .bind(regulation.before.0)
        .bind(regulation.after.0)
        .bind(regulation.base_month.to_string())
        .bind(regulation.index_base.thousandths())
        .bind(regulation.new_month.to_string())
        .bind(regulation.index_new.thousandths())
        .bind(record.run_id)
        .execute(self.connection())
        .await
        .map_err(StoreError::from_write)?;
        Ok(())
    }
}
