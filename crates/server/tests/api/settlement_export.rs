//! The case export (R-SET-8): for an offer the municipality accepted, the municipality and IMDi
//! download the case — a PDF with the offer, the decisions, the letters and both threads, and
//! its metadata as JSON; another municipality's offer is 404; each export is an event.

use mottak_domain::access::Role;
use mottak_store::events::EventQuery;
use serde_json::{Value, json};

use crate::helpers::{TestApp, spawn_app};
use crate::settlement::{approved_decision, offer, settlement};
use crate::settlement_folders::living_at_the_centre;
use crate::settlement_letters::say_yes;

/// Whether a PDF shows `text`: as a literal string or as the hex of its WinAnsi (Latin-1) bytes.
fn pdf_shows(bytes: &[u8], text: &str) -> bool {
    let raw = String::from_utf8_lossy(bytes);
    let hex: String = text
        .chars()
        .map(|c| format!("{:02X}", u32::from(c) & 0xFF))
        .collect();
    raw.contains(text) || raw.to_ascii_uppercase().contains(&hex)
}

async fn post(app: &TestApp, token: &str, path: &str, body: Value) {
    let (status, body) = app.api(token).post(path, &body).await;
    assert!(status == 200 || status == 201, "{status} {body}");
}

#[tokio::test]
async fn r_set_8_an_accepted_case_exports_as_pdf_and_metadata_for_its_municipality_only() {
    let app = spawn_app().await;
    let people = settlement(&app).await;
    let (_, operator) = living_at_the_centre(&app, &people.udi).await;
    approved_decision(&app, &people.bergen, 10).await;
    let (status, body) = app
        .api(&people.imdi)
        .post("/api/v1/settlement/offers", &offer("haile"))
        .await;
    assert_eq!(status, 201, "{body}");
    let id = body["id"].as_i64().unwrap();
    let api = format!("/api/v1/settlement/offers/{id}/export");
    assert_eq!(
        app.api(&people.bergen).get(&api).await.0,
        409,
        "not before the yes"
    );
    let messages = format!("/api/v1/settlement/offers/{id}/messages");
    post(
        &app,
        &people.imdi,
        &messages,
        json!({ "channel": "imdi", "body": "Velkommen til saken" }),
    )
    .await;
    post(
        &app,
        &people.bergen,
        &messages,
        json!({ "channel": "note", "body": "Internt notat" }),
    )
    .await;
    say_yes(&app, &people.bergen, id).await;
    post(
        &app,
        &people.bergen,
        &messages,
        json!({ "channel": "centre", "body": "Ankomst tredje mars" }),
    )
    .await;
    post(
        &app,
        &operator,
        &messages,
        json!({ "channel": "centre", "body": "Transport bestilt" }),
    )
    .await;
    post(
        &app,
        &people.imdi,
        &format!("/api/v1/settlement/offers/{id}/decision"),
        json!({}),
    )
    .await;

    let (status, case) = app.api(&people.bergen).get(&api).await;
    assert_eq!(status, 200, "{case}");
    assert_eq!(case["case_id"], id);
    assert_eq!(case["municipality_number"], "4601");
    assert_eq!(case["year"], 2026);
    assert_eq!(case["persons"], 2);
    assert_eq!(case["deadline"], "2099-01-31");
    assert!(case["decided_on"].is_string(), "{case}");
    let kinds: Vec<&str> = case["documents"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|document| document["kind"].as_str())
        .collect();
    assert_eq!(
        kinds,
        [
            "offer",
            "municipal_decision",
            "settlement_decision",
            "letter"
        ],
        "the municipality's letter only: {case}"
    );
    let sent: Vec<(&str, &str)> = case["messages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|message| {
            assert!(message["created_at"].is_string() && message["author"].is_string());
            (
                message["channel"].as_str().unwrap(),
                message["author_side"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        sent,
        [
            ("imdi", "imdi"),
            ("centre", "municipality"),
            ("centre", "centre")
        ],
        "both threads, no notes"
    );
    let text = case.to_string();
    for secret in ["Amina", "2023123456", "Velkommen", "Internt"] {
        assert!(!text.contains(secret), "{secret} in {text}");
    }

    assert_eq!(app.api(&people.oslo_kommune).get(&api).await.0, 404);
    let (status, case) = app.api(&people.imdi).get(&api).await;
    assert_eq!(status, 200);
    assert_eq!(
        case["documents"].as_array().unwrap().len(),
        6,
        "IMDi's export holds the persons' letters too: {case}"
    );

    let browser = app
        .login(&app.create_user("kommune.export", Role::Municipality).await)
        .await;
    let overview = app.page(&browser, "/settlement?year=2026").await;
    let pdf_path = format!("/settlement/offers/{id}/export.pdf");
    assert!(
        overview.contains(&format!("href=\"{pdf_path}\"")),
        "{overview}"
    );
    let response = browser.get(app.url(&pdf_path)).send().await.unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-type"], "application/pdf");
    assert!(
        response.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .contains(&format!("bosettingssak-{id}.pdf"))
    );
    let bytes = response.bytes().await.unwrap();
    assert!(bytes.starts_with(b"%PDF"));
    for shown in [
        "Velkommen til saken",
        "Ankomst tredje mars",
        "Transport bestilt",
        "Vedtak om bosetting",
    ] {
        assert!(pdf_shows(&bytes, shown), "{shown} not in the PDF");
    }
    for hidden in ["Internt notat", "Amina", "2023123456"] {
        assert!(!pdf_shows(&bytes, hidden), "{hidden} in the PDF");
    }
    let response = browser
        .get(app.url(&format!("/settlement/offers/{id}/export.json")))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let metadata: Value = response.json().await.unwrap();
    assert_eq!(metadata["case_id"], id);

    let everything = EventQuery {
        limit: 100_000,
        ..EventQuery::default()
    };
    let events = app.store.search_events(&everything).await.unwrap();
    let exports: Vec<_> = events
        .iter()
        .filter(|event| event.action == "settlement_case.exported")
        .collect();
    assert_eq!(
        exports.len(),
        4,
        "bergen json, IMDi json, the PDF, the JSON"
    );
    assert!(
        exports
            .iter()
            .all(|event| !event.summary.contains("Ankomst"))
    );
}
