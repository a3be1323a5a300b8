use thiserror::Error;

/// What can go wrong in storage. `NotFound` and `Conflict` are expected outcomes that callers
/// turn into 404 and 409; everything else is an internal error, logged and never shown.
#[derive(Debug, Error)]
pub enum StoreError {
    #[error("not found")]
    NotFound,
    /// A unique constraint or a stale version: the named constraint says which.
    #[error("conflict on {0}")]
    Conflict(String),
    #[error("the database URL must start with sqlite: or postgres://")]
    UnsupportedUrl,
    /// Only `mottak serve` creates a database; other commands name what they did not find.
    #[error("no database at {url}: check the path or URL (only `mottak serve` creates one)")]
    DatabaseMissing { url: String },
    #[error("{url} holds no mottak database (only `mottak serve` creates one)")]
    NotMottakDatabase { url: String },
    #[error(
        "the database at {url} has schema version {applied}, older than this mottak: \
         start `mottak serve` once to migrate it"
    )]
    SchemaBehind { url: String, applied: i64 },
    #[error("the event log is broken at event {seq}: {reason}")]
    BrokenChain { seq: i64, reason: String },
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    #[error("migration failed: {0}")]
    Migration(#[from] sqlx::migrate::MigrateError),
}

impl StoreError {
    /// Maps unique-constraint violations to [`StoreError::Conflict`] naming the constraint.
    pub(crate) fn from_write(error: sqlx::Error) -> StoreError {
        if let sqlx::Error::Database(database_error) = &error
            && database_error.is_unique_violation()
        {
            let constraint = database_error
                .constraint()
                .map(str::to_owned)
                .unwrap_or_else(|| database_error.message().to_owned());
            return StoreError::Conflict(constraint);
        }
        StoreError::Database(error)
    }

    /// A write guarded by `version = expected`: no row changed means the version read is stale,
    /// a [`StoreError::Conflict`] on `<table>_version`.
    pub(crate) fn unless_stale(
        result: sqlx::any::AnyQueryResult,
        table: &str,
    ) -> Result<(), StoreError> {
        if result.rows_affected() == 0 {
            return Err(StoreError::Conflict(format!("{table}_version")));
        }
        Ok(())
    }
}
