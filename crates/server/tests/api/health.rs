use crate::helpers::spawn_app;

#[tokio::test]
async fn healthz_answers_ok() {
    let app = spawn_app().await;
    let response = reqwest::get(app.url("/healthz")).await.unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(response.text().await.unwrap(), "ok");
}

#[tokio::test]
async fn readyz_checks_the_database() {
    let app = spawn_app().await;
    let response = reqwest::get(app.url("/readyz")).await.unwrap();
    assert_eq!(response.status(), 200);
    app.store.close().await;
    let response = reqwest::get(app.url("/readyz")).await.unwrap();
    assert_eq!(response.status(), 503);
}

#[tokio::test]
async fn metrics_count_requests_per_route() {
    let app = spawn_app().await;
    reqwest::get(app.url("/healthz")).await.unwrap();
    let text = reqwest::get(app.url("/metrics"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        text.contains(
            "mottak_http_requests_total{method=\"GET\",route=\"/healthz\",status=\"200\"} 1"
        ),
        "{text}"
    );
    assert!(text.contains("mottak_http_request_duration_seconds_bucket"));
}

#[tokio::test]
async fn reference_data_is_loaded_with_validity() {
    let app = spawn_app().await;
    let counts = app.store.reference_counts().await.unwrap();
    assert_eq!(counts.municipalities, 356);
    assert_eq!(counts.postal_codes, 5132);
    assert_eq!(counts.number_series, 20);
    let oslo = app.store.municipality("0301", "2024-01-01").await.unwrap();
    assert_eq!(oslo.name, "Oslo");
    assert!(
        app.store.municipality("0301", "2019-12-31").await.is_err(),
        "not valid before 2020"
    );
}

#[tokio::test]
async fn openapi_description_lists_the_api() {
    let app = spawn_app().await;
    let description: serde_json::Value = reqwest::get(app.url("/api/v1/openapi.json"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(description["openapi"].as_str().unwrap().starts_with("3.1"));
    assert!(description["paths"]["/api/v1/calendar/add-working-days"].is_object());
    // Schemas are keyed by name: two types of one name would silently describe each other.
    let schemas = &description["components"]["schemas"];
    assert!(
        schemas["AgreementInput"]["properties"]["units"].is_object(),
        "{}",
        schemas["AgreementInput"]
    );
    assert!(schemas["ProcessingAgreementInput"]["properties"]["signed_on"].is_object());
    let docs = reqwest::get(app.url("/api/docs")).await.unwrap();
    assert_eq!(docs.status(), 200);
}
