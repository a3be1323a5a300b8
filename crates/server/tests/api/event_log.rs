//! R-LOG-1/2/4: every change is an event; the chain verifies; tampering is detected.

use mottak_domain::access::Role;
use mottak_store::events::{Actor, EventDomain, NewEvent};

use crate::helpers::{TestUser, spawn_app};

#[tokio::test]
async fn every_change_writes_a_chained_event_and_the_chain_verifies() {
    let app = spawn_app().await;
    app.create_user("kari", Role::UdiAdm).await;
    app.create_user("ola", Role::Imdi).await;
    let checked = app.store.verify_event_chain().await.unwrap();
    assert!(checked >= 3, "reference data load and two users");
}

#[tokio::test]
async fn a_changed_event_breaks_the_chain_and_log_verify_names_it() {
    let app = spawn_app().await;
    app.create_user("kari", Role::UdiAdm).await;
    let verify = |url: &str| {
        std::process::Command::new(env!("CARGO_BIN_EXE_mottak"))
            .args(["log", "verify", "--database-url", url])
            .output()
            .unwrap()
    };
    assert!(verify(&app.database_url).status.success());
    app.store
        .tamper_with_event_for_tests(2, "{\"username\":\"mallory\"}")
        .await
        .unwrap();
    let output = verify(&app.database_url);
    assert!(!output.status.success());
    let message = String::from_utf8_lossy(&output.stderr);
    assert!(message.contains("event 2"), "{message}");
}

#[tokio::test]
async fn a_removed_last_event_is_detected() {
    let app = spawn_app().await;
    app.create_user("kari", Role::UdiAdm).await;
    app.store.delete_last_event_for_tests().await.unwrap();
    assert!(app.store.verify_event_chain().await.is_err());
}

#[tokio::test]
async fn security_events_are_visible_to_admins_only() {
    let app = spawn_app().await;
    let admin = app.create_user("admin", Role::Admin).await;
    let udi = app.create_user("udi", Role::UdiAdm).await;
    let client = reqwest::Client::new();
    let search = |token: String| {
        let client = client.clone();
        let url = app.url("/api/v1/events?q=user.created");
        async move {
            let events: Vec<serde_json::Value> = client
                .get(url)
                .bearer_auth(token)
                .send()
                .await
                .unwrap()
                .json()
                .await
                .unwrap();
            events.len()
        }
    };
    assert_eq!(search(app.token_for(&admin).await).await, 2);
    assert_eq!(search(app.token_for(&udi).await).await, 0);
}

#[tokio::test]
async fn event_log_page_searches_by_actor_and_text() {
    let app = spawn_app().await;
    let admin = app.create_user("admin", Role::Admin).await;
    let client = app.login(&admin).await;
    let page = app.page(&client, "/events?actor=admin&q=login").await;
    assert!(page.contains("login.succeeded"), "{page}");
    assert!(!page.contains("reference.loaded"));
}

#[tokio::test]
async fn r_log_1_the_database_refuses_to_change_or_delete_events() {
    let app = spawn_app().await;
    app.create_user("kari", Role::UdiAdm).await;
    assert!(
        app.store
            .try_update_event_summary_for_tests(1, "{}")
            .await
            .is_err()
    );
    assert!(app.store.try_delete_event_for_tests(1).await.is_err());
    assert!(app.store.verify_event_chain().await.is_ok());
}

#[tokio::test]
async fn r_log_1_each_event_links_to_what_it_concerns() {
    let app = spawn_app().await;
    let admin = app.create_user("admin", Role::Admin).await;
    let kari = app.create_user("kari", Role::UdiAdm).await;
    let client = app.login(&admin).await;
    let page = app.page(&client, "/events?q=user.created").await;
    assert!(
        page.contains(&format!("href=\"/admin/users/{}\"", kari.id)),
        "{page}"
    );
}

/// Records an event as a writer of `domain` would, with the scope tags of `tags`.
async fn record(
    app: &crate::helpers::TestApp,
    domain: EventDomain,
    action: &str,
    tags: [Option<&str>; 3],
) {
    let [region, operator, municipality] = tags.map(|tag| tag.map(str::to_owned));
    let mut tx = app.store.begin_write().await.unwrap();
    tx.record(
        NewEvent::new(&Actor::system("test"), domain, action, "case", action)
            .in_region(region)
            .in_operator(operator)
            .in_municipality(municipality),
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
}

/// The actions a user finds in the log through the API, newest first.
async fn actions_seen_by(app: &crate::helpers::TestApp, user: &TestUser) -> Vec<String> {
    let events: Vec<serde_json::Value> = reqwest::Client::new()
        .get(app.url("/api/v1/events"))
        .bearer_auth(app.token_for(user).await)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    events
        .iter()
        .map(|event| event["action"].as_str().unwrap().to_owned())
        .collect()
}

/// One event of each kind: a centre in VEST run by DRO1000, a plan of that centre, settlement
/// in 4601 and in 0301, a registry event tagged with 4601.
async fn events_of_every_domain(app: &crate::helpers::TestApp) {
    let centre = [Some("VEST"), Some("DRO1000"), None];
    record(app, EventDomain::Registry, "centre.created", centre).await;
    record(app, EventDomain::Plans, "plan.created", centre).await;
    let bergen = [None, None, Some("4601")];
    record(app, EventDomain::Settlement, "settlement.bergen", bergen).await;
    record(
        app,
        EventDomain::Settlement,
        "settlement.oslo",
        [None, None, Some("0301")],
    )
    .await;
    record(app, EventDomain::Registry, "registry.bergen", bergen).await;
}

fn seen(actions: &[String], action: &str) -> bool {
    actions.iter().any(|seen| seen == action)
}

#[tokio::test]
async fn r_log_4_imdi_sees_no_registry_events() {
    let app = spawn_app().await;
    events_of_every_domain(&app).await;
    let imdi = app.create_user("imdi", Role::Imdi).await;
    let actions = actions_seen_by(&app, &imdi).await;
    assert!(!seen(&actions, "centre.created"), "{actions:?}");
    assert!(!seen(&actions, "plan.created"), "{actions:?}");
    assert!(!seen(&actions, "reference.loaded"), "{actions:?}");
    assert!(!seen(&actions, "registry.bergen"), "{actions:?}");
    assert!(seen(&actions, "settlement.bergen") && seen(&actions, "settlement.oslo"));
}

#[tokio::test]
async fn r_log_4_udi_adm_sees_registry_and_plans_but_no_settlement() {
    let app = spawn_app().await;
    events_of_every_domain(&app).await;
    let udi = app.create_user("udi", Role::UdiAdm).await;
    let actions = actions_seen_by(&app, &udi).await;
    assert!(seen(&actions, "centre.created") && seen(&actions, "plan.created"));
    assert!(seen(&actions, "registry.bergen"), "{actions:?}");
    assert!(!seen(&actions, "settlement.bergen"), "{actions:?}");
    assert!(!actions.iter().any(|action| action == "user.created"));
}

#[tokio::test]
async fn r_log_4_region_and_operator_see_plans_of_their_centres_but_no_settlement() {
    let app = spawn_app().await;
    events_of_every_domain(&app).await;
    record(
        &app,
        EventDomain::Settlement,
        "settlement.vest",
        [Some("VEST"), Some("DRO1000"), None],
    )
    .await;
    for role in [Role::UdiRegion, Role::Operator] {
        let user = app.create_user(role.code(), role).await;
        let actions = actions_seen_by(&app, &user).await;
        assert_eq!(actions, ["plan.created", "centre.created"], "{role}");
    }
}

#[tokio::test]
async fn r_log_4_municipality_sees_only_its_own_settlement_events() {
    let app = spawn_app().await;
    events_of_every_domain(&app).await;
    let caseworker = app.create_user("saksbehandler", Role::Municipality).await;
    assert_eq!(
        actions_seen_by(&app, &caseworker).await,
        ["settlement.bergen"]
    );
}

#[tokio::test]
async fn r_log_4_municipality_admin_sees_its_own_accounts_and_settlement() {
    let app = spawn_app().await;
    events_of_every_domain(&app).await;
    let admin = app
        .create_user("kommuneadmin", Role::MunicipalityAdmin)
        .await;
    app.create_user_in("oslo", Role::Municipality, None, None, Some("0301"))
        .await;
    let actions = actions_seen_by(&app, &admin).await;
    // Its own account (in 4601) and its settlement, not the caseworker of Oslo.
    assert_eq!(
        actions,
        ["user.created", "settlement.bergen"],
        "{actions:?}"
    );
}

#[tokio::test]
async fn r_log_4_imdi_sees_the_municipal_admin_accounts_it_manages_only() {
    let app = spawn_app().await;
    let imdi = app.create_user("imdi", Role::Imdi).await;
    let managed = app
        .create_user("kommuneadmin", Role::MunicipalityAdmin)
        .await;
    app.create_user("saksbehandler", Role::Municipality).await;
    app.create_user("udi", Role::UdiAdm).await;
    let events: Vec<serde_json::Value> = reqwest::Client::new()
        .get(app.url("/api/v1/events?q=user.created"))
        .bearer_auth(app.token_for(&imdi).await)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let users: Vec<&str> = events
        .iter()
        .map(|event| event["entity_id"].as_str().unwrap())
        .collect();
    assert_eq!(users, [managed.id.to_string()]);
}

#[tokio::test]
async fn r_log_4_event_log_page_shows_imdi_no_registry_events() {
    let app = spawn_app().await;
    events_of_every_domain(&app).await;
    let imdi = app.create_user("imdi", Role::Imdi).await;
    let client = app.login(&imdi).await;
    let page = app.page(&client, "/events").await;
    assert!(page.contains("settlement.oslo"), "{page}");
    assert!(!page.contains("centre.created"), "{page}");
    assert!(!page.contains("login.succeeded"), "{page}");
}

#[tokio::test]
async fn r_log_4_free_text_finds_the_events_of_the_scope_and_no_others() {
    let app = spawn_app().await;
    events_of_every_domain(&app).await;
    record(
        &app,
        EventDomain::Registry,
        "centre.øst",
        [Some("ØST"), Some("DRO1001"), None],
    )
    .await;
    let search = |user: TestUser, text: &'static str| {
        let app = &app;
        async move {
            let events: Vec<serde_json::Value> = reqwest::Client::new()
                .get(app.url(&format!("/api/v1/events?q={text}")))
                .bearer_auth(app.token_for(&user).await)
                .send()
                .await
                .unwrap()
                .json()
                .await
                .unwrap();
            let actions = events.iter().map(|event| event["action"].as_str().unwrap());
            actions.map(str::to_owned).collect::<Vec<_>>()
        }
    };
    let ost = app
        .create_user_in("ost", Role::UdiRegion, Some("ØST"), None, None)
        .await;
    assert_eq!(search(ost, "centre").await, ["centre.øst"]);
    let vest = app.create_user("vest", Role::UdiRegion).await;
    assert_eq!(search(vest, "centre").await, ["centre.created"]);
    // A registry event that names settlement, in the caseworker's municipality: not theirs.
    let note = [None, None, Some("4601")];
    record(
        &app,
        EventDomain::Registry,
        "registry.settlement_note",
        note,
    )
    .await;
    let caseworker = app.create_user("saksbehandler", Role::Municipality).await;
    assert_eq!(
        search(caseworker, "settlement").await,
        ["settlement.bergen"]
    );
}

#[tokio::test]
async fn r_log_2_verify_on_a_live_log_checks_up_to_its_head_and_passes() {
    use mottak_server::registry::{OperatorInput, create_operator};
    let app = spawn_app().await;
    let store = app.store.clone();
    let writer = tokio::spawn(async move {
        let actor = mottak_store::events::Actor::system("test");
        for count in 0..120 {
            let input = OperatorInput {
                name: format!("Drift {count} AS"),
                organisation_number: "974760673".into(),
                ..OperatorInput::default()
            };
            create_operator(&store, &actor, &input).await.unwrap();
        }
    });
    let mut checked = Vec::new();
    while !writer.is_finished() {
        match app.store.verify_event_chain().await {
            Ok(events) => checked.push(events),
            Err(error) => panic!("verify during writes: {error}"),
        }
    }
    writer.await.unwrap();
    let all = app.store.verify_event_chain().await.unwrap();
    assert!(
        checked.windows(2).all(|pair| pair[0] <= pair[1]),
        "{checked:?}"
    );
    assert!(checked.iter().all(|events| *events <= all));
}
