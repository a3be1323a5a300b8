//! The numbers linked with a centre through its history (R-REG-2): predecessors and successors,
//! transitively, which together are one centre with one number per place type.

use sqlx::FromRow;

use crate::{Store, StoreError, WriteTx};

/// An open number linked with a centre, the centre itself included.
#[derive(Clone, Debug, PartialEq, Eq, FromRow)]
pub struct LinkedNumber {
    pub id: i64,
    pub number: String,
    pub place_type: String,
}

/// Walks the predecessor links both ways from `$1`; UNION (not ALL) stops at ids already seen.
const OPEN_LINKED: &str = "WITH RECURSIVE links (from_id, to_id) AS ( \
        SELECT id, predecessor_id FROM centres WHERE predecessor_id IS NOT NULL \
        UNION ALL SELECT predecessor_id, id FROM centres WHERE predecessor_id IS NOT NULL), \
    linked (id) AS ( \
        SELECT CAST($1 AS BIGINT) \
        UNION SELECT links.to_id FROM links JOIN linked ON links.from_id = linked.id) \
    SELECT c.id, c.number, c.place_type FROM centres c JOIN linked ON linked.id = c.id \
    WHERE c.status = 'open' ORDER BY c.number";

impl Store {
    /// The open numbers linked with a centre, for a preview.
    pub async fn open_linked_numbers(&self, id: i64) -> Result<Vec<LinkedNumber>, StoreError> {
        Ok(sqlx::query_as::<_, LinkedNumber>(OPEN_LINKED)
            .bind(id)
            .fetch_all(&self.pool)
            .await?)
    }
}

impl WriteTx {
    /// The open numbers linked with a centre, read under the write lock, so that two operations
    /// cannot both give the centre the same place type.
    pub async fn open_linked_numbers(&mut self, id: i64) -> Result<Vec<LinkedNumber>, StoreError> {
        Ok(sqlx::query_as::<_, LinkedNumber>(OPEN_LINKED)
            .bind(id)
            .fetch_all(self.connection())
            .await?)
    }
}
