//! The work calendar (SPEC §6 work views): the month of open tasks by due day, and the
//! iCalendar feed behind a revocable link, with the scope of "my tasks".

use mottak_domain::access::Role;
use serde_json::Value;

use crate::authorization::{agreement_target, registry_targets};
use crate::helpers::{TestApp, spawn_app};

/// A centre in VEST with its first main agreement, and so its opening and new-centre plans.
async fn centre_with_plans(app: &TestApp) -> i64 {
    let (centre, operator) = registry_targets(app).await;
    agreement_target(app, centre, operator).await;
    centre
}

async fn feed(app: &TestApp, url: &str) -> (u16, String, String) {
    let path = url.split_once("/feeds/").map(|(_, rest)| rest).unwrap();
    let response = reqwest::get(app.url(&format!("/feeds/{path}")))
        .await
        .unwrap();
    let status = response.status().as_u16();
    let kind = response
        .headers()
        .get("content-type")
        .map(|value| value.to_str().unwrap().to_owned())
        .unwrap_or_default();
    (status, kind, response.text().await.unwrap())
}

#[tokio::test]
async fn spec_6_the_feed_has_each_dated_task_as_an_all_day_event_until_it_is_revoked() {
    let app = spawn_app().await;
    centre_with_plans(&app).await;
    let west = app.create_user("region.vest", Role::UdiRegion).await;
    let token = app.token_for(&west).await;
    let (_, tasks) = app.api(&token).get("/api/v1/tasks").await;
    let dated: Vec<&Value> = tasks
        .as_array()
        .unwrap()
        .iter()
        .filter(|task| !task["due"].is_null())
        .collect();
    assert!(!dated.is_empty());

    let (status, link) = app
        .api(&token)
        .post("/api/v1/calendar-feed", &Value::Null)
        .await;
    assert_eq!(status, 201, "{link}");
    let url = link["url"].as_str().unwrap().to_owned();
    assert!(
        url.ends_with(".ics") && url.contains("/feeds/mcf_"),
        "{url}"
    );
    let (status, kind, ics) = feed(&app, &url).await;
    assert_eq!(status, 200, "{ics}");
    assert!(kind.starts_with("text/calendar"), "{kind}");
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\n"), "{ics}");
    assert_eq!(ics.matches("BEGIN:VEVENT").count(), dated.len(), "{ics}");
    let first = dated[0];
    let day = first["due"].as_str().unwrap().replace('-', "");
    assert!(
        ics.contains(&format!("DTSTART;VALUE=DATE:{day}")),
        "an all-day event on the due day: {ics}"
    );
    let next = chrono::NaiveDate::parse_from_str(first["due"].as_str().unwrap(), "%Y-%m-%d")
        .unwrap()
        .succ_opt()
        .unwrap()
        .format("%Y%m%d")
        .to_string();
    assert!(
        ics.contains(&format!("DTEND;VALUE=DATE:{next}")),
        "it ends, exclusively, the next day: {ics}"
    );
    assert!(
        ics.contains(&format!(
            "UID:task-{}-{}@mottak",
            first["plan_id"], first["position"]
        )),
        "{ics}"
    );
    assert!(
        ics.contains("Bergen asylmottak"),
        "the centre is named: {ics}"
    );

    // A new link revokes the old one; revoking the new one leaves none.
    let (_, second) = app
        .api(&token)
        .post("/api/v1/calendar-feed", &Value::Null)
        .await;
    let second = second["url"].as_str().unwrap().to_owned();
    assert_eq!(feed(&app, &url).await.0, 404, "the old link stops working");
    assert_eq!(feed(&app, &second).await.0, 200);
    let (status, _) = app
        .api(&token)
        .send(
            app.api(&token)
                .request(reqwest::Method::DELETE, "/api/v1/calendar-feed"),
        )
        .await;
    assert_eq!(status, 204);
    assert_eq!(feed(&app, &second).await.0, 404);
    let (status, _) = app
        .api(&token)
        .send(
            app.api(&token)
                .request(reqwest::Method::DELETE, "/api/v1/calendar-feed"),
        )
        .await;
    assert_eq!(status, 404, "nothing left to revoke");
    assert_eq!(
        feed(&app, "/feeds/mcf_not-a-token.ics").await.0,
        404,
        "a guessed link finds nothing"
    );
}

#[tokio::test]
async fn spec_6_a_feed_keeps_its_owners_scope_and_stops_when_the_owner_is_disabled() {
    let app = spawn_app().await;
    centre_with_plans(&app).await;
    let east = app
        .create_user_in("region.east", Role::UdiRegion, Some("ØST"), None, None)
        .await;
    let east_token = app.token_for(&east).await;
    let (_, link) = app
        .api(&east_token)
        .post("/api/v1/calendar-feed", &Value::Null)
        .await;
    let url = link["url"].as_str().unwrap().to_owned();
    let (status, _, ics) = feed(&app, &url).await;
    assert_eq!(status, 200);
    assert!(
        !ics.contains("BEGIN:VEVENT"),
        "VEST's tasks are not ØST's: {ics}"
    );

    let admin = app.token_of_new("admin.feed", Role::Admin).await;
    let (status, body) = app
        .api(&admin)
        .patch(
            &format!("/api/v1/users/{}", east.id),
            &serde_json::json!({ "disabled": true, "version": 1 }),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(
        feed(&app, &url).await.0,
        404,
        "a disabled user's link is dead"
    );
}

#[tokio::test]
async fn spec_6_the_month_shows_each_task_on_its_due_day_in_iso_weeks() {
    let app = spawn_app().await;
    centre_with_plans(&app).await;
    let west = app.create_user("region.vest", Role::UdiRegion).await;
    let token = app.token_for(&west).await;
    let (_, tasks) = app.api(&token).get("/api/v1/tasks").await;
    let first = tasks
        .as_array()
        .unwrap()
        .iter()
        .find(|task| !task["due"].is_null())
        .unwrap()
        .clone();
    let due = first["due"].as_str().unwrap();
    let browser = app.login(&west).await;
    let html = app
        .page(&browser, &format!("/tasks/calendar?month={}", &due[..7]))
        .await;
    let cell = html
        .split(&format!("id=\"day-{due}\""))
        .nth(1)
        .and_then(|rest| rest.split("</td>").next())
        .unwrap_or_else(|| panic!("no cell for {due}: {html}"));
    assert!(
        cell.contains(&format!(
            "/plans/{}#task-{}",
            first["plan_id"], first["position"]
        )),
        "{cell}"
    );
    assert!(html.contains("<th scope=\"col\">Mandag</th>"), "{html}");
    assert!(
        cell.matches("href=\"/plans/").count() <= 3,
        "a day shows its first three: {cell}"
    );
    let same_day: Vec<&Value> = tasks
        .as_array()
        .unwrap()
        .iter()
        .filter(|task| task["due"] == due)
        .collect();
    let list = app
        .page(
            &browser,
            &format!("/tasks/calendar?month={}&day={due}", &due[..7]),
        )
        .await;
    let list = list
        .split("id=\"day-list\"")
        .nth(1)
        .unwrap_or_else(|| panic!("no day list: {list}"));
    for task in &same_day {
        let link = format!("/plans/{}#task-{}", task["plan_id"], task["position"]);
        assert!(list.contains(&link), "{link} in {list}");
    }

    let bad = browser
        .get(app.url("/tasks/calendar?month=2026-13"))
        .send()
        .await
        .unwrap();
    assert_eq!(bad.status(), 400);
    let bad = bad.text().await.unwrap();
    assert!(
        bad.contains("href=\"#month\""),
        "the summary links to the field: {bad}"
    );
    assert!(
        bad.contains("value=\"2026-13\""),
        "the input is kept: {bad}"
    );
}

#[tokio::test]
async fn spec_6_the_calendar_page_makes_a_link_shown_once_and_turns_it_off() {
    let app = spawn_app().await;
    let west = app.create_user("region.vest", Role::UdiRegion).await;
    let browser = app.login(&west).await;
    let html = app.page(&browser, "/tasks/calendar").await;
    assert!(html.contains("id=\"feed-none\""), "{html}");
    let made = app
        .submit(&browser, "/tasks/calendar", "/tasks/calendar/feed", &[])
        .await;
    assert_eq!(made.status(), 200);
    let made = made.text().await.unwrap();
    let url = made
        .split("id=\"feed-url\" type=\"text\" readonly value=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap_or_else(|| panic!("no link shown: {made}"))
        .to_owned();
    assert_eq!(feed(&app, &url).await.0, 200);
    let again = app.page(&browser, "/tasks/calendar").await;
    assert!(again.contains("id=\"feed-since\""), "{again}");
    assert!(!again.contains(&url), "the link is shown once");
    let off = app
        .submit(
            &browser,
            "/tasks/calendar",
            "/tasks/calendar/feed/revoke",
            &[],
        )
        .await;
    assert_eq!(off.status(), 200);
    assert!(
        off.text()
            .await
            .unwrap()
            .contains("Kalenderlenken er slått av.")
    );
    assert_eq!(feed(&app, &url).await.0, 404);
}
