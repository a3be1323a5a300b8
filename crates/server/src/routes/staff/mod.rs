//! Operators' staff accounts (R-AUTH-6) as API and pages, over `crate::staff`.

mod api;
mod pages;
mod steps;

use axum::Router;

use crate::state::AppState;

// The OpenAPI description (routes/openapi.rs) names these handlers.
pub use api::{
    __path_approve_api, __path_centre_staff_api, __path_disable_api, __path_enable_api,
    __path_order_api, __path_refuse_api, __path_region_staff_api,
};

pub fn router() -> Router<AppState> {
    Router::new()
        .merge(api::router())
        .merge(pages::router())
        .merge(steps::router())
}
