//! Settlement decisions and letters (R-SET-4): IMDi decides an offer after the municipality's
//! yes, once; the letters to the persons and to the municipality are printable pages and PDF,
//! and every letter generated is an event without names or DUF numbers.

use mottak_domain::access::Role;
use mottak_store::events::EventQuery;
use serde_json::json;

use crate::helpers::{TestApp, spawn_app};
use crate::settlement::{Settlement, approved_decision, haile, offer, settlement};

/// 4601's approved decision and IMDi's offer of the (registered) Haile household; its id.
pub async fn offer_haile(app: &TestApp, people: &Settlement) -> i64 {
    approved_decision(app, &people.bergen, 10).await;
    let (status, body) = app
        .api(&people.imdi)
        .post("/api/v1/settlement/offers", &offer("haile"))
        .await;
    assert_eq!(status, 201, "{body}");
    body["id"].as_i64().unwrap()
}

/// 4601 says yes to the offer.
pub async fn say_yes(app: &TestApp, bergen: &str, id: i64) {
    let (status, body) = app
        .api(bergen)
        .post(
            &format!("/api/v1/settlement/offers/{id}/answer"),
            &json!({ "answer": "yes" }),
        )
        .await;
    assert_eq!(status, 200, "{body}");
}

/// The Haile household registered and offered to 4601; answered yes when `yes`.
async fn offered(app: &TestApp, people: &Settlement, yes: bool) -> i64 {
    haile(app, &people.udi).await;
    let id = offer_haile(app, people).await;
    if yes {
        say_yes(app, &people.bergen, id).await;
    }
    id
}

async fn letter_events(app: &TestApp) -> Vec<String> {
    let everything = EventQuery {
        limit: 100_000,
        ..EventQuery::default()
    };
    app.store
        .search_events(&everything)
        .await
        .unwrap()
        .into_iter()
        .filter(|event| event.action == "settlement_letter.generated")
        .map(|event| event.summary)
        .collect()
}

#[tokio::test]
async fn r_set_4_imdi_decides_an_offer_only_after_the_yes_and_only_once() {
    let app = spawn_app().await;
    let people = settlement(&app).await;
    let id = offered(&app, &people, false).await;
    let decide = format!("/api/v1/settlement/offers/{id}/decision");
    let (status, body) = app.api(&people.imdi).post(&decide, &json!({})).await;
    assert_eq!(status, 409, "{body}");
    assert!(body["detail"].as_str().unwrap().contains("open"), "{body}");
    let letter = format!("/api/v1/settlement/offers/{id}/letters/municipality");
    let (status, _) = app.api(&people.imdi).get(&letter).await;
    assert_eq!(status, 409, "no letter before the decision");

    say_yes(&app, &people.bergen, id).await;
    let (status, _) = app.api(&people.bergen).post(&decide, &json!({})).await;
    assert_eq!(
        status, 403,
        "the municipality does not make IMDi's decision"
    );
    let (status, body) = app.api(&people.imdi).post(&decide, &json!({})).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["status"], "accepted");
    assert!(body["decided_on"].is_string(), "{body}");
    let (status, body) = app.api(&people.imdi).post(&decide, &json!({})).await;
    assert_eq!(status, 409, "{body}");
    let (_, body) = app
        .api(&people.bergen)
        .get(&format!("/api/v1/settlement/offers/{id}"))
        .await;
    assert!(body["decided_on"].is_string(), "{body}");
}

#[tokio::test]
async fn r_set_4_the_letters_are_pdf_for_their_readers_and_each_one_is_logged() {
    let app = spawn_app().await;
    let people = settlement(&app).await;
    let id = offered(&app, &people, true).await;
    let (status, _) = app
        .api(&people.imdi)
        .post(
            &format!("/api/v1/settlement/offers/{id}/decision"),
            &json!({}),
        )
        .await;
    assert_eq!(status, 200);
    let members = app.store.settlement_offer_members(id).await.unwrap();
    let pdf = |token: &str, path: String| {
        let request = app.api(token).request(reqwest::Method::GET, &path);
        async move { request.send().await.unwrap() }
    };
    let municipality = format!("/api/v1/settlement/offers/{id}/letters/municipality");
    for token in [&people.imdi, &people.bergen] {
        let response = pdf(token, municipality.clone()).await;
        assert_eq!(response.status(), 200);
        assert_eq!(response.headers()["content-type"], "application/pdf");
        let bytes = response.bytes().await.unwrap();
        assert!(bytes.starts_with(b"%PDF"));
    }
    // Another municipality does not know the offer exists.
    let response = pdf(&people.oslo_kommune, municipality.clone()).await;
    assert_eq!(response.status(), 404);

    let person = format!(
        "/api/v1/settlement/offers/{id}/letters/residents/{}",
        members[0].resident_id
    );
    let response = pdf(&people.imdi, person.clone()).await;
    assert_eq!(response.status(), 200);
    assert!(response.bytes().await.unwrap().starts_with(b"%PDF"));
    let response = pdf(&people.bergen, person).await;
    assert_eq!(
        response.status(),
        403,
        "the person's letter is IMDi's to send"
    );
    let stranger = format!("/api/v1/settlement/offers/{id}/letters/residents/999999");
    assert_eq!(pdf(&people.imdi, stranger).await.status(), 404);

    let events = letter_events(&app).await;
    assert_eq!(events.len(), 3, "{events:?}");
    assert_eq!(
        events
            .iter()
            .filter(|summary| summary.contains("\"resident\""))
            .count(),
        1
    );
    for summary in &events {
        for secret in ["Amina", "Haile", "2023123456"] {
            assert!(!summary.contains(secret), "{secret} in {summary}");
        }
    }
}

#[tokio::test]
async fn r_set_4_imdi_decides_with_the_button_and_prints_the_letters_in_the_browser() {
    let app = spawn_app().await;
    let people = settlement(&app).await;
    let id = offered(&app, &people, true).await;
    let imdi = app.create_user("imdi.letters", Role::Imdi).await;
    let browser = app.login(&imdi).await;
    let html = app.page(&browser, "/settlement?year=2026").await;
    assert!(html.contains(&format!("id=\"decide-{id}\"")), "{html}");
    let response = app
        .submit(
            &browser,
            "/settlement?year=2026",
            &format!("/settlement/offers/{id}/decision"),
            &[],
        )
        .await;
    assert_eq!(response.status(), 303);
    let html = app.page(&browser, "/settlement?year=2026").await;
    assert!(!html.contains(&format!("id=\"decide-{id}\"")));
    let municipality = format!("/settlement/offers/{id}/letters/municipality");
    assert!(html.contains(&format!("href=\"{municipality}\"")), "{html}");

    let letter = app.page(&browser, &municipality).await;
    assert!(letter.contains("Vedtak om bosetting"), "{letter}");
    assert!(letter.contains("id=\"household\""));
    assert!(
        !letter.contains("Amina"),
        "the municipality's letter names no one"
    );
    assert!(letter.contains(&format!("href=\"{municipality}/pdf\"")));
    let members = app.store.settlement_offer_members(id).await.unwrap();
    let person = format!(
        "/settlement/offers/{id}/letters/residents/{}",
        members[0].resident_id
    );
    assert!(html.contains(&format!("href=\"{person}\"")));
    let letter = app.page(&browser, &person).await;
    assert!(letter.contains("Amina Haile"), "{letter}");
    let response = browser
        .get(app.url(&format!("{person}/pdf")))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-type"], "application/pdf");
    assert_eq!(letter_events(&app).await.len(), 3);
}
