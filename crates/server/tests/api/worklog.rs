//! The activity log of a centre (R-PLN-3): logged by the centre's regional unit, one timeline
//! newest first, edits guarded by their version, every invalid field named, another region and
//! operators refused, exportable as CSV and PDF, and kept from the page with its form.

use mottak_domain::access::Role;
use serde_json::{Value, json};

use crate::authorization::{agreement_target, registry_targets};
use crate::client::problem;
use crate::helpers::{TestApp, spawn_app};

fn entry(date: &str, kind: &str, summary: &str) -> Value {
    json!({
        "date": date,
        "kind": kind,
        "participants": ["Kari Nordmann (UDI Vest)", "Ola Hansen (mottaksleder)"],
        "summary": summary,
        "follow_ups": [{"text": "Send kontaktpunktoversikten", "due": "2026-01-20"}]
    })
}

async fn region_token(app: &TestApp) -> String {
    app.token_of_new("region.vest", Role::UdiRegion).await
}

#[tokio::test]
async fn r_pln_3_a_region_logs_activities_and_reads_them_newest_first() {
    let app = spawn_app().await;
    let (centre, _) = registry_targets(&app).await;
    let api = app.api(&region_token(&app).await);
    let path = format!("/api/v1/centres/{centre}/log");
    let (status, first) = api
        .post(&path, &entry("2026-01-10", "call", "Ukentlig telefon"))
        .await;
    assert_eq!(status, 201, "{first}");
    assert_eq!(first["version"], 1);
    assert_eq!(first["follow_ups"][0]["position"], 1);
    assert_eq!(first["follow_ups"][0]["done"], false);
    let (_, visit) = api
        .post(&path, &entry("2026-01-15", "visit", "Besøk ved mottaket"))
        .await;
    let (_, same_day) = api
        .post(
            &path,
            &entry("2026-01-10", "meeting", "Møte med vertskommunen"),
        )
        .await;

    let (status, log) = api.get(&path).await;
    assert_eq!(status, 200);
    let ids: Vec<&Value> = log.as_array().unwrap().iter().map(|e| &e["id"]).collect();
    assert_eq!(ids, [&visit["id"], &same_day["id"], &first["id"]]);

    let national = app.token_of_new("udi.staff", Role::UdiAdm).await;
    let (status, read) = app.api(&national).get(&path).await;
    assert_eq!(status, 200);
    assert_eq!(read.as_array().unwrap().len(), 3);
    let (status, _) = app
        .api(&national)
        .post(&path, &entry("2026-01-11", "call", "x"))
        .await;
    assert_eq!(
        status, 403,
        "UDI's administrative staff read the log, they do not keep it"
    );

    let events = app
        .store
        .search_events(&mottak_store::events::EventQuery {
            entity_type: Some("log_entry".into()),
            ..mottak_store::events::EventQuery::default()
        })
        .await
        .unwrap();
    let created: Vec<_> = events
        .iter()
        .filter(|event| event.action == "log_entry.created")
        .collect();
    assert_eq!(created.len(), 3);
    assert_eq!(created[0].domain, "plans");
}

#[tokio::test]
async fn r_pln_3_an_edit_with_a_stale_version_is_409_and_a_follow_up_can_be_done() {
    let app = spawn_app().await;
    let (centre, _) = registry_targets(&app).await;
    let api = app.api(&region_token(&app).await);
    let path = format!("/api/v1/centres/{centre}/log");
    let (_, created) = api
        .post(&path, &entry("2026-01-10", "call", "Telefon"))
        .await;
    let id = created["id"].as_i64().unwrap();
    let mut body = entry("2026-01-10", "call", "Telefon med mottaksleder");
    body["version"] = json!(1);
    let (status, edited) = api.put(&format!("{path}/{id}"), &body).await;
    assert_eq!(status, 200, "{edited}");
    assert_eq!(edited["version"], 2);
    assert_eq!(edited["summary"], "Telefon med mottaksleder");

    let (status, stale) = api.put(&format!("{path}/{id}"), &body).await;
    assert_eq!(status, 409, "{stale}");
    assert_eq!(stale["field"], "version");

    let (status, done) = api
        .post(
            &format!("{path}/{id}/follow-ups/1"),
            &json!({"version": 2, "done": true}),
        )
        .await;
    assert_eq!(status, 200, "{done}");
    assert_eq!(done["follow_ups"][0]["done"], true);
    assert_eq!(done["version"], 3);
    let (status, _) = api
        .post(
            &format!("{path}/{id}/follow-ups/1"),
            &json!({"version": 2, "done": false}),
        )
        .await;
    assert_eq!(status, 409);
}

#[tokio::test]
async fn r_pln_3_bad_input_names_every_field() {
    let app = spawn_app().await;
    let (centre, _) = registry_targets(&app).await;
    let token = region_token(&app).await;
    let response = app
        .api(&token)
        .request(
            reqwest::Method::POST,
            &format!("/api/v1/centres/{centre}/log"),
        )
        .json(&json!({
            "date": "10.01.2026",
            "kind": "lunch",
            "participants": [],
            "summary": "",
            "follow_ups": [{"text": "Ring", "due": "2026-02-30"}],
            "plan_id": 1
        }))
        .send()
        .await
        .unwrap();
    let body = problem(response, 400).await;
    assert_eq!(body["field"], "date");
    let fields: Vec<&str> = body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|error| error["field"].as_str().unwrap())
        .collect();
    assert_eq!(
        fields,
        [
            "date",
            "kind",
            "participants",
            "summary",
            "follow_ups[0].due",
            "task_position"
        ]
    );

    let future = app
        .api(&token)
        .post(
            &format!("/api/v1/centres/{centre}/log"),
            &entry("2999-01-01", "call", "x"),
        )
        .await;
    assert_eq!(future.0, 400);
    assert_eq!(future.1["field"], "date");

    let mut unknown = entry("2026-01-10", "call", "x");
    unknown["minutes"] = json!("y");
    let (status, body) = app
        .api(&token)
        .post(&format!("/api/v1/centres/{centre}/log"), &unknown)
        .await;
    assert_eq!(status, 400);
    assert_eq!(body["field"], "minutes");
}

#[tokio::test]
async fn r_pln_3_an_entry_may_document_a_task_of_the_centre_s_plan() {
    let app = spawn_app().await;
    let (centre, operator) = registry_targets(&app).await;
    let agreement = agreement_target(&app, centre, operator).await;
    let centre_record = app.store.centre(centre).await.unwrap();
    let operator_record = app.store.operator(operator).await.unwrap();
    let plan = mottak_server::plans::start_plan_for(
        &app.store,
        &mottak_store::events::Actor::system("test"),
        &centre_record,
        &operator_record,
        "new_centre",
        agreement,
    )
    .await
    .unwrap_or_else(|_| panic!("plan started"));
    let tasks = app.store.plan_tasks(plan).await.unwrap();
    let call = tasks
        .iter()
        .find(|task| task.item_key == "new_centre.weekly_call")
        .unwrap();
    let api = app.api(&region_token(&app).await);
    let path = format!("/api/v1/centres/{centre}/log");
    let mut body = entry("2026-01-10", "call", "Ukentlig telefon, uke 2");
    body["plan_id"] = json!(plan);
    body["task_position"] = json!(call.position);
    let (status, created) = api.post(&path, &body).await;
    assert_eq!(status, 201, "{created}");
    assert_eq!(created["task_position"], call.position);
    let still_open = app.store.plan_tasks(plan).await.unwrap();
    let task = |tasks: &[mottak_store::plans::TaskRecord]| {
        tasks
            .iter()
            .find(|task| task.position == call.position)
            .unwrap()
            .status
            .clone()
    };
    assert_eq!(task(&still_open), "open", "only when asked");
    body["complete_task"] = json!(true);
    let (status, _) = api.post(&path, &body).await;
    assert_eq!(status, 201);
    assert_eq!(task(&app.store.plan_tasks(plan).await.unwrap()), "done");

    body["task_position"] = json!(99_999);
    let (status, refused) = api.post(&path, &body).await;
    assert_eq!(status, 400);
    assert_eq!(refused["field"], "task_position");
}

#[tokio::test]
async fn r_pln_3_another_region_and_operators_are_refused() {
    let app = spawn_app().await;
    let (centre, _) = registry_targets(&app).await;
    let path = format!("/api/v1/centres/{centre}/log");
    let east = app
        .create_user_in("region.ost", Role::UdiRegion, Some("ØST"), None, None)
        .await;
    let east = app.token_for(&east).await;
    assert_eq!(app.api(&east).get(&path).await.0, 403);
    assert_eq!(
        app.api(&east)
            .post(&path, &entry("2026-01-10", "call", "x"))
            .await
            .0,
        403
    );
    assert_eq!(app.api(&east).get(&format!("{path}/csv")).await.0, 403);
    let operator = app.token_of_new("operator.staff", Role::Operator).await;
    assert_eq!(app.api(&operator).get(&path).await.0, 403);
    let imdi = app.token_of_new("imdi.staff", Role::Imdi).await;
    assert_eq!(app.api(&imdi).get(&path).await.0, 403);
}

#[tokio::test]
async fn r_pln_3_the_log_exports_as_csv_and_pdf() {
    let app = spawn_app().await;
    let (centre, _) = registry_targets(&app).await;
    let api = app.api(&region_token(&app).await);
    let path = format!("/api/v1/centres/{centre}/log");
    api.post(&path, &entry("2026-01-10", "call", "Telefon; ukentlig"))
        .await;
    let response = api
        .request(reqwest::Method::GET, &format!("{path}/csv"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert!(
        response.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/csv")
    );
    let csv = response.text().await.unwrap();
    assert!(csv.starts_with('\u{feff}'));
    let lines: Vec<&str> = csv.split("\r\n").collect();
    assert!(lines[0].contains("entry_id;centre_number;date;kind;participants;summary"));
    assert!(lines[1].contains(";2026-01-10;call;Kari Nordmann (UDI Vest), Ola Hansen"));
    assert!(lines[1].contains("\"Telefon; ukentlig\""), "{csv}");
    assert!(
        csv.contains(";1;Send kontaktpunktoversikten;2026-01-20;false"),
        "{csv}"
    );

    let response = api
        .request(reqwest::Method::GET, &format!("{path}/pdf"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-type"], "application/pdf");
    assert!(response.bytes().await.unwrap().starts_with(b"%PDF"));
}

#[tokio::test]
async fn r_pln_3_the_page_keeps_the_input_shows_every_error_and_logs_the_entry() {
    let app = spawn_app().await;
    let (centre, _) = registry_targets(&app).await;
    let user = app.create_user("region.vest", Role::UdiRegion).await;
    let browser = app.login(&user).await;
    let page = format!("/centres/{centre}/log");
    assert!(
        app.page(&browser, &format!("/centres/{centre}"))
            .await
            .contains(&page)
    );
    let response = app
        .submit(
            &browser,
            &page,
            &page,
            &[
                ("date", "31.02.2026"),
                ("kind", "visit"),
                ("participants", ""),
                ("summary", "Besøk og befaring"),
                ("follow_up_2_text", ""),
                ("follow_up_2_due", "01.04.2026"),
            ],
        )
        .await;
    assert_eq!(response.status(), 400);
    let html = response.text().await.unwrap();
    assert!(html.contains("error-summary"), "{html}");
    for field in ["#date", "#participants", "#follow_up_2_text"] {
        assert!(
            html.contains(&format!("href=\"{field}\"")),
            "{field}: {html}"
        );
    }
    assert!(html.contains("Besøk og befaring"), "keeps the input");
    assert!(html.contains("value=\"01.04.2026\""), "keeps the input");

    let response = app
        .submit(
            &browser,
            &page,
            &page,
            &[
                ("date", "12.01.2026"),
                ("kind", "visit"),
                ("participants", "Kari Nordmann\nOla Hansen"),
                ("summary", "Besøk og befaring"),
                ("follow_up_1_text", "Sende referat"),
                ("follow_up_1_due", "20.01.2026"),
            ],
        )
        .await;
    assert_eq!(response.status(), 303);
    let html = app.page(&browser, &page).await;
    assert!(html.contains("12.01.2026 – Besøk"), "{html}");
    assert!(html.contains("Kari Nordmann, Ola Hansen"));
    assert!(html.contains("Sende referat (frist 20.01.2026)"));
    let csv = browser
        .get(app.url(&format!("{page}/csv")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(csv.contains("Sende referat"));
}
