//! The work calendar (SPEC §6 work views): a month of the caller's open tasks by the day they
//! are due, in ISO weeks with the public holidays of R-CAL-1 (`/tasks/calendar`). The same tasks
//! as an iCalendar feed are in `calendar_feed`.
//!
//! Who: those who follow plans (admin, udi_adm, udi_region), each with the scope of "my tasks".

use askama::Template;
use axum::Router;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::routing::get;
use chrono::{Datelike, NaiveDate};
use mottak_domain::access::{Capability, Role};
use mottak_domain::calendar::{is_public_holiday, month_weeks};
use mottak_domain::dates::Month;
use mottak_domain::error::{FieldError, Problem};
use serde::Deserialize;

use super::item_title;
use super::tasks::{parse_filters, team_choices};
use crate::auth::{Caller, allow};
use crate::error::PageError;
use crate::form_errors::{FormErrors, Labels};
use crate::i18n::Lang;
use crate::occupancy::today;
use crate::pages::{Page, PageResult, Shell, display_timestamp, region_choices, render};
use crate::params::ApiQuery;
use crate::plans::work::{WorkTask, my_tasks};
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new().route(
        "/tasks/calendar",
        get(calendar_page).route_layer(allow(Capability::FollowPlans)),
    )
}

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub(super) struct CalendarQuery {
    /// `YYYY-MM`; this month when blank.
    month: String,
    team: String,
    region: String,
    /// `YYYY-MM-DD`: list every task of this day below the month.
    day: String,
}

const LABELS: &Labels = &[
    ("month", "calendar_month.month"),
    ("team", "tasks.team"),
    ("region", "tasks.region"),
    ("day", "calendar_month.day"),
];

/// A day shows this many of its tasks; the rest are a link away, in the day's list.
const SHOWN_PER_DAY: usize = 3;

struct DayTask {
    href: String,
    title: String,
    centre: String,
    overdue: bool,
    not_before: bool,
}

struct Day {
    /// `2026-12-24`, the cell's id.
    iso: String,
    number: u32,
    in_month: bool,
    holiday: bool,
    weekend: bool,
    today: bool,
    /// The first [`SHOWN_PER_DAY`] tasks.
    tasks: Vec<DayTask>,
    /// How many more the day has, and the link to its list.
    more: usize,
    more_href: String,
}

/// Every task of one day, below the month.
struct DayList {
    heading: String,
    tasks: Vec<DayTask>,
}

struct Week {
    number: u32,
    days: Vec<Day>,
}

#[derive(Template)]
#[template(path = "plans/calendar.html")]
pub(super) struct CalendarPage {
    shell: Shell,
    /// "desember 2026".
    heading: String,
    weeks: Vec<Week>,
    day_list: Option<DayList>,
    weekdays: Vec<&'static str>,
    in_month: usize,
    overdue: usize,
    /// Overdue tasks due before the month, which its grid does not show.
    overdue_before: usize,
    previous_href: String,
    next_href: String,
    list_href: String,
    teams: Vec<(&'static str, String)>,
    regions: Vec<(&'static str, &'static str)>,
    choose_region: bool,
    query: CalendarQuery,
    errors: FormErrors,
    /// When the caller's live feed link was made, if they have one.
    feed_since: Option<String>,
    /// The new link, shown once right after it was made.
    new_feed_url: Option<String>,
    feed_revoked: bool,
}

const WEEKDAYS: [&str; 7] = [
    "calendar_month.mon",
    "calendar_month.tue",
    "calendar_month.wed",
    "calendar_month.thu",
    "calendar_month.fri",
    "calendar_month.sat",
    "calendar_month.sun",
];

fn month_name(month: Month, lang: Lang) -> String {
    format!(
        "{} {}",
        lang.text(&format!("calendar_month.name.{}", month.number())),
        month.year()
    )
}

fn href(month: Month, query: &CalendarQuery, day: Option<NaiveDate>) -> String {
    let month = format!("{:04}-{:02}", month.year(), month.number());
    let day = day.map(|day| day.to_string()).unwrap_or_default();
    let pairs: Vec<(&str, &str)> = [
        ("month", month.as_str()),
        ("team", query.team.as_str()),
        ("region", query.region.as_str()),
        ("day", day.as_str()),
    ]
    .into_iter()
    .filter(|(_, value)| !value.is_empty())
    .collect();
    format!(
        "/tasks/calendar?{}",
        serde_urlencoded::to_string(pairs).unwrap_or_default()
    )
}

fn day_task(task: &WorkTask, lang: Lang) -> DayTask {
    DayTask {
        href: format!("/plans/{}#task-{}", task.task.plan_id, task.task.position),
        title: item_title(&task.template, task.item, lang),
        centre: format!("{} {}", task.task.centre_number, task.task.centre_name),
        overdue: task.overdue,
        not_before: task.timing == mottak_domain::plans::Timing::NotBefore,
    }
}

fn tasks_on(tasks: &[WorkTask], date: NaiveDate) -> impl Iterator<Item = &WorkTask> {
    tasks.iter().filter(move |task| task.due == Some(date))
}

/// The month's grid with each task on its due day (a busy day's first few, and a link to all).
fn weeks(
    month: Month,
    tasks: &[WorkTask],
    today: NaiveDate,
    query: &CalendarQuery,
    lang: Lang,
) -> Vec<Week> {
    let day = |date: NaiveDate| {
        let count = tasks_on(tasks, date).count();
        Day {
            iso: date.to_string(),
            number: date.day(),
            in_month: month.contains(date),
            holiday: is_public_holiday(date),
            weekend: date.weekday().number_from_monday() > 5,
            today: date == today,
            tasks: tasks_on(tasks, date)
                .take(SHOWN_PER_DAY)
                .map(|task| day_task(task, lang))
                .collect(),
            more: count.saturating_sub(SHOWN_PER_DAY),
            more_href: format!("{}#day-list", href(month, query, Some(date))),
        }
    };
    month_weeks(month)
        .into_iter()
        .map(|week| Week {
            number: week.number,
            days: week.days.iter().map(|&date| day(date)).collect(),
        })
        .collect()
}

/// The calendar page for `query`, with the feed section as `feed` says.
pub(super) async fn page(
    state: &AppState,
    shell: Shell,
    caller: &Caller,
    query: CalendarQuery,
    new_feed_url: Option<String>,
    feed_revoked: bool,
) -> Result<(StatusCode, CalendarPage), PageError> {
    let today = today();
    let mut errors = Vec::new();
    let month = match query.month.trim() {
        "" => Month::of(today),
        text => Month::parse(text).unwrap_or_else(|| {
            errors.push(FieldError::coded("month", Problem::Month));
            Month::of(today)
        }),
    };
    let (team, region) = parse_filters(&query.team, &query.region, &mut errors);
    let day = match query.day.trim() {
        "" => None,
        text => {
            let day = mottak_domain::dates::parse_date(text);
            if day.is_none() {
                errors.push(FieldError::coded("day", Problem::Date));
            }
            day
        }
    };
    let mut overdue_before = 0;
    let mut tasks: Vec<WorkTask> = if errors.is_empty() {
        my_tasks(&state.store, caller, region.as_deref(), team, today).await?
    } else {
        Vec::new()
    };
    tasks.retain(|task| match task.due {
        Some(due) if month.contains(due) => true,
        Some(due) => {
            overdue_before += usize::from(task.overdue && due < month.first_day());
            false
        }
        None => false,
    });
    let mut query = query;
    if query.month.trim().is_empty() {
        query.month = format!("{:04}-{:02}", month.year(), month.number());
    }
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::BAD_REQUEST
    };
    let feed_since = state
        .store
        .calendar_feed_created(caller.user_id)
        .await?
        .map(|created| display_timestamp(&created));
    let lang = shell.lang;
    let previous = month.add_months(-1).unwrap_or(month);
    let next = month.add_months(1).unwrap_or(month);
    Ok((
        status,
        CalendarPage {
            heading: month_name(month, lang),
            weeks: weeks(month, &tasks, today, &query, lang),
            day_list: day.map(|day| DayList {
                heading: crate::pages::display_date(day),
                tasks: tasks_on(&tasks, day)
                    .map(|task| day_task(task, lang))
                    .collect(),
            }),
            weekdays: WEEKDAYS.iter().map(|key| lang.text(key)).collect(),
            in_month: tasks.len(),
            overdue: tasks.iter().filter(|task| task.overdue).count(),
            overdue_before,
            previous_href: href(previous, &query, None),
            next_href: href(next, &query, None),
            list_href: "/tasks".to_owned(),
            teams: team_choices(&shell),
            regions: region_choices(),
            choose_region: caller.role != Role::UdiRegion,
            errors: FormErrors::localized(errors, lang, LABELS),
            query,
            feed_since,
            new_feed_url,
            feed_revoked,
            shell: shell.with_title("calendar_month.title"),
        },
    ))
}

async fn calendar_page(
    Page(state, shell, caller): Page,
    ApiQuery(query): ApiQuery<CalendarQuery>,
) -> PageResult {
    let (status, page) = page(&state, shell, &caller, query, None, false).await?;
    Ok((status, render(&page)).into_response())
}
