//! The activity log of a centre (R-PLN-3): entries with their follow-ups. Participants are a
//! JSON array in one text column; dates ISO text; `version` guards edits (a stale one is the
//! conflict `log_entries_version`, 409).

use serde::Serialize;
use sqlx::{FromRow, Row};

use crate::{Store, StoreError, Stored, WriteTx, flag, timestamp};

/// An entry of the log as stored.
// The API shows the record as it is (`EntryView`): a field added here is a member of the API.
#[derive(Clone, Debug, PartialEq, Eq, FromRow, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = EntryView))]
pub struct LogEntryRecord {
    pub id: i64,
    pub centre_id: i64,
    #[cfg_attr(feature = "openapi", schema(format = Date))]
    pub date: String,
    /// `meeting`, `call`, `visit`, `control` or `other`.
    pub kind: String,
    #[sqlx(try_from = "Stored<String>")]
    pub participants: Vec<String>,
    pub summary: String,
    #[sqlx(skip)]
    pub follow_ups: Vec<FollowUpRecord>,
    /// The plan task the entry documents, when it names one.
    pub plan_id: Option<i64>,
    pub task_position: Option<i64>,
    pub created_at: String,
    pub created_by: String,
    pub updated_at: String,
    /// Send it back with an edit; a stale one is 409.
    pub version: i64,
}

/// A follow-up of an entry; `position` counts from 1 in the order given.
// Shown by the API as it is (`FollowUpView`).
#[derive(Clone, Debug, Default, PartialEq, Eq, FromRow, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = FollowUpView))]
pub struct FollowUpRecord {
    pub position: i64,
    pub text: String,
    #[cfg_attr(feature = "openapi", schema(format = Date))]
    pub due: Option<String>,
    #[sqlx(try_from = "Stored<i64>")]
    pub done: bool,
}

/// An entry to write (insert or replace), already validated by `domain::worklog`.
pub struct LogEntryData<'a> {
    pub date: &'a str,
    pub kind: &'a str,
    pub participants: &'a [String],
    pub summary: &'a str,
    pub plan_id: Option<i64>,
    pub task_position: Option<i64>,
    pub follow_ups: &'a [FollowUpRecord],
}

const ENTRY_COLUMNS: &str = "id, centre_id, date, kind, participants, summary, plan_id, \
    task_position, created_at, created_by, updated_at, version";

#[derive(FromRow)]
struct FollowUpRow {
    entry_id: i64,
    #[sqlx(flatten)]
    follow_up: FollowUpRecord,
}

/// Entries joined with their follow-ups (read in one query each).
fn assemble(mut entries: Vec<LogEntryRecord>, follow_ups: Vec<FollowUpRow>) -> Vec<LogEntryRecord> {
    for entry in &mut entries {
        entry.follow_ups = follow_ups
            .iter()
            .filter(|row| row.entry_id == entry.id)
            .map(|row| row.follow_up.clone())
            .collect();
    }
    entries
}

impl Store {
    /// A centre's log, newest first, then by id (the timeline of R-PLN-3).
    pub async fn log_entries(&self, centre_id: i64) -> Result<Vec<LogEntryRecord>, StoreError> {
        let sql = format!(
            "SELECT {ENTRY_COLUMNS} FROM log_entries WHERE centre_id = $1 \
             ORDER BY date DESC, id DESC"
        );
        let rows = sqlx::query_as::<_, LogEntryRecord>(sqlx::AssertSqlSafe(sql))
            .bind(centre_id)
            .fetch_all(&self.pool)
            .await?;
        let follow_ups = sqlx::query_as::<_, FollowUpRow>(
            "SELECT f.entry_id, f.position, f.text, f.due, f.done FROM log_follow_ups f \
             JOIN log_entries e ON e.id = f.entry_id WHERE e.centre_id = $1 \
             ORDER BY f.entry_id, f.position",
        )
        .bind(centre_id)
        .fetch_all(&self.pool)
        .await?;
        Ok(assemble(rows, follow_ups))
    }
}

impl WriteTx {
    /// One entry, read inside the write, or `NotFound`.
    pub async fn log_entry(&mut self, id: i64) -> Result<LogEntryRecord, StoreError> {
        let sql = format!("SELECT {ENTRY_COLUMNS} FROM log_entries WHERE id = $1");
        let row = sqlx::query_as::<_, LogEntryRecord>(sqlx::AssertSqlSafe(sql))
            .bind(id)
            .fetch_optional(self.connection())
            .await?
            .ok_or(StoreError::NotFound)?;
        let follow_ups = sqlx::query_as::<_, FollowUpRow>(
            "SELECT entry_id, position, text, due, done FROM log_follow_ups \
             WHERE entry_id = $1 ORDER BY position",
        )
        .bind(id)
        .fetch_all(self.connection())
        .await?;
        Ok(assemble(vec![row], follow_ups).remove(0))
    }

    /// Stores a new entry (version 1) with its follow-ups; returns its id.
    pub async fn insert_log_entry(
        &mut self,
        centre_id: i64,
        entry: &LogEntryData<'_>,
        created_by: &str,
    ) -> Result<i64, StoreError> {
        let now = timestamp(chrono::Utc::now());
        let query = sqlx::query(
            "INSERT INTO log_entries (centre_id, date, kind, participants, summary, plan_id, \
             task_position, created_at, created_by, updated_at, version) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $8, 1) RETURNING id",
        )
        .bind(centre_id);
        let id: i64 = bind_entry(query, entry)
            .bind(&now)
            .bind(created_by)
            .fetch_one(self.connection())
            .await?
            .try_get(0)?;
        self.insert_follow_ups(id, entry.follow_ups).await?;
        Ok(id)
    }

    /// Replaces an entry and its follow-ups if `expected_version` is still current; returns
    /// the new version. A stale version is `Conflict("log_entries_version")`.
    pub async fn update_log_entry(
        &mut self,
        id: i64,
        expected_version: i64,
        entry: &LogEntryData<'_>,
    ) -> Result<i64, StoreError> {
        let now = timestamp(chrono::Utc::now());
        let query = sqlx::query(
            "UPDATE log_entries SET date = $3, kind = $4, participants = $5, summary = $6, \
             plan_id = $7, task_position = $8, updated_at = $9, version = version + 1 \
             WHERE id = $1 AND version = $2",
        )
        .bind(id)
        .bind(expected_version);
        let updated = bind_entry(query, entry)
            .bind(&now)
            .execute(self.connection())
            .await?;
        StoreError::unless_stale(updated, "log_entries")?;
        sqlx::query("DELETE FROM log_follow_ups WHERE entry_id = $1")
            .bind(id)
            .execute(self.connection())
            .await?;
        self.insert_follow_ups(id, entry.follow_ups).await?;
        Ok(expected_version + 1)
    }

    /// Marks one follow-up done (or open again), bumping the entry's version when
    /// `expected_version` is current.
    pub async fn set_follow_up_done(
        &mut self,
        id: i64,
        expected_version: i64,
        position: i64,
        done: bool,
    ) -> Result<i64, StoreError> {
        let now = timestamp(chrono::Utc::now());
        let updated = sqlx::query(
            "UPDATE log_entries SET updated_at = $3, version = version + 1 \
             WHERE id = $1 AND version = $2",
        )
        .bind(id)
        .bind(expected_version)
        .bind(&now)
        .execute(self.connection())
        .await?;
        StoreError::unless_stale(updated, "log_entries")?;
        let changed = sqlx::query(
            "UPDATE log_follow_ups SET done = $3 WHERE entry_id = $1 AND position = $2",
        )
        .bind(id)
        .bind(position)
        .bind(flag(done))
        .execute(self.connection())
        .await?;
        if changed.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        Ok(expected_version + 1)
    }

    async fn insert_follow_ups(
        &mut self,
        entry_id: i64,
        follow_ups: &[FollowUpRecord],
    ) -> Result<(), StoreError> {
        for follow_up in follow_ups {
            sqlx::query(
                "INSERT INTO log_follow_ups (entry_id, position, text, due, done) \
                 VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(entry_id)
            .bind(follow_up.position)
            .bind(&follow_up.text)
            .bind(&follow_up.due)
            .bind(flag(follow_up.done))
            .execute(self.connection())
            .await?;
        }
        Ok(())
    }
}

fn participants_json(names: &[String]) -> String {
    serde_json::to_string(names).unwrap_or_else(|_| "[]".to_owned())
}

/// Binds an entry's own columns, in the order both the insert and the update name them.
fn bind_entry<'q>(
    query: sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments>,
    entry: &LogEntryData<'q>,
) -> sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments> {
    query
        .bind(entry.date)
        .bind(entry.kind)
        .bind(participants_json(entry.participants))
        .bind(entry.summary)
        .bind(entry.plan_id)
        .bind(entry.task_position)
}
