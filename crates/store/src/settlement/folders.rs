//! R-SET-6: person folders; R-SET-5: settlement dates.

use mottak_domain::settlement::Folder;
use serde::Serialize;
use sqlx::any::AnyRow;
use sqlx::{FromRow, Row};

use crate::{Store, StoreError, WriteTx, timestamp};

/// A folder from its row; `languages` is stored as a JSON array of strings.
fn folder(row: &AnyRow) -> Result<Folder, sqlx::Error> {
    let languages: String = row.try_get("languages")?;
    Ok(Folder {
        education: row.try_get("education")?,
        work: row.try_get("work")?,
        languages: serde_json::from_str(&languages).unwrap_or_default(),
        health_needs: row.try_get("health_needs")?,
        family: row.try_get("family")?,
        network: row.try_get("network")?,
        wishes: row.try_get("wishes")?,
    })
}

#[derive(Clone, Debug, Serialize, FromRow)]
pub struct SettlementRecord {
    pub resident_id: i64,
    pub offer_id: i64,
    pub municipality_number: String,
    pub settled_on: String,
}

impl Store {
    /// The settlements dated in `year`, of one municipality or (None) of all (R-SET-7's
    /// drill-down), by date.
    pub async fn settlements_in(
        &self,
        year: i64,
        municipality_number: Option<&str>,
    ) -> Result<Vec<SettlementRecord>, StoreError> {
        Ok(sqlx::query_as::<_, SettlementRecord>(
            "SELECT resident_id, offer_id, municipality_number, settled_on FROM settlements \
             WHERE settled_on >= $1 AND settled_on < $2 \
             AND (CAST($3 AS TEXT) IS NULL OR municipality_number = $3) \
             ORDER BY settled_on, resident_id",
        )
        .bind(format!("{year:04}-01-01"))
        .bind(format!("{:04}-01-01", year + 1))
        .bind(municipality_number)
        .fetch_all(&self.pool)
        .await?)
    }

    pub async fn person_folder(&self, resident_id: i64) -> Result<Option<Folder>, StoreError> {
        let row = sqlx::query(
            "SELECT education, work, languages, health_needs, family, network, wishes \
             FROM person_folders WHERE resident_id = $1",
        )
        .bind(resident_id)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.as_ref().map(folder).transpose()?)
    }

    /// The languages of each member of an offer that has a folder, as stored.
    pub async fn offer_member_languages(
        &self,
        offer_id: i64,
    ) -> Result<Vec<(i64, String)>, StoreError> {
        Ok(sqlx::query_as(
            "SELECT f.resident_id, f.languages FROM person_folders f \
             JOIN settlement_offer_members m ON m.resident_id = f.resident_id \
             WHERE m.offer_id = $1",
        )
        .bind(offer_id)
        .fetch_all(&self.pool)
        .await?)
    }

    pub async fn settlement_of(
        &self,
        resident_id: i64,
    ) -> Result<Option<SettlementRecord>, StoreError> {
        Ok(sqlx::query_as::<_, SettlementRecord>(
            "SELECT resident_id, offer_id, municipality_number, settled_on FROM settlements \
             WHERE resident_id = $1",
        )
        .bind(resident_id)
        .fetch_optional(&self.pool)
        .await?)
    }
}

impl WriteTx {
    pub async fn put_person_folder(
        &mut self,
        resident_id: i64,
        folder: &Folder,
    ) -> Result<(), StoreError> {
        let languages = serde_json::to_string(&folder.languages).unwrap_or_else(|_| "[]".into());
        sqlx::query(
            "INSERT INTO person_folders (resident_id, education, work, languages, health_needs, \
             family, network, wishes, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) \
             ON CONFLICT (resident_id) DO UPDATE SET education = excluded.education, \
             work = excluded.work, languages = excluded.languages, \
             health_needs = excluded.health_needs, family = excluded.family, \
             network = excluded.network, wishes = excluded.wishes, \
             updated_at = excluded.updated_at",
        )
        .bind(resident_id)
        .bind(&folder.education)
        .bind(&folder.work)
        .bind(languages)
        .bind(&folder.health_needs)
        .bind(&folder.family)
        .bind(&folder.network)
        .bind(&folder.wishes)
        .bind(timestamp(chrono::Utc::now()))
        .execute(self.connection())
        .await?;
        Ok(())
    }

    /// A resident is settled once: a second date is `Conflict(settlements_pkey)`.
    pub async fn insert_settlement(
        &mut self,
        settlement: &SettlementRecord,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO settlements (resident_id, offer_id, municipality_number, settled_on, \
             registered_at) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(settlement.resident_id)
        .bind(settlement.offer_id)
        .bind(&settlement.municipality_number)
        .bind(&settlement.settled_on)
        .bind(timestamp(chrono::Utc::now()))
        .execute(self.connection())
        .await
        .map_err(StoreError::from_write)?;
        Ok(())
    }
}
