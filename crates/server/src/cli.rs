//! The command line of SPEC §10: `serve`, `user add`, `token issue`, `log verify`.

use std::io::Read;
use std::net::SocketAddr;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use mottak_domain::access::MunicipalPermission;
use mottak_store::events::Actor;
use mottak_store::{Access, Store};

use crate::accounts::{self, AccountError, AccountRequest, RoleRequest};
use crate::config::{Config, DEFAULT_DATABASE_URL, PasswordHashing};
use crate::startup::Application;

#[derive(Parser, Debug)]
#[command(
    name = "mottak",
    version,
    about = "From reception centre to settlement."
)]
pub struct Cli {
    /// Database URL: `sqlite:FILE` or `postgres://…`. Default: an SQLite file `mottak.db` here.
    #[arg(long, env = "DATABASE_URL", global = true)]
    database_url: Option<String>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Serve the web UI and the API.
    Serve {
        #[arg(long, default_value = "127.0.0.1:8080")]
        bind: SocketAddr,
        /// Fill an empty database with demo data and print the demo logins.
        #[arg(long)]
        demo: bool,
        /// Mark cookies Secure (set this when serving through HTTPS).
        #[arg(long)]
        secure_cookies: bool,
        /// Do not run the once-a-day jobs in this instance (another instance runs them).
        #[arg(long)]
        no_daily_jobs: bool,
        /// The SMTP relay that sends the mail outbox, e.g. `smtp://127.0.0.1:2525`. Without it,
        /// reminders are queued but not sent.
        #[arg(long, env = "MOTTAK_SMTP_URL")]
        smtp_url: Option<String>,
        /// The From address of the mails.
        #[arg(long, env = "MOTTAK_MAIL_FROM", default_value = crate::config::DEFAULT_MAIL_FROM)]
        mail_from: String,
        /// Where users reach this server (for links in mails), e.g. `https://mottak.udi.no`.
        /// Default: `http://` and the bind address.
        #[arg(long, env = "MOTTAK_PUBLIC_URL")]
        public_url: Option<String>,
    },
    /// Manage users.
    User {
        #[command(subcommand)]
        command: UserCommand,
    },
    /// Manage API tokens.
    Token {
        #[command(subcommand)]
        command: TokenCommand,
    },
    /// The event log.
    Log {
        #[command(subcommand)]
        command: LogCommand,
    },
}

#[derive(Subcommand, Debug)]
enum UserCommand {
    /// Create a user; the password is read from standard input.
    Add {
        #[arg(long)]
        username: String,
        #[arg(long)]
        role: String,
        #[arg(long)]
        region: Option<String>,
        #[arg(long)]
        operator: Option<String>,
        #[arg(long)]
        municipality: Option<String>,
        #[arg(long)]
        name: Option<String>,
        /// A municipal caseworker's permissions (R-AUTH-4): `offers`, `folders`, `reports`,
        /// comma separated; default all three.
        #[arg(long, default_value = "offers,folders,reports")]
        permissions: String,
        #[arg(long, required = true)]
        password_stdin: bool,
    },
}

#[derive(Subcommand, Debug)]
enum TokenCommand {
    /// Print a new API token for a user, alone on one line.
    Issue {
        #[arg(long)]
        username: String,
        #[arg(long, default_value = "command line")]
        label: String,
    },
}

#[derive(Subcommand, Debug)]
enum LogCommand {
    /// Check the event log's hash chain (R-LOG-2).
    Verify,
}

pub async fn run(cli: Cli) -> ExitCode {
    let database_url = cli
        .database_url
        .unwrap_or_else(|| DEFAULT_DATABASE_URL.to_owned());
    match execute(cli.command, database_url).await {
        Ok(code) => code,
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::FAILURE
        }
    }
}

async fn execute(command: Command, database_url: String) -> anyhow::Result<ExitCode> {
    match command {
        Command::Serve {
            bind,
            demo,
            secure_cookies,
            no_daily_jobs,
            smtp_url,
            mail_from,
            public_url,
        } => {
            let mut config = Config::new(bind, database_url);
            config.secure_cookies = secure_cookies;
            config.daily_jobs = !no_daily_jobs;
            config.smtp_url = smtp_url.filter(|url| !url.trim().is_empty());
            config.mail_from = mail_from;
            config.public_url = public_url.filter(|url| !url.trim().is_empty());
            let application = Application::build(config).await?;
            if demo {
                crate::demo::fill_linking(
                    &application.state().store,
                    &application.state().config.public_url(),
                )
                .await?;
            }
            let address = application.address();
            println!("mottak serves at http://{address}/  (API docs: http://{address}/api/docs)");
            application.run_until_stopped().await?;
            Ok(ExitCode::SUCCESS)
        }
        Command::User {
            command:
                UserCommand::Add {
                    username,
                    role,
                    region,
                    operator,
                    municipality,
                    name,
                    permissions,
                    password_stdin: _,
                },
        } => {
            let permissions = match MunicipalPermission::parse_short_list(&permissions) {
                Ok(permissions) => permissions,
                Err(code) => {
                    eprintln!(
                        "error: permissions: unknown permission \"{code}\" (offers, folders, reports)"
                    );
                    return Ok(ExitCode::from(2));
                }
            };
            let store = open_for_writing(&database_url).await?;
            let mut password = String::new();
            std::io::stdin().read_to_string(&mut password)?;
            let password = password.trim_end_matches(['\r', '\n']).to_owned();
            let request = AccountRequest {
                display_name: name.unwrap_or_default(),
                username,
                scope: RoleRequest {
                    role,
                    region,
                    operator_dro: operator,
                    municipality_number: municipality,
                    permissions,
                },
                password,
            };
            match accounts::create(
                &store,
                &Actor::system("command line"),
                request,
                PasswordHashing::Production,
                |_| true,
            )
            .await
            {
                Ok(id) => {
                    println!("created user {id}");
                    Ok(ExitCode::SUCCESS)
                }
                Err(AccountError::Invalid(error)) => {
                    eprintln!("error: {}: {}", error.field, error.message);
                    Ok(ExitCode::from(2))
                }
                Err(error) => Err(error.into()),
            }
        }
        Command::Token {
            command: TokenCommand::Issue { username, label },
        } => {
            let store = open_for_writing(&database_url).await?;
            let token = crate::auth::tokens::issue(
                &store,
                &Actor::system("command line"),
                &username,
                &label,
            )
            .await?;
            println!("{token}");
            Ok(ExitCode::SUCCESS)
        }
        Command::Log {
            command: LogCommand::Verify,
        } => {
            // R-LOG-2: checking the log must not change the database it checks.
            let store = Store::open_existing(&database_url, Access::ReadOnly).await?;
            match store.verify_event_chain().await {
                Ok(count) => {
                    println!("event log intact: {count} events");
                    Ok(ExitCode::SUCCESS)
                }
                Err(error @ mottak_store::StoreError::BrokenChain { .. }) => {
                    eprintln!("{error}");
                    Ok(ExitCode::from(3))
                }
                Err(error) => Err(error.into()),
            }
        }
    }
}

/// Opens the database that `serve` created, for a command that writes to it.
async fn open_for_writing(database_url: &str) -> anyhow::Result<Store> {
    let store = Store::open_existing(database_url, Access::ReadWrite).await?;
    store.load_reference_data().await?;
    Ok(store)
}
