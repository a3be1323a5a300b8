//! A centre's monthly occupancy (R-OCC-2, R-OCC-3) as API and page.

mod api;
mod page;

use axum::Router;

use crate::state::AppState;

// The OpenAPI description (routes/openapi.rs) names these handlers.
pub use api::{
    __path_approve_month_api, __path_import_month_csv_api, __path_month_api, __path_put_month_api,
};

pub fn router() -> Router<AppState> {
    Router::new().merge(api::router()).merge(page::router())
}
