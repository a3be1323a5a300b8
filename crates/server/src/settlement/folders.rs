//! R-SET-6: the person folder, entered by the operator of the centre where the resident lives
//! and read by IMDi, that operator, and a municipal caseworker with the folders permission once
//! the municipality has said yes; every read is an event, and no event carries the folder's
//! content (R-AUTH-5, R-LOG-3). R-SET-5: the settlement date, after the yes, ends the stay.

use mottak_domain::access::{MunicipalPermission, Role};
use mottak_domain::dates::{Month, parse_date};
use mottak_domain::error::{FieldError, Problem};
use mottak_domain::settlement::{Folder, FolderReader, may_read_folder, validate_folder};
use mottak_store::Store;
use mottak_store::events::{EventDomain, NewEvent};
use mottak_store::residents::{ResidentRecord, StayRecord};
use mottak_store::settlement::SettlementRecord;
use serde::Deserialize;

use crate::auth::Caller;
use crate::error::{ApiError, ApiResult};
use crate::registry::scope;
use crate::residents::changed_approved_months;

#[derive(Clone, Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct SettlementInput {
    /// The settlement day: the first day no longer at the centre.
    #[schema(format = Date)]
    pub date: String,
}

/// The resident's current stay, or else the latest.
pub(super) fn home(stays: &[StayRecord]) -> Option<&StayRecord> {
    stays
        .iter()
        .find(|stay| stay.to_date.is_none())
        .or_else(|| stays.last())
}

fn runs_the_centre(caller: &Caller, stays: &[StayRecord]) -> bool {
    caller.role == Role::Operator
        && home(stays).is_some_and(|stay| scope::is_own_operator(caller, stay.operator_dro))
}

pub(super) fn tagged(event: NewEvent, stays: &[StayRecord]) -> NewEvent {
    match home(stays) {
        Some(stay) => event
            .in_region(Some(stay.region.clone()))
            .in_operator(Some(format!("DRO{}", stay.operator_dro))),
        None => event,
    }
}

async fn resident(store: &Store, id: i64) -> ApiResult<(ResidentRecord, Vec<StayRecord>)> {
    Ok((
        store.resident(id).await?,
        store.stays_of_resident(id).await?,
    ))
}

/// Writes the folder: the operator of the centre where the resident lives (or an admin).
pub async fn put_folder(
    store: &Store,
    caller: &Caller,
    id: i64,
    input: &Folder,
) -> ApiResult<Folder> {
    let (resident, stays) = resident(store, id).await?;
    let lives_there = stays
        .iter()
        .find(|stay| stay.to_date.is_none())
        .is_some_and(|stay| scope::is_own_operator(caller, stay.operator_dro));
    if caller.role != Role::Admin && !lives_there {
        return Err(ApiError::Forbidden(
            "only the operator of the centre where the resident lives enters the folder".to_owned(),
        ));
    }
    let folder = validate_folder(input).map_err(ApiError::invalid_fields)?;
    let mut tx = store.begin_write().await?;
    tx.put_person_folder(id, &folder).await?;
    // R-LOG-3: which fields, never what they say.
    let event = NewEvent::new(
        &caller.actor(),
        EventDomain::Settlement,
        "person_folder.updated",
        "resident",
        id,
    )
    .summary(
        serde_json::json!({ "duf_number": resident.fields.duf_number, "changed": Folder::FIELDS }),
    );
    tx.record(tagged(event, &stays)).await?;
    tx.commit().await?;
    Ok(folder)
}

/// A resident as R-SET-6 lets the caller reach them (the folder and the notes on the person):
/// the record, the stays, and the municipality whose yes let a caseworker in.
pub(super) struct Reached {
    pub resident: ResidentRecord,
    pub stays: Vec<StayRecord>,
    pub municipality: Option<String>,
}

/// The resident if R-SET-6 lets the caller read their folder; otherwise 403 (unknown: 404).
pub(super) async fn reach(store: &Store, caller: &Caller, id: i64) -> ApiResult<Reached> {
    let (resident, stays) = resident(store, id).await?;
    let own = caller.municipality_number.as_deref();
    let yes = store
        .accepted_offers_naming(id)
        .await?
        .into_iter()
        .find(|offer| {
            caller.role == Role::Municipality && Some(offer.municipality_number.as_str()) == own
        });
    let reader = FolderReader {
        role: caller.role,
        runs_the_centre: runs_the_centre(caller, &stays),
        municipality_said_yes: yes.is_some(),
        has_folders_permission: caller
            .permissions
            .contains(&MunicipalPermission::PersonFolders),
    };
    if !may_read_folder(reader) {
        return Err(ApiError::Forbidden(
            "the folder is shown to a municipality only after its yes, with the folders permission"
                .to_owned(),
        ));
    }
    Ok(Reached {
        resident,
        stays,
        municipality: yes.map(|offer| offer.municipality_number),
    })
}

/// Reads the folder if R-SET-6 lets the caller (otherwise 403), and logs the read.
pub async fn read_folder(store: &Store, caller: &Caller, id: i64) -> ApiResult<Folder> {
    let Reached {
        resident,
        stays,
        municipality,
    } = reach(store, caller, id).await?;
    let folder = store.person_folder(id).await?.ok_or(ApiError::NotFound)?;
    let mut tx = store.begin_write().await?;
    let event = NewEvent::new(
        &caller.actor(),
        EventDomain::Settlement,
        "person_folder.read",
        "resident",
        id,
    )
    .summary(serde_json::json!({ "duf_number": resident.fields.duf_number }))
    .in_municipality(municipality);
    tx.record(tagged(event, &stays)).await?;
    tx.commit().await?;
    Ok(folder)
}

fn conflict(problem: Problem) -> ApiError {
    ApiError::conflict_at("date", problem)
}

/// R-SET-5: registers the settlement date (by the resident's centre, or by the municipality for
/// one who lived privately) and ends the open stay on it; 409 before the yes or its date.
pub async fn settle(
    store: &Store,
    caller: &Caller,
    id: i64,
    input: &SettlementInput,
) -> ApiResult<SettlementRecord> {
    let (resident, stays) = resident(store, id).await?;
    let open = stays.iter().find(|stay| stay.to_date.is_none()).cloned();
    let date = parse_date(input.date.trim())
        .ok_or_else(|| ApiError::invalid_fields(vec![FieldError::coded("date", Problem::Date)]))?;
    if store.settlement_of(id).await?.is_some() {
        return Err(conflict(Problem::AlreadySettled));
    }
    let yes = store.accepted_offers_naming(id).await?.into_iter().last();
    let authorised = match caller.role {
        Role::Admin => true,
        Role::Operator => open
            .as_ref()
            .is_some_and(|stay| scope::is_own_operator(caller, stay.operator_dro)),
        Role::Municipality => {
            open.is_none()
                && caller
                    .permissions
                    .contains(&MunicipalPermission::OffersAndDecisions)
                && yes.as_ref().is_none_or(|offer| {
                    caller.municipality_number.as_deref()
                        == Some(offer.municipality_number.as_str())
                })
        }
        _ => false,
    };
    if !authorised {
        return Err(ApiError::Forbidden(
            "the resident's centre registers the settlement date; the municipality only for one \
             who lived privately"
                .to_owned(),
        ));
    }
    let offer = yes.ok_or_else(|| conflict(Problem::NoYes))?;
    let said_yes_on = offer.answered_on.as_deref().and_then(parse_date);
    if said_yes_on.is_some_and(|yes| date < yes) {
        return Err(conflict(Problem::BeforeYes));
    }
    if open
        .as_ref()
        .and_then(|stay| parse_date(&stay.from_date))
        .is_some_and(|from| date <= from)
    {
        return Err(conflict(Problem::NotAfterStayStart));
    }
    let settlement = SettlementRecord {
        resident_id: id,
        offer_id: offer.id,
        municipality_number: offer.municipality_number.clone(),
        settled_on: date.to_string(),
    };
    let mut tx = store.begin_write().await?;
    let mut approved = Vec::new();
    if let Some(stay) = &open {
        let month = Month::new(
            chrono::Datelike::year(&date),
            chrono::Datelike::month(&date),
        )
        .ok_or_else(|| ApiError::coded("date", Problem::Date))?;
        approved = changed_approved_months(&mut tx, caller, stay.centre_id, month, None)
            .await
            .map_err(|error| match error {
                ApiError::Conflict { .. } => conflict(Problem::SettlementInApprovedMonth),
                other => other,
            })?;
        tx.end_stay(stay.id, &settlement.settled_on).await?;
    }
    tx.insert_settlement(&settlement)
        .await
        .map_err(|error| match error {
            mottak_store::StoreError::Conflict(_) => conflict(Problem::AlreadySettled),
            other => other.into(),
        })?;
    let event = NewEvent::new(
        &caller.actor(),
        EventDomain::Settlement,
        "resident.settled",
        "resident",
        id,
    )
    .summary(serde_json::json!({
        "duf_number": resident.fields.duf_number,
        "settled_on": settlement.settled_on,
        "municipality_number": settlement.municipality_number,
        "ended_stay": open.as_ref().map(|stay| stay.id),
        "approved_months_changed": approved,
    }))
    .in_municipality(Some(settlement.municipality_number.clone()));
    tx.record(tagged(event, &stays)).await?;
    tx.commit().await?;
    Ok(settlement)
}
