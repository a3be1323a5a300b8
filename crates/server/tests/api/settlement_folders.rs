//! Person folders (R-SET-6) and settlement dates (R-SET-5): the centre enters the folder; a
//! municipality reads it only after its yes and with the folders permission; every read is an
//! event without health details; the settlement date ends the stay and counts in the report.

use mottak_domain::access::Role;
use mottak_store::events::EventQuery;
use serde_json::{Value, json};

use crate::helpers::{TestApp, spawn_app};
use crate::residents::{add_stay, centres};
use crate::settlement::{approved_decision, haile, offer, settlement};

pub const HEALTH: &str = "diabetes, insulin daily";

pub fn folder() -> Value {
    json!({ "education": "upper secondary", "work": "nurse", "languages": ["tigrinja", "arabic"],
        "health_needs": HEALTH, "family": "mother and son", "network": "cousin in Bergen",
        "wishes": "Vestland" })
}

/// The Haile household living at the Oslo centre of DRO1000 since 10.01.2026; the residents'
/// ids and the operator's token.
pub async fn living_at_the_centre(app: &TestApp, udi: &str) -> (Vec<i64>, String) {
    let centres = centres(app).await;
    haile(app, udi).await;
    let members: Vec<i64> = app
        .store
        .residents_of_household("haile")
        .await
        .unwrap()
        .iter()
        .map(|resident| resident.id)
        .collect();
    for member in &members {
        let stay = json!({ "centre_id": centres.oslo, "from": "2026-01-10" });
        let (status, body) = add_stay(app, &centres.udi, *member, stay).await;
        assert_eq!(status, 201, "{body}");
    }
    (
        members,
        app.token_of_new("operator.hero", Role::Operator).await,
    )
}

/// IMDi offers the household to 4601 and 4601 says yes.
pub async fn yes_from_4601(app: &TestApp, imdi: &str, bergen: &str) {
    approved_decision(app, bergen, 10).await;
    let (status, body) = app
        .api(imdi)
        .post("/api/v1/settlement/offers", &offer("haile"))
        .await;
    assert_eq!(status, 201, "{body}");
    let path = format!("/api/v1/settlement/offers/{}/answer", body["id"]);
    let (status, _) = app
        .api(bergen)
        .post(&path, &json!({ "answer": "yes" }))
        .await;
    assert_eq!(status, 200);
}

#[tokio::test]
async fn r_set_6_a_folder_is_shown_to_a_municipality_only_after_its_yes_and_with_the_permission() {
    let app = spawn_app().await;
    let people = settlement(&app).await;
    let (members, operator) = living_at_the_centre(&app, &people.udi).await;
    let path = format!("/api/v1/residents/{}/folder", members[0]);
    let (status, body) = app.api(&operator).put(&path, &folder()).await;
    assert_eq!(status, 200, "{body}");
    let other = app
        .create_user_in("operator.link", Role::Operator, None, Some("DRO1001"), None)
        .await;
    let (status, _) = app
        .api(&app.token_for(&other).await)
        .put(&path, &folder())
        .await;
    assert_eq!(status, 403);
    let (status, body) = app
        .api(&operator)
        .put(&path, &json!({ "languages": [" "], "diet": "x" }))
        .await;
    assert_eq!((status, body["field"].as_str()), (400, Some("diet")));

    let no_folders = app
        .create_user_with(
            "no.folders",
            Role::Municipality,
            (None, None, Some("4601")),
            "offers_and_decisions",
        )
        .await;
    let no_folders = app.token_for(&no_folders).await;
    for token in [&people.bergen, &no_folders, &people.oslo_kommune] {
        let (status, _) = app.api(token).get(&path).await;
        assert_eq!(status, 403);
    }
    let (status, body) = app.api(&people.imdi).get(&path).await;
    assert_eq!((status, body["health_needs"].as_str()), (200, Some(HEALTH)));

    yes_from_4601(&app, &people.imdi, &people.bergen).await;
    let (status, body) = app.api(&people.bergen).get(&path).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["languages"], json!(["tigrinja", "arabic"]));
    for token in [&no_folders, &people.oslo_kommune] {
        let (status, _) = app.api(token).get(&path).await;
        assert_eq!(status, 403);
    }
    let offers = app.store.settlement_offers(2026, None).await.unwrap();
    let (_, offer) = app
        .api(&people.bergen)
        .get(&format!("/api/v1/settlement/offers/{}", offers[0].id))
        .await;
    let languages: Vec<&Value> = offer["members"]
        .as_array()
        .unwrap()
        .iter()
        .map(|member| &member["languages"])
        .collect();
    assert!(
        languages.contains(&&json!(["tigrinja", "arabic"])),
        "{offer}"
    );
    assert!(!offer.to_string().contains("diabetes"));

    let everything = EventQuery {
        limit: 100_000,
        ..EventQuery::default()
    };
    let events = app.store.search_events(&everything).await.unwrap();
    let reads = events
        .iter()
        .filter(|event| event.action == "person_folder.read")
        .count();
    assert_eq!(reads, 2, "IMDi's and Bergen's reads");
    assert!(
        events
            .iter()
            .all(|event| !event.summary.contains("diabetes"))
    );
}

#[tokio::test]
async fn r_set_5_the_settlement_date_follows_the_yes_ends_the_stay_and_counts_in_the_report() {
    let app = spawn_app().await;
    let people = settlement(&app).await;
    let (members, operator) = living_at_the_centre(&app, &people.udi).await;
    let today = mottak_domain::calendar::norwegian_date(chrono::Utc::now());
    let path = format!("/api/v1/residents/{}/settlement", members[0]);
    let (status, body) = app
        .api(&operator)
        .post(&path, &json!({ "date": today.to_string() }))
        .await;
    assert_eq!(
        (status, body["field"].as_str()),
        (409, Some("date")),
        "{body}"
    );

    yes_from_4601(&app, &people.imdi, &people.bergen).await;
    let yesterday = today.pred_opt().unwrap().to_string();
    let (status, _) = app
        .api(&operator)
        .post(&path, &json!({ "date": yesterday }))
        .await;
    assert_eq!(status, 409, "a date before the yes");
    // The resident lives at a centre: the centre registers, not the municipality.
    let (status, _) = app
        .api(&people.bergen)
        .post(&path, &json!({ "date": today.to_string() }))
        .await;
    assert_eq!(status, 403);
    let (status, body) = app
        .api(&operator)
        .post(&path, &json!({ "date": today.to_string() }))
        .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["municipality_number"], "4601");
    let (status, _) = app
        .api(&operator)
        .post(&path, &json!({ "date": today.to_string() }))
        .await;
    assert_eq!(status, 409);

    let (_, resident) = app
        .api(&people.udi)
        .get(&format!("/api/v1/residents/{}", members[0]))
        .await;
    assert_eq!(
        resident["stays"][0]["to"],
        json!(today.to_string()),
        "{resident}"
    );
    let year = chrono::Datelike::year(&today);
    let (_, report) = app
        .api(&people.imdi)
        .get(&format!("/api/v1/settlement/report?year={year}"))
        .await;
    assert_eq!(report["national"]["settled"], 1, "{report}");
}
