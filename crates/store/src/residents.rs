//! Residents and their stays (SPEC §5, R-OCC-1). Dates cross as ISO 8601 text.

use serde::Serialize;
use sqlx::FromRow;

use crate::{Store, StoreError, WriteTx, timestamp};

#[derive(Clone, Debug, Serialize, FromRow)]
pub struct ResidentRecord {
    pub id: i64,
    #[sqlx(flatten)]
    #[serde(flatten)]
    pub fields: NewResident,
    pub created_at: String,
}

/// A resident as written; [`ResidentRecord`] reads it back with its id.
#[derive(Clone, Debug, Serialize, FromRow)]
pub struct NewResident {
    pub duf_number: String,
    pub given_name: String,
    pub family_name: String,
    pub birth_date: String,
    pub gender: String,
    pub household: String,
    pub registered_operator_id: Option<i64>,
}

/// A stay with the centre it is at and that centre's scope (region, operator's DRO number).
#[derive(Clone, Debug, Serialize, FromRow)]
pub struct StayRecord {
    pub id: i64,
    pub resident_id: i64,
    pub centre_id: i64,
    pub centre_number: String,
    pub centre_name: String,
    pub place_type: String,
    pub from_date: String,
    pub to_date: Option<String>,
    pub region: String,
    pub operator_dro: i64,
}

/// A resident of a centre with the stay there (current and past residents).
#[derive(Clone, Debug, Serialize, FromRow)]
pub struct CentreResidentRow {
    pub resident_id: i64,
    pub duf_number: String,
    pub given_name: String,
    pub family_name: String,
    pub stay_id: i64,
    pub from_date: String,
    pub to_date: Option<String>,
}

#[derive(Clone, Debug)]
pub struct NewStay {
    pub resident_id: i64,
    pub centre_id: i64,
    pub place_type: String,
    pub from_date: String,
    pub to_date: Option<String>,
}

const RESIDENT_COLUMNS: &str = "id, duf_number, given_name, family_name, birth_date, gender, \
    household, registered_operator_id, created_at";

const STAY_SELECT: &str = "SELECT s.id, s.resident_id, s.centre_id, c.number AS centre_number, \
    c.name AS centre_name, s.place_type, s.from_date, s.to_date, c.region, \
    o.dro_number AS operator_dro FROM stays s JOIN centres c ON c.id = s.centre_id \
    JOIN operators o ON o.id = c.operator_id";

/// The columns of a [`CentreResidentRow`], from `residents r` and `stays s`.
const CENTRE_RESIDENT_COLUMNS: &str = "r.id AS resident_id, r.duf_number, r.given_name, \
    r.family_name, s.id AS stay_id, s.from_date, s.to_date";

impl Store {
    pub async fn resident(&self, id: i64) -> Result<ResidentRecord, StoreError> {
        self.record_by(
            format!("SELECT {RESIDENT_COLUMNS} FROM residents WHERE id = $1"),
            id,
        )
        .await
    }

    /// A resident's stays across centres, oldest first (mottakshistorikk).
    pub async fn stays_of_resident(&self, resident_id: i64) -> Result<Vec<StayRecord>, StoreError> {
        let sql = format!("{STAY_SELECT} WHERE s.resident_id = $1 ORDER BY s.from_date, s.id");
        Ok(sqlx::query_as::<_, StayRecord>(sqlx::AssertSqlSafe(sql))
            .bind(resident_id)
            .fetch_all(&self.pool)
            .await?)
    }

    /// Everyone who lives or has lived at a centre, newest stay first.
    pub async fn residents_of_centre(
        &self,
        centre_id: i64,
    ) -> Result<Vec<CentreResidentRow>, StoreError> {
        let sql = format!(
            "SELECT {CENTRE_RESIDENT_COLUMNS} FROM stays s \
             JOIN residents r ON r.id = s.resident_id WHERE s.centre_id = $1 \
             ORDER BY s.from_date DESC, s.id DESC"
        );
        Ok(
            sqlx::query_as::<_, CentreResidentRow>(sqlx::AssertSqlSafe(sql))
                .bind(centre_id)
                .fetch_all(&self.pool)
                .await?,
        )
    }

    /// R-AGR-12: the residents who still live (on `today`) at a closed number that `centre_id`
    /// replaced, by name. A new number does not move anyone by itself.
    pub async fn residents_to_move(
        &self,
        centre_id: i64,
        today: &str,
    ) -> Result<Vec<CentreResidentRow>, StoreError> {
        let sql = format!(
            "SELECT {CENTRE_RESIDENT_COLUMNS} FROM centres new \
             JOIN centres old ON old.id = new.predecessor_id AND old.status = 'closed' \
             JOIN stays s ON s.centre_id = old.id \
             JOIN residents r ON r.id = s.resident_id \
             WHERE new.id = $1 AND s.from_date <= $2 AND (s.to_date IS NULL OR s.to_date > $2) \
             ORDER BY r.family_name, r.given_name, r.id"
        );
        Ok(
            sqlx::query_as::<_, CentreResidentRow>(sqlx::AssertSqlSafe(sql))
                .bind(centre_id)
                .bind(today)
                .fetch_all(&self.pool)
                .await?,
        )
    }

    pub async fn count_residents(&self) -> Result<i64, StoreError> {
        let (count,): (i64,) = sqlx::query_as("SELECT CAST(COUNT(*) AS BIGINT) FROM residents")
            .fetch_one(&self.pool)
            .await?;
        Ok(count)
    }
}

impl WriteTx {
    pub async fn insert_resident(&mut self, resident: &NewResident) -> Result<i64, StoreError> {
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO residents (duf_number, given_name, family_name, birth_date, gender, \
             household, registered_operator_id, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
        )
        .bind(&resident.duf_number)
        .bind(&resident.given_name)
        .bind(&resident.family_name)
        .bind(&resident.birth_date)
        .bind(&resident.gender)
        .bind(&resident.household)
        .bind(resident.registered_operator_id)
        .bind(timestamp(chrono::Utc::now()))
        .fetch_one(self.connection())
        .await
        .map_err(StoreError::from_write)?;
        Ok(id)
    }

    /// The resident's stays as they are now, read under the write lock (R-OCC-1 decides on them).
    pub async fn stays_of_resident(
        &mut self,
        resident_id: i64,
    ) -> Result<Vec<StayRecord>, StoreError> {
        let sql = format!("{STAY_SELECT} WHERE s.resident_id = $1 ORDER BY s.from_date, s.id");
        Ok(sqlx::query_as::<_, StayRecord>(sqlx::AssertSqlSafe(sql))
            .bind(resident_id)
            .fetch_all(self.connection())
            .await?)
    }

    pub async fn insert_stay(&mut self, stay: &NewStay) -> Result<i64, StoreError> {
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO stays (resident_id, centre_id, place_type, from_date, to_date, \
             created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        )
        .bind(stay.resident_id)
        .bind(stay.centre_id)
        .bind(&stay.place_type)
        .bind(&stay.from_date)
        .bind(&stay.to_date)
        .bind(timestamp(chrono::Utc::now()))
        .fetch_one(self.connection())
        .await
        .map_err(StoreError::from_write)?;
        Ok(id)
    }

    /// Ends an open stay on `to` (exclusive): the move of R-OCC-1.
    pub async fn end_stay(&mut self, stay_id: i64, to: &str) -> Result<(), StoreError> {
        sqlx::query("UPDATE stays SET to_date = $1 WHERE id = $2 AND to_date IS NULL")
            .bind(to)
            .bind(stay_id)
            .execute(self.connection())
            .await?;
        Ok(())
    }
}
