//! Operators (driftsoperatører).

use serde::Serialize;
use sqlx::FromRow;

use sqlx::any::AnyArguments;
use sqlx::query::Query;
use sqlx::{Any, Row};

use super::columns::{Columns, Value, bind_columns, changed_columns};
use crate::{Store, StoreError, Stored, WriteTx, placeholders, timestamp};

#[derive(Clone, Debug, Serialize, FromRow)]
pub struct OperatorRecord {
    pub id: i64,
    #[sqlx(flatten)]
    #[serde(flatten)]
    pub fields: NewOperator,
    pub created_at: String,
    pub version: i64,
}

impl OperatorRecord {
    pub fn dro(&self) -> String {
        format!("DRO{}", self.fields.dro_number)
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, FromRow)]
pub struct NewOperator {
    pub dro_number: i64,
    pub name: String,
    pub organisation_number: String,
    #[sqlx(try_from = "Stored<i64>")]
    pub experienced: bool,
    pub visiting_address: Option<String>,
    pub postal_address: Option<String>,
    pub postal_code: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
}

impl NewOperator {
    /// The columns an update replaces (all but the DRO number), in the order the statements
    /// name them.
    fn editable(&self) -> Columns<'_, 8> {
        [
            ("name", Value::Text(Some(&self.name))),
            (
                "organisation_number",
                Value::Text(Some(&self.organisation_number)),
            ),
            ("experienced", Value::Flag(self.experienced)),
            ("visiting_address", Value::text(&self.visiting_address)),
            ("postal_address", Value::text(&self.postal_address)),
            ("postal_code", Value::text(&self.postal_code)),
            ("phone", Value::text(&self.phone)),
            ("email", Value::text(&self.email)),
        ]
    }

    /// The names of the editable columns, in the order of [`NewOperator::bind_editable`].
    fn editable_names() -> Vec<&'static str> {
        NewOperator::default()
            .editable()
            .iter()
            .map(|(name, _)| *name)
            .collect()
    }

    /// Binds the editable columns as the next parameters.
    fn bind_editable<'q>(
        &self,
        query: Query<'q, Any, AnyArguments>,
    ) -> Query<'q, Any, AnyArguments> {
        bind_columns(query, self.editable())
    }

    /// The names of the editable fields that differ from `before` (values stay out of the log).
    pub fn changed_from(&self, before: &NewOperator) -> Vec<&'static str> {
        changed_columns(self.editable(), before.editable())
    }
}

/// `SELECT` of [`OperatorRecord`]s from `operators`, then `rest` (the condition and order).
fn select(rest: &str) -> String {
    format!(
        "SELECT id, dro_number, {}, created_at, version FROM operators {rest}",
        NewOperator::editable_names().join(", ")
    )
}

impl Store {
    pub async fn operator(&self, id: i64) -> Result<OperatorRecord, StoreError> {
        self.record_by(select("WHERE id = $1"), id).await
    }

    pub async fn operator_by_dro(&self, dro_number: i64) -> Result<OperatorRecord, StoreError> {
        self.record_by(select("WHERE dro_number = $1"), dro_number)
            .await
    }

    pub async fn operators(&self) -> Result<Vec<OperatorRecord>, StoreError> {
        let sql = select("ORDER BY name, dro_number");
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
        let editable = NewOperator::editable_names();
        let sql = format!(
            "INSERT INTO operators (dro_number, {}, created_at) VALUES {} RETURNING id",
            editable.join(", "),
            placeholders(1, editable.len() + 2)
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
            &NewOperator::editable_names(),
            |query| operator.bind_editable(query),
            id,
            expected_version,
        )
        .await
    }
}
