//! The registry (SPEC §3): operators, centres, their lifecycle, the public address list and
//! the migration import, as API and pages.

mod address_list;
mod api;
mod import;
pub(crate) mod pages;
pub(crate) mod views;

use axum::Router;

use crate::state::AppState;

// The OpenAPI description (routes/openapi.rs) names these handlers.
pub use address_list::__path_address_list_json;
pub use api::{
    __path_apply_lifecycle_api, __path_centre_api, __path_create_centre_api,
    __path_create_operator_api, __path_list_centres_api, __path_list_operators_api,
    __path_operator_api, __path_plan_lifecycle_api, __path_update_centre_api,
    __path_update_operator_api,
};
pub use import::__path_import_api;
pub(crate) use pages::{FormErrors, REGIONS, place_type_label};
pub(crate) use views::accounting;

pub fn router() -> Router<AppState> {
    Router::new()
        .merge(api::router())
        .merge(pages::router())
        .merge(address_list::router())
        .merge(import::router())
}
