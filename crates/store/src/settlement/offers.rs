//! R-SET-3: offers of households and the residents each names.

use serde::Serialize;
use sqlx::FromRow;

use crate::residents::ResidentRecord;
use crate::{Store, StoreError, WriteTx, timestamp};

#[derive(Clone, Debug, Serialize, FromRow)]
pub struct OfferRecord {
    pub id: i64,
    pub year: i64,
    pub municipality_number: String,
    pub household: String,
    pub persons: i64,
    pub offered_on: String,
    pub deadline: String,
    /// `open`, `accepted` or `declined`; expiry is derived from the deadline.
    pub answer: String,
    pub reason: Option<String>,
    pub answered_on: Option<String>,
    /// R-SET-4: the day of IMDi's settlement decision, once made.
    pub decided_on: Option<String>,
}

/// A member as the offer may show them: no names, no DUF number.
#[derive(Clone, Debug, Serialize, FromRow)]
pub struct OfferMemberRecord {
    pub resident_id: i64,
    pub birth_date: String,
    pub gender: String,
}

#[derive(Clone, Debug)]
pub struct NewOffer {
    pub year: i64,
    pub municipality_number: String,
    pub household: String,
    pub offered_on: String,
    pub deadline: String,
    pub resident_ids: Vec<i64>,
}

const OFFER_COLUMNS: &str = "id, year, municipality_number, household, persons, offered_on, \
    deadline, answer, reason, answered_on, decided_on";

impl Store {
    pub async fn settlement_offer(&self, id: i64) -> Result<OfferRecord, StoreError> {
        self.record_by(
            format!("SELECT {OFFER_COLUMNS} FROM settlement_offers WHERE id = $1"),
            id,
        )
        .await
    }

    /// A year's offers, of one municipality or (None) of all, newest first.
    pub async fn settlement_offers(
        &self,
        year: i64,
        municipality_number: Option<&str>,
    ) -> Result<Vec<OfferRecord>, StoreError> {
        let sql = format!(
            "SELECT {OFFER_COLUMNS} FROM settlement_offers WHERE year = $1 \
             AND (CAST($2 AS TEXT) IS NULL OR municipality_number = $2) ORDER BY id DESC"
        );
        Ok(sqlx::query_as::<_, OfferRecord>(sqlx::AssertSqlSafe(sql))
            .bind(year)
            .bind(municipality_number)
            .fetch_all(&self.pool)
            .await?)
    }

    /// The accepted offers that name this resident (a municipality's yes, R-SET-3).
    pub async fn accepted_offers_naming(
        &self,
        resident_id: i64,
    ) -> Result<Vec<OfferRecord>, StoreError> {
        let sql = format!(
            "SELECT {OFFER_COLUMNS} FROM settlement_offers WHERE answer = 'accepted' AND id IN \
             (SELECT offer_id FROM settlement_offer_members WHERE resident_id = $1) ORDER BY id"
        );
        Ok(sqlx::query_as::<_, OfferRecord>(sqlx::AssertSqlSafe(sql))
            .bind(resident_id)
            .fetch_all(&self.pool)
            .await?)
    }

    pub async fn settlement_offer_members(
        &self,
        offer_id: i64,
    ) -> Result<Vec<OfferMemberRecord>, StoreError> {
        Ok(sqlx::query_as::<_, OfferMemberRecord>(
            "SELECT r.id AS resident_id, r.birth_date, r.gender FROM settlement_offer_members m \
             JOIN residents r ON r.id = m.resident_id WHERE m.offer_id = $1 \
             ORDER BY r.birth_date, r.id",
        )
        .bind(offer_id)
        .fetch_all(&self.pool)
        .await?)
    }

    /// The residents who share a household key (SPEC §10 residents).
    pub async fn residents_of_household(
        &self,
        household: &str,
    ) -> Result<Vec<ResidentRecord>, StoreError> {
        Ok(sqlx::query_as::<_, ResidentRecord>(
            "SELECT id, duf_number, given_name, family_name, birth_date, gender, household, \
             registered_operator_id, created_at FROM residents WHERE household = $1 ORDER BY id",
        )
        .bind(household)
        .fetch_all(&self.pool)
        .await?)
    }
}

impl WriteTx {
    /// A municipality's offers of a year, read under the write lock so that the room a new
    /// offer is checked against cannot change before it is written.
    pub async fn settlement_offers_for_room(
        &mut self,
        year: i64,
        municipality_number: &str,
    ) -> Result<Vec<OfferRecord>, StoreError> {
        let sql = format!(
            "SELECT {OFFER_COLUMNS} FROM settlement_offers \
             WHERE year = $1 AND municipality_number = $2"
        );
        Ok(sqlx::query_as::<_, OfferRecord>(sqlx::AssertSqlSafe(sql))
            .bind(year)
            .bind(municipality_number)
            .fetch_all(self.connection())
            .await?)
    }

    /// Every offer of this household, under the write lock.
    pub async fn offers_naming(&mut self, household: &str) -> Result<Vec<OfferRecord>, StoreError> {
        let sql = format!(
            "SELECT {OFFER_COLUMNS} FROM settlement_offers WHERE household = $1 ORDER BY id"
        );
        Ok(sqlx::query_as::<_, OfferRecord>(sqlx::AssertSqlSafe(sql))
            .bind(household)
            .fetch_all(self.connection())
            .await?)
    }

    pub async fn insert_settlement_offer(&mut self, offer: &NewOffer) -> Result<i64, StoreError> {
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO settlement_offers (year, municipality_number, household, persons, \
             offered_on, deadline, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        )
        .bind(offer.year)
        .bind(&offer.municipality_number)
        .bind(&offer.household)
        .bind(i64::try_from(offer.resident_ids.len()).unwrap_or(i64::MAX))
        .bind(&offer.offered_on)
        .bind(&offer.deadline)
        .bind(timestamp(chrono::Utc::now()))
        .fetch_one(self.connection())
        .await
        .map_err(StoreError::from_write)?;
        for resident_id in &offer.resident_ids {
            sqlx::query(
                "INSERT INTO settlement_offer_members (offer_id, resident_id) VALUES ($1, $2)",
            )
            .bind(id)
            .bind(resident_id)
            .execute(self.connection())
            .await?;
        }
        Ok(id)
    }

    /// Records the answer of an offer that is still unanswered; false when it was answered.
    pub async fn answer_settlement_offer(
        &mut self,
        id: i64,
        answer: &str,
        reason: Option<&str>,
        answered_on: &str,
    ) -> Result<bool, StoreError> {
        let result = sqlx::query(
            "UPDATE settlement_offers SET answer = $2, reason = $3, answered_on = $4 \
             WHERE id = $1 AND answer = 'open'",
        )
        .bind(id)
        .bind(answer)
        .bind(reason)
        .bind(answered_on)
        .execute(self.connection())
        .await?;
        Ok(result.rows_affected() == 1)
    }

    /// R-SET-4: records IMDi's settlement decision on an accepted, undecided offer; false
    /// otherwise (the caller has checked the rule; this keeps two decisions from both landing).
    pub async fn decide_settlement_offer(
        &mut self,
        id: i64,
        decided_on: &str,
        decided_by: &str,
    ) -> Result<bool, StoreError> {
        let result = sqlx::query(
            "UPDATE settlement_offers SET decided_on = $2, decided_by = $3 \
             WHERE id = $1 AND answer = 'accepted' AND decided_on IS NULL",
        )
        .bind(id)
        .bind(decided_on)
        .bind(decided_by)
        .execute(self.connection())
        .await?;
        Ok(result.rows_affected() == 1)
    }
}
