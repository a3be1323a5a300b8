//! Lifecycle successors (R-REG-2) judged as new centres (R-REG-1, R-REG-5), and one number per
//! place type across a centre's linked numbers.

use mottak_domain::access::Role;
use serde_json::{Value, json};

use crate::registry::Registry;

/// A special care centre (series 35) in Trondheim, whose region was entered as NORD.
async fn special_care_centre(registry: &Registry) -> Value {
    let operator = registry.operator("Omsorg AS").await;
    let (status, created) = registry
        .centre(
            operator,
            "Lia omsorgssenter",
            "35",
            json!({ "category": "special_care", "region": "NORD", "municipality_number": "5001", "postal_code": "7010" }),
        )
        .await;
    assert_eq!(status, 201, "{created}");
    created
}

async fn ordinary_centre(registry: &Registry) -> Value {
    let operator = registry.operator("Hero").await;
    let (status, created) = registry
        .centre(operator, "Oslo asylmottak", "03", json!({}))
        .await;
    assert_eq!(status, 201, "{created}");
    created
}

fn lifecycle_path(centre: &Value) -> String {
    format!("/api/v1/centres/{}/lifecycle", centre["id"])
}

#[tokio::test]
async fn r_reg_1_successor_leaving_series_35_gets_the_new_series_region() {
    let registry = Registry::new().await;
    let centre = special_care_centre(&registry).await;
    let request = json!({ "operation": "change_category", "category": "ordinary", "series": "16", "new_name": "Lia asylmottak", "version": 1 });

    let (status, outcome) = registry.post(&lifecycle_path(&centre), request).await;

    assert_eq!(status, 200, "{outcome}");
    assert_eq!(outcome["new_number"], "1601");
    let (_, new) = registry
        .get(&format!("/api/v1/centres/{}", outcome["new_centre_id"]))
        .await;
    assert_eq!(
        new["region"], "MIDT",
        "series 16 gives MIDT, not the old NORD"
    );
}

#[tokio::test]
async fn r_reg_1_successor_series_must_be_in_the_number_series_table() {
    let registry = Registry::new().await;
    let centre = special_care_centre(&registry).await;
    let request = json!({ "operation": "change_category", "category": "ordinary", "series": "99", "version": 1 });

    for path in [
        format!("{}/preview", lifecycle_path(&centre)),
        lifecycle_path(&centre),
    ] {
        let (status, problem) = registry.post(&path, request.clone()).await;
        assert_eq!(
            (status, problem["field"].clone()),
            (400, json!("series")),
            "{path}"
        );
    }
    let (_, list) = registry.get("/api/v1/centres?series=99").await;
    assert!(!list.to_string().contains("9901"), "{list}");
}

#[tokio::test]
async fn r_reg_2_series_on_an_operation_that_keeps_the_series_is_400() {
    let registry = Registry::new().await;
    let centre = ordinary_centre(&registry).await;
    let new_operator = registry.operator("Norlandia").await;
    for request in [
        json!({ "operation": "change_operator", "operator_id": new_operator, "new_name": "Grorud asylmottak", "series": "16", "version": 1 }),
        json!({ "operation": "add_place_type", "place_type": "reinforced", "series": "03", "version": 1 }),
        json!({ "operation": "change_category", "category": "transit", "series": "16", "version": 1 }),
        json!({ "operation": "rename", "new_name": "Tøyen asylmottak", "series": "16", "version": 1 }),
        json!({ "operation": "close", "series": "03", "version": 1 }),
    ] {
        let (status, problem) = registry
            .post(&lifecycle_path(&centre), request.clone())
            .await;
        assert_eq!(
            (status, problem["field"].clone()),
            (400, json!("series")),
            "{request}"
        );
    }
    let (_, unchanged) = registry
        .get(&format!("/api/v1/centres/{}", centre["id"]))
        .await;
    assert_eq!(
        (unchanged["status"].clone(), unchanged["version"].clone()),
        (json!("open"), json!(1))
    );
}

#[tokio::test]
async fn r_reg_5_successor_gets_the_name_and_series_warnings_of_a_new_centre() {
    let registry = Registry::new().await;
    let centre = ordinary_centre(&registry).await;
    let new_operator = registry.operator("Norlandia").await;
    // No pre-2020 county is imported for Oslo here, so the series cannot be checked: a warning.
    let request = json!({ "operation": "change_operator", "operator_id": new_operator, "new_name": "Hotell Grorud", "version": 1 });

    let (_, preview) = registry
        .post(
            &format!("{}/preview", lifecycle_path(&centre)),
            request.clone(),
        )
        .await;
    let (status, outcome) = registry.post(&lifecycle_path(&centre), request).await;

    assert_eq!(status, 200, "{outcome}");
    for answer in [&preview, &outcome] {
        let warnings = answer["warnings"].to_string();
        assert!(warnings.contains("asylmottak"), "R-REG-5: {answer}");
        assert!(warnings.contains("pre-2020 county"), "§2 series: {answer}");
    }
}

#[tokio::test]
async fn r_reg_2_one_number_per_place_type_across_linked_numbers_is_409() {
    let registry = Registry::new().await;
    let centre = ordinary_centre(&registry).await;
    let add_reinforced = json!({ "operation": "add_place_type", "place_type": "reinforced", "new_name": "Oslo asylmottak FA", "version": 1 });
    let (status, added) = registry
        .post(&lifecycle_path(&centre), add_reinforced.clone())
        .await;
    assert_eq!(status, 200, "{added}");

    // Again at the old number, which itself still has ordinary places.
    let (status, problem) = registry
        .post(
            &lifecycle_path(&centre),
            json!({ "operation": "add_place_type", "place_type": "reinforced", "version": 2 }),
        )
        .await;
    assert_eq!(
        (status, problem["field"].clone()),
        (409, json!("place_type")),
        "{problem}"
    );
    // From the new number back to the place type the old, still open, number has.
    let reinforced = json!({ "id": added["new_centre_id"] });
    for operation in ["add_place_type", "change_place_type"] {
        let (status, problem) = registry
            .post(
                &format!("{}/preview", lifecycle_path(&reinforced)),
                json!({ "operation": operation, "place_type": "ordinary", "version": 1 }),
            )
            .await;
        assert_eq!(
            (status, problem["field"].clone()),
            (409, json!("place_type")),
            "{operation}: {problem}"
        );
    }
    // A place type no linked number has is still a new number.
    let (status, outcome) = registry
        .post(
            &lifecycle_path(&reinforced),
            json!({ "operation": "change_place_type", "place_type": "transit", "version": 1 }),
        )
        .await;
    assert_eq!(status, 200, "{outcome}");
}

#[tokio::test]
async fn r_reg_5_lifecycle_confirmation_page_shows_the_warnings() {
    let registry = Registry::new().await;
    let centre = ordinary_centre(&registry).await;
    let new_operator = registry.operator("Norlandia").await;
    let user = registry.app.create_user("udi_page", Role::UdiAdm).await;
    let client = registry.app.login(&user).await;

    let page = registry
        .app
        .page(
            &client,
            &format!(
                "/centres/{}/lifecycle?operation=change_operator&operator_id={new_operator}&new_name=Hotell+Grorud",
                centre["id"]
            ),
        )
        .await;

    assert!(page.contains("id=\"lifecycle-warnings\""), "{page}");
    assert!(page.contains("asylmottak"));
}
