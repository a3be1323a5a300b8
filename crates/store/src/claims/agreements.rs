//! What a claim is computed from besides its days: the centre's agreements at their current
//! version, their regulations (R-AGR-9), and the latest end among them (R-CLM-6).

use chrono::NaiveDate;
use mottak_domain::agreements::AgreementTerms;
use mottak_domain::claims::stored::PriceChange;
use mottak_domain::money::Ore;

use super::read::stored_date;
use crate::{StoreError, WriteTx};

impl WriteTx {
    /// Every agreement with a unit at the centre, at its current version, with its id (the
    /// regulations and the lines' explanations name it).
    pub async fn agreements_for_claim(
        &mut self,
        centre_id: i64,
    ) -> Result<Vec<(i64, AgreementTerms)>, StoreError> {
        let rows: Vec<(i64, String)> = sqlx::query_as(
            "SELECT a.id, v.document FROM agreements a JOIN agreement_versions v \
             ON v.agreement_id = a.id AND v.version = a.version WHERE a.id IN \
             (SELECT agreement_id FROM agreement_units WHERE centre_id = $1) ORDER BY a.valid_from, a.id",
        )
        .bind(centre_id)
        .fetch_all(self.connection())
        .await?;
        rows.into_iter()
            .map(|(id, document)| {
                let terms = serde_json::from_str(&document)
                    .map_err(|error| StoreError::Database(sqlx::Error::Decode(Box::new(error))))?;
                Ok((id, terms))
            })
            .collect()
    }

    /// The regulations of the centre's agreements (R-AGR-9), so that a claim pays each day at the
    /// price in force that day.
    pub async fn price_changes(&mut self, centre_id: i64) -> Result<Vec<PriceChange>, StoreError> {
        let rows: Vec<(i64, String, String, i64, i64)> = sqlx::query_as(
            "SELECT agreement_id, price_path, regulated_on, before_ore, after_ore FROM regulations \
             WHERE agreement_id IN (SELECT agreement_id FROM agreement_units WHERE centre_id = $1) \
             ORDER BY regulated_on",
        )
        .bind(centre_id)
        .fetch_all(self.connection())
        .await?;
        rows.into_iter()
            .map(|(agreement_id, price, date, before, after)| {
                Ok(PriceChange {
                    agreement_id,
                    price,
                    date: stored_date(&date)?,
                    before: Ore(before),
                    after: Ore(after),
                })
            })
            .collect()
    }

    /// R-CLM-6: the latest end (stop date where set, else valid-to) among the centre's agreements.
    pub async fn latest_agreement_end(
        &mut self,
        centre_id: i64,
    ) -> Result<Option<NaiveDate>, StoreError> {
        let row: (Option<String>,) = sqlx::query_as(
            "SELECT MAX(COALESCE(stop_date, valid_to)) FROM agreements WHERE id IN \
             (SELECT agreement_id FROM agreement_units WHERE centre_id = $1)",
        )
        .bind(centre_id)
        .fetch_one(self.connection())
        .await?;
        row.0.as_deref().map(stored_date).transpose()
    }
}
