//! Creating, changing and ending agreements: every change is a new version with its event.

use mottak_domain::agreements::{
    AgreementInput, AgreementKind, AgreementTerms, category_marker, check_against_others,
    proposed_name, stop_date_after_notice,
};
use mottak_domain::dates::parse_date;
use mottak_domain::error::{FieldError, Problem};
use mottak_domain::place_types::PlaceType;
use mottak_domain::registry::Category;
use mottak_store::Store;
use mottak_store::agreements::StoredAgreement;
use mottak_store::events::{Actor, EventDomain, NewEvent};
use mottak_store::registry::CentreRecord;

use crate::registry::RegistryError;

/// A stored agreement with the warnings of its registration.
pub struct Created {
    pub agreement: StoredAgreement,
    pub warnings: Vec<String>,
}

/// What the units name, read before the write: the centres, each checked against the operator.
struct Snapshot {
    centres: Vec<CentreRecord>,
    operator_dro: String,
    /// The operator's experience, for the plans the change starts (SPEC §6).
    experienced: bool,
}

impl Snapshot {
    fn trigger<'a>(
        &'a self,
        actor: &'a Actor,
        action: &'a str,
    ) -> crate::plans::start::Trigger<'a> {
        crate::plans::start::Trigger {
            actor,
            operator_dro: &self.operator_dro,
            experienced: self.experienced,
            action,
        }
    }
}

/// Validates the input and the centres it names, reporting every invalid field at once.
async fn decide(
    store: &Store,
    input: &AgreementInput,
) -> Result<(AgreementTerms, Snapshot), RegistryError> {
    let mut errors: Vec<FieldError> = input.validate().err().unwrap_or_default();
    let operator = match store.operator(input.operator_id).await {
        Ok(operator) => Some(operator),
        Err(mottak_store::StoreError::NotFound) => {
            errors.push(FieldError::coded("operator_id", Problem::NoOperatorWithId));
            None
        }
        Err(other) => return Err(other.into()),
    };
    let mut centres = Vec::with_capacity(input.units.len());
    for (u, unit) in input.units.iter().enumerate() {
        let field = format!("units[{u}].centre_id");
        match store.centre(unit.centre_id).await {
            Ok(centre)
                if operator
                    .as_ref()
                    .is_some_and(|op| op.id != centre.operator_id) =>
            {
                errors.push(FieldError::coded(field, Problem::NotOperatorsCentre));
            }
            Ok(centre) => centres.push(centre),
            Err(mottak_store::StoreError::NotFound) => {
                errors.push(FieldError::coded(field, Problem::NoCentreWithId));
            }
            Err(other) => return Err(other.into()),
        }
    }
    if !errors.is_empty() {
        return Err(RegistryError::Invalid(errors));
    }
    let terms = input.validate()?;
    let operator = operator.expect("no errors, so the operator exists");
    Ok((
        terms,
        Snapshot {
            centres,
            operator_dro: operator.dro(),
            experienced: operator.fields.experienced,
        },
    ))
}

fn centre_ids(terms: &AgreementTerms) -> Vec<i64> {
    terms.units.iter().map(|unit| unit.centre_id).collect()
}

/// R-AGR-2 for a centre, counting its stored agreements of the kind (for the form's prefill).
pub async fn proposed_name_for(
    store: &Store,
    centre: &CentreRecord,
    kind: AgreementKind,
    intermunicipal: bool,
) -> Result<String, RegistryError> {
    let others: Vec<AgreementTerms> = store
        .agreements_of_centre(centre.id, None)
        .await?
        .into_iter()
        .map(|agreement| agreement.terms)
        .collect();
    Ok(name_for(kind, intermunicipal, centre, &others))
}

/// R-AGR-2 for the first unit's centre, counting that centre's agreements of the same kind.
fn name_for(
    kind: AgreementKind,
    intermunicipal: bool,
    centre: &CentreRecord,
    others: &[AgreementTerms],
) -> String {
    let marker = match (
        Category::parse(&centre.category),
        PlaceType::from_code(&centre.place_type),
    ) {
        (Ok(category), Some(place_type)) => category_marker(category, place_type),
        _ => None,
    };
    let earlier = match kind {
        AgreementKind::Main => 0,
        kind => others
            .iter()
            .filter(|other| other.kind == kind && other.unit_of(centre.id).is_some())
            .count(),
    };
    proposed_name(&centre.name, marker, intermunicipal, kind, earlier)
}

fn conflict(error: FieldError) -> RegistryError {
    RegistryError::conflict(error.field, error.problem)
}

fn event(
    actor: &Actor,
    action: &str,
    id: i64,
    terms: &AgreementTerms,
    snapshot: &Snapshot,
) -> NewEvent {
    NewEvent::new(actor, EventDomain::Registry, action, "agreement", id)
        .summary(serde_json::json!({
            "kind": terms.kind.code(),
            "name": terms.name,
            "valid_from": terms.valid_from,
            "end": terms.end(),
            "centres": snapshot.centres.iter().map(|centre| centre.number.clone()).collect::<Vec<_>>(),
        }))
        .in_region(snapshot.centres.first().map(|centre| centre.fields.region.clone()))
        .in_operator(Some(snapshot.operator_dro.clone()))
}

pub async fn create_agreement(
    store: &Store,
    actor: &Actor,
    input: &AgreementInput,
) -> Result<Created, RegistryError> {
    let (mut terms, snapshot) = decide(store, input).await?;
    let mut tx = store.begin_write().await?;
    let others = tx.agreements_of_centres(&centre_ids(&terms), None).await?;
    let proposed = name_for(
        terms.kind,
        terms.intermunicipal,
        &snapshot.centres[0],
        &others,
    );
    let mut warnings = Vec::new();
    if terms.name.is_empty() {
        terms.name = proposed;
    } else if terms.name != proposed {
        warnings.push(format!(
            "the name differs from the one the convention gives: \"{proposed}\" (R-AGR-2)"
        ));
    }
    check_against_others(&terms, &others).map_err(conflict)?;
    let id = tx.insert_agreement(&terms, &actor.name).await?;
    let action = "agreement.created";
    crate::plans::start::on_registration(
        &mut tx,
        &snapshot.trigger(actor, action),
        id,
        &terms,
        &snapshot.centres,
        &others,
    )
    .await?;
    tx.record(event(actor, action, id, &terms, &snapshot))
        .await?;
    tx.commit().await?;
    Ok(Created {
        agreement: StoredAgreement {
            id,
            version: 1,
            terms,
        },
        warnings,
    })
}

/// An edit: a new version if `version` is still the current one (409 otherwise). Without a
/// name the stored one is kept; the date of notice is kept, and so are the regulations of the
/// prices the edit leaves unchanged (R-AGR-9).
pub async fn update_agreement(
    store: &Store,
    actor: &Actor,
    current: &StoredAgreement,
    version: i64,
    input: &AgreementInput,
) -> Result<StoredAgreement, RegistryError> {
    let (mut terms, snapshot) = decide(store, input).await?;
    if terms.name.is_empty() {
        terms.name = current.terms.name.clone();
    }
    terms.notice_date = current.terms.notice_date;
    terms.keep_regulations_of(&current.terms);
    write_version(
        store,
        actor,
        current,
        version,
        terms,
        &snapshot,
        "agreement.changed",
    )
    .await
}

async fn write_version(
    store: &Store,
    actor: &Actor,
    current: &StoredAgreement,
    version: i64,
    terms: AgreementTerms,
    snapshot: &Snapshot,
    action: &str,
) -> Result<StoredAgreement, RegistryError> {
    let id = current.id;
    let mut tx = store.begin_write().await?;
    let others = tx
        .agreements_of_centres(&centre_ids(&terms), Some(id))
        .await?;
    check_against_others(&terms, &others).map_err(conflict)?;
    let version = tx
        .update_agreement(id, version, &terms, &actor.name)
        .await?;
    if terms.end() < current.terms.end() {
        // R-AGR-3: claims that paid days from the new end on are flagged; the next claim of
        // each centre credits the difference.
        tx.flag_claims_after(&centre_ids(&current.terms), terms.end())
            .await?;
    }
    if terms.end() != current.terms.end() {
        crate::plans::redate_plans_of_agreement(&mut tx, actor, id, &terms).await?;
    }
    if terms.stop_date.is_some() && terms.stop_date != current.terms.stop_date {
        crate::plans::start::on_end_set(
            &mut tx,
            &snapshot.trigger(actor, action),
            id,
            &terms,
            &snapshot.centres,
        )
        .await?;
    }
    tx.record(event(actor, action, id, &terms, snapshot))
        .await?;
    tx.commit().await?;
    Ok(StoredAgreement { id, version, terms })
}

/// R-AGR-4: notice given on `date` sets the stop date to date + the notice period. Notice cannot
/// lengthen an agreement: a stop date after the current end is 409.
pub async fn give_notice(
    store: &Store,
    actor: &Actor,
    current: &StoredAgreement,
    date: &str,
) -> Result<StoredAgreement, RegistryError> {
    let invalid = || FieldError::coded("date", Problem::Date);
    let date = parse_date(date).ok_or_else(invalid)?;
    let terms = &current.terms;
    let stop = stop_date_after_notice(date, terms.notice_period_months).ok_or_else(invalid)?;
    if stop <= terms.valid_from {
        return Err(FieldError::coded("date", Problem::StopBeforeStart).into());
    }
    if stop > terms.end() {
        return Err(RegistryError::conflict(
            "date",
            Problem::NoticeAfterEnd {
                stop: stop.to_string(),
                end: terms.end().to_string(),
            },
        ));
    }
    let mut changed = terms.clone();
    changed.stop_date = Some(stop);
    changed.notice_date = Some(date);
    let mut centres = Vec::with_capacity(terms.units.len());
    for unit in &terms.units {
        centres.push(store.centre(unit.centre_id).await?);
    }
    let operator = store.operator(terms.operator_id).await?;
    let snapshot = Snapshot {
        centres,
        operator_dro: operator.dro(),
        experienced: operator.fields.experienced,
    };
    write_version(
        store,
        actor,
        current,
        current.version,
        changed,
        &snapshot,
        "agreement.notice",
    )
    .await
}
