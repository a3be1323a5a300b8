//! Plans on real centres (SPEC §6): started from a centre's page with one of its agreements,
//! a task done dates the task that waited for it, a task not needed needs a reason, and another
//! region's plan is not found.

use mottak_domain::access::Role;

use crate::authorization::{agreement_target, registry_targets};
use crate::helpers::{TestApp, spawn_app};

/// The position of the stored task of `key`.
async fn position(app: &TestApp, plan: i64, key: &str) -> i64 {
    let tasks = app.store.plan_tasks(plan).await.unwrap();
    tasks
        .iter()
        .find(|task| task.item_key == key)
        .unwrap()
        .position
}

#[tokio::test]
async fn spec_6_a_plan_started_on_a_centre_dates_a_task_when_the_one_before_is_done() {
    let app = spawn_app().await;
    let (centre, operator) = registry_targets(&app).await;
    let agreement = agreement_target(&app, centre, operator).await;
    let user = app.create_user("region.vest", Role::UdiRegion).await;
    let browser = app.login(&user).await;
    let page = format!("/centres/{centre}/plans");
    assert!(
        app.page(&browser, &format!("/centres/{centre}"))
            .await
            .contains(&page)
    );
    let response = app
        .submit(
            &browser,
            &page,
            &page,
            &[
                ("template", "opening"),
                ("agreement_id", &agreement.to_string()),
            ],
        )
        .await;
    assert_eq!(response.status(), 303);
    let location = response.headers()["location"].to_str().unwrap().to_owned();
    let plan: i64 = location.trim_start_matches("/plans/").parse().unwrap();
    let html = app.page(&browser, &location).await;
    assert!(
        html.contains("Bestille registrering i tilgangsmodulen i DUF"),
        "{html}"
    );
    // Signed 1 November 2025: five working days later; the start is 1 January 2026.
    assert!(html.contains("07.11.2025"), "{html}");
    let tasks = app.store.plan_tasks(plan).await.unwrap();
    let waiting = tasks
        .iter()
        .find(|task| task.item_key == "opening.agreement")
        .unwrap();
    assert_eq!(waiting.due, None);

    let duf = position(&app, plan, "opening.duf_access").await;
    let action = format!("/plans/{plan}/tasks/{duf}");
    let response = app
        .submit(
            &browser,
            &location,
            &action,
            &[("status", "done"), ("ordered_on", "03.11.2025")],
        )
        .await;
    assert_eq!(response.status(), 303);
    let tasks = app.store.plan_tasks(plan).await.unwrap();
    let done = tasks
        .iter()
        .find(|task| task.item_key == "opening.duf_access")
        .unwrap();
    assert_eq!(done.status, "done");
    assert_eq!(done.ordered_on.as_deref(), Some("2025-11-03"));
    let today = mottak_domain::calendar::norwegian_date(chrono::Utc::now());
    let expected = mottak_domain::calendar::add_working_days(today, 2).unwrap();
    let dated = tasks
        .iter()
        .find(|task| task.item_key == "opening.agreement")
        .unwrap();
    assert_eq!(dated.due, Some(expected.to_string()));

    let mailbox = position(&app, plan, "opening.mailbox").await;
    let response = app
        .submit(
            &browser,
            &location,
            &format!("/plans/{plan}/tasks/{mailbox}"),
            &[("status", "not_needed"), ("reason", "")],
        )
        .await;
    assert_eq!(response.status(), 400);
    let html = response.text().await.unwrap();
    assert!(html.contains("id=\"reason-error\""), "{html}");

    let east = app
        .create_user_in("region.east", Role::UdiRegion, Some("ØST"), None, None)
        .await;
    let other = app.login(&east).await;
    let status = other.get(app.url(&location)).send().await.unwrap().status();
    assert_eq!(status, 404);
}

#[tokio::test]
async fn spec_6_a_plan_needs_an_agreement_of_the_centre() {
    let app = spawn_app().await;
    let (centre, _) = registry_targets(&app).await;
    let user = app.create_user("adm", Role::UdiAdm).await;
    let browser = app.login(&user).await;
    let page = format!("/centres/{centre}/plans");
    let html = app.page(&browser, &page).await;
    assert!(html.contains("ingen avtaler"), "{html}");
    let response = app
        .submit(
            &browser,
            &page,
            &page,
            &[("template", "closing"), ("agreement_id", "424242")],
        )
        .await;
    assert_eq!(response.status(), 400);
    let html = response.text().await.unwrap();
    assert!(html.contains("Velg en av mottakets avtaler"), "{html}");
}

#[tokio::test]
async fn spec_6_notice_re_dates_the_open_tasks_of_the_agreements_plans() {
    let app = spawn_app().await;
    let (centre, operator) = registry_targets(&app).await;
    let agreement = agreement_target(&app, centre, operator).await;
    let user = app.create_user("adm", Role::UdiAdm).await;
    let browser = app.login(&user).await;
    let page = format!("/centres/{centre}/plans");
    let response = app
        .submit(
            &browser,
            &page,
            &page,
            &[
                ("template", "closing"),
                ("agreement_id", &agreement.to_string()),
            ],
        )
        .await;
    let location = response.headers()["location"].to_str().unwrap().to_owned();
    let plan: i64 = location.trim_start_matches("/plans/").parse().unwrap();
    let due = |key: &'static str| {
        let store = app.store.clone();
        async move {
            let tasks = store.plan_tasks(plan).await.unwrap();
            let task = tasks.into_iter().find(|task| task.item_key == key).unwrap();
            (task.due, task.status)
        }
    };
    // Valid to 1 January 2028: deletion not before 1 April 2028.
    assert_eq!(
        due("closing.sesam_users").await.0.as_deref(),
        Some("2028-04-01")
    );
    let dates = position(&app, plan, "closing.dates").await;
    let response = app
        .submit(
            &browser,
            &location,
            &format!("/plans/{plan}/tasks/{dates}"),
            &[("status", "done")],
        )
        .await;
    assert_eq!(response.status(), 303);
    let token = app.token_for(&user).await;
    let (status, body) = app
        .api(&token)
        .post(
            &format!("/api/v1/agreements/{agreement}/notice"),
            &serde_json::json!({"date": "2026-06-15"}),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    // Stop date 15 September 2026 (three months' notice): three months later.
    assert_eq!(
        due("closing.sesam_users").await.0.as_deref(),
        Some("2026-12-15")
    );
    // A task already done keeps its date.
    let (done_due, done_status) = due("closing.dates").await;
    assert_eq!(
        (done_due.as_deref(), done_status.as_str()),
        (Some("2027-12-01"), "done")
    );
}

#[tokio::test]
async fn demo_agreements_start_an_opening_and_a_follow_up_plan_on_the_first_centre() {
    let app = spawn_app().await;
    mottak_server::demo::fill(&app.store).await.unwrap();
    let agreement = app.store.agreements(None, None).await.unwrap().remove(0);
    let centre = agreement.terms.units[0].centre_id;
    let plans = app.store.plans_of_centre(centre).await.unwrap();
    let mut templates: Vec<&str> = plans
        .iter()
        .map(|plan| plan.template_key.as_str())
        .collect();
    templates.sort();
    assert_eq!(templates, ["new_centre", "opening"]);
}
