//! What the production build must not contain, read from the source and manifests.

use std::path::Path;

/// R-LOG-1: the helpers that drop the append-only triggers (`store::testing`) are compiled only
/// when the `testing` feature asks for them, and the server enables it for its tests alone. CI
/// also checks with `cargo tree` that the feature never reaches the binary.
#[test]
fn r_log_1_trigger_dropping_helpers_are_compiled_only_for_tests() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let store = std::fs::read_to_string(root.join("store/src/lib.rs")).unwrap();
    let lines: Vec<&str> = store.lines().map(str::trim).collect();
    let module = lines
        .iter()
        .position(|line| *line == "pub mod testing;")
        .expect("store::testing exists");
    assert_eq!(
        lines[module - 1],
        "#[cfg(feature = \"testing\")]",
        "store::testing must be behind its feature"
    );
    let manifest = std::fs::read_to_string(root.join("server/Cargo.toml")).unwrap();
    let dependencies = manifest
        .split("[dependencies]")
        .nth(1)
        .and_then(|rest| rest.split("\n[").next())
        .unwrap();
    let store_line = dependencies
        .lines()
        .find(|line| line.starts_with("mottak-store"))
        .expect("the server depends on the store");
    assert!(
        !store_line.contains("testing"),
        "the binary's store has the testing feature: {store_line}"
    );
}
