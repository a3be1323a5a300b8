//! Registering residents and their stays (SPEC §5, R-OCC-1, R-AUTH-5), shared by the API, the
//! pages and the demo: load what the rule needs → the domain decides → one write with its event.

mod of_centre;
mod stays;

use mottak_domain::access::Role;
use mottak_domain::error::Problem;
use mottak_domain::residents::{ResidentDraft, validate_resident};
use mottak_store::Store;
use mottak_store::events::{EventDomain, NewEvent};
use mottak_store::residents::{NewResident, ResidentRecord, StayRecord};
use serde::Deserialize;

use crate::auth::Caller;
use crate::error::{ApiError, ApiResult};
use crate::occupancy::today;
use crate::registry::scope;

pub use of_centre::{CentreResidents, read_centre_residents};
pub(crate) use stays::changed_approved_months;
pub use stays::{StayOutcome, add_stay};

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
                    && resident.fields.registered_operator_id.is_some()
                    && resident.fields.registered_operator_id
                        == own_operator_id(store, caller).await?)
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
        .summary(serde_json::json!({ "duf_number": resident.fields.duf_number })),
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
    input: &ResidentDraft,
) -> ApiResult<i64> {
    let resident = validate_resident(input, today()).map_err(ApiError::invalid_fields)?;
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
            mottak_store::StoreError::Conflict(_) => {
                ApiError::conflict_at("duf_number", Problem::DufRegistered)
            }
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
