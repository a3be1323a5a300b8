//! The catalogue is complete: every key has both languages, and every key a page or handler
//! names exists.

use std::collections::BTreeSet;
use std::path::Path;

use super::all_texts;

#[test]
fn every_key_has_bokmal_and_english_and_appears_once() {
    let mut seen = BTreeSet::new();
    for (key, nb, en) in all_texts() {
        assert!(!nb.trim().is_empty(), "{key} lacks bokmål");
        assert!(!en.trim().is_empty(), "{key} lacks English");
        assert!(seen.insert(*key), "{key} appears twice");
    }
}

/// Every `t("…")`, `text("…")` and `with_title("…")` with a literal key, in the templates and
/// the sources.
fn used_keys(dir: &Path, keys: &mut BTreeSet<String>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            used_keys(&path, keys);
            continue;
        }
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        for call in [".t(\"", ".text(\"", "with_title(\""] {
            for rest in text.split(call).skip(1) {
                let key = rest.split('"').next().unwrap_or_default();
                let is_key = key
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '_');
                if !key.is_empty() && is_key {
                    keys.insert(key.to_owned());
                }
            }
        }
    }
}

#[test]
fn every_key_a_page_uses_exists() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut keys = BTreeSet::new();
    used_keys(&root.join("templates"), &mut keys);
    used_keys(&root.join("src"), &mut keys);
    assert!(keys.len() > 50, "the scan finds the keys: {keys:?}");
    let known: BTreeSet<&str> = all_texts().map(|(key, _, _)| *key).collect();
    let missing: Vec<&String> = keys
        .iter()
        .filter(|key| !known.contains(key.as_str()))
        .collect();
    assert!(missing.is_empty(), "keys without texts: {missing:?}");
}

#[test]
fn the_registry_labels_come_from_the_catalogue_in_both_languages() {
    use crate::i18n::Lang;
    use crate::routes::registry::pages::{
        CATEGORIES, PLACE_TYPES, category_label, place_type_label,
    };
    for code in CATEGORIES {
        assert_ne!(
            category_label(code, Lang::Nb),
            category_label(code, Lang::En)
        );
        assert_ne!(category_label(code, Lang::Nb), "?");
    }
    for code in PLACE_TYPES {
        assert_ne!(place_type_label(code, Lang::En), "?", "{code}");
    }
    assert_eq!(
        place_type_label("emergency", Lang::Nb),
        "Nødplass",
        "the seed's word"
    );
}
