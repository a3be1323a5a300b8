//! An admin's revision of a template (SPEC §6: templates are versioned data an admin can
//! revise; a running plan keeps its version). The revision gets the next version; new plans
//! are computed from it, the plans already running keep the version they were started from.

use std::collections::HashSet;

use super::builtin::builtin;
use super::template::{Anchor, Template};
use crate::error::{FieldError, FieldErrors};
use crate::problem::Problem;

/// `revised` checked against the `current` version, as the next version; or every error.
/// The key stays; item keys are unique; every item another waits for or is dated from exists;
/// an item the built-in template does not have brings its own title in both languages.
pub fn revise(current: &Template, revised: Template) -> Result<Template, Vec<FieldError>> {
    let mut errors = FieldErrors::default();
    if revised.key != current.key {
        errors.push(FieldError::coded("key", Problem::TemplateKeyChanged));
    }
    if revised.items.is_empty() {
        errors.push(FieldError::coded("items", Problem::NoTemplateItems));
    }
    let built_in: HashSet<String> = builtin(&current.key)
        .map(|template| template.items.into_iter().map(|item| item.key).collect())
        .unwrap_or_default();
    let mut keys = HashSet::new();
    for (index, item) in revised.items.iter().enumerate() {
        if !keys.insert(item.key.as_str()) {
            errors.push(FieldError::coded(
                format!("items[{index}].key"),
                Problem::DuplicateItem {
                    key: item.key.clone(),
                },
            ));
        }
        let untitled = item
            .title
            .as_ref()
            .is_none_or(|title| title.nb.trim().is_empty() || title.en.trim().is_empty());
        if untitled && !built_in.contains(&item.key) {
            errors.push(FieldError::coded(
                format!("items[{index}].title"),
                Problem::UntitledItem {
                    key: item.key.clone(),
                },
            ));
        }
    }
    for (index, item) in revised.items.iter().enumerate() {
        let dated_from = match &item.due.anchor {
            Anchor::Completed(key) => Some(("due", key)),
            _ => None,
        };
        let waits_for = item.after.iter().map(|key| ("after", key));
        for (field, key) in dated_from.into_iter().chain(waits_for) {
            if !keys.contains(key.as_str()) {
                errors.push(FieldError::coded(
                    format!("items[{index}].{field}"),
                    Problem::UnknownItem { key: key.clone() },
                ));
            }
        }
    }
    let version = current.version + 1;
    errors.into_result(|| Template { version, ..revised })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plans::template::LocalizedText;

    fn opening() -> Template {
        builtin("opening").unwrap()
    }

    #[test]
    fn spec_6_a_revision_is_the_next_version_of_the_same_template() {
        let mut revised = opening();
        revised
            .items
            .retain(|item| item.key != "opening.address_list");
        let next = revise(&opening(), revised).unwrap();
        assert_eq!(next.version, opening().version + 1);
        assert_eq!(next.key, "opening");
        assert!(
            !next
                .items
                .iter()
                .any(|item| item.key == "opening.address_list")
        );
    }

    #[test]
    fn spec_6_a_revision_keeps_the_key_and_its_items_unique_and_known() {
        let mut revised = opening();
        revised.key = "closing".into();
        let duplicate = revised.items[0].clone();
        revised.items.push(duplicate);
        revised.items[1].after = vec!["opening.nothing".into()];
        let errors = revise(&opening(), revised).unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|error| error.field.as_str()).collect();
        let last = opening().items.len();
        assert_eq!(
            fields,
            ["key", &format!("items[{last}].key"), "items[1].after"],
            "{errors:?}"
        );
    }

    #[test]
    fn spec_6_a_new_item_brings_its_title_in_both_languages() {
        let mut revised = opening();
        let mut new = revised.items[0].clone();
        new.key = "opening.welcome_letter".into();
        revised.items.push(new.clone());
        let errors = revise(&opening(), revised.clone()).unwrap_err();
        assert_eq!(
            errors[0].problem,
            Problem::UntitledItem {
                key: new.key.clone()
            }
        );
        revised.items.last_mut().unwrap().title = Some(LocalizedText {
            nb: "Sende velkomstbrev".into(),
            en: "Send the welcome letter".into(),
        });
        assert!(revise(&opening(), revised).is_ok());
    }

    #[test]
    fn spec_6_a_template_keeps_at_least_one_item() {
        let mut revised = opening();
        revised.items.clear();
        let errors = revise(&opening(), revised).unwrap_err();
        assert_eq!(errors[0].field, "items");
    }
}
