//! The `mottak` command line (SPEC §10).

use clap::Parser;

fn main() -> std::process::ExitCode {
    let cli = mottak_server::cli::Cli::parse();
    mottak_server::telemetry::init();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("tokio runtime");
    runtime.block_on(mottak_server::cli::run(cli))
}
