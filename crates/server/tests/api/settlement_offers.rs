//! Offers (R-SET-3) and the report (R-SET-7) through the API: room from the approved decision,
//! what the municipality sees before and after its answer, and figures that reconcile.

use serde_json::{Value, json};

use crate::helpers::{TestApp, spawn_app};
use crate::settlement::{approved_decision, fields, haile, household, offer, settlement};

/// IMDi offers the household to 4601 for 2026.
async fn send(app: &TestApp, imdi: &str, household: &str) -> (u16, Value) {
    app.api(imdi)
        .post("/api/v1/settlement/offers", &offer(household))
        .await
}

#[tokio::test]
async fn r_set_3_an_offer_needs_an_approved_decision_with_room_for_the_household() {
    let app = spawn_app().await;
    let people = settlement(&app).await;
    haile(&app, &people.udi).await;
    household(
        &app,
        &people.udi,
        "rahimi",
        "2023123457",
        &["1985-11-30", "1988-01-09"],
    )
    .await;
    let (status, body) = send(&app, &people.imdi, "haile").await;
    assert_eq!(
        (status, body["field"].as_str()),
        (409, Some("municipality_number")),
        "{body}"
    );

    approved_decision(&app, &people.bergen, 3).await;
    let (status, body) = send(&app, &people.imdi, "haile").await;
    assert_eq!(status, 201, "{body}");
    let first = body["id"].as_i64().unwrap();
    // Two persons held by the open offer: one left, and the same household is not offered twice.
    let (status, body) = send(&app, &people.imdi, "rahimi").await;
    assert_eq!(
        (status, body["field"].as_str()),
        (409, Some("household")),
        "{body}"
    );
    let (status, _) = send(&app, &people.imdi, "haile").await;
    assert_eq!(status, 409);

    // A no frees the room.
    let (status, body) = app
        .api(&people.bergen)
        .post(
            &format!("/api/v1/settlement/offers/{first}/answer"),
            &json!({ "answer": "no", "reason": "no housing" }),
        )
        .await;
    assert_eq!(
        (status, body["status"].as_str()),
        (200, Some("declined")),
        "{body}"
    );
    let (status, body) = send(&app, &people.imdi, "rahimi").await;
    assert_eq!(status, 201, "{body}");

    let (status, body) = app
        .api(&people.imdi)
        .post("/api/v1/settlement/offers", &json!({ "municipality_number": "46", "household": "", "deadline": "2020-01-01", "extra": 1 }))
        .await;
    assert_eq!((status, body["field"].as_str()), (400, Some("extra")));
    let (status, body) = app
        .api(&people.imdi)
        .post(
            "/api/v1/settlement/offers",
            &json!({ "municipality_number": "46", "household": "", "deadline": "2020-01-01" }),
        )
        .await;
    assert_eq!(status, 400);
    assert_eq!(
        fields(&body),
        ["municipality_number", "household", "deadline"]
    );
    let (status, body) = send(&app, &people.imdi, "nobody").await;
    assert_eq!((status, body["field"].as_str()), (400, Some("household")));
}

#[tokio::test]
async fn r_set_3_the_municipality_sees_only_what_the_offer_needs_and_after_a_no_nothing() {
    let app = spawn_app().await;
    let people = settlement(&app).await;
    haile(&app, &people.udi).await;
    approved_decision(&app, &people.bergen, 10).await;
    let (_, body) = send(&app, &people.imdi, "haile").await;
    let id = body["id"].as_i64().unwrap();

    let (status, body) = app
        .api(&people.bergen)
        .get(&format!("/api/v1/settlement/offers/{id}"))
        .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["municipality_number"], "4601");
    assert_eq!(body["year"], 2026);
    assert_eq!(body["status"], "open");
    assert_eq!(body["deadline"], "2099-01-31");
    let members = body["members"].as_array().unwrap();
    assert_eq!(members.len(), 2);
    assert_eq!(members[0]["gender"], "female");
    assert!(members[0]["languages"].is_array() && members[0]["needs"].is_array());
    let text = body.to_string();
    for secret in ["Amina", "Haile", "202312345600", "1990-04-01"] {
        assert!(!text.contains(secret), "{secret} in {text}");
    }

    // Another municipality does not know the offer exists.
    for path in [format!("/api/v1/settlement/offers/{id}")] {
        let (status, _) = app.api(&people.oslo_kommune).get(&path).await;
        assert_eq!(status, 404);
    }
    let (status, _) = app
        .api(&people.oslo_kommune)
        .post(
            &format!("/api/v1/settlement/offers/{id}/answer"),
            &json!({ "answer": "yes" }),
        )
        .await;
    assert_eq!(status, 404);
    let (_, listed) = app
        .api(&people.oslo_kommune)
        .get("/api/v1/settlement/offers?year=2026")
        .await;
    assert_eq!(listed, json!([]));
    let (_, listed) = app
        .api(&people.bergen)
        .get("/api/v1/settlement/offers?year=2026")
        .await;
    assert_eq!(listed.as_array().unwrap().len(), 1);

    let path = format!("/api/v1/settlement/offers/{id}/answer");
    let (status, body) = app
        .api(&people.bergen)
        .post(&path, &json!({ "answer": "no" }))
        .await;
    assert_eq!((status, body["field"].as_str()), (400, Some("reason")));
    let (status, body) = app
        .api(&people.bergen)
        .post(&path, &json!({ "answer": "maybe" }))
        .await;
    assert_eq!((status, body["field"].as_str()), (400, Some("answer")));
    let (status, _) = app
        .api(&people.bergen)
        .post(
            &path,
            &json!({ "answer": "no", "reason": "no school places" }),
        )
        .await;
    assert_eq!(status, 200);
    let (status, _) = app
        .api(&people.bergen)
        .post(&path, &json!({ "answer": "yes" }))
        .await;
    assert_eq!(status, 409);
    let (status, body) = app
        .api(&people.bergen)
        .get(&format!("/api/v1/settlement/offers/{id}"))
        .await;
    assert_eq!((status, body["status"].as_str()), (200, Some("declined")));
    assert!(body.get("members").is_none(), "{body}");
}

#[tokio::test]
async fn r_set_7_the_report_counts_persons_and_the_national_figures_reconcile() {
    let app = spawn_app().await;
    let people = settlement(&app).await;
    for (number, persons) in [("4601", 30), ("0301", 50)] {
        app.api(&people.imdi)
            .post(
                "/api/v1/settlement/requests",
                &json!({ "year": 2026, "municipality_number": number, "persons": persons, "unaccompanied_minors": 0 }),
            )
            .await;
    }
    // 0301 decides but does not approve: not counted as decided.
    app.api(&people.oslo_kommune)
        .post(
            "/api/v1/settlement/decisions",
            &json!({ "year": 2026, "municipality_number": "0301", "persons": 40, "unaccompanied_minors": 0 }),
        )
        .await;
    approved_decision(&app, &people.bergen, 25).await;
    haile(&app, &people.udi).await;
    household(
        &app,
        &people.udi,
        "rahimi",
        "2023123457",
        &["1985-11-30", "1988-01-09", "2020-05-05"],
    )
    .await;
    let (_, first) = send(&app, &people.imdi, "haile").await;
    let (_, second) = send(&app, &people.imdi, "rahimi").await;
    app.api(&people.bergen)
        .post(
            &format!("/api/v1/settlement/offers/{}/answer", first["id"]),
            &json!({ "answer": "yes" }),
        )
        .await;
    app.api(&people.bergen)
        .post(
            &format!("/api/v1/settlement/offers/{}/answer", second["id"]),
            &json!({ "answer": "no", "reason": "r" }),
        )
        .await;

    let (status, mut report) = app
        .api(&people.imdi)
        .get("/api/v1/settlement/report?year=2026")
        .await;
    assert_eq!(status, 200, "{report}");
    // Each county is the sum of its municipalities' figures.
    let counties = report["counties"].take();
    let county = |number: &str| {
        counties
            .as_array()
            .unwrap()
            .iter()
            .find(|county| county["county_number"] == number)
            .cloned()
            .unwrap_or_else(|| panic!("county {number} in {counties}"))
    };
    assert_eq!(county("03")["requested"], 50);
    assert_eq!(
        (
            county("46")["requested"].clone(),
            county("46")["decided"].clone(),
            county("46")["accepted"].clone()
        ),
        (json!(30), json!(25), json!(2))
    );
    assert!(
        county("46")["county_name"]
            .as_str()
            .is_some_and(|name| !name.is_empty())
    );
    report.as_object_mut().unwrap().remove("counties");
    assert_eq!(
        report,
        json!({ "year": 2026,
            "municipalities": [
                { "municipality_number": "0301", "requested": 50, "decided": 0, "offered": 0, "accepted": 0, "settled": 0 },
                { "municipality_number": "4601", "requested": 30, "decided": 25, "offered": 5, "accepted": 2, "settled": 0 },
            ],
            "national": { "requested": 80, "decided": 25, "offered": 5, "accepted": 2, "settled": 0 } })
    );
    let (status, own) = app
        .api(&people.bergen)
        .get("/api/v1/settlement/report?year=2026")
        .await;
    assert_eq!(status, 200);
    assert_eq!(own["municipalities"].as_array().unwrap().len(), 1);
    assert_eq!(own["municipalities"][0]["municipality_number"], "4601");
    assert_eq!(own["national"], report["national"]);

    // Every figure drills down to its records, whose persons add up to it.
    for row in report["municipalities"].as_array().unwrap() {
        let number = row["municipality_number"].as_str().unwrap();
        for figure in ["requested", "decided", "offered", "accepted", "settled"] {
            let (status, records) = app
                .api(&people.imdi)
                .get(&format!(
                    "/api/v1/settlement/report/records?year=2026&municipality_number={number}&figure={figure}"
                ))
                .await;
            assert_eq!(status, 200, "{records}");
            assert_eq!(
                records["total"], row[figure],
                "{number} {figure}: {records}"
            );
            let sum: i64 = records["records"]
                .as_array()
                .unwrap()
                .iter()
                .map(|record| record["persons"].as_i64().unwrap())
                .sum();
            assert_eq!(json!(sum), row[figure], "{number} {figure}");
        }
    }
    let (_, offered) = app
        .api(&people.imdi)
        .get("/api/v1/settlement/report/records?year=2026&municipality_number=4601&figure=offered")
        .await;
    assert_eq!(
        offered["records"].as_array().unwrap().len(),
        2,
        "the declined offer counts"
    );
    // A municipality drills down into its own records only.
    let (status, _) = app
        .api(&people.bergen)
        .get(
            "/api/v1/settlement/report/records?year=2026&municipality_number=0301&figure=requested",
        )
        .await;
    assert_eq!(status, 404);
    let (status, body) = app
        .api(&people.imdi)
        .get("/api/v1/settlement/report/records?year=2026&municipality_number=4601&figure=many")
        .await;
    assert_eq!((status, body["field"].as_str()), (400, Some("figure")));
}
