//! Benchmark of the claim engine (issue 10): a national year, single-threaded.
//!
//! `CARGO_TARGET_DIR=/work/target-claims cargo run --release -p claims-bench -- [centres] [rounds]`
//!
//! For 1,000 centres × 3 place types × 365 days, two agreements per unit, it reports the time of
//! `compute` alone (inputs are parsed beforehand and timed separately), in total and per
//! place-type-day, the allocations per month computed, and how both scale with the number of
//! tiers per agreement.
// Amounts are written as kroner_øre: `101_03` is kr 101,03.
#![allow(clippy::inconsistent_digit_grouping)]

mod counting;
mod national;

use std::hint::black_box;
use std::time::{Duration, Instant};

use mottak_domain::claims::{ClaimInput, compute};

#[global_allocator]
static ALLOCATOR: counting::Counting = counting::Counting;

const TIERS_PER_AGREEMENT: [usize; 4] = [2, 5, 10, 20];

fn main() {
    let mut arguments = std::env::args()
        .skip(1)
        .map(|argument| argument.parse::<u64>());
    let centres = arguments
        .next()
        .map_or(1_000, |centres| centres.expect("centres: a number"));
    let rounds = arguments
        .next()
        .map_or(5, |rounds| rounds.expect("rounds: a number"));
    let place_type_days = centres * national::PLACE_TYPES.len() as u64 * 365;
    println!(
        "national year {}: {centres} centres × 3 place types × 365 days",
        national::YEAR
    );
    println!(
        "= {place_type_days} place-type-days, {} claims (centre-months)",
        centres * 12
    );
    println!("two agreements per unit (H all year, A part of it); best of {rounds} rounds\n");
    println!(
        "{:>6} {:>12} {:>10} {:>12} {:>10} {:>10} {:>9} {:>11}",
        "tiers",
        "compute ms",
        "ns/ptday",
        "allocs/claim",
        "lines",
        "warnings",
        "parse ms",
        "total MNOK"
    );
    for tiers in TIERS_PER_AGREEMENT {
        let parse_started = Instant::now();
        let mut random = national::Random::new(2025);
        let inputs: Vec<ClaimInput> = (0..centres)
            .flat_map(|centre| national::centre_year(centre, tiers, &mut random))
            .collect();
        let parse_time = parse_started.elapsed();

        let mut best = Duration::MAX;
        let mut measured = Measured::default();
        for _ in 0..rounds {
            let allocations_before = counting::allocations();
            let started = Instant::now();
            let round = run(&inputs);
            best = best.min(started.elapsed());
            measured = Measured {
                allocations: counting::allocations() - allocations_before,
                ..round
            };
        }
        println!(
            "{:>6} {:>12.1} {:>10.1} {:>12.1} {:>10} {:>10} {:>9.0} {:>11.1}",
            format!("2×{tiers}"),
            best.as_secs_f64() * 1e3,
            best.as_nanos() as f64 / place_type_days as f64,
            measured.allocations as f64 / inputs.len() as f64,
            measured.lines,
            measured.warnings,
            parse_time.as_secs_f64() * 1e3,
            measured.total_ore as f64 / 100.0 / 1e6,
        );
    }
    println!("\nparse ms: building and parsing the requests (strings in, validated input out).");
}

#[derive(Default)]
struct Measured {
    allocations: u64,
    lines: usize,
    warnings: usize,
    total_ore: i64,
}

/// Computes every claim once; the outputs are consumed so nothing is optimised away.
fn run(inputs: &[ClaimInput]) -> Measured {
    let mut measured = Measured::default();
    for input in inputs {
        let claim = compute(black_box(input));
        measured.lines += claim.lines.len();
        measured.warnings += claim.warnings.len();
        measured.total_ore += claim.total.0;
        black_box(&claim);
    }
    measured
}
