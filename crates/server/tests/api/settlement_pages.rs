//! The settlement pages (SPEC §7): IMDi registers an agreement and sends a request and an offer;
//! the municipality registers and approves its decision and answers the offer; every error is
//! shown beside its field with the input kept.

use mottak_domain::access::Role;

use crate::helpers::spawn_app;
use crate::settlement::haile;

#[tokio::test]
async fn r_auth_3_imdi_registers_an_agreement_on_its_page_and_errors_stay_beside_the_fields() {
    let app = spawn_app().await;
    let imdi = app.create_user("imdi.page", Role::Imdi).await;
    let browser = app.login(&imdi).await;
    let register = |signed_on: &'static str| {
        let fields = [
            ("municipality_number", "0301"),
            ("version", "2026"),
            ("signed_on", signed_on),
            ("ends_on", ""),
        ];
        let (app, browser) = (&app, &browser);
        async move {
            app.submit(
                browser,
                "/settlement/agreements",
                "/settlement/agreements",
                &fields,
            )
            .await
        }
    };
    let response = register("31.02.2026").await;
    assert_eq!(response.status(), 400);
    let html = response.text().await.unwrap();
    assert!(html.contains("id=\"signed_on-error\""), "{html}");
    assert!(html.contains("value=\"31.02.2026\""));
    assert!(html.contains("href=\"#signed_on\""));

    let response = register("01.11.2026").await;
    assert_eq!(response.status(), 303);
    let response = app
        .submit(
            &browser,
            "/settlement/agreements",
            "/settlement/agreements/required",
            &[("required_version", "2026")],
        )
        .await;
    assert_eq!(response.status(), 303);
    let html = app.page(&browser, "/settlement/agreements").await;
    assert!(
        html.contains("<td>0301 Oslo</td><td>2026</td><td>01.11.2026</td>"),
        "{html}"
    );
    assert!(html.contains("<strong>2026</strong>"));
}

#[tokio::test]
async fn r_set_3_imdi_offers_a_household_and_the_municipality_decides_and_answers_in_the_browser() {
    let app = spawn_app().await;
    let udi = app.token_of_new("udi.pages", Role::UdiAdm).await;
    haile(&app, &udi).await;
    let imdi = app
        .login(&app.create_user("imdi.flow", Role::Imdi).await)
        .await;
    let kommune = app
        .login(&app.create_user("kommune.flow", Role::Municipality).await)
        .await;
    let request = [
        ("year", "2026"),
        ("municipality_number", "4601"),
        ("persons", "tretti"),
        ("unaccompanied_minors", "2"),
    ];
    let response = app
        .submit(&imdi, "/settlement", "/settlement/requests", &request)
        .await;
    assert_eq!(response.status(), 400);
    let html = response.text().await.unwrap();
    assert!(html.contains("id=\"persons-error\"") && html.contains("value=\"tretti\""));
    let request = [
        ("year", "2026"),
        ("municipality_number", "4601"),
        ("persons", "30"),
        ("unaccompanied_minors", "2"),
    ];
    let response = app
        .submit(&imdi, "/settlement", "/settlement/requests", &request)
        .await;
    assert_eq!(response.status(), 303);

    let html = app.page(&kommune, "/settlement?year=2026").await;
    assert!(html.contains("id=\"own-request\""), "{html}");
    assert!(html.contains("<strong>30</strong>"));
    let decision = [
        ("year", "2026"),
        ("persons", "20"),
        ("unaccompanied_minors", "0"),
    ];
    let response = app
        .submit(
            &kommune,
            "/settlement?year=2026",
            "/settlement/decisions",
            &decision,
        )
        .await;
    assert_eq!(response.status(), 303);
    let (_, rows) = app
        .api(&app.token_of_new("imdi.reader", Role::Imdi).await)
        .get("/api/v1/settlement/requests?year=2026")
        .await;
    let decision_id = rows[0]["decision"]["id"].as_i64().unwrap();
    let response = app
        .submit(
            &kommune,
            "/settlement?year=2026",
            &format!("/settlement/decisions/{decision_id}/approve"),
            &[],
        )
        .await;
    assert_eq!(response.status(), 303);

    let offer = [
        ("year", "2026"),
        ("offer_municipality", "4601"),
        ("household", "haile"),
        ("deadline", "31.01.2099"),
    ];
    let response = app
        .submit(&imdi, "/settlement?year=2026", "/settlement/offers", &offer)
        .await;
    assert_eq!(response.status(), 303);
    let html = app.page(&imdi, "/settlement?year=2026").await;
    assert!(html.contains("<td>31.01.2099</td><td>Åpent</td>"), "{html}");

    let html = app.page(&kommune, "/settlement?year=2026").await;
    assert!(html.contains(" år, Kvinne"), "{html}");
    assert!(!html.contains("Amina"));
    let offer_id = app.store.settlement_offers(2026, None).await.unwrap()[0].id;
    let action = format!("/settlement/offers/{offer_id}/answer");
    let response = app
        .submit(
            &kommune,
            "/settlement?year=2026",
            &action,
            &[("year", "2026"), ("answer", "no"), ("reason", "")],
        )
        .await;
    assert_eq!(response.status(), 400);
    let html = response.text().await.unwrap();
    assert!(
        html.contains("id=\"reason-error\"") && html.contains("href=\"#reason\""),
        "{html}"
    );
    let response = app
        .submit(
            &kommune,
            "/settlement?year=2026",
            &action,
            &[("year", "2026"), ("answer", "yes"), ("reason", "")],
        )
        .await;
    assert_eq!(response.status(), 303);
    let html = app.page(&kommune, "/settlement/report?year=2026").await;
    assert!(
        html.contains("<th scope=\"row\">4601 Bergen</th>"),
        "{html}"
    );
    // Each figure links to the records behind it.
    for (figure, value) in [
        ("requested", 30),
        ("decided", 20),
        ("offered", 2),
        ("accepted", 2),
    ] {
        let link = format!(
            "href=\"/settlement/report/records?year=2026&amp;municipality=4601&amp;figure={figure}\">{value}</a>"
        );
        assert!(html.contains(&link), "{link}: {html}");
    }
    let records = app
        .page(
            &kommune,
            "/settlement/report/records?year=2026&municipality=4601&figure=accepted",
        )
        .await;
    assert!(records.contains("id=\"records-total\""), "{records}");
    assert!(
        records.contains("<td class=\"number\">2</td></tr></tfoot>"),
        "{records}"
    );
    assert!(records.contains("Akseptert"), "{records}");
}

#[tokio::test]
async fn demo_data_lets_the_municipal_logins_in_with_a_request_a_decision_and_an_open_offer() {
    let app = spawn_app().await;
    mottak_server::demo::fill(&app.store).await.unwrap();
    let demo = |username: &str| crate::helpers::TestUser {
        id: 0,
        username: username.to_owned(),
        totp_secret: String::new(),
    };
    let kommune = app.token_for(&demo("kommune")).await;
    let (status, offers) = app.api(&kommune).get("/api/v1/settlement/offers").await;
    assert_eq!(status, 200, "{offers}");
    let offers = offers.as_array().unwrap();
    assert_eq!(offers.len(), 1);
    assert_eq!(offers[0]["status"], "open");
    let (_, own) = app.api(&kommune).get("/api/v1/settlement/requests").await;
    assert_eq!(own[0]["decision"]["approved"], true);
    let admin = app.token_for(&demo("kommune.admin")).await;
    let (status, _) = app.api(&admin).get("/api/v1/users").await;
    assert_eq!(status, 200);
    let imdi = app.token_for(&demo("imdi")).await;
    let (_, all) = app.api(&imdi).get("/api/v1/settlement/requests").await;
    assert_eq!(all.as_array().unwrap().len(), 4);
    let (_, report) = app.api(&imdi).get("/api/v1/settlement/report").await;
    assert_eq!(report["national"]["accepted"], 2);
    assert_eq!(report["national"]["settled"], 1);
}
