//! The settlement e-mails: a request to the municipality and its official mailbox (R-SET-1a), an
//! offer to the municipality (R-SET-3) and a new message in a thread to the other side
//! (R-SET-8). They carry figures, a deadline and a link, never personal data: the composing
//! functions take nothing else, so no name, DUF number, age or need can reach a mail. They are
//! queued in the outbox inside the write that decides them (`crate::mail` sends them), with the
//! key `{kind}:{id}:{address}`, so a mail is queued once per record and address.
//!
//! Like the reminders, a mail is in Norwegian with English below it.

use chrono::{NaiveDate, Utc};
use mottak_domain::access::{MunicipalPermission, Role};
use mottak_domain::reminders::valid_email;
use mottak_domain::settlement::threads::Side;
use mottak_store::mail::NewMail;
use mottak_store::users::UserRecord;
use mottak_store::{StoreError, WriteTx, timestamp};

use crate::auth::Caller;
use crate::i18n::Lang;
use crate::mail::{bilingual_body, bilingual_subject};
use crate::pages::display_date;

/// A mail to queue: subject and plain-text body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SettlementMail {
    pub subject: String,
    pub body: String,
}

/// What an offer's mail may say (R-SET-3): how many, by when, and where to look.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OfferFacts {
    pub offer_id: i64,
    pub year: i64,
    pub households: i64,
    pub persons: i64,
    pub deadline: NaiveDate,
}

/// What a request's mail may say (R-SET-1a).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RequestFacts {
    pub year: i64,
    pub persons: i64,
    pub unaccompanied_minors: i64,
}

fn link(public_url: &str, path: &str) -> String {
    format!("{}{path}", public_url.trim_end_matches('/'))
}

/// Fills `{name}` placeholders of a catalogue text.
fn fill(lang: Lang, key: &str, values: &[(&str, String)]) -> String {
    values
        .iter()
        .fold(lang.text(key).to_owned(), |text, (name, value)| {
            text.replace(&format!("{{{name}}}"), value)
        })
}

/// Subject `nb / en`; body the Norwegian paragraphs, a rule, the English ones, the footer.
fn compose(subject_key: &str, keys: &[&str], values: &[(&str, String)]) -> SettlementMail {
    let subject = bilingual_subject(|lang| fill(lang, subject_key, values));
    let part = |lang: Lang| {
        keys.iter()
            .map(|key| fill(lang, key, values))
            .collect::<Vec<_>>()
            .join("\n\n")
    };
    let body = bilingual_body(part, "mail.settlement.footer");
    SettlementMail { subject, body }
}

/// The page where the municipality answers an offer.
pub fn offer_path(offer_id: i64, year: i64) -> String {
    format!("/settlement?year={year}#h-offer-{offer_id}")
}

/// R-SET-3: the offer's mail — households, persons, the deadline (dd.mm.yyyy) and a link.
pub fn offer_mail(facts: &OfferFacts, public_url: &str) -> SettlementMail {
    compose(
        "mail.offer.subject",
        &["mail.offer.intro", "mail.offer.deadline", "mail.offer.link"],
        &[
            ("households", facts.households.to_string()),
            ("persons", facts.persons.to_string()),
            ("deadline", display_date(facts.deadline)),
            (
                "url",
                link(public_url, &offer_path(facts.offer_id, facts.year)),
            ),
        ],
    )
}

/// R-SET-8: a new message in an offer's thread, by `author`'s side — never its text.
pub fn message_mail(offer_id: i64, author: Side, public_url: &str) -> SettlementMail {
    let intro = match author {
        Side::Imdi => "mail.message.intro_imdi",
        Side::Municipality => "mail.message.intro_municipality",
        Side::Centre => "mail.message.intro_centre",
    };
    compose(
        "mail.message.subject",
        &[intro, "mail.message.link"],
        &[
            ("offer", offer_id.to_string()),
            (
                "url",
                link(
                    public_url,
                    &format!("/settlement/offers/{offer_id}/messages"),
                ),
            ),
        ],
    )
}

/// R-SET-1a: IMDi's request, with the reminder to send the formal decision letter to IMDi.
pub fn request_mail(facts: &RequestFacts, public_url: &str) -> SettlementMail {
    compose(
        "mail.request.subject",
        &[
            "mail.request.intro",
            "mail.request.decision",
            "mail.request.link",
        ],
        &[
            ("year", facts.year.to_string()),
            ("persons", facts.persons.to_string()),
            ("minors", facts.unaccompanied_minors.to_string()),
            (
                "url",
                link(public_url, &format!("/settlement?year={}", facts.year)),
            ),
        ],
    )
}

/// Who of `users` speaks for `side` on an offer of `municipality` whose household lives at
/// the centres of `operator_dro`: IMDi's caseworkers; the municipality's caseworkers with the
/// offers permission (R-AUTH-4); the operator's users. Their addresses, valid ones only.
pub fn side_addresses(
    users: &[UserRecord],
    side: Side,
    municipality: &str,
    operator_dro: Option<i64>,
) -> Vec<String> {
    let mut addresses: Vec<String> = users
        .iter()
        .filter(|user| user.disabled == 0)
        .filter(|user| {
            let Some(caller) = Caller::from_user(user, String::new(), false) else {
                return false;
            };
            match side {
                Side::Imdi => caller.role == Role::Imdi,
                Side::Municipality => {
                    caller.role == Role::Municipality
                        && caller.municipality_number.as_deref() == Some(municipality)
                        && caller
                            .permissions
                            .contains(&MunicipalPermission::OffersAndDecisions)
                }
                Side::Centre => {
                    caller.role == Role::Operator
                        && operator_dro.is_some_and(|dro| {
                            crate::registry::scope::is_own_operator(&caller, dro)
                        })
                }
            }
        })
        .filter_map(|user| valid_email("email", user.email.as_deref()?).ok())
        .collect();
    addresses.sort();
    addresses.dedup();
    addresses
}

/// The official mailbox if it is a usable address.
pub fn usable_postmottak(postmottak: Option<&str>) -> Option<String> {
    valid_email("postmottak", postmottak?).ok()
}

/// Queues `mail` to each address under `{key}:{address}`; the number queued now.
pub async fn queue(
    tx: &mut WriteTx,
    key: &str,
    addresses: &[String],
    mail: &SettlementMail,
) -> Result<usize, StoreError> {
    let now = timestamp(Utc::now());
    let mut queued = 0;
    for address in addresses {
        let dedup_key = format!("{key}:{address}");
        let took = tx
            .enqueue_mail(
                &NewMail {
                    dedup_key: &dedup_key,
                    recipient: address,
                    subject: &mail.subject,
                    body: &mail.body,
                },
                &now,
            )
            .await?;
        queued += usize::from(took);
    }
    Ok(queued)
}

/// R-SET-3: the offer's recipients — the municipality's caseworkers with the offers permission
/// and an address, or, when none has one, its official mailbox.
pub async fn queue_offer(
    tx: &mut WriteTx,
    municipality: &str,
    facts: &OfferFacts,
    public_url: &str,
) -> Result<usize, StoreError> {
    let users = tx.users_with_email().await?;
    let mut addresses = side_addresses(&users, Side::Municipality, municipality, None);
    if addresses.is_empty() {
        let postmottak = tx.postmottak(municipality).await?;
        addresses.extend(usable_postmottak(postmottak.as_deref()));
    }
    let mail = offer_mail(facts, public_url);
    queue(tx, &format!("offer:{}", facts.offer_id), &addresses, &mail).await
}

/// R-SET-1a: the request goes to the municipality's official mailbox and to its caseworkers
/// with the offers permission and an address (`users`: those with an address, read once for an
/// import's many requests).
pub async fn queue_request(
    tx: &mut WriteTx,
    users: &[UserRecord],
    request_id: i64,
    municipality: &str,
    facts: &RequestFacts,
    public_url: &str,
) -> Result<usize, StoreError> {
    let mut addresses = side_addresses(users, Side::Municipality, municipality, None);
    let postmottak = tx.postmottak(municipality).await?;
    addresses.extend(usable_postmottak(postmottak.as_deref()));
    addresses.sort();
    addresses.dedup();
    let mail = request_mail(facts, public_url);
    queue(tx, &format!("request:{request_id}"), &addresses, &mail).await
}

/// A new message in a thread, as its mail and its recipients need it.
#[derive(Clone, Copy, Debug)]
pub struct MessageFacts<'a> {
    pub message_id: i64,
    pub offer_id: i64,
    pub author: Side,
    /// Who the message notifies (the domain's `Channel::recipient`).
    pub recipient: Side,
    pub municipality: &'a str,
    /// The operator of the centre where the household lives.
    pub operator_dro: Option<i64>,
}

/// R-SET-8: a new message notifies the recipient side's users with an address.
pub async fn queue_message(
    tx: &mut WriteTx,
    facts: &MessageFacts<'_>,
    public_url: &str,
) -> Result<usize, StoreError> {
    let users = tx.users_with_email().await?;
    let addresses = side_addresses(
        &users,
        facts.recipient,
        facts.municipality,
        facts.operator_dro,
    );
    let mail = message_mail(facts.offer_id, facts.author, public_url);
    queue(
        tx,
        &format!("message:{}", facts.message_id),
        &addresses,
        &mail,
    )
    .await
}

#[cfg(test)]
mod tests;
