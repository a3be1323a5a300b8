//! R-AUTH-1/2: password + TOTP, enrolment, recovery codes, CSRF, rate limiting, tokens.

use mottak_domain::access::Role;
use mottak_server::auth::totp;

use crate::helpers::{PASSWORD, browser, csrf_token, spawn_app, spawn_app_with};

#[tokio::test]
async fn enrolled_user_logs_in_with_password_and_totp() {
    let app = spawn_app().await;
    let user = app.create_user("kari", Role::UdiAdm).await;
    let client = app.login(&user).await;
    let dashboard = client.get(app.url("/")).send().await.unwrap();
    assert_eq!(dashboard.status(), 200);
    assert!(dashboard.text().await.unwrap().contains("Test kari"));
}

#[tokio::test]
async fn password_alone_does_not_reach_the_dashboard() {
    let app = spawn_app().await;
    let user = app.create_user("kari", Role::UdiAdm).await;
    let client = browser();
    let response = app.submit_password(&client, &user.username, PASSWORD).await;
    assert_eq!(response.headers()["location"], "/login/totp?next=%2F");
    let dashboard = client.get(app.url("/")).send().await.unwrap();
    assert_eq!(dashboard.status(), 303);
    assert!(
        dashboard.headers()["location"]
            .to_str()
            .unwrap()
            .starts_with("/login")
    );
}

#[tokio::test]
async fn wrong_password_is_refused_and_logged() {
    let app = spawn_app().await;
    app.create_user("kari", Role::UdiAdm).await;
    let response = app
        .submit_password(&browser(), "kari", "Feil-Passord-Helt-Sikkert")
        .await;
    assert_eq!(response.status(), 401);
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("Feil brukernavn eller passord")
    );
    let events = app
        .store
        .search_events(&mottak_store::events::EventQuery {
            entity_id: Some("kari".into()),
            limit: 10,
            ..Default::default()
        })
        .await
        .unwrap();
    assert!(events.iter().any(|event| event.action == "login.failed"));
}

#[tokio::test]
async fn wrong_totp_code_is_refused_and_a_code_cannot_be_replayed() {
    let app = spawn_app().await;
    let user = app.create_user("kari", Role::UdiAdm).await;
    let client = browser();
    app.submit_password(&client, "kari", PASSWORD).await;
    assert_eq!(app.submit_code(&client, "000000").await.status(), 401);
    let code = totp::code_at(&user.totp_secret, totp::unix_now()).unwrap();
    assert_eq!(app.submit_code(&client, &code).await.status(), 303);

    // The same code again, in a new login: refused.
    let second = browser();
    app.submit_password(&second, "kari", PASSWORD).await;
    assert_eq!(app.submit_code(&second, &code).await.status(), 401);
}

#[tokio::test]
async fn new_user_enrols_totp_with_a_qr_code_and_gets_recovery_codes_that_work_once() {
    let app = spawn_app().await;
    let user = app.create_unenrolled_user("ola", Role::Imdi).await;
    let client = browser();
    let response = app.submit_password(&client, &user.username, PASSWORD).await;
    assert_eq!(response.headers()["location"], "/login/enrol?next=%2F");

    let page = app.page(&client, "/login/enrol").await;
    assert!(page.contains("<svg"), "QR code as SVG");
    let secret_start = page.find("class=\"secret\">").unwrap() + "class=\"secret\">".len();
    let secret: String = page[secret_start..]
        .chars()
        .take_while(|c| *c != '<')
        .collect();
    let wrong = client
        .post(app.url("/login/enrol"))
        .form(&[
            ("csrf", csrf_token(&page).as_str()),
            ("code", "123456"),
            ("next", "/"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(wrong.status(), 422);
    let code = totp::code_at(&secret, totp::unix_now()).unwrap();
    let confirmed = client
        .post(app.url("/login/enrol"))
        .form(&[
            ("csrf", csrf_token(&page).as_str()),
            ("code", code.as_str()),
            ("next", "/"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(confirmed.status(), 200);
    let codes_page = confirmed.text().await.unwrap();
    let recovery_codes: Vec<String> = codes_page
        .split("<li><code>")
        .skip(1)
        .map(|part| part.split('<').next().unwrap().to_owned())
        .collect();
    assert_eq!(recovery_codes.len(), 10);
    assert_eq!(client.get(app.url("/")).send().await.unwrap().status(), 200);

    // A recovery code logs in once, and only once.
    let other = browser();
    app.submit_password(&other, "ola", PASSWORD).await;
    assert_eq!(
        app.submit_code(&other, &recovery_codes[0]).await.status(),
        303
    );
    let third = browser();
    app.submit_password(&third, "ola", PASSWORD).await;
    assert_eq!(
        app.submit_code(&third, &recovery_codes[0]).await.status(),
        401
    );
}

#[tokio::test]
async fn form_without_the_csrf_token_is_rejected() {
    let app = spawn_app().await;
    app.create_user("kari", Role::UdiAdm).await;
    let client = browser();
    client.get(app.url("/login")).send().await.unwrap();
    let response = client
        .post(app.url("/login"))
        .form(&[("username", "kari"), ("password", PASSWORD)])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 403);
    let forged = client
        .post(app.url("/login"))
        .form(&[
            ("csrf", "00ff"),
            ("username", "kari"),
            ("password", PASSWORD),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(forged.status(), 403);
}

#[tokio::test]
async fn csrf_token_of_another_browser_is_rejected() {
    let app = spawn_app().await;
    app.create_user("kari", Role::UdiAdm).await;
    let attacker = browser();
    let token = csrf_token(&app.page(&attacker, "/login").await);
    let victim = browser();
    victim.get(app.url("/login")).send().await.unwrap();
    let response = victim
        .post(app.url("/login"))
        .form(&[
            ("csrf", token.as_str()),
            ("username", "kari"),
            ("password", PASSWORD),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 403);
}

#[tokio::test]
async fn repeated_failures_lock_the_account_for_a_while() {
    let app = spawn_app_with(|config| config.login_failures_per_account = 3).await;
    app.create_user("kari", Role::UdiAdm).await;
    for _ in 0..3 {
        let response = app
            .submit_password(&browser(), "kari", "Feil-Passord-Helt-Sikkert")
            .await;
        assert_eq!(response.status(), 401);
    }
    // Even the right password is refused now.
    let response = app.submit_password(&browser(), "kari", PASSWORD).await;
    assert_eq!(response.status(), 429);
    let events = app
        .store
        .search_events(&mottak_store::events::EventQuery {
            text: Some("rate_limited".into()),
            limit: 10,
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(events.len(), 1);
}

#[tokio::test]
async fn logout_ends_the_session() {
    let app = spawn_app().await;
    let user = app.create_user("kari", Role::UdiAdm).await;
    let client = app.login(&user).await;
    let page = app.page(&client, "/").await;
    let response = client
        .post(app.url("/logout"))
        .form(&[("csrf", csrf_token(&page))])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 303);
    assert_eq!(client.get(app.url("/")).send().await.unwrap().status(), 303);
}

#[tokio::test]
async fn session_cookie_is_http_only_and_same_site() {
    let app = spawn_app().await;
    app.create_user("kari", Role::UdiAdm).await;
    let response = app.submit_password(&browser(), "kari", PASSWORD).await;
    let cookie = response.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(cookie.starts_with("mottak_session="));
    assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"));
    assert!(!cookie.contains("Secure"), "plain HTTP in tests");
    let secure_app = spawn_app_with(|config| config.secure_cookies = true).await;
    secure_app.create_user("kari", Role::UdiAdm).await;
    let response = secure_app
        .submit_password(&browser(), "kari", PASSWORD)
        .await;
    assert!(
        response.headers()["set-cookie"]
            .to_str()
            .unwrap()
            .contains("Secure")
    );
}

#[tokio::test]
async fn api_token_authenticates_and_only_its_hash_is_stored() {
    let app = spawn_app().await;
    let user = app.create_user("robot", Role::UdiAdm).await;
    let token = app.token_for(&user).await;
    let response = reqwest::Client::new()
        .get(app.url("/api/v1/events"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let (stored,): (String,) = sqlx_free_token_hash(&app).await;
    assert_ne!(stored, token);
    assert_eq!(stored, mottak_server::auth::tokens::hash_token(&token));

    let bad = reqwest::Client::new()
        .get(app.url("/api/v1/events"))
        .bearer_auth("mtk_forged")
        .send()
        .await
        .unwrap();
    assert_eq!(bad.status(), 401);
    assert_eq!(bad.headers()["content-type"], "application/problem+json");
}

async fn sqlx_free_token_hash(app: &crate::helpers::TestApp) -> (String,) {
    let user = app.store.user_by_username("robot").await.unwrap();
    let tokens = app.store.tokens_of(user.id).await.unwrap();
    assert_eq!(tokens.len(), 1);
    let hashes = app.store.token_hashes_for_tests().await.unwrap();
    (hashes[0].clone(),)
}

#[tokio::test]
async fn disabled_users_token_stops_working() {
    let app = spawn_app().await;
    let user = app.create_user("robot", Role::UdiAdm).await;
    let token = app.token_for(&user).await;
    let mut tx = app.store.begin_write().await.unwrap();
    tx.set_user_disabled(user.id, true).await.unwrap();
    tx.record(mottak_store::events::NewEvent::new(
        &mottak_store::events::Actor::system("test"),
        mottak_store::events::EventDomain::Accounts,
        "user.disabled",
        "user",
        user.id,
    ))
    .await
    .unwrap();
    tx.commit().await.unwrap();
    let response = reqwest::Client::new()
        .get(app.url("/api/v1/events"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 401);
}
