//! Stored monthly claims (R-CLM-5, R-CLM-6, R-AGR-3, SPEC §10 `POST /api/v1/claims`): computed
//! from the stored agreements and the approved occupancy by the simulation's engine.
#![allow(clippy::inconsistent_digit_grouping)] // amounts as kroner_øre: 450_00 is kr 450,00

use mottak_domain::access::Role;
use serde_json::{Value, json};

use crate::agreements::main_agreement;
use crate::helpers::TestApp;
use crate::helpers::spawn_app;
use crate::residents::{Centres, centres};

/// The operator's id of a centre, read as the API shows it.
async fn operator_of(app: &TestApp, udi: &str, centre: i64) -> i64 {
    let (status, body) = app.api(udi).get(&format!("/api/v1/centres/{centre}")).await;
    assert_eq!(status, 200, "{body}");
    body["operator"]["id"].as_i64().unwrap()
}

/// `residents` every day of `month` (entered counts), approved by `token`.
async fn approved_month(app: &TestApp, token: &str, centre: i64, month: &str, residents: i64) {
    let days = (1..=28)
        .map(|day| json!({ "date": format!("{month}-{day:02}"), "residents": residents }))
        .collect::<Vec<_>>();
    let path = format!("/api/v1/centres/{centre}/occupancy/{month}");
    let (status, body) = app.api(token).put(&path, &json!({ "days": days })).await;
    assert_eq!(status, 200, "{body}");
    let (status, body) = app
        .api(token)
        .post(&format!("{path}/approve"), &json!({}))
        .await;
    assert_eq!(status, 200, "{body}");
}

/// `main_agreement` running to 2040, so that the claim window (R-CLM-6) stays open whatever
/// day the tests run.
fn long_agreement(operator_id: i64, centre_id: i64) -> Value {
    let mut body = main_agreement(operator_id, centre_id);
    body["valid_to"] = json!(VALID_TO);
    body
}

const VALID_TO: &str = "2040-01-01";

async fn agreement(app: &TestApp, centres: &Centres, body: Value) -> i64 {
    let (status, created) = app
        .api(&centres.udi)
        .post("/api/v1/agreements", &body)
        .await;
    assert_eq!(status, 201, "{created}");
    created["id"].as_i64().unwrap()
}

async fn claim(app: &TestApp, token: &str, centre: i64, month: &str) -> (u16, Value) {
    app.api(token)
        .post(
            "/api/v1/claims",
            &json!({ "centre_id": centre, "month": month }),
        )
        .await
}

/// The simulation request for the same agreement and occupancy as `main_agreement` and
/// `approved_month`.
fn simulation(month: &str, residents: i64) -> Value {
    json!({
        "month": month,
        "units": [{
            "place_type": "ordinary", "canteen": false,
            "agreements": [{
                "kind": "H", "valid_from": "2026-01-01", "valid_to": VALID_TO,
                "fixed_places": 50, "fixed_annual_operating": 12_000_000_00_i64,
                "fixed_annual_rent": 2_400_000_00_i64,
                "unit_tiers": [
                    {"priority": 1, "kind": "unit_price", "places": 30, "price": 450_00},
                    {"priority": 2, "kind": "unit_price", "places": 0, "price": 700_00}
                ],
                "meal_tiers": []
            }]
        }],
        "occupancy": (1..=28)
            .map(|day| json!({ "date": format!("{month}-{day:02}"), "place_type": "ordinary", "residents": residents }))
            .collect::<Vec<_>>(),
    })
}

#[tokio::test]
async fn r_clm_5_a_stored_claim_is_what_the_simulation_computes_from_the_same_data() {
    let app = spawn_app().await;
    let centres = centres(&app).await;
    let operator = app.token_of_new("drift", Role::Operator).await;
    let operator_id = operator_of(&app, &centres.udi, centres.oslo).await;
    agreement(&app, &centres, long_agreement(operator_id, centres.oslo)).await;
    approved_month(&app, &operator, centres.oslo, "2026-03", 95).await;

    let (status, stored) = claim(&app, &operator, centres.oslo, "2026-03").await;
    assert_eq!(status, 201, "{stored}");
    let (status, simulated) = app
        .api(&centres.udi)
        .post("/api/v1/claims/simulate", &simulation("2026-03", 95))
        .await;
    assert_eq!(status, 200, "{simulated}");
    assert_eq!(stored["lines"], simulated["lines"]);
    assert_eq!(stored["warnings"], simulated["warnings"]);
    assert_eq!(stored["total"], simulated["total"]);
    assert_eq!(stored["centre_id"], centres.oslo);
    assert_eq!(stored["month"], "2026-03");
    // The test centre has no accounting data: the claim is marked incorrect, naming the fields.
    assert_eq!(stored["accounting"]["complete"], false);
    assert!(
        !stored["accounting"]["missing"]
            .as_array()
            .unwrap()
            .is_empty(),
        "{stored}"
    );
    // Each line names the agreement it pays.
    let explanations = stored["explanations"].as_array().unwrap();
    assert_eq!(
        explanations.len(),
        stored["lines"].as_array().unwrap().len()
    );
    assert!(
        explanations
            .iter()
            .all(|e| !e["agreements"].as_array().unwrap().is_empty())
    );

    // Read back, in the list, and once only per month.
    let id = stored["id"].as_i64().unwrap();
    let (status, read) = app
        .api(&operator)
        .get(&format!("/api/v1/claims/{id}"))
        .await;
    assert_eq!(status, 200);
    assert_eq!(read["lines"], stored["lines"]);
    let (status, list) = app
        .api(&centres.udi)
        .get("/api/v1/claims?month=2026-03")
        .await;
    assert_eq!(status, 200);
    assert_eq!(list[0]["id"], id);
    let (status, again) = claim(&app, &operator, centres.oslo, "2026-03").await;
    assert_eq!(status, 409, "{again}");
    assert_eq!(again["field"], "month");
}

#[tokio::test]
async fn r_occ_3_a_month_that_is_not_approved_cannot_be_claimed() {
    let app = spawn_app().await;
    let centres = centres(&app).await;
    let operator = app.token_of_new("drift", Role::Operator).await;
    let operator_id = operator_of(&app, &centres.udi, centres.oslo).await;
    agreement(&app, &centres, long_agreement(operator_id, centres.oslo)).await;
    let (status, problem) = claim(&app, &operator, centres.oslo, "2026-04").await;
    assert_eq!(status, 409, "{problem}");
    assert!(problem["detail"].as_str().unwrap().contains("not approved"));
    assert_eq!(
        app.store
            .claims_of_centre(centres.oslo)
            .await
            .unwrap()
            .len(),
        0
    );
}

#[tokio::test]
async fn r_clm_6_claims_are_refused_after_the_window_with_the_date_it_closed() {
    let app = spawn_app().await;
    let centres = centres(&app).await;
    let operator = app.token_of_new("drift", Role::Operator).await;
    // Approved while no agreement had ended; then the agreement is registered as it was: ended
    // on 1 January 2026, so the window closed on 1 April 2026.
    approved_month(&app, &operator, centres.oslo, "2025-10", 10).await;
    let operator_id = operator_of(&app, &centres.udi, centres.oslo).await;
    let mut ended = main_agreement(operator_id, centres.oslo);
    ended["valid_from"] = json!("2025-01-01");
    ended["operation_start"] = json!("2025-01-01");
    ended["signed"] = json!("2024-11-01");
    ended["valid_to"] = json!("2026-01-01");
    agreement(&app, &centres, ended).await;
    let (status, problem) = claim(&app, &operator, centres.oslo, "2025-10").await;
    assert_eq!(status, 409, "{problem}");
    assert!(
        problem["detail"].as_str().unwrap().contains("2026-04-01"),
        "{problem}"
    );
}

#[tokio::test]
async fn operators_claim_and_read_only_their_own_centres() {
    let app = spawn_app().await;
    let centres = centres(&app).await;
    let operator = app.token_of_new("drift", Role::Operator).await;
    let operator_id = operator_of(&app, &centres.udi, centres.oslo).await;
    agreement(&app, &centres, long_agreement(operator_id, centres.oslo)).await;
    approved_month(&app, &operator, centres.oslo, "2026-03", 20).await;
    let (_, stored) = claim(&app, &operator, centres.oslo, "2026-03").await;
    let id = stored["id"].as_i64().unwrap();

    let stranger = app
        .create_user_in("link", Role::Operator, None, Some("DRO1001"), None)
        .await;
    let stranger = app.token_for(&stranger).await;
    let (status, _) = app
        .api(&stranger)
        .get(&format!("/api/v1/claims/{id}"))
        .await;
    assert_eq!(status, 404);
    let (status, _) = app
        .api(&stranger)
        .get(&format!("/api/v1/claims/{id}/csv"))
        .await;
    assert_eq!(status, 404);
    let (status, list) = app.api(&stranger).get("/api/v1/claims?month=2026-03").await;
    assert_eq!(status, 200);
    assert_eq!(list, json!([]));
    let (status, problem) = claim(&app, &stranger, centres.oslo, "2026-03").await;
    assert_eq!(status, 400, "{problem}");
    assert_eq!(problem["field"], "centre_id");
    // Bad input names every field.
    let (status, problem) = app
        .api(&operator)
        .post(
            "/api/v1/claims",
            &json!({ "centre_id": 999_999, "month": "2026-13" }),
        )
        .await;
    assert_eq!(status, 400);
    let fields: Vec<&str> = problem["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|error| error["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["centre_id", "month"]);
}

#[tokio::test]
async fn r_clm_5_the_claim_downloads_as_csv_for_the_finance_system_and_as_pdf() {
    let app = spawn_app().await;
    let centres = centres(&app).await;
    let operator = app.token_of_new("drift", Role::Operator).await;
    let operator_id = operator_of(&app, &centres.udi, centres.oslo).await;
    agreement(&app, &centres, long_agreement(operator_id, centres.oslo)).await;
    approved_month(&app, &operator, centres.oslo, "2026-02", 90).await;
    let (_, stored) = claim(&app, &operator, centres.oslo, "2026-02").await;
    let id = stored["id"].as_i64().unwrap();

    let response = reqwest::Client::new()
        .get(app.url(&format!("/api/v1/claims/{id}/csv")))
        .bearer_auth(&operator)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert!(
        response.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/csv")
    );
    let csv = response.text().await.unwrap();
    assert!(csv.starts_with('\u{feff}'));
    let total = stored["total"].as_i64().unwrap();
    let kroner = format!("{},{:02}", total / 100, total % 100);
    let total_row = csv.lines().find(|line| line.contains(";total;")).unwrap();
    assert!(
        total_row.contains(&format!(";{total};{kroner};")),
        "{total_row}"
    );

    let response = reqwest::Client::new()
        .get(app.url(&format!("/api/v1/claims/{id}/pdf")))
        .bearer_auth(&operator)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-type"], "application/pdf");
    assert!(response.bytes().await.unwrap().starts_with(b"%PDF-"));
}

#[tokio::test]
async fn r_agr_3_an_end_moved_before_claimed_days_is_credited_in_the_next_claim() {
    let app = spawn_app().await;
    let centres = centres(&app).await;
    let operator = app.token_of_new("drift", Role::Operator).await;
    let operator_id = operator_of(&app, &centres.udi, centres.oslo).await;
    let mut body = long_agreement(operator_id, centres.oslo);
    body["notice_period_months"] = json!(1);
    let id = agreement(&app, &centres, body).await;
    approved_month(&app, &operator, centres.oslo, "2039-02", 60).await;
    let (_, february) = claim(&app, &operator, centres.oslo, "2039-02").await;

    // Notice on 15 January 2039: the agreement stops on 15 February, after February was claimed.
    let (status, notice) = app
        .api(&centres.udi)
        .post(
            &format!("/api/v1/agreements/{id}/notice"),
            &json!({ "date": "2039-01-15" }),
        )
        .await;
    assert_eq!(status, 200, "{notice}");
    assert_eq!(notice["stop_date"], "2039-02-15");
    let february_id = february["id"].as_i64().unwrap();
    let (_, flagged) = app
        .api(&operator)
        .get(&format!("/api/v1/claims/{february_id}"))
        .await;
    assert!(flagged["flagged_at"].is_string(), "{flagged}");

    approved_month(&app, &operator, centres.oslo, "2039-03", 0).await;
    let (status, march) = claim(&app, &operator, centres.oslo, "2039-03").await;
    assert_eq!(status, 201, "{march}");
    let credit = march["lines"]
        .as_array()
        .unwrap()
        .iter()
        .position(|line| line["kind"] == "credit")
        .expect("a credit line");
    let (_, simulated) = app
        .api(&centres.udi)
        .post("/api/v1/claims/simulate", &{
            let mut request = simulation("2039-02", 60);
            request["units"][0]["agreements"][0]["stop_date"] = json!("2039-02-15");
            request
        })
        .await;
    let difference = simulated["total"].as_i64().unwrap() - february["total"].as_i64().unwrap();
    assert!(difference < 0);
    assert_eq!(march["lines"][credit]["amount"], difference);
    assert_eq!(march["explanations"][credit]["credits"], "2039-02");
    let (_, credited) = app
        .api(&operator)
        .get(&format!("/api/v1/claims/{february_id}"))
        .await;
    assert_eq!(credited["credited_in"], march["id"]);
}

#[tokio::test]
async fn r_clm_5_an_operator_makes_the_claim_in_the_browser_and_udi_sees_it_in_the_overview() {
    let app = spawn_app().await;
    let centres = centres(&app).await;
    let operator_id = operator_of(&app, &centres.udi, centres.oslo).await;
    agreement(&app, &centres, long_agreement(operator_id, centres.oslo)).await;
    let user = app.create_user("drift", Role::Operator).await;
    let token = app.token_for(&user).await;
    approved_month(&app, &token, centres.oslo, "2026-03", 95).await;
    let browser = app.login(&user).await;
    let page = format!("/centres/{}/claims", centres.oslo);

    // A month that is not approved: the form again, with the month typed and the reason.
    let refused = app
        .submit(&browser, &page, &page, &[("month", "2026-04")])
        .await;
    assert_eq!(refused.status(), 409);
    let html = refused.text().await.unwrap();
    assert!(
        html.contains("Belegget er ikke godkjent for 2026-04"),
        "{html}"
    );
    assert!(html.contains("value=\"2026-04\""));

    let made = app
        .submit(&browser, &page, &page, &[("month", "2026-03")])
        .await;
    assert_eq!(made.status(), 303, "redirected to the claim");
    let location = made.headers()["location"].to_str().unwrap().to_owned();
    assert!(location.starts_with("/claims/"), "{location}");
    let html = app.page(&browser, &location).await;
    assert!(html.contains("Refusjonskrav 2026-03"), "{html}");
    assert!(html.contains("Stykkpris"), "{html}");
    assert!(html.contains("Kravet er ikke korrekt"), "{html}");

    let udi = app.create_user("udi.adm", Role::UdiAdm).await;
    let udi = app.login(&udi).await;
    let overview = udi
        .get(app.url("/claims?month=2026-03"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(overview.contains("Oslo asylmottak"), "{overview}");
    assert!(
        overview.contains("Mangler: 2"),
        "the two other centres: {overview}"
    );
}

#[tokio::test]
async fn r_agr_9_the_regulation_run_regulates_due_prices_and_claims_pay_each_day_its_price() {
    let app = spawn_app().await;
    let centres = centres(&app).await;
    let operator = app.token_of_new("drift", Role::Operator).await;
    let operator_id = operator_of(&app, &centres.udi, centres.oslo).await;
    // The rent is regulated by default terms: August, 100 %, base date 1 January 2026, lag 2, so
    // the first regulation on 1 August 2027 uses the indices of November 2025 and June 2027.
    let id = agreement(&app, &centres, long_agreement(operator_id, centres.oslo)).await;
    let admin = app.token_of_new("admin", Role::Admin).await;
    let cpi = reqwest::Client::new()
        .put(app.url("/api/v1/reference/cpi"))
        .bearer_auth(&admin)
        .header("content-type", "text/csv")
        .body("month;index\n2025-11;130,0\n2027-06;136,5\n")
        .send()
        .await
        .unwrap();
    assert_eq!(cpi.status(), 200);

    let (status, run) = app
        .api(&centres.udi)
        .post(
            "/api/v1/agreements/regulate",
            &json!({ "date": "2027-08-01" }),
        )
        .await;
    assert_eq!(status, 200, "{run}");
    assert_eq!(run["regulated"].as_array().unwrap().len(), 1, "{run}");
    let regulated = &run["regulated"][0];
    assert_eq!(regulated["price"], "units[0].fixed_annual_rent");
    assert_eq!(regulated["before"], 2_400_000_00_i64);
    assert_eq!(regulated["after"], 2_520_000_00_i64, "× 136.5 / 130");
    let (_, stored) = app
        .api(&centres.udi)
        .get(&format!("/api/v1/agreements/{id}"))
        .await;
    let rent = &stored["units"][0]["fixed_annual_rent"];
    assert_eq!(rent["current"], 2_520_000_00_i64, "{stored}");
    assert_eq!(rent["regulated_on"], "2027-08-01");
    // Run again the same day: nothing more is due.
    let (_, again) = app
        .api(&centres.udi)
        .post(
            "/api/v1/agreements/regulate",
            &json!({ "date": "2027-08-01" }),
        )
        .await;
    assert_eq!(again["regulated"], json!([]));
    // A year later the June 2028 index is missing: 409 naming the month, nothing regulated.
    let (status, problem) = app
        .api(&centres.udi)
        .post(
            "/api/v1/agreements/regulate",
            &json!({ "date": "2028-08-01" }),
        )
        .await;
    assert_eq!(status, 409, "{problem}");
    assert!(
        problem["detail"].as_str().unwrap().contains("2028-06"),
        "{problem}"
    );

    // July pays the rent as agreed, August as regulated.
    for (month, rent) in [("2027-07", 2_400_000_00_i64), ("2027-08", 2_520_000_00)] {
        approved_month(&app, &operator, centres.oslo, month, 10).await;
        let (status, claim) = claim(&app, &operator, centres.oslo, month).await;
        assert_eq!(status, 201, "{claim}");
        let line = claim["lines"]
            .as_array()
            .unwrap()
            .iter()
            .find(|line| line["kind"] == "fixed_rent")
            .cloned()
            .unwrap();
        assert_eq!(line["price"], rent, "{month}: {claim}");
    }
}

#[tokio::test]
async fn r_agr_10_rent_paid_quarterly_in_arrears_comes_in_the_quarters_last_claim() {
    let app = spawn_app().await;
    let centres = centres(&app).await;
    let operator = app.token_of_new("drift", Role::Operator).await;
    let operator_id = operator_of(&app, &centres.udi, centres.oslo).await;
    let mut body = long_agreement(operator_id, centres.oslo);
    body["units"][0]["fixed_annual_rent"] = json!({
        "amount": 2_400_000_00_i64,
        "payment": { "period": "quarterly", "first_date": "2026-01-01" }
    });
    agreement(&app, &centres, body).await;
    let rent_lines = |claim: &Value| -> Vec<(i64, Option<String>)> {
        let lines = claim["lines"].as_array().unwrap();
        let explanations = claim["explanations"].as_array().unwrap();
        (lines.iter().zip(explanations))
            .filter(|(line, _)| line["kind"] == "fixed_rent")
            .map(|(line, why)| {
                let covers = why["covers"].as_str().map(str::to_owned);
                (line["amount"].as_i64().unwrap(), covers)
            })
            .collect()
    };
    for month in ["2026-01", "2026-02", "2026-03"] {
        approved_month(&app, &operator, centres.oslo, month, 10).await;
    }
    let (status, january) = claim(&app, &operator, centres.oslo, "2026-01").await;
    assert_eq!(status, 201, "{january}");
    assert_eq!(
        rent_lines(&january),
        [],
        "nothing of the quarter is due yet"
    );
    let (status, march) = claim(&app, &operator, centres.oslo, "2026-03").await;
    assert_eq!(status, 201, "{march}");
    let month = |m: &str| Some(m.to_owned());
    assert_eq!(
        rent_lines(&march),
        [
            (200_000_00, month("2026-01")),
            (200_000_00, month("2026-02")),
            (200_000_00, month("2026-03")),
        ]
    );
    let csv = (app.api(&operator))
        .request(
            reqwest::Method::GET,
            &format!("/api/v1/claims/{}/csv", march["id"]),
        )
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let covered: Vec<&str> = (csv.lines())
        .filter(|row| row.contains(";fixed_rent;"))
        .map(|row| row.rsplit(';').next().unwrap())
        .collect();
    assert_eq!(covered, ["2026-01", "2026-02", "2026-03"], "{csv}");
}

#[tokio::test]
async fn r_clm_5_an_operator_makes_the_months_claims_at_once_and_learns_why_not_the_others() {
    let app = spawn_app().await;
    let centres = centres(&app).await;
    let operator = app.token_of_new("drift", Role::Operator).await;
    let operator_id = operator_of(&app, &centres.udi, centres.oslo).await;
    for centre in [centres.oslo, centres.bergen] {
        agreement(&app, &centres, long_agreement(operator_id, centre)).await;
    }
    approved_month(&app, &operator, centres.oslo, "2026-03", 60).await;

    let (status, answer) = app
        .api(&operator)
        .post("/api/v1/claims/month", &json!({ "month": "2026-03" }))
        .await;
    assert_eq!(status, 200, "{answer}");
    assert_eq!(answer["made"].as_array().unwrap().len(), 1, "{answer}");
    assert_eq!(answer["made"][0]["centre_id"], centres.oslo);
    let refused: Vec<(i64, &str)> = (answer["refused"].as_array().unwrap().iter())
        .map(|row| {
            (
                row["centre_id"].as_i64().unwrap(),
                row["reason"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        refused,
        [(centres.bergen, "not_approved")],
        "the other operator's centre is not in scope"
    );
    let (_, again) = app
        .api(&operator)
        .post("/api/v1/claims/month", &json!({ "month": "2026-03" }))
        .await;
    assert_eq!(again["made"], json!([]));
    assert_eq!(again["refused"][0]["reason"], "already_made");
    let (status, problem) = app
        .api(&operator)
        .post("/api/v1/claims/month", &json!({ "month": "mars" }))
        .await;
    assert_eq!((status, problem["field"].clone()), (400, json!("month")));

    // The overview's button does the same for the browser.
    approved_month(&app, &operator, centres.bergen, "2026-03", 40).await;
    let browser = app
        .login(&app.create_user("drift-side", Role::Operator).await)
        .await;
    let response = app
        .submit(
            &browser,
            "/claims?month=2026-03",
            "/claims",
            &[("month", "2026-03"), ("region", "")],
        )
        .await;
    assert_eq!(response.status(), 200);
    let page = response.text().await.unwrap();
    assert!(
        page.contains("id=\"made\"") && page.contains("Krav laget: 1."),
        "{page}"
    );
}
