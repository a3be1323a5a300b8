//! Storage for mottak: one interface over SQLite (embedded default) and PostgreSQL (production).
//!
//! The backend is chosen from the database URL. Both share the SQL text through sqlx's `Any`
//! driver and keep their own migrations (`migrations/sqlite`, `migrations/postgres`). Every write
//! goes through [`WriteTx`], which appends to the hash-chained event log (R-LOG-2) in the same
//! transaction, so a change can never be committed without its event.

pub mod agreements;
mod calendar_feeds;
pub mod claims;
pub mod cpi;
mod error;
pub mod events;
pub mod jobs;
mod login_failures;
pub mod mail;
pub mod occupancy;
mod open;
pub mod plans;
pub mod reference;
pub mod registry;
pub mod residents;
pub mod sessions;
pub mod settlement;
pub mod staff;
#[cfg(feature = "testing")]
pub mod testing;
pub mod tokens;
pub mod users;
pub mod worklog;
mod write;

use sqlx::AnyPool;

pub use error::StoreError;
pub use open::Access;
pub use write::WriteTx;

/// Which database a [`Store`] talks to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    pub fn from_url(url: &str) -> Result<Backend, StoreError> {
        if url.starts_with("sqlite:") {
            Ok(Backend::Sqlite)
        } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            Ok(Backend::Postgres)
        } else {
            Err(StoreError::UnsupportedUrl)
        }
    }
}

/// The storage of mottak: a pool plus the backend it talks to.
#[derive(Clone, Debug)]
pub struct Store {
    pool: AnyPool,
    backend: Backend,
}

impl Store {
    pub fn backend(&self) -> Backend {
        self.backend
    }

    pub fn pool(&self) -> &AnyPool {
        &self.pool
    }

    /// For `/readyz`: the database answers a query.
    pub async fn ping(&self) -> Result<(), StoreError> {
        sqlx::query("SELECT 1").execute(&self.pool).await?;
        Ok(())
    }

    /// Starts a write transaction that holds the event chain (see [`WriteTx`]).
    pub async fn begin_write(&self) -> Result<WriteTx, StoreError> {
        WriteTx::begin(&self.pool).await
    }

    pub async fn close(&self) {
        self.pool.close().await;
    }

    /// The one record `sql` selects with `key` bound as `$1`, or [`StoreError::NotFound`].
    pub(crate) async fn record_by<'q, O, K>(&self, sql: String, key: K) -> Result<O, StoreError>
    where
        O: for<'r> sqlx::FromRow<'r, sqlx::any::AnyRow> + Send + Unpin,
        K: 'q + sqlx::Encode<'q, sqlx::Any> + sqlx::Type<sqlx::Any> + Send,
    {
        sqlx::query_as::<_, O>(sqlx::AssertSqlSafe(sql))
            .bind(key)
            .fetch_optional(&self.pool)
            .await?
            .ok_or(StoreError::NotFound)
    }
}

/// Current time as stored: RFC 3339 in UTC with microseconds, so text order is time order.
pub fn timestamp(at: chrono::DateTime<chrono::Utc>) -> String {
    at.format("%Y-%m-%dT%H:%M:%S%.6fZ").to_string()
}

pub(crate) fn flag(value: bool) -> i64 {
    i64::from(value)
}

/// A column's value as the `Any` driver decodes it (`i64`, `String`), for a record to read as
/// a richer type with `#[sqlx(try_from = "Stored<i64>")]`:
/// - a yes/no column, 0 or 1 as both backends store it (they share no boolean type), as `bool`;
/// - a JSON array of texts as `Vec<String>`; a column that is not such an array reads as no
///   texts, as the other JSON list columns do.
pub(crate) struct Stored<T>(T);

impl<T: sqlx::Type<sqlx::Any>> sqlx::Type<sqlx::Any> for Stored<T> {
    fn type_info() -> sqlx::any::AnyTypeInfo {
        T::type_info()
    }

    fn compatible(ty: &sqlx::any::AnyTypeInfo) -> bool {
        T::compatible(ty)
    }
}

impl<'r, T: sqlx::Decode<'r, sqlx::Any>> sqlx::Decode<'r, sqlx::Any> for Stored<T> {
    fn decode(value: sqlx::any::AnyValueRef<'r>) -> Result<Stored<T>, sqlx::error::BoxDynError> {
        T::decode(value).map(Stored)
    }
}

impl From<Stored<i64>> for bool {
    fn from(flag: Stored<i64>) -> bool {
        flag.0 != 0
    }
}

impl From<Stored<String>> for Vec<String> {
    fn from(texts: Stored<String>) -> Vec<String> {
        serde_json::from_str(&texts.0).unwrap_or_default()
    }
}

impl Store {
    /// A setting's value, storing `default` first if there is none (atomically: the first
    /// writer wins, everyone reads its value).
    pub async fn setting_or_insert(&self, key: &str, default: &str) -> Result<String, StoreError> {
        sqlx::query(
            "INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING",
        )
        .bind(key)
        .bind(default)
        .execute(&self.pool)
        .await?;
        let (value,): (String,) = sqlx::query_as("SELECT value FROM settings WHERE key = $1")
            .bind(key)
            .fetch_one(&self.pool)
            .await?;
        Ok(value)
    }
}

/// `($1, $2), ($3, $4)` for `rows` rows of `width` values.
pub(crate) fn placeholders(rows: usize, width: usize) -> String {
    (0..rows)
        .map(|row| {
            let values: Vec<String> = (1..=width)
                .map(|column| format!("${}", row * width + column))
                .collect();
            format!("({})", values.join(", "))
        })
        .collect::<Vec<_>>()
        .join(", ")
}
