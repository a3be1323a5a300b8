//! The public address list (R-REG-9): open centres with the place name of their postal code,
//! looked up in the same query rather than by loading the postal-code list. No personal data.

use mottak_domain::registry::AddressListEntry;
use sqlx::Row;
use sqlx::any::AnyRow;

use crate::{Store, StoreError};

/// An entry from the row of the query below.
fn entry(row: &AnyRow) -> Result<AddressListEntry, sqlx::Error> {
    Ok(AddressListEntry {
        number: row.try_get("number")?,
        name: row.try_get("name")?,
        category: row.try_get("category")?,
        visiting_address: row.try_get("visiting_address")?,
        postal_address: row.try_get("postal_address")?,
        postal_code: row.try_get("postal_code")?,
        // The place of the postal code valid on the date asked for, if the code has one then.
        postal_place: row.try_get("postal_place")?,
        phone: row.try_get("phone")?,
        email: row.try_get("email")?,
    })
}

impl Store {
    /// Open centres by name, each with its postal place valid on `date`.
    pub async fn address_list(&self, date: &str) -> Result<Vec<AddressListEntry>, StoreError> {
        let rows = sqlx::query(
            "SELECT c.number, c.name, c.category, c.visiting_address, c.postal_address, \
             c.postal_code, p.place AS postal_place, c.phone, c.email \
             FROM centres c LEFT JOIN postal_codes p ON p.code = c.postal_code \
             AND p.valid_from <= $1 AND (p.valid_to IS NULL OR p.valid_to > $1) \
             WHERE c.status = 'open' ORDER BY c.name, c.number",
        )
        .bind(date)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.iter().map(entry).collect::<Result<_, _>>()?)
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
