//! The work calendar as an iCalendar feed for Outlook (SPEC §6 work views) behind a revocable
//! link (`/feeds/{token}.ics`): made or revoked on the calendar page or with
//! `POST`/`DELETE /api/v1/calendar-feed`.
//!
//! Who: those who follow plans (admin, udi_adm, udi_region); the link itself is the credential.

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use mottak_domain::access::Capability;
use serde::{Deserialize, Serialize};

use super::calendar::{CalendarQuery, page};
use crate::auth::csrf::CsrfForm;
use crate::auth::{Caller, allow, client_address};
use crate::error::{ApiError, ApiResult};
use crate::i18n::Lang;
use crate::occupancy::today;
use crate::pages::{Page, PageResult, render};
use crate::params::{ApiPath, ApiQuery};
use crate::plans::feed;
use crate::plans::work::my_tasks;
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/tasks/calendar/feed",
            post(make_feed_page).route_layer(allow(Capability::FollowPlans)),
        )
        .route(
            "/tasks/calendar/feed/revoke",
            post(revoke_feed_page).route_layer(allow(Capability::FollowPlans)),
        )
        .route(
            "/api/v1/calendar-feed",
            post(make_feed_api)
                .delete(revoke_feed_api)
                .route_layer(allow(Capability::FollowPlans)),
        )
        // The link is the credential: a calendar client sends neither cookie nor token.
        .route("/feeds/{file}", get(feed_file))
}

/// The link under the server's public address (`--public-url`, as the mails' links).
fn feed_url(state: &AppState, token: &str, lang: Lang) -> String {
    let language = match lang {
        Lang::En => "?lang=en",
        Lang::Nb => "",
    };
    format!("{}/feeds/{token}.ics{language}", state.config.public_url())
}

#[derive(Deserialize)]
struct FeedForm {}

async fn make_feed_page(
    Page(state, shell, caller): Page,
    CsrfForm(FeedForm {}): CsrfForm<FeedForm>,
) -> PageResult {
    let token = feed::replace(&state.store, &caller).await?;
    let url = feed_url(&state, &token, shell.lang);
    let (status, page) = page(
        &state,
        shell,
        &caller,
        CalendarQuery::default(),
        Some(url),
        false,
    )
    .await?;
    Ok((status, render(&page)).into_response())
}

async fn revoke_feed_page(
    Page(state, shell, caller): Page,
    CsrfForm(FeedForm {}): CsrfForm<FeedForm>,
) -> PageResult {
    match feed::revoke(&state.store, &caller).await {
        Ok(()) | Err(ApiError::NotFound) => {}
        Err(other) => return Err(other.into()),
    }
    let (status, page) = page(&state, shell, &caller, CalendarQuery::default(), None, true).await?;
    Ok((status, render(&page)).into_response())
}

/// A new calendar feed link.
#[derive(Serialize, utoipa::ToSchema)]
pub struct FeedLink {
    /// The iCalendar address to subscribe to; shown once, only its token's hash is stored.
    url: String,
}

/// Makes the caller a calendar feed link (iCalendar, for Outlook and other calendar clients)
/// with their open tasks that have a due date, in the scope of `GET /api/v1/tasks`; the link
/// they had stops working. Titles in bokmål, or in English with `Accept-Language: en`.
/// Who: admin, udi_adm and udi_region.
#[utoipa::path(post, path = "/api/v1/calendar-feed", tag = "plans",
    params(("Accept-Language" = Option<String>, Header, description = "`en` for an English feed; bokmål otherwise")),
    responses((status = 201, body = FeedLink)), security(("bearer" = [])))]
pub async fn make_feed_api(
    State(state): State<AppState>,
    caller: Caller,
    headers: HeaderMap,
) -> ApiResult<(StatusCode, Json<FeedLink>)> {
    let token = feed::replace(&state.store, &caller).await?;
    let url = feed_url(&state, &token, super::api_lang(&headers));
    Ok((StatusCode::CREATED, Json(FeedLink { url })))
}

/// Turns the caller's calendar feed link off. 404 when they have none.
/// Who: admin, udi_adm and udi_region.
#[utoipa::path(delete, path = "/api/v1/calendar-feed", tag = "plans",
    responses((status = 204), (status = 404, description = "The caller has no calendar feed link")),
    security(("bearer" = [])))]
pub async fn revoke_feed_api(
    State(state): State<AppState>,
    caller: Caller,
) -> ApiResult<StatusCode> {
    feed::revoke(&state.store, &caller).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct FeedQuery {
    lang: String,
}

/// `/feeds/{token}.ics`: the feed's owner's open tasks with a due date, as iCalendar.
async fn feed_file(
    State(state): State<AppState>,
    request_extensions: axum::http::Extensions,
    ApiPath(file): ApiPath<String>,
    ApiQuery(query): ApiQuery<FeedQuery>,
) -> ApiResult<Response> {
    let token = file.strip_suffix(".ics").unwrap_or(&file);
    let origin = client_address(&request_extensions);
    let Some(owner) = feed::caller_for_token(&state.store, token, origin).await? else {
        return Err(ApiError::NotFound);
    };
    let lang = if query.lang == "en" {
        Lang::En
    } else {
        Lang::Nb
    };
    let tasks = my_tasks(&state.store, &owner, None, None, today()).await?;
    let body = feed::ics(&tasks, lang, &state.config.public_url(), chrono::Utc::now());
    Ok((
        [
            (header::CONTENT_TYPE, "text/calendar; charset=utf-8"),
            (header::CACHE_CONTROL, "private, max-age=300"),
        ],
        body,
    )
        .into_response())
}
