use mottak_domain::error::FieldError;
use mottak_store::StoreError;

use crate::error::ApiError;
use crate::error::PageError;

#[derive(Debug, thiserror::Error)]
pub enum RegistryError {
    /// Every invalid field, in the order the input is read; never empty.
    #[error("{}", .0.first().map(|error| error.to_string()).unwrap_or_default())]
    Invalid(Vec<FieldError>),
    /// A number that is taken, or a stale version.
    #[error("{detail}")]
    Conflict {
        field: Option<String>,
        detail: String,
    },
    #[error("not found")]
    NotFound,
    #[error("not allowed")]
    Forbidden,
    #[error("{0}")]
    Store(StoreError),
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
            StoreError::Conflict(constraint) if constraint.ends_with("_version") => RegistryError::Conflict {
                field: Some("version".to_owned()),
                detail: "the record was changed by someone else since you read it; reload and try again".to_owned(),
            },
            StoreError::Conflict(constraint) if constraint.contains("number") => RegistryError::Conflict {
                field: Some(if constraint.contains("dro") { "dro_number" } else { "number" }.to_owned()),
                detail: "the number is already in use".to_owned(),
            },
            other => RegistryError::Store(other),
        }
    }
}

impl From<RegistryError> for ApiError {
    fn from(error: RegistryError) -> ApiError {
        match error {
            RegistryError::Invalid(errors) => ApiError::invalid_fields(errors),
            RegistryError::Conflict { field, detail } => ApiError::Conflict { field, detail },
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
