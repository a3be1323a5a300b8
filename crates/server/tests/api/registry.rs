//! The registry (SPEC §3, §10): numbers, field errors, conflicts, scopes, lifecycle, address list
//! and import.

use mottak_domain::access::Role;
use serde_json::{Value, json};

use crate::helpers::{TestApp, spawn_app};

/// A valid organisation number (modulus 11) and bank account.
const ORGANISATION_NUMBER: &str = "974760673";
const BANK_ACCOUNT: &str = "12345678903";

/// An API client with an admin token (udi_adm) on a fresh app; shared by the registry modules.
pub(crate) struct Registry {
    pub(crate) app: TestApp,
    token: String,
    client: reqwest::Client,
}

impl Registry {
    pub(crate) async fn new() -> Registry {
        let app = spawn_app().await;
        let udi = app.create_user("udi", Role::UdiAdm).await;
        let token = app.token_for(&udi).await;
        Registry {
            app,
            token,
            client: reqwest::Client::new(),
        }
    }

    pub(crate) async fn post(&self, path: &str, body: Value) -> (u16, Value) {
        self.send(self.client.post(self.app.url(path)).json(&body))
            .await
    }

    pub(crate) async fn patch(&self, path: &str, body: Value) -> (u16, Value) {
        self.send(self.client.patch(self.app.url(path)).json(&body))
            .await
    }

    pub(crate) async fn put(&self, path: &str, body: Value) -> (u16, Value) {
        self.send(self.client.put(self.app.url(path)).json(&body))
            .await
    }

    pub(crate) async fn get(&self, path: &str) -> (u16, Value) {
        self.send(self.client.get(self.app.url(path))).await
    }

    async fn send(&self, request: reqwest::RequestBuilder) -> (u16, Value) {
        let response = request.bearer_auth(&self.token).send().await.unwrap();
        let status = response.status().as_u16();
        (status, response.json().await.unwrap_or(Value::Null))
    }

    pub(crate) async fn operator(&self, name: &str) -> i64 {
        let (status, body) = self.post("/api/v1/operators", json!({ "name": name, "organisation_number": ORGANISATION_NUMBER, "experienced": true })).await;
        assert_eq!(status, 201, "{body}");
        body["id"].as_i64().unwrap()
    }

    pub(crate) async fn centre(
        &self,
        operator_id: i64,
        name: &str,
        series: &str,
        extra: Value,
    ) -> (u16, Value) {
        let mut body = json!({
            "name": name, "category": "ordinary", "series": series, "municipality_number": "0301",
            "postal_code": "0010", "operator_id": operator_id,
        });
        for (key, value) in extra.as_object().unwrap() {
            body[key] = value.clone();
        }
        self.post("/api/v1/centres", body).await
    }
}

#[tokio::test]
async fn r_reg_3_operators_get_dro_numbers_from_1000_and_existing_ones_keep_theirs() {
    let registry = Registry::new().await;
    let (_, first) = registry.post("/api/v1/operators", json!({ "name": "Hero", "organisation_number": ORGANISATION_NUMBER, "experienced": true })).await;
    assert_eq!(first["dro_number"], "DRO1000");
    let (status, migrated) = registry.post("/api/v1/operators", json!({ "name": "Gammel", "organisation_number": ORGANISATION_NUMBER, "experienced": true, "dro_number": "DRO1001" })).await;
    assert_eq!(status, 201);
    assert_eq!(migrated["dro_number"], "DRO1001");
    let (_, third) = registry.post("/api/v1/operators", json!({ "name": "Ny", "organisation_number": ORGANISATION_NUMBER, "experienced": false })).await;
    assert_eq!(third["dro_number"], "DRO1002");
    let (status, _) = registry.post("/api/v1/operators", json!({ "name": "Dobbel", "organisation_number": ORGANISATION_NUMBER, "dro_number": "DRO1001" })).await;
    assert_eq!(status, 409);
}

#[tokio::test]
async fn r_reg_4_bad_organisation_number_names_the_field() {
    let registry = Registry::new().await;
    let (status, body) = registry
        .post(
            "/api/v1/operators",
            json!({ "name": "Hero", "organisation_number": "974760674" }),
        )
        .await;
    assert_eq!(status, 400);
    assert_eq!(body["field"], "organisation_number");
}

#[tokio::test]
async fn r_reg_1_second_centre_in_series_gets_first_free_number() {
    let registry = Registry::new().await;
    let operator = registry.operator("Hero").await;
    let (status, first) = registry
        .centre(operator, "Oslo asylmottak", "03", json!({}))
        .await;
    assert_eq!(status, 201, "{first}");
    assert_eq!(first["number"], "0301");
    assert_eq!(first["region"], "ØST");
    let (_, existing) = registry
        .centre(
            operator,
            "Gamle asylmottak",
            "03",
            json!({ "number": "0303" }),
        )
        .await;
    assert_eq!(existing["number"], "0303");
    // The first free number, not the highest plus one.
    let (_, second) = registry
        .centre(operator, "Nye asylmottak", "03", json!({}))
        .await;
    assert_eq!(second["number"], "0302");
    let (_, third) = registry
        .centre(operator, "Tredje asylmottak", "03", json!({}))
        .await;
    assert_eq!(third["number"], "0304");
}

#[tokio::test]
async fn r_reg_1_used_number_is_409_and_a_number_outside_the_series_is_400() {
    let registry = Registry::new().await;
    let operator = registry.operator("Hero").await;
    registry
        .centre(
            operator,
            "Oslo asylmottak",
            "03",
            json!({ "number": "0310" }),
        )
        .await;
    let (status, _) = registry
        .centre(
            operator,
            "Igjen asylmottak",
            "03",
            json!({ "number": "0310" }),
        )
        .await;
    assert_eq!(status, 409);
    let (status, body) = registry
        .centre(
            operator,
            "Feil asylmottak",
            "03",
            json!({ "number": "1201" }),
        )
        .await;
    assert_eq!(status, 400);
    assert_eq!(body["field"], "number");
}

#[tokio::test]
async fn r_reg_4_invalid_fields_are_400_naming_the_field() {
    let registry = Registry::new().await;
    let operator = registry.operator("Hero").await;
    for (extra, field) in [
        (json!({ "postal_code": "0000" }), "postal_code"),
        (json!({ "postal_code": "12a4" }), "postal_code"),
        (
            json!({ "municipality_number": "9999" }),
            "municipality_number",
        ),
        (json!({ "category": "hotel" }), "category"),
        (json!({ "series": "13" }), "series"),
        (json!({ "place_type": "suite" }), "place_type"),
        (json!({ "operator_id": 999 }), "operator_id"),
        (json!({ "email": "post@asylmottak.no" }), "email"),
        (
            json!({ "bank_account_operation": "12345678901" }),
            "bank_account_operation",
        ),
        (json!({ "name": "  " }), "name"),
    ] {
        let (status, body) = registry
            .centre(operator, "Oslo asylmottak", "03", extra.clone())
            .await;
        assert_eq!(status, 400, "{extra}: {body}");
        assert_eq!(body["field"], field, "{extra}");
    }
    let (status, body) = registry
        .post(
            "/api/v1/centres",
            json!({ "name": "X", "category": "ordinary" }),
        )
        .await;
    assert_eq!(status, 400);
    assert_eq!(body["field"], "series");
}

#[tokio::test]
async fn r_reg_1_series_35_is_for_special_care_with_an_explicit_region() {
    let registry = Registry::new().await;
    let operator = registry.operator("Omsorg AS").await;
    let (status, body) = registry
        .centre(
            operator,
            "Lia omsorgssenter",
            "35",
            json!({ "category": "special_care" }),
        )
        .await;
    assert_eq!((status, body["field"].clone()), (400, json!("region")));
    let (status, body) = registry
        .centre(
            operator,
            "Lia omsorgssenter",
            "35",
            json!({ "category": "special_care", "region": "MIDT" }),
        )
        .await;
    assert_eq!(status, 201, "{body}");
    assert_eq!(
        (body["number"].clone(), body["region"].clone()),
        (json!("3501"), json!("MIDT"))
    );
    let (status, body) = registry
        .centre(
            operator,
            "Ordinær asylmottak",
            "35",
            json!({ "region": "MIDT" }),
        )
        .await;
    assert_eq!((status, body["field"].clone()), (400, json!("series")));
}

#[tokio::test]
async fn r_reg_5_name_that_breaks_the_convention_is_a_warning() {
    let registry = Registry::new().await;
    let operator = registry.operator("Hero").await;
    let (status, body) = registry
        .centre(operator, "Hotell Oslo", "03", json!({}))
        .await;
    assert_eq!(status, 201);
    assert!(!body["warnings"].as_array().unwrap().is_empty());
}

#[tokio::test]
async fn r_reg_8_accounting_completeness_says_what_is_missing() {
    let registry = Registry::new().await;
    let operator = registry.operator("Hero").await;
    let (_, created) = registry
        .centre(
            operator,
            "Oslo asylmottak",
            "03",
            json!({ "external_cost_centre": "K123", "bank_account_operation": BANK_ACCOUNT }),
        )
        .await;
    let (_, centre) = registry
        .get(&format!("/api/v1/centres/{}", created["id"]))
        .await;
    assert_eq!(centre["accounting"]["complete"], false);
    let missing = centre["accounting"]["missing"].as_array().unwrap();
    assert!(missing.contains(&json!("udi_cost_centre")));
    assert!(!missing.contains(&json!("external_cost_centre")));
    let (status, updated) = registry
        .send(registry.client.patch(registry.app.url(&format!("/api/v1/centres/{}", created["id"]))).json(&json!({
            "version": centre["version"], "udi_cost_centre": "U1", "supplier_number_benefits": "S1",
            "supplier_number_operation": "S2", "bank_account_benefits": BANK_ACCOUNT,
        })))
        .await;
    assert_eq!(status, 200, "{updated}");
    assert_eq!(updated["accounting"]["complete"], true);
}

#[tokio::test]
async fn stale_version_is_409_and_nothing_is_overwritten() {
    let registry = Registry::new().await;
    let operator = registry.operator("Hero").await;
    let (_, created) = registry
        .centre(operator, "Oslo asylmottak", "03", json!({}))
        .await;
    let path = format!("/api/v1/centres/{}", created["id"]);
    let patch = |phone: &str| json!({ "version": 1, "phone": phone });
    let (status, _) = registry
        .send(
            registry
                .client
                .patch(registry.app.url(&path))
                .json(&patch("11111111")),
        )
        .await;
    assert_eq!(status, 200);
    let (status, _) = registry
        .send(
            registry
                .client
                .patch(registry.app.url(&path))
                .json(&patch("22222222")),
        )
        .await;
    assert_eq!(status, 409);
    let (_, centre) = registry.get(&path).await;
    assert_eq!(centre["phone"], "11111111");
}

#[tokio::test]
async fn r_reg_6_operator_edits_contact_data_of_own_centres_but_never_the_postal_code() {
    let registry = Registry::new().await;
    let own = registry.operator("Hero").await;
    let other = registry.operator("Andre").await;
    let (_, mine) = registry
        .centre(own, "Oslo asylmottak", "03", json!({}))
        .await;
    let (_, theirs) = registry
        .centre(other, "Andre asylmottak", "03", json!({}))
        .await;
    let operator_user = registry
        .app
        .create_user_in("drift", Role::Operator, None, Some("DRO1000"), None)
        .await;
    let token = registry.app.token_for(&operator_user).await;
    let patch = |id: &Value, body: Value| {
        registry
            .client
            .patch(registry.app.url(&format!("/api/v1/centres/{id}")))
            .bearer_auth(&token)
            .json(&body)
            .send()
    };
    assert_eq!(
        patch(&mine["id"], json!({ "version": 1, "phone": "12345678" }))
            .await
            .unwrap()
            .status(),
        200
    );
    assert_eq!(
        patch(&mine["id"], json!({ "version": 2, "postal_code": "0015" }))
            .await
            .unwrap()
            .status(),
        403
    );
    assert_eq!(
        patch(
            &mine["id"],
            json!({ "version": 2, "external_cost_centre": "K9" })
        )
        .await
        .unwrap()
        .status(),
        403
    );
    assert_eq!(
        patch(&theirs["id"], json!({ "version": 1, "phone": "12345678" }))
            .await
            .unwrap()
            .status(),
        403
    );
    let list: Value = registry
        .client
        .get(registry.app.url("/api/v1/centres"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(list["total"], 1);
    assert_eq!(list["items"][0]["number"], mine["number"]);
}

#[tokio::test]
async fn regional_unit_sees_only_its_region() {
    let registry = Registry::new().await;
    let operator = registry.operator("Hero").await;
    registry
        .centre(operator, "Oslo asylmottak", "03", json!({}))
        .await;
    let (_, bergen) = registry
        .centre(
            operator,
            "Bergen asylmottak",
            "12",
            json!({ "municipality_number": "4601", "postal_code": "5003" }),
        )
        .await;
    let vest = registry.app.create_user("vest", Role::UdiRegion).await;
    let token = registry.app.token_for(&vest).await;
    let list: Value = registry
        .client
        .get(registry.app.url("/api/v1/centres?region=ØST"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(list["total"], 1);
    assert_eq!(list["items"][0]["id"], bergen["id"]);
    let oslo = registry
        .client
        .get(registry.app.url("/api/v1/centres/1"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(oslo.status(), 403);
}

#[tokio::test]
async fn centre_list_filters_sorts_and_pages() {
    let registry = Registry::new().await;
    let operator = registry.operator("Hero").await;
    for name in ["Cedar asylmottak", "Alder asylmottak", "Birch asylmottak"] {
        registry.centre(operator, name, "03", json!({})).await;
    }
    registry
        .centre(
            operator,
            "Transit asylmottak transitt",
            "03",
            json!({ "category": "transit" }),
        )
        .await;
    let (_, page) = registry
        .get("/api/v1/centres?category=ordinary&sort=name&per_page=2")
        .await;
    assert_eq!(page["total"], 3);
    let names: Vec<&str> = page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|item| item["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Alder asylmottak", "Birch asylmottak"]);
    let (_, second) = registry
        .get("/api/v1/centres?category=ordinary&sort=name&per_page=2&page=2")
        .await;
    assert_eq!(second["items"][0]["name"], "Cedar asylmottak");
    let (_, search) = registry.get("/api/v1/centres?q=birch").await;
    assert_eq!(search["total"], 1);
    let (status, body) = registry.get("/api/v1/centres?sort=size").await;
    assert_eq!((status, body["field"].clone()), (400, json!("sort")));
}

#[tokio::test]
async fn r_reg_2_change_of_operator_gives_a_new_number_and_links_the_history() {
    let registry = Registry::new().await;
    let old_operator = registry.operator("Hero").await;
    let new_operator = registry.operator("Norlandia").await;
    let (_, created) = registry
        .centre(
            old_operator,
            "Oslo asylmottak",
            "03",
            json!({ "external_cost_centre": "K1" }),
        )
        .await;
    let path = format!("/api/v1/centres/{}/lifecycle", created["id"]);
    let request = json!({ "operation": "change_operator", "operator_id": new_operator, "new_name": "Grorud asylmottak", "version": 1 });
    let (_, preview) = registry
        .post(&format!("{path}/preview"), request.clone())
        .await;
    assert_eq!(preview["new_number"], "0302");
    let (status, outcome) = registry.post(&path, request).await;
    assert_eq!(status, 200, "{outcome}");
    assert_eq!(outcome["new_number"], "0302");
    assert!(outcome["consequences_en"].as_array().unwrap().len() >= 3);

    let (_, old) = registry
        .get(&format!("/api/v1/centres/{}", created["id"]))
        .await;
    assert_eq!(old["status"], "closed");
    assert_eq!(
        old["history"].as_array().unwrap().last().unwrap()["related_number"],
        "0302"
    );
    let (_, new) = registry
        .get(&format!("/api/v1/centres/{}", outcome["new_centre_id"]))
        .await;
    assert_eq!(new["name"], "Grorud asylmottak");
    assert_eq!(new["operator"]["id"], new_operator);
    assert_eq!(new["predecessor_id"], created["id"]);
    assert_eq!(
        new["accounting"]["external_cost_centre"],
        Value::Null,
        "accounting data is never copied"
    );
    // The closed number is never given again.
    let (_, next) = registry
        .centre(old_operator, "Neste asylmottak", "03", json!({}))
        .await;
    assert_eq!(next["number"], "0303");
}

#[tokio::test]
async fn r_reg_2_rename_reopen_and_close_keep_the_number() {
    let registry = Registry::new().await;
    let operator = registry.operator("Hero").await;
    let (_, created) = registry
        .centre(operator, "Oslo asylmottak", "03", json!({}))
        .await;
    let path = format!("/api/v1/centres/{}/lifecycle", created["id"]);
    let (status, renamed) = registry
        .post(
            &path,
            json!({ "operation": "rename", "new_name": "Tøyen asylmottak", "version": 1 }),
        )
        .await;
    assert_eq!(status, 200, "{renamed}");
    assert_eq!(renamed["new_number"], Value::Null);
    assert_eq!(
        registry
            .post(&path, json!({ "operation": "close", "version": 2 }))
            .await
            .0,
        200
    );
    assert_eq!(
        registry
            .post(&path, json!({ "operation": "close", "version": 3 }))
            .await
            .0,
        400
    );
    assert_eq!(
        registry
            .post(&path, json!({ "operation": "reopen", "version": 3 }))
            .await
            .0,
        200
    );
    let (_, centre) = registry
        .get(&format!("/api/v1/centres/{}", created["id"]))
        .await;
    assert_eq!(
        (
            centre["number"].clone(),
            centre["status"].clone(),
            centre["name"].clone()
        ),
        (json!("0301"), json!("open"), json!("Tøyen asylmottak"))
    );
    assert_eq!(centre["history"].as_array().unwrap().len(), 4);
}

#[tokio::test]
async fn r_reg_2_adding_a_place_type_keeps_the_old_number_open() {
    let registry = Registry::new().await;
    let operator = registry.operator("Hero").await;
    let (_, created) = registry
        .centre(operator, "Oslo asylmottak", "03", json!({}))
        .await;
    let (status, outcome) = registry
        .post(&format!("/api/v1/centres/{}/lifecycle", created["id"]), json!({ "operation": "add_place_type", "place_type": "reinforced", "new_name": "Oslo asylmottak FA", "version": 1 }))
        .await;
    assert_eq!(status, 200, "{outcome}");
    let (_, old) = registry
        .get(&format!("/api/v1/centres/{}", created["id"]))
        .await;
    assert_eq!(old["status"], "open");
    let (_, new) = registry
        .get(&format!("/api/v1/centres/{}", outcome["new_centre_id"]))
        .await;
    assert_eq!(new["place_type"], "reinforced");
}

#[tokio::test]
async fn r_reg_9_address_list_is_public_and_lists_open_centres_only() {
    let registry = Registry::new().await;
    let operator = registry.operator("Hero").await;
    registry
        .centre(
            operator,
            "Oslo asylmottak",
            "03",
            json!({ "phone": "22000000", "leader": "Kari Leder" }),
        )
        .await;
    let (_, closed) = registry
        .centre(operator, "Stengt asylmottak", "03", json!({}))
        .await;
    registry
        .post(
            &format!("/api/v1/centres/{}/lifecycle", closed["id"]),
            json!({ "operation": "close", "version": 1 }),
        )
        .await;
    let list: Value = reqwest::get(registry.app.url("/api/v1/address-list"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(list.as_array().unwrap().len(), 1);
    assert_eq!(list[0]["name"], "Oslo asylmottak");
    assert!(!list.to_string().contains("Kari Leder"), "no personal data");
    let csv = reqwest::get(registry.app.url("/address-list.csv"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(csv.starts_with('\u{feff}'));
    assert!(csv.contains("Oslo asylmottak;"));
}

#[tokio::test]
async fn import_dry_run_lists_bad_rows_and_refuses_to_import_any_until_asked_for_valid_only() {
    let registry = Registry::new().await;
    let operators = format!(
        "dro_number;name;organisation_number;experienced\nDRO1500;Gammel Drift AS;{ORGANISATION_NUMBER};ja\nDRO1501;Feil AS;123;nei\n"
    );
    let send = |kind: &str, mode: &str, text: String| {
        registry
            .client
            .post(
                registry
                    .app
                    .url(&format!("/api/v1/import/{kind}?mode={mode}")),
            )
            .bearer_auth(&registry.token)
            .header("content-type", "text/csv")
            .body(text)
            .send()
    };
    let dry: Value = send("operators", "dry_run", operators.clone())
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        (
            dry["rows"].clone(),
            dry["valid_rows"].clone(),
            dry["imported"].clone()
        ),
        (json!(2), json!(1), json!(0))
    );
    assert_eq!(dry["details"][0]["line"], 3);
    assert_eq!(
        dry["details"][0]["errors"][0]["field"],
        "organisation_number"
    );
    let refused = send("operators", "all", operators.clone()).await.unwrap();
    assert_eq!(refused.status(), 400);
    assert_eq!(
        registry
            .get("/api/v1/operators")
            .await
            .1
            .as_array()
            .unwrap()
            .len(),
        0
    );
    let partial: Value = send("operators", "valid_only", operators)
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(partial["imported"], 1);

    let centres = "number;name;category;municipality_number;postal_code;operator_dro\n0350;Gamle asylmottak;ordinary;0301;0010;DRO1500\n0351;Feil asylmottak;ordinary;0301;0010;DRO9999\n".to_owned();
    let report: Value = send("centres", "valid_only", centres)
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(report["imported"], 1, "{report}");
    let failed: Vec<&Value> = report["details"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|row| !row["errors"].as_array().unwrap().is_empty())
        .collect();
    assert_eq!(failed.len(), 1);
    assert_eq!(
        (
            failed[0]["line"].clone(),
            failed[0]["errors"][0]["field"].clone()
        ),
        (json!(3), json!("operator_dro"))
    );
    let (_, list) = registry.get("/api/v1/centres?q=0350").await;
    assert_eq!(list["items"][0]["region"], "ØST");
}

#[tokio::test]
async fn old_county_mapping_is_imported_by_an_admin_and_silences_the_series_warning() {
    let registry = Registry::new().await;
    let operator = registry.operator("Hero").await;
    let (_, before) = registry
        .centre(operator, "Oslo asylmottak", "03", json!({}))
        .await;
    assert!(
        before["warnings"].to_string().contains("county"),
        "{before}"
    );
    let udi_try = registry
        .client
        .post(registry.app.url("/api/v1/import/old_counties?mode=all"))
        .bearer_auth(&registry.token)
        .header("content-type", "text/csv")
        .body("0301;03\n")
        .send()
        .await
        .unwrap();
    assert_eq!(udi_try.status(), 403);
    let admin = registry.app.create_user("admin", Role::Admin).await;
    let admin_token = registry.app.token_for(&admin).await;
    let imported: Value = registry
        .client
        .post(
            registry
                .app
                .url("/api/v1/import/old_counties?mode=all&valid_from=2020-01-01"),
        )
        .bearer_auth(&admin_token)
        .header("content-type", "text/csv")
        .body("municipality;county\n0301;03\n5055;15\n5055;16\n")
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(imported["imported"], 3, "{imported}");
    let (_, after) = registry
        .centre(operator, "Tøyen asylmottak", "03", json!({}))
        .await;
    assert_eq!(after["warnings"], json!([]));
    let (_, elsewhere) = registry
        .centre(operator, "Feil asylmottak", "12", json!({}))
        .await;
    assert!(
        !elsewhere["warnings"].as_array().unwrap().is_empty(),
        "series 12 for an Oslo centre warns"
    );
}

#[tokio::test]
async fn r_log_4_operators_and_regions_see_the_events_of_their_own_centres_only() {
    let registry = Registry::new().await;
    let own = registry.operator("Hero").await;
    let other = registry.operator("Andre").await;
    registry
        .centre(own, "Oslo asylmottak", "03", json!({}))
        .await;
    registry
        .centre(
            other,
            "Bergen asylmottak",
            "12",
            json!({ "municipality_number": "4601", "postal_code": "5003" }),
        )
        .await;
    let search = |token: String| {
        let client = registry.client.clone();
        let url = registry.app.url("/api/v1/events?entity_type=centre");
        async move {
            let events: Vec<Value> = client
                .get(url)
                .bearer_auth(token)
                .send()
                .await
                .unwrap()
                .json()
                .await
                .unwrap();
            events
                .iter()
                .map(|event| event["entity_id"].as_str().unwrap().to_owned())
                .collect::<Vec<_>>()
        }
    };
    let operator_user = registry
        .app
        .create_user_in("drift", Role::Operator, None, Some("DRO1000"), None)
        .await;
    assert_eq!(
        search(registry.app.token_for(&operator_user).await).await,
        ["0301"]
    );
    let vest = registry.app.create_user("vest", Role::UdiRegion).await;
    assert_eq!(search(registry.app.token_for(&vest).await).await, ["1201"]);
    let municipal = registry
        .app
        .create_user("kommune", Role::Municipality)
        .await;
    assert!(
        search(registry.app.token_for(&municipal).await)
            .await
            .is_empty()
    );
}

#[tokio::test]
async fn concurrent_registrations_get_distinct_first_free_numbers() {
    let registry = Registry::new().await;
    let operator = registry.operator("Hero").await;
    let requests = (0..20).map(|index| {
        let registry = &registry;
        async move {
            let (_, body) = registry
                .centre(
                    operator,
                    &format!("Sted{index} asylmottak"),
                    "03",
                    json!({ "phone": format!("22 11 11 {index:02}") }),
                )
                .await;
            body["number"].as_str().map(str::to_owned)
        }
    });
    let mut numbers: Vec<String> = futures_util::future::join_all(requests)
        .await
        .into_iter()
        .map(|number| number.expect("every registration succeeds"))
        .collect();
    numbers.sort();
    let expected: Vec<String> = (1..=20).map(|running| format!("03{running:02}")).collect();
    assert_eq!(numbers, expected);
    // Concurrent changes of different centres: more writers than pool connections.
    let (_, list) = registry.get("/api/v1/centres?per_page=200").await;
    let updates = list["items"].as_array().unwrap().iter().map(|item| {
        let request = registry
            .client
            .patch(registry.app.url(&format!("/api/v1/centres/{}", item["id"])))
            .json(&json!({ "version": 1, "phone": "22 22 22 22" }));
        registry.send(request)
    });
    let statuses: Vec<u16> = futures_util::future::join_all(updates)
        .await
        .into_iter()
        .map(|(status, _)| status)
        .collect();
    assert_eq!(statuses, vec![200; 20]);
    assert!(registry.app.store.verify_event_chain().await.is_ok());
}
