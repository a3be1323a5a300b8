//! R-SET-3: IMDi offers a household to a municipality with an approved decision and room left;
//! the municipality sees only what the offer needs (ages on the offer's date, gender, languages,
//! needs; never names, DUF numbers or health details), answers yes or no, and after a no no
//! longer sees the persons.

use mottak_domain::access::{MunicipalPermission, Role};
use mottak_domain::dates::parse_date;
use mottak_domain::error::{FieldError, FieldErrors, Problem};
use mottak_domain::settlement::cases::{validate_municipality_number, validate_year};
use mottak_domain::settlement::offers::validate_deadline;
use mottak_domain::settlement::{OfferStatus, age_on, parse_answer, remaining_room};
use mottak_store::Store;
use mottak_store::settlement::{NewOffer, OfferRecord};
use serde::{Deserialize, Serialize};

use super::mails::{self, OfferFacts};
use super::{covers, event, known_municipality, municipality_scope, require, year_or_current};
use crate::auth::Caller;
use crate::error::{ApiError, ApiResult};
use crate::occupancy::today;

#[derive(Clone, Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct OfferInput {
    pub municipality_number: String,
    /// The residents' household key (SPEC §10 residents).
    pub household: String,
    /// The last day to answer.
    #[schema(format = Date)]
    pub deadline: String,
    /// Defaults to the current year.
    pub year: Option<i64>,
}

#[derive(Clone, Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct AnswerInput {
    /// `yes` or `no`.
    pub answer: String,
    /// Required for `no`.
    pub reason: Option<String>,
}

/// A member as the offer shows them (R-SET-6: no names, DUF numbers or health details).
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct MemberView {
    /// Whole years on the offer's date.
    pub age: i64,
    pub gender: String,
    pub languages: Vec<String>,
    /// Needs that decide the municipality's services.
    pub needs: Vec<String>,
}

/// An offer. `members` is absent after the municipality's no.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct OfferView {
    pub id: i64,
    pub municipality_number: String,
    pub year: i64,
    #[schema(format = Date)]
    pub deadline: String,
    /// `open`, `accepted`, `declined` or `expired`.
    pub status: String,
    /// The household's size.
    pub persons: i64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub members: Option<Vec<MemberView>>,
    /// R-SET-4: the day of IMDi's settlement decision, once made.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(format = Date)]
    pub decided_on: Option<String>,
}

pub(super) fn status(offer: &OfferRecord) -> OfferStatus {
    match parse_date(&offer.deadline) {
        Some(deadline) => OfferStatus::on(&offer.answer, deadline, today()),
        None => OfferStatus::Expired,
    }
}

pub(super) fn summary(offer: &OfferRecord) -> OfferView {
    OfferView {
        id: offer.id,
        municipality_number: offer.municipality_number.clone(),
        year: offer.year,
        deadline: offer.deadline.clone(),
        status: status(offer).code().to_owned(),
        persons: offer.persons,
        members: None,
        decided_on: offer.decided_on.clone(),
    }
}

/// R-SET-3: 409 without an approved decision for the year, for a household already in an open
/// or accepted offer, or when the household is larger than the room left.
/// The municipality is told by e-mail (figures, deadline and a link only), queued in the same
/// write.
pub async fn create_offer(
    store: &Store,
    caller: &Caller,
    input: &OfferInput,
    public_url: &str,
) -> ApiResult<i64> {
    let today = today();
    let mut errors = FieldErrors::default();
    let municipality = errors.check(validate_municipality_number(
        "municipality_number",
        &input.municipality_number,
    ));
    let household = input.household.trim().to_owned();
    if household.is_empty() {
        errors.push(FieldError::coded("household", Problem::Required));
    }
    let deadline = errors.check(validate_deadline(&input.deadline, today));
    let year = match input.year {
        Some(year) => errors.check(validate_year("year", Some(year))),
        None => Some(year_or_current(None)),
    };
    let (municipality, deadline, year) = errors
        .into_result(|| {
            (
                municipality.unwrap_or_default(),
                deadline.unwrap_or(today),
                year.unwrap_or_default(),
            )
        })
        .map_err(ApiError::invalid_fields)?;
    known_municipality(store, "municipality_number", &municipality).await?;
    let members = store.residents_of_household(&household).await?;
    if members.is_empty() {
        return Err(ApiError::invalid_fields(vec![FieldError::coded(
            "household",
            Problem::UnknownHousehold,
        )]));
    }
    let decided = store
        .settlement_decisions(year, Some(&municipality))
        .await?
        .into_iter()
        .find(|decision| decision.is_approved())
        .ok_or_else(|| {
            ApiError::conflict_at(
                "municipality_number",
                Problem::NoApprovedDecision {
                    number: municipality.to_string(),
                    year,
                },
            )
        })?;
    let persons = i64::try_from(members.len()).unwrap_or(i64::MAX);
    let mut tx = store.begin_write().await?;
    if tx
        .offers_naming(&household)
        .await?
        .iter()
        .any(|offer| status(offer).holds_room())
    {
        return Err(ApiError::conflict_at(
            "household",
            Problem::HouseholdInOffer,
        ));
    }
    let held: Vec<(i64, OfferStatus)> = tx
        .settlement_offers_for_room(year, &municipality)
        .await?
        .iter()
        .map(|offer| (offer.persons, status(offer)))
        .collect();
    let room = remaining_room(decided.numbers.persons, &held);
    if persons > room {
        return Err(ApiError::conflict_at(
            "household",
            Problem::HouseholdTooLarge { persons, room },
        ));
    }
    let id = tx
        .insert_settlement_offer(&NewOffer {
            year,
            municipality_number: municipality.clone(),
            household,
            offered_on: today.to_string(),
            deadline: deadline.to_string(),
            resident_ids: members.iter().map(|member| member.id).collect(),
        })
        .await?;
    let facts = OfferFacts {
        offer_id: id,
        year,
        households: 1,
        persons,
        deadline,
    };
    let mails = mails::queue_offer(&mut tx, &municipality, &facts, public_url).await?;
    tx.record(
        event(
            caller,
            "settlement_offer.created",
            "settlement_offer",
            id,
            &municipality,
        )
        .summary(serde_json::json!({
            "year": year,
            "persons": persons,
            "deadline": deadline.to_string(),
            "mails": mails,
        })),
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// The offer if the caller's scope covers it (another municipality: 404).
pub(super) async fn load(store: &Store, caller: &Caller, id: i64) -> ApiResult<OfferRecord> {
    require(caller, MunicipalPermission::OffersAndDecisions)?;
    let offer = store.settlement_offer(id).await?;
    if !covers(caller, &offer.municipality_number) {
        return Err(ApiError::NotFound);
    }
    Ok(offer)
}

/// The offer with its members while the caller may see them; showing them is a read of
/// personal data and logged (R-AUTH-5).
pub async fn read_offer(store: &Store, caller: &Caller, id: i64) -> ApiResult<OfferView> {
    let offer = load(store, caller, id).await?;
    let mut view = summary(&offer);
    let municipal = caller.role == Role::Municipality;
    if municipal && !status(&offer).shows_members() {
        return Ok(view);
    }
    let offered_on = parse_date(&offer.offered_on).unwrap_or_else(today);
    let members = store.settlement_offer_members(id).await?;
    // Languages from the folders (R-SET-6 lets the offer show them); health needs never.
    let languages = store.offer_member_languages(id).await?;
    let languages_of = |resident: i64| -> Vec<String> {
        languages
            .iter()
            .find(|(member, _)| *member == resident)
            .and_then(|(_, stored)| serde_json::from_str(stored).ok())
            .unwrap_or_default()
    };
    view.members = Some(
        members
            .iter()
            .map(|member| MemberView {
                age: parse_date(&member.birth_date).map_or(0, |birth| age_on(birth, offered_on)),
                gender: member.gender.clone(),
                languages: languages_of(member.resident_id),
                needs: Vec::new(),
            })
            .collect(),
    );
    let mut tx = store.begin_write().await?;
    tx.record(
        event(
            caller,
            "settlement_offer.read",
            "settlement_offer",
            id,
            &offer.municipality_number,
        )
        .summary(serde_json::json!({ "members": members.len() })),
    )
    .await?;
    tx.commit().await?;
    Ok(view)
}

/// R-SET-3: yes or no (a no with its reason) while the offer is open; otherwise 409.
pub async fn answer_offer(
    store: &Store,
    caller: &Caller,
    id: i64,
    input: &AnswerInput,
) -> ApiResult<OfferView> {
    let offer = load(store, caller, id).await?;
    let answer = parse_answer(&input.answer, input.reason.as_deref())
        .map_err(|error| ApiError::invalid_fields(vec![error]))?;
    let current = status(&offer);
    if current != OfferStatus::Open {
        return Err(ApiError::conflict_at(
            "answer",
            Problem::OfferNotOpen {
                status: current.code().to_owned(),
            },
        ));
    }
    let reason = match &answer {
        mottak_domain::settlement::Answer::No { reason } => Some(reason.as_str()),
        mottak_domain::settlement::Answer::Yes => None,
    };
    let mut tx = store.begin_write().await?;
    if !tx
        .answer_settlement_offer(id, answer.stored(), reason, &today().to_string())
        .await?
    {
        return Err(ApiError::conflict_at("answer", Problem::OfferAnswered));
    }
    tx.record(
        event(
            caller,
            "settlement_offer.answered",
            "settlement_offer",
            id,
            &offer.municipality_number,
        )
        .summary(serde_json::json!({ "answer": answer.stored() })),
    )
    .await?;
    tx.commit().await?;
    Ok(summary(&store.settlement_offer(id).await?))
}

/// A year's offers without their persons: all for IMDi, the own for a municipality.
pub async fn list_offers(store: &Store, caller: &Caller, year: i64) -> ApiResult<Vec<OfferView>> {
    require(caller, MunicipalPermission::OffersAndDecisions)?;
    let offers = store
        .settlement_offers(year, municipality_scope(caller))
        .await?;
    Ok(offers.iter().map(summary).collect())
}
