//! The calendar feed (SPEC §6 work views): a user's open tasks with a due date as an iCalendar
//! file that Outlook subscribes to. A calendar client cannot log in, so the link carries a
//! random token (`mcf_…`, only its SHA-256 stored, like the API tokens of R-AUTH-2); making a
//! new link revokes the old one, and a disabled user's or a revoked link answers 404.

use chrono::{DateTime, NaiveDate, Utc};
use icalendar::{Calendar, Component, Event, EventLike};
use mottak_domain::access::Capability;
use mottak_store::events::{EventDomain, NewEvent};
use mottak_store::{Store, StoreError};

use super::work::WorkTask;
use crate::auth::Caller;
use crate::auth::tokens::{hash_token, random_token};
use crate::error::{ApiError, ApiResult};
use crate::i18n::Lang;
use crate::pages::display_date;
use crate::routes::plans::item_title;

const PREFIX: &str = "mcf_";

/// Makes the caller a new feed link, revoking the one they had; returns the token, which is
/// never stored or shown again.
pub async fn replace(store: &Store, caller: &Caller) -> ApiResult<String> {
    let token = random_token(PREFIX);
    let mut tx = store.begin_write().await?;
    let id = tx
        .replace_calendar_feed(caller.user_id, &hash_token(&token))
        .await?;
    tx.record(
        NewEvent::new(
            &caller.actor(),
            EventDomain::Accounts,
            "calendar_feed.created",
            "calendar_feed",
            id,
        )
        .summary(serde_json::json!({ "user": caller.username }))
        .security(),
    )
    .await?;
    tx.commit().await?;
    Ok(token)
}

/// Turns the caller's feed link off; 404 when they have none.
pub async fn revoke(store: &Store, caller: &Caller) -> ApiResult<()> {
    let mut tx = store.begin_write().await?;
    if !tx.revoke_calendar_feed(caller.user_id).await? {
        return Err(ApiError::NotFound);
    }
    tx.record(
        NewEvent::new(
            &caller.actor(),
            EventDomain::Accounts,
            "calendar_feed.revoked",
            "calendar_feed",
            caller.user_id,
        )
        .summary(serde_json::json!({ "user": caller.username }))
        .security(),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// The user a feed token belongs to, as a caller: `None` for an unknown or revoked link, a
/// disabled user, or a role that no longer follows plans.
pub async fn caller_for_token(
    store: &Store,
    token: &str,
    origin: String,
) -> ApiResult<Option<Caller>> {
    if !token.starts_with(PREFIX) {
        return Ok(None);
    }
    let user_id = match store.calendar_feed_user(&hash_token(token)).await {
        Ok(id) => id,
        Err(StoreError::NotFound) => return Ok(None),
        Err(error) => return Err(error.into()),
    };
    let user = store.user_by_id(user_id).await?;
    if user.disabled != 0 {
        return Ok(None);
    }
    Ok(Caller::from_user(&user, origin, true)
        .filter(|caller| caller.role.may(Capability::FollowPlans)))
}

/// The iCalendar text of `tasks`: each task with a due date an all-day event on that day (a
/// "not before" task on its first allowed day), titled with the task and the centre, linking to
/// its plan under `base` (`https://mottak.example`).
pub fn ics(tasks: &[WorkTask], lang: Lang, base: &str, stamp: DateTime<Utc>) -> String {
    let mut calendar = Calendar::new();
    calendar.name(lang.text("feed.name"));
    for task in tasks {
        let Some(due) = task.due else { continue };
        calendar.push(event(task, due, lang, base, stamp));
    }
    calendar.done().to_string()
}

fn event(task: &WorkTask, due: NaiveDate, lang: Lang, base: &str, stamp: DateTime<Utc>) -> Event {
    let title = item_title(&task.template, task.item, lang);
    let timing = match task.timing {
        mottak_domain::plans::Timing::NotBefore => lang.text("plans.not_before"),
        mottak_domain::plans::Timing::By => lang.text("feed.by"),
    };
    let href = format!(
        "{base}/plans/{}#task-{}",
        task.task.plan_id, task.task.position
    );
    let description = format!(
        "{timing} {}\n{}: {} {}\n{}: {}\n{href}",
        display_date(due),
        lang.text("tasks.centre"),
        task.task.centre_number,
        task.task.centre_name,
        lang.text("plans.template"),
        lang.text(&format!("plans.template.{}", task.task.template_key)),
    );
    Event::new()
        .uid(&format!(
            "task-{}-{}@mottak",
            task.task.plan_id, task.task.position
        ))
        .timestamp(stamp)
        .summary(&format!(
            "{title} – {} {}",
            task.task.centre_number, task.task.centre_name
        ))
        .description(&description)
        .url(&href)
        // An all-day event ends, exclusively, on the next day (RFC 5545 §3.6.1).
        .starts(due)
        .ends(due.succ_opt().unwrap_or(due))
        .done()
}
