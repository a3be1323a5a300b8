//! Conditional responses (RFC 9110 §8.8.3, §13.1.2): an ETag derived from the body, and 304 Not
//! Modified when the client already holds that body.

use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use sha2::{Digest, Sha256};

/// A strong entity tag for a body: the first 128 bits of its SHA-256, so it changes exactly when
/// the bytes do, and every instance of the service gives the same tag for the same body.
pub fn etag_of(body: &[u8]) -> String {
    format!("\"{}\"", hex::encode(&Sha256::digest(body)[..16]))
}

/// Whether an `If-None-Match` value names `etag`: `*`, or a list of tags compared weakly (a
/// `W/` prefix does not matter for GET).
pub fn none_match_hits(if_none_match: &str, etag: &str) -> bool {
    let opaque = |tag: &str| tag.trim().trim_start_matches("W/").to_owned();
    let wanted = opaque(etag);
    if_none_match
        .split(',')
        .any(|tag| tag.trim() == "*" || opaque(tag) == wanted)
}

/// The body with its ETag and `Cache-Control`, or 304 with the same headers and no body when
/// the request's `If-None-Match` names that ETag.
pub fn conditional(
    request: &HeaderMap,
    cache_control: &'static str,
    content_type: &'static str,
    body: Vec<u8>,
) -> Response {
    let etag = etag_of(&body);
    let hit = request
        .get_all(header::IF_NONE_MATCH)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .any(|value| none_match_hits(value, &etag));
    let mut response = if hit {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        ([(header::CONTENT_TYPE, content_type)], body).into_response()
    };
    let headers = response.headers_mut();
    if let Ok(value) = HeaderValue::from_str(&etag) {
        headers.insert(header::ETAG, value);
    }
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static(cache_control),
    );
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn etag_follows_the_body() {
        let tag = etag_of(b"one");
        assert_eq!(tag, etag_of(b"one"));
        assert_ne!(tag, etag_of(b"two"));
        assert!(tag.starts_with('"') && tag.ends_with('"') && tag.len() == 34);
    }

    #[test]
    fn if_none_match_compares_weakly_and_accepts_lists_and_star() {
        let tag = etag_of(b"list");
        assert!(none_match_hits(&tag, &tag));
        assert!(none_match_hits(&format!("W/{tag}"), &tag));
        assert!(none_match_hits(&format!("\"other\", {tag}"), &tag));
        assert!(none_match_hits("*", &tag));
        assert!(!none_match_hits("\"other\"", &tag));
        assert!(!none_match_hits("", &tag));
    }

    #[test]
    fn a_matching_request_gets_304_without_a_body() {
        let body = b"a;b\r\n".to_vec();
        let mut request = HeaderMap::new();
        request.insert(
            header::IF_NONE_MATCH,
            HeaderValue::from_str(&etag_of(&body)).unwrap(),
        );
        let response = conditional(&request, "no-cache", "text/csv", body.clone());
        assert_eq!(response.status(), StatusCode::NOT_MODIFIED);
        assert_eq!(response.headers()[header::CACHE_CONTROL], "no-cache");
        let response = conditional(&HeaderMap::new(), "no-cache", "text/csv", body);
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(response.headers()[header::CONTENT_TYPE], "text/csv");
    }
}
