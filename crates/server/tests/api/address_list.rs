//! The public address list (R-REG-9): its caching headers, and that they follow the data.

use reqwest::StatusCode;
use reqwest::header::{CACHE_CONTROL, ETAG, IF_NONE_MATCH};
use serde_json::{Value, json};

use crate::registry::Registry;

const LISTS: [&str; 3] = ["/api/v1/address-list", "/address-list.csv", "/address-list"];

/// A registry with one open centre in Oslo (postal code 0010).
async fn registry_with_a_centre() -> (Registry, Value) {
    let registry = Registry::new().await;
    let operator = registry.operator("Hero").await;
    let (status, centre) = registry
        .centre(
            operator,
            "Oslo asylmottak",
            "03",
            json!({ "phone": "22000000" }),
        )
        .await;
    assert_eq!(status, 201, "{centre}");
    (registry, centre)
}

/// The list's ETag, without login.
async fn etag(registry: &Registry, path: &str) -> String {
    let response = reqwest::get(registry.app.url(path)).await.unwrap();
    assert_eq!(response.status(), StatusCode::OK, "{path}");
    response.headers()[ETAG].to_str().unwrap().to_owned()
}

async fn get_if_none_match(registry: &Registry, path: &str, etag: &str) -> reqwest::Response {
    reqwest::Client::new()
        .get(registry.app.url(path))
        .header(IF_NONE_MATCH, etag)
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn r_reg_9_address_list_answers_304_for_its_etag() {
    let (registry, _) = registry_with_a_centre().await;
    for path in LISTS {
        let first = reqwest::get(registry.app.url(path)).await.unwrap();
        assert_eq!(first.status(), StatusCode::OK, "{path}");
        let tag = first.headers()[ETAG].to_str().unwrap().to_owned();
        assert!(
            first.headers()[CACHE_CONTROL]
                .to_str()
                .unwrap()
                .contains("no-cache")
        );

        let again = get_if_none_match(&registry, path, &tag).await;

        assert_eq!(again.status(), StatusCode::NOT_MODIFIED, "{path}");
        assert_eq!(again.headers()[ETAG], tag.as_str(), "{path}");
        assert!(again.headers().contains_key(CACHE_CONTROL), "{path}");
        assert_eq!(again.text().await.unwrap(), "", "{path}");
        let other = get_if_none_match(&registry, path, "\"something else\"").await;
        assert_eq!(other.status(), StatusCode::OK, "{path}");
    }
}

#[tokio::test]
async fn r_reg_9_a_changed_centre_changes_the_address_list_etag() {
    let (registry, centre) = registry_with_a_centre().await;
    let mut before = Vec::new();
    for path in LISTS {
        before.push(etag(&registry, path).await);
    }

    let (status, patched) = registry
        .patch(
            &format!("/api/v1/centres/{}", centre["id"]),
            json!({ "version": 1, "phone": "22111111" }),
        )
        .await;
    assert_eq!(status, 200, "{patched}");

    for (path, old) in LISTS.into_iter().zip(&before) {
        assert_ne!(&etag(&registry, path).await, old, "{path}");
        let response = get_if_none_match(&registry, path, old).await;
        assert_eq!(response.status(), StatusCode::OK, "{path}");
        assert!(
            response.text().await.unwrap().contains("22111111"),
            "{path}"
        );
    }
}

#[tokio::test]
async fn r_reg_9_address_list_names_the_postal_place_and_follows_every_write() {
    let (registry, centre) = registry_with_a_centre().await;
    let list: Value = reqwest::get(registry.app.url("/api/v1/address-list"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(list[0]["postal_place"], "OSLO", "{list}");

    // A write made past this instance (another instance, an import) is seen too.
    let store = &registry.app.store;
    let record = store.centre(centre["id"].as_i64().unwrap()).await.unwrap();
    let mut tx = store.begin_write().await.unwrap();
    tx.update_centre_identity(record.id, record.version, &record.name, "closed")
        .await
        .unwrap();
    tx.record(mottak_store::events::NewEvent::new(
        &mottak_store::events::Actor::system("test"),
        mottak_store::events::EventDomain::Registry,
        "centre.close",
        "centre",
        &record.number,
    ))
    .await
    .unwrap();
    tx.commit().await.unwrap();

    let list: Value = reqwest::get(registry.app.url("/api/v1/address-list"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(list, json!([]), "the closed centre has left the list");
}
