//! The placement page: IMDi pastes an instance (JSON as the API takes it, or two CSV tables) and
//! sees the proposal — per household the municipality, its score and the next-best
//! alternatives — with the objective, the proven bound and the gap. Works without JavaScript.

use std::collections::HashMap;
use std::time::Instant;

use askama::Template;
use axum::Router;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use serde::Deserialize;

use super::paste::{choices, from_csv};
use super::{municipality_names, proposal_rows, run_solver};
use crate::auth::allow;
use crate::auth::csrf::CsrfForm;
use crate::error::ApiError;
use crate::form_errors::{FormErrors, Labels};
use crate::json::parse_json;
use crate::number_format::{decimal, grouped};
use crate::pages::{PageResult, Shell, render};
use crate::state::AppState;
use axum::extract::State;
use mottak_domain::access::Capability;
use mottak_domain::error::{FieldError, Problem};

pub fn router() -> Router<AppState> {
    Router::new().route(
        "/placement",
        get(page)
            .post(solve_form)
            .route_layer(allow(Capability::ProposePlacements)),
    )
}

/// Rows shown at most; the rest are summarised.
const SHOWN: usize = 500;

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct PlacementForm {
    /// `json` or `csv`.
    pub(super) source: String,
    pub(super) json: String,
    pub(super) capacities: String,
    pub(super) scores: String,
    /// `household;municipality` lines: only that municipality for the household.
    pub(super) pins: String,
    /// `household;municipality` lines: pairs not to use.
    pub(super) forbidden: String,
    pub(super) time_limit_ms: String,
}

const LABELS: &Labels = &[
    ("source", "placement.source"),
    ("capacities", "placement.capacities"),
    ("scores", "placement.scores"),
    ("json", "placement.json"),
    ("pins", "placement.pins"),
    ("forbidden", "placement.forbidden"),
    ("time_limit_ms", "placement.time_limit"),
];

pub struct Row {
    household: String,
    size: i64,
    municipality: String,
    score: String,
    alternatives: String,
}

#[derive(Template)]
#[template(path = "placement.html")]
struct PlacementPage {
    shell: Shell,
    form: PlacementForm,
    errors: FormErrors,
    result: Option<Summary>,
    /// `household;size;municipality;score` lines for the export.
    export: String,
    rows: Vec<Row>,
    hidden_rows: usize,
}

struct Summary {
    objective: String,
    upper_bound: String,
    gap_percent: String,
    assigned: String,
    unassigned: String,
    persons_placed: String,
    seconds: String,
}

fn empty(shell: Shell, form: PlacementForm) -> PlacementPage {
    PlacementPage {
        shell: shell.with_title("placement.title"),
        form,
        errors: FormErrors::default(),
        result: None,
        export: String::new(),
        rows: Vec::new(),
        hidden_rows: 0,
    }
}

async fn page(shell: Shell) -> Response {
    let form = PlacementForm {
        source: "csv".into(),
        time_limit_ms: "2000".into(),
        ..PlacementForm::default()
    };
    render(&empty(shell, form))
}

async fn solve_form(
    State(state): State<AppState>,
    shell: Shell,
    CsrfForm(form): CsrfForm<PlacementForm>,
) -> PageResult {
    let lang = shell.lang;
    let names = municipality_names(&state).await?;
    let mut page = empty(shell, form.clone());
    let mut errors: Vec<FieldError> = Vec::new();
    let time_limit_ms = match form.time_limit_ms.trim() {
        "" => 2_000,
        text => text.replace(' ', "").parse::<i64>().unwrap_or_else(|_| {
            errors.push(FieldError::coded("time_limit_ms", Problem::WholeNumber));
            2_000
        }),
    };
    let json = form.source == "json";
    let request = if json {
        match parse_json::<super::SolveBody>(form.json.as_bytes())
            .and_then(|body| body.into_request())
        {
            Ok((request, _)) => Some(request),
            Err(error) => {
                errors.extend(on_field("json", error)?);
                None
            }
        }
    } else {
        Some(from_csv(&form, time_limit_ms, &names, &mut errors))
    };
    let choices = choices(&form, &mut errors);
    if let Some(request) = &request
        && (request.households.is_empty() || request.municipalities.is_empty())
        && errors
            .iter()
            .all(|error| error.field != "capacities" && error.field != "scores")
    {
        // Nothing to place: a clear error, not a "proposal" of nothing.
        let field = if json {
            "json"
        } else if request.municipalities.is_empty() {
            "capacities"
        } else {
            "scores"
        };
        errors.push(FieldError::coded(field, Problem::NothingToPlace));
    }
    let fail = |mut page: PlacementPage, errors: Vec<FieldError>| {
        page.errors = FormErrors::localized(errors, lang, LABELS);
        Ok((StatusCode::BAD_REQUEST, render(&page)).into_response())
    };
    let request = match request {
        Some(request) if errors.is_empty() => request,
        _ => return fail(page, errors),
    };
    let request = match request.with_choices(&choices) {
        Ok(request) => request,
        Err(invalid) => {
            let field = if invalid.field.starts_with("pins") {
                "pins"
            } else {
                "forbidden"
            };
            return fail(page, vec![FieldError::coded(field, invalid.problem)]);
        }
    };
    let sizes: HashMap<String, i64> = request
        .households
        .iter()
        .map(|household| (household.id.clone(), household.size))
        .collect();
    let mut scores: HashMap<String, Vec<(String, f64)>> = request
        .households
        .iter()
        .map(|household| (household.id.clone(), household.scores.clone()))
        .collect();
    let started = Instant::now();
    let response = match run_solver(request).await {
        Ok(response) => response,
        Err(error) => {
            let field = if json { "json" } else { "scores" };
            return fail(page, on_field(field, error)?);
        }
    };
    let seconds = started.elapsed().as_secs_f64();
    let named = |number: &str| match names.get(number) {
        Some(name) => format!("{number} {name}"),
        None => number.to_owned(),
    };
    page.export = proposal_rows(response.assignments.iter().map(|assignment| {
        let score = scores
            .get(&assignment.household)
            .and_then(|options| {
                options
                    .iter()
                    .find(|(number, _)| *number == assignment.municipality)
            })
            .map_or(0.0, |(_, score)| *score);
        (
            assignment.household.as_str(),
            sizes.get(&assignment.household).copied().unwrap_or(0),
            assignment.municipality.as_str(),
            score,
        )
    }));
    let mut rows: Vec<Row> = response
        .assignments
        .iter()
        .map(|assignment| {
            let options = scores.remove(&assignment.household).unwrap_or_default();
            let chosen = options
                .iter()
                .find(|(number, _)| *number == assignment.municipality)
                .map_or(0.0, |(_, score)| *score);
            Row {
                size: sizes.get(&assignment.household).copied().unwrap_or(0),
                score: decimal(chosen, 2),
                alternatives: alternatives(&options, Some(&assignment.municipality), &named),
                household: assignment.household.clone(),
                municipality: named(&assignment.municipality),
            }
        })
        .collect();
    rows.extend(response.unassigned.iter().map(|id| Row {
        size: sizes.get(id).copied().unwrap_or(0),
        score: String::new(),
        alternatives: alternatives(scores.get(id).map_or(&[][..], Vec::as_slice), None, &named),
        household: id.clone(),
        municipality: "–".into(),
    }));
    rows.sort_by(|left, right| left.household.cmp(&right.household));
    page.hidden_rows = rows.len().saturating_sub(SHOWN);
    page.result = Some(Summary {
        objective: decimal(response.objective, 2),
        upper_bound: decimal(response.upper_bound, 2),
        gap_percent: decimal(response.gap * 100.0, 2),
        assigned: grouped(response.assignments.len() as u64),
        unassigned: grouped(response.unassigned.len() as u64),
        persons_placed: grouped(
            response
                .assignments
                .iter()
                .map(|assignment| {
                    sizes
                        .get(&assignment.household)
                        .copied()
                        .unwrap_or(0)
                        .unsigned_abs()
                })
                .sum(),
        ),
        seconds: decimal(seconds, 2),
    });
    rows.truncate(SHOWN);
    page.rows = rows;
    Ok(render(&page))
}

/// The two best other municipalities, "4601 Bergen (0,82), 0301 Oslo (0,80)".
fn alternatives(
    options: &[(String, f64)],
    chosen: Option<&String>,
    named: &dyn Fn(&str) -> String,
) -> String {
    let mut others: Vec<&(String, f64)> = options
        .iter()
        .filter(|(number, _)| Some(number) != chosen)
        .collect();
    others.sort_by(|left, right| {
        right
            .1
            .total_cmp(&left.1)
            .then_with(|| left.0.cmp(&right.0))
    });
    others
        .iter()
        .take(2)
        .map(|(number, score)| format!("{} ({})", named(number), decimal(*score, 2)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A refused request's errors, all on the form's `field` (the JSON or the pasted table).
fn on_field(field: &str, error: ApiError) -> Result<Vec<FieldError>, ApiError> {
    Ok(error
        .into_field_errors()?
        .into_iter()
        .map(|error| error.at(field))
        .collect())
}
