//! A resident's stays (R-OCC-1): a new stay, or a move that ends the open one, and R-OCC-3's
//! rule for the approved months a stay changes.

use chrono::NaiveDate;
use mottak_domain::dates::{Month, parse_date};
use mottak_domain::error::{FieldError, FieldErrors, Problem};
use mottak_domain::occupancy::{ExistingStay, StayDecision, StayRefusal, decide_stay, may_change};
use mottak_store::events::{EventDomain, NewEvent};
use mottak_store::registry::CentreRecord;
use mottak_store::residents::{NewStay, StayRecord};
use mottak_store::{Store, WriteTx};

use super::{StayInput, load_resident};
use crate::auth::Caller;
use crate::error::{ApiError, ApiResult};
use crate::occupancy::{by_udi, claim_window_closes, today};
use crate::registry::scope;

/// The stay as written: its id and, for a move, the stay it ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StayOutcome {
    pub id: i64,
    pub ended: Option<i64>,
}

fn existing(stays: &[StayRecord]) -> Vec<ExistingStay> {
    stays
        .iter()
        .filter_map(|stay| {
            Some(ExistingStay {
                id: stay.id,
                from: parse_date(&stay.from_date)?,
                to: stay.to_date.as_deref().and_then(parse_date),
            })
        })
        .collect()
}

/// The centre a stay may be written at: one the caller runs (an operator) or any (UDI); another
/// is 400 naming `centre_id`.
async fn stay_centre(store: &Store, caller: &Caller, centre_id: i64) -> ApiResult<CentreRecord> {
    let unknown = || ApiError::coded("centre_id", Problem::NoCentreForStays);
    let centre = match store.centre(centre_id).await {
        Ok(centre) => centre,
        Err(mottak_store::StoreError::NotFound) => return Err(unknown()),
        Err(error) => return Err(error.into()),
    };
    let operator = store.operator(centre.operator_id).await?;
    if by_udi(caller) || scope::is_own_operator(caller, operator.fields.dro_number) {
        Ok(centre)
    } else {
        Err(unknown())
    }
}

/// R-OCC-3 for stays: an operator may not change the days of an approved month, nor any after the
/// claim window closed; UDI may, and the event names the approved months it changed.
pub(crate) async fn changed_approved_months(
    tx: &mut WriteTx,
    caller: &Caller,
    centre_id: i64,
    from: Month,
    to: Option<NaiveDate>,
) -> ApiResult<Vec<String>> {
    let approved: Vec<String> = tx
        .approved_months_from(centre_id, from)
        .await?
        .into_iter()
        .filter(|month| {
            let first = Month::parse(month).map(Month::first_day);
            to.is_none_or(|to| first.is_some_and(|first| first < to))
        })
        .collect();
    let closes = claim_window_closes(tx, centre_id).await?;
    may_change(!approved.is_empty(), by_udi(caller), today(), closes)
        .map_err(|_| ApiError::conflict_at("from", Problem::StayInApprovedMonth))?;
    Ok(approved
        .into_iter()
        .map(|month| format!("{centre_id}:{month}"))
        .collect())
}

/// Adds a stay (R-OCC-1): a stay that starts after the open stay's start is a move and ends the
/// open stay on its `from`; any other overlap is 409.
pub async fn add_stay(
    store: &Store,
    caller: &Caller,
    resident_id: i64,
    input: &StayInput,
) -> ApiResult<StayOutcome> {
    let (resident, _) = load_resident(store, caller, resident_id).await?;
    let mut errors = FieldErrors::default();
    let centre = errors.check(match stay_centre(store, caller, input.centre_id).await {
        Ok(centre) => Ok(centre),
        Err(ApiError::Invalid { errors, .. }) => Err(errors[0].clone()),
        Err(other) => return Err(other),
    });
    let from = errors.check(
        parse_date(input.from.trim()).ok_or_else(|| FieldError::coded("from", Problem::Date)),
    );
    let to = errors.check(
        match input
            .to
            .as_deref()
            .map(str::trim)
            .filter(|to| !to.is_empty())
        {
            None => Ok(None),
            Some(to) => parse_date(to)
                .map(Some)
                .ok_or_else(|| FieldError::coded("to", Problem::Date)),
        },
    );
    let (centre, from, to) = errors
        .into_result(|| (centre.unwrap(), from.unwrap(), to.unwrap()))
        .map_err(ApiError::invalid_fields)?;
    let first_month = Month::new(
        chrono::Datelike::year(&from),
        chrono::Datelike::month(&from),
    )
    .ok_or_else(|| ApiError::coded("from", Problem::Date))?;
    let operator = store.operator(centre.operator_id).await?;
    let mut tx = store.begin_write().await?;
    let current = tx.stays_of_resident(resident_id).await?;
    let decision = decide_stay(&existing(&current), from, to).map_err(|refusal| match refusal {
        StayRefusal::EmptyRange => ApiError::coded("to", Problem::AfterFrom),
        StayRefusal::Overlaps { with } => {
            ApiError::conflict_at("from", Problem::StayOverlaps { with })
        }
    })?;
    let mut approved = changed_approved_months(&mut tx, caller, centre.id, first_month, to).await?;
    if let StayDecision::Move { ends } = decision
        && let Some(open) = current.iter().find(|stay| stay.id == ends)
        && open.centre_id != centre.id
    {
        approved.extend(
            changed_approved_months(&mut tx, caller, open.centre_id, first_month, None).await?,
        );
    }
    let ended = match decision {
        StayDecision::Move { ends } => {
            tx.end_stay(ends, &from.to_string()).await?;
            Some(ends)
        }
        StayDecision::New => None,
    };
    let id = tx
        .insert_stay(&NewStay {
            resident_id,
            centre_id: centre.id,
            place_type: centre.place_type.clone(),
            from_date: from.to_string(),
            to_date: to.map(|to| to.to_string()),
        })
        .await?;
    tx.record(
        NewEvent::new(
            &caller.actor(),
            EventDomain::Registry,
            "stay.created",
            "resident",
            resident_id,
        )
        .summary(serde_json::json!({
            "duf_number": resident.fields.duf_number,
            "stay_id": id,
            "centre": centre.number,
            "place_type": centre.place_type,
            "from": from.to_string(),
            "to": to.map(|to| to.to_string()),
            "ended_stay": ended.map(|stay| serde_json::json!({
                "id": stay, "to": { "before": null, "after": from.to_string() }
            })),
            "approved_months_changed": approved,
        }))
        .in_region(Some(centre.fields.region.clone()))
        .in_operator(Some(operator.dro())),
    )
    .await?;
    tx.commit().await?;
    Ok(StayOutcome { id, ended })
}
