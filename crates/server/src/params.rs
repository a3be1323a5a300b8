//! Path and query parameters of the API. A value that does not parse is 400 problem+json naming
//! the parameter, like a bad member of a JSON body; axum's own rejections are plain text.

use axum::extract::path::ErrorKind;
use axum::extract::rejection::PathRejection;
use axum::extract::{FromRequestParts, Path, RawPathParams};
use axum::http::request::Parts;
use mottak_domain::error::Problem;
use serde::de::DeserializeOwned;

use crate::error::ApiError;
use crate::json::quoted_member;

/// Path parameters (`/api/v1/centres/{id}`).
pub struct ApiPath<T>(pub T);

impl<S, T> FromRequestParts<S> for ApiPath<T>
where
    S: Send + Sync,
    T: DeserializeOwned + Send,
{
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        match Path::<T>::from_request_parts(parts, state).await {
            Ok(Path(value)) => Ok(ApiPath(value)),
            Err(PathRejection::FailedToDeserializePathParams(error)) => {
                let names: Vec<String> = RawPathParams::from_request_parts(parts, state)
                    .await
                    .map(|raw| raw.iter().map(|(name, _)| name.to_owned()).collect())
                    .unwrap_or_default();
                Err(path_error(error.kind(), &names))
            }
            Err(other) => Err(ApiError::Internal(anyhow::anyhow!(
                "path parameters: {}",
                other.body_text()
            ))),
        }
    }
}

fn path_error(kind: &ErrorKind, names: &[String]) -> ApiError {
    let parameter = |index: usize| {
        names
            .get(index)
            .cloned()
            .unwrap_or_else(|| "path".to_owned())
    };
    match kind {
        ErrorKind::ParseErrorAtKey {
            key, expected_type, ..
        } => ApiError::coded(key.clone(), expectation(expected_type)),
        ErrorKind::ParseErrorAtIndex {
            index,
            expected_type,
            ..
        } => ApiError::coded(parameter(*index), expectation(expected_type)),
        ErrorKind::ParseError { expected_type, .. } => {
            ApiError::coded(parameter(0), expectation(expected_type))
        }
        ErrorKind::InvalidUtf8InPathParam { key } => ApiError::coded(key.clone(), Problem::NotUtf8),
        ErrorKind::DeserializeError { key, message, .. } => {
            ApiError::coded(key.clone(), unreadable(message.clone()))
        }
        other => ApiError::coded(parameter(0), unreadable(other.to_string())),
    }
}

fn expectation(expected_type: &str) -> Problem {
    match expected_type {
        "i64" | "i32" | "u64" | "u32" | "usize" => {
            unreadable("must be a whole number within range")
        }
        other => unreadable(format!("must be a valid {other}")),
    }
}

/// What the parser said, as the problem of a value it could not read.
pub fn unreadable(detail: impl Into<String>) -> Problem {
    Problem::Unreadable {
        detail: detail.into(),
    }
}

/// Query parameters (`?page=2&per_page=50`). Parameters the type does not know are ignored:
/// links and bookmarks carry extra ones.
pub struct ApiQuery<T>(pub T);

impl<S, T> FromRequestParts<S> for ApiQuery<T>
where
    S: Send + Sync,
    T: DeserializeOwned,
{
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, ApiError> {
        let query = parts.uri.query().unwrap_or("");
        let deserializer =
            serde_urlencoded::Deserializer::new(form_urlencoded::parse(query.as_bytes()));
        serde_path_to_error::deserialize(deserializer)
            .map(ApiQuery)
            .map_err(|error| {
                let path = error.path().to_string();
                let detail = error.into_inner().to_string();
                let field = quoted_member(&detail)
                    .map(str::to_owned)
                    .or_else(|| (path != ".").then_some(path))
                    .unwrap_or_else(|| "query".to_owned());
                ApiError::coded(field, unreadable(detail))
            })
    }
}
