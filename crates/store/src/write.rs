//! The one way to write: a transaction that appends its events to the hash chain.

use sqlx::any::AnyArguments;
use sqlx::query::Query;
use sqlx::{Any, AnyConnection, AnyPool, Transaction};

use crate::events::{NewEvent, chain_hash};
use crate::{StoreError, timestamp};

/// A write transaction holding the event chain's head.
///
/// `begin` starts by updating the chain head row, which takes the write lock at once: on
/// PostgreSQL concurrent writers queue on that row, on SQLite on the database lock (a deferred
/// transaction that first reads and later writes could instead fail with "database is locked").
/// So every event gets the previous event's hash without races.
///
/// Read what you need through the pool *before* `begin`: writers queued on the lock each hold a
/// pool connection, so a pool read inside the transaction could wait for a connection that
/// never comes. Inside, use [`WriteTx::connection`].
pub struct WriteTx {
    transaction: Transaction<'static, Any>,
    last_seq: i64,
    last_hash: String,
    recorded: usize,
}

impl WriteTx {
    pub(crate) async fn begin(pool: &AnyPool) -> Result<WriteTx, StoreError> {
        let mut transaction = pool.begin().await?;
        let (last_seq, last_hash): (i64, String) = sqlx::query_as(
            "UPDATE event_chain_head SET last_seq = last_seq WHERE id = 1 \
             RETURNING last_seq, last_hash",
        )
        .fetch_one(&mut *transaction)
        .await?;
        Ok(WriteTx {
            transaction,
            last_seq,
            last_hash,
            recorded: 0,
        })
    }

    /// The connection, for the change itself.
    pub fn connection(&mut self) -> &mut AnyConnection {
        &mut self.transaction
    }

    /// Replaces `columns` of the row `id` of `table` if `expected_version` is still current
    /// (optimistic concurrency); `bind` binds the columns' values in their order.
    pub(crate) async fn update_versioned<'q>(
        &mut self,
        table: &str,
        columns: &[&str],
        bind: impl FnOnce(Query<'q, Any, AnyArguments>) -> Query<'q, Any, AnyArguments>,
        id: i64,
        expected_version: i64,
    ) -> Result<(), StoreError> {
        let assignments: Vec<String> = columns
            .iter()
            .enumerate()
            .map(|(index, column)| format!("{column} = ${}", index + 1))
            .collect();
        let sql = format!(
            "UPDATE {table} SET {}, version = version + 1 WHERE id = ${} AND version = ${}",
            assignments.join(", "),
            columns.len() + 1,
            columns.len() + 2
        );
        let result = bind(sqlx::query(sqlx::AssertSqlSafe(sql)))
            .bind(id)
            .bind(expected_version)
            .execute(self.connection())
            .await?;
        StoreError::unless_stale(result, table)
    }

    /// Appends an event to the chain (R-LOG-1, R-LOG-2). Returns its sequence number.
    pub async fn record(&mut self, event: NewEvent) -> Result<i64, StoreError> {
        let seq = self.last_seq + 1;
        let occurred_at = timestamp(chrono::Utc::now());
        let stored = event.into_stored(seq, occurred_at, self.last_hash.clone());
        let hash = chain_hash(&stored);
        sqlx::query(
            "INSERT INTO events (seq, occurred_at, actor_id, actor_name, actor_role, action, \
             entity_type, entity_id, summary, origin, security, scope_region, scope_operator, \
             scope_municipality, domain, scope_account_role, prev_hash, hash) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, \
             $17, $18)",
        )
        .bind(stored.seq)
        .bind(&stored.occurred_at)
        .bind(stored.actor_id)
        .bind(&stored.actor_name)
        .bind(&stored.actor_role)
        .bind(&stored.action)
        .bind(&stored.entity_type)
        .bind(&stored.entity_id)
        .bind(&stored.summary)
        .bind(&stored.origin)
        .bind(stored.security)
        .bind(&stored.scope_region)
        .bind(&stored.scope_operator)
        .bind(&stored.scope_municipality)
        .bind(&stored.domain)
        .bind(&stored.scope_account_role)
        .bind(&stored.prev_hash)
        .bind(&hash)
        .execute(&mut *self.transaction)
        .await?;
        self.last_seq = seq;
        self.last_hash = hash;
        self.recorded += 1;
        Ok(seq)
    }

    /// Commits the change and its events. A write without an event is a programming error.
    pub async fn commit(mut self) -> Result<(), StoreError> {
        assert!(
            self.recorded > 0,
            "every write records at least one event (R-AUTH-5)"
        );
        sqlx::query("UPDATE event_chain_head SET last_seq = $1, last_hash = $2 WHERE id = 1")
            .bind(self.last_seq)
            .bind(&self.last_hash)
            .execute(&mut *self.transaction)
            .await?;
        self.transaction.commit().await?;
        Ok(())
    }
}
