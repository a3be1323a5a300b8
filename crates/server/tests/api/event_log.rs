//! R-LOG-1/2/4: every change is an event; the chain verifies; tampering is detected.

use mottak_domain::access::Role;

use crate::helpers::spawn_app;

#[tokio::test]
async fn every_change_writes_a_chained_event_and_the_chain_verifies() {
    let app = spawn_app().await;
    app.create_user("kari", Role::UdiAdm).await;
    app.create_user("ola", Role::Imdi).await;
    let checked = app.store.verify_event_chain().await.unwrap();
    assert!(checked >= 3, "reference data load and two users");
}

#[tokio::test]
async fn a_changed_event_breaks_the_chain_and_log_verify_names_it() {
    let app = spawn_app().await;
    app.create_user("kari", Role::UdiAdm).await;
    let verify = |url: &str| {
        std::process::Command::new(env!("CARGO_BIN_EXE_mottak"))
            .args(["log", "verify", "--database-url", url])
            .output()
            .unwrap()
    };
    assert!(verify(&app.database_url).status.success());
    app.store
        .tamper_with_event_for_tests(2, "{\"username\":\"mallory\"}")
        .await
        .unwrap();
    let output = verify(&app.database_url);
    assert!(!output.status.success());
    let message = String::from_utf8_lossy(&output.stderr);
    assert!(message.contains("event 2"), "{message}");
}

#[tokio::test]
async fn a_removed_last_event_is_detected() {
    let app = spawn_app().await;
    app.create_user("kari", Role::UdiAdm).await;
    app.store.delete_last_event_for_tests().await.unwrap();
    assert!(app.store.verify_event_chain().await.is_err());
}

#[tokio::test]
async fn security_events_are_visible_to_admins_only() {
    let app = spawn_app().await;
    let admin = app.create_user("admin", Role::Admin).await;
    let udi = app.create_user("udi", Role::UdiAdm).await;
    let client = reqwest::Client::new();
    let search = |token: String| {
        let client = client.clone();
        let url = app.url("/api/v1/events?q=user.created");
        async move {
            let events: Vec<serde_json::Value> = client
                .get(url)
                .bearer_auth(token)
                .send()
                .await
                .unwrap()
                .json()
                .await
                .unwrap();
            events.len()
        }
    };
    assert_eq!(search(app.token_for(&admin).await).await, 2);
    assert_eq!(search(app.token_for(&udi).await).await, 0);
}

#[tokio::test]
async fn event_log_page_searches_by_actor_and_text() {
    let app = spawn_app().await;
    let admin = app.create_user("admin", Role::Admin).await;
    let client = app.login(&admin).await;
    let page = app.page(&client, "/events?actor=admin&q=login").await;
    assert!(page.contains("login.succeeded"), "{page}");
    assert!(!page.contains("reference.loaded"));
}

#[tokio::test]
async fn r_log_1_the_database_refuses_to_change_or_delete_events() {
    let app = spawn_app().await;
    app.create_user("kari", Role::UdiAdm).await;
    assert!(
        app.store
            .try_update_event_summary_for_tests(1, "{}")
            .await
            .is_err()
    );
    assert!(app.store.try_delete_event_for_tests(1).await.is_err());
    assert!(app.store.verify_event_chain().await.is_ok());
}

#[tokio::test]
async fn r_log_1_each_event_links_to_what_it_concerns() {
    let app = spawn_app().await;
    let admin = app.create_user("admin", Role::Admin).await;
    let kari = app.create_user("kari", Role::UdiAdm).await;
    let client = app.login(&admin).await;
    let page = app.page(&client, "/events?q=user.created").await;
    assert!(
        page.contains(&format!("href=\"/admin/users/{}\"", kari.id)),
        "{page}"
    );
}
