//! The CSV import of requests (R-SET-1): all or nothing, every bad row named by its line, in the
//! API and on the page.

use mottak_domain::access::Role;

use crate::helpers::spawn_app;
use crate::settlement::settlement;

#[tokio::test]
async fn r_set_1_requests_import_for_all_municipalities_all_or_nothing() {
    let app = spawn_app().await;
    let people = settlement(&app).await;
    let api = app.api(&people.imdi);
    let import = |text: &'static str| {
        let request = api
            .request(reqwest::Method::POST, "/api/v1/settlement/requests/csv")
            .header("content-type", "text/csv")
            .body(text);
        let api = &api;
        async move { api.send(request).await }
    };
    let (status, body) = import("2026;4601;120;10\n2026;9999;5;0\n2026;0301;x;0\n").await;
    assert_eq!(status, 400, "{body}");
    let fields: Vec<&str> = body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|error| error["field"].as_str())
        .collect();
    assert_eq!(fields, ["lines[3].persons"], "the rows are read first");
    let (status, body) = import("2026;4601;120;10\n2026;9999;5;0\n").await;
    assert_eq!(status, 400);
    assert_eq!(body["errors"][0]["field"], "lines[2].municipality_number");
    let (_, requests) = api.get("/api/v1/settlement/requests?year=2026").await;
    assert_eq!(requests.as_array().unwrap().len(), 0, "nothing stored");

    let (status, body) = import(
        "year;municipality_number;persons;unaccompanied_minors\r\n2026;4601;120;10\r\n2026;0301;300;0\r\n",
    )
    .await;
    assert_eq!(status, 201, "{body}");
    assert_eq!(body["ids"].as_array().unwrap().len(), 2);
    let (_, requests) = app
        .api(&people.bergen)
        .get("/api/v1/settlement/requests?year=2026")
        .await;
    assert_eq!(requests[0]["persons"], 120, "{requests}");
    let (status, body) = import("2026;0301;1;0\n2027;0301;1;0\n").await;
    assert_eq!(status, 400);
    assert_eq!(body["errors"][0]["field"], "lines[1].year", "{body}");
    assert_eq!(body["errors"].as_array().unwrap().len(), 1);
    let (status, _) = app
        .api(&people.bergen)
        .request(reqwest::Method::POST, "/api/v1/settlement/requests/csv")
        .header("content-type", "text/csv")
        .body("2028;4601;1;0")
        .send()
        .await
        .map(|response| (response.status().as_u16(), ()))
        .unwrap();
    assert_eq!(status, 403);
}

#[tokio::test]
async fn r_set_1_imdi_pastes_requests_on_the_page_and_sees_every_bad_line() {
    let app = spawn_app().await;
    let imdi = app.create_user("imdi.import", Role::Imdi).await;
    let browser = app.login(&imdi).await;
    let html = app.page(&browser, "/settlement?year=2026").await;
    assert!(html.contains("href=\"/settlement/requests/import\""));
    let post = |text: &'static str| {
        let (app, browser) = (&app, &browser);
        async move {
            let page = app.page(browser, "/settlement/requests/import").await;
            let csrf = crate::helpers::csrf_token(&page);
            let form = reqwest::multipart::Form::new()
                .text("csrf", csrf)
                .text("text", text);
            browser
                .post(app.url("/settlement/requests/import"))
                .multipart(form)
                .send()
                .await
                .unwrap()
        }
    };
    let response = post("2026;4601;120;10\n2026;4601;5;0\n2026;0301;3;4\n").await;
    assert_eq!(response.status(), 400);
    let html = response.text().await.unwrap();
    assert!(html.contains("Linje 2, Kommunenummer"), "{html}");
    assert!(
        html.contains("Linje 3, Herav enslige mindreårige"),
        "{html}"
    );
    assert!(html.contains("2026;4601;5;0"), "the text is kept");
    let response = post("2026;4601;120;10\n2026;0301;3;0\n").await;
    assert_eq!(response.status(), 200);
    let html = response.text().await.unwrap();
    assert!(html.contains("id=\"import-stored\""), "{html}");
    assert!(html.contains(": 2</p>"));
}

#[tokio::test]
async fn r_set_7_the_report_downloads_as_csv_with_the_national_figures_last() {
    let app = spawn_app().await;
    let people = settlement(&app).await;
    let (status, _) = app
        .api(&people.imdi)
        .send(
            app.api(&people.imdi)
                .request(reqwest::Method::POST, "/api/v1/settlement/requests/csv")
                .header("content-type", "text/csv")
                .body("2026;4601;120;10\n2026;0301;300;0\n"),
        )
        .await;
    assert_eq!(status, 201);
    let imdi = app.create_user("imdi.report", Role::Imdi).await;
    let browser = app.login(&imdi).await;
    let html = app.page(&browser, "/settlement/report?year=2026").await;
    assert!(html.contains("href=\"/settlement/report/csv?year=2026\""));
    // The chart writes each figure beside its bar: readable without colour.
    assert!(html.contains("id=\"report-chart\""), "{html}");
    assert!(html.contains(">420</text>"), "{html}");
    assert!(
        html.contains("width=\"280\""),
        "the largest figure fills the bar"
    );
    let response = browser
        .get(app.url("/settlement/report/csv?year=2026"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let text = response.text().await.unwrap();
    assert!(text.starts_with('\u{feff}'), "{text}");
    let lines: Vec<&str> = text.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(
        lines[0],
        "year;municipality_number;requested;decided;offered;accepted;settled"
    );
    assert!(lines.contains(&"2026;4601;120;0;0;0;0"), "{text}");
    assert_eq!(lines.last(), Some(&"2026;national;420;0;0;0;0"), "{text}");
    // The same table as a workbook (R-SET-7's spreadsheet export).
    assert!(html.contains("href=\"/settlement/report/xlsx?year=2026\""));
    let response = browser
        .get(app.url("/settlement/report/xlsx?year=2026"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(
        response.headers()["content-type"],
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    );
    let bytes = response.bytes().await.unwrap();
    assert_eq!(&bytes[..2], b"PK", "an XLSX workbook is a zip archive");
    let status = browser
        .get(app.url("/settlement/report/pdf?year=2026"))
        .send()
        .await
        .unwrap()
        .status();
    assert_eq!(status, 404);
}
