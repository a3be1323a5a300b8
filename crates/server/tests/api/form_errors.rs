//! Forms for caseworkers (issue 17): every error in the user's language beside its field and in
//! the error summary (linking to the field, taking focus), the user's own input kept, and the
//! free-text checks (phone, IP address, length limits).

use mottak_domain::access::Role;
use serde_json::json;

use crate::helpers::TestApp;
use crate::registry::Registry;

/// The error summary's links, `(href, text)`.
fn summary_links(html: &str) -> Vec<(String, String)> {
    let start = html
        .find("class=\"ds-error-summary\"")
        .expect("an error summary");
    let summary = &html[start..html[start..].find("</div>").unwrap() + start];
    summary
        .split("<a class=\"ds-link\" href=\"")
        .skip(1)
        .map(|link| {
            let (href, rest) = link.split_once("\">").unwrap();
            let text = rest.split_once("</a>").unwrap().0;
            (href.to_owned(), text.to_owned())
        })
        .collect()
}

async fn english(app: &TestApp, client: &reqwest::Client) {
    let response = client.get(app.url("/language/en")).send().await.unwrap();
    assert!(response.status().is_success() || response.status().is_redirection());
}

#[tokio::test]
async fn centre_form_says_every_error_in_norwegian_by_label_with_a_focused_summary() {
    let registry = Registry::new().await;
    let operator = registry.operator("Hero").await.to_string();
    let user = registry.app.create_user("kari", Role::UdiAdm).await;
    let client = registry.app.login(&user).await;
    let leader = "L".repeat(20_000);
    let response = registry
        .app
        .submit(
            &client,
            "/centres/new",
            "/centres/new",
            &[
                ("name", "Fjellro asylmottak"),
                ("category", "ordinary"),
                ("series", "03"),
                ("municipality_number", "0301"),
                ("postal_code", "0010"),
                ("operator_id", &operator),
                ("phone", "abc"),
                ("email", "post@asylmottak.no"),
                ("leader", &leader),
            ],
        )
        .await;
    assert_eq!(response.status(), 400);
    let html = response.text().await.unwrap();
    let links = summary_links(&html);
    let hrefs: Vec<&str> = links.iter().map(|(href, _)| href.as_str()).collect();
    assert_eq!(hrefs, ["#email", "#phone", "#leader"], "{links:?}");
    assert!(
        links[1].1.starts_with("Telefon"),
        "named by label: {links:?}"
    );
    assert!(links[1].1.contains("er ikke et telefonnummer"), "{links:?}");
    assert!(links[2].1.contains("høyst 200 tegn"), "{links:?}");
    for english in ["R-REG", "is not", "must"] {
        assert!(
            !html.contains(english),
            "no English or rule numbers: {english}"
        );
    }
    assert!(
        html.contains("tabindex=\"-1\" autofocus"),
        "the summary takes focus"
    );
    for field in ["email", "phone", "leader"] {
        assert!(html.contains(&format!("id=\"{field}-error\"")), "{field}");
    }
    assert!(
        html.contains("value=\"abc\"") && html.contains(&leader),
        "input kept"
    );
}

#[tokio::test]
async fn centre_form_in_english_says_the_errors_in_english() {
    let registry = Registry::new().await;
    let user = registry.app.create_user("kari", Role::UdiAdm).await;
    let client = registry.app.login(&user).await;
    english(&registry.app, &client).await;
    let response = registry
        .app
        .submit(
            &client,
            "/centres/new",
            "/centres/new",
            &[("name", " "), ("category", "ordinary"), ("series", "03")],
        )
        .await;
    assert_eq!(response.status(), 400);
    let links = summary_links(&response.text().await.unwrap());
    assert!(
        links
            .iter()
            .any(|(href, text)| href == "#name" && text.contains("Enter the centre")),
        "{links:?}"
    );
    assert!(
        links
            .iter()
            .any(|(href, text)| href == "#operator_id" && text.contains("Choose the operator")),
        "{links:?}"
    );
}

#[tokio::test]
async fn centre_edit_keeps_what_was_typed_and_checks_phone_and_ip_address() {
    let registry = Registry::new().await;
    let operator = registry.operator("Hero").await;
    let (status, centre) = registry
        .centre(
            operator,
            "Fjellro asylmottak",
            "03",
            json!({ "phone": "22 11 11 11" }),
        )
        .await;
    assert_eq!(status, 201, "{centre}");
    let id = centre["id"].as_i64().unwrap();
    let user = registry.app.create_user("kari", Role::UdiAdm).await;
    let client = registry.app.login(&user).await;
    let path = format!("/centres/{id}");
    let page = registry.app.page(&client, &path).await;
    let version = page
        .split("name=\"version\" value=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap()
        .to_owned();
    let response = registry
        .app
        .submit(
            &client,
            &path,
            &path,
            &[
                ("version", &version),
                ("phone", "abc"),
                ("ip_address", "999.999.1.1"),
                ("visiting_address", "Nyveien 1"),
            ],
        )
        .await;
    assert_eq!(response.status(), 400);
    let html = response.text().await.unwrap();
    for typed in [
        "value=\"abc\"",
        "value=\"999.999.1.1\"",
        "value=\"Nyveien 1\"",
    ] {
        assert!(html.contains(typed), "{typed} kept");
    }
    let hrefs: Vec<String> = summary_links(&html)
        .into_iter()
        .map(|(href, _)| href)
        .collect();
    assert_eq!(hrefs, ["#phone", "#ip_address"]);
    let (_, stored) = registry.get(&format!("/api/v1/centres/{id}")).await;
    assert_eq!(stored["phone"], "22 11 11 11", "nothing saved");
}

#[tokio::test]
async fn api_refuses_a_bad_phone_ip_address_and_a_long_name_naming_every_field() {
    let registry = Registry::new().await;
    let operator = registry.operator("Hero").await;
    let (status, body) = registry
        .centre(
            operator,
            &format!("{} asylmottak", "F".repeat(200)),
            "03",
            json!({ "phone": "abc", "ip_address": "999.999.1.1" }),
        )
        .await;
    assert_eq!(status, 400, "{body}");
    let errors: Vec<(&str, &str)> = body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|error| {
            (
                error["field"].as_str().unwrap(),
                error["detail"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        errors,
        [
            ("name", "at most 200 characters"),
            (
                "phone",
                "\"abc\" is not a phone number: digits, spaces and +, at least 8 digits"
            ),
            (
                "ip_address",
                "\"999.999.1.1\" is not an IPv4 or IPv6 address"
            ),
        ]
    );
}

#[tokio::test]
async fn operator_form_keeps_input_and_says_every_error_by_label() {
    let registry = Registry::new().await;
    let user = registry.app.create_user("kari", Role::UdiAdm).await;
    let client = registry.app.login(&user).await;
    let response = registry
        .app
        .submit(
            &client,
            "/operators/new",
            "/operators/new",
            &[
                ("name", "Hero Norge"),
                ("organisation_number", "123"),
                ("phone", "12"),
            ],
        )
        .await;
    assert_eq!(response.status(), 400);
    let html = response.text().await.unwrap();
    let links = summary_links(&html);
    let hrefs: Vec<&str> = links.iter().map(|(href, _)| href.as_str()).collect();
    assert_eq!(hrefs, ["#organisation_number", "#phone"], "{links:?}");
    assert!(links[0].1.contains("ni sifre"), "{links:?}");
    assert!(html.contains("value=\"Hero Norge\"") && html.contains("value=\"12\""));
}

/// Posts the new-user form for `ola.nordmann` with `scope`.
async fn new_user(
    app: &TestApp,
    client: &reqwest::Client,
    scope: &[(&str, &str)],
) -> reqwest::Response {
    let mut fields = vec![
        ("username", "ola.nordmann"),
        ("password", "a long enough passphrase 42"),
    ];
    fields.extend_from_slice(scope);
    app.submit(client, "/admin/users", "/admin/users", &fields)
        .await
}

#[tokio::test]
async fn a_refused_user_creation_shows_the_form_with_the_reason() {
    let registry = Registry::new().await;
    let app = &registry.app;
    let admin = app
        .create_user_in(
            "kommune.admin",
            Role::MunicipalityAdmin,
            None,
            None,
            Some("4601"),
        )
        .await;
    let client = app.login(&admin).await;
    let scope = [("role", "municipality"), ("municipality", "0301")];
    let response = new_user(app, &client, &scope).await;
    assert_eq!(response.status(), 403);
    let html = response.text().await.unwrap();
    assert!(html.contains("id=\"municipality-error\""), "{html}");
    assert!(html.contains("din egen kommune"), "{html}");
    assert!(html.contains("value=\"ola.nordmann\""), "input kept");
    let links = summary_links(&html);
    assert_eq!(links[0].0, "#municipality");
}

#[tokio::test]
async fn an_operator_user_for_a_dro_number_nobody_has_is_a_field_error() {
    let registry = Registry::new().await;
    let app = &registry.app;
    let admin = app.create_user("admin", Role::Admin).await;
    let client = app.login(&admin).await;
    let scope = [("role", "operator"), ("operator", "DRO4242")];
    let response = new_user(app, &client, &scope).await;
    assert_eq!(response.status(), 400);
    let html = response.text().await.unwrap();
    assert!(
        html.contains("Ingen driftsoperatør har DRO-nummeret DRO4242"),
        "{html}"
    );
}

#[tokio::test]
async fn the_centre_page_shows_english_labels_in_the_english_interface() {
    let registry = Registry::new().await;
    let operator = registry.operator("Hero").await;
    let (_, centre) = registry
        .centre(operator, "Fjellro asylmottak", "03", json!({}))
        .await;
    let user = registry.app.create_user("kari", Role::UdiAdm).await;
    let client = registry.app.login(&user).await;
    let path = format!("/centres/{}", centre["id"]);
    let norwegian = registry.app.page(&client, &path).await;
    assert!(norwegian.contains("Ordinært mottak"));
    english(&registry.app, &client).await;
    let page = registry.app.page(&client, &path).await;
    assert!(page.contains("Ordinary centre"), "{page}");
    for norwegian in ["Ordinært mottak", "K-sted UDI", "Nødplass"] {
        assert!(!page.contains(norwegian), "{norwegian} on the English page");
    }
}

#[tokio::test]
async fn the_municipality_field_lists_numbers_with_names_without_a_script() {
    let registry = Registry::new().await;
    let user = registry.app.create_user("kari", Role::UdiAdm).await;
    let client = registry.app.login(&user).await;
    let page = registry.app.page(&client, "/centres/new").await;
    assert!(page.contains("list=\"municipality-list\""), "{page}");
    assert!(
        page.contains("<option value=\"0301\">0301 Oslo</option>"),
        "{page}"
    );
}

#[tokio::test]
async fn r_reg_5_a_new_centre_s_warnings_are_in_norwegian_without_rule_numbers() {
    let registry = Registry::new().await;
    let operator = registry.operator("Hero").await.to_string();
    let user = registry.app.create_user("kari", Role::UdiAdm).await;
    let client = registry.app.login(&user).await;
    let response = registry
        .app
        .submit(
            &client,
            "/centres/new",
            "/centres/new",
            &[
                ("name", "Fjellro mottak"),
                ("category", "ordinary"),
                ("series", "03"),
                ("municipality_number", "0301"),
                ("postal_code", "0010"),
                ("operator_id", &operator),
            ],
        )
        .await;
    assert_eq!(response.status(), 201);
    let html = response.text().await.unwrap();
    assert!(
        html.contains("Navnet bør være mottakets eget navn fulgt av «asylmottak»"),
        "{html}"
    );
    assert!(!html.contains("R-REG"), "{html}");
    assert!(!html.contains("should be the centre"), "{html}");
}
