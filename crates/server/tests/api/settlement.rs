//! Settlement (SPEC §10 "Settlement"): the data processing agreement that lets a municipality in
//! (R-AUTH-3), requests and decisions (R-SET-1, R-SET-2), offers (R-SET-3) and the report
//! (R-SET-7); a municipality never sees another's records.

use mottak_domain::access::Role;
use serde_json::{Value, json};

use crate::helpers::{TestApp, spawn_app};

/// Tokens of IMDi, of a caseworker in 4601 (every permission), of one in 0301, and of UDI (which
/// registers residents).
pub struct Settlement {
    pub imdi: String,
    pub oslo_kommune: String,
    pub bergen: String,
    pub udi: String,
}

pub async fn settlement(app: &TestApp) -> Settlement {
    let bergen_user = app
        .create_user_in(
            "bergen.caseworker",
            Role::Municipality,
            None,
            None,
            Some("4601"),
        )
        .await;
    let oslo_user = app
        .create_user_in(
            "oslo.caseworker",
            Role::Municipality,
            None,
            None,
            Some("0301"),
        )
        .await;
    Settlement {
        imdi: app.token_of_new("imdi.caseworker", Role::Imdi).await,
        bergen: app.token_for(&bergen_user).await,
        oslo_kommune: app.token_for(&oslo_user).await,
        udi: app.token_of_new("udi.staff", Role::UdiAdm).await,
    }
}

/// A household of residents born on these dates, registered by UDI; DUF numbers are
/// `duf_prefix` (ten digits) and the member's index.
pub async fn household(app: &TestApp, udi: &str, key: &str, duf_prefix: &str, births: &[&str]) {
    for (index, birth) in births.iter().enumerate() {
        let duf = format!("{duf_prefix}{index:02}");
        let (status, body) = app
            .api(udi)
            .post(
                "/api/v1/residents",
                &json!({ "duf_number": duf, "given_name": "Amina", "family_name": "Haile",
                    "birth_date": birth, "gender": "female", "household": key }),
            )
            .await;
        assert_eq!(status, 201, "{body}");
    }
}

/// The Haile household: a mother and her son.
pub async fn haile(app: &TestApp, udi: &str) {
    household(
        app,
        udi,
        "haile",
        "2023123456",
        &["1990-04-01", "2016-08-02"],
    )
    .await;
}

/// IMDi registers 4601's agreement.
async fn sign_4601(app: &TestApp, imdi: &str, agreement: Value) -> (u16, Value) {
    app.api(imdi)
        .put(
            "/api/v1/municipalities/4601/data-processing-agreement",
            &agreement,
        )
        .await
}

/// IMDi requires version 2026 of every municipality.
async fn require_2026(app: &TestApp, imdi: &str) -> (u16, Value) {
    app.api(imdi)
        .put(
            "/api/v1/reference/data-processing-agreement",
            &json!({ "required_version": "2026" }),
        )
        .await
}

pub fn fields(body: &Value) -> Vec<&str> {
    body["errors"]
        .as_array()
        .map(|errors| {
            errors
                .iter()
                .filter_map(|error| error["field"].as_str())
                .collect()
        })
        .unwrap_or_default()
}

/// An approved decision of 4601 for 2026 with `persons`.
pub async fn approved_decision(app: &TestApp, bergen: &str, persons: i64) -> i64 {
    let (status, body) = app
        .api(bergen)
        .post(
            "/api/v1/settlement/decisions",
            &json!({ "year": 2026, "municipality_number": "4601", "persons": persons, "unaccompanied_minors": 0 }),
        )
        .await;
    assert_eq!(status, 201, "{body}");
    assert_eq!(body["approved"], false);
    let id = body["id"].as_i64().unwrap();
    let (status, body) = app
        .api(bergen)
        .post(
            &format!("/api/v1/settlement/decisions/{id}/approve"),
            &json!({}),
        )
        .await;
    assert_eq!((status, body["approved"].clone()), (200, json!(true)));
    id
}

pub fn offer(household: &str) -> Value {
    json!({ "municipality_number": "4601", "household": household, "deadline": "2099-01-31", "year": 2026 })
}

#[tokio::test]
async fn r_auth_3_an_unsigned_or_outdated_agreement_blocks_every_call_of_the_municipality() {
    let app = spawn_app().await;
    let people = settlement(&app).await;
    let admin = app
        .create_user_in(
            "bergen.admin",
            Role::MunicipalityAdmin,
            None,
            None,
            Some("4601"),
        )
        .await;
    let admin_token = app.token_for(&admin).await;
    // Signed in version 2020 (the helpers): any signed version counts until one is required.
    let (status, _) = app
        .api(&people.bergen)
        .get("/api/v1/settlement/requests")
        .await;
    assert_eq!(status, 200);

    let (status, body) = require_2026(&app, &people.imdi).await;
    assert_eq!(
        (status, body["required_version"].as_str()),
        (200, Some("2026"))
    );
    for (token, path) in [
        (&people.bergen, "/api/v1/settlement/requests"),
        (&people.bergen, "/api/v1/events"),
        (
            &people.bergen,
            "/api/v1/calendar/add-working-days?date=2026-11-24&days=3",
        ),
        (&admin_token, "/api/v1/users"),
    ] {
        let (status, body) = app.api(token).get(path).await;
        assert_eq!(status, 403, "{path}");
        assert!(
            body["detail"]
                .as_str()
                .unwrap()
                .contains("data processing agreement"),
            "{body}"
        );
    }
    // IMDi and other roles are not affected.
    let (status, _) = app
        .api(&people.imdi)
        .get("/api/v1/settlement/requests")
        .await;
    assert_eq!(status, 200);

    let (status, body) = sign_4601(
        &app,
        &people.imdi,
        json!({ "version": "2026", "signed_on": "2026-11-01" }),
    )
    .await;
    assert_eq!(
        (status, body["in_force"].clone()),
        (200, json!(true)),
        "{body}"
    );
    let (status, _) = app
        .api(&people.bergen)
        .get("/api/v1/settlement/requests")
        .await;
    assert_eq!(status, 200);
    let (status, _) = app.api(&admin_token).get("/api/v1/users").await;
    assert_eq!(status, 200);

    // Access lapses when the agreement ends (ends_on exclusive, here in the past).
    let (status, _) = sign_4601(
        &app,
        &people.imdi,
        json!({ "version": "2026", "signed_on": "2026-01-01", "ends_on": "2026-02-01" }),
    )
    .await;
    assert_eq!(status, 200);
    let (status, _) = app
        .api(&people.bergen)
        .get("/api/v1/settlement/requests")
        .await;
    assert_eq!(status, 403);
}

#[tokio::test]
async fn r_auth_3_the_blocked_user_logs_in_and_every_page_names_the_agreement() {
    let app = spawn_app().await;
    let user = app
        .create_user_in("bergen.page", Role::Municipality, None, None, Some("4601"))
        .await;
    let imdi = app.token_of_new("imdi.pages", Role::Imdi).await;
    require_2026(&app, &imdi).await;
    let browser = app.login(&user).await;
    for path in ["/", "/settlement", "/events", "/calendar"] {
        let response = browser.get(app.url(path)).send().await.unwrap();
        assert_eq!(response.status(), 403, "{path}");
        let html = response.text().await.unwrap();
        assert!(html.contains("databehandleravtale"), "{path}: {html}");
    }
}

#[tokio::test]
async fn r_auth_3_registrations_name_every_invalid_field() {
    let app = spawn_app().await;
    let people = settlement(&app).await;
    let (status, body) = sign_4601(
        &app,
        &people.imdi,
        json!({ "version": "", "signed_on": "1.1.2026", "ends_on": "x" }),
    )
    .await;
    assert_eq!(status, 400);
    assert_eq!(fields(&body), ["version", "signed_on", "ends_on"]);
    let (status, body) = app
        .api(&people.imdi)
        .put(
            "/api/v1/municipalities/9999/data-processing-agreement",
            &json!({ "version": "2026", "signed_on": "2026-01-01" }),
        )
        .await;
    assert_eq!(
        (status, body["field"].as_str()),
        (400, Some("municipality_number"))
    );
    let (status, body) = sign_4601(
        &app,
        &people.imdi,
        json!({ "version": "1", "signed_on": "2026-01-01", "signed": true }),
    )
    .await;
    assert_eq!((status, body["field"].as_str()), (400, Some("signed")));
}

#[tokio::test]
async fn r_set_1_one_request_per_municipality_and_year_and_each_municipality_reads_its_own() {
    let app = spawn_app().await;
    let people = settlement(&app).await;
    for number in ["4601", "0301"] {
        let (status, body) = app
            .api(&people.imdi)
            .post(
                "/api/v1/settlement/requests",
                &json!({ "year": 2026, "municipality_number": number, "persons": 30, "unaccompanied_minors": 5 }),
            )
            .await;
        assert_eq!(status, 201, "{body}");
        assert!(body["id"].as_i64().is_some());
    }
    let (status, body) = app
        .api(&people.imdi)
        .post(
            "/api/v1/settlement/requests",
            &json!({ "year": 2026, "municipality_number": "4601", "persons": 3, "unaccompanied_minors": 0 }),
        )
        .await;
    assert_eq!(status, 409, "{body}");
    let (status, body) = app
        .api(&people.imdi)
        .post(
            "/api/v1/settlement/requests",
            &json!({ "year": 2026, "municipality_number": "46", "persons": 3, "unaccompanied_minors": 4 }),
        )
        .await;
    assert_eq!(status, 400);
    assert_eq!(
        fields(&body),
        ["municipality_number", "unaccompanied_minors"]
    );

    let (_, all) = app
        .api(&people.imdi)
        .get("/api/v1/settlement/requests?year=2026")
        .await;
    assert_eq!(all.as_array().unwrap().len(), 2);
    let (status, own) = app
        .api(&people.bergen)
        .get("/api/v1/settlement/requests?year=2026")
        .await;
    assert_eq!(status, 200);
    let own = own.as_array().unwrap();
    assert_eq!(own.len(), 1);
    assert_eq!(own[0]["municipality_number"], "4601");
    assert_eq!(own[0]["persons"], 30);
    // A municipality cannot send requests.
    let (status, _) = app
        .api(&people.bergen)
        .post("/api/v1/settlement/requests", &json!({ "year": 2027, "municipality_number": "4601", "persons": 1, "unaccompanied_minors": 0 }))
        .await;
    assert_eq!(status, 403);
}

#[tokio::test]
async fn r_set_2_a_municipality_registers_and_approves_its_own_decision_only() {
    let app = spawn_app().await;
    let people = settlement(&app).await;
    let (status, _) = app
        .api(&people.oslo_kommune)
        .post(
            "/api/v1/settlement/decisions",
            &json!({ "year": 2026, "municipality_number": "4601", "persons": 10, "unaccompanied_minors": 0 }),
        )
        .await;
    assert_eq!(status, 403);
    let decision = approved_decision(&app, &people.bergen, 10).await;
    let (status, _) = app
        .api(&people.oslo_kommune)
        .post(
            &format!("/api/v1/settlement/decisions/{decision}/approve"),
            &json!({}),
        )
        .await;
    assert_eq!(status, 404);
    let (status, _) = app
        .api(&people.bergen)
        .post(
            "/api/v1/settlement/decisions",
            &json!({ "year": 2026, "municipality_number": "4601", "persons": 12, "unaccompanied_minors": 0 }),
        )
        .await;
    assert_eq!(status, 409);
    let (_, rows) = app
        .api(&people.imdi)
        .get("/api/v1/settlement/requests?year=2026")
        .await;
    assert_eq!(rows[0]["decision"]["persons"], 10);
    assert_eq!(rows[0]["decision"]["approved"], true);
}

#[tokio::test]
async fn r_set_7_a_year_outside_the_planned_years_is_400_naming_it() {
    let app = spawn_app().await;
    let imdi = app.token_of_new("imdi.years", Role::Imdi).await;
    for path in [
        "/api/v1/settlement/report?year=9223372036854775807",
        "/api/v1/settlement/requests?year=1999",
        "/api/v1/settlement/offers?year=-5",
    ] {
        let (status, problem) = app.api(&imdi).get(path).await;
        assert_eq!(
            (status, problem["field"].clone()),
            (400, json!("year")),
            "{path}"
        );
    }
}
