//! Residents and their stays (SPEC §5, R-OCC-1) as API and pages.

mod api;
pub(crate) mod messages;
mod pages;

use axum::Router;

use crate::state::AppState;

// The OpenAPI description (routes/openapi.rs) names these handlers.
pub use api::{
    __path_add_stay_api, __path_centre_residents_api, __path_create_resident_api,
    __path_resident_api, __path_residents_to_move_api,
};

pub fn router() -> Router<AppState> {
    Router::new().merge(api::router()).merge(pages::router())
}
