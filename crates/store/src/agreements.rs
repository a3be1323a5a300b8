//! Operating agreements (SPEC §4): the current version in `agreements` with its centres in
//! `agreement_units`, every version's whole agreement as a JSON document in
//! `agreement_versions`. Documents are mapped to the domain's [`AgreementTerms`] here, so
//! callers (the claims, the regulation job) read domain values.

use chrono::NaiveDate;
use mottak_domain::agreements::AgreementTerms;
use mottak_domain::dates::DateRange;
use sqlx::FromRow;

use crate::{Store, StoreError, WriteTx, timestamp};

/// An agreement at its current version.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredAgreement {
    pub id: i64,
    pub version: i64,
    pub terms: AgreementTerms,
}

/// One stored version.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AgreementVersion {
    pub version: i64,
    pub created_at: String,
    pub actor_name: String,
    pub terms: AgreementTerms,
}

#[derive(FromRow)]
struct DocumentRow {
    id: i64,
    version: i64,
    document: String,
}

#[derive(FromRow)]
struct VersionRow {
    version: i64,
    created_at: String,
    actor_name: String,
    document: String,
}

fn terms_of(document: &str) -> Result<AgreementTerms, StoreError> {
    serde_json::from_str(document)
        .map_err(|error| StoreError::Database(sqlx::Error::Decode(Box::new(error))))
}

fn document_of(terms: &AgreementTerms) -> String {
    serde_json::to_string(terms).expect("agreement terms serialize")
}

fn iso(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

const CURRENT: &str = "SELECT a.id, a.version, v.document FROM agreements a \
    JOIN agreement_versions v ON v.agreement_id = a.id AND v.version = a.version";

fn stored(rows: Vec<DocumentRow>) -> Result<Vec<StoredAgreement>, StoreError> {
    rows.into_iter()
        .map(|row| {
            Ok(StoredAgreement {
                id: row.id,
                version: row.version,
                terms: terms_of(&row.document)?,
            })
        })
        .collect()
}

impl Store {
    pub async fn agreement(&self, id: i64) -> Result<StoredAgreement, StoreError> {
        let sql = format!("{CURRENT} WHERE a.id = $1");
        let row = sqlx::query_as::<_, DocumentRow>(sqlx::AssertSqlSafe(sql))
            .bind(id)
            .fetch_optional(&self.pool)
            .await?
            .ok_or(StoreError::NotFound)?;
        Ok(stored(vec![row])?.remove(0))
    }

    /// The agreements of a centre, valid on some day of `range` when given (any time otherwise),
    /// ordered by start.
    pub async fn agreements_of_centre(
        &self,
        centre_id: i64,
        range: Option<DateRange>,
    ) -> Result<Vec<StoredAgreement>, StoreError> {
        let (from, end) = bounds(range);
        let sql = format!(
            "{CURRENT} WHERE a.id IN (SELECT agreement_id FROM agreement_units WHERE centre_id = $1) \
             AND a.valid_from < $2 AND COALESCE(a.stop_date, a.valid_to) > $3 \
             ORDER BY a.valid_from, a.id"
        );
        let rows = sqlx::query_as::<_, DocumentRow>(sqlx::AssertSqlSafe(sql))
            .bind(centre_id)
            .bind(end)
            .bind(from)
            .fetch_all(&self.pool)
            .await?;
        stored(rows)
    }

    /// Agreements filtered by centre and operator (both optional), ordered by start.
    pub async fn agreements(
        &self,
        centre_id: Option<i64>,
        operator_id: Option<i64>,
    ) -> Result<Vec<StoredAgreement>, StoreError> {
        let sql = format!(
            "{CURRENT} WHERE ($1 = 0 OR a.id IN \
             (SELECT agreement_id FROM agreement_units WHERE centre_id = $2)) \
             AND ($3 = 0 OR a.operator_id = $4) ORDER BY a.valid_from, a.id"
        );
        let rows = sqlx::query_as::<_, DocumentRow>(sqlx::AssertSqlSafe(sql))
            .bind(i64::from(centre_id.is_some()))
            .bind(centre_id.unwrap_or(0))
            .bind(i64::from(operator_id.is_some()))
            .bind(operator_id.unwrap_or(0))
            .fetch_all(&self.pool)
            .await?;
        stored(rows)
    }

    /// Every version, oldest first.
    pub async fn agreement_versions(&self, id: i64) -> Result<Vec<AgreementVersion>, StoreError> {
        let rows = sqlx::query_as::<_, VersionRow>(
            "SELECT version, created_at, actor_name, document FROM agreement_versions \
             WHERE agreement_id = $1 ORDER BY version",
        )
        .bind(id)
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter()
            .map(|row| {
                Ok(AgreementVersion {
                    version: row.version,
                    created_at: row.created_at,
                    actor_name: row.actor_name,
                    terms: terms_of(&row.document)?,
                })
            })
            .collect()
    }
}

fn bounds(range: Option<DateRange>) -> (String, String) {
    match range {
        Some(range) => (iso(range.from()), iso(range.end())),
        None => ("0000-01-01".to_owned(), "9999-12-31".to_owned()),
    }
}

impl WriteTx {
    /// Every agreement at its current version, read under the write lock (the regulation run).
    pub async fn all_agreements(&mut self) -> Result<Vec<StoredAgreement>, StoreError> {
        let sql = format!("{CURRENT} ORDER BY a.id");
        let rows = sqlx::query_as::<_, DocumentRow>(sqlx::AssertSqlSafe(sql))
            .fetch_all(self.connection())
            .await?;
        stored(rows)
    }

    /// The agreements of the centres, read under the write lock (the snapshot of R-AGR-11's
    /// check), without `except` (the agreement being changed).
    pub async fn agreements_of_centres(
        &mut self,
        centre_ids: &[i64],
        except: Option<i64>,
    ) -> Result<Vec<AgreementTerms>, StoreError> {
        let mut found: Vec<(i64, AgreementTerms)> = Vec::new();
        for centre_id in centre_ids {
            let sql = format!(
                "{CURRENT} WHERE a.id IN \
                 (SELECT agreement_id FROM agreement_units WHERE centre_id = $1) ORDER BY a.id"
            );
            let rows = sqlx::query_as::<_, DocumentRow>(sqlx::AssertSqlSafe(sql))
                .bind(centre_id)
                .fetch_all(self.connection())
                .await?;
            for row in rows {
                if Some(row.id) != except && !found.iter().any(|(id, _)| *id == row.id) {
                    found.push((row.id, terms_of(&row.document)?));
                }
            }
        }
        Ok(found.into_iter().map(|(_, terms)| terms).collect())
    }

    /// Stores a new agreement as version 1.
    pub async fn insert_agreement(
        &mut self,
        terms: &AgreementTerms,
        actor_name: &str,
    ) -> Result<i64, StoreError> {
        // The lookup columns are written by `write_columns`, as on every later version.
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO agreements (operator_id, kind, name, valid_from, valid_to, version, \
             created_at) VALUES ($1, '', '', '', '', 1, $2) RETURNING id",
        )
        .bind(terms.operator_id)
        .bind(timestamp(chrono::Utc::now()))
        .fetch_one(self.connection())
        .await
        .map_err(StoreError::from_write)?;
        self.write_columns(id, terms).await?;
        self.insert_version(id, 1, terms, actor_name).await?;
        Ok(id)
    }

    /// Stores `terms` as the next version if `expected_version` is still the current one
    /// (otherwise `Conflict("agreements_version")`); returns the new version.
    pub async fn update_agreement(
        &mut self,
        id: i64,
        expected_version: i64,
        terms: &AgreementTerms,
        actor_name: &str,
    ) -> Result<i64, StoreError> {
        let result = sqlx::query(
            "UPDATE agreements SET version = version + 1 WHERE id = $1 AND version = $2",
        )
        .bind(id)
        .bind(expected_version)
        .execute(self.connection())
        .await?;
        StoreError::unless_stale(result, "agreements")?;
        sqlx::query("DELETE FROM agreement_units WHERE agreement_id = $1")
            .bind(id)
            .execute(self.connection())
            .await?;
        self.write_columns(id, terms).await?;
        let version = expected_version + 1;
        self.insert_version(id, version, terms, actor_name).await?;
        Ok(version)
    }

    /// The current version's lookup columns and its centres.
    async fn write_columns(&mut self, id: i64, terms: &AgreementTerms) -> Result<(), StoreError> {
        sqlx::query(
            "UPDATE agreements SET operator_id = $1, kind = $2, name = $3, valid_from = $4, \
             valid_to = $5, stop_date = $6 WHERE id = $7",
        )
        .bind(terms.operator_id)
        .bind(terms.kind.code())
        .bind(&terms.name)
        .bind(iso(terms.valid_from))
        .bind(iso(terms.valid_to))
        .bind(terms.stop_date.map(iso))
        .bind(id)
        .execute(self.connection())
        .await?;
        for unit in &terms.units {
            sqlx::query("INSERT INTO agreement_units (agreement_id, centre_id) VALUES ($1, $2)")
                .bind(id)
                .bind(unit.centre_id)
                .execute(self.connection())
                .await
                .map_err(StoreError::from_write)?;
        }
        Ok(())
    }

    async fn insert_version(
        &mut self,
        id: i64,
        version: i64,
        terms: &AgreementTerms,
        actor_name: &str,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO agreement_versions (agreement_id, version, document, created_at, \
             actor_name) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(id)
        .bind(version)
        .bind(document_of(terms))
        .bind(timestamp(chrono::Utc::now()))
        .bind(actor_name)
        .execute(self.connection())
        .await
        .map_err(StoreError::from_write)?;
        Ok(())
    }
}
