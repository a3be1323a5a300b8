//! Building and running the application: the listener, the state and the router.

use std::net::SocketAddr;
use std::sync::Arc;

use mottak_store::Store;
use rand::RngCore;
use tokio::net::TcpListener;

use crate::auth::rate_limit::LoginLimiter;
use crate::config::Config;
use crate::metrics::Metrics;
use crate::state::AppState;

/// A bound, not yet serving, application. Binding first lets tests use port 0 and read the port.
pub struct Application {
    listener: TcpListener,
    state: AppState,
}

impl Application {
    pub async fn build(config: Config) -> anyhow::Result<Application> {
        let store = Store::connect(&config.database_url).await?;
        store.load_reference_data().await?;
        Application::build_with_store(config, store).await
    }

    pub async fn build_with_store(config: Config, store: Store) -> anyhow::Result<Application> {
        let listener = TcpListener::bind(config.bind).await?;
        let csrf_key = csrf_key(&store).await?;
        let login_limiter = LoginLimiter::new(
            config.rate_window,
            config.login_failures_per_account,
            config.login_failures_per_address,
        );
        let state = AppState {
            store,
            config: Arc::new(config),
            metrics: Arc::new(Metrics::default()),
            login_limiter: Arc::new(login_limiter),
            csrf_key: Arc::new(csrf_key),
        };
        Ok(Application { listener, state })
    }

    pub fn address(&self) -> SocketAddr {
        self.listener
            .local_addr()
            .expect("bound listener has an address")
    }

    pub fn state(&self) -> &AppState {
        &self.state
    }

    /// Serves until the process is stopped (Ctrl-C or SIGTERM).
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        // First, so that a bad --smtp-url stops the start before any job runs.
        let sender = match &self.state.config.smtp_url {
            Some(url) => {
                let sender = crate::mail::Sender::new(url, &self.state.config.mail_from)
                    .map_err(std::io::Error::other)?;
                Some(sender.spawn(self.state.store.clone(), crate::mail::SEND_INTERVAL))
            }
            None => {
                tracing::info!(
                    "no --smtp-url (MOTTAK_SMTP_URL): mails stay in the outbox (mail_outbox) unsent"
                );
                None
            }
        };
        let jobs = self.state.config.daily_jobs.then(|| {
            crate::jobs::JobRunner::with_default_jobs(
                self.state.store.clone(),
                &self.state.config.public_url(),
            )
            .register(crate::jobs::DailyJob::new(
                "regulation",
                crate::regulation::daily,
            ))
            .spawn(crate::jobs::WAKE_INTERVAL)
        });
        let router = crate::routes::router(self.state);
        let served = axum::serve(
            self.listener,
            router.into_make_service_with_connect_info::<SocketAddr>(),
        )
        .with_graceful_shutdown(shutdown_signal())
        .await;
        if let Some(jobs) = jobs {
            jobs.abort();
        }
        if let Some(sender) = sender {
            sender.abort();
        }
        served
    }
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        if let Ok(mut signal) =
            tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            signal.recv().await;
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
}

/// The CSRF key is created once and kept in the database, so restarts and several instances
/// accept each other's forms.
async fn csrf_key(store: &Store) -> anyhow::Result<[u8; 32]> {
    let mut fresh = [0u8; 32];
    rand::rng().fill_bytes(&mut fresh);
    let stored = store
        .setting_or_insert("csrf_key", &hex::encode(fresh))
        .await?;
    let bytes = hex::decode(stored)?;
    bytes
        .try_into()
        .map_err(|_| anyhow::anyhow!("csrf_key must be 32 bytes"))
}
