//! R-SET-8: notes on a person and on a decision. A person's notes are reached as the person
//! folder is (R-SET-6: IMDi, the operator of the centre where the resident lives, a caseworker
//! with the folders permission after the municipality's yes); a decision's by IMDi and by its
//! municipality's caseworkers with the offers permission (another municipality's: 404). Each
//! note is read by the side that wrote it only (`domain::settlement::notes`). Reading and writing
//! are events that name the subject and the note, never the text (R-LOG-3).

use mottak_domain::access::{MunicipalPermission, Role};
use mottak_domain::settlement::notes::{NoteOwner, NoteSubject, may_note_decision, may_read_note};
use mottak_domain::settlement::threads::{Side, validate_body};
use mottak_store::Store;
use mottak_store::events::{EventDomain, NewEvent};
use mottak_store::residents::StayRecord;
use mottak_store::settlement::{NewNote, NoteRecord};
use serde::{Deserialize, Serialize};

use super::folders::{reach, tagged};
use super::{covers, event, require};
use crate::auth::Caller;
use crate::error::{ApiError, ApiResult};

#[derive(Clone, Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct NoteInput {
    /// The note's text: required, at most 4000 characters.
    pub body: String,
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct NoteView {
    pub id: i64,
    /// `imdi`, `municipality` or `centre`.
    pub author_side: String,
    pub author: String,
    pub body: String,
    pub created_at: String,
}

/// Whose notes the caller writes and reads; 403 for roles outside settlement.
fn owner_of(caller: &Caller) -> ApiResult<NoteOwner> {
    match caller.role {
        Role::Admin | Role::Imdi => Ok(NoteOwner::imdi()),
        Role::Municipality => Ok(NoteOwner::municipality(
            caller.municipality_number.as_deref().unwrap_or("-"),
        )),
        Role::Operator => caller
            .operator_dro
            .map(|dro| NoteOwner::centre(i64::from(dro.value())))
            .ok_or_else(|| ApiError::Forbidden("the account has no operator".to_owned())),
        _ => Err(ApiError::Forbidden(
            "notes are IMDi's, the municipality's and the centre's".to_owned(),
        )),
    }
}

fn owner(record: &NoteRecord) -> NoteOwner {
    NoteOwner {
        side: Side::parse(&record.fields.author_side).unwrap_or(Side::Imdi),
        municipality_number: record.fields.municipality_number.clone(),
        operator_dro: record.fields.operator_dro,
    }
}

/// The subject as the caller reaches it, with the event it is logged under.
struct Subject {
    kind: NoteSubject,
    id: i64,
    owner: NoteOwner,
    /// A resident's stays, whose centre tags the events (none for a decision).
    stays: Vec<StayRecord>,
    municipality: Option<String>,
}

async fn resident(store: &Store, caller: &Caller, id: i64) -> ApiResult<Subject> {
    let reached = reach(store, caller, id).await?;
    let owner = owner_of(caller)?;
    Ok(Subject {
        kind: NoteSubject::Resident,
        id,
        owner,
        stays: reached.stays,
        municipality: reached.municipality,
    })
}

async fn decision(store: &Store, caller: &Caller, id: i64) -> ApiResult<Subject> {
    let owner = owner_of(caller)?;
    require(caller, MunicipalPermission::OffersAndDecisions)?;
    let decision = store.settlement_decision(id).await?;
    let own = covers(caller, &decision.numbers.municipality_number);
    if owner.side == Side::Municipality && !own {
        return Err(ApiError::NotFound);
    }
    if !may_note_decision(owner.side, own) {
        return Err(ApiError::Forbidden(
            "notes on a decision are IMDi's and the municipality's".to_owned(),
        ));
    }
    Ok(Subject {
        kind: NoteSubject::Decision,
        id,
        owner,
        stays: Vec::new(),
        municipality: Some(decision.numbers.municipality_number),
    })
}

fn note_event(caller: &Caller, subject: &Subject, action: &str) -> NewEvent {
    // The entity as the log links it.
    let entity = match subject.kind {
        NoteSubject::Resident => "resident",
        NoteSubject::Decision => "settlement_decision",
    };
    let event = match &subject.municipality {
        Some(number) => event(caller, action, entity, subject.id, number),
        None => NewEvent::new(
            &caller.actor(),
            EventDomain::Settlement,
            action,
            entity,
            subject.id,
        ),
    };
    tagged(event, &subject.stays)
}

async fn list(store: &Store, caller: &Caller, subject: Subject) -> ApiResult<Vec<NoteView>> {
    let notes: Vec<NoteView> = store
        .settlement_notes(subject.kind.code(), subject.id)
        .await?
        .into_iter()
        .filter(|note| may_read_note(&owner(note), &subject.owner))
        .map(|note| NoteView {
            id: note.id,
            author_side: note.fields.author_side,
            author: note.fields.author,
            body: note.fields.body,
            created_at: note.created_at,
        })
        .collect();
    let mut tx = store.begin_write().await?;
    tx.record(
        note_event(caller, &subject, "settlement_note.read")
            .summary(serde_json::json!({ "notes": notes.len() })),
    )
    .await?;
    tx.commit().await?;
    Ok(notes)
}

async fn add(
    store: &Store,
    caller: &Caller,
    subject: Subject,
    input: &NoteInput,
) -> ApiResult<i64> {
    let body = validate_body(&input.body).map_err(|error| ApiError::invalid_fields(vec![error]))?;
    let mut tx = store.begin_write().await?;
    let id = tx
        .insert_settlement_note(&NewNote {
            subject: subject.kind.code().to_owned(),
            subject_id: subject.id,
            author_side: subject.owner.side.code().to_owned(),
            municipality_number: subject.owner.municipality_number.clone(),
            operator_dro: subject.owner.operator_dro,
            author: caller.display_name.clone(),
            body,
        })
        .await?;
    tx.record(
        note_event(caller, &subject, "settlement_note.created").summary(serde_json::json!({
            "note": id,
            "side": subject.owner.side.code(),
        })),
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// The subject as the caller reaches it: a resident, 403 where R-SET-6 keeps the person from
/// the caller; a decision, 404 for another municipality's.
async fn reach_subject(
    store: &Store,
    caller: &Caller,
    kind: NoteSubject,
    id: i64,
) -> ApiResult<Subject> {
    match kind {
        NoteSubject::Resident => resident(store, caller, id).await,
        NoteSubject::Decision => decision(store, caller, id).await,
    }
}

/// The caller's side's notes on a resident or a decision.
pub async fn notes_on(
    store: &Store,
    caller: &Caller,
    kind: NoteSubject,
    id: i64,
) -> ApiResult<Vec<NoteView>> {
    let subject = reach_subject(store, caller, kind, id).await?;
    list(store, caller, subject).await
}

/// A note on a resident or a decision; 400 naming `body`.
pub async fn add_note(
    store: &Store,
    caller: &Caller,
    kind: NoteSubject,
    id: i64,
    input: &NoteInput,
) -> ApiResult<i64> {
    let subject = reach_subject(store, caller, kind, id).await?;
    add(store, caller, subject, input).await
}
