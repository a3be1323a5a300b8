//! The activity log of a centre (R-PLN-3), shared by the API and the pages: the timeline, new
//! entries, edits with their version (a stale one is 409) and follow-ups marked done; each
//! write is one `WriteTx` with its event in the plans domain. Who: a regional unit its own
//! region's centres (another region's is 403), UDI's administrative staff and admins every
//! centre; only a regional unit and admins write (`Capability::KeepLog`).

use mottak_domain::access::Role;
use mottak_domain::error::{FieldError, Problem};
use mottak_domain::worklog::{EntryInput, NewEntry, parse_entry, sort_timeline};
use mottak_store::Store;
use mottak_store::events::{EventDomain, NewEvent};
use mottak_store::registry::CentreRecord;
use mottak_store::worklog::{FollowUpRecord, LogEntryData, LogEntryRecord};
use serde_json::json;

use crate::auth::Caller;
use crate::error::{ApiError, ApiResult};
use crate::occupancy::today;

/// The centre if the caller's scope covers it: 404 when there is none, 403 when it is another
/// region's (the centres and their regions are public, the address list says as much).
pub async fn log_centre(store: &Store, caller: &Caller, centre_id: i64) -> ApiResult<CentreRecord> {
    let centre = store.centre(centre_id).await?;
    let in_scope = match caller.role {
        Role::Admin | Role::UdiAdm => true,
        Role::UdiRegion => caller.region.as_deref() == Some(centre.fields.region.as_str()),
        _ => false,
    };
    if in_scope {
        Ok(centre)
    } else {
        Err(ApiError::forbidden())
    }
}

/// The centre's log in the timeline's order (newest first, then by id).
pub async fn timeline(
    store: &Store,
    caller: &Caller,
    centre_id: i64,
) -> ApiResult<(CentreRecord, Vec<LogEntryRecord>)> {
    let centre = log_centre(store, caller, centre_id).await?;
    let mut entries = store.log_entries(centre_id).await?;
    sort_timeline(&mut entries, |entry| {
        (
            mottak_domain::dates::parse_date(&entry.date).unwrap_or_default(),
            entry.id,
        )
    });
    Ok((centre, entries))
}

/// The validated entry, with its plan task checked against the centre's plans.
async fn checked(store: &Store, centre: &CentreRecord, input: &EntryInput) -> ApiResult<NewEntry> {
    let entry = parse_entry(input, today()).map_err(ApiError::invalid_fields)?;
    if let Some(task) = entry.task {
        let of_centre = match store.plan(task.plan_id).await {
            Ok(plan) => plan.centre_id == centre.id,
            Err(mottak_store::StoreError::NotFound) => false,
            Err(other) => return Err(other.into()),
        };
        if !of_centre {
            return Err(ApiError::invalid_fields(vec![FieldError::coded(
                "plan_id",
                Problem::NoSuchTask,
            )]));
        }
        let tasks = store.plan_tasks(task.plan_id).await?;
        if !tasks.iter().any(|stored| stored.position == task.position) {
            return Err(ApiError::invalid_fields(vec![FieldError::coded(
                "task_position",
                Problem::NoSuchTask,
            )]));
        }
    }
    Ok(entry)
}

/// The stored shape of a validated entry.
struct Stored {
    date: String,
    follow_ups: Vec<FollowUpRecord>,
}

fn stored(entry: &NewEntry) -> Stored {
    Stored {
        date: entry.date.to_string(),
        follow_ups: entry
            .follow_ups
            .iter()
            .enumerate()
            .map(|(index, follow_up)| FollowUpRecord {
                position: index as i64 + 1,
                text: follow_up.text.clone(),
                due: follow_up.due.map(|due| due.to_string()),
                done: follow_up.done,
            })
            .collect(),
    }
}

fn data<'a>(entry: &'a NewEntry, stored: &'a Stored) -> LogEntryData<'a> {
    LogEntryData {
        date: &stored.date,
        kind: entry.kind.code(),
        participants: &entry.participants,
        summary: &entry.summary,
        plan_id: entry.task.map(|task| task.plan_id),
        task_position: entry.task.map(|task| task.position),
        follow_ups: &stored.follow_ups,
    }
}

/// Logs an activity; returns the stored entry.
pub async fn create_entry(
    store: &Store,
    caller: &Caller,
    centre_id: i64,
    input: &EntryInput,
) -> ApiResult<LogEntryRecord> {
    let centre = log_centre(store, caller, centre_id).await?;
    let entry = checked(store, &centre, input).await?;
    if let (Some(task), true) = (entry.task, entry.complete_task) {
        complete_task(store, caller, task).await?;
    }
    let shape = stored(&entry);
    let mut tx = store.begin_write().await?;
    let id = tx
        .insert_log_entry(centre.id, &data(&entry, &shape), &caller.username)
        .await?;
    tx.record(
        NewEvent::new(
            &caller.actor(),
            EventDomain::Plans,
            "log_entry.created",
            "log_entry",
            id,
        )
        .summary(
            json!({"centre_id": centre.id, "date": shape.date, "kind": entry.kind.code(),
            "participants": entry.participants.len(), "follow_ups": shape.follow_ups.len(),
            "plan_id": entry.task.map(|task| task.plan_id),
            "task_position": entry.task.map(|task| task.position)}),
        )
        .in_region(Some(centre.fields.region.clone())),
    )
    .await?;
    let created = tx.log_entry(id).await?;
    tx.commit().await?;
    Ok(created)
}

/// Marks the documented task done (its own write and event, `plan.task_updated`, which dates
/// the tasks that waited for it) when it is open; a task already done or not needed stays.
async fn complete_task(
    store: &Store,
    caller: &Caller,
    task: mottak_domain::worklog::TaskRef,
) -> ApiResult<()> {
    let tasks = store.plan_tasks(task.plan_id).await?;
    let Some(stored) = tasks.iter().find(|stored| stored.position == task.position) else {
        return Ok(());
    };
    if stored.status != "open" {
        return Ok(());
    }
    let day = |text: &Option<String>| text.as_deref().and_then(mottak_domain::dates::parse_date);
    crate::plans::update_task(
        store,
        caller,
        task.plan_id,
        task.position,
        &crate::plans::TaskUpdate {
            status: "done".to_owned(),
            reason: None,
            ordered_on: day(&stored.ordered_on),
            feedback_on: day(&stored.feedback_on),
            followed_up_on: day(&stored.followed_up_on),
        },
    )
    .await
}

/// The entry, which must be of the centre (another centre's is 404).
async fn entry_of(
    tx: &mut mottak_store::WriteTx,
    centre: &CentreRecord,
    entry_id: i64,
) -> ApiResult<LogEntryRecord> {
    let entry = tx.log_entry(entry_id).await?;
    if entry.centre_id != centre.id {
        return Err(ApiError::NotFound);
    }
    Ok(entry)
}

/// Replaces an entry if `version` is the stored one (409 otherwise); the event names the
/// fields that changed.
pub async fn update_entry(
    store: &Store,
    caller: &Caller,
    centre_id: i64,
    entry_id: i64,
    version: i64,
    input: &EntryInput,
) -> ApiResult<LogEntryRecord> {
    let centre = log_centre(store, caller, centre_id).await?;
    let entry = checked(store, &centre, input).await?;
    let shape = stored(&entry);
    let mut tx = store.begin_write().await?;
    let before = entry_of(&mut tx, &centre, entry_id).await?;
    if before.version != version {
        return Err(stale());
    }
    tx.update_log_entry(entry_id, version, &data(&entry, &shape))
        .await?;
    let after = tx.log_entry(entry_id).await?;
    tx.record(
        NewEvent::new(
            &caller.actor(),
            EventDomain::Plans,
            "log_entry.updated",
            "log_entry",
            entry_id,
        )
        .summary(
            json!({"centre_id": centre.id, "changed": changed_fields(&before, &after),
            "version": after.version}),
        )
        .in_region(Some(centre.fields.region.clone())),
    )
    .await?;
    tx.commit().await?;
    Ok(after)
}

/// Marks follow-up `position` (1-based) of an entry done, or open again.
pub async fn set_follow_up_done(
    store: &Store,
    caller: &Caller,
    centre_id: i64,
    entry_id: i64,
    version: i64,
    position: i64,
    done: bool,
) -> ApiResult<LogEntryRecord> {
    let centre = log_centre(store, caller, centre_id).await?;
    let mut tx = store.begin_write().await?;
    let before = entry_of(&mut tx, &centre, entry_id).await?;
    if before.version != version {
        return Err(stale());
    }
    if !before.follow_ups.iter().any(|f| f.position == position) {
        return Err(ApiError::NotFound);
    }
    tx.set_follow_up_done(entry_id, version, position, done)
        .await?;
    tx.record(
        NewEvent::new(
            &caller.actor(),
            EventDomain::Plans,
            "log_entry.follow_up_done",
            "log_entry",
            entry_id,
        )
        .summary(json!({"centre_id": centre.id, "follow_up": position, "done": done}))
        .in_region(Some(centre.fields.region.clone())),
    )
    .await?;
    let after = tx.log_entry(entry_id).await?;
    tx.commit().await?;
    Ok(after)
}

fn stale() -> ApiError {
    ApiError::conflict_at("version", Problem::Stale)
}

/// The names of the fields an edit changed (R-LOG-3: names, not contents).
fn changed_fields(before: &LogEntryRecord, after: &LogEntryRecord) -> Vec<&'static str> {
    let mut changed = Vec::new();
    let pairs: [(&'static str, bool); 6] = [
        ("date", before.date != after.date),
        ("kind", before.kind != after.kind),
        ("participants", before.participants != after.participants),
        ("summary", before.summary != after.summary),
        ("follow_ups", before.follow_ups != after.follow_ups),
        (
            "task",
            (before.plan_id, before.task_position) != (after.plan_id, after.task_position),
        ),
    ];
    for (field, differs) in pairs {
        if differs {
            changed.push(field);
        }
    }
    changed
}
