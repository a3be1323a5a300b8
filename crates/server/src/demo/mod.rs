//! `mottak serve --demo`: one demo user per role in an empty database, with printed logins,
//! and a registry that looks like a working one.

mod agreements;
mod registry;
mod residents;
mod settlement;

use mottak_domain::access::{MunicipalPermission, Role};
use mottak_store::Store;
use mottak_store::events::Actor;
use mottak_store::users::{NewUser, RoleChange};

use crate::accounts;
use crate::auth::{password, totp};
use crate::config::PasswordHashing;

/// The demo password of every demo user (passes the password policy).
pub const DEMO_PASSWORD: &str = "Fjordhest-Lyng-Demo-2026";

struct DemoUser {
    username: &'static str,
    name: &'static str,
    role: Role,
    region: Option<&'static str>,
    operator: Option<&'static str>,
    municipality: Option<&'static str>,
}

const DEMO_USERS: [DemoUser; 7] = [
    DemoUser {
        username: "admin",
        name: "Ada Admin",
        role: Role::Admin,
        region: None,
        operator: None,
        municipality: None,
    },
    DemoUser {
        username: "udi",
        name: "Ulrik UDI",
        role: Role::UdiAdm,
        region: None,
        operator: None,
        municipality: None,
    },
    DemoUser {
        username: "region.vest",
        name: "Vera Vest",
        role: Role::UdiRegion,
        region: Some("VEST"),
        operator: None,
        municipality: None,
    },
    DemoUser {
        username: "operator",
        name: "Olav Operatør",
        role: Role::Operator,
        region: None,
        operator: Some("DRO1000"),
        municipality: None,
    },
    DemoUser {
        username: "imdi",
        name: "Ingrid IMDi",
        role: Role::Imdi,
        region: None,
        operator: None,
        municipality: None,
    },
    DemoUser {
        username: "kommune.admin",
        name: "Kari Kommuneadmin",
        role: Role::MunicipalityAdmin,
        region: None,
        operator: None,
        municipality: Some("4601"),
    },
    DemoUser {
        username: "kommune",
        name: "Knut Kommune",
        role: Role::Municipality,
        region: None,
        operator: None,
        municipality: Some("4601"),
    },
];

/// Fills an empty database; a database with users is left alone (and says so).
pub async fn fill(store: &Store) -> anyhow::Result<()> {
    fill_linking(store, "http://127.0.0.1:8080").await
}

/// [`fill`], with the demo's mails linking under `public_url` (`serve --demo`).
pub async fn fill_linking(store: &Store, public_url: &str) -> anyhow::Result<()> {
    if !store.list_users().await?.is_empty() {
        println!("The database already has users; demo data is added only to an empty database.");
        return Ok(());
    }
    registry::fill(store).await?;
    agreements::fill(store).await?;
    residents::fill(store).await?;
    settlement::fill(store, public_url).await?;
    let actor = Actor::system("demo");
    let password_hash = password::hash(DEMO_PASSWORD, PasswordHashing::Production);
    println!("\nDemo logins (password for all: {DEMO_PASSWORD}):");
    println!(
        "{:<15} {:<20} {:<34} current code",
        "username", "role", "TOTP secret"
    );
    for user in &DEMO_USERS {
        let secret = totp::new_secret();
        let permissions = if user.role == Role::Municipality {
            accounts::permission_list(&MunicipalPermission::ALL)
        } else {
            String::new()
        };
        accounts::insert(
            store,
            &actor,
            NewUser {
                username: user.username.to_owned(),
                display_name: user.name.to_owned(),
                scope: RoleChange {
                    role: user.role.code().to_owned(),
                    region: user.region.map(str::to_owned),
                    operator_dro: user.operator.map(str::to_owned),
                    municipality_number: user.municipality.map(str::to_owned),
                    permissions,
                },
                password_hash: password_hash.clone(),
                totp_secret: Some(secret.clone()),
            },
        )
        .await?;
        let code = totp::code_at(&secret, totp::unix_now()).unwrap_or_default();
        println!(
            "{:<15} {:<20} {:<34} {code}",
            user.username,
            user.role.code(),
            secret
        );
    }
    println!(
        "\nAdd a secret to an authenticator app, or get the current code with\n  \
         oathtool --totp -b SECRET\nThen open the address below and log in.\n"
    );
    Ok(())
}
