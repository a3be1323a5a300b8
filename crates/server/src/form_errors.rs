//! A form's errors: each beside its field and in the error summary at the top
//! (Designsystemet's error summary, linking to the field's id), in the user's language and
//! naming the field by its label.

use mottak_domain::error::{FieldError, Problem};

use crate::i18n::{Lang, problems::error_text, problems::problem_text};

/// One error of a form.
#[derive(Debug, Clone)]
pub struct FormError {
    /// The field's name and id (the summary links to `#field`).
    pub field: String,
    /// The field's label as the form shows it; empty when the error has no field on the form.
    pub label: String,
    pub message: String,
}

/// A form's errors by field name, shown beside the fields and in the summary.
#[derive(Default, Debug, Clone)]
pub struct FormErrors {
    pub errors: Vec<FormError>,
    /// An error of the whole form (a conflict), shown in the summary.
    pub summary: String,
}

/// A form's fields: `(field name, text key of its label)`.
pub type Labels = [(&'static str, &'static str)];

impl FormErrors {
    /// One error, as written.
    pub fn of(field: &str, message: &str) -> FormErrors {
        FormErrors {
            errors: vec![FormError {
                field: field.to_owned(),
                label: String::new(),
                message: message.to_owned(),
            }],
            summary: String::new(),
        }
    }

    /// A conflict with the stored state that concerns the whole form, in the summary.
    pub fn conflict(problem: &Problem, lang: Lang) -> FormErrors {
        FormErrors {
            errors: Vec::new(),
            summary: problem_text(problem, lang),
        }
    }

    /// Every error in `lang`, beside its field (the first of a field is shown), without labels.
    pub fn from_fields(errors: impl IntoIterator<Item = FieldError>, lang: Lang) -> FormErrors {
        FormErrors::localized(errors, lang, &[])
    }

    /// Every error in `lang`, each named by the label `labels` gives its field.
    pub fn localized(
        errors: impl IntoIterator<Item = FieldError>,
        lang: Lang,
        labels: &Labels,
    ) -> FormErrors {
        FormErrors {
            errors: errors
                .into_iter()
                .map(|error| FormError {
                    label: label(&error.field, lang, labels),
                    message: error_text(&error, lang),
                    field: error.field,
                })
                .collect(),
            summary: String::new(),
        }
    }

    /// The labels of errors made with [`FormErrors::of`], and their messages when they are codes.
    pub fn labelled(mut self, lang: Lang, labels: &Labels) -> FormErrors {
        for error in &mut self.errors {
            if error.label.is_empty() {
                error.label = label(&error.field, lang, labels);
            }
        }
        self
    }

    pub fn get(&self, field: &str) -> &str {
        self.errors
            .iter()
            .find(|error| error.field == field)
            .map_or("", |error| error.message.as_str())
    }

    /// Every error of a field, joined by `; `, for beside it (the summary lists them too).
    pub fn all(&self, field: &str) -> String {
        self.errors
            .iter()
            .filter(|error| error.field == field)
            .map(|error| error.message.as_str())
            .collect::<Vec<_>>()
            .join("; ")
    }

    pub fn is_empty(&self) -> bool {
        self.errors.is_empty() && self.summary.is_empty()
    }
}

fn label(field: &str, lang: Lang, labels: &Labels) -> String {
    labels
        .iter()
        .find(|(name, _)| *name == field)
        .map_or_else(String::new, |(_, key)| lang.text(key).to_owned())
}
