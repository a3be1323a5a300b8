//! Registering residents and their stays (SPEC §5, R-OCC-1, R-AUTH-5), shared by the API, the
//! pages and the demo: load what the rule needs → the domain decides → one write with its event.

use chrono::NaiveDate;
use mottak_domain::access::Role;
use mottak_domain::dates::{Month, parse_date};
use mottak_domain::error::{FieldError, FieldErrors};
use mottak_domain::occupancy::{ExistingStay, StayDecision, StayRefusal, decide_stay, may_change};
use mottak_domain::residents::{ResidentDraft, validate_resident};
use mottak_store::events::{EventDomain, NewEvent};
use mottak_store::registry::CentreRecord;
use mottak_store::residents::{NewResident, NewStay, ResidentRecord, StayRecord};
use mottak_store::{Store, WriteTx};
use serde::Deserialize;

use crate::auth::Caller;
use crate::error::{ApiError, ApiResult};
use crate::occupancy::{by_udi, claim_window_closes, today};
use crate::registry::scope;

/// A new resident as the API and the form give it. Members are optional in the body so that a
/// missing one is reported with every other invalid field.
#[derive(Clone, Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct ResidentInput {
    /// Twelve digits.
    pub duf_number: String,
    pub given_name: String,
    pub family_name: String,
    /// `YYYY-MM-DD`, not in the future.
    #[schema(format = Date)]
    pub birth_date: String,
    /// `female`, `male` or `unknown`.
    pub gender: String,
    /// A key the members of one household share.
    pub household: String,
}

impl ResidentInput {
    /// The draft the domain judges.
    pub fn draft(&self) -> ResidentDraft {
        ResidentDraft {
            duf_number: self.duf_number.clone(),
            given_name: self.given_name.clone(),
            family_name: self.family_name.clone(),
            birth_date: self.birth_date.clone(),
            gender: self.gender.clone(),
            household: self.household.clone(),
        }
    }
}

/// A new stay; `to` is exclusive and absent while the resident lives there.
#[derive(Clone, Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct StayInput {
    pub centre_id: i64,
    #[schema(format = Date)]
    pub from: String,
    #[schema(format = Date)]
    pub to: Option<String>,
}

/// The caller's operator's id (for an operator user).
async fn own_operator_id(store: &Store, caller: &Caller) -> ApiResult<Option<i64>> {
    match scope::operator_dro_number(caller) {
        Some(dro) if caller.role == Role::Operator => match store.operator_by_dro(dro).await {
            Ok(operator) => Ok(Some(operator.id)),
            Err(mottak_store::StoreError::NotFound) => Ok(None),
            Err(error) => Err(error.into()),
        },
        _ => Ok(None),
    }
}

/// Who sees a resident: UDI nationally, a region the residents of its centres, an operator the
/// residents of its centres (current and past) and those it registered that have no stay yet.
pub async fn may_see_resident(
    store: &Store,
    caller: &Caller,
    resident: &ResidentRecord,
    stays: &[StayRecord],
) -> ApiResult<bool> {
    Ok(match caller.role {
        Role::Admin | Role::UdiAdm => true,
        Role::UdiRegion => stays
            .iter()
            .any(|stay| caller.region.as_deref() == Some(stay.region.as_str())),
        Role::Operator => {
            stays
                .iter()
                .any(|stay| scope::is_own_operator(caller, stay.operator_dro))
                || (stays.is_empty()
                    && resident.registered_operator_id.is_some()
                    && resident.registered_operator_id == own_operator_id(store, caller).await?)
        }
        _ => false,
    })
}

/// A resident and their stays, if the caller's scope covers them; otherwise 404, never data.
pub async fn load_resident(
    store: &Store,
    caller: &Caller,
    id: i64,
) -> ApiResult<(ResidentRecord, Vec<StayRecord>)> {
    let resident = store.resident(id).await?;
    let stays = store.stays_of_resident(id).await?;
    if !may_see_resident(store, caller, &resident, &stays).await? {
        return Err(ApiError::NotFound);
    }
    Ok((resident, stays))
}

/// The scope tags of a resident's events: the latest stay's centre.
fn tagged(event: NewEvent, stays: &[StayRecord]) -> NewEvent {
    match stays.last() {
        Some(stay) => event
            .in_region(Some(stay.region.clone()))
            .in_operator(Some(format!("DRO{}", stay.operator_dro))),
        None => event,
    }
}

/// Reads a resident's record and writes the read event (R-AUTH-5).
pub async fn read_resident(
    store: &Store,
    caller: &Caller,
    id: i64,
) -> ApiResult<(ResidentRecord, Vec<StayRecord>)> {
    let (resident, stays) = load_resident(store, caller, id).await?;
    let mut tx = store.begin_write().await?;
    tx.record(tagged(
        NewEvent::new(
            &caller.actor(),
            EventDomain::Registry,
            "resident.read",
            "resident",
            id,
        )
        .summary(serde_json::json!({ "duf_number": resident.duf_number })),
        &stays,
    ))
    .await?;
    tx.commit().await?;
    Ok((resident, stays))
}

/// Registers a resident; a DUF number already registered is 409 naming `duf_number`.
pub async fn create_resident(
    store: &Store,
    caller: &Caller,
    input: &ResidentInput,
) -> ApiResult<i64> {
    let resident = validate_resident(&input.draft(), today()).map_err(ApiError::invalid_fields)?;
    let registered_operator_id = own_operator_id(store, caller).await?;
    let mut tx = store.begin_write().await?;
    let id = tx
        .insert_resident(&NewResident {
            duf_number: resident.duf_number.to_string(),
            given_name: resident.given_name,
            family_name: resident.family_name,
            birth_date: resident.birth_date.to_string(),
            gender: resident.gender.code().to_owned(),
            household: resident.household.clone(),
            registered_operator_id,
        })
        .await
        .map_err(|error| match error {
            mottak_store::StoreError::Conflict(_) => ApiError::Conflict {
                field: Some("duf_number".to_owned()),
                detail: "a resident with this DUF number is already registered".to_owned(),
            },
            other => other.into(),
        })?;
    let dro = scope::operator_dro_number(caller).map(|dro| format!("DRO{dro}"));
    tx.record(
        NewEvent::new(&caller.actor(), EventDomain::Registry, "resident.created", "resident", id)
            .summary(serde_json::json!({
                "duf_number": resident.duf_number.to_string(),
                "household": resident.household,
                "changed": ["duf_number", "given_name", "family_name", "birth_date", "gender", "household"],
            }))
            .in_operator(dro),
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

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
    let unknown = || ApiError::invalid("centre_id", "no centre you may register stays at");
    let centre = match store.centre(centre_id).await {
        Ok(centre) => centre,
        Err(mottak_store::StoreError::NotFound) => return Err(unknown()),
        Err(error) => return Err(error.into()),
    };
    let operator = store.operator(centre.operator_id).await?;
    if by_udi(caller) || scope::is_own_operator(caller, operator.dro_number) {
        Ok(centre)
    } else {
        Err(unknown())
    }
}

/// R-OCC-3 for stays: an operator may not change the days of an approved month, nor any after the
/// claim window closed; UDI may, and the event names the approved months it changed.
async fn changed_approved_months(
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
    may_change(!approved.is_empty(), by_udi(caller), today(), closes).map_err(|_| {
        ApiError::Conflict {
            field: Some("from".to_owned()),
            detail: "the stay changes an approved month or one whose claim window has closed; \
                     only UDI may change it"
                .to_owned(),
        }
    })?;
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
        parse_date(input.from.trim())
            .ok_or_else(|| FieldError::new("from", "must be a date YYYY-MM-DD")),
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
                .ok_or_else(|| FieldError::new("to", "must be a date YYYY-MM-DD")),
        },
    );
    let (centre, from, to) = errors
        .into_result(|| (centre.unwrap(), from.unwrap(), to.unwrap()))
        .map_err(ApiError::invalid_fields)?;
    let first_month = Month::new(
        chrono::Datelike::year(&from),
        chrono::Datelike::month(&from),
    )
    .ok_or_else(|| ApiError::invalid("from", "must be a date YYYY-MM-DD"))?;
    let operator = store.operator(centre.operator_id).await?;
    let mut tx = store.begin_write().await?;
    let current = tx.stays_of_resident(resident_id).await?;
    let decision = decide_stay(&existing(&current), from, to).map_err(|refusal| match refusal {
        StayRefusal::EmptyRange => ApiError::invalid("to", "must be after from"),
        StayRefusal::Overlaps { with } => ApiError::Conflict {
            field: Some("from".to_owned()),
            detail: format!("the stay overlaps the resident's stay {with}"),
        },
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
            "duf_number": resident.duf_number,
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
        .in_region(Some(centre.region.clone()))
        .in_operator(Some(operator.dro())),
    )
    .await?;
    tx.commit().await?;
    Ok(StayOutcome { id, ended })
}

/// Which residents of a centre a list shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CentreResidents {
    /// Everyone who lives or has lived there.
    LivedHere,
    /// R-AGR-12: those still at the closed number this centre replaced, who must be moved here.
    ToMoveHere,
}

/// A list of a centre's residents the caller may see; the read is logged (R-AUTH-5).
pub async fn read_centre_residents(
    store: &Store,
    caller: &Caller,
    centre: &CentreRecord,
    which: CentreResidents,
) -> ApiResult<Vec<mottak_store::residents::CentreResidentRow>> {
    let rows = match which {
        CentreResidents::LivedHere => store.residents_of_centre(centre.id).await?,
        CentreResidents::ToMoveHere => {
            // They live at the old number: only a caller who may see that centre sees them.
            let old = centre.predecessor_id.unwrap_or(centre.id);
            match crate::occupancy::load_centre(store, caller, old).await {
                Ok(_) => {
                    let today = today().format("%Y-%m-%d").to_string();
                    store.residents_to_move(centre.id, &today).await?
                }
                Err(ApiError::NotFound) => Vec::new(),
                Err(error) => return Err(error),
            }
        }
    };
    let operator = store.operator(centre.operator_id).await?;
    let mut tx = store.begin_write().await?;
    tx.record(
        NewEvent::new(
            &caller.actor(),
            EventDomain::Registry,
            "residents.read",
            "centre",
            centre.id,
        )
        .summary(serde_json::json!({
            "centre": centre.number,
            "residents": rows.len(),
            "to_move": which == CentreResidents::ToMoveHere,
        }))
        .in_region(Some(centre.region.clone()))
        .in_operator(Some(operator.dro())),
    )
    .await?;
    tx.commit().await?;
    Ok(rows)
}
