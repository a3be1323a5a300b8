//! Plan templates are versioned data an admin revises (SPEC §6): new plans start from the
//! latest revision, running plans keep the version they were started from.

use mottak_domain::access::Role;
use serde_json::Value;

use crate::authorization::{agreement_target, registry_targets};
use crate::helpers::{TestApp, spawn_app};

/// Starts an `opening` plan from the page, as a region would; the plan's path.
async fn start_opening(
    app: &TestApp,
    browser: &reqwest::Client,
    centre: i64,
    agreement: i64,
) -> String {
    let page = format!("/centres/{centre}/plans");
    let response = app
        .submit(
            browser,
            &page,
            &page,
            &[
                ("template", "opening"),
                ("agreement_id", &agreement.to_string()),
            ],
        )
        .await;
    assert_eq!(response.status(), 303);
    response.headers()["location"].to_str().unwrap().to_owned()
}

#[tokio::test]
async fn spec_6_a_revision_serves_new_plans_and_running_plans_keep_their_version() {
    let app = spawn_app().await;
    let (centre, operator) = registry_targets(&app).await;
    let agreement = agreement_target(&app, centre, operator).await;
    let region = app.create_user("region.vest", Role::UdiRegion).await;
    let browser = app.login(&region).await;
    let before = start_opening(&app, &browser, centre, agreement).await;

    let reader = app.token_for(&region).await;
    let (status, mut template) = app
        .api(&reader)
        .get("/api/v1/plans/templates/opening")
        .await;
    assert_eq!(status, 200, "{template}");
    assert_eq!(template["version"], 1);
    let (status, _) = app
        .api(&reader)
        .put("/api/v1/plans/templates/opening", &template)
        .await;
    assert_eq!(status, 403, "only admins revise");

    let items = template["items"].as_array_mut().unwrap();
    items.retain(|item| item["key"] != "opening.address_list");
    let admin = app.token_of_new("admin.templates", Role::Admin).await;
    let (status, revised) = app
        .api(&admin)
        .put("/api/v1/plans/templates/opening", &template)
        .await;
    assert_eq!(status, 200, "{revised}");
    assert_eq!(revised["version"], 2);
    let (_, current) = app
        .api(&reader)
        .get("/api/v1/plans/templates/opening")
        .await;
    assert_eq!(current["version"], 2);

    let after = start_opening(&app, &browser, centre, agreement).await;
    let old = app.page(&browser, &before).await;
    let new = app.page(&browser, &after).await;
    assert!(old.contains("Malversjon 1"), "{old}");
    assert!(new.contains("Malversjon 2"), "{new}");
    assert!(
        old.contains("Oppdatere adresselisten"),
        "the running plan keeps its task"
    );
    assert!(
        !new.contains("Oppdatere adresselisten"),
        "the revision has no such task"
    );
}

#[tokio::test]
async fn spec_6_a_revision_is_refused_with_every_error() {
    let app = spawn_app().await;
    let admin = app.token_of_new("admin.templates", Role::Admin).await;
    let (_, mut template) = app.api(&admin).get("/api/v1/plans/templates/closing").await;
    template["key"] = Value::from("opening");
    let first = template["items"][0].clone();
    template["items"].as_array_mut().unwrap().push(first);
    let (status, problem) = app
        .api(&admin)
        .put("/api/v1/plans/templates/closing", &template)
        .await;
    assert_eq!(status, 400, "{problem}");
    let fields: Vec<&str> = problem["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|error| error["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields[0], "key", "{problem}");
    assert!(fields[1].ends_with("].key"), "{problem}");
    let (status, _) = app.api(&admin).get("/api/v1/plans/templates/kitchen").await;
    assert_eq!(status, 400);
    let (_, unchanged) = app.api(&admin).get("/api/v1/plans/templates/closing").await;
    assert_eq!(unchanged["version"], 1, "nothing stored");
}

#[tokio::test]
async fn spec_6_an_admin_revises_on_the_page_and_keeps_what_was_typed_when_refused() {
    let app = spawn_app().await;
    let admin = app.create_user("admin.page", Role::Admin).await;
    let browser = app.login(&admin).await;
    let html = app.page(&browser, "/plans/templates/emergency").await;
    assert!(html.contains("id=\"document\""), "{html}");
    let bad = app
        .submit(
            &browser,
            "/plans/templates/emergency",
            "/plans/templates/emergency",
            &[("document", "{\"key\": \"emergency\"")],
        )
        .await;
    assert_eq!(bad.status(), 400);
    let bad = bad.text().await.unwrap();
    assert!(bad.contains("Ikke gyldig JSON for en mal"), "{bad}");
    assert!(
        bad.contains("{&#34;key&#34;: &#34;emergency&#34;</textarea>"),
        "the typed document is kept: {bad}"
    );

    let region = app.create_user("region.vest", Role::UdiRegion).await;
    let reader = app.login(&region).await;
    let html = app.page(&reader, "/plans/templates/emergency").await;
    assert!(html.contains("id=\"template-items\""), "{html}");
    assert!(
        !html.contains("id=\"document\""),
        "only admins see the form"
    );
}
