//! The route × role table covers every route the server has: a route added without a row in
//! `authorization::ROUTES` (or, for routes without login, `PUBLIC` and `SESSION`) fails here.
//! axum cannot list a router's routes, so this reads them from the `.route(…)` calls in the
//! source, which is where every route is declared.

use std::collections::BTreeSet;
use std::path::Path;

use crate::authorization::{PUBLIC, ROUTES};

/// The login flow and the language switch: they work before and during login, so they are
/// tried by the login tests rather than by the role table.
const SESSION: &[(&str, &str)] = &[
    ("POST", "/login"),
    ("GET", "/login/totp"),
    ("POST", "/login/totp"),
    ("GET", "/login/enrol"),
    ("POST", "/login/enrol"),
    ("POST", "/logout"),
    ("GET", "/language/{code}"),
];

/// Routes whose link is the credential (a calendar client sends neither cookie nor token): tried
/// by their own tests (`calendar_feed.rs`), where an unknown link is a 404 for everyone.
const LINK_IS_CREDENTIAL: &[(&str, &str)] = &[("GET", "/feeds/{file}")];

const METHODS: &[&str] = &["get", "post", "put", "patch", "delete"];

/// `/api/v1/users/{id}/tokens/{token_id}?x=1` → `/api/v1/users/{}/tokens/{}`.
fn shape(path: &str) -> String {
    let path = path.split('?').next().unwrap_or(path);
    let mut shaped = String::new();
    let mut inside = false;
    for character in path.chars() {
        match character {
            '{' => {
                inside = true;
                shaped.push_str("{}");
            }
            '}' => inside = false,
            _ if !inside => shaped.push(character),
            _ => {}
        }
    }
    shaped
}

fn rust_files(directory: &Path, files: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(directory).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, files);
        } else if path.extension().is_some_and(|extension| extension == "rs") {
            files.push(path);
        }
    }
}

/// The text of each `.route(…)` call, up to its closing parenthesis.
fn route_calls(source: &str) -> Vec<&str> {
    let mut calls = Vec::new();
    for (start, _) in source.match_indices(".route(") {
        let body = &source[start + ".route(".len()..];
        let mut depth = 1;
        for (offset, character) in body.char_indices() {
            match character {
                '(' => depth += 1,
                ')' => depth -= 1,
                _ => {}
            }
            if depth == 0 {
                calls.push(&body[..offset]);
                break;
            }
        }
    }
    calls
}

/// `(METHOD, shaped path)` for every route the server declares.
fn declared_routes() -> BTreeSet<(String, String)> {
    let mut files = Vec::new();
    rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    let mut routes = BTreeSet::new();
    for file in files {
        let source = std::fs::read_to_string(&file).unwrap();
        for call in route_calls(&source) {
            let Some(path) = call.split('"').nth(1) else {
                continue;
            };
            let words =
                call.split(|character: char| !character.is_alphanumeric() && character != '_');
            for word in words.filter(|word| METHODS.contains(word)) {
                routes.insert((word.to_uppercase(), shape(path)));
            }
        }
    }
    routes
}

/// Whether a row's path (`/api/v1/import/operators`, `/centres/{centre}`) is an instance of a
/// declared route's shape (`/api/v1/import/{}`).
fn is_instance(shape_of_route: &str, row: &str) -> bool {
    let row = shape(row);
    let declared: Vec<&str> = shape_of_route.split('/').collect();
    let actual: Vec<&str> = row.split('/').collect();
    declared.len() == actual.len()
        && declared
            .iter()
            .zip(&actual)
            .all(|(declared, actual)| declared == actual || *declared == "{}")
}

#[test]
fn every_declared_route_has_a_row_in_the_role_table() {
    let rows: Vec<(&str, &str)> = ROUTES
        .iter()
        .map(|route| (route.method, route.path))
        .chain(PUBLIC.iter().map(|path| ("GET", *path)))
        .chain(SESSION.iter().copied())
        .chain(LINK_IS_CREDENTIAL.iter().copied())
        .collect();
    let declared = declared_routes();
    assert!(declared.len() > 40, "found only {declared:?}");
    let row_of = |method: &str, shape: &str| {
        rows.iter()
            .any(|(row_method, row_path)| *row_method == method && is_instance(shape, row_path))
    };
    let missing: Vec<_> = declared
        .iter()
        .filter(|(method, shape)| !row_of(method, shape))
        .collect();
    assert!(missing.is_empty(), "routes without a row: {missing:#?}");
    let stale: Vec<_> = rows
        .iter()
        .filter(|(method, path)| {
            !declared.iter().any(|(declared_method, shape)| {
                declared_method == method && is_instance(shape, path)
            })
        })
        .collect();
    assert!(stale.is_empty(), "rows without a route: {stale:#?}");
}
