//! Plans that start by themselves (SPEC §6): an agreement's registration, a notice and a new
//! number (R-REG-2), each inside the triggering write with a `plan.started` event.

use mottak_domain::access::Role;
use mottak_store::events::EventQuery;
use serde_json::json;

use crate::authorization::{agreement_target, registry_targets};
use crate::helpers::{TestApp, spawn_app};

async fn templates_of(app: &TestApp, centre: i64) -> Vec<String> {
    let mut templates: Vec<String> = app
        .store
        .plans_of_centre(centre)
        .await
        .unwrap()
        .into_iter()
        .map(|plan| plan.template_key)
        .collect();
    templates.sort();
    templates
}

async fn started_events(app: &TestApp) -> Vec<serde_json::Value> {
    let query = EventQuery {
        entity_type: Some("plan".to_owned()),
        limit: 100,
        ..EventQuery::default()
    };
    app.store
        .search_events(&query)
        .await
        .unwrap()
        .into_iter()
        .filter(|event| event.action == "plan.started")
        .map(|event| serde_json::from_str(&event.summary).unwrap())
        .collect()
}

#[tokio::test]
async fn spec_6_a_first_main_agreement_starts_the_opening_and_new_centre_plans() {
    let app = spawn_app().await;
    let (centre, operator) = registry_targets(&app).await;
    agreement_target(&app, centre, operator).await;
    assert_eq!(templates_of(&app, centre).await, ["new_centre", "opening"]);
    let events = started_events(&app).await;
    assert_eq!(events.len(), 2, "{events:?}");
    assert!(
        events
            .iter()
            .all(|event| event["trigger"] == "agreement.created")
    );
}

#[tokio::test]
async fn spec_6_a_notice_starts_the_closing_plan_once() {
    let app = spawn_app().await;
    let (centre, operator) = registry_targets(&app).await;
    let agreement = agreement_target(&app, centre, operator).await;
    let user = app.create_user("adm", Role::UdiAdm).await;
    let token = app.token_for(&user).await;
    let notice = format!("/api/v1/agreements/{agreement}/notice");
    let (status, body) = app
        .api(&token)
        .post(&notice, &json!({"date": "2026-06-15"}))
        .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(
        templates_of(&app, centre).await,
        ["closing", "new_centre", "opening"]
    );
    let plans = app.store.plans_of_centre(centre).await.unwrap();
    let closing = plans
        .iter()
        .find(|plan| plan.template_key == "closing")
        .unwrap();
    let tasks = app.store.plan_tasks(closing.id).await.unwrap();
    let users = tasks
        .iter()
        .find(|task| task.item_key == "closing.sesam_users")
        .unwrap();
    // Stop date 15 September 2026: not before three months later.
    assert_eq!(users.due.as_deref(), Some("2026-12-15"));
    // A second notice re-dates the closing plan instead of starting another.
    let (status, body) = app
        .api(&token)
        .post(&notice, &json!({"date": "2026-05-15"}))
        .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(templates_of(&app, centre).await.len(), 3);
}

#[tokio::test]
async fn r_reg_2_a_new_number_starts_duf_access_supplier_and_accounting() {
    let app = spawn_app().await;
    let (centre, operator) = registry_targets(&app).await;
    agreement_target(&app, centre, operator).await;
    let user = app.create_user("adm", Role::UdiAdm).await;
    let token = app.token_for(&user).await;
    let (status, outcome) = app
        .api(&token)
        .post(
            &format!("/api/v1/centres/{centre}/lifecycle"),
            &json!({"operation": "add_place_type", "place_type": "reinforced",
                "new_name": "Bergen asylmottak FA", "version": 1}),
        )
        .await;
    assert_eq!(status, 200, "{outcome}");
    let successor = outcome["new_centre_id"].as_i64().unwrap();
    let plans = app.store.plans_of_centre(successor).await.unwrap();
    assert_eq!(plans.len(), 1);
    assert_eq!(plans[0].template_key, "new_number");
    let keys: Vec<String> = app
        .store
        .plan_tasks(plans[0].id)
        .await
        .unwrap()
        .into_iter()
        .map(|task| task.item_key)
        .collect();
    assert_eq!(
        keys,
        [
            "opening.duf_access",
            "opening.supplier",
            "opening.accounting"
        ]
    );
    // The plan's page reads it back, dated from the predecessor's agreement.
    let browser = app.login(&user).await;
    let html = app.page(&browser, &format!("/plans/{}", plans[0].id)).await;
    assert!(html.contains("Nytt mottaksnummer"), "{html}");
}

#[tokio::test]
async fn spec_6_an_emergency_centres_agreement_starts_the_emergency_follow_up() {
    use mottak_server::registry::{CentreInput, create_centre};
    let app = spawn_app().await;
    let (_, operator) = registry_targets(&app).await;
    let actor = mottak_store::events::Actor::system("test");
    let input = CentreInput {
        name: "Bergen akuttinnkvartering".into(),
        category: "emergency".into(),
        series: "12".into(),
        municipality_number: "4601".into(),
        postal_code: "5003".into(),
        operator_id: operator,
        ..CentreInput::default()
    };
    let (centre, _) = create_centre(&app.store, &actor, &input)
        .await
        .unwrap_or_else(|_| panic!("centre created"));
    agreement_target(&app, centre.id, operator).await;
    assert_eq!(
        templates_of(&app, centre.id).await,
        ["emergency", "opening"]
    );
}
