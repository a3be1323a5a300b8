//! The consumer price index (R-AGR-9): `PUT /api/v1/reference/cpi` and the CPI page.

use mottak_domain::access::Role;
use mottak_domain::cpi::CpiIndex;
use mottak_domain::dates::{Month, parse_date};
use mottak_domain::event_log::EventDomain;
use mottak_domain::money::Ore;
use mottak_domain::regulation::Regulation;
use mottak_store::cpi::RegulationRecord;
use mottak_store::events::{Actor, NewEvent};
use serde_json::Value;

use crate::client::Api;
use crate::helpers::{TestApp, csrf_token, spawn_app};

async fn put_cpi(api: &Api<'_>, query: &str, body: &str) -> (u16, Value) {
    api.send(
        api.request(
            reqwest::Method::PUT,
            &format!("/api/v1/reference/cpi{query}"),
        )
        .header("content-type", "text/csv")
        .body(body.to_owned()),
    )
    .await
}

/// A regulation that used `month` as its new index month, as a regulation run records it.
async fn record_regulation_using(app: &TestApp, month: &str) {
    let month = Month::parse(month).unwrap();
    let index = CpiIndex::parse("136.4").unwrap();
    let regulation = Regulation {
        agreement_id: 1,
        path: "units[0].fixed_annual_rent".to_owned(),
        date: parse_date("2025-08-01").unwrap(),
        before: Ore(10_000),
        after: Ore(10_400),
        base_month: month.add_months(-12).unwrap(),
        index_base: index,
        new_month: month,
        index_new: index,
    };
    let mut tx = app.store.begin_write().await.unwrap();
    tx.record_regulation(RegulationRecord {
        regulation: &regulation,
        run_id: "test",
    })
    .await
    .unwrap();
    tx.record(NewEvent::new(
        &Actor::system("test"),
        EventDomain::Registry,
        "agreement.regulated",
        "agreement",
        1,
    ))
    .await
    .unwrap();
    tx.commit().await.unwrap();
}

#[tokio::test]
async fn r_agr_9_cpi_rows_are_stored_and_replaced() {
    let app = spawn_app().await;
    let api = app.api(&app.token_of_new("udi", Role::UdiAdm).await);

    let (status, body) = put_cpi(&api, "", "month;index\n2025-06;136,4\n2025-07\t137.1\n").await;
    assert_eq!((status, body["months"].as_u64()), (200, Some(2)));
    let (status, _) = put_cpi(&api, "", "2025-07;137.2\n2025-08;137.9\n").await;
    assert_eq!(status, 200);

    let table = app.store.cpi_table().await.unwrap();
    let stored: Vec<(String, String)> = table
        .iter()
        .map(|(month, index)| (month.to_string(), index.to_string()))
        .collect();
    assert_eq!(
        stored,
        vec![
            ("2025-06".to_owned(), "136.4".to_owned()),
            ("2025-07".to_owned(), "137.2".to_owned()),
            ("2025-08".to_owned(), "137.9".to_owned()),
        ]
    );
}

#[tokio::test]
async fn r_agr_9_every_bad_row_is_named() {
    let app = spawn_app().await;
    let api = app.api(&app.token_of_new("admin", Role::Admin).await);

    let (status, body) = put_cpi(&api, "", "2025-13;136.4\n2025-06;1,2345\n2025-07;137\n").await;

    assert_eq!(status, 400);
    assert_eq!(body["field"], "lines[1].month");
    let fields: Vec<&str> = body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|error| error["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, vec!["lines[1].month", "lines[2].index"]);
    assert!(
        app.store.cpi_table().await.unwrap().is_empty(),
        "nothing stored"
    );
}

#[tokio::test]
async fn r_agr_9_replacing_a_used_month_needs_an_admins_confirmation() {
    let app = spawn_app().await;
    let udi = app.api(&app.token_of_new("udi", Role::UdiAdm).await);
    let admin = app.api(&app.token_of_new("admin", Role::Admin).await);
    put_cpi(&udi, "", "2025-06;136.4\n").await;
    record_regulation_using(&app, "2025-06").await;

    // The same value again changes nothing and is fine.
    assert_eq!(put_cpi(&udi, "", "2025-06;136.4\n").await.0, 200);
    let (status, body) = put_cpi(&udi, "?confirm=true", "2025-06;140\n").await;
    assert_eq!((status, body["field"].as_str()), (409, Some("2025-06")));
    let (status, body) = put_cpi(&admin, "", "2025-06;140\n2025-07;141\n").await;
    assert_eq!((status, body["field"].as_str()), (409, Some("2025-06")));
    assert!(body["detail"].as_str().unwrap().contains("confirm=true"));

    let (status, _) = put_cpi(&admin, "?confirm=true", "2025-06;140\n").await;
    assert_eq!(status, 200);
    let index = app
        .store
        .cpi_table()
        .await
        .unwrap()
        .index(Month::parse("2025-06").unwrap());
    assert_eq!(index.unwrap().to_string(), "140.0");
}

#[tokio::test]
async fn r_agr_9_an_import_is_an_event() {
    let app = spawn_app().await;
    let api = app.api(&app.token_of_new("udi", Role::UdiAdm).await);
    put_cpi(&api, "", "2025-06;136.4\n").await;

    let (status, body) = app
        .api(&app.token_of_new("root", Role::Admin).await)
        .get("/api/v1/events?entity_type=reference_data&entity_id=cpi")
        .await;
    assert_eq!(status, 200, "{body}");
    let text = body.to_string();
    assert!(text.contains("reference.cpi_imported"), "{text}");
}

/// Posts the CPI page's form as a browser does: multipart, with the page's CSRF token.
async fn submit_cpi_form(
    app: &TestApp,
    client: &reqwest::Client,
    text: &str,
    file: Option<&str>,
) -> reqwest::Response {
    let csrf = csrf_token(&app.page(client, "/reference/cpi").await);
    let mut form = reqwest::multipart::Form::new()
        .text("csrf", csrf)
        .text("text", text.to_owned());
    if let Some(file) = file {
        let part = reqwest::multipart::Part::bytes(file.as_bytes().to_vec())
            .file_name("kpi.csv")
            .mime_str("text/csv")
            .unwrap();
        form = form.part("file", part);
    }
    client
        .post(app.url("/reference/cpi"))
        .multipart(form)
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn r_agr_9_cpi_page_shows_months_and_row_errors_in_the_users_language() {
    let app = spawn_app().await;
    let user = app.create_user("udi", Role::UdiAdm).await;
    let client = app.login(&user).await;

    let response = submit_cpi_form(&app, &client, "2025-06;136,4\n2025-07;x\n", None).await;
    assert_eq!(response.status(), 400);
    let html = response.text().await.unwrap();
    assert!(html.contains("Linje 2: indeksen må være et tall"), "{html}");
    assert!(html.contains("2025-07;x"), "the form keeps what was typed");
    assert!(html.contains("aria-invalid=\"true\""));

    let response = submit_cpi_form(&app, &client, "", Some("month;index\n2025-06;136,4\n")).await;
    assert_eq!(response.status(), 200);
    let html = response.text().await.unwrap();
    assert!(html.contains("id=\"cpi-stored\""), "{html}");
    assert!(html.contains("<td>2025-06</td><td>136,4</td>"), "{html}");
}

#[tokio::test]
async fn r_agr_9_cpi_page_refuses_a_form_without_its_csrf_token() {
    let app = spawn_app().await;
    let user = app.create_user("udi", Role::UdiAdm).await;
    let client = app.login(&user).await;
    let form = reqwest::multipart::Form::new().text("text", "2025-06;136,4");
    let response = client
        .post(app.url("/reference/cpi"))
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 403);
    assert!(app.store.cpi_table().await.unwrap().is_empty());
}
