//! SPEC §10's promises about the API as a whole: the description declares what the routes take,
//! unknown members are refused, and problem+json lists every invalid field.

use std::collections::BTreeSet;

use mottak_domain::access::Role;
use serde_json::{Value, json};

use crate::claims::negotiation;
use crate::helpers::{TestApp, spawn_app};

async fn admin_token(app: &TestApp) -> String {
    let admin = app.create_user("admin", Role::Admin).await;
    app.token_for(&admin).await
}

async fn send(request: reqwest::RequestBuilder, token: &str) -> (u16, Value) {
    let response = request.bearer_auth(token).send().await.unwrap();
    let status = response.status().as_u16();
    (status, response.json().await.unwrap_or(Value::Null))
}

/// The OpenAPI description, as a client generator or a fuzzer reads it.
async fn description() -> Value {
    let app = spawn_app().await;
    reqwest::get(app.url("/api/v1/openapi.json"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap()
}

fn fields(problem: &Value) -> Vec<&str> {
    problem["errors"]
        .as_array()
        .unwrap_or_else(|| panic!("no errors list in {problem}"))
        .iter()
        .map(|error| error["field"].as_str().unwrap())
        .collect()
}

#[tokio::test]
async fn spec_10_the_description_declares_every_path_parameter_of_every_operation() {
    let description = description().await;
    let mut undeclared = Vec::new();
    for (path, item) in description["paths"].as_object().unwrap() {
        let templated: BTreeSet<&str> = path
            .split('{')
            .skip(1)
            .filter_map(|rest| rest.split('}').next())
            .collect();
        for (method, operation) in item.as_object().unwrap() {
            let declared: BTreeSet<&str> = operation["parameters"]
                .as_array()
                .into_iter()
                .flatten()
                .filter(|parameter| parameter["in"] == "path")
                .map(|parameter| parameter["name"].as_str().unwrap())
                .collect();
            if declared != templated {
                undeclared.push(format!("{method} {path}: declares {declared:?}"));
            }
        }
    }
    assert!(undeclared.is_empty(), "{undeclared:#?}");
}

#[tokio::test]
async fn spec_10_a_misspelt_member_in_a_claim_simulation_is_400_naming_it() {
    let app = spawn_app().await;
    let token = admin_token(&app).await;
    let mut request = negotiation();
    let agreement = &mut request["units"][0]["agreements"][2];
    agreement["stopdate"] = agreement["stop_date"].take();
    request["units"][1]["agreements"][0]["fixed_place"] = json!(10);
    let (status, problem) = send(
        reqwest::Client::new()
            .post(app.url("/api/v1/claims/simulate"))
            .json(&request),
        &token,
    )
    .await;
    assert_eq!(status, 400, "{problem}");
    assert_eq!(problem["field"], "units[0].agreements[2].stopdate");
    assert_eq!(
        fields(&problem),
        [
            "units[0].agreements[2].stopdate",
            "units[1].agreements[0].fixed_place"
        ]
    );
}

#[tokio::test]
async fn spec_10_a_misspelt_member_in_a_centre_patch_is_400_and_changes_nothing() {
    let app = spawn_app().await;
    let token = admin_token(&app).await;
    let client = reqwest::Client::new();
    let (_, operator) = send(
        client.post(app.url("/api/v1/operators")).json(
            &json!({ "name": "Hero", "organisation_number": "974760673", "experienced": true }),
        ),
        &token,
    )
    .await;
    let (status, centre) = send(
        client.post(app.url("/api/v1/centres")).json(&json!({
            "name": "Oslo asylmottak", "category": "ordinary", "series": "03",
            "municipality_number": "0301", "postal_code": "0010", "operator_id": operator["id"],
        })),
        &token,
    )
    .await;
    assert_eq!(status, 201, "{centre}");
    let path = format!("/api/v1/centres/{}", centre["id"]);
    let (_, before) = send(client.get(app.url(&path)), &token).await;
    let (status, problem) = send(
        client
            .patch(app.url(&path))
            .json(&json!({ "version": before["version"], "leadr": "Kari Nordmann" })),
        &token,
    )
    .await;
    assert_eq!(status, 400, "{problem}");
    assert_eq!(problem["field"], "leadr");
    let (_, after) = send(client.get(app.url(&path)), &token).await;
    assert_eq!(after["version"], before["version"]);
}

#[tokio::test]
async fn spec_10_a_misspelt_member_in_an_operator_update_is_400_naming_it() {
    let app = spawn_app().await;
    let token = admin_token(&app).await;
    let client = reqwest::Client::new();
    let (_, operator) = send(
        client.post(app.url("/api/v1/operators")).json(
            &json!({ "name": "Hero", "organisation_number": "974760673", "experienced": true }),
        ),
        &token,
    )
    .await;
    let path = format!("/api/v1/operators/{}", operator["id"]);
    let update = json!({
        "version": operator["version"], "name": "Hero Norge", "organisation_number": "974760673",
        "experienced": true, "phnoe": "22 33 44 55",
    });
    let (status, problem) = send(client.put(app.url(&path)).json(&update), &token).await;
    assert_eq!(status, 400, "{problem}");
    assert_eq!(fields(&problem), ["phnoe"]);
    let (_, unchanged) = send(client.get(app.url(&path)), &token).await;
    assert_eq!(unchanged["name"], "Hero");
}

#[tokio::test]
async fn spec_10_a_json_body_without_a_json_content_type_is_400_naming_the_expected_type() {
    let app = spawn_app().await;
    let token = admin_token(&app).await;
    let response = reqwest::Client::new()
        .post(app.url("/api/v1/users"))
        .bearer_auth(&token)
        .header("content-type", "text/plain")
        .body(r#"{"username": "kari", "role": "admin"}"#)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 400);
    assert_eq!(
        response.headers()["content-type"],
        "application/problem+json"
    );
    let problem: Value = response.json().await.unwrap();
    assert_eq!(problem["field"], "content-type");
    assert!(
        problem["detail"]
            .as_str()
            .unwrap()
            .contains("application/json"),
        "{problem}"
    );
}

#[tokio::test]
async fn spec_10_a_refused_import_lists_every_invalid_field_of_every_row() {
    let app = spawn_app().await;
    let token = admin_token(&app).await;
    let csv = "dro_number;name;organisation_number;experienced\n\
               DRO1000;Hero;974760673;ja\n\
               DROX;;974760674;ja\n\
               DRO1002;Norlandia;123;nei\n";
    let (status, problem) = send(
        reqwest::Client::new()
            .post(app.url("/api/v1/import/operators?mode=all"))
            .header("content-type", "text/csv")
            .body(csv),
        &token,
    )
    .await;
    assert_eq!(status, 400, "{problem}");
    let listed = fields(&problem);
    assert_eq!(problem["field"], listed[0]);
    for expected in [
        "lines[3].dro_number",
        "lines[3].name",
        "lines[3].organisation_number",
        "lines[4].organisation_number",
    ] {
        assert!(listed.contains(&expected), "{expected} not in {listed:?}");
    }
}

#[tokio::test]
async fn spec_10_a_path_or_query_parameter_that_does_not_parse_is_problem_json_naming_it() {
    let app = spawn_app().await;
    let token = admin_token(&app).await;
    let client = reqwest::Client::new();
    for (path, field) in [
        ("/api/v1/centres/9223372036854775808", "id"),
        ("/api/v1/users/1/tokens/x", "token_id"),
        ("/api/v1/events?offset=0.5", "offset"),
        ("/api/v1/centres?per_page=9223372036854775808", "per_page"),
    ] {
        let method = if path.contains("/tokens/") {
            reqwest::Method::DELETE
        } else {
            reqwest::Method::GET
        };
        let response = client
            .request(method, app.url(path))
            .bearer_auth(&token)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 400, "{path}");
        assert_eq!(
            response.headers()["content-type"],
            "application/problem+json",
            "{path}"
        );
        let problem: Value = response.json().await.unwrap();
        assert_eq!(problem["field"], field, "{path}: {problem}");
    }
}

#[tokio::test]
async fn spec_10_the_description_gives_every_error_response_as_problem_json() {
    let description = description().await;
    let mut wrong = Vec::new();
    for (path, item) in description["paths"].as_object().unwrap() {
        for (method, operation) in item.as_object().unwrap() {
            let responses = operation["responses"].as_object().unwrap();
            if operation.get("security").is_some() && !responses.contains_key("401") {
                wrong.push(format!("{method} {path}: no 401"));
            }
            for (status, response) in responses {
                let error = status.starts_with('4') || status.starts_with('5');
                let types: Vec<&String> = response["content"]
                    .as_object()
                    .map(|content| content.keys().collect())
                    .unwrap_or_default();
                if error && types != ["application/problem+json"] {
                    wrong.push(format!("{method} {path} {status}: {types:?}"));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[tokio::test]
async fn spec_10_a_claim_simulation_lists_every_invalid_field() {
    let app = spawn_app().await;
    let token = admin_token(&app).await;
    let mut request = negotiation();
    request["units"][0]["agreements"][1]["valid_to"] = json!("2026-02-30");
    request["units"][0]["agreements"][0]["unit_tiers"][0]["price"] = json!(-1);
    request["occupancy"][1]["residents"] = json!(-3);
    let (status, problem) = send(
        reqwest::Client::new()
            .post(app.url("/api/v1/claims/simulate"))
            .json(&request),
        &token,
    )
    .await;
    assert_eq!(status, 400, "{problem}");
    assert_eq!(
        problem["field"],
        "units[0].agreements[0].unit_tiers[0].price"
    );
    assert_eq!(
        fields(&problem),
        [
            "units[0].agreements[0].unit_tiers[0].price",
            "units[0].agreements[1].valid_to",
            "occupancy[1].residents",
        ]
    );
}
