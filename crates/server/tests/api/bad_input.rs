//! Bad input gets 400/413 problem+json naming the field — never a 500.

use mottak_domain::access::Role;

use crate::client::problem;
use crate::helpers::{TestApp, spawn_app};

async fn admin_token(app: &TestApp) -> String {
    let admin = app.create_user("admin", Role::Admin).await;
    app.token_for(&admin).await
}

async fn post_raw(app: &TestApp, token: &str, body: impl Into<reqwest::Body>) -> reqwest::Response {
    reqwest::Client::new()
        .post(app.url("/api/v1/users"))
        .bearer_auth(token)
        .header("content-type", "application/json")
        .body(body)
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn malformed_json_is_400() {
    let app = spawn_app().await;
    let token = admin_token(&app).await;
    let body = problem(post_raw(&app, &token, "{\"username\": ").await, 400).await;
    assert!(body["detail"].as_str().unwrap().contains("malformed JSON"));
}

#[tokio::test]
async fn wrong_type_names_the_field() {
    let app = spawn_app().await;
    let token = admin_token(&app).await;
    let body = problem(
        post_raw(
            &app,
            &token,
            r#"{"username": 42, "role": "admin", "password": "x"}"#,
        )
        .await,
        400,
    )
    .await;
    assert_eq!(body["field"], "username");
}

#[tokio::test]
async fn missing_field_names_the_field() {
    let app = spawn_app().await;
    let token = admin_token(&app).await;
    let body = problem(
        post_raw(&app, &token, r#"{"username": "kari", "role": "admin"}"#).await,
        400,
    )
    .await;
    assert_eq!(body["field"], "password");
}

#[tokio::test]
async fn invalid_value_names_the_field() {
    let app = spawn_app().await;
    let token = admin_token(&app).await;
    let weak = r#"{"username": "kari", "role": "udi_adm", "password": "password1234"}"#;
    assert_eq!(
        problem(post_raw(&app, &token, weak).await, 400).await["field"],
        "password"
    );
    let no_region =
        r#"{"username": "kari", "role": "udi_region", "password": "Fjordhest-Lyng-Test-2026"}"#;
    assert_eq!(
        problem(post_raw(&app, &token, no_region).await, 400).await["field"],
        "region"
    );
    let unknown_municipality = r#"{"username": "kari", "role": "municipality", "municipality_number": "9999", "password": "Fjordhest-Lyng-Test-2026"}"#;
    assert_eq!(
        problem(post_raw(&app, &token, unknown_municipality).await, 400).await["field"],
        "municipality_number"
    );
}

#[tokio::test]
async fn oversized_body_is_413() {
    let app = spawn_app().await;
    let token = admin_token(&app).await;
    let huge = format!("{{\"username\": \"{}\"}}", "x".repeat(2 * 1024 * 1024));
    problem(post_raw(&app, &token, huge).await, 413).await;
}

#[tokio::test]
async fn bad_dates_and_numbers_name_the_field() {
    let app = spawn_app().await;
    let token = admin_token(&app).await;
    let client = reqwest::Client::new();
    for (query, field) in [
        ("date=2026-02-30&days=1", "date"),
        ("date=24.11.2026&days=1", "date"),
        ("days=1", "date"),
        ("date=2026-11-24&days=-1", "days"),
        ("date=2026-11-24&days=ti", "days"),
        ("date=2026-11-24", "days"),
    ] {
        let response = client
            .get(app.url(&format!("/api/v1/calendar/add-working-days?{query}")))
            .bearer_auth(&token)
            .send()
            .await
            .unwrap();
        assert_eq!(problem(response, 400).await["field"], field, "{query}");
    }
    let response = client
        .get(app.url("/api/v1/events?from=2026-13-01"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(problem(response, 400).await["field"], "from");
}

#[tokio::test]
async fn duplicate_username_is_a_field_error() {
    let app = spawn_app().await;
    let token = admin_token(&app).await;
    let body =
        r#"{"username": "admin", "role": "udi_adm", "password": "Fjordhest-Lyng-Test-2026"}"#;
    assert_eq!(
        problem(post_raw(&app, &token, body).await, 400).await["field"],
        "username"
    );
}

#[tokio::test]
async fn unknown_api_path_is_a_problem_404() {
    let app = spawn_app().await;
    let response = reqwest::get(app.url("/api/v1/nothing-here")).await.unwrap();
    problem(response, 404).await;
    let page = reqwest::get(app.url("/nothing-here")).await.unwrap();
    assert_eq!(page.status(), 404);
    assert!(page.text().await.unwrap().contains("Fant ikke siden"));
}

#[tokio::test]
async fn oversized_csv_import_and_oversized_form_are_413() {
    let app = spawn_app().await;
    let token = admin_token(&app).await;
    let huge = "x".repeat(2 * 1024 * 1024);
    let response = reqwest::Client::new()
        .post(app.url("/api/v1/import/centres?mode=dry_run"))
        .bearer_auth(&token)
        .header("content-type", "text/csv")
        .body(huge.clone())
        .send()
        .await
        .unwrap();
    problem(response, 413).await;
    let user = app.create_user("kari", Role::UdiAdm).await;
    let client = app.login(&user).await;
    let page = app.page(&client, "/registry/import").await;
    let response = client
        .post(app.url("/registry/import"))
        .form(&[
            ("csrf", crate::helpers::csrf_token(&page)),
            ("kind", "centres".into()),
            ("text", huge),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 413);
}
