//! Work on plans (SPEC §6): "my tasks" in the caller's scope, overdue first; the order texts
//! for the IT service desk on the plan page; contact routing on the centre page (R-PLN-2).

use mottak_domain::access::Role;
use serde_json::Value;

use crate::authorization::{agreement_target, registry_targets};
use crate::helpers::{TestApp, spawn_app};

/// A centre in VEST with its first main agreement, and so its opening and new-centre plans.
async fn centre_with_plans(app: &TestApp) -> i64 {
    let (centre, operator) = registry_targets(app).await;
    agreement_target(app, centre, operator).await;
    centre
}

#[tokio::test]
async fn spec_6_my_tasks_lists_the_regions_open_tasks_overdue_first() {
    let app = spawn_app().await;
    let centre = centre_with_plans(&app).await;
    let west = app.create_user("region.vest", Role::UdiRegion).await;
    let token = app.token_for(&west).await;
    let (status, tasks) = app.api(&token).get("/api/v1/tasks").await;
    assert_eq!(status, 200, "{tasks}");
    let tasks = tasks.as_array().unwrap();
    assert!(!tasks.is_empty());
    assert!(tasks.iter().all(|task| task["centre_id"] == centre));
    // Overdue first, then dated, then those waiting for another task.
    let rank = |task: &Value| match (task["overdue"].as_bool().unwrap(), task["due"].is_null()) {
        (true, _) => 0,
        (false, false) => 1,
        (false, true) => 2,
    };
    let ranks: Vec<i32> = tasks.iter().map(rank).collect();
    assert!(ranks.windows(2).all(|pair| pair[0] <= pair[1]), "{ranks:?}");
    assert_eq!(ranks[0], 0, "the 2025 opening deadlines have passed");
    let overdue_dates: Vec<&str> = tasks
        .iter()
        .filter(|task| task["overdue"] == true)
        .map(|task| task["due"].as_str().unwrap())
        .collect();
    assert!(overdue_dates.windows(2).all(|pair| pair[0] <= pair[1]));
    // Signed 1 November 2025: the fixed IP address was due that day, the earliest deadline.
    assert_eq!(tasks[0]["key"], "opening.ip_address");

    let east = app
        .create_user_in("region.east", Role::UdiRegion, Some("ØST"), None, None)
        .await;
    let east_token = app.token_for(&east).await;
    let (_, none) = app.api(&east_token).get("/api/v1/tasks?region=VEST").await;
    assert_eq!(none, serde_json::json!([]), "a region sees only its own");
}

#[tokio::test]
async fn spec_6_my_tasks_first_page_keeps_the_work_order_and_counts_the_rest() {
    let app = spawn_app().await;
    centre_with_plans(&app).await;
    let west = app.create_user("region.vest", Role::UdiRegion).await;
    let token = app.token_for(&west).await;
    let (_, all) = app.api(&token).get("/api/v1/tasks").await;
    let all = all.as_array().unwrap().clone();
    assert!(all.len() > 3);
    let (status, first) = app.api(&token).get("/api/v1/tasks?limit=3").await;
    assert_eq!(status, 200, "{first}");
    assert_eq!(
        first.as_array().unwrap()[..],
        all[..3],
        "the first three in work order"
    );
    let (status, bad) = app.api(&token).get("/api/v1/tasks?limit=many").await;
    assert_eq!(status, 400, "{bad}");

    let browser = app.login(&west).await;
    let html = app.page(&browser, "/tasks?limit=2").await;
    assert!(
        html.contains(&format!("Vis alle åpne oppgaver ({})", all.len())),
        "the first page counts every open task: {html}"
    );
    let every = app.page(&browser, "/tasks").await;
    assert!(
        !every.contains("id=\"task-horizon\""),
        "all fit on the first page"
    );
}

#[tokio::test]
async fn spec_6_my_tasks_filters_by_team_and_names_a_bad_one() {
    let app = spawn_app().await;
    centre_with_plans(&app).await;
    let user = app.create_user("adm", Role::UdiAdm).await;
    let token = app.token_for(&user).await;
    let (status, tasks) = app.api(&token).get("/api/v1/tasks?team=udi_adm").await;
    assert_eq!(status, 200, "{tasks}");
    let tasks = tasks.as_array().unwrap();
    assert!(!tasks.is_empty());
    assert!(tasks.iter().all(|task| task["responsible"] == "udi_adm"));
    let (status, problem) = app.api(&token).get("/api/v1/tasks?team=kitchen").await;
    assert_eq!(status, 400);
    assert_eq!(problem["errors"][0]["field"], "team", "{problem}");
    let (status, problem) = app.api(&token).get("/api/v1/tasks?region=MARS").await;
    assert_eq!(status, 400);
    assert_eq!(problem["errors"][0]["field"], "region", "{problem}");
}

#[tokio::test]
async fn spec_6_the_tasks_page_links_each_task_to_its_plan() {
    let app = spawn_app().await;
    centre_with_plans(&app).await;
    let user = app.create_user("region.vest", Role::UdiRegion).await;
    let browser = app.login(&user).await;
    let dashboard = app.page(&browser, "/").await;
    assert!(dashboard.contains("href=\"/tasks\""), "{dashboard}");
    let html = app.page(&browser, "/tasks").await;
    assert!(html.contains("Mine oppgaver"), "{html}");
    assert!(html.contains("href=\"/plans/"), "{html}");
    assert!(html.contains("Forfalt"), "{html}");
    let bad = browser
        .get(app.url("/tasks?team=kitchen"))
        .send()
        .await
        .unwrap();
    assert_eq!(bad.status(), 400);
    let bad = bad.text().await.unwrap();
    assert!(bad.contains("id=\"team-error\""), "{bad}");
}

#[tokio::test]
async fn spec_6_the_duf_access_task_has_an_order_text_from_the_centres_data() {
    let app = spawn_app().await;
    let centre = centre_with_plans(&app).await;
    let plans = app.store.plans_of_centre(centre).await.unwrap();
    let opening = plans
        .iter()
        .find(|plan| plan.template_key == "opening")
        .unwrap();
    let record = app.store.centre(centre).await.unwrap();
    let user = app.create_user("adm", Role::UdiAdm).await;
    let browser = app.login(&user).await;
    let html = app.page(&browser, &format!("/plans/{}", opening.id)).await;
    assert!(
        html.contains("Bestilling: registrering i DUFs tilgangsmodul"),
        "{html}"
    );
    assert!(
        html.contains(&format!("Mottak: {} Bergen asylmottak", record.number)),
        "{html}"
    );
    assert!(html.contains("Driftsoperatør: Hero Norge AS (org.nr. 974760673)"));
    assert!(html.contains("Bestilling: stedstilgang i Sesam"));
}

#[tokio::test]
async fn r_pln_2_the_centre_page_shows_todays_phase_and_the_routing() {
    let app = spawn_app().await;
    let centre = centre_with_plans(&app).await;
    let user = app.create_user("region.vest", Role::UdiRegion).await;
    let browser = app.login(&user).await;
    let html = app.page(&browser, &format!("/centres/{centre}")).await;
    assert!(html.contains("Kontakt med mottaket"), "{html}");
    // Operation started 1 January 2026 with an experienced operator: three months of start-up.
    assert!(
        html.contains("Driftsfase: teamene kan kontakte mottaket direkte"),
        "{html}"
    );
}
