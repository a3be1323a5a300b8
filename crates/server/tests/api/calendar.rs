//! R-CAL-1 through the API and the page.

use mottak_domain::access::Role;

use crate::helpers::spawn_app;

#[tokio::test]
async fn add_working_days_skips_easter() {
    let app = spawn_app().await;
    let user = app.create_user("kari", Role::UdiRegion).await;
    let token = app.token_for(&user).await;
    let answer: serde_json::Value = reqwest::Client::new()
        .get(app.url("/api/v1/calendar/add-working-days?date=2026-04-01&days=1"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(answer, serde_json::json!({ "date": "2026-04-07" }));
}

#[tokio::test]
async fn calendar_page_computes_a_due_date_without_javascript() {
    let app = spawn_app().await;
    let user = app.create_user("kari", Role::Operator).await;
    let client = app.login(&user).await;
    let page = app.page(&client, "/calendar?date=24.12.2026&days=1").await;
    assert!(page.contains("28.12.2026"), "{page}");
    let page = app.page(&client, "/calendar?date=31.02.2026&days=1").await;
    assert!(page.contains("Skriv en gyldig dato"));
}
