//! `POST /api/v1/claims/simulate` (SPEC §10) and the page `/claims/simulate` (issue 10).
//!
//! Amounts are written as kroner_øre: `850_00` is kr 850,00.
#![allow(clippy::inconsistent_digit_grouping)]

use mottak_domain::access::Role;
use serde_json::{Value, json};

use crate::client::problem;
use crate::helpers::{TestApp, csrf_token, spawn_app};

/// An app and the token of a user of `role`.
async fn app_with(role: Role) -> (TestApp, String) {
    let app = spawn_app().await;
    let user = app.create_user("simulator", role).await;
    let token = app.token_for(&user).await;
    (app, token)
}

async fn post_raw(app: &TestApp, token: &str, body: impl Into<reqwest::Body>) -> reqwest::Response {
    reqwest::Client::new()
        .post(app.url("/api/v1/claims/simulate"))
        .bearer_auth(token)
        .header("content-type", "application/json")
        .body(body)
        .send()
        .await
        .unwrap()
}

async fn simulate(app: &TestApp, token: &str, body: &Value) -> reqwest::Response {
    post_raw(app, token, body.to_string()).await
}

/// March 2026 at one centre: a main agreement (fixed places, fixed transfers, a per-unit tier,
/// the over-occupancy tier and meals), a supplement from the 10th, and an activation of standby
/// places from the 20th, stopped after the 24th; plus a transit unit with only fixed places.
pub(crate) fn negotiation() -> Value {
    json!({
        "month": "2026-03",
        "units": [
            {
                "place_type": "ordinary",
                "canteen": true,
                "agreements": [
                    {
                        "kind": "H", "valid_from": "2025-01-01", "valid_to": "2027-01-01",
                        "fixed_places": 100,
                        "fixed_annual_operating": 12_000_000_00,
                        "fixed_annual_rent": 1_234_567_89,
                        "unit_tiers": [
                            {"priority": 1, "kind": "unit_price", "places": 20, "price": 850_00},
                            {"priority": 4, "kind": "unit_price", "places": 0, "price": 1_200_00}
                        ],
                        "meal_tiers": [
                            {"priority": 1, "persons": 100, "price": 0},
                            {"priority": 2, "persons": 30, "price": 101_03}
                        ]
                    },
                    {
                        "kind": "T", "valid_from": "2026-03-10", "valid_to": "2026-06-01",
                        "unit_tiers": [
                            {"priority": 2, "kind": "unit_price", "places": 10, "price": 900_00}
                        ]
                    },
                    {
                        "kind": "A", "valid_from": "2026-03-20", "valid_to": "2026-04-01",
                        "stop_date": "2026-03-25",
                        "unit_tiers": [
                            {"priority": 3, "kind": "standby", "places": 15, "price": 500_00}
                        ]
                    }
                ]
            },
            {
                "place_type": "transit",
                "canteen": false,
                "agreements": [
                    {"kind": "H", "valid_from": "2026-03-01", "valid_to": "2026-04-01",
                     "fixed_places": 10}
                ]
            }
        ],
        "occupancy": [
            {"date": "2026-03-01", "place_type": "ordinary", "residents": 140},
            {"date": "2026-03-05", "place_type": "transit", "residents": 12},
            {"date": "2026-03-15", "place_type": "ordinary", "residents": 125},
            {"date": "2026-03-21", "place_type": "ordinary", "residents": 160},
            {"date": "2026-03-28", "place_type": "ordinary", "residents": 90}
        ]
    })
}

#[tokio::test]
async fn simulate_pays_fixed_places_then_one_queue_across_main_supplement_and_activation() {
    let (app, token) = app_with(Role::UdiRegion).await;

    let response = simulate(&app, &token, &negotiation()).await;

    assert_eq!(response.status(), 200);
    let claim: Value = response.json().await.unwrap();
    // 1 March (H only): 100 fixed, 20 at p1, 20 over-occupancy; 10 persons beyond the meals.
    // 15 March (H+T): 100 fixed, 20 at p1, 5 at p2.
    // 21 March (H+T+A): 100 fixed, 20 at p1, 10 at p2, 15 standby, 15 over-occupancy; 30
    // persons beyond the meals. 28 March: 90, all on fixed places.
    // Rent: 1 234 567,89 a year; March = round(3/12) − round(2/12) = 308 641,97 − 205 761,32.
    assert_eq!(
        claim,
        json!({
            "month": "2026-03",
            "lines": [
                {"kind": "fixed_operating", "place_type": "ordinary", "price": 12_000_000_00,
                 "days": 31, "amount": 1_000_000_00},
                {"kind": "fixed_rent", "place_type": "ordinary", "price": 1_234_567_89,
                 "days": 31, "amount": 102_880_65},
                {"kind": "unit_price", "place_type": "ordinary", "priority": 1, "price": 850_00,
                 "days": 3, "quantity": 60, "amount": 51_000_00},
                {"kind": "unit_price", "place_type": "ordinary", "priority": 2, "price": 900_00,
                 "days": 2, "quantity": 15, "amount": 13_500_00},
                {"kind": "standby", "place_type": "ordinary", "priority": 3, "price": 500_00,
                 "days": 1, "quantity": 15, "amount": 7_500_00},
                {"kind": "unit_price", "place_type": "ordinary", "priority": 4, "price": 1_200_00,
                 "days": 2, "quantity": 35, "amount": 42_000_00},
                {"kind": "meals", "place_type": "ordinary", "priority": 1, "price": 0,
                 "days": 4, "quantity": 390, "amount": 0},
                {"kind": "meals", "place_type": "ordinary", "priority": 2, "price": 101_03,
                 "days": 3, "quantity": 85, "amount": 8_587_55}
            ],
            "total": 1_225_468_20,
            "warnings": [
                {"date": "2026-03-01", "place_type": "ordinary", "unpaid_meals": 10},
                {"date": "2026-03-05", "place_type": "transit", "unpaid_residents": 2},
                {"date": "2026-03-21", "place_type": "ordinary", "unpaid_meals": 30}
            ]
        })
    );
}

#[tokio::test]
async fn operators_may_simulate_their_own_negotiations() {
    let (app, token) = app_with(Role::Operator).await;
    let response = simulate(&app, &token, &negotiation()).await;
    assert_eq!(response.status(), 200);
}

#[tokio::test]
async fn imdi_is_refused_with_403() {
    let (app, token) = app_with(Role::Imdi).await;
    problem(simulate(&app, &token, &negotiation()).await, 403).await;
}

#[tokio::test]
async fn no_token_is_401() {
    let app = spawn_app().await;
    let response = reqwest::Client::new()
        .post(app.url("/api/v1/claims/simulate"))
        .json(&negotiation())
        .send()
        .await
        .unwrap();
    problem(response, 401).await;
}

/// `negotiation()` with `change` applied to it.
fn changed(change: impl FnOnce(&mut Value)) -> Value {
    let mut request = negotiation();
    change(&mut request);
    request
}

#[tokio::test]
async fn every_broken_rule_is_400_naming_its_field() {
    let (app, token) = app_with(Role::UdiAdm).await;
    let set = |pointer: &'static str, value: Value| {
        changed(move |request| *request.pointer_mut(pointer).unwrap() = value)
    };
    let cases = [
        (
            "unknown place type",
            set("/units/0/place_type", json!("castle")),
            "units[0].place_type",
        ),
        (
            "negative price",
            set("/units/0/agreements/0/unit_tiers/0/price", json!(-1)),
            "units[0].agreements[0].unit_tiers[0].price",
        ),
        (
            "valid_from not before valid_to",
            set("/units/0/agreements/1/valid_to", json!("2026-03-10")),
            "units[0].agreements[1].valid_to",
        ),
        ("month 2026-13", set("/month", json!("2026-13")), "month"),
        (
            "date 2026-02-30",
            set("/units/0/agreements/0/valid_from", json!("2026-02-30")),
            "units[0].agreements[0].valid_from",
        ),
        (
            "occupancy outside the month",
            set("/occupancy/2/date", json!("2026-04-01")),
            "occupancy[2].date",
        ),
        (
            "two units with one place type",
            set("/units/1/place_type", json!("ordinary")),
            "units[1].place_type",
        ),
        (
            "a priority used twice in one queue, across agreements",
            set("/units/0/agreements/2/unit_tiers/0/priority", json!(2)),
            "units[0].agreements[2].unit_tiers[0].priority",
        ),
        (
            "the unbounded tier not last by priority",
            set("/units/0/agreements/0/unit_tiers/0/priority", json!(5)),
            "units[0].agreements[0].unit_tiers[1].places",
        ),
        (
            "priority 0",
            set("/units/0/agreements/0/meal_tiers/0/priority", json!(0)),
            "units[0].agreements[0].meal_tiers[0].priority",
        ),
        (
            "unknown tier kind",
            set("/units/0/agreements/1/unit_tiers/0/kind", json!("luxury")),
            "units[0].agreements[1].unit_tiers[0].kind",
        ),
        (
            "negative residents",
            set("/occupancy/0/residents", json!(-3)),
            "occupancy[0].residents",
        ),
        (
            "meal tiers without a canteen",
            set("/units/0/canteen", json!(false)),
            "units[0].agreements[0].meal_tiers",
        ),
    ];
    let mut failures = Vec::new();
    for (case, body, field) in cases {
        let response = simulate(&app, &token, &body).await;
        let status = response.status().as_u16();
        let problem: Value = response.json().await.unwrap();
        if status != 400 || problem["field"] != field {
            failures.push(format!("{case}: {status} {problem}"));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

#[tokio::test]
async fn malformed_json_is_400() {
    let (app, token) = app_with(Role::Admin).await;
    let body = problem(
        post_raw(&app, &token, r#"{"month": "2026-03", "units": ["#).await,
        400,
    )
    .await;
    assert!(body["detail"].as_str().unwrap().contains("malformed JSON"));
}

#[tokio::test]
async fn wrong_type_is_400_naming_the_field() {
    let (app, token) = app_with(Role::Admin).await;
    let body =
        changed(|request| request["units"][0]["agreements"][1]["fixed_places"] = json!("ten"));
    let problem = problem(simulate(&app, &token, &body).await, 400).await;
    assert_eq!(problem["field"], "units[0].agreements[1].fixed_places");
}

#[tokio::test]
async fn missing_field_is_400_naming_the_field() {
    let (app, token) = app_with(Role::Admin).await;
    let body = changed(|request| {
        request["units"][1]
            .as_object_mut()
            .unwrap()
            .remove("canteen");
    });
    let problem = problem(simulate(&app, &token, &body).await, 400).await;
    assert_eq!(problem["field"], "units[1].canteen");
}

#[tokio::test]
async fn body_over_one_mebibyte_is_413() {
    let (app, token) = app_with(Role::Admin).await;
    let entries: Vec<Value> = (0..40_000)
        .map(|_| json!({"date": "2026-03-01", "place_type": "ordinary", "residents": 1}))
        .collect();
    let body = changed(|request| request["occupancy"] = Value::Array(entries));
    assert!(body.to_string().len() > 1024 * 1024);
    problem(simulate(&app, &token, &body).await, 413).await;
}

#[tokio::test]
async fn openapi_describes_the_simulation() {
    let app = spawn_app().await;
    let description: Value = reqwest::get(app.url("/api/v1/openapi.json"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let operation = &description["paths"]["/api/v1/claims/simulate"]["post"];
    assert_eq!(operation["tags"], json!(["claims"]));
    let schemas = &description["components"]["schemas"];
    for name in [
        "ClaimRequest",
        "AgreementRequest",
        "UnitTierRequest",
        "ClaimResponse",
        "ClaimWarning",
    ] {
        assert!(schemas[name].is_object(), "{name} in {schemas}");
    }
}

// The page.

/// Logs in a UDI user and returns the client and the form's CSRF token.
async fn page_client(app: &TestApp) -> (reqwest::Client, String) {
    let user = app.create_user("kari", Role::UdiAdm).await;
    let client = app.login(&user).await;
    let page = client
        .get(app.url("/claims/simulate"))
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), 200);
    let page = page.text().await.unwrap();
    assert!(page.contains("<form method=\"post\" action=\"/claims/simulate\""));
    let csrf = csrf_token(&page);
    (client, csrf)
}

/// A main agreement in March 2026: 10 fixed places, kr 1 200 000 a year for operation, 5 places
/// at kr 850,50 and over-occupancy at kr 1 000; 17 residents every day.
fn simple_form(csrf: &str) -> Vec<(String, String)> {
    [
        ("csrf", csrf),
        ("source", "form"),
        ("month", "03.2026"),
        ("u0-place_type", "ordinary"),
        ("u0-residents", "17"),
        ("u0-a0-kind", "H"),
        ("u0-a0-valid_from", "01.01.2026"),
        ("u0-a0-last_day", "31.12.2026"),
        ("u0-a0-fixed_places", "10"),
        ("u0-a0-fixed_annual_operating", "1 200 000,00"),
        (
            "u0-a0-unit_tiers",
            "1;stykkpris;5;850,50\n2;stykkpris;0;1 000",
        ),
        ("u1-place_type", ""),
        ("u1-a0-kind", "H"),
    ]
    .into_iter()
    .map(|(name, value)| (name.to_owned(), value.to_owned()))
    .collect()
}

fn with(mut form: Vec<(String, String)>, name: &str, value: &str) -> Vec<(String, String)> {
    form.retain(|(other, _)| other != name);
    form.push((name.to_owned(), value.to_owned()));
    form
}

async fn post_form(
    app: &TestApp,
    client: &reqwest::Client,
    path: &str,
    form: &[(String, String)],
) -> reqwest::Response {
    client.post(app.url(path)).form(form).send().await.unwrap()
}

#[tokio::test]
async fn page_shows_lines_and_total_in_norwegian_format() {
    let app = spawn_app().await;
    let (client, csrf) = page_client(&app).await;

    let response = post_form(&app, &client, "/claims/simulate", &simple_form(&csrf)).await;

    assert_eq!(response.status(), 200);
    let page = response.text().await.unwrap();
    // 100 000,00 + 31 × 5 × 850,50 + 31 × 2 × 1 000 = 100 000 + 131 827,50 + 62 000.
    assert!(
        page.contains("<strong id=\"total\">kr\u{a0}293\u{a0}827,50</strong>"),
        "{page}"
    );
    assert!(page.contains("kr\u{a0}850,50"));
    assert!(page.contains("kr\u{a0}1\u{a0}200\u{a0}000,00 per år"));
    assert!(page.contains("Ingen advarsler"));
    assert!(page.contains("href=\"/claims/simulate\" aria-current=\"page\""));
}

#[tokio::test]
async fn page_shows_a_broken_rule_beside_the_tier_line_that_broke_it() {
    let app = spawn_app().await;
    let (client, csrf) = page_client(&app).await;
    let form = with(
        simple_form(&csrf),
        "u0-a0-unit_tiers",
        "1;stykkpris;5;850,50\n\n2;stykkpris;0;-1 000",
    );

    let response = post_form(&app, &client, "/claims/simulate", &form).await;

    assert_eq!(response.status(), 400);
    let page = response.text().await.unwrap();
    assert!(page.contains("class=\"ds-error-summary\""));
    assert!(page.contains("<a class=\"ds-link\" href=\"#u0-a0-unit_tiers\">"));
    assert!(
        page.contains("<code class=\"summary\">units[0].agreements[0].unit_tiers[1].price</code>")
    );
    assert!(
        page.contains(
            "id=\"u0-a0-unit_tiers-error\"><span>Rad 2, pris: kan ikke være negativ</span>"
        ),
        "{page}"
    );
    assert!(page.contains("aria-describedby=\"u0-a0-unit_tiers-hint u0-a0-unit_tiers-error\""));
    assert!(!page.contains("id=\"total\""));
}

#[tokio::test]
async fn page_shows_typing_errors_beside_their_fields() {
    let app = spawn_app().await;
    let (client, csrf) = page_client(&app).await;
    let form = with(simple_form(&csrf), "u0-a0-valid_from", "31.02.2026");
    let form = with(form, "u0-a0-fixed_annual_operating", "12,345");

    let response = post_form(&app, &client, "/claims/simulate", &form).await;

    assert_eq!(response.status(), 400);
    let page = response.text().await.unwrap();
    assert!(page.contains("id=\"u0-a0-valid_from-error\"><span>Skriv en gyldig dato"));
    assert!(page.contains("id=\"u0-a0-fixed_annual_operating-error\"><span>Skriv et beløp"));
    assert!(
        page.contains("value=\"31.02.2026\""),
        "the typed value is kept"
    );
}

#[tokio::test]
async fn page_maps_a_rule_about_the_end_to_the_last_day_field() {
    let app = spawn_app().await;
    let (client, csrf) = page_client(&app).await;
    let form = with(simple_form(&csrf), "u0-a0-last_day", "31.12.2025");

    let page = post_form(&app, &client, "/claims/simulate", &form).await;

    assert_eq!(page.status(), 400);
    let page = page.text().await.unwrap();
    assert!(
        page.contains("id=\"u0-a0-last_day-error\"><span>Kan ikke være før første dag i avtalen")
    );
    assert!(page.contains("units[0].agreements[0].valid_to"));
}

#[tokio::test]
async fn page_computes_pasted_json_and_names_the_path_of_an_error() {
    let app = spawn_app().await;
    let (client, csrf) = page_client(&app).await;
    let form = |json: &str| {
        vec![
            ("csrf".to_owned(), csrf.clone()),
            ("source".to_owned(), "json".to_owned()),
            ("json".to_owned(), json.to_owned()),
        ]
    };

    let good = post_form(
        &app,
        &client,
        "/claims/simulate",
        &form(&negotiation().to_string()),
    )
    .await;
    let bad = post_form(&app, &client, "/claims/simulate", &form("{\"month\": 3}")).await;

    assert_eq!(good.status(), 200);
    assert!(
        good.text()
            .await
            .unwrap()
            .contains("kr\u{a0}1\u{a0}225\u{a0}468,20")
    );
    assert_eq!(bad.status(), 400);
    let bad = bad.text().await.unwrap();
    assert!(
        bad.contains("id=\"json-error\"><span>month: invalid type"),
        "{bad}"
    );
}

#[tokio::test]
async fn page_downloads_the_claim_as_csv_with_bom_and_semicolons() {
    let app = spawn_app().await;
    let (client, csrf) = page_client(&app).await;

    let response = post_form(&app, &client, "/claims/simulate.csv", &simple_form(&csrf)).await;

    assert_eq!(response.status(), 200);
    assert_eq!(
        response.headers()["content-type"],
        "text/csv; charset=utf-8"
    );
    assert_eq!(
        response.headers()["content-disposition"],
        "attachment; filename=\"refusjonskrav-2026-03.csv\""
    );
    let bytes = response.bytes().await.unwrap();
    assert_eq!(&bytes[..3], b"\xef\xbb\xbf", "UTF-8 byte order mark");
    let text = std::str::from_utf8(&bytes[3..]).unwrap();
    let lines: Vec<&str> = text.split("\r\n").collect();
    assert_eq!(
        lines[0],
        "month;kind;place_type;priority;price;days;quantity;amount"
    );
    assert_eq!(
        lines[1],
        "2026-03;fixed_operating;ordinary;;120000000;31;;10000000"
    );
    assert_eq!(
        lines[2],
        "2026-03;unit_price;ordinary;1;85050;31;155;13182750"
    );
    assert_eq!(
        lines[3],
        "2026-03;unit_price;ordinary;2;100000;31;62;6200000"
    );
    assert_eq!(lines[4], "2026-03;total;;;;;;29382750");
    assert_eq!(lines[6], "date;place_type;unpaid_residents;unpaid_meals");
}

#[tokio::test]
async fn page_is_refused_to_municipal_roles() {
    let app = spawn_app().await;
    let user = app.create_user("kommune", Role::Municipality).await;
    let client = app.login(&user).await;
    let response = client
        .get(app.url("/claims/simulate"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 403);
}
