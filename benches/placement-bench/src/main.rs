//! Placement benchmark (issue 9): a greedy baseline, the Lagrangian solver and HiGHS side by
//! side on seeded instances, plus how time and memory grow with the number of households.
//!
//! ```text
//! cargo run --release -p placement-bench -- [--data kommuner-2020.csv] [--highs-seconds 120]
//!     [--no-highs | --highs-large] [--solver-seconds 20] [--only 1000x356]
//! ```

mod generator;
mod highs;
mod rng;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use mottak_placement::{Instance, Options, Solution, greedy, solve};

use crate::generator::{generate, read_places};
use crate::highs::Reference;

struct Settings {
    data: PathBuf,
    only: Option<String>,
    highs_seconds: Option<f64>,
    /// Also run HiGHS on the 4,000-household case (its root LP alone overran a 120 s limit:
    /// about 460 s here, without a feasible solution).
    highs_large: bool,
    solver_seconds: f64,
}

const GAPS: [f64; 3] = [0.005, 0.0025, 0.001];

fn main() {
    let arguments: Vec<String> = std::env::args().skip(1).collect();
    if arguments.first().map(String::as_str) == Some("--memory") {
        return memory_child(&arguments[1..]);
    }
    let settings = match parse(&arguments) {
        Ok(settings) => settings,
        Err(message) => {
            eprintln!("{message}");
            std::process::exit(2);
        }
    };
    let places = read_places(&settings.data).unwrap_or_else(|e| {
        eprintln!("{e}");
        std::process::exit(2)
    });
    println!("municipalities from {}", settings.data.display());
    let cases = [
        ("150x40", 150, 40, 1),
        ("250x356", 250, 356, 2),
        ("1000x356", 1000, 356, 3),
        ("4000x356", 4000, 356, 4),
    ];
    let mut rows = Vec::new();
    for (name, households, municipalities, seed) in cases {
        if settings.only.as_ref().is_some_and(|only| only != name) {
            continue;
        }
        let instance = generate(&places, households, municipalities, seed);
        eprintln!("running {name} ...");
        rows.push(run_case(name, &instance, &settings));
    }
    print_quality(&rows);
    print_time_to_gap(&rows);
    if settings.only.is_some() {
        return;
    }
    println!();
    println!("Scaling (356 municipalities; one process per size, so peak RSS is its own)");
    println!(
        "{:<10} {:>8} {:>8} {:>8} {:>9} {:>12} {:>9}",
        "case", "pairs", "wall s", "cpu s", "gap", "instance MB", "peak MB"
    );
    for (households, seed) in [(250, 2), (1000, 3), (4000, 4)] {
        let output = Command::new(std::env::current_exe().expect("own path"))
            .args([
                "--memory",
                &households.to_string(),
                "356",
                &seed.to_string(),
            ])
            .arg(&settings.data)
            .arg(settings.solver_seconds.to_string())
            .output()
            .expect("run the memory probe");
        print!("{}", String::from_utf8_lossy(&output.stdout));
    }
}

struct Row {
    name: String,
    pairs: usize,
    greedy: Solution,
    solution: Solution,
    wall: f64,
    cpu: f64,
    /// CPU seconds until the proven gap reached 0.5 %, 0.25 %, 0.1 %.
    to_gap: [Option<f64>; 3],
    reference: Option<Reference>,
}

fn run_case(name: &str, instance: &Instance, settings: &Settings) -> Row {
    let greedy_solution = greedy(instance);
    let (solution, wall, cpu) = timed(instance, Options::default(), settings.solver_seconds);
    let to_gap = GAPS.map(|gap| {
        let options = Options {
            target_gap: gap,
            ..Options::default()
        };
        let (solution, _, cpu) = timed(instance, options, settings.solver_seconds);
        (solution.gap <= gap).then_some(cpu)
    });
    let reference = settings
        .highs_seconds
        .filter(|_| instance.households().len() <= 1000 || settings.highs_large)
        .map(|limit| highs::run(instance, limit, name))
        .transpose()
        .unwrap_or_else(|e| {
            eprintln!("{e}");
            None
        });
    Row {
        name: name.to_owned(),
        pairs: instance.scored_pairs(),
        greedy: greedy_solution,
        solution,
        wall,
        cpu,
        to_gap,
        reference,
    }
}

/// The solver's steps do not depend on timing, so the first time it reaches a gap is the time
/// of a run told to stop there.
fn timed(instance: &Instance, options: Options, limit: f64) -> (Solution, f64, f64) {
    let options = Options {
        time_limit: Duration::from_secs_f64(limit),
        ..options
    };
    let cpu = thread_cpu_seconds();
    let started = Instant::now();
    let solution = solve(instance, options);
    let wall = started.elapsed().as_secs_f64();
    (solution, wall, thread_cpu_seconds() - cpu)
}

fn seconds(value: Option<f64>) -> String {
    value.map_or("-".to_owned(), |t| format!("{t:.3}"))
}

fn print_quality(rows: &[Row]) {
    println!();
    println!(
        "Quality (objectives as ratios to the best known: HiGHS's or the solver's, whichever is higher)"
    );
    println!(
        "{:<10} {:>7} | {:>7} {:>7} {:>8} {:>9} {:>8} {:>7} {:>6} {:>10} | {:>10} {:>11} {:>7} {:>8} {:>8}",
        "case",
        "pairs",
        "greedy",
        "solver",
        "gap",
        "vs HiGHS",
        "wall s",
        "cpu s",
        "steps",
        "stop",
        "HiGHS",
        "status",
        "wall s",
        "gap",
        "LP gap"
    );
    for row in rows {
        let best = row.reference.as_ref().map_or(row.solution.objective, |r| {
            r.objective.max(row.solution.objective)
        });
        let mut line = format!(
            "{:<10} {:>7} | {:>7.4} {:>7.4} {:>7.3}% {:>9} {:>8.3} {:>7.3} {:>6} {:>10} |",
            row.name,
            row.pairs,
            row.greedy.objective / best,
            row.solution.objective / best,
            100.0 * row.solution.gap,
            row.reference.as_ref().map_or("-".to_owned(), |r| format!(
                "{:.3}%",
                100.0 * (r.bound - row.solution.objective) / r.bound
            )),
            row.wall,
            row.cpu,
            row.solution.iterations,
            format!("{:?}", row.solution.stop_reason),
        );
        if let Some(r) = &row.reference {
            let percent = |x: f64| {
                if x.is_finite() {
                    format!("{:.3}%", 100.0 * x)
                } else {
                    "none".to_owned()
                }
            };
            line += &format!(
                " {:>10} {:>11} {:>7.1} {:>8} {:>8}",
                if r.objective.is_finite() {
                    format!("{:.4}", r.objective / best)
                } else {
                    "none".to_owned()
                },
                r.status.chars().take(11).collect::<String>(),
                r.seconds,
                percent((r.bound - r.objective) / r.bound),
                percent((r.lp_bound - r.objective) / r.lp_bound),
            );
        }
        println!("{line}");
    }
    println!(
        "gap: the solver's own proven gap; vs HiGHS: (HiGHS's best bound − solver objective) / bound;"
    );
    println!(
        "LP gap: (LP relaxation bound − HiGHS objective) / LP bound, what an LP-bound method could prove at best."
    );
    println!(
        "HiGHS runs only up to 1,000 households unless --highs-large (it overruns its limit there)."
    );
}

fn print_time_to_gap(rows: &[Row]) {
    println!();
    println!("Time to a proven gap (CPU seconds; HiGHS: process CPU, all its threads)");
    println!(
        "{:<10} | {:>8} {:>8} {:>8} | {:>8} {:>8} {:>8} | {:>9} {:>9}",
        "case",
        "0.5%",
        "0.25%",
        "0.1%",
        "HiGHS .5",
        "HiGHS .25",
        "HiGHS .1",
        "ratio .5",
        "ratio .25"
    );
    for row in rows {
        let highs = row.reference.as_ref().map_or([None; 3], |r| r.cpu_to_gap);
        let limit = row.reference.as_ref().map_or(f64::NAN, |r| r.cpu_seconds);
        let ratio = |i: usize| match (highs[i], row.to_gap[i]) {
            (Some(theirs), Some(ours)) => format!("{:.0}", theirs / ours),
            (None, Some(ours)) if row.reference.is_some() => format!(">{:.0}", limit / ours),
            _ => "-".to_owned(),
        };
        println!(
            "{:<10} | {:>8} {:>8} {:>8} | {:>8} {:>8} {:>8} | {:>9} {:>9}",
            row.name,
            seconds(row.to_gap[0]),
            seconds(row.to_gap[1]),
            seconds(row.to_gap[2]),
            seconds(highs[0]),
            seconds(highs[1]),
            seconds(highs[2]),
            ratio(0),
            ratio(1),
        );
    }
    println!(
        "ratio: HiGHS time / solver time to the same proven gap (\">\": HiGHS did not reach it in its limit)."
    );
}

/// Child process: solve one instance and report time and peak memory (VmHWM), so that each
/// size's peak is its own.
fn memory_child(arguments: &[String]) {
    let number = |i: usize| -> usize { arguments[i].parse().expect("a number") };
    let places = read_places(Path::new(&arguments[3])).expect("municipalities");
    let seconds: f64 = arguments[4].parse().expect("seconds");
    let instance = generate(&places, number(0), number(1), number(2) as u64);
    let instance_kb = status_kb("VmRSS");
    let (solution, wall, cpu) = timed(&instance, Options::default(), seconds);
    println!(
        "{:<10} {:>8} {:>8.3} {:>8.3} {:>8.3}% {:>12.1} {:>9.1}",
        format!("{}x{}", number(0), number(1)),
        instance.scored_pairs(),
        wall,
        cpu,
        100.0 * solution.gap,
        instance_kb / 1024.0,
        status_kb("VmHWM") / 1024.0,
    );
}

/// CPU time this thread has run, from the scheduler's statistics (nanosecond resolution): a
/// fairer clock than the wall on a machine shared with other work.
fn thread_cpu_seconds() -> f64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|text| text.split_whitespace().next()?.parse::<f64>().ok())
        .map_or(f64::NAN, |ns| ns / 1e9)
}

fn status_kb(key: &str) -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|text| {
            text.lines()
                .find(|line| line.starts_with(key))
                .and_then(|line| line.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(f64::NAN)
}

fn parse(arguments: &[String]) -> Result<Settings, String> {
    let mut settings = Settings {
        data: default_data(),
        only: None,
        highs_seconds: Some(120.0),
        highs_large: false,
        solver_seconds: 20.0,
    };
    let mut rest = arguments.iter();
    while let Some(argument) = rest.next() {
        let mut value = || rest.next().ok_or(format!("{argument} needs a value"));
        match argument.as_str() {
            "--data" => settings.data = PathBuf::from(value()?),
            "--highs-seconds" => {
                settings.highs_seconds = Some(value()?.parse().map_err(|_| "bad seconds")?)
            }
            "--only" => settings.only = Some(value()?.clone()),
            "--no-highs" => settings.highs_seconds = None,
            "--highs-large" => settings.highs_large = true,
            "--solver-seconds" => {
                settings.solver_seconds = value()?.parse().map_err(|_| "bad seconds")?
            }
            other => return Err(format!("unknown argument {other}")),
        }
    }
    Ok(settings)
}

/// The repository's copy of the municipalities.
fn default_data() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/kommuner-2020.csv")
}
