//! The activity log of a centre (R-PLN-3): `GET/POST /api/v1/centres/{id}/log`,
//! `PUT /api/v1/centres/{id}/log/{entry}` (with `version`, 409 when stale),
//! `POST /api/v1/centres/{id}/log/{entry}/follow-ups/{position}` (done or not), and the exports
//! `GET /api/v1/centres/{id}/log/csv` and `/pdf`; the page `/centres/{id}/log` with its form
//! and the same exports for the browser.
//!
//! Who: reading `Capability::FollowPlans` (admin, udi_adm, udi_region), writing
//! `Capability::KeepLog` (admin, udi_region); a region only its own centres (403 otherwise).

mod api;
mod export;
mod form;
mod page;
mod timeline;

pub use api::*;

use axum::Router;

use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new().merge(api::router()).merge(page::router())
}
