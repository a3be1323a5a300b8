//! Settlement (SPEC §7, §10 "Settlement") as API and pages: data processing agreements
//! (R-AUTH-3), requests and decisions (R-SET-1, R-SET-2), offers (R-SET-3) and the report
//! (R-SET-7).

mod agreements_api;
mod agreements_page;
mod api;
mod dashboard_panel;
mod export_routes;
mod folder_page;
mod folders_api;
mod import_page;
mod letters_api;
mod letters_page;
mod notes_api;
mod notes_page;
mod offer_rows;
mod offers_api;
mod overview_page;
mod page_forms;
mod placement_api;
mod placement_form;
mod placement_page;
mod report_page;
mod threads_api;
mod threads_page;

use axum::Router;

use crate::state::AppState;

// The OpenAPI description (routes/openapi.rs) names these handlers.
pub use agreements_api::{
    __path_list_agreements_api, __path_put_agreement_api, __path_put_profile_api,
    __path_put_required_version_api,
};
pub use api::{
    __path_approve_decision_api, __path_create_decision_api, __path_create_request_api,
    __path_import_requests_api, __path_list_requests_api, __path_report_api,
    __path_report_records_api,
};
pub use dashboard_panel::{SettlementPanel, settlement_panel};
pub use export_routes::__path_export_api;
pub use folders_api::{__path_folder_api, __path_put_folder_api, __path_settle_api};
pub use letters_api::{
    __path_decide_api, __path_municipality_letter_api, __path_resident_letter_api,
};
pub use notes_api::{
    __path_add_decision_note_api, __path_add_resident_note_api, __path_decision_notes_api,
    __path_resident_notes_api,
};
pub use offers_api::{
    __path_answer_offer_api, __path_create_offer_api, __path_list_offers_api, __path_offer_api,
};
pub use placement_api::{__path_proposal_api, __path_send_api};
pub use threads_api::{__path_notifications_api, __path_post_message_api, __path_threads_api};

pub fn router() -> Router<AppState> {
    Router::new()
        .merge(agreements_api::router())
        .merge(api::router())
        .merge(offers_api::router())
        .merge(folders_api::router())
        .merge(agreements_page::router())
        .merge(folder_page::router())
        .merge(overview_page::router())
        .merge(report_page::router())
        .merge(letters_api::router())
        .merge(letters_page::router())
        .merge(import_page::router())
        .merge(threads_api::router())
        .merge(threads_page::router())
        .merge(notes_api::router())
        .merge(notes_page::router())
        .merge(export_routes::router())
        .merge(placement_api::router())
        .merge(placement_page::router())
}
