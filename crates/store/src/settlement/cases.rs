//! R-SET-1, R-SET-2: requests and decisions, one of each per municipality and year.

use serde::Serialize;
use sqlx::FromRow;

use crate::{Store, StoreError, WriteTx, timestamp};

#[derive(Clone, Debug, Serialize, FromRow)]
pub struct RequestRecord {
    pub id: i64,
    #[sqlx(flatten)]
    #[serde(flatten)]
    pub numbers: NewYearlyNumbers,
    pub created_at: String,
}

#[derive(Clone, Debug, Serialize, FromRow)]
pub struct DecisionRecord {
    pub id: i64,
    #[sqlx(flatten)]
    #[serde(flatten)]
    pub numbers: NewYearlyNumbers,
    /// 0/1.
    pub approved: i64,
    pub approved_at: Option<String>,
    pub created_at: String,
}

impl DecisionRecord {
    pub fn is_approved(&self) -> bool {
        self.approved != 0
    }
}

/// A request's or a decision's numbers, validated; the records read them back.
#[derive(Clone, Debug, Serialize, FromRow)]
pub struct NewYearlyNumbers {
    pub year: i64,
    pub municipality_number: String,
    pub persons: i64,
    pub unaccompanied_minors: i64,
}

const REQUEST_COLUMNS: &str =
    "id, year, municipality_number, persons, unaccompanied_minors, created_at";
const DECISION_COLUMNS: &str = "id, year, municipality_number, persons, unaccompanied_minors, \
    approved, approved_at, created_at";

impl Store {
    /// A year's requests, of one municipality or (None) of all, by municipality number.
    pub async fn settlement_requests(
        &self,
        year: i64,
        municipality_number: Option<&str>,
    ) -> Result<Vec<RequestRecord>, StoreError> {
        self.yearly(
            "settlement_requests",
            REQUEST_COLUMNS,
            year,
            municipality_number,
        )
        .await
    }

    /// A year's decisions, of one municipality or (None) of all.
    pub async fn settlement_decisions(
        &self,
        year: i64,
        municipality_number: Option<&str>,
    ) -> Result<Vec<DecisionRecord>, StoreError> {
        self.yearly(
            "settlement_decisions",
            DECISION_COLUMNS,
            year,
            municipality_number,
        )
        .await
    }

    async fn yearly<T>(
        &self,
        table: &'static str,
        columns: &'static str,
        year: i64,
        municipality_number: Option<&str>,
    ) -> Result<Vec<T>, StoreError>
    where
        T: for<'r> FromRow<'r, sqlx::any::AnyRow> + Send + Unpin,
    {
        let sql = format!(
            "SELECT {columns} FROM {table} WHERE year = $1 \
             AND (CAST($2 AS TEXT) IS NULL OR municipality_number = $2) ORDER BY municipality_number"
        );
        Ok(sqlx::query_as::<_, T>(sqlx::AssertSqlSafe(sql))
            .bind(year)
            .bind(municipality_number)
            .fetch_all(&self.pool)
            .await?)
    }

    pub async fn settlement_decision(&self, id: i64) -> Result<DecisionRecord, StoreError> {
        self.record_by(
            format!("SELECT {DECISION_COLUMNS} FROM settlement_decisions WHERE id = $1"),
            id,
        )
        .await
    }
}

impl WriteTx {
    /// A second request for the municipality and year is `Conflict(settlement_requests_per_year)`.
    pub async fn insert_settlement_request(
        &mut self,
        request: &NewYearlyNumbers,
    ) -> Result<i64, StoreError> {
        self.insert_numbers("settlement_requests", request).await
    }

    /// A second decision for the municipality and year is a conflict.
    pub async fn insert_settlement_decision(
        &mut self,
        decision: &NewYearlyNumbers,
    ) -> Result<i64, StoreError> {
        self.insert_numbers("settlement_decisions", decision).await
    }

    async fn insert_numbers(
        &mut self,
        table: &'static str,
        numbers: &NewYearlyNumbers,
    ) -> Result<i64, StoreError> {
        let sql = format!(
            "INSERT INTO {table} (year, municipality_number, persons, unaccompanied_minors, \
             created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id"
        );
        let (id,): (i64,) = sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .bind(numbers.year)
            .bind(&numbers.municipality_number)
            .bind(numbers.persons)
            .bind(numbers.unaccompanied_minors)
            .bind(timestamp(chrono::Utc::now()))
            .fetch_one(self.connection())
            .await
            .map_err(StoreError::from_write)?;
        Ok(id)
    }

    pub async fn approve_settlement_decision(&mut self, id: i64) -> Result<(), StoreError> {
        sqlx::query(
            "UPDATE settlement_decisions SET approved = 1, approved_at = $2 \
             WHERE id = $1 AND approved = 0",
        )
        .bind(id)
        .bind(timestamp(chrono::Utc::now()))
        .execute(self.connection())
        .await?;
        Ok(())
    }
}
