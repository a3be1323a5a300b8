//! Notes on persons and decisions (R-SET-8): a person's notes are reached as the person folder
//! is (R-SET-6), a decision's by IMDi and its municipality; each side reads its own notes only;
//! the events name the note, never its text.

use mottak_domain::access::Role;
use mottak_store::events::EventQuery;
use serde_json::{Value, json};

use crate::helpers::{TestApp, spawn_app};
use crate::settlement::{approved_decision, settlement};
use crate::settlement_folders::{living_at_the_centre, yes_from_4601};

async fn note(app: &TestApp, token: &str, path: &str, body: &str) -> (u16, Value) {
    app.api(token).post(path, &json!({ "body": body })).await
}

fn bodies(notes: &Value) -> Vec<&str> {
    notes
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|note| note["body"].as_str())
        .collect()
}

#[tokio::test]
async fn r_set_8_notes_on_a_person_are_kept_per_side_by_those_who_reach_the_folder() {
    let app = spawn_app().await;
    let people = settlement(&app).await;
    let (members, operator) = living_at_the_centre(&app, &people.udi).await;
    let path = format!("/api/v1/residents/{}/notes", members[0]);

    assert_eq!(
        note(&app, &people.imdi, &path, "IMDi: diabetes, trenger lege")
            .await
            .0,
        201
    );
    assert_eq!(
        note(&app, &operator, &path, "Mottaket: ønsker Vestland")
            .await
            .0,
        201
    );
    let (status, _) = note(&app, &people.bergen, &path, "for tidlig").await;
    assert_eq!(status, 403, "before the municipality's yes");
    yes_from_4601(&app, &people.imdi, &people.bergen).await;
    let (status, body) = note(&app, &people.bergen, &path, "Kommunen: bolig klar").await;
    assert_eq!(status, 201, "{body}");
    let (status, body) = note(&app, &people.bergen, &path, "  ").await;
    assert_eq!((status, body["field"].as_str()), (400, Some("body")));
    assert_eq!(app.api(&people.oslo_kommune).get(&path).await.0, 403);

    for (token, own) in [
        (&people.imdi, "IMDi: diabetes, trenger lege"),
        (&operator, "Mottaket: ønsker Vestland"),
        (&people.bergen, "Kommunen: bolig klar"),
    ] {
        let (status, notes) = app.api(token).get(&path).await;
        assert_eq!(status, 200, "{notes}");
        assert_eq!(bodies(&notes), [own], "each side its own notes");
    }
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
    assert_eq!(app.api(&other).get(&path).await.0, 403);

    let everything = EventQuery {
        limit: 100_000,
        ..EventQuery::default()
    };
    let events = app.store.search_events(&everything).await.unwrap();
    let created: Vec<_> = events
        .iter()
        .filter(|event| event.action == "settlement_note.created")
        .collect();
    assert_eq!(created.len(), 3);
    assert!(created.iter().all(|event| event.entity_type == "resident"));
    assert!(
        events
            .iter()
            .filter(|event| event.action == "settlement_note.read")
            .count()
            >= 3
    );
    assert!(
        events
            .iter()
            .all(|event| !event.summary.contains("diabetes") && !event.summary.contains("bolig"))
    );
}

#[tokio::test]
async fn r_set_8_notes_on_a_decision_are_imdi_and_its_municipality() {
    let app = spawn_app().await;
    let people = settlement(&app).await;
    let decision = approved_decision(&app, &people.bergen, 10).await;
    let path = format!("/api/v1/settlement/decisions/{decision}/notes");
    assert_eq!(
        note(&app, &people.bergen, &path, "Vedtatt i bystyret")
            .await
            .0,
        201
    );
    assert_eq!(
        note(&app, &people.imdi, &path, "Purret på brev").await.0,
        201
    );
    assert_eq!(app.api(&people.oslo_kommune).get(&path).await.0, 404);
    assert_eq!(note(&app, &people.oslo_kommune, &path, "x").await.0, 404);
    let operator = app.token_of_new("operator.one", Role::Operator).await;
    assert_eq!(app.api(&operator).get(&path).await.0, 403);
    let (_, notes) = app.api(&people.bergen).get(&path).await;
    assert_eq!(bodies(&notes), ["Vedtatt i bystyret"]);
    let (_, notes) = app.api(&people.imdi).get(&path).await;
    assert_eq!(bodies(&notes), ["Purret på brev"]);
    assert_eq!(
        app.api(&people.imdi)
            .get("/api/v1/settlement/decisions/999999/notes")
            .await
            .0,
        404
    );
}

#[tokio::test]
async fn r_set_8_the_notes_pages_add_a_note_and_keep_a_failed_one_beside_its_error() {
    let app = spawn_app().await;
    let people = settlement(&app).await;
    let decision = approved_decision(&app, &people.bergen, 10).await;
    let kommune = app
        .login(&app.create_user("kommune.notes", Role::Municipality).await)
        .await;
    let overview = app.page(&kommune, "/settlement?year=2026").await;
    let page = format!("/settlement/decisions/{decision}/notes");
    assert!(overview.contains(&format!("href=\"{page}\"")), "{overview}");
    let long = "x".repeat(4001);
    let response = app
        .submit(&kommune, &page, &page, &[("body", long.as_str())])
        .await;
    assert_eq!(response.status(), 400);
    let html = response.text().await.unwrap();
    assert!(html.contains("id=\"body-error\"") && html.contains(&long));
    let response = app
        .submit(&kommune, &page, &page, &[("body", "Ring rådmannen")])
        .await;
    assert_eq!(response.status(), 303);
    let html = app.page(&kommune, &page).await;
    assert!(html.contains("Ring rådmannen"), "{html}");
    assert!(html.contains("Notater om vedtak"), "{html}");

    let (members, operator_token) = living_at_the_centre(&app, &people.udi).await;
    let _ = operator_token;
    let operator = app
        .login(&app.create_user("operator.notes", Role::Operator).await)
        .await;
    let folder = format!("/residents/{}/folder", members[0]);
    let notes = format!("/residents/{}/notes", members[0]);
    let html = app.page(&operator, &folder).await;
    assert!(html.contains(&format!("href=\"{notes}\"")), "{html}");
    let response = app
        .submit(&operator, &notes, &notes, &[("body", "Liker fotball")])
        .await;
    assert_eq!(response.status(), 303);
    assert!(app.page(&operator, &notes).await.contains("Liker fotball"));
}
