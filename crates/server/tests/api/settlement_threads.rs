//! Notes and threads (R-SET-8): IMDi and the municipality's thread per offer, the municipality
//! and the centre's after the yes (IMDi reads it), notes for the own side only, a notification
//! for each new message, and no message text in the event log.

use mottak_domain::access::Role;
use mottak_store::events::EventQuery;
use serde_json::{Value, json};

use crate::helpers::{TestApp, spawn_app};
use crate::settlement::settlement;
use crate::settlement_folders::living_at_the_centre;
use crate::settlement_letters::{offer_haile, say_yes};

fn channels(threads: &Value) -> Vec<&str> {
    threads
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|thread| thread["channel"].as_str())
        .collect()
}

async fn say(app: &TestApp, token: &str, id: i64, channel: &str, body: &str) -> (u16, Value) {
    app.api(token)
        .post(
            &format!("/api/v1/settlement/offers/{id}/messages"),
            &json!({ "channel": channel, "body": body }),
        )
        .await
}

#[tokio::test]
async fn r_set_8_each_side_sees_its_threads_and_is_notified_of_new_messages() {
    let app = spawn_app().await;
    let people = settlement(&app).await;
    let (_, operator) = living_at_the_centre(&app, &people.udi).await;
    let id = offer_haile(&app, &people).await;
    let path = format!("/api/v1/settlement/offers/{id}/messages");

    assert_eq!(
        say(
            &app,
            &people.imdi,
            id,
            "imdi",
            "Kan dere svare innen fredag?"
        )
        .await
        .0,
        201
    );
    let (status, threads) = app.api(&people.bergen).get(&path).await;
    assert_eq!(status, 200, "{threads}");
    assert_eq!(channels(&threads), ["note", "imdi"]);
    assert_eq!(threads[1]["messages"][0]["author_side"], "imdi");
    assert_eq!(app.api(&people.oslo_kommune).get(&path).await.0, 404);
    assert_eq!(app.api(&operator).get(&path).await.0, 404, "before the yes");
    let (status, body) = say(&app, &people.bergen, id, "centre", "hei").await;
    assert_eq!((status, body["field"].as_str()), (409, Some("channel")));
    let (status, body) = say(&app, &people.bergen, id, "post", " ").await;
    assert_eq!(status, 400);
    assert_eq!(body["errors"].as_array().unwrap().len(), 2, "{body}");
    let (_, notes) = app
        .api(&people.bergen)
        .get("/api/v1/settlement/notifications")
        .await;
    assert_eq!(notes[0]["offer_id"], id, "{notes}");
    assert!(notes[0].get("body").is_none());
    let (_, notes) = app
        .api(&people.imdi)
        .get("/api/v1/settlement/notifications")
        .await;
    assert_eq!(notes.as_array().unwrap().len(), 0, "not its own message");

    say_yes(&app, &people.bergen, id).await;
    let (status, body) = say(
        &app,
        &people.bergen,
        id,
        "centre",
        "Ankomst 3. mars; diabetes",
    )
    .await;
    assert_eq!(status, 201, "{body}");
    assert_eq!(
        say(&app, &people.bergen, id, "note", "internt notat")
            .await
            .0,
        201
    );
    let (status, threads) = app.api(&operator).get(&path).await;
    assert_eq!(status, 200, "{threads}");
    assert_eq!(channels(&threads), ["note", "centre"]);
    assert_eq!(threads[1]["writable"], true);
    let (_, notes) = app
        .api(&operator)
        .get("/api/v1/settlement/notifications")
        .await;
    assert_eq!(notes.as_array().unwrap().len(), 1, "{notes}");
    assert_eq!(
        say(&app, &operator, id, "centre", "Vi ordner transport")
            .await
            .0,
        201
    );

    let (_, threads) = app.api(&people.imdi).get(&path).await;
    assert_eq!(channels(&threads), ["note", "imdi", "centre"]);
    assert_eq!(
        threads[0]["messages"].as_array().unwrap().len(),
        0,
        "the municipality's note"
    );
    assert_eq!(threads[2]["writable"], false);
    assert_eq!(threads[2]["messages"].as_array().unwrap().len(), 2);
    assert_eq!(say(&app, &people.imdi, id, "centre", "hei").await.0, 403);
    let other = app
        .create_user_in(
            "operator.other",
            Role::Operator,
            None,
            Some("DRO1001"),
            None,
        )
        .await;
    let other = app.token_for(&other).await;
    assert_eq!(app.api(&other).get(&path).await.0, 404);
    let udi = app.api(&people.udi).get(&path).await.0;
    assert_eq!(udi, 403);

    let everything = EventQuery {
        limit: 100_000,
        ..EventQuery::default()
    };
    let events = app.store.search_events(&everything).await.unwrap();
    assert_eq!(
        events
            .iter()
            .filter(|event| event.action == "settlement_message.created")
            .count(),
        4
    );
    assert!(
        events
            .iter()
            .all(|event| !event.summary.contains("diabetes"))
    );
}

#[tokio::test]
async fn r_set_8_messages_are_written_on_the_offer_page_and_show_on_the_dashboard() {
    let app = spawn_app().await;
    let people = settlement(&app).await;
    crate::settlement::haile(&app, &people.udi).await;
    let id = offer_haile(&app, &people).await;
    let imdi = app.create_user("imdi.threads", Role::Imdi).await;
    let browser = app.login(&imdi).await;
    let page = format!("/settlement/offers/{id}/messages");
    let html = app.page(&browser, "/settlement?year=2026").await;
    assert!(html.contains(&format!("href=\"{page}\"")));
    let write = |body: &'static str| {
        let (app, browser, page) = (&app, &browser, page.clone());
        async move {
            app.submit(
                browser,
                &page,
                &page,
                &[("channel", "imdi"), ("body", body)],
            )
            .await
        }
    };
    let response = write("  ").await;
    assert_eq!(response.status(), 400);
    let html = response.text().await.unwrap();
    assert!(html.contains("id=\"body-error\""), "{html}");
    assert!(html.contains("href=\"#body\""), "{html}");
    let response = write("Svar innen fredag").await;
    assert_eq!(response.status(), 303);
    let html = app.page(&browser, &page).await;
    assert!(html.contains("Svar innen fredag"), "{html}");

    assert_eq!(
        say(&app, &people.bergen, id, "imdi", "Vi svarer torsdag")
            .await
            .0,
        201
    );
    let html = app.page(&browser, "/").await;
    assert!(
        html.contains(&format!("Ny melding om tilbud {id}</a> fra Kommunen")),
        "{html}"
    );
    assert!(
        !html.contains("Vi svarer torsdag"),
        "the dashboard shows no text"
    );
}
