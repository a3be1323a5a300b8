//! JSON in and out of the API, with errors that name the offending field.

use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use axum::http::header;
use mottak_domain::error::{FieldError, Problem};
use serde::de::DeserializeOwned;

use crate::error::ApiError;
use crate::params::unreadable;

/// A JSON request body. Malformed JSON, wrong types, missing fields and unknown members become
/// 400 problem+json with `field` set to the path (`units[0].agreements[1].valid_from`); a body
/// without a JSON content type is 400 saying which one is expected; bodies over the limit are 413.
pub struct ApiJson<T>(pub T);

impl<S, T> FromRequest<S> for ApiJson<T>
where
    S: Send + Sync,
    T: DeserializeOwned,
{
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &S) -> Result<Self, ApiError> {
        let is_json = request
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|value| value.to_str().ok())
            .is_some_and(|value| {
                let essence = value.split(';').next().unwrap_or("").trim();
                essence.eq_ignore_ascii_case("application/json") || essence.ends_with("+json")
            });
        if !is_json {
            // SPEC §10: invalid input is 400, and a wrong content type is invalid input.
            return Err(ApiError::coded("content-type", Problem::NotJson));
        }
        let bytes = read_body(request, state, ApiError::invalid_body).await?;
        parse_json(&bytes).map(ApiJson)
    }
}

/// The body's bytes: over the limit is 413, another failure to read it is `unreadable`'s 400.
async fn read_body<S: Send + Sync>(
    request: Request,
    state: &S,
    unreadable: fn(&'static str) -> ApiError,
) -> Result<Bytes, ApiError> {
    Bytes::from_request(request, state)
        .await
        .map_err(|rejection| {
            if rejection.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE {
                ApiError::PayloadTooLarge
            } else {
                unreadable("the request body could not be read")
            }
        })
}

/// Parses JSON, reporting the path of the field that failed. Members that the target type does
/// not know are errors too, all of them listed (SPEC §10): a misspelt `stopdate` must not quietly
/// compute another claim.
pub fn parse_json<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, ApiError> {
    parse_from(&mut serde_json::Deserializer::from_slice(bytes))
}

/// A body of `T`'s members beside a `version` (optimistic concurrency: a stale one is 409).
pub fn versioned<T: DeserializeOwned>(
    mut members: serde_json::Map<String, serde_json::Value>,
) -> Result<(i64, T), ApiError> {
    let version = match members.remove("version") {
        Some(version) => version
            .as_i64()
            .ok_or_else(|| ApiError::coded("version", Problem::WholeNumber))?,
        None => return Err(ApiError::coded("version", Problem::Required)),
    };
    let value = parse_from(serde_json::Value::Object(members))?;
    Ok((version, value))
}

fn parse_from<'de, D, T>(deserializer: D) -> Result<T, ApiError>
where
    D: serde::Deserializer<'de, Error = serde_json::Error>,
    T: serde::Deserialize<'de>,
{
    let mut track = serde_path_to_error::Track::new();
    let mut unknown = Vec::new();
    let tracked = serde_path_to_error::Deserializer::new(deserializer, &mut track);
    let parsed = serde_ignored::deserialize(tracked, |path| unknown.push(member_path(&path)));
    match parsed {
        Ok(_) if !unknown.is_empty() => Err(ApiError::invalid_fields(
            unknown
                .into_iter()
                .map(|field| FieldError::coded(field, Problem::UnknownMember))
                .collect(),
        )),
        Ok(value) => Ok(value),
        Err(inner) => Err(type_error(track.path().to_string(), inner)),
    }
}

fn type_error(path: String, inner: serde_json::Error) -> ApiError {
    let detail = match inner.classify() {
        serde_json::error::Category::Syntax | serde_json::error::Category::Eof => {
            format!("malformed JSON: {inner}")
        }
        _ => inner.to_string(),
    };
    // A missing field is reported by serde at its parent; name the field itself.
    // An unknown member's path already ends in its name; a missing one's is its parent's.
    let missing = detail.starts_with("missing field `");
    let field = quoted_member(&detail)
        .map(|name| match path.as_str() {
            "." => name.to_owned(),
            _ if !missing => path.clone(),
            parent => format!("{parent}.{name}"),
        })
        .or_else(|| (path != ".").then_some(path));
    match field {
        Some(field) if missing => ApiError::coded(field, Problem::Required),
        Some(field) => ApiError::coded(field, unreadable(detail)),
        None => ApiError::invalid_body(detail),
    }
}

pub(crate) fn quoted_member(detail: &str) -> Option<&str> {
    let rest = detail
        .strip_prefix("missing field `")
        .or_else(|| detail.strip_prefix("unknown field `"))?;
    rest.split('`').next()
}

/// A path as `serde_path_to_error` writes it: `units[0].agreements[1].stopdate`.
fn member_path(path: &serde_ignored::Path) -> String {
    use serde_ignored::Path;
    match path {
        Path::Root => String::new(),
        Path::Seq { parent, index } => format!("{}[{index}]", member_path(parent)),
        Path::Map { parent, key } => match member_path(parent) {
            parent if parent.is_empty() => key.clone(),
            parent => format!("{parent}.{key}"),
        },
        Path::Some { parent }
        | Path::NewtypeStruct { parent }
        | Path::NewtypeVariant { parent } => member_path(parent),
    }
}

/// A text request body (CSV): not UTF-8 is 400 naming `body`; over the limit is 413.
pub struct ApiText(pub String);

impl<S: Send + Sync> FromRequest<S> for ApiText {
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &S) -> Result<Self, ApiError> {
        let bytes = read_body(request, state, |detail| {
            ApiError::coded("body", unreadable(detail))
        })
        .await?;
        String::from_utf8(bytes.to_vec())
            .map(ApiText)
            .map_err(|_| ApiError::coded("body", Problem::NotUtf8))
    }
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;

    use super::*;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Shoe {
        size: i64,
    }

    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Person {
        shoe: Shoe,
    }

    fn field_of(body: &str) -> String {
        match parse_json::<Person>(body.as_bytes()).unwrap_err() {
            ApiError::Invalid { errors, .. } => errors[0].field.clone(),
            other => panic!("not a 400: {other:?}"),
        }
    }

    #[test]
    fn spec_10_errors_name_the_member_once() {
        assert_eq!(field_of(r#"{"shoe": {"size": 1, "lace": 2}}"#), "shoe.lace");
        assert_eq!(field_of(r#"{"shoe": {}}"#), "shoe.size");
        assert_eq!(field_of(r#"{"shoe": {"size": "x"}}"#), "shoe.size");
    }
}
