//! Staff accounts of operators (R-AUTH-6): orders, their approval, and the link from a user to
//! the centre whose windows govern its logins.

use sqlx::FromRow;

use crate::{Store, StoreError, WriteTx, timestamp};

#[derive(Clone, Debug, FromRow)]
pub struct StaffRecord {
    pub id: i64,
    #[sqlx(flatten)]
    pub fields: NewStaffOrder,
    pub status: String,
    pub reason: Option<String>,
    pub user_id: Option<i64>,
    pub ordered_at: String,
    pub decided_by: Option<String>,
    pub decided_at: Option<String>,
    pub version: i64,
}

/// An order as the operator gives it, validated; [`StaffRecord`] reads it back with its state.
#[derive(Clone, Debug, FromRow)]
pub struct NewStaffOrder {
    pub centre_id: i64,
    pub operator_dro: String,
    pub region: String,
    pub display_name: String,
    pub email: Option<String>,
    pub username: String,
    pub ordered_by: String,
}

const COLUMNS: &str = "id, centre_id, operator_dro, region, display_name, email, username, \
    status, reason, user_id, ordered_by, ordered_at, decided_by, decided_at, version";

/// Which orders to list: one centre's, or a region's (every region for `None`).
#[derive(Clone, Debug)]
pub enum StaffFilter {
    Centre(i64),
    Region(Option<String>),
}

impl Store {
    pub async fn staff_accounts(
        &self,
        filter: &StaffFilter,
    ) -> Result<Vec<StaffRecord>, StoreError> {
        let sql = match filter {
            StaffFilter::Centre(_) => {
                format!("SELECT {COLUMNS} FROM staff_accounts WHERE centre_id = $1 ORDER BY id")
            }
            StaffFilter::Region(Some(_)) => {
                format!("SELECT {COLUMNS} FROM staff_accounts WHERE region = $1 ORDER BY id")
            }
            StaffFilter::Region(None) => {
                format!("SELECT {COLUMNS} FROM staff_accounts ORDER BY id")
            }
        };
        let query = sqlx::query_as::<_, StaffRecord>(sqlx::AssertSqlSafe(sql));
        let query = match filter {
            StaffFilter::Centre(id) => query.bind(*id),
            StaffFilter::Region(Some(region)) => query.bind(region.clone()),
            StaffFilter::Region(None) => query,
        };
        Ok(query.fetch_all(&self.pool).await?)
    }

    pub async fn staff_account(&self, id: i64) -> Result<StaffRecord, StoreError> {
        self.record_by(
            format!("SELECT {COLUMNS} FROM staff_accounts WHERE id = $1"),
            id,
        )
        .await
    }

    /// The centre a user's staff account is linked to, if it is one (R-AUTH-6).
    pub async fn staff_centre_of_user(&self, user_id: i64) -> Result<Option<i64>, StoreError> {
        let row: Option<(i64,)> =
            sqlx::query_as("SELECT centre_id FROM staff_accounts WHERE user_id = $1")
                .bind(user_id)
                .fetch_optional(&self.pool)
                .await?;
        Ok(row.map(|(centre,)| centre))
    }
}

impl WriteTx {
    pub async fn insert_staff_order(&mut self, order: &NewStaffOrder) -> Result<i64, StoreError> {
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO staff_accounts (centre_id, operator_dro, region, display_name, email, \
             username, status, ordered_by, ordered_at) \
             VALUES ($1, $2, $3, $4, $5, $6, 'ordered', $7, $8) RETURNING id",
        )
        .bind(order.centre_id)
        .bind(&order.operator_dro)
        .bind(&order.region)
        .bind(&order.display_name)
        .bind(&order.email)
        .bind(&order.username)
        .bind(&order.ordered_by)
        .bind(timestamp(chrono::Utc::now()))
        .fetch_one(self.connection())
        .await
        .map_err(StoreError::from_write)?;
        Ok(id)
    }

    pub async fn staff_account(&mut self, id: i64) -> Result<StaffRecord, StoreError> {
        let sql = format!("SELECT {COLUMNS} FROM staff_accounts WHERE id = $1");
        sqlx::query_as::<_, StaffRecord>(sqlx::AssertSqlSafe(sql))
            .bind(id)
            .fetch_optional(self.connection())
            .await?
            .ok_or(StoreError::NotFound)
    }

    /// Moves the order to `status` if it is still at `version`; a stale version is a conflict.
    pub async fn set_staff_status(
        &mut self,
        id: i64,
        version: i64,
        status: &str,
        reason: Option<&str>,
        user_id: Option<i64>,
        decided_by: &str,
    ) -> Result<(), StoreError> {
        let result = sqlx::query(
            "UPDATE staff_accounts SET status = $1, reason = $2, \
             user_id = COALESCE($3, user_id), decided_by = $4, decided_at = $5, \
             version = version + 1 WHERE id = $6 AND version = $7",
        )
        .bind(status)
        .bind(reason)
        .bind(user_id)
        .bind(decided_by)
        .bind(timestamp(chrono::Utc::now()))
        .bind(id)
        .bind(version)
        .execute(self.connection())
        .await?;
        StoreError::unless_stale(result, "staff_accounts")
    }
}
