//! Operator scope (SPEC §1, R-REG-3): an operator user's DRO number is parsed with its type,
//! must name an operator that exists, and is compared as a number wherever scope is checked.

use std::io::Write;

use mottak_domain::access::Role;
use serde_json::{Value, json};

use crate::helpers::{PASSWORD, TestApp, csrf_token, spawn_app};

/// Registers operator DRO1000 with one centre through the API; returns the centre's id.
async fn operator_with_a_centre(app: &TestApp, token: &str) -> i64 {
    let api = app.api(token);
    let operator =
        json!({ "name": "Hero", "organisation_number": "974760673", "experienced": true });
    let (_, operator) = api.post("/api/v1/operators", &operator).await;
    assert_eq!(operator["dro_number"], "DRO1000");
    let centre = json!({
        "name": "Oslo asylmottak", "category": "ordinary", "series": "03",
        "municipality_number": "0301", "postal_code": "0010", "operator_id": operator["id"],
    });
    let (_, centre) = api.post("/api/v1/centres", &centre).await;
    centre["id"].as_i64().expect("centre created")
}

/// (number of centres listed, status of the centre's page) as `token` sees them.
async fn what_it_sees(app: &TestApp, token: &str, centre_id: i64) -> (Value, u16) {
    let api = app.api(token);
    let (_, list) = api.get("/api/v1/centres").await;
    let (status, _) = api.get(&format!("/api/v1/centres/{centre_id}")).await;
    (list["total"].clone(), status)
}

#[tokio::test]
async fn r_reg_3_operator_scope_uses_the_typed_dro_number() {
    let app = spawn_app().await;
    let udi = app.create_user("udi", Role::UdiAdm).await;
    let centre = operator_with_a_centre(&app, &app.token_for(&udi).await).await;
    let own = app
        .create_user_in("drift", Role::Operator, None, Some("DRO1000"), None)
        .await;
    assert_eq!(
        what_it_sees(&app, &app.token_for(&own).await, centre).await,
        (json!(1), 200)
    );
    // An account stored with another spelling (as `--operator DRO01000` used to store it) gets
    // no operator at all: the list and the centre's page agree.
    let misspelt = app
        .create_user_in("gammel", Role::Operator, None, Some("DRO01000"), None)
        .await;
    assert_eq!(
        what_it_sees(&app, &app.token_for(&misspelt).await, centre).await,
        (json!(0), 403)
    );
}

#[tokio::test]
async fn r_reg_3_an_operator_account_needs_the_dro_number_of_an_existing_operator() {
    let app = spawn_app().await;
    let admin = app.create_user("admin", Role::Admin).await;
    let token = app.token_for(&admin).await;
    operator_with_a_centre(&app, &token).await;
    let client = reqwest::Client::new();
    let create = |username: &str, dro: &str| {
        client
            .post(app.url("/api/v1/users"))
            .bearer_auth(&token)
            .json(&json!({ "username": username, "role": "operator", "operator_dro": dro, "password": PASSWORD }))
            .send()
    };
    for (dro, says) in [("DRO01000", "leading zeros"), ("DRO1999", "no operator")] {
        let refused = create("drift", dro).await.unwrap();
        assert_eq!(refused.status(), 400, "{dro}");
        let problem: Value = refused.json().await.unwrap();
        assert_eq!(problem["field"], "operator_dro", "{dro}");
        assert!(
            problem["detail"].as_str().unwrap().contains(says),
            "{problem}"
        );
    }
    let created: Value = create("drift", "dro1000")
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(created["operator_dro"], "DRO1000");
    let rescoped = client
        .patch(app.url(&format!("/api/v1/users/{}", created["id"])))
        .bearer_auth(&token)
        .json(&json!({ "version": 1, "role": "operator", "operator_dro": "DRO1999" }))
        .send()
        .await
        .unwrap();
    assert_eq!(rescoped.status(), 400);
    let stored = app.store.user_by_username("drift").await.unwrap();
    assert_eq!(stored.operator_dro.as_deref(), Some("DRO1000"));
}

#[tokio::test]
async fn r_reg_3_user_page_names_an_operator_that_does_not_exist() {
    let app = spawn_app().await;
    let admin = app.create_user("admin", Role::Admin).await;
    let client = app.login(&admin).await;
    let page = app.page(&client, "/admin/users").await;
    let response = client
        .post(app.url("/admin/users"))
        .form(&[
            ("csrf", csrf_token(&page).as_str()),
            ("username", "drift"),
            ("role", "operator"),
            ("operator", "DRO1999"),
            ("password", PASSWORD),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 400);
    let html = response.text().await.unwrap();
    assert!(html.contains("id=\"operator-error\""), "{html}");
    assert!(html.contains("DRO1999"));
}

#[tokio::test]
async fn r_reg_3_user_add_on_the_command_line_refuses_a_dro_number_without_its_operator() {
    let app = spawn_app().await;
    let udi = app.create_user("udi", Role::UdiAdm).await;
    operator_with_a_centre(&app, &app.token_for(&udi).await).await;
    let user_add = |username: &str, dro: &str| {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_mottak"))
            .args(["user", "add", "--role", "operator", "--password-stdin"])
            .args(["--username", username, "--operator", dro])
            .args(["--database-url", &app.database_url])
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("the mottak binary runs");
        writeln!(child.stdin.take().unwrap(), "{PASSWORD}").unwrap();
        child.wait_with_output().unwrap()
    };
    for dro in ["DRO01000", "DRO1999"] {
        let refused = user_add("drift", dro);
        let stderr = String::from_utf8_lossy(&refused.stderr);
        assert_eq!(refused.status.code(), Some(2), "{dro}: {stderr}");
        assert!(stderr.contains("operator"), "{stderr}");
    }
    assert!(app.store.user_by_username("drift").await.is_err());
    let created = user_add("drift", "DRO1000");
    assert!(created.status.success(), "{created:?}");
    let stored = app.store.user_by_username("drift").await.unwrap();
    assert_eq!(stored.operator_dro.as_deref(), Some("DRO1000"));
}
