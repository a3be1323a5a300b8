//! Occupancy of a centre per day (R-OCC-2) and its approval (R-OCC-3, SPEC §10).

use mottak_domain::access::Role;
use mottak_store::events::EventQuery;
use serde_json::{Value, json};

use crate::helpers::spawn_app;
use crate::residents::{add_stay, centres, create_resident};

fn counts(month: &Value) -> Vec<i64> {
    month["days"]
        .as_array()
        .unwrap()
        .iter()
        .map(|day| day["residents"].as_i64().unwrap())
        .collect()
}

#[tokio::test]
async fn r_occ_2_occupancy_is_derived_from_stays_for_every_day() {
    let app = spawn_app().await;
    let operator = app.token_of_new("drift", Role::Operator).await;
    let centres = centres(&app).await;
    for (duf, from, to) in [
        ("202412345671", "2026-01-20", Some("2026-02-03")),
        ("202412345672", "2026-02-02", None),
        ("202412345673", "2026-02-28", Some("2026-03-05")),
    ] {
        let id = create_resident(&app, &operator, duf).await;
        let (status, body) = add_stay(
            &app,
            &operator,
            id,
            json!({ "centre_id": centres.oslo, "from": from, "to": to }),
        )
        .await;
        assert_eq!(status, 201, "{body}");
    }
    let (status, month) = app
        .api(&operator)
        .get(&format!(
            "/api/v1/centres/{}/occupancy/2026-02",
            centres.oslo
        ))
        .await;
    assert_eq!(status, 200, "{month}");
    assert_eq!(month["month"], "2026-02");
    assert_eq!(month["approved"], false);
    let days = counts(&month);
    assert_eq!(days.len(), 28);
    assert_eq!(&days[..4], &[1, 2, 1, 1]);
    assert_eq!(days[27], 2);
    assert_eq!(month["days"][0]["date"], "2026-02-01");
    // Stays make the month's occupancy theirs: entering counts is 409.
    let (status, problem) = app
        .api(&operator)
        .put(
            &format!("/api/v1/centres/{}/occupancy/2026-02", centres.oslo),
            &json!({ "days": [{ "date": "2026-02-01", "residents": 3 }] }),
        )
        .await;
    assert_eq!(status, 409, "{problem}");
}

#[tokio::test]
async fn r_occ_2_daily_counts_are_entered_and_imported_for_a_centre_without_residents() {
    let app = spawn_app().await;
    let operator = app.token_of_new("drift", Role::Operator).await;
    let centres = centres(&app).await;
    let path = format!("/api/v1/centres/{}/occupancy/2026-03", centres.oslo);
    let (status, month) = app
        .api(&operator)
        .put(
            &path,
            &json!({ "days": [{ "date": "2026-03-02", "residents": 40 }] }),
        )
        .await;
    assert_eq!(status, 200, "{month}");
    assert_eq!(&counts(&month)[..3], &[0, 40, 0]);
    let (status, problem) = app
        .api(&operator)
        .put(
            &path,
            &json!({ "days": [{ "date": "2026-04-01", "residents": -1 }] }),
        )
        .await;
    assert_eq!(status, 400);
    assert_eq!(problem["errors"].as_array().unwrap().len(), 2);
    let csv = |body: &str| {
        app.api(&operator)
            .request(reqwest::Method::PUT, &format!("{path}/csv"))
            .header("content-type", "text/csv")
            .body(body.to_owned())
    };
    let (status, month) = app
        .api(&operator)
        .send(csv("date;residents\n2026-03-01;7\n2026-03-31\t9\n"))
        .await;
    assert_eq!(status, 200, "{month}");
    let days = counts(&month);
    assert_eq!((days[0], days[1], days[30]), (7, 0, 9));
    let (status, problem) = app
        .api(&operator)
        .send(csv("2026-03-01;x\n2026-03-02;1\n2026-02-01;1\n"))
        .await;
    assert_eq!(status, 400);
    let fields: Vec<&str> = problem["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|error| error["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["line 1", "line 3"]);
    let (status, _) = app
        .api(&operator)
        .get(&format!(
            "/api/v1/centres/{}/occupancy/2026-13",
            centres.oslo
        ))
        .await;
    assert_eq!(status, 400);
}

#[tokio::test]
async fn r_occ_3_an_approved_month_changes_only_by_udi_and_the_change_is_logged() {
    let app = spawn_app().await;
    let operator = app.token_of_new("drift", Role::Operator).await;
    let centres = centres(&app).await;
    let path = format!("/api/v1/centres/{}/occupancy/2026-03", centres.oslo);
    let entered = json!({ "days": [{ "date": "2026-03-02", "residents": 40 }] });
    app.api(&operator).put(&path, &entered).await;
    let (status, month) = app
        .api(&operator)
        .post(&format!("{path}/approve"), &json!({}))
        .await;
    assert_eq!(status, 200, "{month}");
    assert_eq!(month["approved"], true);
    let corrected = json!({ "days": [{ "date": "2026-03-02", "residents": 41 }] });
    let (status, problem) = app.api(&operator).put(&path, &corrected).await;
    assert_eq!(
        (status, problem["field"].as_str()),
        (409, Some("month")),
        "{problem}"
    );
    let (status, month) = app.api(&centres.udi).put(&path, &corrected).await;
    assert_eq!(status, 200, "{month}");
    assert_eq!(
        (month["approved"].clone(), counts(&month)[1]),
        (json!(true), 41)
    );
    let changes: Vec<Value> = app
        .store
        .search_events(&EventQuery {
            entity_type: Some("centre".into()),
            ..EventQuery::default()
        })
        .await
        .unwrap()
        .into_iter()
        .filter(|event| event.action == "occupancy.entered")
        .map(|event| serde_json::from_str(&event.summary).unwrap())
        .collect();
    let by_udi = changes
        .iter()
        .find(|summary| summary["approved"] == true)
        .expect("logged");
    assert_eq!(
        (by_udi["before"][1].clone(), by_udi["after"][1].clone()),
        (json!(40), json!(41))
    );
    // An operator's stay into an approved month is refused too; UDI's is allowed.
    let id = create_resident(&app, &operator, "202412345678").await;
    let stay = json!({ "centre_id": centres.oslo, "from": "2026-03-10", "to": "2026-03-12" });
    assert_eq!(add_stay(&app, &operator, id, stay.clone()).await.0, 409);
    assert_eq!(add_stay(&app, &centres.udi, id, stay).await.0, 201);
}

#[tokio::test]
async fn r_occ_3_another_operators_centre_is_404_and_a_region_only_reads() {
    let app = spawn_app().await;
    let operator = app.token_of_new("drift", Role::Operator).await;
    let centres = centres(&app).await;
    let path = format!(
        "/api/v1/centres/{}/occupancy/2026-03",
        centres.other_operator
    );
    assert_eq!(app.api(&operator).get(&path).await.0, 404);
    assert_eq!(
        app.api(&operator)
            .post(&format!("{path}/approve"), &json!({}))
            .await
            .0,
        404
    );
    let region = app.token_of_new("vest", Role::UdiRegion).await;
    let bergen = format!("/api/v1/centres/{}/occupancy/2026-03", centres.bergen);
    assert_eq!(app.api(&region).get(&bergen).await.0, 200);
    assert_eq!(
        app.api(&region)
            .post(&format!("{bergen}/approve"), &json!({}))
            .await
            .0,
        403
    );
}
