//! Operators (driftsoperatører).

use serde::Serialize;
use sqlx::FromRow;

use crate::{Store, StoreError, WriteTx, flag, timestamp};

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

const COLUMNS: &str = "id, dro_number, name, organisation_number, experienced, visiting_address, \
    postal_address, postal_code, phone, email, created_at, version";

impl Store {
    pub async fn operator(&self, id: i64) -> Result<OperatorRecord, StoreError> {
        let sql = format!("SELECT {COLUMNS} FROM operators WHERE id = $1");
        sqlx::query_as::<_, OperatorRecord>(sqlx::AssertSqlSafe(sql))
            .bind(id)
            .fetch_optional(&self.pool)
            .await?
            .ok_or(StoreError::NotFound)
    }

    pub async fn operator_by_dro(&self, dro_number: i64) -> Result<OperatorRecord, StoreError> {
        let sql = format!("SELECT {COLUMNS} FROM operators WHERE dro_number = $1");
        sqlx::query_as::<_, OperatorRecord>(sqlx::AssertSqlSafe(sql))
            .bind(dro_number)
            .fetch_optional(&self.pool)
            .await?
            .ok_or(StoreError::NotFound)
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
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO operators (dro_number, name, organisation_number, experienced, \
             visiting_address, postal_address, postal_code, phone, email, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
        )
        .bind(operator.dro_number)
        .bind(&operator.name)
        .bind(&operator.organisation_number)
        .bind(flag(operator.experienced))
        .bind(&operator.visiting_address)
        .bind(&operator.postal_address)
        .bind(&operator.postal_code)
        .bind(&operator.phone)
        .bind(&operator.email)
        .bind(timestamp(chrono::Utc::now()))
        .fetch_one(self.connection())
        .await
        .map_err(StoreError::from_write)?;
        Ok(id)
    }

    /// Replaces an operator's editable fields if `expected_version` is still current.
    pub async fn update_operator(
        &mut self,
        id: i64,
        expected_version: i64,
        operator: &NewOperator,
    ) -> Result<(), StoreError> {
        let result = sqlx::query(
            "UPDATE operators SET name = $1, organisation_number = $2, experienced = $3, \
             visiting_address = $4, postal_address = $5, postal_code = $6, phone = $7, \
             email = $8, version = version + 1 WHERE id = $9 AND version = $10",
        )
        .bind(&operator.name)
        .bind(&operator.organisation_number)
        .bind(flag(operator.experienced))
        .bind(&operator.visiting_address)
        .bind(&operator.postal_address)
        .bind(&operator.postal_code)
        .bind(&operator.phone)
        .bind(&operator.email)
        .bind(id)
        .bind(expected_version)
        .execute(self.connection())
        .await?;
        if result.rows_affected() == 0 {
            return Err(StoreError::Conflict("operators_version".to_owned()));
        }
        Ok(())
    }
}
