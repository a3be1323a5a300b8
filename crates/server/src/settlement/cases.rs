//! R-SET-1, R-SET-2: IMDi's yearly requests and the municipalities' decisions.

use mottak_domain::access::MunicipalPermission;
use mottak_domain::error::Problem;
use mottak_domain::settlement::validate_numbers;
use mottak_store::Store;
use mottak_store::events::NewEvent;
use mottak_store::settlement::{DecisionRecord, NewYearlyNumbers, RequestRecord};
use serde::{Deserialize, Serialize};

use super::mails::{self, RequestFacts};
use super::{covers, event, known_municipality, municipality_scope, require};
use crate::auth::Caller;
use crate::error::{ApiError, ApiResult};

/// A request or a decision as given: a year, a municipality, persons, of them unaccompanied
/// minors. Members are optional so that a missing one is named with the others.
#[derive(Clone, Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct NumbersInput {
    pub year: Option<i64>,
    pub municipality_number: String,
    pub persons: Option<i64>,
    pub unaccompanied_minors: Option<i64>,
}

impl NumbersInput {
    fn validated(&self) -> ApiResult<NewYearlyNumbers> {
        let numbers = validate_numbers(
            self.year,
            &self.municipality_number,
            self.persons,
            self.unaccompanied_minors,
        )
        .map_err(ApiError::invalid_fields)?;
        Ok(NewYearlyNumbers {
            year: numbers.year,
            municipality_number: numbers.municipality_number,
            persons: numbers.persons,
            unaccompanied_minors: numbers.unaccompanied_minors,
        })
    }
}

/// A decision as read.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct DecisionView {
    pub id: i64,
    pub year: i64,
    pub municipality_number: String,
    pub persons: i64,
    pub unaccompanied_minors: i64,
    pub approved: bool,
}

impl From<&DecisionRecord> for DecisionView {
    fn from(record: &DecisionRecord) -> DecisionView {
        DecisionView {
            id: record.id,
            year: record.numbers.year,
            municipality_number: record.numbers.municipality_number.clone(),
            persons: record.numbers.persons,
            unaccompanied_minors: record.numbers.unaccompanied_minors,
            approved: record.is_approved(),
        }
    }
}

/// A municipality's year: IMDi's request against the municipality's decision (either may be
/// missing), and its official mailbox.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct YearView {
    pub municipality_number: String,
    pub year: i64,
    /// The request's id; null when IMDi has sent none.
    pub id: Option<i64>,
    pub persons: Option<i64>,
    pub unaccompanied_minors: Option<i64>,
    pub decision: Option<DecisionView>,
    pub postmottak: Option<String>,
}

/// R-SET-1: IMDi's request; a second for the same municipality and year is 409.
/// The request is mailed to the municipality's official mailbox and its caseworkers with the
/// offers permission (R-SET-1a), queued in the same write.
pub async fn create_request(
    store: &Store,
    caller: &Caller,
    input: &NumbersInput,
    public_url: &str,
) -> ApiResult<i64> {
    let request = input.validated()?;
    write_numbers(store, caller, &request, Yearly::Request { public_url }).await
}

/// R-SET-2: the municipality's decision, by a caseworker of that municipality with the offers
/// permission; another municipality's is 403, a second for the year 409.
pub async fn create_decision(
    store: &Store,
    caller: &Caller,
    input: &NumbersInput,
) -> ApiResult<i64> {
    require(caller, MunicipalPermission::OffersAndDecisions)?;
    let decision = input.validated()?;
    if !covers(caller, &decision.municipality_number) {
        return Err(ApiError::Forbidden(
            "a municipality decides for itself only".to_owned(),
        ));
    }
    write_numbers(store, caller, &decision, Yearly::Decision).await
}

/// Which of a municipality's yearly numbers a write makes; a request is mailed with links
/// under `public_url`.
#[derive(Clone, Copy)]
enum Yearly<'a> {
    Request { public_url: &'a str },
    Decision,
}

impl Yearly<'_> {
    fn entity(self) -> &'static str {
        match self {
            Yearly::Request { .. } => "settlement_request",
            Yearly::Decision => "settlement_decision",
        }
    }
}

/// One request or decision per municipality and year: a second is 409 naming `year`.
async fn write_numbers(
    store: &Store,
    caller: &Caller,
    numbers: &NewYearlyNumbers,
    kind: Yearly<'_>,
) -> ApiResult<i64> {
    known_municipality(store, "municipality_number", &numbers.municipality_number).await?;
    let mut tx = store.begin_write().await?;
    let inserted = match kind {
        Yearly::Request { .. } => tx.insert_settlement_request(numbers).await,
        Yearly::Decision => tx.insert_settlement_decision(numbers).await,
    };
    let id = inserted.map_err(|error| match error {
        mottak_store::StoreError::Conflict(_) => ApiError::conflict_at(
            "year",
            Problem::YearlyExists {
                decision: matches!(kind, Yearly::Decision),
            },
        ),
        other => other.into(),
    })?;
    if let Yearly::Request { public_url } = kind {
        let users = tx.users_with_email().await?;
        queue_request_mail(&mut tx, &users, id, numbers, public_url).await?;
    }
    tx.record(created_event(caller, kind.entity(), id, numbers))
        .await?;
    tx.commit().await?;
    Ok(id)
}

/// R-SET-1a: queues the request's mail to the municipality (figures and a link only).
pub(super) async fn queue_request_mail(
    tx: &mut mottak_store::WriteTx,
    users: &[mottak_store::users::UserRecord],
    id: i64,
    numbers: &NewYearlyNumbers,
    public_url: &str,
) -> ApiResult<usize> {
    let facts = RequestFacts {
        year: numbers.year,
        persons: numbers.persons,
        unaccompanied_minors: numbers.unaccompanied_minors,
    };
    Ok(mails::queue_request(
        tx,
        users,
        id,
        &numbers.municipality_number,
        &facts,
        public_url,
    )
    .await?)
}

/// `settlement_request.created` or `settlement_decision.created` with the numbers.
pub(super) fn created_event(
    caller: &Caller,
    entity: &str,
    id: i64,
    numbers: &NewYearlyNumbers,
) -> NewEvent {
    event(
        caller,
        &format!("{entity}.created"),
        entity,
        id,
        &numbers.municipality_number,
    )
    .summary(serde_json::json!({
        "year": numbers.year,
        "municipality_number": numbers.municipality_number,
        "persons": numbers.persons,
        "unaccompanied_minors": numbers.unaccompanied_minors,
    }))
}

/// R-SET-2: approving sends the decision to IMDi; another municipality's decision is 404.
pub async fn approve_decision(store: &Store, caller: &Caller, id: i64) -> ApiResult<DecisionView> {
    require(caller, MunicipalPermission::OffersAndDecisions)?;
    let decision = store.settlement_decision(id).await?;
    if !covers(caller, &decision.numbers.municipality_number) {
        return Err(ApiError::NotFound);
    }
    if !decision.is_approved() {
        let mut tx = store.begin_write().await?;
        tx.approve_settlement_decision(id).await?;
        tx.record(
            event(
                caller,
                "settlement_decision.approved",
                "settlement_decision",
                id,
                &decision.numbers.municipality_number,
            )
            .summary(serde_json::json!({ "year": decision.numbers.year, "persons": decision.numbers.persons })),
        )
        .await?;
        tx.commit().await?;
    }
    Ok(DecisionView::from(&store.settlement_decision(id).await?))
}

/// A year's requests against decisions: every municipality with either for IMDi, the own one
/// for a municipality.
pub async fn year_overview(store: &Store, caller: &Caller, year: i64) -> ApiResult<Vec<YearView>> {
    let scope = municipality_scope(caller);
    let requests: Vec<RequestRecord> = store.settlement_requests(year, scope).await?;
    let decisions = store.settlement_decisions(year, scope).await?;
    let profiles = store.settlement_profiles().await?;
    let mut numbers: Vec<&str> = requests
        .iter()
        .map(|request| request.numbers.municipality_number.as_str())
        .chain(
            decisions
                .iter()
                .map(|decision| decision.numbers.municipality_number.as_str()),
        )
        .collect();
    numbers.sort_unstable();
    numbers.dedup();
    Ok(numbers
        .into_iter()
        .map(|number| {
            let request = requests
                .iter()
                .find(|request| request.numbers.municipality_number == number);
            YearView {
                municipality_number: number.to_owned(),
                year,
                id: request.map(|request| request.id),
                persons: request.map(|request| request.numbers.persons),
                unaccompanied_minors: request.map(|request| request.numbers.unaccompanied_minors),
                decision: decisions
                    .iter()
                    .find(|decision| decision.numbers.municipality_number == number)
                    .map(DecisionView::from),
                postmottak: profiles
                    .iter()
                    .find(|profile| profile.municipality_number == number)
                    .map(|profile| profile.postmottak.clone()),
            }
        })
        .collect())
}
