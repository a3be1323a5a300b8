//! Stored monthly claims (R-CLM-5, R-CLM-6, R-AGR-3), shared by the API, the pages and the demo.
//! One shape: under the write lock, load the centre's agreements and its approved month → the
//! simulation's request (`domain::claims::stored`) → the same parse and engine as
//! `POST /api/v1/claims/simulate` → one write of the lines, warnings, days and the event.

use chrono::NaiveDate;
use mottak_domain::agreements::{AgreementTerms, PaymentPeriod, Price};
use mottak_domain::claims::stored::{
    ClaimedCentre, PriceChange, StoredAgreement, StoredComputation, compute_stored,
};
use mottak_domain::claims::{ClaimLine, LineKind};
use mottak_domain::dates::Month;
use mottak_domain::error::Problem;
use mottak_domain::money::Ore;
use mottak_store::claims::{NewClaim, StoredClaim, StoredLine};
use mottak_store::events::{EventDomain, NewEvent};
use mottak_store::registry::{CentreRecord, OperatorRecord};
use mottak_store::{Store, WriteTx};

use crate::auth::Caller;
use crate::error::{ApiError, ApiResult};
use crate::occupancy::{claim_window_closes, place_type, today};
use crate::routes::registry::accounting;

/// Why a claim cannot be made (409 in the API, a message beside the month on the page).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ClaimRefusal {
    /// The month has its claim already.
    AlreadyMade { claim: i64 },
    /// R-OCC-3: only approved months are claimed.
    NotApproved,
    /// R-CLM-6: the window closed on this day.
    WindowClosed { closed: NaiveDate },
}

impl ClaimRefusal {
    /// The reason as the API names it.
    pub fn code(self) -> &'static str {
        match self {
            ClaimRefusal::AlreadyMade { .. } => "already_made",
            ClaimRefusal::NotApproved => "not_approved",
            ClaimRefusal::WindowClosed { .. } => "window_closed",
        }
    }

    pub fn into_api(self, month: Month) -> ApiError {
        ApiError::conflict_at("month", self.problem(month))
    }

    /// The refusal as a code (409).
    pub fn problem(self, month: Month) -> Problem {
        let month = month.to_string();
        match self {
            ClaimRefusal::AlreadyMade { claim } => Problem::ClaimMade { month, claim },
            ClaimRefusal::NotApproved => Problem::MonthNotApproved { month },
            ClaimRefusal::WindowClosed { closed } => Problem::ClaimWindowClosed {
                closed: closed.to_string(),
            },
        }
    }
}

/// Makes and stores the centre's claim for `month`: 409 with the reason when the month already
/// has a claim, when its occupancy is not approved (R-OCC-3) or when the claim window has closed
/// (R-CLM-6). Claims the centre's flagged earlier months' differences back as credit lines
/// (R-AGR-3). Returns the new claim's id, or why it cannot be made.
pub async fn make_claim(
    store: &Store,
    caller: &Caller,
    centre: &CentreRecord,
    operator: &OperatorRecord,
    month: Month,
) -> ApiResult<Result<i64, ClaimRefusal>> {
    let mut tx = store.begin_write().await?;
    let made = claim_in(&mut tx, caller, centre, operator, month).await?;
    if made.is_ok() {
        tx.commit().await?;
    }
    Ok(made)
}

/// Makes the month's claim of each centre that can be claimed, in one transaction (an
/// operator's or a region's whole month at once): per centre its claim's id or why not.
pub async fn make_claims(
    store: &Store,
    caller: &Caller,
    centres: &[(CentreRecord, OperatorRecord)],
    month: Month,
) -> ApiResult<Vec<(i64, Result<i64, ClaimRefusal>)>> {
    let mut tx = store.begin_write().await?;
    let mut outcomes = Vec::with_capacity(centres.len());
    for (centre, operator) in centres {
        outcomes.push((
            centre.id,
            claim_in(&mut tx, caller, centre, operator, month).await?,
        ));
    }
    if outcomes.iter().any(|(_, made)| made.is_ok()) {
        tx.commit().await?;
    }
    Ok(outcomes)
}

/// One claim inside the caller's write transaction, with its event; not committed.
async fn claim_in(
    tx: &mut WriteTx,
    caller: &Caller,
    centre: &CentreRecord,
    operator: &OperatorRecord,
    month: Month,
) -> ApiResult<Result<i64, ClaimRefusal>> {
    if let Some(claim) = tx.claim_of_month(centre.id, month).await? {
        return Ok(Err(ClaimRefusal::AlreadyMade { claim }));
    }
    if let Some(closed) = claim_window_closes(tx, centre.id).await?
        && today() >= closed
    {
        return Ok(Err(ClaimRefusal::WindowClosed { closed }));
    }
    let stored_month = tx
        .centre_month(centre.id, place_type(centre), month)
        .await?;
    if stored_month.approval.is_none() {
        return Ok(Err(ClaimRefusal::NotApproved));
    }
    let days: Vec<(NaiveDate, u32)> = stored_month.occupancy.totals();
    let agreements = tx.agreements_for_claim(centre.id).await?;
    let changes = tx.price_changes(centre.id).await?;
    let computed = compute(centre, month, &agreements, &changes, &days)?;
    let mut lines = stored_lines(&computed, month, centre.id, &agreements);
    let credited = credit_lines(tx, centre, &agreements, &changes, &mut lines).await?;

    let accounting = accounting(centre, operator);
    let id = tx
        .insert_claim(&NewClaim {
            centre_id: centre.id,
            month,
            complete: accounting.complete,
            missing: &accounting.missing,
            created_by: &caller.username,
            lines: &lines,
            warnings: &computed.claim.warnings,
            days: &days,
        })
        .await?;
    tx.mark_credited(&credited, id).await?;
    let total: Ore = lines.iter().map(|line| line.line.amount).sum();
    tx.record(
        NewEvent::new(
            &caller.actor(),
            EventDomain::Registry,
            "claim.created",
            "claim",
            id,
        )
        .in_region(Some(centre.fields.region.clone()))
        .in_operator(Some(operator.dro()))
        .summary(serde_json::json!({
            "centre": centre.number,
            "month": month.to_string(),
            "total": total.0,
            "complete": accounting.complete,
            "credits": credited,
        })),
    )
    .await?;
    Ok(Ok(id))
}

/// The month's claim from the centre's stored agreements and the given days, by the
/// simulation's parse and engine, with the fixed transfers its payment terms put in the month.
fn compute(
    centre: &CentreRecord,
    month: Month,
    agreements: &[(i64, AgreementTerms)],
    changes: &[PriceChange],
    days: &[(NaiveDate, u32)],
) -> ApiResult<StoredComputation> {
    let stored: Vec<StoredAgreement<'_>> = agreements
        .iter()
        .map(|(id, terms)| StoredAgreement { id: *id, terms })
        .collect();
    let centre = ClaimedCentre {
        id: centre.id,
        place_type: place_type(centre),
    };
    compute_stored(month, centre, &stored, changes, days).map_err(|error| {
        ApiError::conflict(Problem::AgreementsUnclaimable {
            problem: Box::new(error.problem),
        })
    })
}

/// The engine's lines, each with the agreements it pays, then the scheduled fixed transfers,
/// each with its agreement and the month it covers.
fn stored_lines(
    computed: &StoredComputation,
    month: Month,
    centre_id: i64,
    agreements: &[(i64, AgreementTerms)],
) -> Vec<StoredLine> {
    let engine = computed.claim.lines.iter().map(|line| StoredLine {
        agreements: explain(line, month, centre_id, agreements),
        line: line.clone(),
        credits: None,
        covers: None,
    });
    let scheduled = computed.scheduled.iter().map(|scheduled| StoredLine {
        line: scheduled.line.clone(),
        agreements: (agreements.iter())
            .filter(|(id, _)| *id == scheduled.agreement_id)
            .map(|(_, terms)| terms.name.clone())
            .collect(),
        credits: None,
        covers: scheduled.covers,
    });
    engine.chain(scheduled).collect()
}

/// R-AGR-3: each flagged earlier claim is computed again from today's agreements on the days it
/// was made from; the difference (negative when an end moved before claimed days) becomes a
/// credit line. Returns the ids of the claims credited.
async fn credit_lines(
    tx: &mut WriteTx,
    centre: &CentreRecord,
    agreements: &[(i64, AgreementTerms)],
    changes: &[PriceChange],
    lines: &mut Vec<StoredLine>,
) -> ApiResult<Vec<i64>> {
    let mut credited = Vec::new();
    for earlier in tx.claims_to_credit(centre.id).await? {
        let again = compute(centre, earlier.month, agreements, changes, &earlier.days)?;
        let difference = Ore(again.claim.total.0 - earned(&earlier).0);
        if difference != Ore::ZERO {
            lines.push(StoredLine {
                line: ClaimLine {
                    kind: LineKind::Credit,
                    place_type: place_type(centre),
                    priority: None,
                    price: Ore::ZERO,
                    days: 0,
                    quantity: None,
                    amount: difference,
                },
                agreements: Vec::new(),
                credits: Some(earlier.month),
                covers: None,
            });
        }
        credited.push(earlier.id);
    }
    Ok(credited)
}

/// What a stored claim paid for its own month, without the credits it carried for others.
fn earned(claim: &StoredClaim) -> Ore {
    claim
        .lines
        .iter()
        .filter(|line| line.line.kind != LineKind::Credit)
        .map(|line| line.line.amount)
        .sum()
}

/// The names of the agreements a line pays: those in force in the month with that tier's
/// priority in the line's queue, or with that fixed transfer.
fn explain(
    line: &ClaimLine,
    month: Month,
    centre_id: i64,
    agreements: &[(i64, AgreementTerms)],
) -> Vec<String> {
    agreements
        .iter()
        .map(|(_, terms)| terms)
        .filter(|terms| terms.valid_from < month.end() && terms.end() > month.first_day())
        .filter(|terms| {
            terms
                .unit_of(centre_id)
                .is_some_and(|unit| match line.kind {
                    LineKind::FixedOperating => paid_monthly(&unit.fixed_annual_operating),
                    LineKind::FixedRent => paid_monthly(&unit.fixed_annual_rent),
                    LineKind::Meals => unit
                        .meal_tiers
                        .iter()
                        .any(|tier| Some(tier.priority) == line.priority),
                    LineKind::Credit => false,
                    _ => unit
                        .unit_tiers
                        .iter()
                        .any(|tier| Some(tier.priority) == line.priority),
                })
        })
        .map(|terms| terms.name.clone())
        .collect()
}

/// A fixed transfer the engine's line pays: not zero, and paid in the month it earns.
fn paid_monthly(price: &Price) -> bool {
    price.current.0 > 0 && price.payment.period == PaymentPeriod::Monthly
}

/// The claim if the caller's scope covers its centre (404 otherwise), with the centre and its
/// operator.
pub async fn visible_claim(
    store: &Store,
    caller: &Caller,
    id: i64,
) -> ApiResult<(StoredClaim, CentreRecord, OperatorRecord)> {
    let claim = store.claim(id).await?;
    let (centre, operator) = crate::occupancy::load_centre(store, caller, claim.centre_id).await?;
    Ok((claim, centre, operator))
}
