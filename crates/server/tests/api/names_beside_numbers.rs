//! Issue 17 items 5–7: names beside numbers (the reference lookups, the centre list and page),
//! the warning of a postal code in another municipality, and imports that take a file.

use mottak_domain::access::Role;
use serde_json::json;

use crate::helpers::csrf_token;
use crate::registry::Registry;

#[tokio::test]
async fn reference_lookups_give_the_municipality_name_and_the_postal_place() {
    let registry = Registry::new().await;
    let (status, bergen) = registry.get("/api/v1/reference/municipalities/4601").await;
    assert_eq!(status, 200, "{bergen}");
    assert_eq!(bergen["name"], "Bergen");
    let (status, place) = registry.get("/api/v1/reference/postal-codes/0010").await;
    assert_eq!(status, 200, "{place}");
    assert_eq!(place["place"], "Oslo");
    let (status, missing) = registry.get("/api/v1/reference/municipalities/9999").await;
    assert_eq!(status, 404, "{missing}");
}

#[tokio::test]
async fn postal_code_of_oslo_on_a_bergen_centre_is_saved_with_a_warning_naming_both() {
    let registry = Registry::new().await;
    let operator = registry.operator("Hero").await;
    let (status, created) = registry
        .centre(
            operator,
            "Fjord asylmottak",
            "12",
            json!({ "municipality_number": "4601", "postal_code": "0010" }),
        )
        .await;
    assert_eq!(status, 201, "{created}");
    let warnings = created["warnings"].to_string();
    assert!(
        warnings.contains("Postal code 0010 (Oslo) lies in 0301 Oslo, not in the centre's municipality 4601 Bergen"),
        "{warnings}"
    );
    // The centre page says so in Norwegian, and the list and page show names beside numbers.
    let user = registry.app.create_user("kari", Role::UdiAdm).await;
    let client = registry.app.login(&user).await;
    let id = created["id"].as_i64().unwrap();
    let page = registry.app.page(&client, &format!("/centres/{id}")).await;
    assert!(
        page.contains(
            "Postnummer 0010 (Oslo) ligger i 0301 Oslo, ikke i mottakets kommune 4601 Bergen"
        ),
        "{page}"
    );
    assert!(page.contains("<dd>4601 Bergen</dd>"), "{page}");
    assert!(page.contains("id=\"municipality_number-name\" aria-live=\"polite\">Bergen</div>"));
    let list = registry.app.page(&client, "/centres").await;
    assert!(list.contains("<td>4601 Bergen</td>"), "{list}");

    // A Bergen postal code on a Bergen centre: no warning.
    let (status, created) = registry
        .centre(
            operator,
            "Sentrum asylmottak",
            "12",
            json!({ "municipality_number": "4601", "postal_code": "5003" }),
        )
        .await;
    assert_eq!(status, 201, "{created}");
    assert!(!created["warnings"].to_string().contains("Postal code"));
}

#[tokio::test]
async fn a_display_name_of_20000_characters_is_refused_beside_the_field() {
    let registry = Registry::new().await;
    let admin = registry.app.create_user("root", Role::Admin).await;
    let token = registry.app.token_for(&admin).await;
    let body = json!({ "username": "lang", "display_name": "x".repeat(20_000), "role": "udi_adm",
                       "password": "et langt og godt passord 42" });
    let (status, problem) = registry.app.api(&token).post("/api/v1/users", &body).await;
    assert_eq!(status, 400, "{problem}");
    assert_eq!(problem["errors"][0]["field"], "display_name");
}

#[tokio::test]
async fn centre_import_takes_a_file_and_reports_every_error_of_a_bad_row() {
    let registry = Registry::new().await;
    let user = registry.app.create_user("kari", Role::UdiAdm).await;
    let client = registry.app.login(&user).await;
    let csrf = csrf_token(&registry.app.page(&client, "/registry/import").await);
    let file = "number;name;category;municipality_number;postal_code;operator_dro\n\
                0350;Feil asylmottak;nonsense;9999;0000;DRO9999\n";
    let form = reqwest::multipart::Form::new()
        .text("csrf", csrf)
        .text("kind", "centres")
        .text("mode", "dry_run")
        .text("text", "")
        .part(
            "file",
            reqwest::multipart::Part::bytes(file.as_bytes().to_vec())
                .file_name("mottak.csv")
                .mime_str("text/csv")
                .unwrap(),
        );
    let response = client
        .post(registry.app.url("/registry/import"))
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let html = response.text().await.unwrap();
    assert!(html.contains("0 / 1"), "{html}");
    // Every error of the row, each by its column's label, in bokmål.
    for label in [
        "Mottakskategori",
        "Kommunenummer",
        "Postnummer",
        "DRO-nummer",
    ] {
        assert!(html.contains(&format!("{label}: ")), "{label}: {html}");
    }

    // Without the CSRF token the multipart form is refused.
    let form = reqwest::multipart::Form::new()
        .text("kind", "centres")
        .text("text", file);
    let response = client
        .post(registry.app.url("/registry/import"))
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 403);
}
