//! R-SET-8: the notes and threads of an offer. IMDi (and admins) speak as IMDi, a caseworker
//! with the offers permission as its municipality (its own offers only), an operator as the
//! centre where the household lives (after the yes only). Messages are personal data: a read
//! is logged; no event carries a message's text (health details stay out of the log).

use mottak_domain::access::{MunicipalPermission, Role};
use mottak_domain::error::FieldErrors;
use mottak_domain::error::Problem;
use mottak_domain::settlement::threads::{Channel, Side, validate_body};
use mottak_store::Store;
use mottak_store::settlement::{Inbox, MessageRecord, NewMessage, OfferRecord};
use serde::{Deserialize, Serialize};

use super::folders::home;
use super::mails::{self, MessageFacts};
use super::{covers, event, require};
use crate::auth::Caller;
use crate::error::{ApiError, ApiResult};
use crate::registry::scope::is_own_operator;

#[derive(Clone, Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct MessageInput {
    /// `note` (the own side's notes), `imdi` (IMDi and the municipality) or `centre` (the
    /// municipality and the centre, after the yes).
    pub channel: String,
    pub body: String,
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct MessageView {
    pub id: i64,
    /// `imdi`, `municipality` or `centre`.
    pub author_side: String,
    pub author: String,
    pub body: String,
    pub created_at: String,
}

/// One channel of an offer as the caller sees it.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct ThreadView {
    pub channel: String,
    /// Whether the caller may write in it.
    pub writable: bool,
    pub messages: Vec<MessageView>,
}

/// A new message to the caller's side, without its text.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Notification {
    pub offer_id: i64,
    pub channel: String,
    pub author_side: String,
    pub created_at: String,
}

/// The side the caller speaks for; 403 for roles outside settlement's threads.
pub fn side_of(caller: &Caller) -> ApiResult<Side> {
    match caller.role {
        Role::Admin | Role::Imdi => Ok(Side::Imdi),
        Role::Municipality => {
            require(caller, MunicipalPermission::OffersAndDecisions)?;
            Ok(Side::Municipality)
        }
        Role::Operator => Ok(Side::Centre),
        _ => Err(ApiError::Forbidden(
            "settlement threads are IMDi's, the municipality's and the centre's".to_owned(),
        )),
    }
}

struct Context {
    side: Side,
    offer: OfferRecord,
    accepted: bool,
    /// The operator of the centre where the household lives.
    operator_dro: Option<i64>,
}

/// The offer as the caller's side reaches it: another municipality's, or for an operator one
/// whose household does not live at its centre or is not accepted, is 404.
async fn context(store: &Store, caller: &Caller, id: i64) -> ApiResult<Context> {
    let side = side_of(caller)?;
    let offer = store.settlement_offer(id).await?;
    let accepted = offer.answer == "accepted";
    let members = store.settlement_offer_members(id).await?;
    let operator_dro = match members.first() {
        Some(member) => {
            home(&store.stays_of_resident(member.resident_id).await?).map(|stay| stay.operator_dro)
        }
        None => None,
    };
    let reaches = match side {
        Side::Imdi => true,
        Side::Municipality => covers(caller, &offer.municipality_number),
        Side::Centre => accepted && operator_dro.is_some_and(|dro| is_own_operator(caller, dro)),
    };
    if !reaches {
        return Err(ApiError::NotFound);
    }
    Ok(Context {
        side,
        offer,
        accepted,
        operator_dro,
    })
}

fn view(record: MessageRecord) -> MessageView {
    MessageView {
        id: record.id,
        author_side: record.fields.author_side,
        author: record.fields.author,
        body: record.fields.body,
        created_at: record.created_at,
    }
}

/// The channels the caller reads, with their messages (notes: the own side's only); logged.
pub async fn threads(store: &Store, caller: &Caller, id: i64) -> ApiResult<Vec<ThreadView>> {
    let context = context(store, caller, id).await?;
    let mut threads = Vec::new();
    for channel in Channel::ALL {
        if !channel.readable_by(context.side, context.accepted) {
            continue;
        }
        let messages = store
            .offer_messages(id, channel.code())
            .await?
            .into_iter()
            .filter(|message| {
                channel != Channel::Note || message.fields.author_side == context.side.code()
            })
            .map(view)
            .collect();
        threads.push(ThreadView {
            channel: channel.code().to_owned(),
            writable: channel.writable_by(context.side, context.accepted),
            messages,
        });
    }
    let mut tx = store.begin_write().await?;
    tx.record(
        event(
            caller,
            "settlement_thread.read",
            "settlement_offer",
            id,
            &context.offer.municipality_number,
        )
        .summary(serde_json::json!({ "channels": threads.len() })),
    )
    .await?;
    tx.commit().await?;
    Ok(threads)
}

/// A new note or message: 400 naming `channel` or `body`; 409 for the centre thread before the
/// yes; 403 where the side only reads (IMDi in the centre thread).
/// The side the message notifies gets a mail without its text (R-SET-8).
pub async fn post(
    store: &Store,
    caller: &Caller,
    id: i64,
    input: &MessageInput,
    public_url: &str,
) -> ApiResult<i64> {
    side_of(caller)?;
    let mut errors = FieldErrors::default();
    let channel = errors.check(Channel::parse(&input.channel));
    let body = errors.check(validate_body(&input.body));
    let (channel, body) = errors
        .into_result(|| (channel.unwrap_or(Channel::Note), body.unwrap_or_default()))
        .map_err(ApiError::invalid_fields)?;
    let context = context(store, caller, id).await?;
    if !channel.readable_by(context.side, context.accepted) {
        return Err(ApiError::conflict_at(
            "channel",
            Problem::ThreadOpensWithYes,
        ));
    }
    if !channel.writable_by(context.side, context.accepted) {
        return Err(ApiError::Forbidden(
            "IMDi reads the municipality and the centre's thread".to_owned(),
        ));
    }
    let mut tx = store.begin_write().await?;
    let message = tx
        .insert_message(&NewMessage {
            offer_id: id,
            municipality_number: context.offer.municipality_number.clone(),
            channel: channel.code().to_owned(),
            author_side: context.side.code().to_owned(),
            author: caller.display_name.clone(),
            operator_dro: context.operator_dro,
            body,
        })
        .await?;
    let mails = match channel.recipient(context.side) {
        Some(recipient) => {
            let facts = MessageFacts {
                message_id: message,
                offer_id: id,
                author: context.side,
                recipient,
                municipality: &context.offer.municipality_number,
                operator_dro: context.operator_dro,
            };
            mails::queue_message(&mut tx, &facts, public_url).await?
        }
        None => 0,
    };
    tx.record(
        event(
            caller,
            "settlement_message.created",
            "settlement_offer",
            id,
            &context.offer.municipality_number,
        )
        .summary(serde_json::json!({
            "channel": channel.code(),
            "message": message,
            "mails": mails,
        })),
    )
    .await?;
    tx.commit().await?;
    Ok(message)
}

/// The newest messages to the caller's side (the dashboard's "Varsler"), without their text;
/// empty for roles outside the threads.
pub async fn notifications(store: &Store, caller: &Caller) -> ApiResult<Vec<Notification>> {
    let Ok(side) = side_of(caller) else {
        return Ok(Vec::new());
    };
    let channels = match side {
        Side::Imdi => ["imdi", "imdi"],
        Side::Municipality => ["imdi", "centre"],
        Side::Centre => ["centre", "centre"],
    };
    let operator_dro = caller.operator_dro.map(|dro| i64::from(dro.value()));
    if side == Side::Centre && operator_dro.is_none() {
        return Ok(Vec::new());
    }
    let inbox = Inbox {
        side: side.code(),
        municipality_number: super::municipality_scope(caller),
        operator_dro: if side == Side::Centre {
            operator_dro
        } else {
            None
        },
        channels,
    };
    Ok(store
        .inbox(&inbox, 10)
        .await?
        .into_iter()
        .map(|message| Notification {
            offer_id: message.fields.offer_id,
            channel: message.fields.channel,
            author_side: message.fields.author_side,
            created_at: message.created_at,
        })
        .collect())
}
