//! R-SET-8: the notes and threads of offers.

use serde::Serialize;
use sqlx::FromRow;

use crate::{Store, StoreError, WriteTx, timestamp};

#[derive(Clone, Debug, Serialize, FromRow)]
pub struct MessageRecord {
    pub id: i64,
    #[sqlx(flatten)]
    #[serde(flatten)]
    pub fields: NewMessage,
    pub created_at: String,
}

/// A message as written; [`MessageRecord`] reads it back with its id.
#[derive(Clone, Debug, Serialize, FromRow)]
pub struct NewMessage {
    pub offer_id: i64,
    pub municipality_number: String,
    pub channel: String,
    pub author_side: String,
    pub author: String,
    pub operator_dro: Option<i64>,
    pub body: String,
}

/// Whose notifications to list: messages to `side` (not by it), in its municipality or for
/// its operator's centres; `None` scopes mean every municipality (IMDi).
#[derive(Clone, Debug)]
pub struct Inbox<'a> {
    pub side: &'a str,
    pub municipality_number: Option<&'a str>,
    pub operator_dro: Option<i64>,
    /// The channels that reach `side` (the same twice for one).
    pub channels: [&'a str; 2],
}

const COLUMNS: &str = "id, offer_id, municipality_number, channel, author_side, author, \
    operator_dro, body, created_at";

impl Store {
    /// An offer's messages of one channel, oldest first.
    pub async fn offer_messages(
        &self,
        offer_id: i64,
        channel: &str,
    ) -> Result<Vec<MessageRecord>, StoreError> {
        let sql = format!(
            "SELECT {COLUMNS} FROM settlement_messages WHERE offer_id = $1 AND channel = $2 \
             ORDER BY id"
        );
        Ok(sqlx::query_as::<_, MessageRecord>(sqlx::AssertSqlSafe(sql))
            .bind(offer_id)
            .bind(channel)
            .fetch_all(&self.pool)
            .await?)
    }

    /// The newest messages to a side, newest first.
    pub async fn inbox(
        &self,
        inbox: &Inbox<'_>,
        limit: i64,
    ) -> Result<Vec<MessageRecord>, StoreError> {
        let sql = format!(
            "SELECT {COLUMNS} FROM settlement_messages WHERE author_side <> $1 \
             AND channel IN ($5, $6) \
             AND (CAST($2 AS TEXT) IS NULL OR municipality_number = $2) \
             AND (CAST($3 AS BIGINT) IS NULL OR operator_dro = $3) \
             ORDER BY id DESC LIMIT $4"
        );
        Ok(sqlx::query_as::<_, MessageRecord>(sqlx::AssertSqlSafe(sql))
            .bind(inbox.side)
            .bind(inbox.municipality_number)
            .bind(inbox.operator_dro)
            .bind(limit)
            .bind(inbox.channels[0])
            .bind(inbox.channels[1])
            .fetch_all(&self.pool)
            .await?)
    }
}

impl WriteTx {
    pub async fn insert_message(&mut self, message: &NewMessage) -> Result<i64, StoreError> {
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO settlement_messages (offer_id, municipality_number, channel, \
             author_side, author, operator_dro, body, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
        )
        .bind(message.offer_id)
        .bind(&message.municipality_number)
        .bind(&message.channel)
        .bind(&message.author_side)
        .bind(&message.author)
        .bind(message.operator_dro)
        .bind(&message.body)
        .bind(timestamp(chrono::Utc::now()))
        .fetch_one(self.connection())
        .await
        .map_err(StoreError::from_write)?;
        Ok(id)
    }
}
