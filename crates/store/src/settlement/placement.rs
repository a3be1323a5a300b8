//! R-SET-9: what a placement proposal from stored data reads — every resident with its
//! household key, whether settled, and its folder's languages and network ties; and the offers
//! that may still hold a household.

use serde::Serialize;
use sqlx::FromRow;

use crate::{Store, StoreError};

/// A resident as the waiting list needs them; `languages` is the folder's JSON array.
#[derive(Clone, Debug, Serialize, FromRow)]
pub struct PlacementResidentRow {
    pub id: i64,
    pub household: String,
    /// 1 when the resident has a settlement date (R-SET-5).
    pub settled: i64,
    pub languages: Option<String>,
    pub network: Option<String>,
}

/// An offer's household with its stored answer and deadline (expiry is derived by the caller).
#[derive(Clone, Debug, Serialize, FromRow)]
pub struct HouseholdOfferRow {
    pub household: String,
    pub answer: String,
    pub deadline: String,
}

impl Store {
    /// Every resident, by household key and id, in one query.
    pub async fn placement_residents(&self) -> Result<Vec<PlacementResidentRow>, StoreError> {
        Ok(sqlx::query_as::<_, PlacementResidentRow>(
            "SELECT r.id, r.household, \
             CASE WHEN s.resident_id IS NULL THEN 0 ELSE 1 END AS settled, \
             f.languages, f.network FROM residents r \
             LEFT JOIN settlements s ON s.resident_id = r.id \
             LEFT JOIN person_folders f ON f.resident_id = r.id \
             ORDER BY r.household, r.id",
        )
        .fetch_all(&self.pool)
        .await?)
    }

    /// The offers of every year that are not declined: open (or expired) and accepted ones.
    pub async fn household_offers(&self) -> Result<Vec<HouseholdOfferRow>, StoreError> {
        Ok(sqlx::query_as::<_, HouseholdOfferRow>(
            "SELECT household, answer, deadline FROM settlement_offers \
             WHERE answer <> 'declined'",
        )
        .fetch_all(&self.pool)
        .await?)
    }
}
