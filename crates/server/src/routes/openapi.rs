//! The OpenAPI 3.1 description, generated from the handlers, and a readable docs page.

use axum::response::{Html, IntoResponse};
use axum::routing::get;
use axum::{Json, Router};
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

use crate::state::AppState;

mod problems;

use problems::ProblemResponses;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "mottak API",
        description = "From reception centre to settlement. JSON under /api/v1 with \
            `Authorization: Bearer TOKEN`; money in integer øre, dates YYYY-MM-DD; errors are \
            application/problem+json (RFC 9457) with `field` and `errors` naming invalid input; \
            unknown members are invalid."
    ),
    paths(
        super::health::healthz,
        super::health::readyz,
        super::calendar::add_working_days,
        super::claims::simulate,
        super::events::search_api,
        super::users::list_api,
        super::staff::centre_staff_api,
        super::staff::order_api,
        super::staff::region_staff_api,
        super::staff::approve_api,
        super::staff::refuse_api,
        super::staff::disable_api,
        super::staff::enable_api,
        super::users::create_api,
        super::users::update_api,
        super::users::reset_totp_api,
        super::users::issue_token_api,
        super::users::revoke_token_api,
        super::registry::create_operator_api,
        super::registry::list_operators_api,
        super::registry::operator_api,
        super::registry::update_operator_api,
        super::registry::create_centre_api,
        super::registry::list_centres_api,
        super::registry::centre_api,
        super::registry::update_centre_api,
        super::registry::plan_lifecycle_api,
        super::registry::apply_lifecycle_api,
        super::registry::address_list_json,
        super::registry::import_api,
        super::reference::put_cpi,
        super::reference::get_municipality,
        super::reference::get_postal_code,
        super::placement::solve_api,
        super::claims::create_claim_api,
        super::claims::make_month_api,
        super::claims::list_claims_api,
        super::claims::claim_api,
        super::claims::claim_csv_api,
        super::claims::claim_pdf_api,
        super::agreements::create_agreement_api,
        super::agreements::list_agreements_api,
        super::agreements::agreement_api,
        super::agreements::update_agreement_api,
        super::agreements::notice_api,
        super::agreements::agreement_versions_api,
        super::agreements::regulate_api,
        super::residents::create_resident_api,
        super::residents::resident_api,
        super::residents::add_stay_api,
        super::residents::centre_residents_api,
        super::residents::residents_to_move_api,
        super::occupancy::month_api,
        super::occupancy::put_month_api,
        super::occupancy::import_month_csv_api,
        super::occupancy::approve_month_api,
        super::plans::preview_api,
        super::plans::tasks::tasks_api,
        super::plans::calendar_feed::make_feed_api,
        super::plans::templates::template_api,
        super::plans::templates::revise_api,
        super::plans::calendar_feed::revoke_feed_api,
        super::worklog::log_api,
        super::worklog::create_entry_api,
        super::worklog::update_entry_api,
        super::worklog::follow_up_api,
        super::worklog::log_csv_api,
        super::worklog::log_pdf_api,
        super::settlement::put_required_version_api,
        super::settlement::put_agreement_api,
        super::settlement::list_agreements_api,
        super::settlement::put_profile_api,
        super::settlement::create_request_api,
        super::settlement::list_requests_api,
        super::settlement::create_decision_api,
        super::settlement::approve_decision_api,
        super::settlement::create_offer_api,
        super::settlement::list_offers_api,
        super::settlement::offer_api,
        super::settlement::answer_offer_api,
        super::settlement::report_api,
        super::settlement::report_records_api,
        super::settlement::proposal_api,
        super::settlement::send_api,
        super::settlement::put_folder_api,
        super::settlement::folder_api,
        super::settlement::settle_api,
        super::settlement::decide_api,
        super::settlement::municipality_letter_api,
        super::settlement::resident_letter_api,
        super::settlement::import_requests_api,
        super::settlement::threads_api,
        super::settlement::post_message_api,
        super::settlement::notifications_api,
        super::settlement::resident_notes_api,
        super::settlement::add_resident_note_api,
        super::settlement::decision_notes_api,
        super::settlement::add_decision_note_api,
        super::settlement::export_api,
    ),
    components(schemas(crate::error::Problem, crate::error::ProblemField)),
    modifiers(&BearerAuth, &ProblemResponses),
    tags(
        (name = "operations", description = "Health and readiness"),
        (name = "calendar", description = "Working days (R-CAL-1)"),
        (name = "claims", description = "Reimbursement claims (SPEC §5): simulate a month's claim"),
        (name = "event log", description = "The tamper-evident event log (SPEC §8)"),
        (name = "users", description = "Accounts (R-AUTH-4)"),
        (name = "staff", description = "Operators' staff accounts: order, approve, disable (R-AUTH-6)"),
        (name = "registry", description = "Operators and reception centres (SPEC §3)"),
        (name = "reference", description = "Reference data: the consumer price index (R-AGR-9), municipality and postal-code names"),
        (name = "agreements", description = "Operating agreements (SPEC §4), versioned"),
        (name = "residents", description = "Residents and their stays (SPEC §5, R-OCC-1)"),
        (name = "occupancy", description = "Occupancy per day and its approval (R-OCC-2, R-OCC-3)"),
        (name = "placement", description = "Placement proposals with a proven bound (R-SET-9)"),
        (name = "plans", description = "Opening, closing and follow-up plans (SPEC §6)"),
        (name = "settlement", description = "Settlement (SPEC §7): data processing agreements, requests, decisions, offers, report"),
    )
)]
pub struct ApiDoc;

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/api/v1/openapi.json",
            get(|| async { Json(ApiDoc::openapi()) }),
        )
        .route("/api/docs", get(docs_page))
}

async fn docs_page() -> impl IntoResponse {
    Html(
        r#"<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>mottak API</title>
  <link rel="stylesheet" href="/assets/swagger-ui.css">
</head>
<body>
  <main id="swagger-ui"></main>
  <noscript><p>The API description is at <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>.</p></noscript>
  <script src="/assets/swagger-ui-bundle.js"></script>
  <script src="/assets/api-docs.js"></script>
</body>
</html>"#,
    )
}
