//! Accounts (SPEC §1, R-AUTH-1, R-AUTH-4).

use sqlx::any::AnyArguments;
use sqlx::query::Query;
use sqlx::{Any, FromRow, Row};

use crate::{Store, StoreError, WriteTx, flag, placeholders, timestamp};

/// A user as stored. Secrets stay in this crate's callers' hands: never log this struct.
#[derive(Clone, FromRow)]
pub struct UserRecord {
    pub id: i64,
    pub username: String,
    pub display_name: String,
    pub role: String,
    pub region: Option<String>,
    pub operator_dro: Option<String>,
    pub municipality_number: Option<String>,
    pub permissions: String,
    pub password_hash: String,
    pub totp_secret: Option<String>,
    pub totp_enabled: i64,
    pub totp_last_step: i64,
    pub disabled: i64,
    pub created_at: String,
    pub version: i64,
    /// The address for reminders (issue 15); `None` sends none.
    pub email: Option<String>,
}

impl std::fmt::Debug for UserRecord {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("UserRecord")
            .field("id", &self.id)
            .field("username", &self.username)
            .field("role", &self.role)
            .finish_non_exhaustive()
    }
}

/// A new role and scope for an account.
#[derive(Clone, Debug)]
pub struct RoleChange {
    pub role: String,
    pub region: Option<String>,
    pub operator_dro: Option<String>,
    pub municipality_number: Option<String>,
    pub permissions: String,
}

/// The columns of a [`RoleChange`], in the order [`RoleChange::bind`] binds them.
const SCOPE_COLUMNS: [&str; 5] = [
    "role",
    "region",
    "operator_dro",
    "municipality_number",
    "permissions",
];

impl RoleChange {
    fn bind<'q>(&self, query: Query<'q, Any, AnyArguments>) -> Query<'q, Any, AnyArguments> {
        query
            .bind(&self.role)
            .bind(&self.region)
            .bind(&self.operator_dro)
            .bind(&self.municipality_number)
            .bind(&self.permissions)
    }
}

/// A new account; the password is already hashed.
#[derive(Clone, Debug)]
pub struct NewUser {
    pub username: String,
    pub display_name: String,
    pub scope: RoleChange,
    pub password_hash: String,
    /// Set for demo users, whose secret is printed at start.
    pub totp_secret: Option<String>,
}

const USER_COLUMNS: &str = "id, username, display_name, role, region, operator_dro, \
    municipality_number, permissions, password_hash, totp_secret, totp_enabled, totp_last_step, \
    disabled, created_at, version, email";

impl Store {
    pub async fn user_by_username(&self, username: &str) -> Result<UserRecord, StoreError> {
        self.record_by(
            format!("SELECT {USER_COLUMNS} FROM users WHERE username = $1"),
            username,
        )
        .await
    }

    pub async fn user_by_id(&self, id: i64) -> Result<UserRecord, StoreError> {
        self.record_by(
            format!("SELECT {USER_COLUMNS} FROM users WHERE id = $1"),
            id,
        )
        .await
    }

    pub async fn list_users(&self) -> Result<Vec<UserRecord>, StoreError> {
        let sql = format!("SELECT {USER_COLUMNS} FROM users ORDER BY username");
        Ok(sqlx::query_as::<_, UserRecord>(sqlx::AssertSqlSafe(sql))
            .fetch_all(&self.pool)
            .await?)
    }

    pub async fn count_users_by_role(&self) -> Result<Vec<(String, i64)>, StoreError> {
        Ok(sqlx::query_as(
            "SELECT role, CAST(COUNT(*) AS BIGINT) FROM users WHERE disabled = 0 \
             GROUP BY role ORDER BY role",
        )
        .fetch_all(&self.pool)
        .await?)
    }
}

impl Store {
    /// The enabled users who have an e-mail address, by id (the reminders' recipients).
    pub async fn users_with_email(&self) -> Result<Vec<UserRecord>, StoreError> {
        let sql = format!(
            "SELECT {USER_COLUMNS} FROM users WHERE email IS NOT NULL AND disabled = 0 ORDER BY id"
        );
        Ok(sqlx::query_as::<_, UserRecord>(sqlx::AssertSqlSafe(sql))
            .fetch_all(&self.pool)
            .await?)
    }
}

impl WriteTx {
    /// The enabled users who have an e-mail address, by id, read inside the write that queues
    /// mail to some of them (the settlement notifications, R-SET-3, R-SET-8).
    pub async fn users_with_email(&mut self) -> Result<Vec<UserRecord>, StoreError> {
        let sql = format!(
            "SELECT {USER_COLUMNS} FROM users WHERE email IS NOT NULL AND disabled = 0 ORDER BY id"
        );
        Ok(sqlx::query_as::<_, UserRecord>(sqlx::AssertSqlSafe(sql))
            .fetch_all(self.connection())
            .await?)
    }

    /// The account as it is now, read under the write lock, for checks that must see every
    /// change committed before this one.
    pub async fn user_by_id(&mut self, id: i64) -> Result<UserRecord, StoreError> {
        let sql = format!("SELECT {USER_COLUMNS} FROM users WHERE id = $1");
        sqlx::query_as::<_, UserRecord>(sqlx::AssertSqlSafe(sql))
            .bind(id)
            .fetch_optional(self.connection())
            .await?
            .ok_or(StoreError::NotFound)
    }

    /// The enabled municipality_admins of `municipality` other than account `except` (R-AUTH-4).
    pub async fn count_other_municipality_admins(
        &mut self,
        municipality: &str,
        except: i64,
    ) -> Result<u64, StoreError> {
        let (count,): (i64,) = sqlx::query_as(
            "SELECT CAST(COUNT(*) AS BIGINT) FROM users WHERE role = 'municipality_admin' \
             AND municipality_number = $1 AND disabled = 0 AND id <> $2",
        )
        .bind(municipality)
        .bind(except)
        .fetch_one(self.connection())
        .await?;
        Ok(count.unsigned_abs())
    }

    pub async fn insert_user(&mut self, user: &NewUser) -> Result<i64, StoreError> {
        let sql = format!(
            "INSERT INTO users (username, display_name, {}, password_hash, totp_secret, \
             totp_enabled, created_at) VALUES {} RETURNING id",
            SCOPE_COLUMNS.join(", "),
            placeholders(1, SCOPE_COLUMNS.len() + 6)
        );
        let query = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(&user.username)
            .bind(&user.display_name);
        let row = user
            .scope
            .bind(query)
            .bind(&user.password_hash)
            .bind(&user.totp_secret)
            .bind(flag(user.totp_secret.is_some()))
            .bind(timestamp(chrono::Utc::now()))
            .fetch_one(self.connection())
            .await
            .map_err(StoreError::from_write)?;
        Ok(row.try_get("id")?)
    }

    /// Changes role and scope, checking the version the editor saw (optimistic concurrency).
    pub async fn update_user_role(
        &mut self,
        id: i64,
        expected_version: i64,
        change: &RoleChange,
    ) -> Result<(), StoreError> {
        self.update_versioned(
            "users",
            &SCOPE_COLUMNS,
            |query| change.bind(query),
            id,
            expected_version,
        )
        .await
    }

    /// Sets (or with `None` removes) the user's e-mail address.
    pub async fn set_user_email(&mut self, id: i64, email: Option<&str>) -> Result<(), StoreError> {
        sqlx::query("UPDATE users SET email = $1, version = version + 1 WHERE id = $2")
            .bind(email)
            .bind(id)
            .execute(self.connection())
            .await?;
        Ok(())
    }

    pub async fn set_user_disabled(&mut self, id: i64, disabled: bool) -> Result<(), StoreError> {
        sqlx::query("UPDATE users SET disabled = $1, version = version + 1 WHERE id = $2")
            .bind(flag(disabled))
            .bind(id)
            .execute(self.connection())
            .await?;
        if disabled {
            self.delete_sessions_of(id).await?;
        }
        Ok(())
    }

    pub async fn set_password_hash(&mut self, id: i64, hash: &str) -> Result<(), StoreError> {
        sqlx::query("UPDATE users SET password_hash = $1, version = version + 1 WHERE id = $2")
            .bind(hash)
            .bind(id)
            .execute(self.connection())
            .await?;
        Ok(())
    }

    /// Enables TOTP with a confirmed secret and replaces the recovery codes (hashes only).
    pub async fn enable_totp(
        &mut self,
        id: i64,
        secret: &str,
        step: i64,
        recovery_code_hashes: &[String],
    ) -> Result<(), StoreError> {
        sqlx::query(
            "UPDATE users SET totp_secret = $1, totp_enabled = 1, totp_last_step = $2, \
             version = version + 1 WHERE id = $3",
        )
        .bind(secret)
        .bind(step)
        .bind(id)
        .execute(self.connection())
        .await?;
        self.replace_recovery_codes(id, recovery_code_hashes).await
    }

    pub async fn replace_recovery_codes(
        &mut self,
        id: i64,
        hashes: &[String],
    ) -> Result<(), StoreError> {
        sqlx::query("DELETE FROM recovery_codes WHERE user_id = $1")
            .bind(id)
            .execute(self.connection())
            .await?;
        for hash in hashes {
            sqlx::query("INSERT INTO recovery_codes (user_id, code_hash) VALUES ($1, $2)")
                .bind(id)
                .bind(hash)
                .execute(self.connection())
                .await?;
        }
        Ok(())
    }

    /// Admin reset of the second factor: the user enrols again at the next login.
    pub async fn reset_totp(&mut self, id: i64) -> Result<(), StoreError> {
        sqlx::query(
            "UPDATE users SET totp_secret = NULL, totp_enabled = 0, totp_last_step = 0, \
             version = version + 1 WHERE id = $1",
        )
        .bind(id)
        .execute(self.connection())
        .await?;
        self.replace_recovery_codes(id, &[]).await?;
        self.delete_sessions_of(id).await
    }

    /// Accepts a TOTP step only if it is newer than the last one used, so codes are single-use.
    pub async fn accept_totp_step(&mut self, id: i64, step: i64) -> Result<bool, StoreError> {
        let result = sqlx::query(
            "UPDATE users SET totp_last_step = $1 WHERE id = $2 AND totp_last_step < $1",
        )
        .bind(step)
        .bind(id)
        .execute(self.connection())
        .await?;
        Ok(result.rows_affected() == 1)
    }

    /// Marks an unused recovery code with this hash as used; false when there is none.
    pub async fn use_recovery_code(&mut self, id: i64, hash: &str) -> Result<bool, StoreError> {
        let result = sqlx::query(
            "UPDATE recovery_codes SET used_at = $1 \
             WHERE user_id = $2 AND code_hash = $3 AND used_at IS NULL",
        )
        .bind(timestamp(chrono::Utc::now()))
        .bind(id)
        .bind(hash)
        .execute(self.connection())
        .await?;
        Ok(result.rows_affected() == 1)
    }
}
