//! The public address list (R-REG-9): open centres with the place name of their postal code,
//! looked up in the same query rather than by loading the postal-code list.

use sqlx::FromRow;

use crate::{Store, StoreError};

/// One open centre as the public list shows it: no personal data.
#[derive(Clone, Debug, PartialEq, Eq, FromRow)]
pub struct AddressListRow {
    pub number: String,
    pub name: String,
    pub category: String,
    pub visiting_address: Option<String>,
    pub postal_address: Option<String>,
    pub postal_code: String,
    /// The place of the postal code valid on the date asked for, if the code has one then.
    pub postal_place: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
}

impl Store {
    /// Open centres by name, each with its postal place valid on `date`.
    pub async fn address_list(&self, date: &str) -> Result<Vec<AddressListRow>, StoreError> {
        Ok(sqlx::query_as::<_, AddressListRow>(
            "SELECT c.number, c.name, c.category, c.visiting_address, c.postal_address, \
             c.postal_code, p.place AS postal_place, c.phone, c.email \
             FROM centres c LEFT JOIN postal_codes p ON p.code = c.postal_code \
             AND p.valid_from <= $1 AND (p.valid_to IS NULL OR p.valid_to > $1) \
             WHERE c.status = 'open' ORDER BY c.name, c.number",
        )
        .bind(date)
        .fetch_all(&self.pool)
        .await?)
    }

    /// The sequence number of the last event. Every write records an event in its transaction
    /// (WriteTx), so this changes whenever a centre or reference data may have changed: a cheap
    /// version of the data for caches.
    pub async fn last_event_seq(&self) -> Result<i64, StoreError> {
        let (seq,): (i64,) = sqlx::query_as("SELECT last_seq FROM event_chain_head WHERE id = 1")
            .fetch_one(&self.pool)
            .await?;
        Ok(seq)
    }
}
