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

/// Removes every `open … close` span (template expressions, comments, scripts) from `text`.
fn without(text: &str, open: &str, close: &str) -> String {
    let mut rest = text;
    let mut kept = String::new();
    while let Some(start) = rest.find(open) {
        kept.push_str(&rest[..start]);
        rest = rest[start + open.len()..]
            .split_once(close)
            .map_or("", |(_, after)| after);
        kept.push(' ');
    }
    kept.push_str(rest);
    kept
}

/// Words a template may hold literally: the product's name and names of formats.
const LITERAL_WORDS: &[&str] = &["mottak", "HTTP", "CSV", "Excel", "(XLSX)"];

/// A page's words come from the catalogue, in the user's language: a template holds no literal
/// text (issue 17 item 3), neither between tags nor in a label, title, alt or placeholder.
#[test]
fn templates_hold_no_literal_text() {
    fn scan(dir: &Path, found: &mut Vec<String>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                scan(&path, found);
                continue;
            }
            let html = std::fs::read_to_string(&path).unwrap();
            let mut text = html;
            for (open, close) in [
                ("{#", "#}"),
                ("{{", "}}"),
                ("{%", "%}"),
                ("<script", "</script>"),
                ("<style", "</style>"),
            ] {
                text = without(&text, open, close);
            }
            for attribute in ["aria-label=\"", "title=\"", "placeholder=\"", "alt=\""] {
                for rest in text.split(attribute).skip(1) {
                    let value = rest.split('"').next().unwrap_or_default();
                    if value.chars().filter(|c| c.is_alphabetic()).count() >= 3 {
                        found.push(format!("{}: {attribute}{value}\"", path.display()));
                    }
                }
            }
            let text = without(&text, "<", ">");
            for word in text.split_whitespace() {
                let letters = word.chars().filter(|c| c.is_alphabetic()).count();
                if letters >= 2 && !LITERAL_WORDS.contains(&word) {
                    found.push(format!("{}: {word}", path.display()));
                }
            }
        }
    }
    let mut found = Vec::new();
    scan(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("templates"),
        &mut found,
    );
    assert!(found.is_empty(), "literal text in templates: {found:#?}");
}
