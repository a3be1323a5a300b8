//! The occupancy month page (`/centres/{id}/occupancy/{YYYY-MM}`): every day with its count,
//! derived from stays or entered; a table of inputs and a CSV paste for centres without resident
//! data; the approval (R-OCC-2, R-OCC-3).

use askama::Template;
use axum::Router;
use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};
use axum::routing::{get, post};
use chrono::NaiveDate;
use mottak_domain::access::Capability;
use mottak_domain::dates::Month;
use mottak_domain::error::{FieldError, Problem};
use mottak_domain::occupancy::parse_daily_counts_csv;
use mottak_store::registry::CentreRecord;

use crate::auth::csrf::{CsrfForm, CsrfMultipart};
use crate::auth::{Caller, allow};
use crate::error::{ApiError, PageError};
use crate::occupancy::{self, load_centre};
use crate::pages::{Page, PageResult, Shell, display_date, display_timestamp, render};
use crate::routes::registry::FormErrors;
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/centres/{id}/occupancy/{month}",
            get(month_page).route_layer(allow(Capability::ReadResidents)),
        )
        .route(
            "/centres/{id}/occupancy/{month}",
            post(enter_days).route_layer(allow(Capability::ManageResidents)),
        )
        .route(
            "/centres/{id}/occupancy/{month}/csv",
            post(enter_csv).route_layer(allow(Capability::ManageResidents)),
        )
        .route(
            "/centres/{id}/occupancy/{month}/approve",
            post(approve).route_layer(allow(Capability::ManageResidents)),
        )
}

struct DayRow {
    /// The input's name, `day_N`.
    name: String,
    shown: String,
    value: String,
    error: String,
}

#[derive(Template)]
#[template(path = "occupancy/month.html")]
struct MonthPage {
    shell: Shell,
    centre: CentreRecord,
    month: String,
    previous: String,
    next: String,
    days: Vec<DayRow>,
    from_stays: bool,
    approval: Option<(String, String)>,
    may_write: bool,
    csv: String,
    errors: FormErrors,
}

fn parse(month: &str) -> Result<Month, PageError> {
    Month::parse(month).ok_or(PageError::NotFound)
}

fn neighbour(month: Month, step: i32) -> String {
    let index = month.year() * 12 + month.number() as i32 - 1 + step;
    Month::new(index.div_euclid(12), index.rem_euclid(12) as u32 + 1)
        .map_or_else(|| month.to_string(), |month| month.to_string())
}

/// What the user sent, kept on the page after a refusal: the table's inputs by day, the paste,
/// and the errors beside them.
#[derive(Default)]
struct Entered {
    typed: Option<Vec<(String, String)>>,
    csv: String,
    errors: FormErrors,
}

async fn page(
    state: &AppState,
    shell: Shell,
    caller: &Caller,
    id: i64,
    month: Month,
    entered: Entered,
) -> Result<MonthPage, PageError> {
    let Entered { typed, csv, errors } = entered;
    let (centre, _) = load_centre(&state.store, caller, id).await?;
    let stored = occupancy::month(&state.store, &centre, month).await?;
    let days = stored
        .occupancy
        .totals()
        .into_iter()
        .enumerate()
        .map(|(index, (date, residents))| {
            let name = format!("day_{}", index + 1);
            let value = typed
                .as_ref()
                .and_then(|typed| typed.iter().find(|(field, _)| *field == name))
                .map_or_else(|| residents.to_string(), |(_, value)| value.clone());
            DayRow {
                error: errors.get(&format!("days[{index}].residents")).to_owned(),
                shown: display_date(date),
                name,
                value,
            }
        })
        .collect();
    Ok(MonthPage {
        shell: shell.with_title("occupancy.title"),
        month: month.to_string(),
        previous: neighbour(month, -1),
        next: neighbour(month, 1),
        days,
        from_stays: stored.from_stays,
        approval: stored.approval.map(|approval| {
            (
                approval.approved_by,
                display_timestamp(&approval.approved_at),
            )
        }),
        may_write: caller.role.may(Capability::ManageResidents),
        centre,
        csv,
        errors,
    })
}

async fn month_page(
    Page(state, shell, caller): Page,
    Path((id, month)): Path<(i64, String)>,
) -> PageResult {
    let month = parse(&month)?;
    let page = page(&state, shell, &caller, id, month, Entered::default()).await?;
    Ok(render(&page))
}

/// The table's inputs as days: blank is 0; anything but a whole number is named by its day.
fn typed_days(
    month: Month,
    fields: &[(String, String)],
) -> Result<Vec<(NaiveDate, u32)>, Vec<FieldError>> {
    let mut days = Vec::new();
    let mut errors = Vec::new();
    for index in 0..month.days() as usize {
        let name = format!("day_{}", index + 1);
        let text = fields
            .iter()
            .find(|(field, _)| *field == name)
            .map_or("", |(_, value)| value.trim());
        match text.parse::<u32>() {
            _ if text.is_empty() => {}
            Ok(residents) if text.bytes().all(|byte| byte.is_ascii_digit()) => days.push((
                month.first_day() + chrono::Days::new(index as u64),
                residents,
            )),
            _ => errors.push(FieldError::coded(
                format!("days[{index}].residents"),
                Problem::Count,
            )),
        }
    }
    if errors.is_empty() {
        Ok(days)
    } else {
        Err(errors)
    }
}

/// Writes the counts, or shows the page again with the input kept and the errors beside it.
async fn save(
    state: &AppState,
    shell: Shell,
    caller: &Caller,
    id: i64,
    month: Month,
    parsed: Result<Vec<(NaiveDate, u32)>, Vec<FieldError>>,
    entered: Entered,
) -> PageResult {
    let (centre, operator) = load_centre(&state.store, caller, id).await?;
    let refusal = match parsed {
        Err(errors) => Some((StatusCode::BAD_REQUEST, errors)),
        Ok(days) => {
            match occupancy::enter_counts(&state.store, caller, &centre, &operator, month, &days)
                .await
            {
                Ok(()) => None,
                Err(ApiError::Conflict { field, problem }) => Some((
                    StatusCode::CONFLICT,
                    vec![FieldError::coded(
                        field.unwrap_or_else(|| "month".to_owned()),
                        problem,
                    )],
                )),
                Err(other) => return Err(PageError::from(other)),
            }
        }
    };
    answer(state, shell, caller, id, month, refusal, entered).await
}

/// Where a write leads: back to the month, or its page again with what was sent kept and the
/// refusal's errors beside it.
async fn answer(
    state: &AppState,
    shell: Shell,
    caller: &Caller,
    id: i64,
    month: Month,
    refusal: Option<(StatusCode, Vec<FieldError>)>,
    entered: Entered,
) -> PageResult {
    let Some((status, errors)) = refusal else {
        return Ok(Redirect::to(&format!("/centres/{id}/occupancy/{month}")).into_response());
    };
    let entered = Entered {
        errors: FormErrors::from_fields(errors, shell.lang),
        ..entered
    };
    let page = page(state, shell, caller, id, month, entered).await?;
    Ok((status, render(&page)).into_response())
}

async fn enter_days(
    Page(state, shell, caller): Page,
    Path((id, month)): Path<(i64, String)>,
    CsrfForm(fields): CsrfForm<Vec<(String, String)>>,
) -> PageResult {
    let month = parse(&month)?;
    let parsed = typed_days(month, &fields);
    let entered = Entered {
        typed: Some(fields),
        ..Entered::default()
    };
    save(&state, shell, &caller, id, month, parsed, entered).await
}

/// The pasted rows or the uploaded file.
struct CsvUpload {
    csv: String,
}

async fn enter_csv(
    Page(state, shell, caller): Page,
    Path((id, month)): Path<(i64, String)>,
    mut fields: CsrfMultipart,
) -> PageResult {
    // Pasted rows or an uploaded file, read by the same parser.
    let form = CsvUpload {
        csv: fields.file_or("csv"),
    };
    let month = parse(&month)?;
    // Every bad line is shown beside the paste, each with its line number.
    let parsed = parse_daily_counts_csv(month, &form.csv).map_err(|errors| {
        errors
            .into_iter()
            .map(|error| {
                let line = error.field.trim_start_matches("line ").parse().unwrap_or(0);
                let problem = Box::new(error.problem);
                FieldError::coded("csv", Problem::OnLine { line, problem })
            })
            .collect::<Vec<_>>()
    });
    let entered = Entered {
        csv: form.csv,
        ..Entered::default()
    };
    save(&state, shell, &caller, id, month, parsed, entered).await
}

async fn approve(
    Page(state, shell, caller): Page,
    Path((id, month)): Path<(i64, String)>,
    CsrfForm(_): CsrfForm<Vec<(String, String)>>,
) -> PageResult {
    let month = parse(&month)?;
    let (centre, operator) = load_centre(&state.store, &caller, id).await?;
    let refusal = match occupancy::approve(&state.store, &caller, &centre, &operator, month).await {
        Ok(()) => None,
        Err(ApiError::Conflict { problem, .. }) => Some((
            StatusCode::CONFLICT,
            vec![FieldError::coded("approve", problem)],
        )),
        Err(other) => return Err(PageError::from(other)),
    };
    answer(
        &state,
        shell,
        &caller,
        id,
        month,
        refusal,
        Entered::default(),
    )
    .await
}
