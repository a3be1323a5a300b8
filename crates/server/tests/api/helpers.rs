//! Spawning the app and typed helpers for tests.

use std::sync::atomic::{AtomicU64, Ordering};

use mottak_domain::access::Role;
use mottak_server::auth::{password, totp};
use mottak_server::config::{Config, PasswordHashing};
use mottak_server::startup::Application;
use mottak_store::Store;
use mottak_store::events::Actor;
use mottak_store::users::{NewUser, RoleChange};
use reqwest::redirect::Policy;

pub const PASSWORD: &str = "Fjordhest-Lyng-Test-2026";

pub struct TestApp {
    pub address: String,
    pub store: Store,
    pub database_url: String,
    _directory: Option<tempfile::TempDir>,
}

/// A user created by a test, with what it takes to log in.
#[derive(Clone, Debug)]
pub struct TestUser {
    pub id: i64,
    pub username: String,
    pub totp_secret: String,
}

static UNIQUE: AtomicU64 = AtomicU64::new(0);

pub fn unique_name() -> String {
    let count = UNIQUE.fetch_add(1, Ordering::Relaxed);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .subsec_nanos();
    format!("t_{}_{}_{}", std::process::id(), count, nanos)
}

/// A database URL of its own: an SQLite file in a temporary directory, or a fresh PostgreSQL
/// schema when `TEST_DATABASE_URL` is set.
pub async fn fresh_database() -> (String, Option<tempfile::TempDir>) {
    match std::env::var("TEST_DATABASE_URL") {
        Ok(base) if !base.is_empty() => {
            let url = mottak_store::testing::fresh_postgres_schema(&base, &unique_name())
                .await
                .expect("TEST_DATABASE_URL is set, so PostgreSQL must be reachable");
            (url, None)
        }
        _ => {
            let directory = tempfile::tempdir().expect("temporary directory");
            let url = format!("sqlite:{}", directory.path().join("mottak.db").display());
            (url, Some(directory))
        }
    }
}

pub async fn spawn_app() -> TestApp {
    spawn_app_with(|_| {}).await
}

pub async fn spawn_app_with(adjust: impl FnOnce(&mut Config)) -> TestApp {
    let (database_url, directory) = fresh_database().await;
    spawn_on(database_url, directory, adjust).await
}

async fn spawn_on(
    database_url: String,
    directory: Option<tempfile::TempDir>,
    adjust: impl FnOnce(&mut Config),
) -> TestApp {
    let mut config = Config::new("127.0.0.1:0".parse().unwrap(), database_url.clone());
    config.password_hashing = PasswordHashing::FastForTests;
    config.daily_jobs = false;
    adjust(&mut config);
    let application = Application::build(config)
        .await
        .expect("application builds");
    let address = format!("http://{}", application.address());
    let store = application.state().store.clone();
    tokio::spawn(application.run_until_stopped());
    TestApp {
        address,
        store,
        database_url,
        _directory: directory,
    }
}

/// A browser-like client: keeps cookies, does not follow redirects (tests look at them).
pub fn browser() -> reqwest::Client {
    reqwest::Client::builder()
        .cookie_store(true)
        .redirect(Policy::none())
        .build()
        .unwrap()
}

/// The hidden CSRF token of the first form on a page.
pub fn csrf_token(html: &str) -> String {
    let marker = "name=\"csrf\" value=\"";
    let start = html.find(marker).expect("page has a CSRF field") + marker.len();
    html[start..].split('"').next().unwrap().to_owned()
}

pub fn scope_for(
    role: Role,
) -> (
    Option<&'static str>,
    Option<&'static str>,
    Option<&'static str>,
) {
    match role {
        Role::UdiRegion => (Some("VEST"), None, None),
        Role::Operator => (None, Some("DRO1000"), None),
        Role::MunicipalityAdmin | Role::Municipality => (None, None, Some("4601")),
        _ => (None, None, None),
    }
}

impl TestApp {
    /// Another instance of the server on this app's database, as behind a load balancer. Keep
    /// the first alive while it runs: it owns the database.
    pub async fn second_instance_with(&self, adjust: impl FnOnce(&mut Config)) -> TestApp {
        spawn_on(self.database_url.clone(), None, adjust).await
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.address, path)
    }

    /// The HTML of a page, as the client (with its cookies) sees it.
    pub async fn page(&self, client: &reqwest::Client, path: &str) -> String {
        client
            .get(self.url(path))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap()
    }

    /// A user with TOTP already enrolled, in the default scope of its role.
    pub async fn create_user(&self, username: &str, role: Role) -> TestUser {
        let (region, operator, municipality) = scope_for(role);
        self.create_user_in(username, role, region, operator, municipality)
            .await
    }

    pub async fn create_user_in(
        &self,
        username: &str,
        role: Role,
        region: Option<&str>,
        operator: Option<&str>,
        municipality: Option<&str>,
    ) -> TestUser {
        let permissions = if role == Role::Municipality {
            "offers_and_decisions,person_folders,reports"
        } else {
            ""
        };
        let scope = (region, operator, municipality);
        self.create_user_with(username, role, scope, permissions)
            .await
    }

    /// A user in `(region, operator, municipality)` with these stored permissions (R-AUTH-4).
    pub async fn create_user_with(
        &self,
        username: &str,
        role: Role,
        (region, operator, municipality): (Option<&str>, Option<&str>, Option<&str>),
        permissions: &str,
    ) -> TestUser {
        if let Some(number) = municipality {
            // R-AUTH-3: a municipality's users work only with a signed agreement in force.
            self.sign_data_processing_agreement(number, "2020", "2020-01-01")
                .await;
        }
        let secret = totp::new_secret();
        let id = mottak_server::accounts::insert(
            &self.store,
            &Actor::system("test"),
            NewUser {
                username: username.to_owned(),
                display_name: format!("Test {username}"),
                scope: RoleChange {
                    role: role.code().to_owned(),
                    region: region.map(str::to_owned),
                    operator_dro: operator.map(str::to_owned),
                    municipality_number: municipality.map(str::to_owned),
                    permissions: permissions.to_owned(),
                },
                password_hash: password::hash(PASSWORD, PasswordHashing::FastForTests),
                totp_secret: Some(secret.clone()),
            },
        )
        .await
        .expect("user created");
        TestUser {
            id,
            username: username.to_owned(),
            totp_secret: secret,
        }
    }

    /// Registers the municipality's signed data processing agreement in `version` (R-AUTH-3).
    pub async fn sign_data_processing_agreement(
        &self,
        municipality: &str,
        version: &str,
        signed_on: &str,
    ) {
        let mut tx = self.store.begin_write().await.unwrap();
        let id = tx
            .put_data_processing_agreement(municipality, version, signed_on, None)
            .await
            .unwrap();
        tx.record(mottak_store::events::NewEvent::new(
            &Actor::system("test"),
            mottak_store::events::EventDomain::Settlement,
            "data_processing_agreement.registered",
            "data_processing_agreement",
            id,
        ))
        .await
        .unwrap();
        tx.commit().await.unwrap();
    }

    /// A user without a second factor yet (enrols at first login).
    pub async fn create_unenrolled_user(&self, username: &str, role: Role) -> TestUser {
        let user = self.create_user(username, role).await;
        let mut tx = self.store.begin_write().await.unwrap();
        tx.reset_totp(user.id).await.unwrap();
        tx.record(mottak_store::events::NewEvent::new(
            &Actor::system("test"),
            mottak_store::events::EventDomain::Accounts,
            "user.totp_reset",
            "user",
            user.id,
        ))
        .await
        .unwrap();
        tx.commit().await.unwrap();
        user
    }

    pub async fn token_for(&self, user: &TestUser) -> String {
        mottak_server::auth::tokens::issue(
            &self.store,
            &Actor::system("test"),
            &user.username,
            "test",
        )
        .await
        .expect("token issued")
    }

    /// Password step only; returns the response to POST /login.
    pub async fn submit_password(
        &self,
        client: &reqwest::Client,
        username: &str,
        password: &str,
    ) -> reqwest::Response {
        let page = self.page(client, "/login").await;
        client
            .post(self.url("/login"))
            .form(&[
                ("csrf", csrf_token(&page).as_str()),
                ("username", username),
                ("password", password),
                ("next", "/"),
            ])
            .send()
            .await
            .unwrap()
    }

    /// Submits a code on the TOTP page; returns the response.
    pub async fn submit_code(&self, client: &reqwest::Client, code: &str) -> reqwest::Response {
        let page = self.page(client, "/login/totp").await;
        client
            .post(self.url("/login/totp"))
            .form(&[
                ("csrf", csrf_token(&page).as_str()),
                ("code", code),
                ("next", "/"),
            ])
            .send()
            .await
            .unwrap()
    }

    /// Logs in through the pages with password and a TOTP code; returns the client.
    /// `time_offset_steps` picks a later code, for a second login within the same 30 s.
    pub async fn login_at(&self, user: &TestUser, time_offset_steps: u64) -> reqwest::Client {
        let client = browser();
        let response = self
            .submit_password(&client, &user.username, PASSWORD)
            .await;
        assert_eq!(response.status(), 303, "password accepted");
        let code =
            totp::code_at(&user.totp_secret, totp::unix_now() + 30 * time_offset_steps).unwrap();
        let response = self.submit_code(&client, &code).await;
        assert_eq!(
            response.status(),
            303,
            "code accepted for {}",
            user.username
        );
        client
    }

    pub async fn login(&self, user: &TestUser) -> reqwest::Client {
        self.login_at(user, 0).await
    }
}
