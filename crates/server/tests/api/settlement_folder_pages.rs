//! The folder page (R-SET-6, R-SET-5): the centre enters the folder and the settlement date in
//! the browser, with errors beside the fields; the municipality sees the folder after its yes.

use mottak_domain::access::Role;

use crate::helpers::spawn_app;
use crate::settlement::settlement;
use crate::settlement_folders::{living_at_the_centre, yes_from_4601};

#[tokio::test]
async fn r_set_6_the_centre_enters_the_folder_and_the_municipality_reads_it_after_its_yes() {
    let app = spawn_app().await;
    let people = settlement(&app).await;
    let (members, _) = living_at_the_centre(&app, &people.udi).await;
    let page = format!("/residents/{}/folder", members[0]);
    let operator = app
        .login(&app.create_user("operator.page", Role::Operator).await)
        .await;
    let long = "x".repeat(4001);
    let mut fields = vec![
        ("education", "upper secondary"),
        ("languages", "tigrinja, arabic"),
        ("health_needs", long.as_str()),
    ];
    let response = app.submit(&operator, &page, &page, &fields).await;
    assert_eq!(response.status(), 400);
    let html = response.text().await.unwrap();
    assert!(html.contains("id=\"health_needs-error\"") && html.contains("upper secondary"));
    fields[2] = ("health_needs", "asthma");
    let response = app.submit(&operator, &page, &page, &fields).await;
    assert_eq!(response.status(), 303);

    let kommune = app
        .login(&app.create_user("kommune.folder", Role::Municipality).await)
        .await;
    let html = app.page(&kommune, &page).await;
    assert!(
        html.contains("id=\"folder-hidden\"") && !html.contains("asthma"),
        "{html}"
    );
    yes_from_4601(&app, &people.imdi, &people.bergen).await;
    let html = app.page(&kommune, &page).await;
    assert!(
        html.contains("asthma") && html.contains("tigrinja, arabic"),
        "{html}"
    );
    let overview = app.page(&kommune, "/settlement?year=2026").await;
    assert!(overview.contains(&format!("href=\"{page}\"")), "{overview}");

    let action = format!("/residents/{}/settlement", members[0]);
    let response = app
        .submit(&operator, &page, &action, &[("date", "01.01.2026")])
        .await;
    assert_eq!(response.status(), 409);
    assert!(response.text().await.unwrap().contains("id=\"date-error\""));
    let today = mottak_domain::calendar::norwegian_date(chrono::Utc::now());
    let typed = today.format("%d.%m.%Y").to_string();
    let response = app
        .submit(&operator, &page, &action, &[("date", typed.as_str())])
        .await;
    assert_eq!(response.status(), 303);
    let html = app.page(&operator, &page).await;
    assert!(
        html.contains(&format!("id=\"settled-on\">Bosatt: {typed}")),
        "{html}"
    );
}
