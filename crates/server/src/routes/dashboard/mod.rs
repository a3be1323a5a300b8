//! The start page: each role's own work (issue 17) — its tasks, centres and settlement, and
//! for UDI the registry's gaps — and, for admins only, the system's figures.

mod panels;

use askama::Template;
use axum::Router;
use axum::routing::get;

use crate::auth::{Caller, allow};
use crate::pages::{Page, PageResult, Shell, render};
use crate::state::AppState;
use mottak_domain::access::{Capability, Role};

pub fn router() -> Router<AppState> {
    Router::new().route("/", get(dashboard).route_layer(allow(Capability::SignedIn)))
}

#[derive(Template)]
#[template(path = "dashboard.html")]
struct DashboardPage {
    shell: Shell,
    caller: Caller,
    scope: String,
    active_users: i64,
    sessions: i64,
    events_today: i64,
    municipalities: i64,
    postal_codes: i64,
    number_series: i64,
    users_by_role: Vec<(String, i64)>,
    /// Whether the system's figures are shown (admins).
    system: bool,
    panels: Vec<panels::Panel>,
    /// Where the role's work starts: (href, title key, description key).
    shortcuts: Vec<(&'static str, &'static str, &'static str)>,
    open_centres: i64,
    operators: i64,
    /// A municipal caseworker's settlement: the year's decision and the offers to answer.
    settlement: Option<super::settlement::SettlementPanel>,
    /// New settlement messages to the caller's side (R-SET-8): offer, from whom, when.
    notifications: Vec<crate::settlement::threads::Notification>,
}

async fn dashboard(Page(state, shell, caller): Page) -> PageResult {
    let users_by_role = state.store.count_users_by_role().await?;
    let reference = state.store.reference_counts().await?;
    let today = crate::registry::today();
    let scope = match (
        &caller.region,
        &caller.operator_dro,
        &caller.municipality_number,
    ) {
        (Some(region), _, _) => format!("Region {region}"),
        (_, Some(operator), _) => operator.to_string(),
        (_, _, Some(number)) => match state.store.municipality(number, &today).await {
            Ok(municipality) => format!("{} {}", municipality.number, municipality.name),
            Err(_) => number.clone(),
        },
        _ => shell.t("dashboard.national").to_owned(),
    };
    let open_centres = state
        .store
        .count_centres_by_status()
        .await?
        .into_iter()
        .find(|(status, _)| status == "open")
        .map_or(0, |(_, count)| count);
    let operators = state.store.count_operators().await?;
    let settlement = super::settlement::settlement_panel(&state, &shell, &caller).await?;
    let notifications = crate::settlement::threads::notifications(&state.store, &caller).await?;
    let panels = panels::for_caller(&state, &shell, &caller).await?;
    let page = DashboardPage {
        system: caller.role == Role::Admin,
        panels,
        shortcuts: shortcuts(caller.role),
        settlement,
        notifications,
        open_centres,
        operators,
        active_users: users_by_role.iter().map(|(_, count)| count).sum(),
        sessions: state.store.count_live_sessions().await?,
        events_today: state.store.count_events_since(&today).await?,
        municipalities: reference.municipalities,
        postal_codes: reference.postal_codes,
        number_series: reference.number_series,
        users_by_role,
        scope,
        caller,
        shell: shell.with_title("dashboard.title"),
    };
    Ok(render(&page))
}

/// The pages a role starts its day on that no panel covers.
fn shortcuts(role: Role) -> Vec<(&'static str, &'static str, &'static str)> {
    match role {
        Role::Imdi => vec![
            (
                "/settlement",
                "nav.settlement",
                "dashboard.do.settlement_imdi",
            ),
            ("/placement", "nav.placement", "dashboard.do.placement"),
            (
                "/settlement/report",
                "nav.settlement_report",
                "dashboard.do.report",
            ),
            (
                "/settlement/agreements",
                "nav.agreements_dpa",
                "dashboard.do.agreements_dpa",
            ),
        ],
        Role::MunicipalityAdmin => vec![("/admin/users", "nav.users", "dashboard.do.caseworkers")],
        Role::Municipality => vec![(
            "/settlement",
            "nav.settlement",
            "dashboard.do.settlement_municipality",
        )],
        Role::Operator => vec![("/claims", "nav.claims", "dashboard.do.claims")],
        Role::UdiRegion => vec![(
            "/tasks/calendar",
            "calendar_month.title",
            "dashboard.do.calendar",
        )],
        Role::UdiAdm | Role::Admin => vec![("/claims", "nav.claims", "dashboard.do.claims_udi")],
    }
}
