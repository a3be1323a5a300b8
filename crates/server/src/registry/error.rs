use mottak_domain::error::{FieldError, Problem};
use mottak_store::StoreError;

use crate::error::ApiError;
use crate::error::PageError;

#[derive(Debug, thiserror::Error)]
pub enum RegistryError {
    /// Every invalid field, in the order the input is read; never empty.
    #[error("{}", .0.first().map(|error| error.to_string()).unwrap_or_default())]
    Invalid(Vec<FieldError>),
    /// A number that is taken, or a stale version: the problem as a code.
    #[error("{problem}")]
    Conflict {
        field: Option<String>,
        problem: Problem,
    },
    #[error("not found")]
    NotFound,
    #[error("not allowed")]
    Forbidden,
    #[error("{0}")]
    Store(StoreError),
}

impl RegistryError {
    /// A conflict with the stored state over `field`.
    pub fn conflict(field: impl Into<String>, problem: Problem) -> RegistryError {
        RegistryError::Conflict {
            field: Some(field.into()),
            problem,
        }
    }
}

impl From<FieldError> for RegistryError {
    fn from(error: FieldError) -> RegistryError {
        RegistryError::Invalid(vec![error])
    }
}

impl From<Vec<FieldError>> for RegistryError {
    fn from(errors: Vec<FieldError>) -> RegistryError {
        RegistryError::Invalid(errors)
    }
}

impl From<StoreError> for RegistryError {
    fn from(error: StoreError) -> RegistryError {
        match error {
            StoreError::NotFound => RegistryError::NotFound,
            StoreError::Conflict(constraint) if constraint.ends_with("_version") => {
                RegistryError::conflict("version", Problem::Stale)
            }
            StoreError::Conflict(constraint) if constraint.contains("number") => {
                let field = if constraint.contains("dro") {
                    "dro_number"
                } else {
                    "number"
                };
                RegistryError::conflict(field, Problem::NumberInUse)
            }
            other => RegistryError::Store(other),
        }
    }
}

impl From<RegistryError> for ApiError {
    fn from(error: RegistryError) -> ApiError {
        match error {
            RegistryError::Invalid(errors) => ApiError::invalid_fields(errors),
            RegistryError::Conflict { field, problem } => ApiError::Conflict { field, problem },
            RegistryError::NotFound => ApiError::NotFound,
            RegistryError::Forbidden => ApiError::forbidden(),
            RegistryError::Store(error) => error.into(),
        }
    }
}

impl From<RegistryError> for PageError {
    fn from(error: RegistryError) -> PageError {
        match error {
            RegistryError::NotFound => PageError::NotFound,
            RegistryError::Forbidden => PageError::Forbidden,
            RegistryError::Invalid(_) | RegistryError::Conflict { .. } => PageError::BadRequest,
            RegistryError::Store(error) => error.into(),
        }
    }
}
