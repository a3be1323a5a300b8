//! R-SET-4: IMDi's settlement decision on an accepted offer, and the letters it gives: one to
//! each person the offer names and one to the municipality, as a printable page and as PDF.
//! Every letter generated is a `settlement_letter.generated` event naming its recipient kind,
//! format and (for a person) the resident's id — never names or DUF numbers (R-LOG-3).

use mottak_domain::dates::parse_date;
use mottak_domain::error::Problem;
use mottak_domain::settlement::{Recipient, age_on, may_decide};
use mottak_store::Store;
use mottak_store::settlement::{OfferMemberRecord, OfferRecord};

use super::event;
use super::offers::{OfferView, load, status, summary};
use crate::auth::Caller;
use crate::error::{ApiError, ApiResult};
use crate::i18n::Lang;
use crate::occupancy::today;
use crate::pages::display_date;
use crate::pdf::{Align, Block, Table, render};

/// R-SET-4: IMDi's settlement decision, dated today; 409 before the yes or a second time.
pub async fn decide(store: &Store, caller: &Caller, id: i64) -> ApiResult<OfferView> {
    let offer = load(store, caller, id).await?;
    may_decide(status(&offer), offer.decided_on.is_some())
        .map_err(|refusal| ApiError::conflict(refusal.problem()))?;
    let mut tx = store.begin_write().await?;
    if !tx
        .decide_settlement_offer(id, &today().to_string(), &caller.username)
        .await?
    {
        return Err(ApiError::conflict(Problem::AlreadyDecided));
    }
    tx.record(
        event(
            caller,
            "settlement_decision.made",
            "settlement_offer",
            id,
            &offer.municipality_number,
        )
        .summary(serde_json::json!({ "persons": offer.persons })),
    )
    .await?;
    tx.commit().await?;
    Ok(summary(&store.settlement_offer(id).await?))
}

/// A stored ISO date as the letters show it (`dd.mm.åååå`).
pub(super) fn show_date(stored: &str) -> String {
    parse_date(stored).map_or_else(|| stored.to_owned(), display_date)
}

/// A letter as both the printable page and the PDF show it, in bokmål (the letters' language).
pub struct Letter {
    pub title: String,
    pub fields: Vec<(String, String)>,
    pub paragraphs: Vec<String>,
    /// The household as the municipality's letter lists it: age and gender, no names.
    pub members: Vec<(String, String)>,
    pub file_name: String,
}

/// The household table's caption and column titles, in the letters' language.
const HOUSEHOLD: (&str, &str, &str) = ("Husstanden", "Alder", "Kjønn");

impl Letter {
    pub fn household_labels(&self) -> (&'static str, &'static str, &'static str) {
        HOUSEHOLD
    }

    pub fn pdf(&self) -> Vec<u8> {
        let mut blocks = vec![
            Block::Title(self.title.clone()),
            Block::Fields(self.fields.clone()),
        ];
        blocks.extend(self.paragraphs.iter().cloned().map(Block::Paragraph));
        if !self.members.is_empty() {
            blocks.push(Block::Heading(HOUSEHOLD.0.into()));
            blocks.push(household(&self.members));
        }
        render(&self.title, &blocks)
    }
}

/// The letter to `recipient` once IMDi has decided the offer (409 before; 404 for a person the
/// offer does not name), logged as generated in `format` (`html` or `pdf`).
pub async fn letter(
    store: &Store,
    caller: &Caller,
    id: i64,
    recipient: Recipient,
    format: &str,
) -> ApiResult<Letter> {
    let offer = load(store, caller, id).await?;
    let Some(decided_on) = offer.decided_on.clone() else {
        return Err(ApiError::conflict(Problem::DecisionNotMade));
    };
    let members = store.settlement_offer_members(id).await?;
    let ids: Vec<i64> = members.iter().map(|member| member.resident_id).collect();
    if !recipient.addressable(&ids) {
        return Err(ApiError::NotFound);
    }
    let letter = compose(store, &offer, &members, &decided_on, recipient).await?;
    let mut summary = serde_json::json!({ "recipient": recipient.code(), "format": format });
    if let Recipient::Resident(resident_id) = recipient {
        summary["resident_id"] = resident_id.into();
    }
    let mut tx = store.begin_write().await?;
    tx.record(
        event(
            caller,
            "settlement_letter.generated",
            "settlement_offer",
            id,
            &offer.municipality_number,
        )
        .summary(summary),
    )
    .await?;
    tx.commit().await?;
    Ok(letter)
}

/// The letter to `recipient` of a decided offer, as generated (the caller logs it).
pub(super) async fn compose(
    store: &Store,
    offer: &OfferRecord,
    members: &[OfferMemberRecord],
    decided_on: &str,
    recipient: Recipient,
) -> ApiResult<Letter> {
    let id = offer.id;
    let municipality = store
        .municipality(&offer.municipality_number, &today().to_string())
        .await
        .map(|found| format!("{} ({})", found.name, found.number))
        .unwrap_or_else(|_| offer.municipality_number.clone());
    let decided = show_date(decided_on);
    let letter = match recipient {
        Recipient::Municipality => {
            let offered_on = parse_date(&offer.offered_on).unwrap_or_else(today);
            let lang = Lang::Nb;
            Letter {
                title: format!("Vedtak om bosetting – tilbud {id}"),
                fields: vec![
                    ("Til".into(), municipality.clone()),
                    ("Vedtaksdato".into(), decided.clone()),
                    ("Tilbud".into(), format!("{id} ({})", offer.year)),
                    ("Antall personer".into(), offer.persons.to_string()),
                ],
                paragraphs: vec![
                    format!(
                        "IMDi har fattet vedtak om bosetting i {municipality} av husstanden i \
                         tilbud {id}, som kommunen takket ja til {}.",
                        offer
                            .answered_on
                            .as_deref()
                            .map(show_date)
                            .unwrap_or_default()
                    ),
                    "Personopplysningene og personmappene finner kommunen i mottak etter \
                     innlogging. Bosettingsdatoen registreres når personene flytter."
                        .into(),
                ],
                members: members
                    .iter()
                    .map(|member| {
                        let age = parse_date(&member.birth_date)
                            .map_or(0, |birth| age_on(birth, offered_on));
                        (
                            format!("{age} år"),
                            lang.text(&format!("residents.gender.{}", member.gender))
                                .to_owned(),
                        )
                    })
                    .collect(),
                file_name: format!("bosettingsvedtak-{id}-kommune.pdf"),
            }
        }
        Recipient::Resident(resident_id) => {
            let person = store.resident(resident_id).await?;
            Letter {
                title: "Vedtak om bosetting".into(),
                fields: vec![
                    (
                        "Til".into(),
                        format!("{} {}", person.fields.given_name, person.fields.family_name),
                    ),
                    ("DUF-nummer".into(), person.fields.duf_number.clone()),
                    ("Fødselsdato".into(), show_date(&person.fields.birth_date)),
                    ("Vedtaksdato".into(), decided.clone()),
                    ("Kommune".into(), municipality.clone()),
                ],
                paragraphs: vec![
                    format!("IMDi har vedtatt at du skal bosettes i {municipality}."),
                    "Kommunen og mottaket avtaler med deg når du flytter og hva som skal \
                     forberedes."
                        .into(),
                ],
                members: Vec::new(),
                file_name: format!("bosettingsvedtak-{id}-person-{resident_id}.pdf"),
            }
        }
    };
    Ok(letter)
}

/// The household as a table of age and gender, as the letters and the case file print it.
pub(super) fn household(members: &[(String, String)]) -> Block {
    let (_, age, gender) = HOUSEHOLD;
    Block::Table(Table::new(
        &[(age, 0.3, Align::Right), (gender, 0.7, Align::Left)],
        members
            .iter()
            .map(|(age, gender)| vec![age.clone(), gender.clone()])
            .collect(),
    ))
}
