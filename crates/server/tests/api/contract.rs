//! SPEC §10's promises about the API as a whole: the description declares what the routes take,
//! unknown members are refused, and problem+json lists every invalid field.

use std::collections::BTreeSet;

use mottak_domain::access::Role;
use serde_json::{Value, json};

use crate::claims::negotiation;
use crate::client::problem;
use crate::helpers::spawn_app;

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

/// An operator with a valid organisation number (modulus 11).
fn operator() -> Value {
    json!({ "name": "Hero", "organisation_number": "974760673", "experienced": true })
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
    let token = app.token_of_new("admin", Role::Admin).await;
    let api = app.api(&token);
    let mut request = negotiation();
    let agreement = &mut request["units"][0]["agreements"][2];
    agreement["stopdate"] = agreement["stop_date"].take();
    request["units"][1]["agreements"][0]["fixed_place"] = json!(10);
    let (status, problem) = api.post("/api/v1/claims/simulate", &request).await;
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
    let token = app.token_of_new("admin", Role::Admin).await;
    let api = app.api(&token);
    let (_, operator) = api.post("/api/v1/operators", &operator()).await;
    let (status, centre) = api
        .post(
            "/api/v1/centres",
            &json!({
                "name": "Oslo asylmottak", "category": "ordinary", "series": "03",
                "municipality_number": "0301", "postal_code": "0010", "operator_id": operator["id"],
            }),
        )
        .await;
    assert_eq!(status, 201, "{centre}");
    let path = format!("/api/v1/centres/{}", centre["id"]);
    let (_, before) = api.get(&path).await;
    let typo = json!({ "version": before["version"], "leadr": "Kari Nordmann" });
    let (status, problem) = api.patch(&path, &typo).await;
    assert_eq!(status, 400, "{problem}");
    assert_eq!(problem["field"], "leadr");
    let (_, after) = api.get(&path).await;
    assert_eq!(after["version"], before["version"]);
}

#[tokio::test]
async fn spec_10_a_misspelt_member_in_an_operator_update_is_400_naming_it() {
    let app = spawn_app().await;
    let token = app.token_of_new("admin", Role::Admin).await;
    let api = app.api(&token);
    let (_, operator) = api.post("/api/v1/operators", &operator()).await;
    let path = format!("/api/v1/operators/{}", operator["id"]);
    let update = json!({
        "version": operator["version"], "name": "Hero Norge", "organisation_number": "974760673",
        "experienced": true, "phnoe": "22 33 44 55",
    });
    let (status, problem) = api.put(&path, &update).await;
    assert_eq!(status, 400, "{problem}");
    assert_eq!(fields(&problem), ["phnoe"]);
    let (_, unchanged) = api.get(&path).await;
    assert_eq!(unchanged["name"], "Hero");
}

#[tokio::test]
async fn spec_10_a_json_body_without_a_json_content_type_is_400_naming_the_expected_type() {
    let app = spawn_app().await;
    let token = app.token_of_new("admin", Role::Admin).await;
    let response = app
        .api(&token)
        .request(reqwest::Method::POST, "/api/v1/users")
        .header("content-type", "text/plain")
        .body(r#"{"username": "kari", "role": "admin"}"#)
        .send()
        .await
        .unwrap();
    let problem = problem(response, 400).await;
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
    let token = app.token_of_new("admin", Role::Admin).await;
    let api = app.api(&token);
    let csv = "dro_number;name;organisation_number;experienced\n\
               DRO1000;Hero;974760673;ja\n\
               DROX;;974760674;ja\n\
               DRO1002;Norlandia;123;nei\n";
    let (status, problem) = api
        .send(
            api.request(reqwest::Method::POST, "/api/v1/import/operators?mode=all")
                .header("content-type", "text/csv")
                .body(csv),
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
    let token = app.token_of_new("admin", Role::Admin).await;
    let api = app.api(&token);
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
        let response = api.request(method, path).send().await.unwrap();
        let problem = problem(response, 400).await;
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
    let token = app.token_of_new("admin", Role::Admin).await;
    let api = app.api(&token);
    let mut request = negotiation();
    request["units"][0]["agreements"][1]["valid_to"] = json!("2026-02-30");
    request["units"][0]["agreements"][0]["unit_tiers"][0]["price"] = json!(-1);
    request["occupancy"][1]["residents"] = json!(-3);
    let (status, problem) = api.post("/api/v1/claims/simulate", &request).await;
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
