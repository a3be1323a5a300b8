//! Every route with every role, and with no login: allowed or denied as SPEC §1 says.
//! New routes join the table.

use mottak_domain::access::Role;
use mottak_domain::access::Role::*;

use crate::helpers::{TestApp, csrf_token, spawn_app};

#[derive(Clone, Copy, Debug, PartialEq)]
enum Kind {
    Api,
    Page,
}

struct Route {
    method: &'static str,
    path: &'static str,
    kind: Kind,
    allowed: &'static [Role],
}

const EVERYONE: &[Role] = &Role::ALL;
const MANAGERS: &[Role] = &[Admin, Imdi, MunicipalityAdmin];

/// `{target}` is replaced by a user every manager may manage (see `target_for`).
const ROUTES: &[Route] = &[
    Route {
        method: "GET",
        path: "/",
        kind: Kind::Page,
        allowed: EVERYONE,
    },
    Route {
        method: "GET",
        path: "/events",
        kind: Kind::Page,
        allowed: EVERYONE,
    },
    Route {
        method: "GET",
        path: "/calendar",
        kind: Kind::Page,
        allowed: EVERYONE,
    },
    Route {
        method: "GET",
        path: "/admin/users",
        kind: Kind::Page,
        allowed: MANAGERS,
    },
    Route {
        method: "POST",
        path: "/admin/users",
        kind: Kind::Page,
        allowed: MANAGERS,
    },
    Route {
        method: "GET",
        path: "/admin/users/{target}",
        kind: Kind::Page,
        allowed: MANAGERS,
    },
    Route {
        method: "POST",
        path: "/admin/users/{target}/role",
        kind: Kind::Page,
        allowed: MANAGERS,
    },
    Route {
        method: "POST",
        path: "/admin/users/{target}/status",
        kind: Kind::Page,
        allowed: MANAGERS,
    },
    Route {
        method: "POST",
        path: "/admin/users/{target}/reset-totp",
        kind: Kind::Page,
        allowed: &[Admin],
    },
    Route {
        method: "POST",
        path: "/admin/users/{target}/tokens",
        kind: Kind::Page,
        allowed: &[Admin],
    },
    Route {
        method: "GET",
        path: "/api/v1/events",
        kind: Kind::Api,
        allowed: EVERYONE,
    },
    Route {
        method: "GET",
        path: "/api/v1/calendar/add-working-days?date=2026-11-24&days=3",
        kind: Kind::Api,
        allowed: EVERYONE,
    },
    Route {
        method: "GET",
        path: "/api/v1/users",
        kind: Kind::Api,
        allowed: MANAGERS,
    },
    Route {
        method: "POST",
        path: "/api/v1/users",
        kind: Kind::Api,
        allowed: MANAGERS,
    },
];

/// Public routes: everyone, logged in or not.
const PUBLIC: &[&str] = &[
    "/healthz",
    "/readyz",
    "/metrics",
    "/login",
    "/api/docs",
    "/api/v1/openapi.json",
    "/assets/designsystemet.css",
];

/// The user a manager of this role may manage: a municipal admin for IMDi, a caseworker of
/// the same municipality for a municipal admin, anyone for an admin.
fn target_for(role: Role, targets: &Targets) -> i64 {
    match role {
        Imdi => targets.municipality_admin,
        _ => targets.caseworker,
    }
}

struct Targets {
    municipality_admin: i64,
    caseworker: i64,
}

async fn request(
    app: &TestApp,
    client: &reqwest::Client,
    token: Option<&str>,
    route: &Route,
    path: &str,
) -> reqwest::Response {
    let url = app.url(path);
    let mut builder = match route.method {
        "GET" => client.get(&url),
        _ => client.post(&url),
    };
    if let Some(token) = token {
        builder = builder.bearer_auth(token);
    }
    if route.method == "POST" {
        builder = match route.kind {
            Kind::Api => builder
                .header("content-type", "application/json")
                .body("{}"),
            Kind::Page => {
                let page = client
                    .get(app.url("/calendar"))
                    .send()
                    .await
                    .unwrap()
                    .text()
                    .await
                    .unwrap();
                let token = if page.contains("name=\"csrf\"") {
                    csrf_token(&page)
                } else {
                    String::new()
                };
                builder.form(&[("csrf", token)])
            }
        };
    }
    builder.send().await.unwrap()
}

#[tokio::test]
async fn every_route_with_every_role() {
    let app = spawn_app().await;
    let targets = Targets {
        municipality_admin: app
            .create_user_in("target.admin", MunicipalityAdmin, None, None, Some("4601"))
            .await
            .id,
        caseworker: app
            .create_user_in("target.caseworker", Municipality, None, None, Some("4601"))
            .await
            .id,
    };
    let mut failures = Vec::new();
    for role in Role::ALL {
        let user = app
            .create_user(&format!("user.{}", role.code()), role)
            .await;
        let token = app.token_for(&user).await;
        let browser = app.login(&user).await;
        for route in ROUTES {
            let path = route
                .path
                .replace("{target}", &target_for(role, &targets).to_string());
            let response = match route.kind {
                Kind::Api => {
                    request(&app, &reqwest::Client::new(), Some(&token), route, &path).await
                }
                Kind::Page => request(&app, &browser, None, route, &path).await,
            };
            let status = response.status().as_u16();
            let allowed = route.allowed.contains(&role);
            let ok = if allowed {
                status != 401 && status != 403 && status < 500
            } else {
                status == 403
            };
            if !ok {
                failures.push(format!(
                    "{role:?} {} {path}: {status} (allowed: {allowed})",
                    route.method
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

#[tokio::test]
async fn no_login_gets_401_from_the_api_and_the_login_page_in_the_ui() {
    let app = spawn_app().await;
    let client = crate::helpers::browser();
    for route in ROUTES {
        let path = route.path.replace("{target}", "1");
        let response = request(&app, &client, None, route, &path).await;
        match route.kind {
            Kind::Api => assert_eq!(response.status(), 401, "{} {path}", route.method),
            Kind::Page if route.method == "GET" => {
                assert_eq!(response.status(), 303, "{path}");
                assert!(
                    response.headers()["location"]
                        .to_str()
                        .unwrap()
                        .starts_with("/login?next=")
                );
            }
            Kind::Page => assert!(matches!(response.status().as_u16(), 303 | 403), "{path}"),
        }
    }
    for path in PUBLIC {
        assert_eq!(
            reqwest::get(app.url(path)).await.unwrap().status(),
            200,
            "{path}"
        );
    }
}

#[tokio::test]
async fn imdi_cannot_manage_a_caseworker_and_a_municipal_admin_not_another_municipality() {
    let app = spawn_app().await;
    let caseworker = app
        .create_user_in("other.caseworker", Municipality, None, None, Some("0301"))
        .await;
    for role in [Imdi, MunicipalityAdmin] {
        let user = app
            .create_user(&format!("manager.{}", role.code()), role)
            .await;
        let browser = app.login(&user).await;
        let response = browser
            .get(app.url(&format!("/admin/users/{}", caseworker.id)))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 403, "{role:?}");
    }
}
