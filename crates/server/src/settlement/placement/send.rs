//! R-SET-9 → R-SET-3: a person sends the accepted proposal as offers. Each pair goes through
//! `offers::create_offer`, so the same checks (approved decision, room, the household not
//! already held), events and dashboard notifications apply; each offer is its own write, and
//! the answer names exactly which pairs were offered and which were refused and why.

use mottak_domain::error::{FieldError, FieldErrors, Problem};
use mottak_domain::settlement::offers::validate_deadline;
use mottak_store::Store;
use serde::{Deserialize, Serialize};

use crate::auth::Caller;
use crate::error::{ApiError, ApiResult};
use crate::occupancy::today;
use crate::settlement::offers::{OfferInput, create_offer};

#[derive(Clone, Debug, Deserialize, Serialize, utoipa::ToSchema)]
pub struct PairInput {
    pub household: String,
    pub municipality_number: String,
}

#[derive(Clone, Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct SendInput {
    /// Defaults to the current year.
    pub year: Option<i64>,
    /// The last day to answer, for every offer.
    #[schema(format = Date)]
    pub deadline: String,
    /// The accepted proposal's pairs.
    pub assignments: Vec<PairInput>,
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct SentOffer {
    pub household: String,
    pub municipality_number: String,
    pub offer_id: i64,
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct RefusedOffer {
    pub household: String,
    pub municipality_number: String,
    /// The HTTP status the offer alone would have had (400, 409).
    pub status: u16,
    pub field: Option<String>,
    pub detail: String,
    /// Why, as a code (the page words it in the user's language).
    #[serde(skip)]
    pub problem: Problem,
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct SendResult {
    pub created: Vec<SentOffer>,
    pub failed: Vec<RefusedOffer>,
}

/// 400 naming `deadline` or `assignments` before anything is written; otherwise one offer per
/// pair, in order, each mailed to the municipality with links under `public_url`.
pub async fn send_offers(
    store: &Store,
    caller: &Caller,
    input: &SendInput,
    public_url: &str,
) -> ApiResult<SendResult> {
    let mut errors = FieldErrors::default();
    errors.check(validate_deadline(&input.deadline, today()));
    if input.assignments.is_empty() {
        errors.push(FieldError::coded("assignments", Problem::Required));
    }
    errors
        .into_result(|| ())
        .map_err(ApiError::invalid_fields)?;
    let mut result = SendResult {
        created: Vec::new(),
        failed: Vec::new(),
    };
    for pair in &input.assignments {
        let offer = OfferInput {
            municipality_number: pair.municipality_number.trim().to_owned(),
            household: pair.household.trim().to_owned(),
            deadline: input.deadline.clone(),
            year: input.year,
        };
        match create_offer(store, caller, &offer, public_url).await {
            Ok(offer_id) => result.created.push(SentOffer {
                household: offer.household,
                municipality_number: offer.municipality_number,
                offer_id,
            }),
            Err(error @ (ApiError::Invalid { .. } | ApiError::Conflict { .. })) => {
                let problem = match &error {
                    ApiError::Conflict { problem, .. } => problem.clone(),
                    ApiError::Invalid { errors, .. } => errors
                        .first()
                        .map_or(Problem::Required, |first| first.problem.clone()),
                    _ => unreachable!("matched above"),
                };
                result.failed.push(RefusedOffer {
                    household: offer.household,
                    municipality_number: offer.municipality_number,
                    status: error.status().as_u16(),
                    field: error.field().map(str::to_owned),
                    detail: error.to_string(),
                    problem,
                })
            }
            Err(other) => return Err(other),
        }
    }
    Ok(result)
}
