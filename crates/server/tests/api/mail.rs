//! E-mail reminders of plan tasks (issue 15 item 8) through a real SMTP server: Python's
//! `aiosmtpd` (`.ci/requirements-test.txt`) writing each message it receives to a maildir.

use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use chrono::Utc;
use mottak_domain::access::Role;
use mottak_domain::calendar::norwegian_date;
use mottak_server::i18n::Lang;
use mottak_server::jobs::{DailyJob, JobRunOutcome, JobRunner};
use mottak_server::mail::Sender;
use mottak_server::reminders;
use serde_json::{Value, json};

use crate::authorization::{agreement_target, registry_targets};
use crate::helpers::{TestApp, spawn_app};

/// `python3 -m aiosmtpd` on a free port, storing mail in a maildir; stopped when dropped.
pub struct SmtpServer {
    child: Child,
    port: u16,
    maildir: PathBuf,
    _directory: tempfile::TempDir,
}

impl SmtpServer {
    pub async fn start() -> SmtpServer {
        let directory = tempfile::tempdir().unwrap();
        let maildir = directory.path().join("mail");
        let port = {
            let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
            listener.local_addr().unwrap().port()
        };
        let child = Command::new("python3")
            .args(["-m", "aiosmtpd", "-n", "-l"])
            .arg(format!("127.0.0.1:{port}"))
            .args(["-c", "aiosmtpd.handlers.Mailbox"])
            .arg(&maildir)
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("python3 -m aiosmtpd runs (pip install -r .ci/requirements-test.txt)");
        let server = SmtpServer {
            child,
            port,
            maildir,
            _directory: directory,
        };
        for _ in 0..100 {
            if tokio::net::TcpStream::connect(("127.0.0.1", port))
                .await
                .is_ok()
            {
                return server;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("aiosmtpd did not listen on port {port}");
    }

    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    /// Every message received: `{to, from, subject, body}`, decoded by Python's `email`.
    pub fn received(&self) -> Vec<Value> {
        let output = Command::new("python3")
            .arg("-c")
            .arg(PARSE_MAILDIR)
            .arg(self.maildir.join("new"))
            .output()
            .unwrap();
        assert!(output.status.success(), "{output:?}");
        serde_json::from_slice(&output.stdout).unwrap()
    }
}

const PARSE_MAILDIR: &str = r#"
import email, email.policy, json, os, sys
folder = sys.argv[1]
found = []
for name in sorted(os.listdir(folder)) if os.path.isdir(folder) else []:
    with open(os.path.join(folder, name), 'rb') as file:
        message = email.message_from_binary_file(file, policy=email.policy.default)
    found.append({'to': str(message['To']), 'from': str(message['From']),
                  'subject': str(message['Subject']), 'body': message.get_content()})
print(json.dumps(found))
"#;

impl Drop for SmtpServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A centre in VEST with an agreement signed in 2025: its opening plan has overdue tasks.
async fn centre_with_plans(app: &TestApp) {
    let (centre, operator) = registry_targets(app).await;
    agreement_target(app, centre, operator).await;
}

/// Sets `user`'s e-mail address through the API, as an admin.
pub async fn set_email(app: &TestApp, admin_token: &str, user: i64, email: &str) -> (u16, Value) {
    let version = app.store.user_by_id(user).await.unwrap().version;
    app.api(admin_token)
        .patch(
            &format!("/api/v1/users/{user}"),
            &json!({ "version": version, "email": email }),
        )
        .await
}

fn reminder_runner(app: &TestApp) -> JobRunner {
    JobRunner::new(app.store.clone()).register(DailyJob::new(reminders::JOB, |store, day| {
        reminders::daily(store, day, "https://mottak.example.no".to_owned())
    }))
}

#[tokio::test]
async fn reminders_reach_a_real_smtp_server_once_a_day() {
    let smtp = SmtpServer::start().await;
    let app = spawn_app().await;
    centre_with_plans(&app).await;
    let admin = app.create_user("mail.admin", Role::Admin).await;
    let admin_token = app.token_for(&admin).await;
    let west = app.create_user("region.vest", Role::UdiRegion).await;
    let operator = app.create_user("operator.one", Role::Operator).await;
    let (status, user) = set_email(&app, &admin_token, west.id, " kari@udi.example.no ").await;
    assert_eq!(status, 200, "{user}");
    assert_eq!(user["email"], "kari@udi.example.no");
    // An operator has no "my tasks": no reminder, address or not.
    let (status, _) = set_email(&app, &admin_token, operator.id, "ola@drift.example.no").await;
    assert_eq!(status, 200);

    let runner = reminder_runner(&app);
    let first = runner.run_due(Utc::now()).await;
    assert!(
        matches!(&first[0].1, JobRunOutcome::Succeeded(report) if report.starts_with("1 reminders queued")),
        "{first:?}"
    );
    // The same day again: the runner's claim stops it, and so would the outbox's key.
    let second = runner.run_due(Utc::now()).await;
    assert_eq!(second[0].1, JobRunOutcome::AlreadyClaimed);
    let again = reminders::daily(
        app.store.clone(),
        norwegian_date(Utc::now()),
        "https://mottak.example.no".into(),
    )
    .await
    .unwrap();
    assert!(
        again.starts_with("0 reminders queued, 1 queued before"),
        "{again}"
    );
    let outbox = app.store.outbox().await.unwrap();
    assert_eq!(outbox.len(), 1);
    assert_eq!(
        outbox[0].dedup_key,
        format!("reminder:{}:{}", west.id, norwegian_date(Utc::now()))
    );

    let sender = Sender::new(&smtp.url(), "mottak <mottak@example.no>").unwrap();
    let report = sender.send_due(&app.store, Utc::now()).await.unwrap();
    assert_eq!((report.sent, report.failed), (1, 0));
    let report = sender.send_due(&app.store, Utc::now()).await.unwrap();
    assert_eq!(
        (report.sent, report.failed),
        (0, 0),
        "a sent mail is not sent again"
    );

    let received = smtp.received();
    assert_eq!(received.len(), 1, "{received:?}");
    let mail = &received[0];
    assert_eq!(mail["to"], "kari@udi.example.no");
    assert!(mail["from"].as_str().unwrap().contains("mottak@example.no"));
    let subject = mail["subject"].as_str().unwrap();
    assert!(subject.starts_with("Påminnelse: "), "{subject}");
    let body = mail["body"].as_str().unwrap();
    let title = Lang::Nb.text("plans.item.opening.ip_address");
    assert!(body.contains(title), "{body}");
    assert!(body.contains("forfalt"), "{body}");
    assert!(body.contains("https://mottak.example.no/tasks"), "{body}");
    assert!(
        body.contains(Lang::En.text("plans.item.opening.ip_address")),
        "{body}"
    );
    let stored = app.store.outbox().await.unwrap();
    assert!(stored[0].sent_at.is_some());
    assert_eq!(stored[0].attempts, 1);
}

#[tokio::test]
async fn a_failed_send_waits_and_a_claimed_mail_is_not_claimed_twice() {
    let app = spawn_app().await;
    centre_with_plans(&app).await;
    let admin = app.create_user("mail.admin", Role::Admin).await;
    let admin_token = app.token_for(&admin).await;
    let (status, _) = set_email(&app, &admin_token, admin.id, "admin@udi.example.no").await;
    assert_eq!(status, 200);
    reminder_runner(&app).run_due(Utc::now()).await;

    // Two instances claiming at once: only one gets the mail.
    let now = mottak_store::timestamp(Utc::now());
    let until = mottak_store::timestamp(Utc::now() + chrono::Duration::minutes(5));
    let (one, two) = tokio::join!(
        app.store.claim_mail_batch(&now, &until, 10),
        app.store.claim_mail_batch(&now, &until, 10)
    );
    assert_eq!(one.unwrap().len() + two.unwrap().len(), 1);

    // Nothing listens on this port: the attempt fails and the mail waits, unsent.
    let port = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().port()
    };
    let sender = Sender::new(&format!("smtp://127.0.0.1:{port}"), "mottak@example.no").unwrap();
    let later = Utc::now() + chrono::Duration::minutes(6);
    let report = sender.send_due(&app.store, later).await.unwrap();
    assert_eq!((report.sent, report.failed), (0, 1));
    let mail = &app.store.outbox().await.unwrap()[0];
    assert!(mail.sent_at.is_none());
    assert_eq!(mail.attempts, 1);
    assert!(mail.last_error.is_some());
    assert!(mail.next_attempt_at > mottak_store::timestamp(Utc::now()));
    let report = sender.send_due(&app.store, later).await.unwrap();
    assert_eq!(
        (report.sent, report.failed),
        (0, 0),
        "it waits for its next attempt"
    );
}

#[tokio::test]
async fn an_email_address_is_validated_and_set_on_the_user_page() {
    let app = spawn_app().await;
    let admin = app.create_user("mail.admin", Role::Admin).await;
    let admin_token = app.token_for(&admin).await;
    let west = app.create_user("region.vest", Role::UdiRegion).await;
    let (status, problem) = set_email(&app, &admin_token, west.id, "kari@@udi").await;
    assert_eq!(status, 400, "{problem}");
    assert_eq!(problem["errors"][0]["field"], "email", "{problem}");

    let browser = app.login(&admin).await;
    let path = format!("/admin/users/{}", west.id);
    let html = app.page(&browser, &path).await;
    let csrf = crate::helpers::csrf_token(&html);
    let version = app.store.user_by_id(west.id).await.unwrap().version;
    let form = [
        ("csrf", csrf.as_str()),
        ("version", &version.to_string()),
        ("email", "not an address"),
    ];
    let response = browser
        .post(app.url(&format!("{path}/email")))
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 400);
    let html = response.text().await.unwrap();
    assert!(html.contains("id=\"email-error\""), "{html}");
    assert!(
        html.contains("value=\"not an address\""),
        "the input is kept"
    );

    let version = app.store.user_by_id(west.id).await.unwrap().version;
    let form = [
        ("csrf", csrf.as_str()),
        ("version", &version.to_string()),
        ("email", "kari@udi.example.no"),
    ];
    let response = browser
        .post(app.url(&format!("{path}/email")))
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(
        app.store
            .user_by_id(west.id)
            .await
            .unwrap()
            .email
            .as_deref(),
        Some("kari@udi.example.no")
    );
    let events = app
        .store
        .search_events(&mottak_store::events::EventQuery {
            entity_type: Some("user".into()),
            entity_id: Some(west.id.to_string()),
            ..Default::default()
        })
        .await
        .unwrap();
    assert!(
        events
            .iter()
            .any(|event| event.action == "user.email_changed"),
        "an event records the change"
    );
}
