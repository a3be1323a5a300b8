//! R-AUTH-3: the required version and each municipality's signed data processing agreements;
//! R-SET-1a: the municipality's official mailbox.

use serde::Serialize;
use sqlx::FromRow;

use crate::{Store, StoreError, WriteTx, timestamp};

#[derive(Clone, Debug, Serialize, FromRow)]
pub struct DataProcessingAgreementRecord {
    pub id: i64,
    pub municipality_number: String,
    pub version: String,
    pub signed_on: String,
    pub ends_on: Option<String>,
    pub registered_at: String,
}

#[derive(Clone, Debug, Serialize, FromRow)]
pub struct SettlementProfile {
    pub municipality_number: String,
    pub postmottak: String,
}

const AGREEMENT_COLUMNS: &str =
    "id, municipality_number, version, signed_on, ends_on, registered_at";

impl Store {
    /// The version IMDi requires, if it has set one.
    pub async fn required_agreement_version(&self) -> Result<Option<String>, StoreError> {
        let row: Option<(String,)> =
            sqlx::query_as("SELECT required_version FROM data_processing_requirement WHERE id = 1")
                .fetch_optional(&self.pool)
                .await?;
        Ok(row.map(|(version,)| version))
    }

    /// One municipality's agreements, oldest signing first.
    pub async fn data_processing_agreements(
        &self,
        municipality_number: &str,
    ) -> Result<Vec<DataProcessingAgreementRecord>, StoreError> {
        let sql = format!(
            "SELECT {AGREEMENT_COLUMNS} FROM data_processing_agreements \
             WHERE municipality_number = $1 ORDER BY signed_on, id"
        );
        Ok(
            sqlx::query_as::<_, DataProcessingAgreementRecord>(sqlx::AssertSqlSafe(sql))
                .bind(municipality_number)
                .fetch_all(&self.pool)
                .await?,
        )
    }

    /// Every municipality's agreements, by municipality and signing.
    pub async fn all_data_processing_agreements(
        &self,
    ) -> Result<Vec<DataProcessingAgreementRecord>, StoreError> {
        let sql = format!(
            "SELECT {AGREEMENT_COLUMNS} FROM data_processing_agreements \
             ORDER BY municipality_number, signed_on, id"
        );
        Ok(
            sqlx::query_as::<_, DataProcessingAgreementRecord>(sqlx::AssertSqlSafe(sql))
                .fetch_all(&self.pool)
                .await?,
        )
    }

    pub async fn settlement_profiles(&self) -> Result<Vec<SettlementProfile>, StoreError> {
        Ok(sqlx::query_as::<_, SettlementProfile>(
            "SELECT municipality_number, postmottak FROM settlement_profiles \
             ORDER BY municipality_number",
        )
        .fetch_all(&self.pool)
        .await?)
    }
}

impl WriteTx {
    /// The municipality's official mailbox (R-SET-1a), if one is kept.
    pub async fn postmottak(
        &mut self,
        municipality_number: &str,
    ) -> Result<Option<String>, StoreError> {
        let row: Option<(String,)> = sqlx::query_as(
            "SELECT postmottak FROM settlement_profiles WHERE municipality_number = $1",
        )
        .bind(municipality_number)
        .fetch_optional(self.connection())
        .await?;
        Ok(row.map(|(postmottak,)| postmottak))
    }

    pub async fn set_required_agreement_version(
        &mut self,
        version: &str,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO data_processing_requirement (id, required_version, set_at) \
             VALUES (1, $1, $2) ON CONFLICT (id) DO UPDATE SET \
             required_version = excluded.required_version, set_at = excluded.set_at",
        )
        .bind(version)
        .bind(timestamp(chrono::Utc::now()))
        .execute(self.connection())
        .await?;
        Ok(())
    }

    /// Registers (or corrects) the municipality's agreement in this version.
    pub async fn put_data_processing_agreement(
        &mut self,
        municipality_number: &str,
        version: &str,
        signed_on: &str,
        ends_on: Option<&str>,
    ) -> Result<i64, StoreError> {
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO data_processing_agreements \
             (municipality_number, version, signed_on, ends_on, registered_at) \
             VALUES ($1, $2, $3, $4, $5) ON CONFLICT (municipality_number, version) DO UPDATE \
             SET signed_on = excluded.signed_on, ends_on = excluded.ends_on, \
             registered_at = excluded.registered_at RETURNING id",
        )
        .bind(municipality_number)
        .bind(version)
        .bind(signed_on)
        .bind(ends_on)
        .bind(timestamp(chrono::Utc::now()))
        .fetch_one(self.connection())
        .await
        .map_err(StoreError::from_write)?;
        Ok(id)
    }

    pub async fn put_settlement_profile(
        &mut self,
        municipality_number: &str,
        postmottak: &str,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO settlement_profiles (municipality_number, postmottak, updated_at) \
             VALUES ($1, $2, $3) ON CONFLICT (municipality_number) DO UPDATE \
             SET postmottak = excluded.postmottak, updated_at = excluded.updated_at",
        )
        .bind(municipality_number)
        .bind(postmottak)
        .bind(timestamp(chrono::Utc::now()))
        .execute(self.connection())
        .await?;
        Ok(())
    }
}
