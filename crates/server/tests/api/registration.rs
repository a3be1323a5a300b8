//! SPEC §10's `errors` for the registry: a new centre with several invalid fields reports every
//! one of them at once, in the API and beside the fields of the form (R-REG-4).

use mottak_domain::access::Role;
use serde_json::{Value, json};

use crate::helpers::csrf_token;
use crate::registry::Registry;

fn fields(problem: &Value) -> Vec<String> {
    problem["errors"]
        .as_array()
        .expect("an errors list")
        .iter()
        .map(|error| error["field"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn r_reg_4_every_invalid_field_of_a_new_centre_is_listed_in_errors() {
    let registry = Registry::new().await;
    let operator = registry.operator("Hero").await;
    let (status, body) = registry
        .centre(
            operator,
            " ",
            "13",
            json!({ "municipality_number": "9999", "postal_code": "12a4", "email": "post@asylmottak.no" }),
        )
        .await;
    assert_eq!(status, 400, "{body}");
    assert_eq!(body["field"], "name");
    assert_eq!(
        fields(&body),
        [
            "name",
            "series",
            "municipality_number",
            "postal_code",
            "email"
        ]
    );
    let (_, list) = registry.get("/api/v1/centres").await;
    assert_eq!(list["total"], 0);
}

#[tokio::test]
async fn r_reg_4_centre_form_shows_every_error_beside_its_field_and_keeps_what_was_typed() {
    let registry = Registry::new().await;
    let operator = registry.operator("Hero").await;
    let user = registry.app.create_user("kari", Role::UdiAdm).await;
    let client = registry.app.login(&user).await;
    let page = registry.app.page(&client, "/centres/new").await;
    let operator = operator.to_string();
    let form = [
        ("csrf", csrf_token(&page)),
        ("name", "Fjellro asylmottak".to_owned()),
        ("category", "hotel".to_owned()),
        ("series", "03".to_owned()),
        ("municipality_number", "9999".to_owned()),
        ("postal_code", "12a4".to_owned()),
        ("operator_id", operator),
        ("email", "post@asylmottak.no".to_owned()),
    ];
    let response = client
        .post(registry.app.url("/centres/new"))
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 400);
    let html = response.text().await.unwrap();
    for field in ["category", "municipality_number", "postal_code", "email"] {
        assert!(
            html.contains(&format!("id=\"{field}-error\"")),
            "{field} has its error: {html}"
        );
    }
    assert!(!html.contains("id=\"name-error\""));
    for typed in ["Fjellro asylmottak", "value=\"9999\"", "value=\"12a4\""] {
        assert!(html.contains(typed), "{typed} kept");
    }
}

#[tokio::test]
async fn r_reg_4_every_invalid_field_of_a_new_operator_is_listed_in_errors() {
    let registry = Registry::new().await;
    let (status, body) = registry
        .post(
            "/api/v1/operators",
            json!({ "name": " ", "organisation_number": "123", "experienced": false, "postal_code": "0000" }),
        )
        .await;
    assert_eq!(status, 400, "{body}");
    assert_eq!(body["field"], "name");
    assert_eq!(
        fields(&body),
        ["name", "organisation_number", "postal_code"]
    );
}

#[tokio::test]
async fn r_reg_4_every_invalid_field_of_a_centre_change_is_listed_in_errors() {
    let registry = Registry::new().await;
    let operator = registry.operator("Hero").await;
    let (_, created) = registry
        .centre(operator, "Oslo asylmottak", "03", json!({}))
        .await;
    let path = format!("/api/v1/centres/{}", created["id"]);
    let (_, centre) = registry.get(&path).await;
    let (status, body) = registry
        .patch(
            &path,
            json!({ "version": centre["version"], "bank_account_benefits": "12345678901",
                    "postal_code": "0000", "email": "post@asylmottak.no" }),
        )
        .await;
    assert_eq!(status, 400, "{body}");
    assert_eq!(
        fields(&body),
        ["bank_account_benefits", "postal_code", "email"]
    );
    let (_, after) = registry.get(&path).await;
    assert_eq!(after["version"], centre["version"]);
}
