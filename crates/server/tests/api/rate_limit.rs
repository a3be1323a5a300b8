//! R-AUTH-1: the login rate limit holds across instances that serve one database.

use mottak_domain::access::Role;
use mottak_server::config::Config;

use crate::helpers::{PASSWORD, TestApp, browser, spawn_app_with};

const WRONG: &str = "Feil-Passord-Helt-Sikkert";

async fn status_of_login(app: &TestApp, username: &str, password: &str) -> u16 {
    app.submit_password(&browser(), username, password)
        .await
        .status()
        .as_u16()
}

#[tokio::test]
async fn r_auth_1_failures_on_one_instance_count_on_the_other() {
    let limits = |config: &mut Config| config.login_failures_per_account = 3;
    let first = spawn_app_with(limits).await;
    let second = first.second_instance_with(limits).await;
    first.create_user("kari", Role::UdiAdm).await;
    for app in [&first, &second, &first] {
        assert_eq!(status_of_login(app, "kari", WRONG).await, 401);
    }
    // Three failures in all, though neither instance saw three: both refuse even the right
    // password now.
    for app in [&second, &first] {
        assert_eq!(status_of_login(app, "kari", PASSWORD).await, 429);
    }
}

#[tokio::test]
async fn r_auth_1_an_address_trying_accounts_on_both_instances_is_limited_on_both() {
    let limits = |config: &mut Config| config.login_failures_per_address = 2;
    let first = spawn_app_with(limits).await;
    let second = first.second_instance_with(limits).await;
    first.create_user("kari", Role::UdiAdm).await;
    assert_eq!(status_of_login(&first, "ola", WRONG).await, 401);
    assert_eq!(status_of_login(&second, "per", WRONG).await, 401);
    for app in [&first, &second] {
        assert_eq!(status_of_login(app, "kari", PASSWORD).await, 429);
    }
}
