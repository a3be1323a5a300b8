//! Opening the database: `serve` creates and migrates it ([`Store::connect`]); every other
//! command opens an existing one only ([`Store::open_existing`]), so that a mistyped path or URL
//! is an error instead of a new, empty database that reports an intact log.

use std::path::Path;
use std::str::FromStr;
use std::time::Duration;

use sqlx::ConnectOptions;
use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::migrate::Migrator;
use sqlx::sqlite::SqliteConnectOptions;

use crate::{Backend, Store, StoreError};

static SQLITE_MIGRATIONS: Migrator = sqlx::migrate!("./migrations/sqlite");
static POSTGRES_MIGRATIONS: Migrator = sqlx::migrate!("./migrations/postgres");

/// What a command other than `serve` may do with an existing database.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Access {
    /// Read and write; pending migrations are applied, as `serve` would.
    ReadWrite,
    /// Read only: no migrations, no writes (SQLite `mode=ro` and `query_only`, PostgreSQL a
    /// read-only session). For `mottak log verify`.
    ReadOnly,
}

/// How the pool opens the database.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mode {
    Create,
    Existing(Access),
}

impl Store {
    /// Connects, creating an SQLite file if missing, and runs the migrations (`mottak serve`).
    pub async fn connect(url: &str) -> Result<Store, StoreError> {
        let store = Store::open_pool(url, Mode::Create).await?;
        store.migrate().await?;
        Ok(store)
    }

    /// Opens a database that `mottak serve` has created before; a missing one, or one without
    /// mottak's schema, is an error naming the URL, and nothing is created.
    pub async fn open_existing(url: &str, access: Access) -> Result<Store, StoreError> {
        let backend = Backend::from_url(url)?;
        if backend == Backend::Sqlite && !sqlite_file_exists(url)? {
            return Err(StoreError::DatabaseMissing { url: redacted(url) });
        }
        let store = Store::open_pool(url, Mode::Existing(access)).await?;
        let applied = store.applied_schema_version().await?;
        let expected = store.migrator().iter().map(|m| m.version).max();
        match (applied, access) {
            (None, _) => Err(StoreError::NotMottakDatabase { url: redacted(url) }),
            (Some(applied), Access::ReadOnly) if Some(applied) < expected => {
                Err(StoreError::SchemaBehind {
                    url: redacted(url),
                    applied,
                })
            }
            (Some(_), Access::ReadOnly) => Ok(store),
            (Some(_), Access::ReadWrite) => {
                store.migrate().await?;
                Ok(store)
            }
        }
    }

    async fn open_pool(url: &str, mode: Mode) -> Result<Store, StoreError> {
        sqlx::any::install_default_drivers();
        let backend = Backend::from_url(url)?;
        let url = match backend {
            Backend::Sqlite if !url.contains("mode=") => {
                // `rwc` creates the file when it does not exist; `rw` and `ro` never do.
                let sqlite_mode = match mode {
                    Mode::Create => "rwc",
                    Mode::Existing(Access::ReadWrite) => "rw",
                    Mode::Existing(Access::ReadOnly) => "ro",
                };
                let separator = if url.contains('?') { '&' } else { '?' };
                format!("{url}{separator}mode={sqlite_mode}")
            }
            _ => url.to_owned(),
        };
        let options = AnyConnectOptions::from_str(&url)?.disable_statement_logging();
        let mut pool_options = AnyPoolOptions::new().max_connections(match backend {
            Backend::Sqlite => 8,
            Backend::Postgres => 16,
        });
        if let Some(session) = session_settings(backend, mode) {
            pool_options = pool_options.after_connect(move |connection, _| {
                Box::pin(async move {
                    sqlx::raw_sql(sqlx::AssertSqlSafe(session))
                        .execute(connection)
                        .await?;
                    Ok(())
                })
            });
        }
        let pool = pool_options
            .acquire_timeout(Duration::from_secs(10))
            .connect_with(options)
            .await
            .map_err(|error| match missing_postgres_database(&error) {
                true => StoreError::DatabaseMissing {
                    url: redacted(&url),
                },
                false => StoreError::Database(error),
            })?;
        Ok(Store { pool, backend })
    }

    fn migrator(&self) -> &'static Migrator {
        match self.backend {
            Backend::Sqlite => &SQLITE_MIGRATIONS,
            Backend::Postgres => &POSTGRES_MIGRATIONS,
        }
    }

    async fn migrate(&self) -> Result<(), StoreError> {
        self.migrator().run(&self.pool).await?;
        Ok(())
    }

    /// The newest migration applied, or `None` when the database holds no mottak schema.
    async fn applied_schema_version(&self) -> Result<Option<i64>, StoreError> {
        let table_exists = match self.backend {
            Backend::Sqlite => {
                "SELECT COUNT(*) FROM sqlite_master \
                 WHERE type = 'table' AND name = '_sqlx_migrations'"
            }
            Backend::Postgres => {
                "SELECT CAST(COUNT(*) AS BIGINT) FROM information_schema.tables \
                 WHERE table_schema = current_schema() AND table_name = '_sqlx_migrations'"
            }
        };
        let (tables,): (i64,) = sqlx::query_as(table_exists).fetch_one(&self.pool).await?;
        if tables == 0 {
            return Ok(None);
        }
        let (version,): (Option<i64>,) =
            sqlx::query_as("SELECT CAST(MAX(version) AS BIGINT) FROM _sqlx_migrations")
                .fetch_one(&self.pool)
                .await?;
        Ok(version)
    }
}

/// Statements run on every new connection.
fn session_settings(backend: Backend, mode: Mode) -> Option<&'static str> {
    let statements = match (backend, mode) {
        // WAL lets readers work beside the one writer; the busy timeout makes writers queue
        // instead of failing; foreign keys are off by default.
        (Backend::Sqlite, Mode::Create | Mode::Existing(Access::ReadWrite)) => {
            "PRAGMA journal_mode = WAL; PRAGMA busy_timeout = 10000; \
             PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;"
        }
        // Setting the journal mode could write; `query_only` refuses every write, also through
        // a URL that asked for another mode.
        (Backend::Sqlite, Mode::Existing(Access::ReadOnly)) => {
            "PRAGMA busy_timeout = 10000; PRAGMA query_only = ON;"
        }
        (Backend::Postgres, Mode::Existing(Access::ReadOnly)) => {
            "SET default_transaction_read_only = on"
        }
        (Backend::Postgres, _) => return None,
    };
    Some(statements)
}

fn sqlite_file_exists(url: &str) -> Result<bool, StoreError> {
    let options = SqliteConnectOptions::from_str(url)?;
    let path: &Path = options.get_filename();
    // An in-memory database is always new, so it never exists before.
    Ok(!url.contains(":memory:") && !url.contains("mode=memory") && path.is_file())
}

/// PostgreSQL's `invalid_catalog_name`: the database in the URL does not exist.
fn missing_postgres_database(error: &sqlx::Error) -> bool {
    matches!(error, sqlx::Error::Database(database_error)
        if database_error.code().as_deref() == Some("3D000"))
}

/// The URL without its password, for messages.
pub(crate) fn redacted(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    let authority_end = rest.find('/').unwrap_or(rest.len());
    let (authority, path) = rest.split_at(authority_end);
    match authority.rsplit_once('@') {
        Some((user_info, host)) if user_info.contains(':') => {
            let user = user_info.split(':').next().unwrap_or_default();
            format!("{scheme}://{user}:***@{host}{path}")
        }
        _ => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::redacted;

    #[test]
    fn redacted_hides_the_password_only() {
        assert_eq!(
            redacted("postgres://app:s3cret@db.example:5432/mottak?sslmode=require"),
            "postgres://app:***@db.example:5432/mottak?sslmode=require"
        );
        assert_eq!(
            redacted("postgres://postgres@127.0.0.1:5432/mottak"),
            "postgres://postgres@127.0.0.1:5432/mottak"
        );
        assert_eq!(redacted("sqlite:/tmp/mottak.db"), "sqlite:/tmp/mottak.db");
    }
}
