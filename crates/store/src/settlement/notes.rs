//! R-SET-8: notes on persons and decisions (`settlement_notes`, migration 0020).

use serde::Serialize;
use sqlx::FromRow;

use crate::{Store, StoreError, WriteTx, timestamp};

#[derive(Clone, Debug, Serialize, FromRow)]
pub struct NoteRecord {
    pub id: i64,
    #[sqlx(flatten)]
    #[serde(flatten)]
    pub fields: NewNote,
    pub created_at: String,
}

/// A note as written; [`NoteRecord`] reads it back with its id.
#[derive(Clone, Debug, Serialize, FromRow)]
pub struct NewNote {
    /// `resident` or `decision`.
    pub subject: String,
    pub subject_id: i64,
    pub author_side: String,
    pub municipality_number: Option<String>,
    pub operator_dro: Option<i64>,
    pub author: String,
    pub body: String,
}

impl Store {
    /// Every note on a subject, oldest first; the caller keeps those the reader may read.
    pub async fn settlement_notes(
        &self,
        subject: &str,
        subject_id: i64,
    ) -> Result<Vec<NoteRecord>, StoreError> {
        Ok(sqlx::query_as::<_, NoteRecord>(
            "SELECT id, subject, subject_id, author_side, municipality_number, operator_dro, \
             author, body, created_at FROM settlement_notes \
             WHERE subject = $1 AND subject_id = $2 ORDER BY id",
        )
        .bind(subject)
        .bind(subject_id)
        .fetch_all(&self.pool)
        .await?)
    }
}

impl WriteTx {
    pub async fn insert_settlement_note(&mut self, note: &NewNote) -> Result<i64, StoreError> {
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO settlement_notes (subject, subject_id, author_side, \
             municipality_number, operator_dro, author, body, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
        )
        .bind(&note.subject)
        .bind(note.subject_id)
        .bind(&note.author_side)
        .bind(&note.municipality_number)
        .bind(note.operator_dro)
        .bind(&note.author)
        .bind(&note.body)
        .bind(timestamp(chrono::Utc::now()))
        .fetch_one(self.connection())
        .await
        .map_err(StoreError::from_write)?;
        Ok(id)
    }
}
