//! Working-day arithmetic (R-CAL-1): the API of SPEC §10 and a page.

use askama::Template;
use axum::extract::Query;
use axum::response::Response;
use axum::routing::get;
use axum::{Json, Router};
use chrono::NaiveDate;
use mottak_domain::access::Capability;
use mottak_domain::calendar;
use mottak_domain::error::Problem;
use serde::{Deserialize, Serialize};

use crate::auth::allow;
use crate::error::{ApiError, ApiResult};
use crate::pages::{Shell, display_date, parse_user_date, render};
use crate::params::ApiQuery;
use crate::state::AppState;

/// More working days than this is surely a typo (about 40 years).
const MAX_DAYS: u32 = 10_000;

pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/api/v1/calendar/add-working-days",
            get(add_working_days).route_layer(allow(Capability::SignedIn)),
        )
        .route(
            "/calendar",
            get(calendar_page).route_layer(allow(Capability::SignedIn)),
        )
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AddWorkingDaysQuery {
    /// The start date D, `YYYY-MM-DD`.
    date: Option<String>,
    /// N, a whole number of working days (0–10000).
    days: Option<String>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct DateAnswer {
    /// The Nth working day after D, `YYYY-MM-DD`.
    #[schema(value_type = String, format = Date)]
    date: NaiveDate,
}

/// N working days after D (R-CAL-1): days that are not Saturday, Sunday or a Norwegian public holiday.
#[utoipa::path(get, path = "/api/v1/calendar/add-working-days", tag = "calendar",
    params(AddWorkingDaysQuery),
    responses((status = 200, body = DateAnswer), (status = 400, body = crate::error::Problem)),
    security(("bearer" = [])))]
pub async fn add_working_days(
    ApiQuery(query): ApiQuery<AddWorkingDaysQuery>,
) -> ApiResult<Json<DateAnswer>> {
    let date = query
        .date
        .as_deref()
        .ok_or_else(|| ApiError::coded("date", Problem::Required))?;
    let date = NaiveDate::parse_from_str(date, "%Y-%m-%d")
        .map_err(|_| ApiError::coded("date", Problem::Date))?;
    let days = query
        .days
        .as_deref()
        .ok_or_else(|| ApiError::coded("days", Problem::Required))?;
    let days = parse_days(days).ok_or_else(|| {
        ApiError::coded(
            "days",
            Problem::Between {
                min: 0,
                max: i64::from(MAX_DAYS),
            },
        )
    })?;
    let due = calendar::add_working_days(date, days)
        .ok_or_else(|| ApiError::coded("days", Problem::BeyondCalendar))?;
    Ok(Json(DateAnswer { date: due }))
}

fn parse_days(text: &str) -> Option<u32> {
    text.trim()
        .parse::<u32>()
        .ok()
        .filter(|days| *days <= MAX_DAYS)
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct CalendarForm {
    date: String,
    days: String,
}

#[derive(Template)]
#[template(path = "calendar.html")]
struct CalendarPage {
    shell: Shell,
    date: String,
    days: String,
    date_error: String,
    days_error: String,
    result: String,
    holidays: Vec<(String, String)>,
}

async fn calendar_page(shell: Shell, Query(form): Query<CalendarForm>) -> Response {
    let mut page = CalendarPage {
        date: form.date.clone(),
        days: form.days.clone(),
        date_error: String::new(),
        days_error: String::new(),
        result: String::new(),
        holidays: Vec::new(),
        shell: shell.with_title("calendar.title"),
    };
    let submitted = !form.date.is_empty() || !form.days.is_empty();
    let date = parse_user_date(&form.date);
    let days = parse_days(&form.days);
    if submitted {
        if date.is_none() {
            page.date_error = page.shell.t("form.invalid_date").to_owned();
        }
        if days.is_none() {
            page.days_error = page.shell.t("form.invalid_number").to_owned();
        }
    }
    if let (Some(date), Some(days)) = (date, days)
        && let Some(due) = calendar::add_working_days(date, days)
    {
        page.result = display_date(due);
    }
    let year = date
        .unwrap_or_else(|| mottak_domain::calendar::norwegian_date(chrono::Utc::now()))
        .format("%Y");
    let year: i32 = year.to_string().parse().unwrap_or(2026);
    page.holidays = calendar::public_holidays(year)
        .into_iter()
        .map(|day| (display_date(day), day.format("%A").to_string()))
        .collect();
    render(&page)
}
