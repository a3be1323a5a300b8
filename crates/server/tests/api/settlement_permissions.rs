//! R-AUTH-4 for settlement: `mottak user add --permissions` grants a caseworker's permissions,
//! and the settlement routes enforce them.

use serde_json::json;

use crate::helpers::spawn_app;
use crate::settlement::settlement;

#[tokio::test]
async fn r_auth_4_the_command_line_grants_permissions_and_the_routes_enforce_them() {
    let app = spawn_app().await;
    let people = settlement(&app).await;
    let output = crate::cli::mottak(
        &[
            "user",
            "add",
            "--username",
            "reports.only",
            "--role",
            "municipality",
            "--municipality",
            "4601",
            "--permissions",
            "reports",
            "--password-stdin",
        ],
        &app.database_url,
        crate::helpers::PASSWORD,
    );
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let output = crate::cli::mottak(
        &[
            "user",
            "add",
            "--username",
            "bad.permission",
            "--role",
            "municipality",
            "--municipality",
            "4601",
            "--permissions",
            "offers,health",
            "--password-stdin",
        ],
        &app.database_url,
        crate::helpers::PASSWORD,
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("health"));
    let user = crate::helpers::TestUser {
        id: 0,
        username: "reports.only".into(),
        totp_secret: String::new(),
    };
    let token = app.token_for(&user).await;
    let decision = json!({ "year": 2026, "municipality_number": "4601", "persons": 1, "unaccompanied_minors": 0 });
    let (status, body) = app
        .api(&token)
        .post("/api/v1/settlement/decisions", &decision)
        .await;
    assert_eq!(status, 403, "{body}");
    assert!(body["detail"].as_str().unwrap().contains("offers"));
    let (status, _) = app
        .api(&token)
        .get("/api/v1/settlement/offers?year=2026")
        .await;
    assert_eq!(status, 403);
    let (status, _) = app
        .api(&token)
        .get("/api/v1/settlement/report?year=2026")
        .await;
    assert_eq!(status, 200);
    // The default is all three.
    let (status, _) = app
        .api(&people.bergen)
        .post("/api/v1/settlement/decisions", &decision)
        .await;
    assert_eq!(status, 201);
}
