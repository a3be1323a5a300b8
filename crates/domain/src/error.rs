//! Invalid input, naming the field (SPEC §10: problem+json with `field`).

pub use crate::problem::Problem;

/// A value that broke a rule; `field` is a path like `units[0].agreements[1].valid_from`.
/// `problem` says what is wrong as a code (the interface words it in the user's language);
/// `message` is its English sentence, the API's `detail`.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{field}: {message}")]
pub struct FieldError {
    pub field: String,
    pub message: String,
    pub problem: Problem,
}

impl FieldError {
    /// An error as a code; its English sentence is generated from the code.
    pub fn coded(field: impl Into<String>, problem: Problem) -> FieldError {
        FieldError {
            field: field.into(),
            message: problem.english(),
            problem,
        }
    }

    /// The same error for another field (a form's name for an API member).
    pub fn at(self, field: impl Into<String>) -> FieldError {
        FieldError {
            field: field.into(),
            ..self
        }
    }
}

/// Every invalid field of one input, so that a request or a form reports them all at once
/// (SPEC §10's `errors`) instead of one per attempt.
#[derive(Debug, Default)]
pub struct FieldErrors(Vec<FieldError>);

impl FieldErrors {
    /// The value, or `None` with its error recorded.
    pub fn check<T>(&mut self, result: Result<T, FieldError>) -> Option<T> {
        match result {
            Ok(value) => Some(value),
            Err(error) => {
                self.0.push(error);
                None
            }
        }
    }

    pub fn push(&mut self, error: FieldError) {
        self.0.push(error);
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// `value` when nothing was recorded, otherwise every error in the order found.
    pub fn into_result<T>(self, value: impl FnOnce() -> T) -> Result<T, Vec<FieldError>> {
        if self.0.is_empty() {
            Ok(value())
        } else {
            Err(self.0)
        }
    }
}
