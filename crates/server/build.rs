//! Installs the front-end packages of `web/package.json` (Designsystemet, Swagger UI) with
//! `npm ci` into the build directory, so the binary can embed them: no third-party asset is
//! copied into the repository, and `cargo run` works on a fresh clone.

use std::path::{Path, PathBuf};
use std::process::Command;

fn main() {
    let manifest_dir = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap());
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").unwrap());
    let source = manifest_dir.join("web");
    let target = out_dir.join("web");
    println!("cargo:rerun-if-changed=web/package.json");
    println!("cargo:rerun-if-changed=web/package-lock.json");

    std::fs::create_dir_all(&target).expect("create OUT_DIR/web");
    let lock = std::fs::read(source.join("package-lock.json")).expect("web/package-lock.json");
    let installed_lock = target.join("package-lock.json");
    let up_to_date = std::fs::read(&installed_lock).is_ok_and(|installed| installed == lock)
        && target.join("node_modules").is_dir();
    if up_to_date {
        return;
    }
    for file in ["package.json", "package-lock.json"] {
        std::fs::copy(source.join(file), target.join(file)).expect("copy npm manifest");
    }
    run_npm_ci(&target);
}

fn run_npm_ci(directory: &Path) {
    let status = Command::new("npm")
        .args([
            "ci",
            "--no-audit",
            "--no-fund",
            "--ignore-scripts",
            "--loglevel=error",
        ])
        .current_dir(directory)
        .status()
        .expect("npm must be installed to build mottak's web assets");
    assert!(status.success(), "npm ci failed in {}", directory.display());
}
