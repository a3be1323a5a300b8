//! The municipality's dashboard (R-SET-3): the year's request and decision, and the open offers
//! to answer with their deadlines; other roles see no such panel.

use mottak_domain::access::Role;

use crate::helpers::spawn_app;
use crate::settlement::{haile, settlement};
use crate::settlement_letters::offer_haile;

#[tokio::test]
async fn r_set_3_the_municipality_sees_its_decision_and_the_offers_to_answer_on_its_dashboard() {
    let app = spawn_app().await;
    let people = settlement(&app).await;
    let caseworker = app
        .create_user_in("bergen.dash", Role::Municipality, None, None, Some("4601"))
        .await;
    let browser = app.login(&caseworker).await;
    let html = app.page(&browser, "/").await;
    assert!(html.contains("id=\"dash-settlement\""), "{html}");
    assert!(html.contains("Ingen åpne tilbud."), "{html}");

    haile(&app, &people.udi).await;
    let id = offer_haile(&app, &people).await;
    let html = app.page(&browser, "/").await;
    assert!(
        html.contains("<dd id=\"dash-decision\">10 personer – Godkjent</dd>"),
        "{html}"
    );
    assert!(
        html.contains(&format!(
            "#h-offer-{id}\">{id}</a></td><td>2</td><td>31.01.2099</td>"
        )),
        "{html}"
    );

    let imdi = app.create_user("imdi.dash", Role::Imdi).await;
    let html = app.page(&app.login(&imdi).await, "/").await;
    assert!(!html.contains("id=\"dash-settlement\""));
}
