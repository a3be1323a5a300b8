//! Event log benchmark (issue 18, "Measure"): the log at national scale.
//!
//! `cargo run --release -p eventlog-bench -- URL [EVENTS] [--search-only]`
//!
//! 1. Connects to URL (`sqlite:…` or `postgres://…`; an empty database), runs the migrations
//!    and appends EVENTS (default 10,000,000) generated events to the chain — a decade of
//!    registry, plan, settlement and account events, hashed as `WriteTx` hashes them, so
//!    `mottak log verify` checks them like any other.
//! 2. Times the store's `search_events` — the function the API and the page call — by entity,
//!    by actor and month, and by free text, within real roles' scopes: p50/p95/max over 200
//!    searches each. `--search-only` skips step 1 on a database filled before.
//!
//! Then time the chain check with `/usr/bin/time -v target/release/mottak log verify
//! --database-url URL` (docs/benchmarks.md).

mod generate;
mod load;
mod searches;

use std::time::Instant;

use mottak_store::{Backend, Store};

pub type Result<T = ()> = std::result::Result<T, Box<dyn std::error::Error>>;

#[tokio::main]
async fn main() -> Result {
    let arguments: Vec<String> = std::env::args().skip(1).collect();
    let url = arguments
        .first()
        .ok_or("usage: eventlog-bench URL [EVENTS] [--search-only]")?;
    let count: u64 = match arguments
        .get(1)
        .filter(|argument| !argument.starts_with("--"))
    {
        Some(count) => count.parse()?,
        None => 10_000_000,
    };
    let store = Store::connect(url).await?;
    if !arguments.iter().any(|argument| argument == "--search-only") {
        let (last_seq, last_hash): (i64, String) =
            sqlx::query_as("SELECT last_seq, last_hash FROM event_chain_head WHERE id = 1")
                .fetch_one(store.pool())
                .await?;
        let mut generator = generate::Generator::new(last_seq, last_hash, count);
        let started = Instant::now();
        println!("appending {count} events after event {last_seq}");
        match store.backend() {
            Backend::Sqlite => load::sqlite(url, &mut generator, count).await?,
            Backend::Postgres => load::postgres(url, &mut generator, count).await?,
        }
        let seconds = started.elapsed().as_secs_f64();
        println!(
            "generated and loaded in {seconds:.0} s ({:.0} events/s)",
            count as f64 / seconds
        );
    }
    searches::run(&store).await?;
    Ok(())
}
