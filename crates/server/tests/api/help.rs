//! The user guide at /help (issue 17 item 12): in the user's language, with a section per role,
//! and every page's help link opening the section of the signed-in user's role.

use mottak_domain::access::Role;

use crate::helpers::{browser, spawn_app};

#[tokio::test]
async fn the_guide_opens_at_the_role_and_speaks_the_users_language() {
    let app = spawn_app().await;
    let anonymous = browser();
    let html = app.page(&anonymous, "/help").await;
    assert!(html.contains("<h1>Brukerveiledning</h1>"), "{html}");
    assert!(html.contains("<h2 id=\"operator\">"), "{html}");
    assert!(
        html.contains("href=\"/help\""),
        "the help link without a login"
    );

    let operator = app.create_user("operator.help", Role::Operator).await;
    let signed_in = app.login(&operator).await;
    let start = app.page(&signed_in, "/").await;
    assert!(
        start.contains("id=\"help-link\" href=\"/help#operator\""),
        "{start}"
    );
    signed_in.get(app.url("/language/en")).send().await.unwrap();
    let english = app.page(&signed_in, "/help").await;
    assert!(english.contains("<h1>User guide</h1>"), "{english}");
    assert!(english.contains("<h2 id=\"kommune\">"), "{english}");
    assert!(
        !english.contains("Brukerveiledning"),
        "no bokmål left in English"
    );

    let status = anonymous
        .get(app.url("/help/screenshots/none.png"))
        .send()
        .await
        .unwrap()
        .status();
    assert_eq!(status, 404);
}
