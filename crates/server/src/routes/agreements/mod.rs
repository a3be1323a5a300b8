//! Agreements (SPEC §4, §10): the JSON API and the agreement page.

mod api;
mod form;
mod form_input;
mod form_page;
mod form_paste;
mod form_prefill;
mod pages;
mod regulate;

use axum::Router;

use crate::state::AppState;

// The OpenAPI description (routes/openapi.rs) names these handlers.
pub use api::{
    __path_agreement_api, __path_agreement_versions_api, __path_create_agreement_api,
    __path_list_agreements_api, __path_notice_api, __path_update_agreement_api,
};

pub use pages::{AgreementRow, agreement_rows};
pub use regulate::__path_regulate_api;

pub fn router() -> Router<AppState> {
    Router::new()
        .merge(api::router())
        .merge(pages::router())
        .merge(form::router())
        .merge(regulate::router())
}
