//! Operators' staff accounts (R-AUTH-6): order → approve → login in the centre's window.

use chrono::{Days, NaiveDate};
use mottak_domain::access::Role;
use serde_json::{Value, json};

use crate::authorization::registry_targets;
use crate::helpers::{TestApp, browser, spawn_app};

fn today() -> NaiveDate {
    mottak_domain::calendar::norwegian_date(chrono::Utc::now())
}

/// A main agreement for the centre valid from `from` to `to`.
async fn agreement(app: &TestApp, operator: i64, centre: i64, from: NaiveDate, to: NaiveDate) {
    let mut body = crate::agreements::main_agreement(operator, centre);
    let day = |date: NaiveDate| date.format("%Y-%m-%d").to_string();
    body["signed"] = json!(day(from - Days::new(60)));
    body["operation_start"] = json!(day(from));
    body["valid_from"] = json!(day(from));
    body["valid_to"] = json!(day(to));
    let input: mottak_domain::agreements::AgreementInput = serde_json::from_value(body).unwrap();
    let actor = mottak_store::events::Actor::system("test");
    mottak_server::agreements::create_agreement(&app.store, &actor, &input)
        .await
        .unwrap_or_else(|_| panic!("agreement created"));
}

struct Setup {
    app: TestApp,
    centre: i64,
    operator_token: String,
    region_token: String,
}

/// A centre in VEST run by DRO1000, with its operator's and its region's tokens.
async fn staff_setup() -> (Setup, i64) {
    let app = spawn_app().await;
    let (centre, operator) = registry_targets(&app).await;
    let operator_user = app.create_user("drift.leder", Role::Operator).await;
    let region_user = app.create_user("region.vest", Role::UdiRegion).await;
    let operator_token = app.token_for(&operator_user).await;
    let region_token = app.token_for(&region_user).await;
    (
        Setup {
            app,
            centre,
            operator_token,
            region_token,
        },
        operator,
    )
}

async fn post(app: &TestApp, token: &str, path: &str, body: Value) -> (u16, Value) {
    let response = reqwest::Client::new()
        .post(app.url(path))
        .bearer_auth(token)
        .json(&body)
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    (status, response.json().await.unwrap_or(Value::Null))
}

async fn get(app: &TestApp, token: &str, path: &str) -> (u16, Value) {
    let response = reqwest::Client::new()
        .get(app.url(path))
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    (status, response.json().await.unwrap_or(Value::Null))
}

/// Orders and approves an account; returns the order's id and the initial password.
async fn ordered_and_approved(setup: &Setup, username: &str) -> (i64, String) {
    let path = format!("/api/v1/centres/{}/staff", setup.centre);
    let body =
        json!({"display_name": "Kari Nordmann", "email": "kari@example.no", "username": username});
    let (status, order) = post(&setup.app, &setup.operator_token, &path, body).await;
    assert_eq!(status, 201, "{order}");
    assert_eq!(order["status"], "ordered");
    let id = order["id"].as_i64().unwrap();
    let approve = format!("/api/v1/staff/{id}/approve");
    let body = json!({"elearning_completed": true});
    let (status, approved) = post(&setup.app, &setup.region_token, &approve, body).await;
    assert_eq!(status, 200, "{approved}");
    assert_eq!(approved["staff"]["status"], "approved");
    let password = approved["initial_password"].as_str().unwrap().to_owned();
    (id, password)
}

/// The password step: 303 on to the second factor, or the refusal.
async fn login_status(app: &TestApp, username: &str, password: &str) -> (u16, String) {
    let client = browser();
    let response = app.submit_password(&client, username, password).await;
    let status = response.status().as_u16();
    (status, response.text().await.unwrap())
}

async fn actions(app: &TestApp) -> Vec<String> {
    let mut events = app
        .store
        .search_events(&mottak_store::events::EventQuery {
            limit: 1000,
            ..Default::default()
        })
        .await
        .unwrap();
    events.sort_by_key(|event| event.seq);
    events
        .into_iter()
        .map(|event| event.action)
        .filter(|action| action.starts_with("staff.") || action == "user.created")
        .collect()
}

#[tokio::test]
async fn r_auth_6_order_approve_after_the_e_learning_and_log_in_inside_the_window() {
    let (setup, operator) = staff_setup().await;
    let app = &setup.app;
    agreement(
        app,
        operator,
        setup.centre,
        today() - Days::new(3),
        today() + Days::new(300),
    )
    .await;
    let path = format!("/api/v1/centres/{}/staff", setup.centre);
    // Every error at once.
    let (status, problem) = post(
        app,
        &setup.operator_token,
        &path,
        json!({"email": "nope", "username": "A B"}),
    )
    .await;
    assert_eq!(status, 400, "{problem}");
    let fields: Vec<&str> = problem["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["display_name", "email", "username"]);
    // The region may not order.
    let body = json!({"display_name": "Kari Nordmann", "username": "kari.nordmann"});
    let (status, _) = post(app, &setup.region_token, &path, body.clone()).await;
    assert_eq!(status, 403);
    let (status, order) = post(app, &setup.operator_token, &path, body).await;
    assert_eq!(status, 201, "{order}");
    let id = order["id"].as_i64().unwrap();
    // The region sees the order.
    let (status, list) = get(app, &setup.region_token, "/api/v1/staff").await;
    assert_eq!(status, 200);
    assert_eq!(list.as_array().unwrap().len(), 1);
    // Without the e-learning confirmation: refused with a field error.
    let approve = format!("/api/v1/staff/{id}/approve");
    let (status, problem) = post(app, &setup.region_token, &approve, json!({})).await;
    assert_eq!(status, 400, "{problem}");
    assert_eq!(problem["field"], "elearning_completed");
    // The operator may not approve its own order.
    let (status, _) = post(
        app,
        &setup.operator_token,
        &approve,
        json!({"elearning_completed": true}),
    )
    .await;
    assert_eq!(status, 403);
    let (status, approved) = post(
        app,
        &setup.region_token,
        &approve,
        json!({"elearning_completed": true}),
    )
    .await;
    assert_eq!(status, 200, "{approved}");
    let password = approved["initial_password"].as_str().unwrap();
    // Twice is a conflict.
    let (status, _) = post(
        app,
        &setup.region_token,
        &approve,
        json!({"elearning_completed": true}),
    )
    .await;
    assert_eq!(status, 409);
    // Inside the window: the password is accepted, on to enrolling the second factor.
    let (status, _) = login_status(app, "kari.nordmann", password).await;
    assert_eq!(status, 303);
    let user = app.store.user_by_username("kari.nordmann").await.unwrap();
    assert_eq!(user.role, "operator");
    assert_eq!(user.operator_dro.as_deref(), Some("DRO1000"));
    assert_eq!(
        actions(app).await[..],
        [
            "user.created",
            "user.created",
            "staff.ordered",
            "user.created",
            "staff.approved"
        ]
    );
}

#[tokio::test]
async fn r_auth_6_an_employee_account_is_refused_before_the_window_and_after_it() {
    // Before: the agreement starts in 30 days, access opens in 23.
    let (setup, operator) = staff_setup().await;
    let app = &setup.app;
    agreement(
        app,
        operator,
        setup.centre,
        today() + Days::new(30),
        today() + Days::new(400),
    )
    .await;
    let (_, password) = ordered_and_approved(&setup, "tidlig.ansatt").await;
    let (status, page) = login_status(app, "tidlig.ansatt", &password).await;
    assert_eq!(status, 403);
    assert!(page.contains("ikke åpen ennå"), "{page}");
    let opens = (today() + Days::new(23)).format("%d.%m.%Y").to_string();
    assert!(page.contains(&opens), "{page}");
    // Its API token is refused too, with problem+json.
    let user = crate::helpers::TestUser {
        id: 0,
        username: "tidlig.ansatt".into(),
        totp_secret: String::new(),
    };
    let token = app.token_for(&user).await;
    let response = reqwest::Client::new()
        .get(app.url(&format!("/api/v1/centres/{}/staff", setup.centre)))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 403);
    assert_eq!(
        response.headers()["content-type"],
        "application/problem+json"
    );
    let problem: Value = response.json().await.unwrap();
    assert!(
        problem["detail"].as_str().unwrap().contains("open on"),
        "{problem}"
    );
    assert!(
        actions(app)
            .await
            .contains(&"staff.login_refused".to_owned())
    );

    // After: the agreement ended more than three months ago.
    let (setup, operator) = staff_setup().await;
    let app = &setup.app;
    agreement(
        app,
        operator,
        setup.centre,
        today() - Days::new(700),
        today() - Days::new(150),
    )
    .await;
    let (_, password) = ordered_and_approved(&setup, "sein.ansatt").await;
    let (status, page) = login_status(app, "sein.ansatt", &password).await;
    assert_eq!(status, 403);
    assert!(page.contains("stengt"), "{page}");
}

#[tokio::test]
async fn r_auth_6_in_the_claims_only_tail_only_claims_and_occupancy_remain() {
    let (setup, operator) = staff_setup().await;
    let app = &setup.app;
    // Ended 45 days ago: past the month of staff access, inside the three months of claims.
    agreement(
        app,
        operator,
        setup.centre,
        today() - Days::new(400),
        today() - Days::new(45),
    )
    .await;
    let (_, password) = ordered_and_approved(&setup, "hale.ansatt").await;
    let (status, _) = login_status(app, "hale.ansatt", &password).await;
    assert_eq!(status, 303);
    let user = crate::helpers::TestUser {
        id: 0,
        username: "hale.ansatt".into(),
        totp_secret: String::new(),
    };
    let token = app.token_for(&user).await;
    let (status, problem) = get(
        app,
        &token,
        &format!("/api/v1/centres/{}/staff", setup.centre),
    )
    .await;
    assert_eq!(status, 403, "{problem}");
    assert!(
        problem["detail"].as_str().unwrap().contains("only claims"),
        "{problem}"
    );
    // Claims are past the window check (400: the listing wants its filters; not 403).
    let (status, problem) = get(app, &token, "/api/v1/claims").await;
    assert_ne!(status, 403, "{problem}");
}

#[tokio::test]
async fn r_auth_6_disabled_for_leave_refuses_login_until_enabled_again() {
    let (setup, operator) = staff_setup().await;
    let app = &setup.app;
    agreement(
        app,
        operator,
        setup.centre,
        today() - Days::new(3),
        today() + Days::new(300),
    )
    .await;
    let (id, password) = ordered_and_approved(&setup, "permisjon.ansatt").await;
    let disable = format!("/api/v1/staff/{id}/disable");
    let (status, problem) = post(
        app,
        &setup.operator_token,
        &disable,
        json!({"reason": "holiday"}),
    )
    .await;
    assert_eq!(status, 400, "{problem}");
    assert_eq!(problem["field"], "reason");
    let (status, record) = post(
        app,
        &setup.operator_token,
        &disable,
        json!({"reason": "leave"}),
    )
    .await;
    assert_eq!(status, 200, "{record}");
    assert_eq!(record["status"], "disabled");
    let (status, _) = login_status(app, "permisjon.ansatt", &password).await;
    assert_eq!(status, 401);
    let enable = format!("/api/v1/staff/{id}/enable");
    let (status, record) = post(app, &setup.region_token, &enable, json!({})).await;
    assert_eq!(status, 200, "{record}");
    let (status, _) = login_status(app, "permisjon.ansatt", &password).await;
    assert_eq!(status, 303);
    // Left: disabled for good.
    let (status, _) = post(
        app,
        &setup.region_token,
        &disable,
        json!({"reason": "left"}),
    )
    .await;
    assert_eq!(status, 200);
    let (status, _) = post(app, &setup.region_token, &enable, json!({})).await;
    assert_eq!(status, 409);
    let actions = actions(app).await;
    for action in ["staff.disabled", "staff.enabled"] {
        assert!(actions.contains(&action.to_owned()), "{actions:?}");
    }
}

#[tokio::test]
async fn r_auth_6_another_region_and_another_operator_get_403() {
    let (setup, operator) = staff_setup().await;
    let app = &setup.app;
    agreement(
        app,
        operator,
        setup.centre,
        today() - Days::new(3),
        today() + Days::new(300),
    )
    .await;
    let path = format!("/api/v1/centres/{}/staff", setup.centre);
    let body = json!({"display_name": "Ola Nordmann", "username": "ola.nordmann"});
    let (status, order) = post(app, &setup.operator_token, &path, body.clone()).await;
    assert_eq!(status, 201);
    let id = order["id"].as_i64().unwrap();
    let other_region = app
        .create_user_in("region.nord", Role::UdiRegion, Some("NORD"), None, None)
        .await;
    let other_region = app.token_for(&other_region).await;
    let other_operator = app
        .create_user_in("annen.drift", Role::Operator, None, Some("DRO2000"), None)
        .await;
    let other_operator = app.token_for(&other_operator).await;
    let approve = format!("/api/v1/staff/{id}/approve");
    let (status, _) = post(
        app,
        &other_region,
        &approve,
        json!({"elearning_completed": true}),
    )
    .await;
    assert_eq!(status, 403);
    let (status, _) = get(app, &other_region, &path).await;
    assert_eq!(status, 403);
    let (status, list) = get(app, &other_region, "/api/v1/staff").await;
    assert_eq!((status, list), (200, json!([])));
    let (status, _) = post(app, &other_operator, &path, body).await;
    assert_eq!(status, 403);
    let (status, _) = get(app, &other_operator, &path).await;
    assert_eq!(status, 403);
    let (status, _) = post(
        app,
        &other_operator,
        &format!("/api/v1/staff/{id}/disable"),
        json!({"reason": "left"}),
    )
    .await;
    assert_eq!(status, 403);
    let (status, problem) = post(
        app,
        &setup.region_token,
        &format!("/api/v1/staff/{id}/refuse"),
        json!({}),
    )
    .await;
    assert_eq!(status, 400, "{problem}");
    assert_eq!(problem["field"], "reason");
    let (status, record) = post(
        app,
        &setup.region_token,
        &format!("/api/v1/staff/{id}/refuse"),
        json!({"reason": "E-læringen er ikke fullført"}),
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(record["status"], "refused");
}

#[tokio::test]
async fn r_auth_6_the_pages_order_keep_the_input_and_approve_only_with_the_e_learning() {
    let (setup, operator) = staff_setup().await;
    let app = &setup.app;
    agreement(
        app,
        operator,
        setup.centre,
        today() - Days::new(3),
        today() + Days::new(300),
    )
    .await;
    let operator = app.create_user("drift.sjef", Role::Operator).await;
    let operator = app.login(&operator).await;
    let path = format!("/centres/{}/staff", setup.centre);
    let page = app.page(&operator, &path).await;
    assert!(page.contains("Bestill konto"), "{page}");
    let csrf = crate::helpers::csrf_token(&page);
    let response = operator
        .post(app.url(&path))
        .form(&[
            ("csrf", csrf.as_str()),
            ("display_name", ""),
            ("email", "feil"),
            ("username", "Per Hansen"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 400);
    let page = response.text().await.unwrap();
    for field in ["#display_name", "#email", "#username"] {
        assert!(page.contains(field), "{field}: {page}");
    }
    assert!(page.contains("value=\"Per Hansen\""), "{page}");
    let response = operator
        .post(app.url(&path))
        .form(&[
            ("csrf", csrf.as_str()),
            ("display_name", "Per Hansen"),
            ("email", ""),
            ("username", "per.hansen"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 303);

    let region = app.create_user("region.sjef", Role::UdiRegion).await;
    let region = app.login(&region).await;
    let page = app.page(&region, "/staff").await;
    assert!(
        page.contains("per.hansen") && page.contains("E-læring fullført"),
        "{page}"
    );
    let csrf = crate::helpers::csrf_token(&page);
    let (_, list) = get(app, &setup.region_token, "/api/v1/staff").await;
    let id = list[0]["id"].as_i64().unwrap();
    let approve = app.url(&format!("/staff/{id}/approve"));
    let response = region
        .post(&approve)
        .form(&[("csrf", csrf.as_str()), ("back", "/staff")])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 400);
    let page = response.text().await.unwrap();
    assert!(
        page.contains(&format!("#elearning_completed-{id}")),
        "{page}"
    );
    let response = region
        .post(&approve)
        .form(&[
            ("csrf", csrf.as_str()),
            ("back", "/staff"),
            ("elearning_completed", "1"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let page = response.text().await.unwrap();
    assert!(page.contains("Førstegangspassord"), "{page}");
}
