//! Why an instance or request was refused, named by the field at fault.

use std::fmt;

use mottak_domain::error::Problem;

/// What kind of refusal: malformed input, or an instance past the size limits.
///
/// The HTTP layer maps `Malformed` to 400 and `TooLarge` to 413, both as problem+json naming
/// [`InvalidInstance::field`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InvalidInstanceKind {
    /// A value that breaks a rule: size 0, duplicate id, non-finite score, unknown municipality.
    Malformed,
    /// The instance is larger than [`crate::limits`] allow.
    TooLarge,
}

/// A refused instance: the path of the offending field (as in the JSON of SPEC §10, e.g.
/// `households[3].size` or `households[0].scores.0301`) and what is wrong, as the domain's code
/// (the interface words it in the user's language; the API says [`Problem::english`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvalidInstance {
    /// Path of the offending field, e.g. `municipalities[2].number`.
    pub field: String,
    /// What is wrong with it.
    pub problem: Problem,
    /// Malformed or too large.
    pub kind: InvalidInstanceKind,
}

impl InvalidInstance {
    pub(crate) fn malformed(field: impl Into<String>, problem: Problem) -> Self {
        Self {
            field: field.into(),
            problem,
            kind: InvalidInstanceKind::Malformed,
        }
    }

    pub(crate) fn too_large(field: impl Into<String>, problem: Problem) -> Self {
        Self {
            field: field.into(),
            problem,
            kind: InvalidInstanceKind::TooLarge,
        }
    }
}

impl fmt::Display for InvalidInstance {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field, self.problem.english())
    }
}

impl std::error::Error for InvalidInstance {}
