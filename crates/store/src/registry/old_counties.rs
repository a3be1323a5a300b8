//! The pre-2020 county of each municipality (SPEC §2): versioned reference data that the
//! series rule of R-REG-1 reads and an admin imports.

use std::collections::HashMap;

use crate::{Store, StoreError, WriteTx};

impl Store {
    /// The pre-2020 counties of every municipality valid on `date`.
    pub async fn all_old_counties(
        &self,
        date: &str,
    ) -> Result<HashMap<String, Vec<String>>, StoreError> {
        let rows: Vec<(String, String)> = sqlx::query_as(
            "SELECT municipality_number, county FROM municipality_old_counties \
             WHERE valid_from <= $1 AND (valid_to IS NULL OR valid_to > $1) ORDER BY county",
        )
        .bind(date)
        .fetch_all(&self.pool)
        .await?;
        let mut counties: HashMap<String, Vec<String>> = Default::default();
        for (municipality, county) in rows {
            counties.entry(municipality).or_default().push(county);
        }
        Ok(counties)
    }

    /// The pre-2020 counties of a municipality valid on `date` (§2).
    pub async fn old_counties(
        &self,
        municipality_number: &str,
        date: &str,
    ) -> Result<Vec<String>, StoreError> {
        let rows: Vec<(String,)> = sqlx::query_as(
            "SELECT county FROM municipality_old_counties WHERE municipality_number = $1 \
             AND valid_from <= $2 AND (valid_to IS NULL OR valid_to > $2) ORDER BY county",
        )
        .bind(municipality_number)
        .bind(date)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(|(county,)| county).collect())
    }
}

impl WriteTx {
    /// Starts a new version of the mapping on `valid_from`, ending the current one there.
    pub async fn replace_old_counties(
        &mut self,
        valid_from: &str,
        rows: &[(String, String)],
    ) -> Result<(), StoreError> {
        // The new version starts where the current one ends.
        sqlx::query("UPDATE municipality_old_counties SET valid_to = $1 WHERE valid_to IS NULL AND valid_from < $1")
            .bind(valid_from)
            .execute(self.connection())
            .await?;
        sqlx::query("DELETE FROM municipality_old_counties WHERE valid_from = $1")
            .bind(valid_from)
            .execute(self.connection())
            .await?;
        for (municipality, county) in rows {
            sqlx::query(
                "INSERT INTO municipality_old_counties (municipality_number, county, valid_from) \
                 VALUES ($1, $2, $3)",
            )
            .bind(municipality)
            .bind(county)
            .bind(valid_from)
            .execute(self.connection())
            .await?;
        }
        Ok(())
    }
}
