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
use mottak_placement::{Choices, HouseholdRequest, MunicipalityRequest, SolveRequest};
use serde::Deserialize;

use super::run_solver;
use crate::auth::allow;
use crate::auth::csrf::CsrfForm;
use crate::error::ApiError;
use crate::error::PageError;
use crate::json::parse_json;
use crate::number_format::decimal;
use crate::pages::{Shell, render};
use crate::state::AppState;
use mottak_domain::access::Capability;

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
    source: String,
    json: String,
    capacities: String,
    scores: String,
    /// `household;municipality` lines: only that municipality for the household.
    pins: String,
    /// `household;municipality` lines: pairs not to use.
    forbidden: String,
    time_limit_ms: String,
}

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
    error_field: String,
    error: String,
    result: Option<Summary>,
    rows: Vec<Row>,
    hidden_rows: usize,
}

struct Summary {
    objective: String,
    upper_bound: String,
    gap_percent: String,
    assigned: usize,
    unassigned: usize,
    persons_placed: i64,
    seconds: String,
}

fn empty(shell: Shell, form: PlacementForm) -> PlacementPage {
    PlacementPage {
        shell: shell.with_title("placement.title"),
        form,
        error_field: String::new(),
        error: String::new(),
        result: None,
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

/// `municipality;capacity` and `household;size;municipality;score` (headers allowed).
fn from_csv(form: &PlacementForm, time_limit_ms: i64) -> Result<SolveRequest, (String, String)> {
    let lines = |text: &str| {
        text.trim_start_matches('\u{feff}')
            .lines()
            .enumerate()
            .map(|(index, line)| (index + 1, line.trim().to_owned()))
            .filter(|(_, line)| !line.is_empty())
            .collect::<Vec<_>>()
    };
    let mut municipalities = Vec::new();
    for (line, text) in lines(&form.capacities) {
        let fields: Vec<&str> = text.split(';').map(str::trim).collect();
        if line == 1 && fields[0].eq_ignore_ascii_case("municipality") {
            continue;
        }
        let capacity = fields.get(1).and_then(|text| text.parse::<i64>().ok()).ok_or_else(|| ("capacities".to_owned(), format!("Linje {line}: «kommune;kapasitet» med et heltall / line {line}: “municipality;capacity” with a whole number")))?;
        municipalities.push(MunicipalityRequest {
            number: fields[0].to_owned(),
            capacity,
        });
    }
    let mut households: Vec<HouseholdRequest> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for (line, text) in lines(&form.scores) {
        let fields: Vec<&str> = text.split(';').map(str::trim).collect();
        if line == 1 && fields[0].eq_ignore_ascii_case("household") {
            continue;
        }
        let bad = || {
            (
                "scores".to_owned(),
                format!(
                    "Linje {line}: «husstand;størrelse;kommune;poeng» / line {line}: “household;size;municipality;score”"
                ),
            )
        };
        let [id, size, municipality, score] = fields[..] else {
            return Err(bad());
        };
        let size: i64 = size.parse().map_err(|_| bad())?;
        let score: f64 = score.replace(',', ".").parse().map_err(|_| bad())?;
        let position = *index.entry(id.to_owned()).or_insert_with(|| {
            households.push(HouseholdRequest {
                id: id.to_owned(),
                size,
                scores: Vec::new(),
            });
            households.len() - 1
        });
        if households[position].size != size {
            return Err((
                "scores".to_owned(),
                format!(
                    "Linje {line}: husstanden {id} har to størrelser / household {id} has two sizes"
                ),
            ));
        }
        households[position]
            .scores
            .push((municipality.to_owned(), score));
    }
    Ok(SolveRequest {
        municipalities,
        households,
        time_limit_ms,
    })
}

async fn solve_form(
    shell: Shell,
    CsrfForm(form): CsrfForm<PlacementForm>,
) -> Result<Response, PageError> {
    let mut page = empty(shell, form.clone());
    let fail = |mut page: PlacementPage, field: String, message: String| {
        page.error_field = field;
        page.error = message;
        Ok((StatusCode::BAD_REQUEST, render(&page)).into_response())
    };
    let time_limit_ms = match form.time_limit_ms.trim() {
        "" => 2_000,
        text => match text.parse::<i64>() {
            Ok(value) => value,
            Err(_) => {
                return fail(
                    page,
                    "time_limit_ms".into(),
                    "Et helt antall millisekunder / a whole number of milliseconds".into(),
                );
            }
        },
    };
    let request = if form.source == "json" {
        match parse_json::<super::SolveBody>(form.json.as_bytes())
            .and_then(|body| body.into_request())
        {
            Ok((request, _)) => request,
            Err(error) => return fail(page, "json".into(), problem_text(&error)),
        }
    } else {
        match from_csv(&form, time_limit_ms) {
            Ok(request) => request,
            Err((field, message)) => return fail(page, field, message),
        }
    };
    let request = match choices(&form).and_then(|choices| {
        request.with_choices(&choices).map_err(|invalid| {
            let field = if invalid.field.starts_with("pins") {
                "pins"
            } else {
                "forbidden"
            };
            (
                field.to_owned(),
                format!("{}: {}", invalid.field, invalid.message),
            )
        })
    }) {
        Ok(request) => request,
        Err((field, message)) => return fail(page, field, message),
    };
    if request.households.is_empty() || request.municipalities.is_empty() {
        // Nothing to place: a clear error, not a "proposal" of nothing.
        let message = page.shell.t("placement.nothing_to_place").to_owned();
        let field = if form.source == "json" {
            "json"
        } else if request.municipalities.is_empty() {
            "capacities"
        } else {
            "scores"
        };
        return fail(page, field.into(), message);
    }
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
            let field = if form.source == "json" {
                "json"
            } else {
                "scores"
            };
            return fail(page, field.into(), problem_text(&error));
        }
    };
    let seconds = started.elapsed().as_secs_f64();
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
                score: decimal(chosen, 3),
                alternatives: alternatives(&options, Some(&assignment.municipality)),
                household: assignment.household.clone(),
                municipality: assignment.municipality.clone(),
            }
        })
        .collect();
    rows.extend(response.unassigned.iter().map(|id| Row {
        size: sizes.get(id).copied().unwrap_or(0),
        score: String::new(),
        alternatives: alternatives(scores.get(id).map_or(&[][..], Vec::as_slice), None),
        household: id.clone(),
        municipality: "–".into(),
    }));
    rows.sort_by(|left, right| left.household.cmp(&right.household));
    page.hidden_rows = rows.len().saturating_sub(SHOWN);
    page.result = Some(Summary {
        objective: decimal(response.objective, 3),
        upper_bound: decimal(response.upper_bound, 3),
        gap_percent: decimal(response.gap * 100.0, 3),
        assigned: response.assignments.len(),
        unassigned: response.unassigned.len(),
        persons_placed: response
            .assignments
            .iter()
            .map(|assignment| sizes.get(&assignment.household).copied().unwrap_or(0))
            .sum(),
        seconds: decimal(seconds, 2),
    });
    rows.truncate(SHOWN);
    page.rows = rows;
    Ok(render(&page))
}

/// The planner's pins and forbidden pairs, `household;municipality` per line.
fn choices(form: &PlacementForm) -> Result<Choices, (String, String)> {
    let pairs = |field: &str, text: &str| -> Result<Vec<(String, String)>, (String, String)> {
        text.lines()
            .enumerate()
            .filter(|(_, line)| !line.trim().is_empty())
            .map(
                |(index, line)| match line.split(';').map(str::trim).collect::<Vec<_>>()[..] {
                    [household, municipality] => {
                        Ok((household.to_owned(), municipality.to_owned()))
                    }
                    _ => Err((
                        field.to_owned(),
                        format!(
                            "Linje {0}: «husstand;kommune» / line {0}: “household;municipality”",
                            index + 1
                        ),
                    )),
                },
            )
            .collect()
    };
    Ok(Choices {
        pins: pairs("pins", &form.pins)?,
        forbidden: pairs("forbidden", &form.forbidden)?,
    })
}

/// The two best other municipalities, "4601 (0.82), 0301 (0.80)".
fn alternatives(options: &[(String, f64)], chosen: Option<&String>) -> String {
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
        .map(|(number, score)| format!("{number} ({})", decimal(*score, 3)))
        .collect::<Vec<_>>()
        .join(", ")
}

fn problem_text(error: &ApiError) -> String {
    match error.field() {
        Some(field) => format!("{field}: {error}"),
        None => error.to_string(),
    }
}
