//! Reference data (SPEC §2), loaded from the project's copy of the data files on first start.
//!
//! Each row carries `[valid_from, valid_to)`; the files shipped today are one version (the 2020
//! municipality list, valid from 2020-01-01), not the only possible one.

use serde::Serialize;
use sqlx::FromRow;

use crate::events::{Actor, EventDomain, NewEvent};
use crate::{Store, StoreError, WriteTx};

const MUNICIPALITIES_CSV: &str = include_str!("../../../data/kommuner-2020.csv");
const POSTAL_CODES_CSV: &str = include_str!("../../../data/postnummer.csv");
const NUMBER_SERIES_CSV: &str = include_str!("../../../data/number-series.csv");

/// The version date of the shipped files.
const SHIPPED_VALID_FROM: &str = "2020-01-01";

/// The six regional units of UDI (SPEC §1).
pub const REGIONS: [(&str, &str); 6] = [
    ("ØST", "Region øst"),
    ("SØR", "Region sør"),
    ("IØST", "Region indre øst"),
    ("NORD", "Region nord"),
    ("VEST", "Region vest"),
    ("MIDT", "Region midt"),
];

#[derive(Clone, Debug, Serialize, FromRow)]
pub struct Municipality {
    pub number: String,
    pub name: String,
    pub county_number: String,
    pub county_name: String,
    pub latitude: f64,
    pub longitude: f64,
}

#[derive(Clone, Debug, Serialize, FromRow)]
pub struct NumberSeries {
    pub prefix: String,
    pub name: String,
    pub region: Option<String>,
}

/// Counts for the dashboard and `/readyz`.
#[derive(Clone, Copy, Debug, Default, Serialize)]
pub struct ReferenceCounts {
    pub municipalities: i64,
    pub postal_codes: i64,
    pub number_series: i64,
}

impl Store {
    /// Loads the shipped reference data into an empty database; does nothing otherwise.
    pub async fn load_reference_data(&self) -> Result<(), StoreError> {
        if self.reference_counts().await?.municipalities > 0 {
            return Ok(());
        }
        let mut tx = self.begin_write().await?;
        // Another process may have loaded it while we waited for the write lock.
        let (loaded,): (i64,) = sqlx::query_as("SELECT CAST(COUNT(*) AS BIGINT) FROM regions")
            .fetch_one(tx.connection())
            .await?;
        if loaded > 0 {
            return Ok(());
        }
        for (code, name) in REGIONS {
            sqlx::query("INSERT INTO regions (code, name) VALUES ($1, $2)")
                .bind(code)
                .bind(name)
                .execute(tx.connection())
                .await?;
        }
        let series: Vec<Vec<String>> = csv_rows(NUMBER_SERIES_CSV, ';');
        insert_rows(
            &mut tx,
            "number_series (prefix, name, region, valid_from)",
            &series,
            |row| {
                vec![
                    row[0].clone(),
                    row[1].clone(),
                    row[2].clone(),
                    SHIPPED_VALID_FROM.into(),
                ]
            },
        )
        .await?;
        let municipalities = csv_rows(MUNICIPALITIES_CSV, ',');
        insert_municipalities(&mut tx, &municipalities).await?;
        let postal_codes = csv_rows(POSTAL_CODES_CSV, ',');
        insert_rows(
            &mut tx,
            "postal_codes (code, place, valid_from)",
            &postal_codes,
            |row| vec![row[0].clone(), row[1].clone(), SHIPPED_VALID_FROM.into()],
        )
        .await?;
        tx.record(
            NewEvent::new(
                &Actor::system("mottak"),
                EventDomain::Registry,
                "reference.loaded",
                "reference_data",
                "2020",
            )
            .summary(serde_json::json!({
                "municipalities": municipalities.len(),
                "postal_codes": postal_codes.len(),
                "number_series": series.len(),
            })),
        )
        .await?;
        tx.commit().await
    }

    pub async fn reference_counts(&self) -> Result<ReferenceCounts, StoreError> {
        let count = |table: &'static str| async move {
            let sql =
                format!("SELECT CAST(COUNT(*) AS BIGINT) FROM {table} WHERE valid_to IS NULL");
            let (count,): (i64,) = sqlx::query_as(sqlx::AssertSqlSafe(sql))
                .fetch_one(&self.pool)
                .await?;
            Ok::<i64, StoreError>(count)
        };
        Ok(ReferenceCounts {
            municipalities: count("municipalities").await?,
            postal_codes: count("postal_codes").await?,
            number_series: count("number_series").await?,
        })
    }

    /// The municipality with this number valid on `date` (ISO).
    pub async fn municipality(&self, number: &str, date: &str) -> Result<Municipality, StoreError> {
        sqlx::query_as::<_, Municipality>(
            "SELECT number, name, county_number, county_name, latitude, longitude \
             FROM municipalities WHERE number = $1 AND valid_from <= $2 \
             AND (valid_to IS NULL OR valid_to > $2)",
        )
        .bind(number)
        .bind(date)
        .fetch_optional(&self.pool)
        .await?
        .ok_or(StoreError::NotFound)
    }

    pub async fn municipalities(&self, date: &str) -> Result<Vec<Municipality>, StoreError> {
        Ok(sqlx::query_as::<_, Municipality>(
            "SELECT number, name, county_number, county_name, latitude, longitude \
             FROM municipalities WHERE valid_from <= $1 AND (valid_to IS NULL OR valid_to > $1) \
             ORDER BY number",
        )
        .bind(date)
        .fetch_all(&self.pool)
        .await?)
    }

    /// The place name of a postal code valid on `date`.
    pub async fn postal_place(&self, code: &str, date: &str) -> Result<String, StoreError> {
        let row: Option<(String,)> = sqlx::query_as(
            "SELECT place FROM postal_codes WHERE code = $1 AND valid_from <= $2 \
             AND (valid_to IS NULL OR valid_to > $2)",
        )
        .bind(code)
        .bind(date)
        .fetch_optional(&self.pool)
        .await?;
        row.map(|(place,)| place).ok_or(StoreError::NotFound)
    }

    pub async fn postal_codes(&self, date: &str) -> Result<Vec<String>, StoreError> {
        let rows: Vec<(String,)> = sqlx::query_as(
            "SELECT code FROM postal_codes WHERE valid_from <= $1 AND (valid_to IS NULL OR valid_to > $1)",
        )
        .bind(date)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(|(code,)| code).collect())
    }

    pub async fn number_series(&self, date: &str) -> Result<Vec<NumberSeries>, StoreError> {
        Ok(sqlx::query_as::<_, NumberSeries>(
            "SELECT prefix, name, region FROM number_series WHERE valid_from <= $1 \
             AND (valid_to IS NULL OR valid_to > $1) ORDER BY prefix",
        )
        .bind(date)
        .fetch_all(&self.pool)
        .await?)
    }
}

/// Rows of a small CSV without quoting (the shipped files have none), header skipped.
fn csv_rows(text: &str, separator: char) -> Vec<Vec<String>> {
    text.lines()
        .skip(1)
        .filter(|line| !line.trim().is_empty())
        .map(|line| {
            line.split(separator)
                .map(|field| field.trim().to_owned())
                .collect()
        })
        .collect()
}

/// Inserts text rows in batches: one statement per 200 rows keeps the first start fast on
/// PostgreSQL, where each statement is a round trip. Empty strings become NULL.
async fn insert_rows(
    tx: &mut WriteTx,
    table_and_columns: &str,
    rows: &[Vec<String>],
    to_values: impl Fn(&Vec<String>) -> Vec<String>,
) -> Result<(), StoreError> {
    for batch in rows.chunks(200) {
        let values: Vec<Vec<String>> = batch.iter().map(&to_values).collect();
        let sql = format!(
            "INSERT INTO {table_and_columns} VALUES {}",
            crate::placeholders(values.len(), values[0].len())
        );
        let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
        for value in values.into_iter().flatten() {
            query = query.bind(if value.is_empty() { None } else { Some(value) });
        }
        query.execute(tx.connection()).await?;
    }
    Ok(())
}

async fn insert_municipalities(tx: &mut WriteTx, rows: &[Vec<String>]) -> Result<(), StoreError> {
    for row in rows {
        let coordinate = |index: usize| row[index].parse::<f64>().unwrap_or_default();
        sqlx::query(
            "INSERT INTO municipalities (number, name, county_number, county_name, latitude, \
             longitude, valid_from) VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(&row[0])
        .bind(&row[1])
        .bind(&row[2])
        .bind(&row[3])
        .bind(coordinate(4))
        .bind(coordinate(5))
        .bind(SHIPPED_VALID_FROM)
        .execute(tx.connection())
        .await?;
    }
    Ok(())
}
