//! R-SET-9 from the register: `/settlement/placement` shows the waiting households and the
//! municipalities' remaining numbers, proposes with scores from the stated criteria or a table,
//! and stays a proposal until a person sends it (`/settlement/placement/send`, with a deadline).

use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::routing::{get, post};
use mottak_domain::access::Capability;
use mottak_domain::error::FieldError;
use serde::Deserialize;

use super::page_forms::typed_count;
use super::placement_form::{pairs, scores};
use crate::auth::allow;
use crate::auth::csrf::CsrfForm;
use crate::error::{ApiError, PageError};
use crate::form_errors::{FormErrors, Labels};
use crate::i18n::problems::problem_text;
use crate::number_format::{decimal, grouped};
use crate::pages::{Page, PageResult, Shell, render, render_form};
use crate::routes::placement::proposal_rows;
use crate::routes::residents::messages::typed_date;
use crate::settlement::placement::send::{SendInput, SendResult, send_offers};
use crate::settlement::placement::{ProposalView, facts, propose};
use crate::settlement::year_or_current;
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/settlement/placement",
            get(show)
                .post(solve)
                .route_layer(allow(Capability::ProposePlacements)),
        )
        .route(
            "/settlement/placement/send",
            post(send).route_layer(allow(Capability::ManageSettlement)),
        )
}

const LABELS: &Labels = &[
    ("year", "settlement.year"),
    ("scoring", "placement.scoring"),
    ("base", "placement.weight_base"),
    ("network", "placement.weight_network"),
    ("language", "placement.weight_language"),
    ("needs", "placement.needs"),
    ("services", "placement.services"),
    ("languages", "placement.languages"),
    ("scores", "placement.score_table"),
    ("time_limit_ms", "placement.time_limit"),
    ("deadline", "settlement.deadline"),
    ("assignments", "placement.assignments"),
];

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct StoredForm {
    pub(super) year: String,
    /// `criteria` or `table`.
    pub(super) scoring: String,
    pub(super) base: String,
    pub(super) network: String,
    pub(super) language: String,
    pub(super) needs: String,
    pub(super) services: String,
    pub(super) languages: String,
    pub(super) scores: String,
    pub(super) time_limit_ms: String,
    pub(super) deadline: String,
    /// `household;municipality` lines of the accepted proposal.
    pub(super) assignments: String,
}

pub struct MunicipalityRow {
    number: String,
    name: String,
    remaining: String,
    proposed: String,
}

pub struct ProposalRow {
    household: String,
    size: i64,
    municipality: String,
    score: String,
}

struct Summary {
    objective: String,
    upper_bound: String,
    gap_percent: String,
    assigned: usize,
    unassigned: usize,
    persons_placed: String,
    seconds: String,
}

#[derive(Template)]
#[template(path = "settlement/placement.html")]
struct StoredPage {
    shell: Shell,
    form: StoredForm,
    errors: FormErrors,
    waiting: usize,
    waiting_persons: String,
    municipalities: Vec<MunicipalityRow>,
    result: Option<Summary>,
    rows: Vec<ProposalRow>,
    /// `household;size;municipality;score` lines for the export.
    export: String,
    sent: Option<SendResult>,
}

async fn page_for(
    state: &AppState,
    shell: Shell,
    form: StoredForm,
    errors: FormErrors,
) -> Result<StoredPage, PageError> {
    let year = year_or_current(form.year.trim().parse().ok());
    let facts = facts(&state.store, year).await?;
    Ok(StoredPage {
        shell: shell.with_title("placement.stored_title"),
        waiting: facts.households.len(),
        waiting_persons: grouped(
            facts
                .households
                .iter()
                .map(|household| household.size().unsigned_abs())
                .sum(),
        ),
        municipalities: facts
            .municipalities
            .iter()
            .map(|municipality| MunicipalityRow {
                number: municipality.number.clone(),
                name: municipality.name.clone(),
                remaining: grouped(municipality.remaining.unsigned_abs()),
                proposed: String::new(),
            })
            .collect(),
        form,
        errors,
        result: None,
        rows: Vec::new(),
        export: String::new(),
        sent: None,
    })
}

async fn show(State(state): State<AppState>, shell: Shell) -> PageResult {
    let form = StoredForm {
        year: year_or_current(None).to_string(),
        scoring: "criteria".into(),
        base: "1".into(),
        network: "2".into(),
        language: "1".into(),
        time_limit_ms: "2000".into(),
        ..StoredForm::default()
    };
    Ok(render(
        &page_for(&state, shell, form, FormErrors::default()).await?,
    ))
}

fn invalid(error: ApiError) -> Result<Vec<FieldError>, PageError> {
    match error {
        ApiError::Invalid { errors, .. } => Ok(errors),
        other => Err(other.into()),
    }
}

async fn solve(
    Page(state, shell, caller): Page,
    CsrfForm(form): CsrfForm<StoredForm>,
) -> PageResult {
    let mut errors = Vec::new();
    let year = typed_count("year", &form.year, &mut errors);
    let time_limit_ms = typed_count("time_limit_ms", &form.time_limit_ms, &mut errors);
    let scores = scores(&form, &mut errors);
    let year = year.map_or(Ok(year_or_current(None)), |year| {
        crate::settlement::queried_year(Some(year))
    });
    let started = std::time::Instant::now();
    let outcome = match (scores, year) {
        (Some(scores), Ok(year)) if errors.is_empty() => Some(
            propose(
                &state.store,
                &caller,
                year,
                &scores,
                time_limit_ms.unwrap_or(2_000),
            )
            .await,
        ),
        (_, Err(error)) => {
            errors.extend(invalid(error)?);
            None
        }
        _ => None,
    };
    let proposal = match outcome {
        Some(Ok((facts, request, response))) => {
            Some(ProposalView::new(&facts, &request, &response))
        }
        Some(Err(error)) => {
            errors.extend(invalid(error)?);
            None
        }
        None => None,
    };
    let seconds = started.elapsed().as_secs_f64();
    let form_errors = FormErrors::localized(errors, shell.lang, LABELS);
    let failed = !form_errors.is_empty();
    let mut page = page_for(&state, shell, form, form_errors).await?;
    if let Some(proposal) = proposal {
        show_proposal(&mut page, &proposal, seconds);
    }
    Ok(render_form(&page, !failed))
}

fn show_proposal(page: &mut StoredPage, proposal: &ProposalView, seconds: f64) {
    for row in &mut page.municipalities {
        if let Some(municipality) = proposal
            .municipalities
            .iter()
            .find(|municipality| municipality.number == row.number)
        {
            row.proposed = grouped(municipality.proposed.unsigned_abs());
        }
    }
    page.rows = proposal
        .assignments
        .iter()
        .map(|assignment| ProposalRow {
            household: assignment.household.clone(),
            size: assignment.size,
            municipality: format!(
                "{} {}",
                assignment.municipality_number, assignment.municipality_name
            ),
            score: decimal(assignment.score, 2),
        })
        .chain(proposal.unassigned.iter().map(|household| ProposalRow {
            household: household.household.clone(),
            size: household.size,
            municipality: "–".into(),
            score: String::new(),
        }))
        .collect();
    page.export = proposal_rows(proposal.assignments.iter().map(|assignment| {
        (
            assignment.household.as_str(),
            assignment.size,
            assignment.municipality_number.as_str(),
            assignment.score,
        )
    }));
    page.form.assignments = proposal
        .assignments
        .iter()
        .map(|assignment| {
            format!(
                "{};{}",
                assignment.household, assignment.municipality_number
            )
        })
        .collect::<Vec<_>>()
        .join("\n");
    page.result = Some(Summary {
        objective: decimal(proposal.objective, 2),
        upper_bound: decimal(proposal.upper_bound, 2),
        gap_percent: decimal(proposal.gap * 100.0, 2),
        assigned: proposal.assignments.len(),
        unassigned: proposal.unassigned.len(),
        persons_placed: grouped(
            proposal
                .assignments
                .iter()
                .map(|assignment| assignment.size.unsigned_abs())
                .sum(),
        ),
        seconds: decimal(seconds, 2),
    });
}

async fn send(
    Page(state, shell, caller): Page,
    CsrfForm(form): CsrfForm<StoredForm>,
) -> PageResult {
    let lang = shell.lang;
    let mut errors = Vec::new();
    let year = typed_count("year", &form.year, &mut errors);
    let assignments = pairs(&form.assignments, &mut errors);
    let input = SendInput {
        year,
        deadline: typed_date(&form.deadline),
        assignments,
    };
    let sent = if errors.is_empty() {
        match send_offers(&state.store, &caller, &input, &state.config.public_url()).await {
            Ok(mut sent) => {
                for failure in &mut sent.failed {
                    failure.detail = problem_text(&failure.problem, lang);
                }
                Some(sent)
            }
            Err(error) => {
                errors.extend(invalid(error)?);
                None
            }
        }
    } else {
        None
    };
    let form_errors = FormErrors::localized(errors, lang, LABELS);
    let valid = form_errors.is_empty();
    let mut form = form;
    if sent.as_ref().is_some_and(|sent| sent.failed.is_empty()) {
        // Everything was offered: nothing is left to send twice.
        form.assignments.clear();
    }
    let mut page = page_for(&state, shell, form, form_errors).await?;
    page.sent = sent;
    Ok(render_form(&page, valid))
}
