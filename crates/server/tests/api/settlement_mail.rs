//! The settlement e-mails through a real SMTP server (`aiosmtpd`, as the reminders' test): an
//! offer (R-SET-3), a new message (R-SET-8) and a request (R-SET-1a) reach the other side with
//! figures, a deadline and a link, and none of the household's personal data.

use chrono::Utc;
use mottak_domain::access::Role;
use mottak_server::mail::Sender;
use serde_json::{Value, json};

use crate::helpers::{TestApp, spawn_app_with};
use crate::mail::{SmtpServer, set_email};
use crate::settlement::{Settlement, approved_decision, offer, settlement};
use crate::settlement_folders::{HEALTH, folder, living_at_the_centre};
use crate::settlement_letters::say_yes;

const PUBLIC_URL: &str = "https://mottak.example.no";

/// What the Haile household's records hold that no mail may show.
const PERSONAL: &[&str] = &[
    "Amina",
    "Haile",
    "haile",
    "2023123456",
    "1990-04-01",
    "01.04.1990",
    "2016-08-02",
    "02.08.2016",
    HEALTH,
    "diabetes",
    "tigrinja",
    "female",
    "kvinne",
    "nurse",
];

async fn app_with_public_url() -> TestApp {
    spawn_app_with(|config| config.public_url = Some(PUBLIC_URL.to_owned())).await
}

/// Gives the named users addresses `{username}@example.no`.
async fn addresses(app: &TestApp, usernames: &[&str]) {
    let admin = app.create_user("mail.admin", Role::Admin).await;
    let admin = app.token_for(&admin).await;
    for username in usernames {
        let user = app.store.user_by_username(username).await.unwrap();
        let (status, body) =
            set_email(app, &admin, user.id, &format!("{username}@example.no")).await;
        assert_eq!(status, 200, "{body}");
    }
}

async fn send_all(app: &TestApp, smtp: &SmtpServer) -> Vec<Value> {
    let sender = Sender::new(&smtp.url(), "mottak <mottak@example.no>").unwrap();
    let report = sender.send_due(&app.store, Utc::now()).await.unwrap();
    assert_eq!(report.failed, 0);
    smtp.received()
}

fn to<'a>(mails: &'a [Value], address: &str) -> Vec<&'a Value> {
    mails.iter().filter(|mail| mail["to"] == address).collect()
}

fn assert_no_personal_data(mail: &Value) {
    let text = format!("{} {}", mail["subject"], mail["body"]);
    for secret in PERSONAL {
        assert!(!text.contains(secret), "{secret} in {text}");
    }
}

/// The household at the centre with its folder (health needs included), offered to 4601.
async fn offered(app: &TestApp, people: &Settlement) -> (i64, String) {
    let (members, operator) = living_at_the_centre(app, &people.udi).await;
    for member in members {
        let path = format!("/api/v1/residents/{member}/folder");
        let (status, body) = app.api(&operator).put(&path, &folder()).await;
        assert_eq!(status, 200, "{body}");
    }
    approved_decision(app, &people.bergen, 10).await;
    let (status, body) = app
        .api(&people.imdi)
        .post("/api/v1/settlement/offers", &offer("haile"))
        .await;
    assert_eq!(status, 201, "{body}");
    (body["id"].as_i64().unwrap(), operator)
}

#[tokio::test]
async fn r_set_3_the_offer_mail_reaches_the_municipality_without_personal_data() {
    let smtp = SmtpServer::start().await;
    let app = app_with_public_url().await;
    let people = settlement(&app).await;
    app.create_user_with(
        "bergen.reports",
        Role::Municipality,
        (None, None, Some("4601")),
        "reports",
    )
    .await;
    addresses(
        &app,
        &["bergen.caseworker", "oslo.caseworker", "bergen.reports"],
    )
    .await;
    let (status, _) = app
        .api(&people.imdi)
        .put(
            "/api/v1/municipalities/4601/settlement-profile",
            &json!({ "postmottak": "postmottak@bergen.example.no" }),
        )
        .await;
    assert_eq!(status, 200);

    let (id, _) = offered(&app, &people).await;

    let mails = send_all(&app, &smtp).await;
    assert_eq!(
        mails.len(),
        1,
        "the caseworker with the offers permission only; the postmottak only when no caseworker \
         has an address: {mails:?}"
    );
    let mail = to(&mails, "bergen.caseworker@example.no")[0];
    assert_no_personal_data(mail);
    let subject = mail["subject"].as_str().unwrap();
    assert!(subject.contains("antall personer 2"), "{subject}");
    assert!(subject.contains("31.01.2099"), "{subject}");
    let body = mail["body"].as_str().unwrap();
    assert!(body.contains("Antall personer: 2"), "{body}");
    assert!(body.contains("Svarfrist: 31.01.2099"), "{body}");
    assert!(
        body.contains(&format!("{PUBLIC_URL}/settlement?year=2026#h-offer-{id}")),
        "{body}"
    );
    let stored = app.store.outbox().await.unwrap();
    assert_eq!(
        stored[0].dedup_key,
        format!("offer:{id}:bergen.caseworker@example.no")
    );
}

#[tokio::test]
async fn r_set_3_without_a_caseworker_address_the_offer_goes_to_the_postmottak() {
    let smtp = SmtpServer::start().await;
    let app = app_with_public_url().await;
    let people = settlement(&app).await;
    let (status, _) = app
        .api(&people.imdi)
        .put(
            "/api/v1/municipalities/4601/settlement-profile",
            &json!({ "postmottak": "postmottak@bergen.example.no" }),
        )
        .await;
    assert_eq!(status, 200);
    offered(&app, &people).await;
    let mails = send_all(&app, &smtp).await;
    assert_eq!(mails.len(), 1, "{mails:?}");
    assert_eq!(mails[0]["to"], "postmottak@bergen.example.no");
    assert_no_personal_data(&mails[0]);
}

#[tokio::test]
async fn r_set_8_a_new_message_mails_the_other_side_without_its_text() {
    let smtp = SmtpServer::start().await;
    let app = app_with_public_url().await;
    let people = settlement(&app).await;
    let (id, operator) = offered(&app, &people).await;
    addresses(
        &app,
        &["bergen.caseworker", "imdi.caseworker", "operator.hero"],
    )
    .await;
    let path = format!("/api/v1/settlement/offers/{id}/messages");
    let say = |token: &str, channel: &str, body: &str| {
        let request = json!({ "channel": channel, "body": body });
        let client = app.api(token);
        let path = path.clone();
        async move {
            let (status, body) = client.post(&path, &request).await;
            assert_eq!(status, 201, "{body}");
        }
    };
    say(&people.imdi, "imdi", "Husk diabetes-oppfølging for Amina").await;
    say(&people.bergen, "note", "Internt: ring Amina Haile").await;
    say(&people.bergen, "imdi", "Takk, vi ser på det").await;
    say_yes(&app, &people.bergen, id).await;
    say(&people.bergen, "centre", "Ankomst 3. mars for Haile").await;
    say(&operator, "centre", "Transport bestilt").await;

    let mails = send_all(&app, &smtp).await;
    let bergen = to(&mails, "bergen.caseworker@example.no");
    let imdi = to(&mails, "imdi.caseworker@example.no");
    let centre = to(&mails, "operator.hero@example.no");
    // The offer itself went out before the addresses were set: only the messages' mails.
    assert_eq!(
        (bergen.len(), imdi.len(), centre.len()),
        (2, 1, 1),
        "notes notify no one: {mails:?}"
    );
    for mail in &mails {
        assert_no_personal_data(mail);
        let body = mail["body"].as_str().unwrap();
        assert!(
            body.contains(&format!("{PUBLIC_URL}/settlement/offers/{id}/messages")),
            "{body}"
        );
        for text in ["Takk", "Transport", "Ankomst", "Internt"] {
            assert!(!body.contains(text), "{text} in {body}");
        }
    }
    assert!(
        imdi[0]["body"]
            .as_str()
            .unwrap()
            .contains("ny melding fra kommunen")
    );
    assert!(
        bergen
            .iter()
            .any(|mail| mail["body"].as_str().unwrap().contains("fra mottaket"))
    );
}

#[tokio::test]
async fn r_set_1a_a_request_is_mailed_to_the_postmottak_and_the_caseworkers() {
    let smtp = SmtpServer::start().await;
    let app = app_with_public_url().await;
    let people = settlement(&app).await;
    addresses(&app, &["bergen.caseworker"]).await;
    let (status, _) = app
        .api(&people.imdi)
        .put(
            "/api/v1/municipalities/4601/settlement-profile",
            &json!({ "postmottak": "postmottak@bergen.example.no" }),
        )
        .await;
    assert_eq!(status, 200);
    let (status, body) = app
        .api(&people.imdi)
        .post(
            "/api/v1/settlement/requests",
            &json!({ "year": 2027, "municipality_number": "4601", "persons": 40,
                "unaccompanied_minors": 6 }),
        )
        .await;
    assert_eq!(status, 201, "{body}");
    let mails = send_all(&app, &smtp).await;
    let mut recipients: Vec<&str> = mails
        .iter()
        .map(|mail| mail["to"].as_str().unwrap())
        .collect();
    recipients.sort_unstable();
    assert_eq!(
        recipients,
        [
            "bergen.caseworker@example.no",
            "postmottak@bergen.example.no"
        ]
    );
    let body = mails[0]["body"].as_str().unwrap();
    assert!(
        body.contains("bosette 40 flyktninger i 2027, av dem 6"),
        "{body}"
    );
    assert!(body.contains(&format!("{PUBLIC_URL}/settlement?year=2027")));
}
