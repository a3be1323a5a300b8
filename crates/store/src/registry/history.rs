//! The lifecycle history of centres (R-REG-2).

use serde::Serialize;
use sqlx::FromRow;

use crate::{Store, StoreError, WriteTx, timestamp};

#[derive(Clone, Debug, Serialize, FromRow)]
pub struct HistoryRecord {
    pub id: i64,
    pub centre_id: i64,
    pub occurred_at: String,
    pub operation: String,
    pub summary: String,
    pub related_centre_id: Option<i64>,
    pub related_number: Option<String>,
    pub actor_name: String,
}

impl Store {
    /// A centre's history, oldest first, with the numbers of linked centres.
    pub async fn centre_history(&self, centre_id: i64) -> Result<Vec<HistoryRecord>, StoreError> {
        Ok(sqlx::query_as::<_, HistoryRecord>(
            "SELECT h.id, h.centre_id, h.occurred_at, h.operation, h.summary, \
             h.related_centre_id, r.number AS related_number, h.actor_name \
             FROM centre_history h LEFT JOIN centres r ON r.id = h.related_centre_id \
             WHERE h.centre_id = $1 ORDER BY h.occurred_at, h.id",
        )
        .bind(centre_id)
        .fetch_all(&self.pool)
        .await?)
    }
}

/// A lifecycle change with its centre's number and name, for the start page.
#[derive(Clone, Debug, FromRow)]
pub struct RecentChange {
    pub centre_id: i64,
    pub number: String,
    pub name: String,
    pub occurred_at: String,
    pub operation: String,
}

impl Store {
    /// The latest lifecycle changes of every centre, newest first.
    pub async fn recent_centre_changes(&self, limit: i64) -> Result<Vec<RecentChange>, StoreError> {
        Ok(sqlx::query_as::<_, RecentChange>(
            "SELECT h.centre_id, c.number, c.name, h.occurred_at, h.operation \
             FROM centre_history h JOIN centres c ON c.id = h.centre_id \
             ORDER BY h.occurred_at DESC, h.id DESC LIMIT $1",
        )
        .bind(limit)
        .fetch_all(&self.pool)
        .await?)
    }
}

impl WriteTx {
    pub async fn add_history(
        &mut self,
        centre_id: i64,
        operation: &str,
        summary: &str,
        related_centre_id: Option<i64>,
        actor_name: &str,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO centre_history (centre_id, occurred_at, operation, summary, \
             related_centre_id, actor_name) VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(centre_id)
        .bind(timestamp(chrono::Utc::now()))
        .bind(operation)
        .bind(summary)
        .bind(related_centre_id)
        .bind(actor_name)
        .execute(self.connection())
        .await?;
        Ok(())
    }
}
