//! Stored agreements (SPEC §4, §10): create, read, list, edit, notice, versions and scopes.

use mottak_domain::access::Role;
use serde_json::{Value, json};

use crate::registry::Registry;

/// A main agreement for one centre, 2026–2027, with a per-unit tier and an over-occupancy tier.
pub(crate) fn main_agreement(operator_id: i64, centre_id: i64) -> Value {
    json!({
        "kind": "H", "operator_id": operator_id, "signed": "2025-11-01",
        "operation_start": "2026-01-01", "valid_from": "2026-01-01", "valid_to": "2028-01-01",
        "notice_period_months": 3,
        "units": [{
            "centre_id": centre_id, "canteen": false, "fixed_places": 50, "standby_places": 20,
            "fixed_annual_operating": 12_000_000_00_i64,
            "fixed_annual_rent": {"amount": 2_400_000_00_i64, "regulation": {}},
            "unit_tiers": [
                {"priority": 1, "kind": "unit_price", "places": 30, "price": 450_00},
                {"priority": 2, "kind": "unit_price", "places": 0, "price": 700_00}
            ],
            "meal_tiers": []
        }]
    })
}

/// An operator with one centre, through the API.
async fn setup() -> (Registry, i64, i64) {
    let registry = Registry::new().await;
    let operator = registry.operator("Hero Norge AS").await;
    let (status, centre) = registry
        .centre(operator, "Hvalstad asylmottak", "03", json!({}))
        .await;
    assert_eq!(status, 201, "{centre}");
    (registry, operator, centre["id"].as_i64().unwrap())
}

fn fields(problem: &Value) -> Vec<String> {
    problem["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|error| error["field"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn r_agr_2_created_agreement_gets_the_proposed_name_and_reads_back_with_price_terms() {
    let (registry, operator, centre) = setup().await;
    let (status, created) = registry
        .post("/api/v1/agreements", main_agreement(operator, centre))
        .await;
    assert_eq!(status, 201, "{created}");
    assert_eq!(created["name"], "Hvalstad asylmottak");
    let (status, stored) = registry
        .get(&format!("/api/v1/agreements/{}", created["id"]))
        .await;
    assert_eq!(status, 200, "{stored}");
    let unit = &stored["units"][0];
    assert_eq!(unit["fixed_annual_operating"]["amount"], 12_000_000_00_i64);
    assert_eq!(unit["fixed_annual_operating"]["current"], 12_000_000_00_i64);
    assert_eq!(unit["fixed_annual_operating"]["regulated_on"], Value::Null);
    assert_eq!(
        unit["fixed_annual_operating"]["payment"]["period"],
        "monthly"
    );
    assert_eq!(
        unit["fixed_annual_rent"]["regulation"]["first_date"],
        "2027-08-01"
    );
    assert_eq!(unit["unit_tiers"][1]["places"], 0);
    assert_eq!(stored["last_operating_day"], "2027-12-31");
    assert_eq!(stored["capacity"][0]["capacity"], 80);
    assert_eq!(stored["capacity"][0]["standby"], 20);

    let mut option = main_agreement(operator, centre);
    option["kind"] = json!("A");
    option["valid_from"] = json!("2028-01-01");
    option["valid_to"] = json!("2029-01-01");
    let (status, created) = registry.post("/api/v1/agreements", option).await;
    assert_eq!(status, 201, "{created}");
    assert_eq!(created["name"], "Hvalstad asylmottak opsjon 1");
}

#[tokio::test]
async fn invalid_agreement_is_400_naming_every_field_and_stores_nothing() {
    let (registry, operator, centre) = setup().await;
    let other_operator = registry.operator("Annen drift AS").await;
    let (_, foreign) = registry
        .centre(other_operator, "Fremmed asylmottak", "03", json!({}))
        .await;
    let mut body = main_agreement(operator, centre);
    body["valid_to"] = json!("2025-01-01");
    body["units"][0]["unit_tiers"][0]["price"] = json!({"amount": -5});
    body["units"][0]["fixed_annual_rent"]["regulation"]["month"] = json!(13);
    body["units"].as_array_mut().unwrap().push(json!({
        "centre_id": foreign["id"], "canteen": false
    }));
    let (status, problem) = registry.post("/api/v1/agreements", body).await;
    assert_eq!(status, 400, "{problem}");
    assert_eq!(
        fields(&problem),
        [
            "valid_to",
            "units[0].fixed_annual_rent.regulation.month",
            "units[0].unit_tiers[0].price.amount",
            "units[1].centre_id"
        ]
    );
    let (_, list) = registry.get("/api/v1/agreements").await;
    assert_eq!(list, json!([]));
}

#[tokio::test]
async fn r_agr_11_priority_used_by_an_overlapping_agreement_is_409_and_a_successor_may_reuse_it() {
    let (registry, operator, centre) = setup().await;
    let (status, _) = registry
        .post("/api/v1/agreements", main_agreement(operator, centre))
        .await;
    assert_eq!(status, 201);
    let mut supplement = main_agreement(operator, centre);
    supplement["kind"] = json!("T");
    supplement["valid_from"] = json!("2027-01-01");
    supplement["units"][0]["unit_tiers"] =
        json!([{"priority": 1, "kind": "unit_price", "places": 10, "price": 500_00}]);
    let (status, problem) = registry
        .post("/api/v1/agreements", supplement.clone())
        .await;
    assert_eq!(status, 409, "{problem}");
    assert_eq!(problem["field"], "units[0].unit_tiers[0].priority");

    let mut successor = main_agreement(operator, centre);
    successor["valid_from"] = json!("2028-01-01");
    successor["valid_to"] = json!("2030-01-01");
    let (status, created) = registry.post("/api/v1/agreements", successor).await;
    assert_eq!(status, 201, "{created}");
    let (_, list) = registry
        .get(&format!("/api/v1/agreements?centre_id={centre}"))
        .await;
    assert_eq!(list.as_array().unwrap().len(), 2);
}

#[tokio::test]
async fn overlapping_agreements_that_disagree_on_the_canteen_are_409() {
    let (registry, operator, centre) = setup().await;
    registry
        .post("/api/v1/agreements", main_agreement(operator, centre))
        .await;
    let mut supplement = main_agreement(operator, centre);
    supplement["kind"] = json!("T");
    supplement["units"][0]["canteen"] = json!(true);
    supplement["units"][0]["unit_tiers"] = json!([]);
    let (status, problem) = registry.post("/api/v1/agreements", supplement).await;
    assert_eq!(status, 409, "{problem}");
    assert_eq!(problem["field"], "units[0].canteen");
}

#[tokio::test]
async fn r_agr_4_notice_sets_the_stop_date_clamped_to_the_month_end() {
    let (registry, operator, centre) = setup().await;
    let mut body = main_agreement(operator, centre);
    body["notice_period_months"] = json!(1);
    let (_, created) = registry.post("/api/v1/agreements", body).await;
    let id = created["id"].as_i64().unwrap();
    let (status, notice) = registry
        .post(
            &format!("/api/v1/agreements/{id}/notice"),
            json!({"date": "2027-01-31"}),
        )
        .await;
    assert_eq!(status, 200, "{notice}");
    assert_eq!(notice["stop_date"], "2027-02-28");
    let (_, stored) = registry.get(&format!("/api/v1/agreements/{id}")).await;
    assert_eq!(stored["stop_date"], "2027-02-28");
    assert_eq!(stored["notice_date"], "2027-01-31");
    let (status, problem) = registry
        .post(
            &format!("/api/v1/agreements/{id}/notice"),
            json!({"date": "2027-12-31"}),
        )
        .await;
    assert_eq!((status, problem["field"].clone()), (409, json!("date")));
    let (_, versions) = registry
        .get(&format!("/api/v1/agreements/{id}/versions"))
        .await;
    assert_eq!(versions.as_array().unwrap().len(), 2);
}

#[tokio::test]
async fn stale_version_is_409_and_the_edit_is_a_new_version() {
    let (registry, operator, centre) = setup().await;
    let (_, created) = registry
        .post("/api/v1/agreements", main_agreement(operator, centre))
        .await;
    let path = format!("/api/v1/agreements/{}", created["id"]);
    let mut edit = main_agreement(operator, centre);
    edit["version"] = json!(1);
    edit["remark"] = json!("Konkurranse 2025/123");
    let (status, changed) = registry.put(&path, edit.clone()).await;
    assert_eq!(status, 200, "{changed}");
    assert_eq!(
        (changed["version"].clone(), changed["remark"].clone()),
        (json!(2), json!("Konkurranse 2025/123"))
    );
    assert_eq!(changed["name"], "Hvalstad asylmottak");
    let (status, problem) = registry.put(&path, edit).await;
    assert_eq!((status, problem["field"].clone()), (409, json!("version")));
}

#[tokio::test]
async fn operator_sees_only_its_own_agreements_and_imdi_none() {
    let (registry, operator, centre) = setup().await;
    let (_, created) = registry
        .post("/api/v1/agreements", main_agreement(operator, centre))
        .await;
    let path = format!("/api/v1/agreements/{}", created["id"]);
    let app = &registry.app;
    let own = app
        .create_user_in("drift", Role::Operator, None, Some("DRO1000"), None)
        .await;
    let own = app.token_for(&own).await;
    let other = app
        .create_user_in("andre", Role::Operator, None, Some("DRO1001"), None)
        .await;
    let other = app.token_for(&other).await;
    let imdi = app.token_of_new("imdi", Role::Imdi).await;
    assert_eq!(app.api(&own).get(&path).await.0, 200);
    assert_eq!(app.api(&other).get(&path).await.0, 404);
    assert_eq!(app.api(&other).get("/api/v1/agreements").await.1, json!([]));
    assert_eq!(app.api(&imdi).get(&path).await.0, 403);
    let (status, _) = app
        .api(&own)
        .post("/api/v1/agreements", &main_agreement(operator, centre))
        .await;
    assert_eq!(status, 403);
}
