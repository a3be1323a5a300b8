//! Account administration (R-AUTH-4) through the pages and the API.

use mottak_domain::access::Role;

use crate::helpers::{PASSWORD, csrf_token, spawn_app};

#[tokio::test]
async fn admin_creates_a_user_on_the_page_and_the_user_must_enrol() {
    let app = spawn_app().await;
    let admin = app.create_user("admin", Role::Admin).await;
    let client = app.login(&admin).await;
    let fields = [
        ("username", "vera.vest"),
        ("display_name", "Vera Vest"),
        ("role", "udi_region"),
        ("region", "VEST"),
        ("password", PASSWORD),
    ];
    let response = app
        .submit(&client, "/admin/users", "/admin/users", &fields)
        .await;
    assert_eq!(response.status(), 201);
    let user = app.store.user_by_username("vera.vest").await.unwrap();
    assert_eq!(user.region.as_deref(), Some("VEST"));
    assert_eq!(user.totp_enabled, 0);
}

#[tokio::test]
async fn form_errors_appear_beside_the_field() {
    let app = spawn_app().await;
    let admin = app.create_user("admin", Role::Admin).await;
    let client = app.login(&admin).await;
    let fields = [
        ("username", "ny"),
        ("role", "udi_adm"),
        ("password", PASSWORD),
    ];
    let response = app
        .submit(&client, "/admin/users", "/admin/users", &fields)
        .await;
    assert_eq!(response.status(), 400);
    let html = response.text().await.unwrap();
    assert!(html.contains("id=\"username-error\""), "{html}");
    assert!(html.contains("aria-invalid=\"true\""));
}

#[tokio::test]
async fn r_auth_4_municipality_admin_creates_caseworkers_of_own_municipality_only() {
    let app = spawn_app().await;
    let municipal_admin = app
        .create_user("kommune.admin", Role::MunicipalityAdmin)
        .await;
    let token = app.token_for(&municipal_admin).await;
    let client = reqwest::Client::new();
    let create = |number: &str, role: &str| serde_json::json!({ "username": format!("saksbehandler{number}{role}"), "role": role, "municipality_number": number, "password": PASSWORD, "permissions": ["reports"] });
    let own = client
        .post(app.url("/api/v1/users"))
        .bearer_auth(&token)
        .json(&create("4601", "municipality"))
        .send()
        .await
        .unwrap();
    assert_eq!(own.status(), 201);
    let other = client
        .post(app.url("/api/v1/users"))
        .bearer_auth(&token)
        .json(&create("0301", "municipality"))
        .send()
        .await
        .unwrap();
    assert_eq!(other.status(), 403);
    let admin = client
        .post(app.url("/api/v1/users"))
        .bearer_auth(&token)
        .json(&create("4601", "municipality_admin"))
        .send()
        .await
        .unwrap();
    assert_eq!(admin.status(), 403);
    let listed: Vec<serde_json::Value> = client
        .get(app.url("/api/v1/users"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0]["permissions"], serde_json::json!(["reports"]));
}

#[tokio::test]
async fn stale_role_change_is_a_conflict_and_changes_nothing() {
    let app = spawn_app().await;
    let admin = app.create_user("admin", Role::Admin).await;
    let target = app.create_user("kari", Role::UdiAdm).await;
    let client = app.login(&admin).await;
    let page = app
        .page(&client, &format!("/admin/users/{}", target.id))
        .await;
    let change = |role: &'static str, version: &'static str| {
        client
            .post(app.url(&format!("/admin/users/{}/role", target.id)))
            .form(&[
                ("csrf", csrf_token(&page)),
                ("role", role.into()),
                ("version", version.into()),
            ])
            .send()
    };
    assert_eq!(change("imdi", "1").await.unwrap().status(), 200);
    assert_eq!(change("admin", "1").await.unwrap().status(), 409);
    assert_eq!(
        app.store.user_by_username("kari").await.unwrap().role,
        "imdi"
    );
}

#[tokio::test]
async fn admin_resets_second_factor_and_disables_a_user() {
    let app = spawn_app().await;
    let admin = app.create_user("admin", Role::Admin).await;
    let target = app.create_user("kari", Role::UdiAdm).await;
    let client = app.login(&admin).await;
    let page = app
        .page(&client, &format!("/admin/users/{}", target.id))
        .await;
    let reset = client
        .post(app.url(&format!("/admin/users/{}/reset-totp", target.id)))
        .form(&[("csrf", csrf_token(&page))])
        .send()
        .await
        .unwrap();
    assert_eq!(reset.status(), 200);
    assert_eq!(
        app.store
            .user_by_username("kari")
            .await
            .unwrap()
            .totp_enabled,
        0
    );
    let disable = client
        .post(app.url(&format!("/admin/users/{}/status", target.id)))
        .form(&[("csrf", csrf_token(&page)), ("disabled", "1".into())])
        .send()
        .await
        .unwrap();
    assert_eq!(disable.status(), 200);
    let refused = app
        .submit_password(&crate::helpers::browser(), "kari", PASSWORD)
        .await;
    assert_eq!(refused.status(), 401);
}

#[tokio::test]
async fn admin_issues_a_token_shown_once() {
    let app = spawn_app().await;
    let admin = app.create_user("admin", Role::Admin).await;
    let target = app.create_user("robot", Role::UdiAdm).await;
    let client = app.login(&admin).await;
    let page = app
        .page(&client, &format!("/admin/users/{}", target.id))
        .await;
    let issued = client
        .post(app.url(&format!("/admin/users/{}/tokens", target.id)))
        .form(&[("csrf", csrf_token(&page)), ("label", "integrasjon".into())])
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let start = issued.find("id=\"new-token\">").unwrap() + "id=\"new-token\">".len();
    let token: String = issued[start..].chars().take_while(|c| *c != '<').collect();
    assert!(token.starts_with("mtk_"));
    let again = app
        .page(&client, &format!("/admin/users/{}", target.id))
        .await;
    assert!(!again.contains(&token));
    let response = reqwest::Client::new()
        .get(app.url("/api/v1/events"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
}

#[tokio::test]
async fn account_api_changes_role_disables_resets_and_issues_tokens() {
    let app = spawn_app().await;
    let admin = app.create_user("admin", Role::Admin).await;
    let target = app.create_user("kari", Role::UdiAdm).await;
    let token = app.token_for(&admin).await;
    let client = reqwest::Client::new();
    let patch = |body: serde_json::Value| {
        client
            .patch(app.url(&format!("/api/v1/users/{}", target.id)))
            .bearer_auth(&token)
            .json(&body)
            .send()
    };
    let changed: serde_json::Value =
        patch(serde_json::json!({ "version": 1, "role": "udi_region", "region": "NORD" }))
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
    assert_eq!(
        (changed["role"].clone(), changed["region"].clone()),
        (serde_json::json!("udi_region"), serde_json::json!("NORD"))
    );
    assert_eq!(
        patch(serde_json::json!({ "version": 1, "disabled": true }))
            .await
            .unwrap()
            .status(),
        409
    );
    assert_eq!(
        patch(serde_json::json!({ "version": 2, "role": "udi_region" }))
            .await
            .unwrap()
            .status(),
        400
    );
    let disabled: serde_json::Value = patch(serde_json::json!({ "version": 2, "disabled": true }))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(disabled["disabled"], true);
    let reset = client
        .post(app.url(&format!("/api/v1/users/{}/reset-totp", target.id)))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(reset.status(), 204);
    assert_eq!(
        app.store.user_by_id(target.id).await.unwrap().totp_enabled,
        0
    );
    let issued: serde_json::Value = client
        .post(app.url(&format!("/api/v1/users/{}/tokens", admin.id)))
        .bearer_auth(&token)
        .json(&serde_json::json!({ "label": "ci" }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let new_token = issued["token"].as_str().unwrap();
    let with_new = client
        .get(app.url("/api/v1/users"))
        .bearer_auth(new_token)
        .send()
        .await
        .unwrap();
    assert_eq!(with_new.status(), 200);
}

#[tokio::test]
async fn revoked_token_stops_working_and_another_users_token_cannot_be_revoked_through_you() {
    let app = spawn_app().await;
    let admin = app.create_user("admin", Role::Admin).await;
    let robot = app.create_user("robot", Role::UdiAdm).await;
    let admin_token = app.token_for(&admin).await;
    let robot_token = app.token_for(&robot).await;
    let token_id = app.store.tokens_of(robot.id).await.unwrap()[0].id;
    let client = reqwest::Client::new();
    let wrong_user = client
        .delete(app.url(&format!("/api/v1/users/{}/tokens/{token_id}", admin.id)))
        .bearer_auth(&admin_token)
        .send()
        .await
        .unwrap();
    assert_eq!(wrong_user.status(), 404);
    let revoked = client
        .delete(app.url(&format!("/api/v1/users/{}/tokens/{token_id}", robot.id)))
        .bearer_auth(&admin_token)
        .send()
        .await
        .unwrap();
    assert_eq!(revoked.status(), 204);
    let refused = client
        .get(app.url("/api/v1/events"))
        .bearer_auth(&robot_token)
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), 401);
}
