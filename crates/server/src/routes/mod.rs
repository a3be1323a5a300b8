//! The router: one module per area, each with its own routes and the roles that may use them.

pub(crate) mod agreements;
mod assets;
mod calendar;
mod claims;
mod dashboard;
mod events;
mod health;
pub mod help;
mod language;
mod login;
mod occupancy;
mod openapi;
pub mod placement;
pub(crate) mod plans;
mod reference;
pub(crate) mod registry;
mod residents;
mod settlement;
mod staff;
mod users;
mod worklog;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::{HeaderValue, header};
use axum::middleware::from_fn_with_state;
use axum::response::{IntoResponse, Response};
use tower_http::set_header::SetResponseHeaderLayer;

use crate::auth;
use crate::error::ApiError;
use crate::error::PageError;
use crate::state::AppState;

/// Request bodies over this are refused with 413.
pub const BODY_LIMIT: usize = 1024 * 1024;

pub use openapi::ApiDoc;

pub fn router(state: AppState) -> Router {
    Router::new()
        .merge(health::router())
        .merge(assets::router())
        .merge(language::router())
        .merge(login::router())
        .merge(dashboard::router())
        .merge(users::router())
        .merge(events::router())
        .merge(help::router())
        .merge(calendar::router())
        .merge(claims::router())
        .merge(openapi::router())
        .merge(reference::router())
        .merge(registry::router())
        .merge(agreements::router())
        .merge(placement::router())
        .merge(residents::router())
        .merge(occupancy::router())
        .merge(plans::router())
        .merge(settlement::router())
        .merge(worklog::router())
        .merge(staff::router())
        .fallback(not_found)
        .layer(from_fn_with_state(state.clone(), auth::authenticate))
        .layer(from_fn_with_state(state.clone(), auth::csrf::ensure_cookie))
        .layer(from_fn_with_state(state.clone(), crate::metrics::record))
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(
                "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; \
                 script-src 'self'; frame-ancestors 'none'; form-action 'self'",
            ),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::REFERRER_POLICY,
            HeaderValue::from_static("same-origin"),
        ))
        .with_state(state)
}

async fn not_found(uri: axum::http::Uri) -> Response {
    if uri.path().starts_with("/api/") {
        ApiError::NotFound.into_response()
    } else {
        PageError::NotFound.into_response()
    }
}
