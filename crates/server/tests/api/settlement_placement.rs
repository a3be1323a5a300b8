//! Placement from stored data (R-SET-9): the waiting households, the remaining decided numbers,
//! a proposal that never exceeds them, and the step that sends it as offers (R-SET-3).

use serde_json::{Value, json};

use crate::helpers::{TestApp, spawn_app};
use crate::settlement::{Settlement, approved_decision, haile, household, offer, settlement};

async fn propose(app: &TestApp, token: &str, body: Value) -> (u16, Value) {
    app.api(token)
        .post("/api/v1/settlement/placement/proposal", &body)
        .await
}

fn households(proposal: &Value) -> Vec<&str> {
    let mut keys: Vec<&str> = proposal["assignments"]
        .as_array()
        .unwrap()
        .iter()
        .chain(proposal["unassigned"].as_array().unwrap())
        .map(|row| row["household"].as_str().unwrap())
        .collect();
    keys.sort_unstable();
    keys
}

/// Haile (2), Rahimi (2, offered and open) and Noor (1); 4601 decided 5 for 2026.
async fn register(app: &TestApp) -> Settlement {
    let people = settlement(app).await;
    haile(app, &people.udi).await;
    household(
        app,
        &people.udi,
        "rahimi",
        "2023123457",
        &["1985-11-30", "1988-01-09"],
    )
    .await;
    household(app, &people.udi, "noor", "2023123458", &["1979-03-03"]).await;
    approved_decision(app, &people.bergen, 5).await;
    let (status, body) = app
        .api(&people.imdi)
        .post("/api/v1/settlement/offers", &offer("rahimi"))
        .await;
    assert_eq!(status, 201, "{body}");
    people
}

#[tokio::test]
async fn r_set_9_a_proposal_starts_from_the_waiting_households_and_the_remaining_numbers() {
    let app = spawn_app().await;
    let people = register(&app).await;
    let (status, proposal) = propose(
        &app,
        &people.imdi,
        json!({ "year": 2026, "time_limit_ms": 500 }),
    )
    .await;
    assert_eq!(status, 200, "{proposal}");
    // Rahimi is held by its open offer; 5 decided − 2 offered = 3 left in 4601.
    assert_eq!(households(&proposal), ["haile", "noor"]);
    let bergen = &proposal["municipalities"][0];
    assert_eq!(
        (
            bergen["number"].as_str(),
            bergen["name"].as_str(),
            bergen["remaining"].as_i64()
        ),
        (Some("4601"), Some("Bergen"), Some(3))
    );
    assert_eq!(bergen["proposed"], 3);
    assert_eq!(proposal["assignments"][0]["municipality_name"], "Bergen");
    assert!(proposal["upper_bound"].as_f64().unwrap() >= proposal["objective"].as_f64().unwrap());
}

#[tokio::test]
async fn r_set_9_a_proposal_never_exceeds_a_municipality_s_remaining_number() {
    let app = spawn_app().await;
    let people = settlement(&app).await;
    haile(&app, &people.udi).await;
    household(
        &app,
        &people.udi,
        "rahimi",
        "2023123457",
        &["1985-11-30", "1988-01-09"],
    )
    .await;
    household(&app, &people.udi, "noor", "2023123458", &["1979-03-03"]).await;
    approved_decision(&app, &people.bergen, 3).await;
    let (status, proposal) = propose(
        &app,
        &people.imdi,
        json!({ "year": 2026, "time_limit_ms": 500,
            "scores": [
                { "household": "haile", "municipality_number": "4601", "score": 5 },
                { "household": "rahimi", "municipality_number": "4601", "score": 4 },
                { "household": "noor", "municipality_number": "4601", "score": 1 }
            ] }),
    )
    .await;
    assert_eq!(status, 200, "{proposal}");
    let placed: i64 = proposal["assignments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|row| row["size"].as_i64().unwrap())
        .sum();
    assert_eq!(placed, 3);
    assert_eq!(proposal["objective"].as_f64(), Some(6.0));
    assert_eq!(proposal["unassigned"][0]["household"], "rahimi");
}

#[tokio::test]
async fn r_set_9_unknown_municipalities_households_that_do_not_wait_and_nothing_to_place_are_400() {
    let app = spawn_app().await;
    let people = register(&app).await;
    let (status, body) = propose(
        &app,
        &people.imdi,
        json!({ "year": 2026, "scores": [
            { "household": "haile", "municipality_number": "9999", "score": 1 },
            { "household": "rahimi", "municipality_number": "0301", "score": 1 }
        ] }),
    )
    .await;
    assert_eq!(status, 400, "{body}");
    assert_eq!(
        crate::settlement::fields(&body),
        [
            "scores[0].municipality_number",
            "scores[1].municipality_number",
            "scores[1].household"
        ]
    );
    assert_eq!(body["errors"][0]["detail"], "unknown municipality 9999");
    let (status, body) = propose(&app, &people.imdi, json!({ "year": 2026, "scores": [] })).await;
    assert_eq!(
        (status, body["field"].as_str()),
        (400, Some("scores")),
        "{body}"
    );
    let (status, body) = propose(&app, &people.imdi, json!({ "year": 2025 })).await;
    assert_eq!(
        (status, body["field"].as_str()),
        (400, Some("year")),
        "{body}"
    );
}

#[tokio::test]
async fn r_set_9_sending_a_proposal_creates_the_offers_and_names_each_one_refused() {
    let app = spawn_app().await;
    let people = register(&app).await;
    let send = json!({ "year": 2026, "deadline": "2099-01-31", "assignments": [
        { "household": "haile", "municipality_number": "4601" },
        { "household": "noor", "municipality_number": "4601" },
        { "household": "rahimi", "municipality_number": "4601" }
    ] });
    let (status, body) = app
        .api(&people.imdi)
        .post("/api/v1/settlement/placement/send", &send)
        .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["created"].as_array().unwrap().len(), 2, "{body}");
    assert_eq!(body["failed"][0]["household"], "rahimi");
    assert_eq!(body["failed"][0]["status"], 409);
    let (_, offers) = app
        .api(&people.bergen)
        .get("/api/v1/settlement/offers?year=2026")
        .await;
    assert_eq!(offers.as_array().unwrap().len(), 3, "{offers}");
    // Nobody waits any more: the proposal has nothing to place.
    let (status, body) = propose(&app, &people.imdi, json!({ "year": 2026 })).await;
    assert_eq!(
        (status, body["field"].as_str()),
        (400, Some("year")),
        "{body}"
    );
    let (status, body) = app
        .api(&people.imdi)
        .post(
            "/api/v1/settlement/placement/send",
            &json!({ "deadline": "2001-01-01", "assignments": [] }),
        )
        .await;
    assert_eq!(status, 400);
    assert_eq!(
        crate::settlement::fields(&body),
        ["deadline", "assignments"]
    );
}

#[tokio::test]
async fn r_set_9_a_municipality_may_neither_propose_nor_send() {
    let app = spawn_app().await;
    let people = register(&app).await;
    let (status, _) = propose(&app, &people.bergen, json!({ "year": 2026 })).await;
    assert_eq!(status, 403);
    let (status, _) = app
        .api(&people.bergen)
        .post(
            "/api/v1/settlement/placement/send",
            &json!({ "deadline": "2099-01-31", "assignments": [] }),
        )
        .await;
    assert_eq!(status, 403);
}

#[tokio::test]
async fn r_set_9_the_register_page_proposes_and_sends_only_when_asked() {
    let app = spawn_app().await;
    let people = register(&app).await;
    let user = app
        .create_user("imdi.page", mottak_domain::access::Role::Imdi)
        .await;
    let browser = app.login(&user).await;
    let page = app.page(&browser, "/settlement/placement").await;
    assert!(page.contains("4601 Bergen"), "{page}");
    let fields = [
        ("year", "2026"),
        ("scoring", "criteria"),
        ("time_limit_ms", "500"),
    ];
    let response = app
        .submit(
            &browser,
            "/settlement/placement",
            "/settlement/placement",
            &fields,
        )
        .await;
    assert_eq!(response.status(), 200);
    let html = response.text().await.unwrap();
    assert!(html.contains("id=\"objective\""), "{html}");
    assert!(html.contains("haile;4601"), "{html}");
    // Only a proposal: nothing offered yet besides Rahimi's.
    let (_, offers) = app
        .api(&people.imdi)
        .get("/api/v1/settlement/offers?year=2026")
        .await;
    assert_eq!(offers.as_array().unwrap().len(), 1);
    let fields = [
        ("year", "2026"),
        ("assignments", "haile;4601\nrahimi;4601"),
        ("deadline", "31.01.2099"),
    ];
    let html = app
        .submit(
            &browser,
            "/settlement/placement",
            "/settlement/placement/send",
            &fields,
        )
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains("id=\"sent-failed\""), "{html}");
    assert!(html.contains("rahimi → 4601"), "{html}");
    let (_, offers) = app
        .api(&people.imdi)
        .get("/api/v1/settlement/offers?year=2026")
        .await;
    assert_eq!(offers.as_array().unwrap().len(), 2);
}
