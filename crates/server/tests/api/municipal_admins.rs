//! R-AUTH-4: every municipality has at least one enabled municipality_admin, through the API,
//! the user pages and concurrent changes.

use mottak_domain::access::Role;
use serde_json::{Value, json};

use crate::helpers::{TestApp, TestUser, csrf_token, spawn_app};

async fn municipal_admin(app: &TestApp, username: &str, municipality: &str) -> TestUser {
    app.create_user_in(
        username,
        Role::MunicipalityAdmin,
        None,
        None,
        Some(municipality),
    )
    .await
}

/// PATCH /api/v1/users/{id} with `body`; returns the status and the body.
async fn patch(app: &TestApp, token: &str, user: &TestUser, body: Value) -> (u16, Value) {
    let response = reqwest::Client::new()
        .patch(app.url(&format!("/api/v1/users/{}", user.id)))
        .bearer_auth(token)
        .json(&body)
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    if status == 409 {
        assert_eq!(
            response.headers()["content-type"],
            "application/problem+json"
        );
    }
    (status, response.json().await.unwrap())
}

#[tokio::test]
async fn r_auth_4_last_municipality_admin_cannot_be_disabled() {
    let app = spawn_app().await;
    let imdi = app.create_user("imdi", Role::Imdi).await;
    let token = app.token_for(&imdi).await;
    let only = municipal_admin(&app, "kommune.admin", "4601").await;
    let (status, problem) = patch(
        &app,
        &token,
        &only,
        json!({ "version": 1, "disabled": true }),
    )
    .await;
    assert_eq!(status, 409);
    let reason = problem["detail"].as_str().unwrap();
    assert!(
        reason.contains("4601") && reason.contains("municipality_admin"),
        "{reason}"
    );
    let stored = app.store.user_by_id(only.id).await.unwrap();
    assert_eq!((stored.disabled, stored.version), (0, 1));
    // With a second one, the first may go.
    municipal_admin(&app, "kommune.admin2", "4601").await;
    let (status, changed) = patch(
        &app,
        &token,
        &only,
        json!({ "version": 1, "disabled": true }),
    )
    .await;
    assert_eq!((status, &changed["disabled"]), (200, &json!(true)));
}

#[tokio::test]
async fn r_auth_4_last_municipality_admin_keeps_the_role_and_the_municipality() {
    let app = spawn_app().await;
    let admin = app.create_user("admin", Role::Admin).await;
    let token = app.token_for(&admin).await;
    let only = municipal_admin(&app, "kommune.admin", "4601").await;
    // A disabled administrator does not count.
    let disabled = municipal_admin(&app, "kommune.borte", "4601").await;
    let mut tx = app.store.begin_write().await.unwrap();
    tx.set_user_disabled(disabled.id, true).await.unwrap();
    tx.record(mottak_store::events::NewEvent::new(
        &mottak_store::events::Actor::system("test"),
        mottak_store::events::EventDomain::Accounts,
        "user.disabled",
        "user",
        disabled.id,
    ))
    .await
    .unwrap();
    tx.commit().await.unwrap();
    let caseworker = json!({ "version": 1, "role": "municipality", "municipality_number": "4601" });
    let elsewhere =
        json!({ "version": 1, "role": "municipality_admin", "municipality_number": "0301" });
    let both = json!({ "version": 1, "role": "municipality_admin", "municipality_number": "4601", "disabled": true });
    for body in [caseworker, elsewhere, both] {
        let (status, problem) = patch(&app, &token, &only, body.clone()).await;
        assert_eq!(status, 409, "{body}: {problem}");
    }
    let stored = app.store.user_by_id(only.id).await.unwrap();
    assert_eq!(
        (
            stored.role.as_str(),
            stored.municipality_number.as_deref(),
            stored.disabled,
            stored.version
        ),
        ("municipality_admin", Some("4601"), 0, 1),
        "nothing changed, not even in part"
    );
    let same = json!({ "version": 1, "role": "municipality_admin", "municipality_number": "4601" });
    assert_eq!(patch(&app, &token, &only, same).await.0, 200);
}

#[tokio::test]
async fn r_auth_4_user_page_says_why_the_last_municipality_admin_stays() {
    let app = spawn_app().await;
    let admin = app.create_user("admin", Role::Admin).await;
    let only = municipal_admin(&app, "kommune.admin", "4601").await;
    let client = app.login(&admin).await;
    let path = format!("/admin/users/{}", only.id);
    let page = app.page(&client, &path).await;
    let disable = client
        .post(app.url(&format!("{path}/status")))
        .form(&[("csrf", csrf_token(&page)), ("disabled", "1".into())])
        .send()
        .await
        .unwrap();
    assert_eq!(disable.status(), 409);
    let html = disable.text().await.unwrap();
    let reason = &html[html.find("id=\"status-error\"").expect(&html)..];
    assert!(reason.contains("Kommune 4601"), "{reason}");
    let demote = client
        .post(app.url(&format!("{path}/role")))
        .form(&[
            ("csrf", csrf_token(&page)),
            ("role", "municipality".into()),
            ("municipality", "4601".into()),
            ("version", "1".into()),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(demote.status(), 409);
    let html = demote.text().await.unwrap();
    assert!(html.contains("id=\"role-error\""), "{html}");
    assert!(!html.contains("id=\"status-error\""));
    assert_eq!(app.store.user_by_id(only.id).await.unwrap().disabled, 0);
}

#[tokio::test]
async fn r_auth_4_two_concurrent_changes_cannot_both_take_the_last_municipality_admin() {
    let app = spawn_app().await;
    let admin = app.create_user("admin", Role::Admin).await;
    let token = app.token_for(&admin).await;
    // Several rounds, each in its own municipality, to give a race every chance to show.
    for municipality in [
        "4601", "0301", "1103", "5001", "3401", "1804", "4204", "3005",
    ] {
        let first = municipal_admin(&app, &format!("a{municipality}"), municipality).await;
        let second = municipal_admin(&app, &format!("b{municipality}"), municipality).await;
        let disable = json!({ "version": 1, "disabled": true });
        let demote =
            json!({ "version": 1, "role": "municipality", "municipality_number": municipality });
        let (one, other) = tokio::join!(
            patch(&app, &token, &first, disable),
            patch(&app, &token, &second, demote)
        );
        let mut statuses = [one.0, other.0];
        statuses.sort_unstable();
        assert_eq!(statuses, [200, 409], "{municipality}: {one:?} {other:?}");
        let enabled_admins = app
            .store
            .list_users()
            .await
            .unwrap()
            .into_iter()
            .filter(|user| {
                user.role == "municipality_admin"
                    && user.disabled == 0
                    && user.municipality_number.as_deref() == Some(municipality)
            })
            .count();
        assert_eq!(enabled_admins, 1, "{municipality}");
    }
}
