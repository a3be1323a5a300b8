//! Reception centres (mottak): one row per centre number.

use serde::Serialize;
use sqlx::FromRow;

use sqlx::any::AnyArguments;
use sqlx::query::QueryAs;
use sqlx::{Any, Row};

use super::centre_fields::CentreFields;
use crate::{Store, StoreError, WriteTx, placeholders, timestamp};

#[derive(Clone, Debug)]
pub struct NewCentre {
    pub number: String,
    pub name: String,
    pub category: String,
    pub place_type: String,
    pub operator_id: i64,
    pub predecessor_id: Option<i64>,
    pub status: String,
    pub fields: CentreFields,
}

#[derive(Clone, Debug, FromRow)]
pub struct CentreRecord {
    pub id: i64,
    pub number: String,
    pub series: String,
    pub name: String,
    pub category: String,
    pub place_type: String,
    pub status: String,
    pub operator_id: i64,
    #[sqlx(flatten)]
    pub fields: CentreFields,
    pub predecessor_id: Option<i64>,
    pub created_at: String,
    pub version: i64,
}

/// A row of the centre list, with its operator.
#[derive(Clone, Debug, Serialize, FromRow)]
pub struct CentreListRow {
    pub id: i64,
    pub number: String,
    pub name: String,
    pub category: String,
    pub place_type: String,
    pub status: String,
    pub region: String,
    pub municipality_number: String,
    pub operator_id: i64,
    pub operator_name: String,
    pub operator_dro: i64,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum CentreSort {
    #[default]
    Number,
    Name,
    Municipality,
    Region,
    Operator,
}

impl CentreSort {
    fn column(self) -> &'static str {
        match self {
            CentreSort::Number => "c.number",
            CentreSort::Name => "c.name",
            CentreSort::Municipality => "c.municipality_number",
            CentreSort::Region => "c.region",
            CentreSort::Operator => "o.name",
        }
    }
}

/// Filters of the centre list; `None` matches everything.
#[derive(Clone, Debug, Default)]
pub struct CentreFilter {
    pub region: Option<String>,
    pub category: Option<String>,
    pub series: Option<String>,
    pub status: Option<String>,
    pub municipality_number: Option<String>,
    pub operator_id: Option<i64>,
    /// Part of the name or number.
    pub text: Option<String>,
    pub sort: CentreSort,
    pub descending: bool,
    pub limit: i64,
    pub offset: i64,
}

/// The columns of the number and identity, before the fields.
const IDENTITY: [&str; 7] = [
    "number",
    "series",
    "name",
    "category",
    "place_type",
    "status",
    "operator_id",
];

/// `SELECT` of [`CentreRecord`]s from `centres`, then `rest` (the condition and order).
fn select(rest: &str) -> String {
    format!(
        "SELECT id, {}, {}, predecessor_id, created_at, version FROM centres {rest}",
        IDENTITY.join(", "),
        CentreFields::column_names().join(", ")
    )
}

/// The filter's WHERE clause; parameters $1–$7 in the order `bind_filter` binds them.
const FILTER: &str = "($1 IS NULL OR c.region = $1) AND ($2 IS NULL OR c.category = $2) \
    AND ($3 IS NULL OR c.series = $3) AND ($4 IS NULL OR c.status = $4) \
    AND ($5 IS NULL OR c.municipality_number = $5) \
    AND (CAST($6 AS BIGINT) IS NULL OR c.operator_id = $6) \
    AND ($7 IS NULL OR LOWER(c.name) LIKE $7 OR c.number LIKE $7)";

/// Binds [`FILTER`]'s parameters; `text` is the filter's text as a lower-case `LIKE` pattern.
fn bind_filter<'q, O>(
    query: QueryAs<'q, Any, O, AnyArguments>,
    filter: &'q CentreFilter,
    text: &'q Option<String>,
) -> QueryAs<'q, Any, O, AnyArguments> {
    query
        .bind(&filter.region)
        .bind(&filter.category)
        .bind(&filter.series)
        .bind(&filter.status)
        .bind(&filter.municipality_number)
        .bind(filter.operator_id)
        .bind(text)
}

impl Store {
    pub async fn centre(&self, id: i64) -> Result<CentreRecord, StoreError> {
        self.record_by(select("WHERE id = $1"), id).await
    }

    pub async fn centre_by_number(&self, number: &str) -> Result<CentreRecord, StoreError> {
        self.record_by(select("WHERE number = $1"), number).await
    }

    /// The centres created from this one (its successors, R-REG-2).
    pub async fn centre_successors(&self, id: i64) -> Result<Vec<CentreRecord>, StoreError> {
        let sql = select("WHERE predecessor_id = $1 ORDER BY number");
        Ok(sqlx::query_as::<_, CentreRecord>(sqlx::AssertSqlSafe(sql))
            .bind(id)
            .fetch_all(&self.pool)
            .await?)
    }

    /// One page of the filtered, sorted list and the number of all matching centres.
    pub async fn list_centres(
        &self,
        filter: &CentreFilter,
    ) -> Result<(Vec<CentreListRow>, i64), StoreError> {
        let direction = if filter.descending { "DESC" } else { "ASC" };
        let sql = format!(
            "SELECT c.id, c.number, c.name, c.category, c.place_type, c.status, c.region, \
             c.municipality_number, c.operator_id, o.name AS operator_name, \
             o.dro_number AS operator_dro FROM centres c JOIN operators o ON o.id = c.operator_id \
             WHERE {FILTER} ORDER BY {} {direction}, c.number LIMIT $8 OFFSET $9",
            filter.sort.column()
        );
        let text = filter
            .text
            .as_ref()
            .map(|text| format!("%{}%", text.to_lowercase()));
        let rows = bind_filter(sqlx::query_as(sqlx::AssertSqlSafe(sql)), filter, &text)
            .bind(filter.limit.clamp(1, 1000))
            .bind(filter.offset.max(0))
            .fetch_all(&self.pool)
            .await?;
        let count_sql = format!(
            "SELECT CAST(COUNT(*) AS BIGINT) FROM centres c JOIN operators o ON o.id = c.operator_id WHERE {FILTER}"
        );
        let (total,): (i64,) = bind_filter(
            sqlx::query_as(sqlx::AssertSqlSafe(count_sql)),
            filter,
            &text,
        )
        .fetch_one(&self.pool)
        .await?;
        Ok((rows, total))
    }

    /// Every centre with `status` (`open`, `closed`), by number, with what R-REG-8 checks.
    pub async fn centres_with_status(&self, status: &str) -> Result<Vec<CentreRecord>, StoreError> {
        let sql = select("WHERE status = $1 ORDER BY number");
        Ok(sqlx::query_as::<_, CentreRecord>(sqlx::AssertSqlSafe(sql))
            .bind(status)
            .fetch_all(&self.pool)
            .await?)
    }

    /// The numbers used in a series, for a preview; allocation reads them in its transaction.
    pub async fn centre_numbers_in_series(&self, series: &str) -> Result<Vec<String>, StoreError> {
        let rows: Vec<(String,)> =
            sqlx::query_as("SELECT number FROM centres WHERE series = $1 ORDER BY number")
                .bind(series)
                .fetch_all(&self.pool)
                .await?;
        Ok(rows.into_iter().map(|(number,)| number).collect())
    }

    /// Every centre number ever given.
    pub async fn all_centre_numbers(&self) -> Result<Vec<String>, StoreError> {
        let rows: Vec<(String,)> = sqlx::query_as("SELECT number FROM centres")
            .fetch_all(&self.pool)
            .await?;
        Ok(rows.into_iter().map(|(number,)| number).collect())
    }

    pub async fn count_centres_by_status(&self) -> Result<Vec<(String, i64)>, StoreError> {
        Ok(sqlx::query_as(
            "SELECT status, CAST(COUNT(*) AS BIGINT) FROM centres GROUP BY status ORDER BY status",
        )
        .fetch_all(&self.pool)
        .await?)
    }
}

impl WriteTx {
    /// Every centre number in a series, open or closed: none is ever reused (R-REG-1).
    pub async fn used_centre_numbers(&mut self, series: &str) -> Result<Vec<String>, StoreError> {
        let rows: Vec<(String,)> =
            sqlx::query_as("SELECT number FROM centres WHERE series = $1 ORDER BY number")
                .bind(series)
                .fetch_all(self.connection())
                .await?;
        Ok(rows.into_iter().map(|(number,)| number).collect())
    }

    pub async fn insert_centre(&mut self, centre: &NewCentre) -> Result<i64, StoreError> {
        let fields = CentreFields::column_names();
        let sql = format!(
            "INSERT INTO centres ({}, {}, predecessor_id, created_at) VALUES {} RETURNING id",
            IDENTITY.join(", "),
            fields.join(", "),
            placeholders(1, IDENTITY.len() + fields.len() + 2)
        );
        let query = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(&centre.number)
            .bind(&centre.number[..2])
            .bind(&centre.name)
            .bind(&centre.category)
            .bind(&centre.place_type)
            .bind(&centre.status)
            .bind(centre.operator_id);
        let row = centre
            .fields
            .bind(query)
            .bind(centre.predecessor_id)
            .bind(timestamp(chrono::Utc::now()))
            .fetch_one(self.connection())
            .await
            .map_err(StoreError::from_write)?;
        Ok(row.try_get("id")?)
    }

    /// Replaces the fields if `expected_version` is still current (optimistic concurrency).
    pub async fn update_centre_fields(
        &mut self,
        id: i64,
        expected_version: i64,
        fields: &CentreFields,
    ) -> Result<(), StoreError> {
        self.update_versioned(
            "centres",
            &CentreFields::column_names(),
            |query| fields.bind(query),
            id,
            expected_version,
        )
        .await
    }

    /// Sets name and status (rename, close, reopen), checking the version.
    pub async fn update_centre_identity(
        &mut self,
        id: i64,
        expected_version: i64,
        name: &str,
        status: &str,
    ) -> Result<(), StoreError> {
        self.update_versioned(
            "centres",
            &["name", "status"],
            |query| query.bind(name).bind(status),
            id,
            expected_version,
        )
        .await
    }
}
