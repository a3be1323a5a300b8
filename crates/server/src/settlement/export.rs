//! R-SET-8: "the system is not an archive" — an accepted offer's case, exported for the
//! municipality's own records: one PDF holding the offer, the decisions, the letters and both
//! threads, and a JSON file describing it (the case, the municipality, the dates, the documents,
//! and each message's channel, author and time). IMDi and the offer's municipality (with the
//! offers permission) export it; another municipality's offer is 404, one not accepted 409. The
//! letters are those the caller may read (a person's letter, with name and DUF number, IMDi
//! only). Each export is a `settlement_case.exported` event with the format and the counts.

use mottak_domain::access::Role;
use mottak_domain::dates::parse_date;
use mottak_domain::error::Problem;
use mottak_domain::settlement::{OfferStatus, Recipient, age_on};
use mottak_store::Store;
use mottak_store::settlement::MessageRecord;
use serde::Serialize;

use super::event;
use super::letters::{Letter, compose, household, show_date};
use super::offers::{load, status};
use crate::auth::Caller;
use crate::error::{ApiError, ApiResult};
use crate::i18n::Lang;
use crate::occupancy::today;
use crate::pages::display_timestamp;
use crate::pdf::{Block, render};

/// A document of the case.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct CaseDocument {
    /// `offer`, `municipal_decision`, `settlement_decision` or `letter`.
    pub kind: String,
    pub title: String,
    /// The document's day, when it has one.
    #[schema(format = Date)]
    pub date: Option<String>,
}

/// A message of one of the case's threads, without its text (the PDF holds it).
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct CaseMessage {
    /// `imdi` (IMDi and the municipality) or `centre` (the municipality and the centre).
    pub channel: String,
    /// `imdi`, `municipality` or `centre`.
    pub author_side: String,
    pub author: String,
    pub created_at: String,
}

/// The case's metadata, the JSON beside the PDF.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct CaseMetadata {
    /// The offer's id, which names the case.
    pub case_id: i64,
    pub municipality_number: String,
    pub municipality_name: String,
    pub year: i64,
    pub persons: i64,
    #[schema(format = Date)]
    pub offered_on: String,
    #[schema(format = Date)]
    pub deadline: String,
    #[schema(format = Date)]
    pub answered_on: Option<String>,
    /// R-SET-4: IMDi's settlement decision.
    #[schema(format = Date)]
    pub decided_on: Option<String>,
    pub documents: Vec<CaseDocument>,
    pub messages: Vec<CaseMessage>,
    pub exported_at: String,
    pub exported_by: String,
}

/// The case: its metadata, and the blocks of its PDF.
pub struct Case {
    pub metadata: CaseMetadata,
    blocks: Vec<Block>,
}

impl Case {
    pub fn pdf(&self) -> Vec<u8> {
        render(&format!("Sak {}", self.metadata.case_id), &self.blocks)
    }

    pub fn file_name(&self, extension: &str) -> String {
        format!("bosettingssak-{}.{extension}", self.metadata.case_id)
    }
}

fn letter_blocks(letter: &Letter, blocks: &mut Vec<Block>) {
    blocks.push(Block::Heading(letter.title.clone()));
    blocks.push(Block::Fields(letter.fields.clone()));
    blocks.extend(letter.paragraphs.iter().cloned().map(Block::Paragraph));
    if !letter.members.is_empty() {
        blocks.push(household(&letter.members));
    }
}

fn thread_blocks(title: &str, messages: &[MessageRecord], blocks: &mut Vec<Block>) {
    blocks.push(Block::Heading(title.to_owned()));
    if messages.is_empty() {
        blocks.push(Block::Paragraph("Ingen meldinger.".into()));
    }
    for message in messages {
        let side = Lang::Nb.text(&format!("threads.side.{}", message.fields.author_side));
        blocks.push(Block::Fields(vec![(
            format!("{side} · {}", message.fields.author),
            display_timestamp(&message.created_at),
        )]));
        blocks.push(Block::Paragraph(message.fields.body.clone()));
    }
}

/// The accepted offer's case as the caller may export it; the export is logged in `format`.
pub async fn case(store: &Store, caller: &Caller, id: i64, format: &str) -> ApiResult<Case> {
    let offer = load(store, caller, id).await?;
    if status(&offer) != OfferStatus::Accepted {
        return Err(ApiError::conflict(Problem::ExportNeedsYes));
    }
    let members = store.settlement_offer_members(id).await?;
    let municipality_name = store
        .municipality(&offer.municipality_number, &today().to_string())
        .await
        .map(|found| found.name)
        .unwrap_or_default();
    let offered_on = parse_date(&offer.offered_on).unwrap_or_else(today);
    let household_rows: Vec<(String, String)> = members
        .iter()
        .map(|member| {
            let age = parse_date(&member.birth_date).map_or(0, |birth| age_on(birth, offered_on));
            (
                format!("{age} år"),
                Lang::Nb
                    .text(&format!("residents.gender.{}", member.gender))
                    .to_owned(),
            )
        })
        .collect();
    let mut documents = vec![CaseDocument {
        kind: "offer".into(),
        title: format!("Tilbud om bosetting {id}"),
        date: Some(offer.offered_on.clone()),
    }];
    let mut blocks = vec![
        Block::Title(format!("Bosettingssak – tilbud {id}")),
        Block::Fields(vec![
            (
                "Kommune".into(),
                format!("{municipality_name} ({})", offer.municipality_number),
            ),
            ("År".into(), offer.year.to_string()),
            ("Antall personer".into(), offer.persons.to_string()),
        ]),
        Block::Heading(format!("Tilbud om bosetting {id}")),
        Block::Fields(vec![
            ("Tilbudt".into(), show_date(&offer.offered_on)),
            ("Svarfrist".into(), show_date(&offer.deadline)),
            ("Svar".into(), "Ja".into()),
            (
                "Svardato".into(),
                offer
                    .answered_on
                    .as_deref()
                    .map(show_date)
                    .unwrap_or_default(),
            ),
        ]),
        household(&household_rows),
    ];
    if let Some(decision) = store
        .settlement_decisions(offer.year, Some(&offer.municipality_number))
        .await?
        .into_iter()
        .next()
    {
        let title = format!("Kommunens vedtak om bosetting {}", offer.year);
        blocks.push(Block::Heading(title.clone()));
        blocks.push(Block::Fields(vec![
            (
                "Antall personer".into(),
                decision.numbers.persons.to_string(),
            ),
            (
                "Av dem enslige mindreårige".into(),
                decision.numbers.unaccompanied_minors.to_string(),
            ),
            (
                "Godkjent".into(),
                if decision.is_approved() { "Ja" } else { "Nei" }.into(),
            ),
        ]));
        documents.push(CaseDocument {
            kind: "municipal_decision".into(),
            title,
            date: None,
        });
    }
    if let Some(decided_on) = &offer.decided_on {
        documents.push(CaseDocument {
            kind: "settlement_decision".into(),
            title: format!("IMDis vedtak om bosetting, tilbud {id}"),
            date: Some(decided_on.clone()),
        });
        let mut recipients = vec![Recipient::Municipality];
        if matches!(caller.role, Role::Admin | Role::Imdi) {
            recipients.extend(
                members
                    .iter()
                    .map(|member| Recipient::Resident(member.resident_id)),
            );
        }
        for recipient in recipients {
            let letter = compose(store, &offer, &members, decided_on, recipient).await?;
            letter_blocks(&letter, &mut blocks);
            documents.push(CaseDocument {
                kind: "letter".into(),
                title: letter.title.clone(),
                date: Some(decided_on.clone()),
            });
        }
    }
    let mut messages = Vec::new();
    for (channel, title) in [
        ("imdi", "Tråd: IMDi og kommunen"),
        ("centre", "Tråd: kommunen og mottaket"),
    ] {
        let thread = store.offer_messages(id, channel).await?;
        thread_blocks(title, &thread, &mut blocks);
        messages.extend(thread.into_iter().map(|message| CaseMessage {
            channel: message.fields.channel,
            author_side: message.fields.author_side,
            author: message.fields.author,
            created_at: message.created_at,
        }));
    }
    let metadata = CaseMetadata {
        case_id: id,
        municipality_number: offer.municipality_number.clone(),
        municipality_name,
        year: offer.year,
        persons: offer.persons,
        offered_on: offer.offered_on.clone(),
        deadline: offer.deadline.clone(),
        answered_on: offer.answered_on.clone(),
        decided_on: offer.decided_on.clone(),
        documents,
        messages,
        exported_at: mottak_store::timestamp(chrono::Utc::now()),
        exported_by: caller.display_name.clone(),
    };
    let mut tx = store.begin_write().await?;
    tx.record(
        event(
            caller,
            "settlement_case.exported",
            "settlement_offer",
            id,
            &offer.municipality_number,
        )
        .summary(serde_json::json!({
            "format": format,
            "documents": metadata.documents.len(),
            "messages": metadata.messages.len(),
        })),
    )
    .await?;
    tx.commit().await?;
    Ok(Case { metadata, blocks })
}
