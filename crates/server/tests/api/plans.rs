//! `POST /api/v1/plans/preview` (SPEC §10) and the preview page (SPEC §6).

use mottak_domain::access::Role;
use serde_json::{Value, json};

use crate::helpers::{TestApp, spawn_app};

async fn preview(app: &TestApp, token: &str, body: &Value) -> (u16, Value) {
    app.api(token).post("/api/v1/plans/preview", body).await
}

fn tasks<'a>(body: &'a Value, key: &str) -> Vec<&'a Value> {
    body["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|task| task["key"] == key)
        .collect()
}

fn due<'a>(body: &'a Value, key: &str) -> &'a Value {
    let found = tasks(body, key);
    assert_eq!(found.len(), 1, "{key}: {body}");
    &found[0]["due"]
}

#[tokio::test]
async fn spec_10_emergency_preview_gives_three_phases_and_dated_tasks() {
    let app = spawn_app().await;
    let token = app.token_of_new("region", Role::UdiRegion).await;
    let (status, body) = preview(
        &app,
        &token,
        &json!({"template": "emergency", "signed": "2026-01-10", "awarded": "2026-01-05",
            "operation_start": "2026-02-01", "end": "2027-02-01", "operator_experienced": false}),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(
        body["phases"],
        json!([
            {"name": "startup", "from": "2026-01-10", "to": "2026-03-01"},
            {"name": "operation", "from": "2026-03-01", "to": "2027-01-01"},
            {"name": "closing", "from": "2027-01-01", "to": "2027-02-01"}
        ])
    );
    // Within 7 days after the award, and 14 days after the start, for a new operator.
    assert_eq!(due(&body, "emergency.meeting1"), "2026-01-12");
    assert_eq!(due(&body, "emergency.meeting2"), "2026-02-15");
    assert!(tasks(&body, "emergency.startup_talk").is_empty());
    assert_eq!(due(&body, "emergency.control_assessment"), "2026-08-01");
    // Waits for the regional director's orientation.
    assert!(due(&body, "emergency.host_letter").is_null());
    let task = tasks(&body, "emergency.meeting1")[0];
    assert_eq!(task["title"], "Oppstartsmøte 1");
    assert_eq!(task.as_object().unwrap().len(), 3, "{task}");
}

#[tokio::test]
async fn spec_10_a_recurring_item_appears_once_per_occurrence() {
    let app = spawn_app().await;
    let token = app.token_of_new("region", Role::UdiRegion).await;
    let (status, body) = preview(
        &app,
        &token,
        &json!({"template": "new_centre", "signed": "2025-12-01",
            "operation_start": "2026-01-01", "end": "2028-01-01", "operator_experienced": true}),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let calls = tasks(&body, "new_centre.weekly_call");
    assert_eq!(calls.len(), 8, "{body}");
    assert_eq!(calls[0]["due"], "2026-01-07");
    assert_eq!(
        body["phases"][0],
        json!({"name": "startup", "from": "2026-01-01", "to": "2026-04-01"})
    );
    assert!(due(&body, "new_centre.staff_course").is_null());
}

#[tokio::test]
async fn r_pln_1_opening_orders_sesam_10_working_days_before_access_opens() {
    let app = spawn_app().await;
    let token = app.token_of_new("region", Role::UdiRegion).await;
    let (status, body) = preview(
        &app,
        &token,
        &json!({"template": "opening", "signed": "2026-01-05",
            "operation_start": "2026-04-15", "end": "2027-04-15", "operator_experienced": true}),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["phases"], json!([]));
    assert_eq!(due(&body, "opening.sesam_site"), "2026-03-20");
    assert!(due(&body, "opening.agreement").is_null());
    let (status, body) = preview(
        &app,
        &token,
        &json!({"template": "closing", "signed": "2025-01-05",
            "operation_start": "2025-02-01", "end": "2026-07-01", "operator_experienced": true}),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(due(&body, "closing.sesam_users"), "2026-10-01");
}

#[tokio::test]
async fn spec_10_english_titles_on_request() {
    let app = spawn_app().await;
    let token = app.token_of_new("adm", Role::UdiAdm).await;
    let response = reqwest::Client::new()
        .post(app.url("/api/v1/plans/preview"))
        .bearer_auth(&token)
        .header("accept-language", "en-GB,en;q=0.8")
        .json(&json!({"template": "closing", "signed": "2025-01-05",
            "operation_start": "2025-02-01", "end": "2026-07-01", "operator_experienced": true}))
        .send()
        .await
        .unwrap();
    let body: Value = response.json().await.unwrap();
    let task = tasks(&body, "closing.equipment")[0];
    assert_eq!(
        task["title"],
        "Follow up the return of the video-interview equipment"
    );
}

#[tokio::test]
async fn spec_10_bad_input_is_400_naming_the_field() {
    let app = spawn_app().await;
    let token = app.token_of_new("region", Role::UdiRegion).await;
    let base = json!({"template": "emergency", "signed": "2026-01-10",
        "operation_start": "2026-02-01", "end": "2027-02-01", "operator_experienced": false});
    let with = |member: &str, value: Value| {
        let mut body = base.clone();
        body[member] = value;
        body
    };
    for (body, field) in [
        (with("template", json!("opnening")), "template"),
        (with("end", json!("2026-02-01")), "end"),
        (with("end", json!("2026-02-30")), "end"),
        (with("signed", json!("10.01.2026")), "signed"),
        (with("awarded", json!("2026-01-11")), "awarded"),
        (with("stopdate", json!("2026-06-01")), "stopdate"),
        (
            with("operator_experienced", json!("yes")),
            "operator_experienced",
        ),
    ] {
        let (status, answer) = preview(&app, &token, &body).await;
        assert_eq!(status, 400, "{body}: {answer}");
        assert_eq!(answer["field"], field, "{answer}");
    }
    let mut missing = base.clone();
    missing.as_object_mut().unwrap().remove("operation_start");
    let (status, answer) = preview(&app, &token, &missing).await;
    assert_eq!(
        (status, answer["field"].as_str()),
        (400, Some("operation_start"))
    );
}

#[tokio::test]
async fn spec_6_the_preview_page_shows_phases_and_tasks_and_errors_beside_fields() {
    let app = spawn_app().await;
    let user = app.create_user("region.page", Role::UdiRegion).await;
    let browser = app.login(&user).await;
    let page = app.page(&browser, "/plans/preview").await;
    assert!(page.contains("Forhåndsvis plan"), "{page}");
    let fields = [
        ("template", "emergency"),
        ("signed", "10.01.2026"),
        ("awarded", ""),
        ("operation_start", "01.02.2026"),
        ("end", "01.02.2027"),
        ("startup_months", ""),
    ];
    let response = app
        .submit(&browser, "/plans/preview", "/plans/preview", &fields)
        .await;
    assert_eq!(response.status(), 200);
    let html = response.text().await.unwrap();
    assert!(html.contains("id=\"phases\""), "{html}");
    assert!(
        html.contains("31.12.2026"),
        "the operation phase's last day: {html}"
    );
    assert!(
        html.contains("Oppstartsmøte 1") && html.contains("17.01.2026"),
        "{html}"
    );
    let mut bad = fields;
    bad[4] = ("end", "01.01.2026");
    let response = app
        .submit(&browser, "/plans/preview", "/plans/preview", &bad)
        .await;
    assert_eq!(response.status(), 400);
    let html = response.text().await.unwrap();
    assert!(html.contains("id=\"end-error\""), "{html}");
    assert!(
        html.contains("Sluttdatoen må være etter driftsstart"),
        "{html}"
    );
    assert!(
        html.contains("value=\"01.01.2026\""),
        "keeps the input: {html}"
    );
}
