//! Operators (driftsoperatører).

use serde::Serialize;
use sqlx::FromRow;

use sqlx::any::AnyArguments;
use sqlx::query::Query;
use sqlx::{Any, Row};

use crate::{Store, StoreError, WriteTx, flag, placeholders, timestamp};

#[derive(Clone, Debug, Serialize, FromRow)]
pub struct OperatorRecord {
    pub id: i64,
    pub dro_number: i64,
    pub name: String,
    pub organisation_number: String,
    pub experienced: i64,
    pub visiting_address: Option<String>,
    pub postal_address: Option<String>,
    pub postal_code: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub created_at: String,
    pub version: i64,
}

impl OperatorRecord {
    pub fn dro(&self) -> String {
        format!("DRO{}", self.dro_number)
    }
}

#[derive(Clone, Debug, Default)]
pub struct NewOperator {
    pub dro_number: i64,
    pub name: String,
    pub organisation_number: String,
    pub experienced: bool,
    pub visiting_address: Option<String>,
    pub postal_address: Option<String>,
    pub postal_code: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
}

/// The columns an update replaces (all but the DRO number), in the order `bind_editable` binds.
const EDITABLE: [&str; 8] = [
    "name",
    "organisation_number",
    "experienced",
    "visiting_address",
    "postal_address",
    "postal_code",
    "phone",
    "email",
];

impl NewOperator {
    /// Binds the [`EDITABLE`] columns as the next parameters.
    fn bind_editable<'q>(
        &self,
        query: Query<'q, Any, AnyArguments>,
    ) -> Query<'q, Any, AnyArguments> {
        query
            .bind(&self.name)
            .bind(&self.organisation_number)
            .bind(flag(self.experienced))
            .bind(&self.visiting_address)
            .bind(&self.postal_address)
            .bind(&self.postal_code)
            .bind(&self.phone)
            .bind(&self.email)
    }
}

const COLUMNS: &str = "id, dro_number, name, organisation_number, experienced, visiting_address, \
    postal_address, postal_code, phone, email, created_at, version";

impl Store {
    pub async fn operator(&self, id: i64) -> Result<OperatorRecord, StoreError> {
        self.record_by(format!("SELECT {COLUMNS} FROM operators WHERE id = $1"), id)
            .await
    }

    pub async fn operator_by_dro(&self, dro_number: i64) -> Result<OperatorRecord, StoreError> {
        self.record_by(
            format!("SELECT {COLUMNS} FROM operators WHERE dro_number = $1"),
            dro_number,
        )
        .await
    }

    pub async fn operators(&self) -> Result<Vec<OperatorRecord>, StoreError> {
        let sql = format!("SELECT {COLUMNS} FROM operators ORDER BY name, dro_number");
        Ok(
            sqlx::query_as::<_, OperatorRecord>(sqlx::AssertSqlSafe(sql))
                .fetch_all(&self.pool)
                .await?,
        )
    }

    pub async fn count_operators(&self) -> Result<i64, StoreError> {
        let (count,): (i64,) = sqlx::query_as("SELECT CAST(COUNT(*) AS BIGINT) FROM operators")
            .fetch_one(&self.pool)
            .await?;
        Ok(count)
    }
}

impl WriteTx {
    /// Every DRO number ever given, for R-REG-3's first free number.
    pub async fn used_dro_numbers(&mut self) -> Result<Vec<i64>, StoreError> {
        let rows: Vec<(i64,)> =
            sqlx::query_as("SELECT dro_number FROM operators ORDER BY dro_number")
                .fetch_all(self.connection())
                .await?;
        Ok(rows.into_iter().map(|(number,)| number).collect())
    }

    pub async fn insert_operator(&mut self, operator: &NewOperator) -> Result<i64, StoreError> {
        let sql = format!(
            "INSERT INTO operators (dro_number, {}, created_at) VALUES {} RETURNING id",
            EDITABLE.join(", "),
            placeholders(1, EDITABLE.len() + 2)
        );
        let row = operator
            .bind_editable(sqlx::query(sqlx::AssertSqlSafe(sql)).bind(operator.dro_number))
            .bind(timestamp(chrono::Utc::now()))
            .fetch_one(self.connection())
            .await
            .map_err(StoreError::from_write)?;
        Ok(row.try_get("id")?)
    }

    /// Replaces an operator's editable fields if `expected_version` is still current.
    pub async fn update_operator(
        &mut self,
        id: i64,
        expected_version: i64,
        operator: &NewOperator,
    ) -> Result<(), StoreError> {
        self.update_versioned(
            "operators",
            &EDITABLE,
            |query| operator.bind_editable(query),
            id,
            expected_version,
        )
        .await
    }
}
