//! The agreement form (SPEC §4): meal tiers (R-AGR-8), index regulation (R-AGR-9) and payment
//! terms (R-AGR-10) registered through the page, and the edit page with its version.

#![allow(clippy::inconsistent_digit_grouping)] // øre written as kroner_øre
use mottak_domain::access::Role;
use serde_json::{Value, json};

use crate::agreements::main_agreement;
use crate::registry::Registry;

/// An operator with one centre, and a UDI browser.
async fn setup() -> (Registry, i64, i64, reqwest::Client) {
    let registry = Registry::new().await;
    let operator = registry.operator("Hero Norge AS").await;
    let (status, centre) = registry
        .centre(operator, "Hvalstad asylmottak", "03", json!({}))
        .await;
    assert_eq!(status, 201, "{centre}");
    let udi = registry.app.create_user("udi.form", Role::UdiAdm).await;
    let browser = registry.app.login(&udi).await;
    (registry, operator, centre["id"].as_i64().unwrap(), browser)
}

/// A canteen unit with two meal tiers (none paid for the first 205, then kr 101,03), regulated
/// by the CPI from the defaults, and rent paid quarterly in advance.
fn canteen_form(operator: &str) -> Vec<(&str, &str)> {
    vec![
        ("operator_id", operator),
        ("kind", "H"),
        ("name", ""),
        ("signed", "01.11.2025"),
        ("operation_start", "01.01.2026"),
        ("valid_from", "01.01.2026"),
        ("valid_to", "01.01.2028"),
        ("notice_period_months", "3"),
        ("u0.include", "1"),
        ("u0.canteen", "1"),
        ("u0.fixed_places", "350"),
        ("u0.fixed_annual_operating", "12 000 000"),
        ("u0.fixed_annual_rent", "2 400 000,00"),
        ("u0.fixed_annual_rent.payment.period", "quarterly"),
        ("u0.fixed_annual_rent.payment.in_advance", "1"),
        ("u0.rows", "3"),
        ("u0.t0.priority", "1"),
        ("u0.t0.kind", "unit_price"),
        ("u0.t0.places", "30"),
        ("u0.t0.price", "450,00"),
        ("u0.meal_rows", "2"),
        ("u0.m0.priority", "1"),
        ("u0.m0.persons", "205"),
        ("u0.m0.price", "0"),
        ("u0.m1.priority", "2"),
        ("u0.m1.persons", "0"),
        ("u0.m1.price", "101,03"),
        ("u0.regulated", "1"),
        ("u0.regulation.month", "8"),
        ("u0.regulation.percent", "100"),
        ("u0.regulation.lag_months", "2"),
    ]
}

/// The main agreement of `agreements.rs`, through the API; its id.
async fn stored_agreement(registry: &Registry, operator: i64, centre: i64) -> i64 {
    let (status, created) = registry
        .post("/api/v1/agreements", main_agreement(operator, centre))
        .await;
    assert_eq!(status, 201, "{created}");
    created["id"].as_i64().unwrap()
}

async fn agreement_of(registry: &Registry, centre: i64) -> Value {
    let (status, list) = registry
        .get(&format!("/api/v1/agreements?centre_id={centre}"))
        .await;
    assert_eq!(status, 200, "{list}");
    list[0].clone()
}

#[tokio::test]
async fn r_agr_8_9_10_form_registers_meal_tiers_regulation_and_quarterly_payment() {
    let (registry, operator, centre, browser) = setup().await;
    let app = &registry.app;
    let path = format!("/agreements/new?operator_id={operator}");
    let form = app.page(&browser, &path).await;
    assert!(
        form.contains("name=\"u0.m0.priority\" value=\"1\""),
        "next free meal priority"
    );
    assert!(form.contains("name=\"u0.regulation.month\" type=\"text\" value=\"8\""));
    let operator_text = operator.to_string();
    let created = app
        .submit(
            &browser,
            &path,
            "/agreements/new",
            &canteen_form(&operator_text),
        )
        .await;
    assert_eq!(created.status(), 303);
    let unit = &agreement_of(&registry, centre).await["units"][0];
    let meals = &unit["meal_tiers"];
    assert_eq!(meals.as_array().unwrap().len(), 2, "{unit}");
    assert_eq!(
        (
            meals[0]["persons"].clone(),
            meals[0]["price"]["amount"].clone()
        ),
        (json!(205), json!(0))
    );
    assert_eq!(
        (
            meals[1]["persons"].clone(),
            meals[1]["price"]["amount"].clone()
        ),
        (json!(0), json!(101_03))
    );
    assert_eq!(
        meals[0]["price"]["regulation"],
        Value::Null,
        "a price of 0 is not regulated"
    );
    let regulation = &meals[1]["price"]["regulation"];
    assert_eq!(
        (
            regulation["month"].clone(),
            regulation["percent"].clone(),
            regulation["lag_months"].clone()
        ),
        (json!(8), json!(100), json!(2))
    );
    assert_eq!(regulation["base_date"], "2026-01-01");
    assert_eq!(regulation["first_date"], "2027-08-01");
    assert_eq!(unit["unit_tiers"][0]["price"]["regulation"]["month"], 8);
    let rent = &unit["fixed_annual_rent"];
    assert_eq!(rent["amount"], 2_400_000_00_i64);
    assert_eq!(
        rent["payment"],
        json!({"in_advance": true, "period": "quarterly", "first_date": "2026-01-01"})
    );
    assert_eq!(
        unit["fixed_annual_operating"]["payment"]["period"],
        "monthly"
    );
}

#[tokio::test]
async fn meal_tier_errors_are_shown_beside_their_fields_with_the_input_kept() {
    let (registry, operator, _, browser) = setup().await;
    let app = &registry.app;
    let path = format!("/agreements/new?operator_id={operator}");
    let operator_text = operator.to_string();
    let mut fields = canteen_form(&operator_text);
    fields.retain(|(name, _)| *name != "u0.canteen");
    fields.push(("u0.m1.priority", "1"));
    fields.retain(|(name, value)| !(*name == "u0.m1.priority" && *value == "2"));
    let refused = app
        .submit(&browser, &path, "/agreements/new", &fields)
        .await;
    assert_eq!(refused.status(), 400);
    let body = refused.text().await.unwrap();
    assert!(
        body.contains("id=\"u0.meal_tiers-error\""),
        "no canteen: beside the meal tiers"
    );
    assert!(
        body.contains("id=\"u0.m1.priority-error\""),
        "a repeated meal priority: beside it"
    );
    assert!(body.contains("value=\"101,03\""), "typed value kept");
    assert!(
        body.contains("<details class=\"ds-details\" open>"),
        "the meal tiers shown"
    );
    fields.retain(|(name, _)| *name != "u0.m0.persons");
    fields.push(("u0.m0.persons", "mange"));
    fields.push(("u0.canteen", "1"));
    let refused = app
        .submit(&browser, &path, "/agreements/new", &fields)
        .await;
    let body = refused.text().await.unwrap();
    assert!(
        body.contains("id=\"u0.m0.persons-error\""),
        "not a number: beside it"
    );
    assert!(body.contains("value=\"mange\""));
}

/// The edit form's fields as the page shows them, every prefilled value kept.
fn form_values(html: &str) -> Vec<(String, String)> {
    let mut fields = Vec::new();
    for input in html.split("<input").skip(1) {
        let tag = input.split('>').next().unwrap_or_default();
        let attribute = |name: &str| {
            let marker = format!("{name}=\"");
            tag.split(&marker)
                .nth(1)
                .map(|rest| rest.split('"').next().unwrap().to_owned())
        };
        let Some(name) = attribute("name") else {
            continue;
        };
        let is_box = tag.contains("type=\"checkbox\"");
        if name == "csrf" || (is_box && !tag.contains(" checked")) {
            continue;
        }
        fields.push((name, attribute("value").unwrap_or_default()));
    }
    for select in html.split("<select").skip(1) {
        let name = select
            .split("name=\"")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap();
        let selected = select
            .split("</select>")
            .next()
            .unwrap()
            .split("<option value=\"")
            .find(|option| option.contains(" selected"))
            .map(|option| option.split('"').next().unwrap().to_owned());
        if let Some(value) = selected {
            fields.push((name.to_owned(), value));
        }
    }
    fields
}

fn set(fields: &mut Vec<(String, String)>, name: &str, value: &str) {
    fields.retain(|(field, _)| field != name);
    fields.push((name.to_owned(), value.to_owned()));
}

fn as_pairs(fields: &[(String, String)]) -> Vec<(&str, &str)> {
    fields
        .iter()
        .map(|(name, value)| (name.as_str(), value.as_str()))
        .collect()
}

#[tokio::test]
async fn edit_page_is_prefilled_and_an_edit_of_a_tier_price_is_a_new_version() {
    let (registry, operator, centre, browser) = setup().await;
    let app = &registry.app;
    let id = stored_agreement(&registry, operator, centre).await;
    let agreement_page = app.page(&browser, &format!("/agreements/{id}")).await;
    assert!(
        agreement_page.contains(&format!("href=\"/agreements/{id}/edit\"")),
        "Endre"
    );
    let path = format!("/agreements/{id}/edit");
    let form = app.page(&browser, &path).await;
    assert!(form.contains("name=\"version\" value=\"1\""));
    assert!(form.contains("name=\"valid_to\" type=\"text\" value=\"01.01.2028\""));
    assert!(form.contains("name=\"u0.t0.price\" value=\"450,00\""));
    assert!(
        form.contains("name=\"u0.fixed_annual_operating\" type=\"text\" value=\"12000000,00\"")
    );
    assert!(form.contains("id=\"u0.regulated\" name=\"u0.regulated\" value=\"1\" checked"));
    let mut fields = form_values(&form);
    set(&mut fields, "u0.t0.price", "475,50");
    let saved = app.submit(&browser, &path, &path, &as_pairs(&fields)).await;
    assert_eq!(saved.status(), 303);
    assert_eq!(saved.headers()["location"], format!("/agreements/{id}"));
    let (_, stored) = registry.get(&format!("/api/v1/agreements/{id}")).await;
    assert_eq!(stored["version"], 2);
    assert_eq!(stored["name"], "Hvalstad asylmottak");
    let unit = &stored["units"][0];
    assert_eq!(unit["unit_tiers"][0]["price"]["amount"], 475_50);
    assert_eq!(
        unit["unit_tiers"][1]["places"], 0,
        "the over-occupancy tier kept"
    );
    assert_eq!(unit["fixed_annual_rent"]["amount"], 2_400_000_00_i64);
    assert_eq!(unit["standby_places"], 20);
    let (_, versions) = registry
        .get(&format!("/api/v1/agreements/{id}/versions"))
        .await;
    assert_eq!(
        versions[0]["agreement"]["units"][0]["unit_tiers"][0]["price"]["amount"],
        450_00
    );
}

#[tokio::test]
async fn a_stale_version_is_409_with_the_conflict_at_the_top_and_the_input_kept() {
    let (registry, operator, centre, browser) = setup().await;
    let app = &registry.app;
    let id = stored_agreement(&registry, operator, centre).await;
    let path = format!("/agreements/{id}/edit");
    let mut fields = form_values(&app.page(&browser, &path).await);
    let mut elsewhere = main_agreement(operator, centre);
    elsewhere["version"] = json!(1);
    elsewhere["remark"] = json!("Endret i mellomtiden");
    let (status, _) = registry
        .put(&format!("/api/v1/agreements/{id}"), elsewhere)
        .await;
    assert_eq!(status, 200);
    set(&mut fields, "remark", "Min endring");
    let refused = app.submit(&browser, &path, &path, &as_pairs(&fields)).await;
    assert_eq!(refused.status(), 409);
    let body = refused.text().await.unwrap();
    assert!(body.contains("ds-error-summary"), "the conflict at the top");
    assert!(body.contains("Noen andre har endret avtalen"));
    assert!(body.contains("value=\"Min endring\""), "typed value kept");
    assert!(
        body.contains("name=\"version\" value=\"2\""),
        "saving again replaces knowingly"
    );
    let (_, stored) = registry.get(&format!("/api/v1/agreements/{id}")).await;
    assert_eq!(stored["remark"], "Endret i mellomtiden");
}

#[tokio::test]
async fn an_operator_may_not_open_the_edit_page() {
    let (registry, operator, centre, _) = setup().await;
    let app = &registry.app;
    let id = stored_agreement(&registry, operator, centre).await;
    let user = app.create_user("operator.form", Role::Operator).await;
    let browser = app.login(&user).await;
    let response = browser
        .get(app.url(&format!("/agreements/{id}/edit")))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 403);
}

#[tokio::test]
async fn r_agr_9_an_edit_through_the_form_keeps_the_regulated_current_price() {
    let (registry, operator, centre, browser) = setup().await;
    let app = &registry.app;
    let id = stored_agreement(&registry, operator, centre).await;
    let admin = app.create_user("admin.cpi", Role::Admin).await;
    let cpi = reqwest::Client::new()
        .put(app.url("/api/v1/reference/cpi"))
        .bearer_auth(app.token_for(&admin).await)
        .header("content-type", "text/csv")
        .body("month;index\n2025-11;130,0\n2027-06;136,5\n")
        .send()
        .await
        .unwrap();
    assert_eq!(cpi.status(), 200);
    let (status, run) = registry
        .post("/api/v1/agreements/regulate", json!({"date": "2027-08-01"}))
        .await;
    assert_eq!(status, 200, "{run}");
    let path = format!("/agreements/{id}/edit");
    let form = app.page(&browser, &path).await;
    assert!(
        form.contains("name=\"u0.fixed_annual_rent\" type=\"text\" value=\"2400000,00\""),
        "the amount as agreed"
    );
    let mut fields = form_values(&form);
    set(&mut fields, "u0.t0.price", "460,00");
    let saved = app.submit(&browser, &path, &path, &as_pairs(&fields)).await;
    assert_eq!(saved.status(), 303);
    let (_, stored) = registry.get(&format!("/api/v1/agreements/{id}")).await;
    let rent = &stored["units"][0]["fixed_annual_rent"];
    assert_eq!(
        (rent["current"].clone(), rent["regulated_on"].clone()),
        (json!(2_520_000_00_i64), json!("2027-08-01")),
        "{stored}"
    );
}

#[tokio::test]
async fn r_agr_8_form_takes_tiers_pasted_from_excel_with_a_header_and_decimal_commas() {
    let (registry, operator, centre, browser) = setup().await;
    let app = &registry.app;
    let path = format!("/agreements/new?operator_id={operator}");
    let operator_text = operator.to_string();
    let mut form: Vec<(&str, &str)> = canteen_form(&operator_text)
        .into_iter()
        .filter(|(name, _)| !name.starts_with("u0.t0.") && !name.starts_with("u0.m"))
        .collect();
    form.push((
        "u0.t_paste",
        "Prioritet\tType\tPlasser\tPris\r\n1\tstykkpris\t30\t450,50\r\n2\tstykkpris\t0\t1 234,00\r\n",
    ));
    form.push(("u0.m_paste", "prioritet;personer;pris\n1;0;101,03\n"));
    let created = app.submit(&browser, &path, "/agreements/new", &form).await;
    assert_eq!(created.status(), 303, "{}", created.text().await.unwrap());
    let unit = &agreement_of(&registry, centre).await["units"][0];
    assert_eq!(unit["unit_tiers"][0]["price"]["amount"], 450_50);
    assert_eq!(unit["unit_tiers"][1]["price"]["amount"], 1234_00);
    assert_eq!(unit["unit_tiers"][1]["places"], 0);
    assert_eq!(unit["meal_tiers"][0]["price"]["amount"], 101_03);
}

/// The messages beside a page's fields (`id="…-error">message</div>`).
pub fn field_messages(html: &str) -> Vec<String> {
    html.split("-error\">")
        .skip(1)
        .filter_map(|rest| {
            rest.split_once("</div>")
                .map(|(text, _)| text.trim().to_owned())
        })
        .collect()
}

/// English words that a bokmål message would not hold.
pub fn assert_no_english(messages: &[String]) {
    assert!(!messages.is_empty(), "the page shows its errors");
    for message in messages {
        let words = format!(" {} ", message.to_lowercase());
        for english in [
            " must ",
            " the ",
            " is ",
            " unknown ",
            " one of ",
            " already ",
        ] {
            assert!(
                !words.contains(english),
                "English on a Norwegian page: {message}"
            );
        }
    }
}

#[tokio::test]
async fn every_error_of_a_refused_agreement_form_is_in_bokmal() {
    let (registry, operator, _centre, browser) = setup().await;
    let app = &registry.app;
    let path = format!("/agreements/new?operator_id={operator}");
    let operator_text = operator.to_string();
    let mut fields = canteen_form(&operator_text);
    for (name, value) in [
        ("valid_to", "01.01.2025"),
        ("notice_period_months", "500"),
        ("u0.fixed_annual_rent", "mye"),
        ("u0.t0.places", "tretti"),
        ("u0.m1.priority", "1"),
        ("u0.regulation.month", "13"),
        ("u0.regulation.percent", "5000"),
    ] {
        fields.retain(|(field, _)| *field != name);
        fields.push((name, value));
    }
    let refused = app
        .submit(&browser, &path, "/agreements/new", &fields)
        .await;
    assert_eq!(refused.status(), 400);
    let messages = field_messages(&refused.text().await.unwrap());
    assert!(messages.len() >= 4, "{messages:?}");
    assert_no_english(&messages);
}
