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
    /// The residents of households that may wait, by household key and id, in one query. What
    /// can never wait again is left out here, so that the register's settled thousands are not
    /// read: a household with a settled member (R-SET-5) or an accepted offer (an answer, not a
    /// date, so the same as `OfferStatus::Accepted`). Open and expired offers are the domain's
    /// to judge (expiry depends on today). `settled` is therefore 0 on every row.
    pub async fn placement_residents(&self) -> Result<Vec<PlacementResidentRow>, StoreError> {
        Ok(sqlx::query_as::<_, PlacementResidentRow>(
            "SELECT r.id, r.household, 0 AS settled, f.languages, f.network FROM residents r \
             LEFT JOIN settlements own ON own.resident_id = r.id \
             LEFT JOIN person_folders f ON f.resident_id = r.id \
             WHERE own.resident_id IS NULL \
             AND NOT EXISTS (SELECT 1 FROM residents m JOIN settlements s \
               ON s.resident_id = m.id WHERE m.household = r.household) \
             AND NOT EXISTS (SELECT 1 FROM settlement_offers o \
               WHERE o.household = r.household AND o.answer = 'accepted') \
             ORDER BY r.household, r.id",
        )
        .fetch_all(&self.pool)
        .await?)
    }

    /// The unanswered offers of every year (open, or expired after their deadline); accepted
    /// ones already keep their households out of [`Store::placement_residents`].
    pub async fn household_offers(&self) -> Result<Vec<HouseholdOfferRow>, StoreError> {
        Ok(sqlx::query_as::<_, HouseholdOfferRow>(
            "SELECT household, answer, deadline FROM settlement_offers WHERE answer = 'open'",
        )
        .fetch_all(&self.pool)
        .await?)
    }
}
