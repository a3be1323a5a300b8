//! Residents and stays (SPEC §10, R-OCC-1, R-AUTH-5): registration with every invalid field named,
//! moves, overlaps, operator isolation and the read event.

use mottak_domain::access::Role;
use mottak_store::events::{Event, EventQuery};
use serde_json::{Value, json};

use crate::helpers::{TestApp, spawn_app};

/// Operators DRO1000 (with a centre in Oslo and one in Bergen) and DRO1001 (a centre in Oslo),
/// registered by UDI.
pub struct Centres {
    pub udi: String,
    pub oslo: i64,
    pub bergen: i64,
    pub other_operator: i64,
}

async fn operator(app: &TestApp, udi: &str, name: &str, organisation_number: &str) -> Value {
    let (status, operator) = app
        .api(udi)
        .post(
            "/api/v1/operators",
            &json!({ "name": name, "organisation_number": organisation_number, "experienced": true }),
        )
        .await;
    assert_eq!(status, 201, "{operator}");
    operator
}

async fn centre(
    app: &TestApp,
    udi: &str,
    operator: &Value,
    name: &str,
    place: (&str, &str, &str),
) -> i64 {
    let (series, municipality, postal_code) = place;
    let body = json!({
        "name": name, "category": "ordinary", "series": series,
        "municipality_number": municipality, "postal_code": postal_code,
        "operator_id": operator["id"],
    });
    let (status, centre) = app.api(udi).post("/api/v1/centres", &body).await;
    assert_eq!(status, 201, "{centre}");
    centre["id"].as_i64().unwrap()
}

pub async fn centres(app: &TestApp) -> Centres {
    let udi = app.token_of_new("udi", Role::UdiAdm).await;
    let hero = operator(app, &udi, "Hero Norge AS", "974760673").await;
    let other = operator(app, &udi, "Link Mottak AS", "923456783").await;
    Centres {
        oslo: centre(app, &udi, &hero, "Oslo asylmottak", ("03", "0301", "0010")).await,
        bergen: centre(
            app,
            &udi,
            &hero,
            "Bergen asylmottak",
            ("12", "4601", "5003"),
        )
        .await,
        other_operator: centre(
            app,
            &udi,
            &other,
            "Tanum asylmottak",
            ("03", "0301", "0010"),
        )
        .await,
        udi,
    }
}

/// The `field` of every entry of a problem's `errors`.
pub fn error_fields(problem: &Value) -> Vec<&str> {
    problem["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|error| error["field"].as_str().unwrap())
        .collect()
}

pub fn resident(duf_number: &str) -> Value {
    json!({
        "duf_number": duf_number, "given_name": "Amina", "family_name": "Haile",
        "birth_date": "1990-04-01", "gender": "female", "household": "H-1",
    })
}

pub async fn create_resident(app: &TestApp, token: &str, duf_number: &str) -> i64 {
    let (status, body) = app
        .api(token)
        .post("/api/v1/residents", &resident(duf_number))
        .await;
    assert_eq!(status, 201, "{body}");
    body["id"].as_i64().unwrap()
}

pub async fn add_stay(app: &TestApp, token: &str, resident: i64, stay: Value) -> (u16, Value) {
    app.api(token)
        .post(&format!("/api/v1/residents/{resident}/stays"), &stay)
        .await
}

async fn events(app: &TestApp, action: &str) -> Vec<Event> {
    app.store
        .search_events(&EventQuery {
            entity_type: Some("resident".into()),
            ..EventQuery::default()
        })
        .await
        .unwrap()
        .into_iter()
        .filter(|event| event.action == action)
        .collect()
}

#[tokio::test]
async fn r_occ_1_a_resident_is_registered_and_every_invalid_field_is_named() {
    let app = spawn_app().await;
    let operator = app.token_of_new("drift", Role::Operator).await;
    centres(&app).await;
    create_resident(&app, &operator, "202412345678").await;
    let bad = json!({ "duf_number": "123", "given_name": " ", "birth_date": "2999-01-01", "gender": "x" });
    let (status, problem) = app.api(&operator).post("/api/v1/residents", &bad).await;
    assert_eq!(status, 400);
    let fields = error_fields(&problem);
    assert_eq!(
        fields,
        [
            "duf_number",
            "given_name",
            "family_name",
            "birth_date",
            "gender",
            "household"
        ]
    );
    assert_eq!(problem["field"], "duf_number");
    let (status, problem) = app
        .api(&operator)
        .post("/api/v1/residents", &resident("202412345678"))
        .await;
    assert_eq!(
        (status, problem["field"].as_str()),
        (409, Some("duf_number"))
    );
}

#[tokio::test]
async fn r_occ_1_a_stay_after_the_open_stays_start_is_a_move() {
    let app = spawn_app().await;
    let operator = app.token_of_new("drift", Role::Operator).await;
    let centres = centres(&app).await;
    let id = create_resident(&app, &operator, "202412345678").await;
    let (status, first) = add_stay(
        &app,
        &operator,
        id,
        json!({ "centre_id": centres.oslo, "from": "2026-01-10" }),
    )
    .await;
    assert_eq!(status, 201, "{first}");
    let (status, second) = add_stay(
        &app,
        &operator,
        id,
        json!({ "centre_id": centres.bergen, "from": "2026-03-01" }),
    )
    .await;
    assert_eq!(status, 201, "{second}");
    assert_eq!(second["ended_stay"], first["id"]);
    let (status, record) = app
        .api(&operator)
        .get(&format!("/api/v1/residents/{id}"))
        .await;
    assert_eq!(status, 200);
    let stays: Vec<(Value, Value)> = record["stays"]
        .as_array()
        .unwrap()
        .iter()
        .map(|stay| (stay["from"].clone(), stay["to"].clone()))
        .collect();
    assert_eq!(
        stays,
        [
            (json!("2026-01-10"), json!("2026-03-01")),
            (json!("2026-03-01"), Value::Null)
        ]
    );
}

#[tokio::test]
async fn r_occ_1_overlaps_are_409_and_bad_dates_400() {
    let app = spawn_app().await;
    let operator = app.token_of_new("drift", Role::Operator).await;
    let centres = centres(&app).await;
    let id = create_resident(&app, &operator, "202412345678").await;
    add_stay(
        &app,
        &operator,
        id,
        json!({ "centre_id": centres.oslo, "from": "2026-01-10" }),
    )
    .await;
    for (to, refusal) in [("2026-02-01", (409, "from")), ("2025-12-01", (400, "to"))] {
        let stay = json!({ "centre_id": centres.oslo, "from": "2025-12-01", "to": to });
        let (status, problem) = add_stay(&app, &operator, id, stay).await;
        assert_eq!(
            (status, problem["field"].as_str().unwrap()),
            refusal,
            "{problem}"
        );
    }
    let (status, problem) = add_stay(
        &app,
        &operator,
        id,
        json!({ "centre_id": centres.other_operator, "from": "x", "to": "y" }),
    )
    .await;
    assert_eq!(status, 400);
    let fields = error_fields(&problem);
    assert_eq!(fields, ["centre_id", "from", "to"]);
}

#[tokio::test]
async fn spec_1_another_operators_resident_and_centre_are_404() {
    let app = spawn_app().await;
    let own = app.token_of_new("drift", Role::Operator).await;
    let centres = centres(&app).await;
    let other_user = app
        .create_user_in("link", Role::Operator, None, Some("DRO1001"), None)
        .await;
    let other = app.token_for(&other_user).await;
    let unplaced = create_resident(&app, &own, "202412345678").await;
    let placed = create_resident(&app, &centres.udi, "202412345679").await;
    add_stay(
        &app,
        &centres.udi,
        placed,
        json!({ "centre_id": centres.oslo, "from": "2026-01-10" }),
    )
    .await;
    for id in [unplaced, placed] {
        let (status, body) = app
            .api(&other)
            .get(&format!("/api/v1/residents/{id}"))
            .await;
        assert_eq!(status, 404, "{body}");
        assert!(body.get("duf_number").is_none());
        let (status, _) = add_stay(
            &app,
            &other,
            id,
            json!({ "centre_id": centres.other_operator, "from": "2026-05-01" }),
        )
        .await;
        assert_eq!(status, 404);
        assert_eq!(
            app.api(&own)
                .get(&format!("/api/v1/residents/{id}"))
                .await
                .0,
            200
        );
    }
    let (status, _) = app
        .api(&other)
        .get(&format!("/api/v1/centres/{}/residents", centres.oslo))
        .await;
    assert_eq!(status, 404);
    let (status, list) = app
        .api(&own)
        .get(&format!("/api/v1/centres/{}/residents", centres.oslo))
        .await;
    assert_eq!(status, 200);
    assert_eq!(list[0]["duf_number"], "202412345679");
    // A region reads the residents of its centres only: Bergen is VEST, Oslo is not.
    let region = app.token_of_new("vest", Role::UdiRegion).await;
    assert_eq!(
        app.api(&region)
            .get(&format!("/api/v1/residents/{placed}"))
            .await
            .0,
        404
    );
}

#[tokio::test]
async fn r_auth_5_reading_a_resident_writes_a_read_event() {
    let app = spawn_app().await;
    let operator = app.token_of_new("drift", Role::Operator).await;
    let centres = centres(&app).await;
    let id = create_resident(&app, &operator, "202412345678").await;
    add_stay(
        &app,
        &operator,
        id,
        json!({ "centre_id": centres.bergen, "from": "2026-01-10" }),
    )
    .await;
    assert!(events(&app, "resident.read").await.is_empty());
    app.api(&operator)
        .get(&format!("/api/v1/residents/{id}"))
        .await;
    let reads = events(&app, "resident.read").await;
    assert_eq!(reads.len(), 1);
    assert_eq!(reads[0].entity_id, id.to_string());
    assert_eq!(reads[0].actor_name, "drift");
    assert_eq!(reads[0].scope_operator.as_deref(), Some("DRO1000"));
    assert!(!reads[0].summary.contains("Amina"), "no names in the log");
    assert_eq!(events(&app, "stay.created").await.len(), 1);
}

#[tokio::test]
async fn r_agr_12_a_new_place_type_lists_the_residents_to_move() {
    let app = spawn_app().await;
    let centres = centres(&app).await;
    let staying = create_resident(&app, &centres.udi, "100000000012").await;
    let left = create_resident(&app, &centres.udi, "100000000023").await;
    for (resident, stay) in [
        (
            staying,
            json!({ "centre_id": centres.oslo, "from": "2025-01-01" }),
        ),
        (
            left,
            json!({ "centre_id": centres.oslo, "from": "2025-01-01", "to": "2025-02-01" }),
        ),
    ] {
        let (status, body) = add_stay(&app, &centres.udi, resident, stay).await;
        assert_eq!(status, 201, "{body}");
    }
    let (status, outcome) = app
        .api(&centres.udi)
        .post(
            &format!("/api/v1/centres/{}/lifecycle", centres.oslo),
            &json!({ "operation": "change_place_type", "place_type": "transit", "version": 1 }),
        )
        .await;
    assert_eq!(status, 200, "{outcome}");
    let new_number = outcome["new_centre_id"].as_i64().unwrap();
    let to_move = format!("/api/v1/centres/{new_number}/residents-to-move");

    let (status, listed) = app.api(&centres.udi).get(&to_move).await;
    assert_eq!(status, 200, "{listed}");
    let ids: Vec<i64> = (listed.as_array().unwrap().iter())
        .map(|row| row["resident_id"].as_i64().unwrap())
        .collect();
    assert_eq!(ids, [staying], "only those still living at the old number");
    let browser = app
        .login(&app.create_user("udi-page", Role::UdiAdm).await)
        .await;
    let page = app.page(&browser, &format!("/centres/{new_number}")).await;
    assert!(
        page.contains("residents-to-move"),
        "the centre page points to the list"
    );
    let list = app
        .page(
            &browser,
            &format!("/centres/{new_number}/residents-to-move"),
        )
        .await;
    assert!(
        list.contains("100000000012") && !list.contains("100000000023"),
        "{list}"
    );

    // Moved: a stay at the new number ends the old one (R-OCC-1), and nobody is left to move.
    let today = chrono::Utc::now().date_naive().to_string();
    let (status, body) = add_stay(
        &app,
        &centres.udi,
        staying,
        json!({ "centre_id": new_number, "from": today }),
    )
    .await;
    assert_eq!(status, 201, "{body}");
    let (_, listed) = app.api(&centres.udi).get(&to_move).await;
    assert_eq!(listed, json!([]));
}
