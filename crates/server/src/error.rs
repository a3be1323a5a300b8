//! Errors of the HTTP layer. API errors become `application/problem+json` (RFC 9457); causes of
//! internal errors are logged with context and never shown to the client.

use axum::Json;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use mottak_domain::error::{self as domain, FieldError};
use mottak_store::StoreError;
use serde::Serialize;

mod page;

pub use page::PageError;

#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// Invalid input (400): `errors` names every invalid field (SPEC §10), the first of them
    /// also as the problem's `field`; empty when the body as a whole is unreadable.
    #[error("{detail}")]
    Invalid {
        detail: String,
        errors: Vec<FieldError>,
    },
    #[error("authentication required")]
    Unauthorized,
    #[error("{0}")]
    Forbidden(String),
    #[error("not found")]
    NotFound,
    /// A conflict with the stored state (409), naming the field where there is one; the
    /// problem as a code (a page words it in the user's language, the API in English).
    #[error("{problem}")]
    Conflict {
        field: Option<String>,
        problem: domain::Problem,
    },
    #[error("request body too large")]
    PayloadTooLarge,
    /// A request within the body limit that asks for more than the service allows (413).
    #[error("{problem}")]
    TooLarge {
        field: String,
        problem: domain::Problem,
    },
    /// Busy for now (503).
    #[error("{0}")]
    Unavailable(String),
    #[error("too many attempts")]
    TooManyRequests,
    #[error("internal error")]
    Internal(#[from] anyhow::Error),
}

impl ApiError {
    /// One invalid field, its problem as a code (a page words it in the user's language).
    pub fn coded(field: impl Into<String>, problem: domain::Problem) -> ApiError {
        ApiError::invalid_fields(vec![FieldError::coded(field, problem)])
    }

    /// Every invalid field of a request; the first one's message is the problem's `detail`.
    pub fn invalid_fields(errors: Vec<FieldError>) -> ApiError {
        let detail = match errors.as_slice() {
            [] => "the request is invalid".to_owned(),
            [only] => only.message.clone(),
            [first, rest @ ..] => {
                format!("{} (and {} more invalid fields)", first.message, rest.len())
            }
        };
        ApiError::Invalid { detail, errors }
    }

    /// Invalid input that concerns the body as a whole rather than one field.
    pub fn invalid_body(detail: impl Into<String>) -> ApiError {
        ApiError::Invalid {
            detail: detail.into(),
            errors: Vec::new(),
        }
    }

    /// A conflict with the stored state that concerns no one field.
    pub fn conflict(problem: domain::Problem) -> ApiError {
        ApiError::Conflict {
            field: None,
            problem,
        }
    }

    /// A conflict with the stored state over `field`.
    pub fn conflict_at(field: impl Into<String>, problem: domain::Problem) -> ApiError {
        ApiError::Conflict {
            field: Some(field.into()),
            problem,
        }
    }

    /// The first invalid or conflicting field, where there is one.
    pub fn field(&self) -> Option<&str> {
        match self {
            ApiError::Invalid { errors, .. } => errors.first().map(|error| error.field.as_str()),
            ApiError::TooLarge { field, .. } => Some(field),
            ApiError::Conflict { field, .. } => field.as_deref(),
            _ => None,
        }
    }

    /// The errors a form shows beside its fields for a refused input (400, 409, 413), or the
    /// error itself when it is not about the input (a page's error page shows it).
    pub fn into_field_errors(self) -> Result<Vec<FieldError>, ApiError> {
        match self {
            ApiError::Invalid { detail, errors } if errors.is_empty() => {
                Ok(vec![FieldError::coded(
                    "",
                    domain::Problem::Unreadable { detail },
                )])
            }
            ApiError::Invalid { errors, .. } => Ok(errors),
            ApiError::TooLarge { field, problem } => Ok(vec![FieldError::coded(field, problem)]),
            ApiError::Conflict { field, problem } => {
                Ok(vec![FieldError::coded(field.unwrap_or_default(), problem)])
            }
            other => Err(other),
        }
    }

    pub fn forbidden() -> ApiError {
        ApiError::Forbidden("your role or scope does not allow this".to_owned())
    }

    pub fn status(&self) -> StatusCode {
        match self {
            ApiError::Invalid { .. } => StatusCode::BAD_REQUEST,
            ApiError::Unauthorized => StatusCode::UNAUTHORIZED,
            ApiError::Forbidden(_) => StatusCode::FORBIDDEN,
            ApiError::NotFound => StatusCode::NOT_FOUND,
            ApiError::Conflict { .. } => StatusCode::CONFLICT,
            ApiError::PayloadTooLarge | ApiError::TooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
            ApiError::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            ApiError::TooManyRequests => StatusCode::TOO_MANY_REQUESTS,
            ApiError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

impl From<StoreError> for ApiError {
    fn from(error: StoreError) -> ApiError {
        match error {
            StoreError::NotFound => ApiError::NotFound,
            StoreError::Conflict(what) => ApiError::conflict(conflict_problem(&what)),
            other => ApiError::Internal(other.into()),
        }
    }
}

/// What a violated store constraint means to the reader.
fn conflict_problem(constraint: &str) -> domain::Problem {
    if constraint.ends_with("_version") {
        domain::Problem::Stale
    } else if constraint.contains("username") {
        domain::Problem::UsernameTaken
    } else {
        domain::Problem::ExistingRecord {
            constraint: constraint.to_owned(),
        }
    }
}

/// The problem+json body (RFC 9457) with mottak's `field` and `errors` members (SPEC §10).
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Problem {
    #[serde(rename = "type")]
    pub problem_type: String,
    pub title: String,
    pub status: u16,
    pub detail: String,
    /// The first invalid field.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// Every invalid field of the request, the first of them being `field`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<ProblemField>,
}

/// One invalid field of a request.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ProblemField {
    pub field: String,
    pub detail: String,
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = self.status();
        if let ApiError::Internal(cause) = &self {
            tracing::error!(error = ?cause, "internal error");
        }
        let errors = match &self {
            ApiError::Invalid { errors, .. } => errors
                .iter()
                .map(|error| ProblemField {
                    field: error.field.clone(),
                    detail: error.message.clone(),
                })
                .collect(),
            _ => Vec::new(),
        };
        let problem = Problem {
            problem_type: "about:blank".to_owned(),
            title: status.canonical_reason().unwrap_or("Error").to_owned(),
            status: status.as_u16(),
            detail: self.to_string(),
            field: self.field().map(str::to_owned),
            errors,
        };
        let mut response = (status, Json(problem)).into_response();
        response.headers_mut().insert(
            header::CONTENT_TYPE,
            header::HeaderValue::from_static("application/problem+json"),
        );
        if status == StatusCode::UNAUTHORIZED {
            response.headers_mut().insert(
                header::WWW_AUTHENTICATE,
                header::HeaderValue::from_static("Bearer"),
            );
        }
        response
    }
}

pub type ApiResult<T> = Result<T, ApiError>;
