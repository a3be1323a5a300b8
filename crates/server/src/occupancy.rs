//! A centre's monthly occupancy (R-OCC-2) and its approval (R-OCC-3), shared by the API, the
//! pages and the demo.

use chrono::NaiveDate;
use mottak_domain::access::Role;
use mottak_domain::dates::Month;
use mottak_domain::error::Problem;
use mottak_domain::occupancy::{ApprovalRefusal, may_approve, may_change};
use mottak_domain::place_types::PlaceType;
use mottak_store::events::{EventDomain, NewEvent};
use mottak_store::occupancy::CentreMonth;
use mottak_store::registry::{CentreRecord, OperatorRecord};
use mottak_store::{Store, StoreError, WriteTx};

use crate::auth::Caller;
use crate::error::{ApiError, ApiResult};
use crate::registry::scope;

/// Today in Norway (SPEC §9).
pub fn today() -> NaiveDate {
    mottak_domain::calendar::norwegian_date(chrono::Utc::now())
}

/// UDI's administrative staff and admins, who may change an approved month (R-OCC-3).
pub fn by_udi(caller: &Caller) -> bool {
    matches!(caller.role, Role::Admin | Role::UdiAdm)
}

/// R-CLM-6: the day the centre's claim window closes, three months after the latest end of its
/// agreements (`domain::occupancy::claim_window_closes`): the latest `valid_to`, or `stop_date`
/// where set, of its H, T and A agreements. Every approval, every change of occupancy and every
/// claim asks this one function, under the write lock.
pub async fn claim_window_closes(
    tx: &mut WriteTx,
    centre_id: i64,
) -> Result<Option<NaiveDate>, StoreError> {
    let latest = tx.latest_agreement_end(centre_id).await?;
    Ok(mottak_domain::occupancy::claim_window_closes(latest))
}

/// A centre with its operator if the caller's scope covers it; otherwise 404, never data.
pub async fn load_centre(
    store: &Store,
    caller: &Caller,
    id: i64,
) -> ApiResult<(CentreRecord, OperatorRecord)> {
    let centre = store.centre(id).await?;
    let operator = store.operator(centre.operator_id).await?;
    if !scope::may_see_centre(caller, &centre, operator.fields.dro_number) {
        return Err(ApiError::NotFound);
    }
    Ok((centre, operator))
}

pub fn place_type(centre: &CentreRecord) -> PlaceType {
    PlaceType::from_code(&centre.place_type).unwrap_or(PlaceType::Ordinary)
}

pub async fn month(store: &Store, centre: &CentreRecord, month: Month) -> ApiResult<CentreMonth> {
    Ok(store
        .centre_month(centre.id, place_type(centre), month)
        .await?)
}

fn refused(refusal: ApprovalRefusal) -> ApiError {
    match refusal {
        ApprovalRefusal::WindowClosed { closed } => ApiError::conflict_at(
            "month",
            Problem::ClaimWindowClosed {
                closed: closed.to_string(),
            },
        ),
        ApprovalRefusal::Approved => ApiError::conflict_at("month", Problem::MonthApproved),
    }
}

fn event(
    caller: &Caller,
    action: &str,
    centre: &CentreRecord,
    operator: &OperatorRecord,
    month: Month,
) -> NewEvent {
    NewEvent::new(
        &caller.actor(),
        EventDomain::Registry,
        action,
        "centre",
        centre.id,
    )
    .in_region(Some(centre.fields.region.clone()))
    .in_operator(Some(operator.dro()))
    .summary(serde_json::json!({ "centre": centre.number, "month": month.to_string() }))
}

fn day_counts(month: &CentreMonth) -> Vec<u32> {
    month
        .occupancy
        .totals()
        .into_iter()
        .map(|(_, residents)| residents)
        .collect()
}

/// Replaces the entered counts of a month (days not given are 0). A centre with a stay in the
/// month is 409: its occupancy is its residents'. An approved month changes only by UDI, and the
/// event keeps the counts before and after (R-OCC-3).
pub async fn enter_counts(
    store: &Store,
    caller: &Caller,
    centre: &CentreRecord,
    operator: &OperatorRecord,
    month: Month,
    days: &[(NaiveDate, u32)],
) -> ApiResult<()> {
    let mut tx = store.begin_write().await?;
    let before = tx
        .centre_month(centre.id, place_type(centre), month)
        .await?;
    if before.from_stays {
        return Err(ApiError::conflict_at("days", Problem::CountedFromStays));
    }
    let closes = claim_window_closes(&mut tx, centre.id).await?;
    may_change(before.approval.is_some(), by_udi(caller), today(), closes).map_err(refused)?;
    tx.replace_daily_counts(centre.id, month, days).await?;
    let after = tx
        .centre_month(centre.id, place_type(centre), month)
        .await?;
    let mut event = event(caller, "occupancy.entered", centre, operator, month);
    event.summary["approved"] = serde_json::json!(before.approval.is_some());
    event.summary["before"] = serde_json::json!(day_counts(&before));
    event.summary["after"] = serde_json::json!(day_counts(&after));
    tx.record(event).await?;
    tx.commit().await?;
    Ok(())
}

/// Approves a month (R-OCC-3) while the claim window is open (R-CLM-6). Approving an approved
/// month again changes nothing and answers the same.
pub async fn approve(
    store: &Store,
    caller: &Caller,
    centre: &CentreRecord,
    operator: &OperatorRecord,
    month: Month,
) -> ApiResult<()> {
    let mut tx = store.begin_write().await?;
    let closes = claim_window_closes(&mut tx, centre.id).await?;
    may_approve(today(), closes).map_err(refused)?;
    tx.approve_month(centre.id, month, &caller.username).await?;
    tx.record(event(caller, "occupancy.approved", centre, operator, month))
        .await?;
    tx.commit().await?;
    Ok(())
}
