//! What the benchmarks share: the report of a series of timings, and a caller in a role for the
//! server's operations (as a logged-in user would be).

use std::time::Duration;

use mottak_domain::access::Role;
use mottak_server::auth::Caller;

/// Prints `label: p50 …, p95 …, max … ms over N runs`; sorts `times`.
pub fn report(label: &str, times: &mut [Duration]) {
    times.sort();
    let at = |q: f64| times[((times.len() as f64 * q) as usize).min(times.len() - 1)];
    let ms = |time: Duration| time.as_secs_f64() * 1000.0;
    println!(
        "{label}: p50 {:.1} ms, p95 {:.1} ms, max {:.1} ms over {} runs",
        ms(at(0.5)),
        ms(at(0.95)),
        ms(times[times.len() - 1]),
        times.len()
    );
}

/// A caller with `role`, in `region` where the role has one.
pub fn caller(role: Role, region: Option<&str>) -> Caller {
    Caller {
        user_id: 0,
        username: format!("bench.{}", role.code()),
        display_name: "Bench".into(),
        role,
        region: region.map(str::to_owned),
        operator_dro: None,
        municipality_number: None,
        permissions: Vec::new(),
        origin: "bench".into(),
        via_token: false,
    }
}
