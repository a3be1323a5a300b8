//! The mail outbox (`mail_outbox`): a mail is queued inside the write that decides to send it,
//! at most once per `dedup_key`, and a sender task sends it later. A sender claims a batch by
//! setting `claimed_until` on unsent rows whose claim has expired, in one UPDATE, so that two
//! instances sharing a database never hold the same mail; a sent mail keeps its row with
//! `sent_at`, a failed one waits until `next_attempt_at`.

use sqlx::FromRow;

use crate::{Store, StoreError, WriteTx};

/// A mail to queue.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewMail<'a> {
    /// Queueing the same key twice queues one mail: `reminder:{user_id}:{day}`.
    pub dedup_key: &'a str,
    pub recipient: &'a str,
    pub subject: &'a str,
    pub body: &'a str,
}

/// A queued mail as stored.
#[derive(Clone, Debug, PartialEq, Eq, FromRow)]
pub struct OutboxMail {
    pub id: i64,
    pub dedup_key: String,
    pub recipient: String,
    pub subject: String,
    pub body: String,
    pub created_at: String,
    pub claimed_until: Option<String>,
    pub next_attempt_at: String,
    pub attempts: i64,
    pub last_error: Option<String>,
    pub sent_at: Option<String>,
}

const MAIL_COLUMNS: &str = "id, dedup_key, recipient, subject, body, created_at, claimed_until, \
    next_attempt_at, attempts, last_error, sent_at";

impl WriteTx {
    /// Queues `mail` as of the timestamp `now`; `false` when a mail with its key was queued
    /// before (sent or not), and nothing changes.
    pub async fn enqueue_mail(
        &mut self,
        mail: &NewMail<'_>,
        now: &str,
    ) -> Result<bool, StoreError> {
        let inserted = sqlx::query(
            "INSERT INTO mail_outbox (dedup_key, recipient, subject, body, created_at, \
             next_attempt_at) VALUES ($1, $2, $3, $4, $5, $6) \
             ON CONFLICT (dedup_key) DO NOTHING",
        )
        .bind(mail.dedup_key)
        .bind(mail.recipient)
        .bind(mail.subject)
        .bind(mail.body)
        .bind(now)
        .bind(now)
        .execute(self.connection())
        .await?
        .rows_affected();
        Ok(inserted == 1)
    }
}

impl Store {
    /// Claims up to `limit` unsent mails that are due (`next_attempt_at <= now`) and not claimed
    /// by a live sender, until `claimed_until`. The conditions are checked again on each row as
    /// the UPDATE takes it, so of two concurrent senders only one gets a row.
    pub async fn claim_mail_batch(
        &self,
        now: &str,
        claimed_until: &str,
        limit: i64,
    ) -> Result<Vec<OutboxMail>, StoreError> {
        let free = "sent_at IS NULL AND next_attempt_at <= $2 \
                    AND (claimed_until IS NULL OR claimed_until <= $2)";
        let sql = format!(
            "UPDATE mail_outbox SET claimed_until = $1 WHERE {free} AND id IN \
             (SELECT id FROM mail_outbox WHERE {free} ORDER BY id LIMIT $3) \
             RETURNING {MAIL_COLUMNS}"
        );
        let mut transaction = self.pool.begin().await?;
        let mut claimed = sqlx::query_as::<_, OutboxMail>(sqlx::AssertSqlSafe(sql))
            .bind(claimed_until)
            .bind(now)
            .bind(limit)
            .fetch_all(&mut *transaction)
            .await?;
        transaction.commit().await?;
        claimed.sort_by_key(|mail| mail.id);
        Ok(claimed)
    }

    /// Marks a claimed mail sent at `sent_at`.
    pub async fn mark_mail_sent(&self, id: i64, sent_at: &str) -> Result<(), StoreError> {
        sqlx::query(
            "UPDATE mail_outbox SET sent_at = $1, claimed_until = NULL, \
             attempts = attempts + 1, last_error = NULL WHERE id = $2",
        )
        .bind(sent_at)
        .bind(id)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Records a failed attempt: the claim ends and the mail waits until `next_attempt_at`.
    pub async fn mark_mail_failed(
        &self,
        id: i64,
        error: &str,
        next_attempt_at: &str,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "UPDATE mail_outbox SET claimed_until = NULL, attempts = attempts + 1, \
             last_error = $1, next_attempt_at = $2 WHERE id = $3 AND sent_at IS NULL",
        )
        .bind(error)
        .bind(next_attempt_at)
        .bind(id)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Every queued mail, oldest first (for tests and operators' checks).
    pub async fn outbox(&self) -> Result<Vec<OutboxMail>, StoreError> {
        let sql = format!("SELECT {MAIL_COLUMNS} FROM mail_outbox ORDER BY id");
        Ok(sqlx::query_as::<_, OutboxMail>(sqlx::AssertSqlSafe(sql))
            .fetch_all(&self.pool)
            .await?)
    }

    /// How many mails wait to be sent.
    pub async fn unsent_mail_count(&self) -> Result<i64, StoreError> {
        let (count,): (i64,) =
            sqlx::query_as("SELECT COUNT(*) FROM mail_outbox WHERE sent_at IS NULL")
                .fetch_one(&self.pool)
                .await?;
        Ok(count)
    }
}
