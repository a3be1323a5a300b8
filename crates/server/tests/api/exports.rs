//! Lists as downloads (issue 17 item 10): the centre list, the operator list and the event log
//! search as CSV (`;`, byte order mark) and XLSX, holding what the list shows for the same
//! filters and scope, with names beside numbers.

use mottak_domain::access::Role;
use serde_json::json;

use crate::helpers::TestApp;
use crate::registry::Registry;

async fn text_of(app: &TestApp, browser: &reqwest::Client, path: &str) -> String {
    let response = browser.get(app.url(path)).send().await.unwrap();
    assert_eq!(response.status(), 200, "{path}");
    response.text().await.unwrap()
}

fn csv_lines(text: &str) -> Vec<String> {
    assert!(
        text.starts_with('\u{feff}'),
        "a byte order mark first: {text}"
    );
    text.trim_start_matches('\u{feff}')
        .lines()
        .map(str::to_owned)
        .collect()
}

#[tokio::test]
async fn the_centre_list_downloads_with_its_filters_and_the_municipality_name() {
    let registry = Registry::new().await;
    let operator = registry.operator("Hero").await;
    for name in ["Alder asylmottak", "Birch asylmottak"] {
        let (status, body) = registry.centre(operator, name, "03", json!({})).await;
        assert_eq!(status, 201, "{body}");
    }
    let app = &registry.app;
    let udi = app.create_user("udi.export", Role::UdiAdm).await;
    let browser = app.login(&udi).await;
    let html = app.page(&browser, "/centres?q=birch").await;
    assert!(
        html.contains("href=\"/centres/export/xlsx?q=birch\""),
        "the download keeps the search: {html}"
    );
    let text = text_of(app, &browser, "/centres/export/csv?q=birch").await;
    let lines = csv_lines(&text);
    assert_eq!(
        lines[0],
        "Mottaksnummer;Navn;Mottakskategori;Plasstype;Status;Region;Kommunenummer;Kommune;Driftsoperatør;DRO-nummer"
    );
    assert_eq!(lines.len(), 2, "only the searched centre: {text}");
    assert!(lines[1].contains(";Birch asylmottak;"), "{text}");
    assert!(lines[1].contains(";0301;Oslo;Hero;DRO"), "{text}");

    let response = browser
        .get(app.url("/centres/export/xlsx"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert!(
        response.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .contains("mottak.xlsx")
    );
    assert_eq!(&response.bytes().await.unwrap()[..2], b"PK");
    let status = browser
        .get(app.url("/centres/export/json"))
        .send()
        .await
        .unwrap()
        .status();
    assert_eq!(status, 404, "only csv and xlsx");
}

#[tokio::test]
async fn a_region_downloads_only_its_own_centres() {
    let registry = Registry::new().await;
    let operator = registry.operator("Hero").await;
    let (status, body) = registry
        .centre(operator, "Oslo asylmottak", "03", json!({}))
        .await;
    assert_eq!(status, 201, "{body}");
    let app = &registry.app;
    let west = app.create_user("region.export", Role::UdiRegion).await;
    let browser = app.login(&west).await;
    let text = text_of(app, &browser, "/centres/export/csv").await;
    assert_eq!(csv_lines(&text).len(), 1, "the header alone: {text}");
}

#[tokio::test]
async fn the_operator_list_and_the_event_search_download_in_words() {
    let registry = Registry::new().await;
    registry.operator("Hero").await;
    let app = &registry.app;
    let udi = app.create_user("udi.operators", Role::UdiAdm).await;
    let browser = app.login(&udi).await;
    assert!(
        app.page(&browser, "/operators")
            .await
            .contains("href=\"/operators/export/csv\"")
    );
    let text = text_of(app, &browser, "/operators/export/csv").await;
    let lines = csv_lines(&text);
    assert!(lines[0].starts_with("DRO-nummer;Navn;Organisasjonsnummer;"));
    assert!(lines[1].starts_with("DRO1000;Hero;974760673;Ja;"), "{text}");

    let html = app.page(&browser, "/events?entity_type=operator").await;
    assert!(
        html.contains("<option value=\"operator\" selected>Driftsoperatør</option>"),
        "the entity type is a choice: {html}"
    );
    let text = text_of(app, &browser, "/events/export/csv?entity_type=operator").await;
    let lines = csv_lines(&text);
    assert_eq!(
        lines[0],
        "#;Tidspunkt;Utført av;Rolle;Handling;Gjelder;Endring;Fra"
    );
    assert!(
        lines.iter().any(|line| line.contains(";Driftsoperatør: ")),
        "the action in words: {text}"
    );
    assert!(
        lines
            .iter()
            .any(|line| line.contains(";Driftsoperatør Hero (DRO1000);")),
        "the operator by its name and number: {text}"
    );
    let status = browser
        .get(app.url("/events/export/csv?from=yesterday"))
        .send()
        .await
        .unwrap()
        .status();
    assert_eq!(status, 400, "a bad date is refused, not ignored");
}
