//! Each role's start page shows its own work (issue 17): tasks for those who follow plans, the
//! registry's gaps for UDI, a region's and an operator's centres, and the system's figures to
//! admins only.

use mottak_domain::access::Role;

use crate::authorization::{agreement_target, registry_targets};
use crate::helpers::{TestApp, spawn_app};

async fn start_page(app: &TestApp, username: &str, role: Role) -> String {
    let user = app.create_user(username, role).await;
    let browser = app.login(&user).await;
    app.page(&browser, "/").await
}

/// The text of the panel `id`, up to its end.
fn panel<'a>(html: &'a str, id: &str) -> Option<&'a str> {
    html.split(&format!("id=\"panel-{id}\""))
        .nth(1)
        .and_then(|rest| rest.split("</section>").next())
}

#[tokio::test]
async fn issue_17_only_admins_see_the_systems_figures() {
    let app = spawn_app().await;
    let admin = start_page(&app, "admin.dash", Role::Admin).await;
    assert!(admin.contains("id=\"system\""), "{admin}");
    for (name, role) in [
        ("operator.dash", Role::Operator),
        ("caseworker.dash", Role::Municipality),
        ("region.dash", Role::UdiRegion),
        ("imdi.dash", Role::Imdi),
    ] {
        let html = start_page(&app, name, role).await;
        assert!(!html.contains("id=\"system\""), "{role:?}: {html}");
        assert!(!html.contains("Postnumre"), "{role:?}");
    }
}

#[tokio::test]
async fn issue_17_udi_sees_centres_with_incomplete_accounting_and_what_they_lack() {
    let app = spawn_app().await;
    let (centre, operator) = registry_targets(&app).await;
    agreement_target(&app, centre, operator).await;
    let html = start_page(&app, "udi.dash", Role::UdiAdm).await;
    let accounting = panel(&html, "accounting").unwrap_or_else(|| panic!("{html}"));
    assert!(
        accounting.contains(&format!("/centres/{centre}#h-accounting")),
        "{accounting}"
    );
    assert!(
        accounting.contains("mangler: K-sted eksternt"),
        "{accounting}"
    );
    let tasks = panel(&html, "tasks").unwrap_or_else(|| panic!("{html}"));
    assert!(tasks.contains("href=\"/plans/"), "the first tasks: {tasks}");
    assert!(panel(&html, "lifecycle").is_some(), "{html}");
    assert!(panel(&html, "centres").is_none(), "UDI's scope is national");
}

#[tokio::test]
async fn issue_17_a_region_and_an_operator_see_their_own_centres() {
    let app = spawn_app().await;
    let (centre, _) = registry_targets(&app).await;
    let region = start_page(&app, "region.vest", Role::UdiRegion).await;
    let centres = panel(&region, "centres").unwrap_or_else(|| panic!("{region}"));
    assert!(
        centres.contains(&format!("/centres/{centre}\"")),
        "{centres}"
    );
    assert!(panel(&region, "accounting").is_none());

    let operator = start_page(&app, "operator.own", Role::Operator).await;
    let centres = panel(&operator, "centres").unwrap_or_else(|| panic!("{operator}"));
    assert!(
        centres.contains(&format!("/centres/{centre}\"")),
        "{centres}"
    );
    assert!(
        panel(&operator, "tasks").is_none(),
        "operators do not follow plans"
    );

    let east = app
        .create_user_in("region.east", Role::UdiRegion, Some("ØST"), None, None)
        .await;
    let browser = app.login(&east).await;
    let html = app.page(&browser, "/").await;
    let centres = panel(&html, "centres").unwrap();
    assert!(
        !centres.contains(&format!("/centres/{centre}\"")),
        "{centres}"
    );
}

#[tokio::test]
async fn issue_17_imdi_and_municipalities_start_from_their_settlement_work() {
    let app = spawn_app().await;
    let imdi = start_page(&app, "imdi.start", Role::Imdi).await;
    assert!(imdi.contains("id=\"shortcuts\""), "{imdi}");
    assert!(imdi.contains("href=\"/placement\""), "{imdi}");
    let admin = start_page(&app, "kommune.admin", Role::MunicipalityAdmin).await;
    assert!(admin.contains("href=\"/admin/users\""), "{admin}");
}
