//! HiGHS as the exact reference: the instance goes to `highs_reference.py` (highspy) as JSON.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use mottak_placement::Instance;

#[derive(Debug, Clone, Default)]
pub struct Reference {
    pub lp_bound: f64,
    pub objective: f64,
    pub bound: f64,
    pub seconds: f64,
    pub cpu_seconds: f64,
    pub status: String,
    /// Process CPU seconds until the proven gap first reached 0.5 %, 0.25 %, 0.1 % (None: not
    /// within the limit).
    pub cpu_to_gap: [Option<f64>; 3],
}

pub fn script() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("highs_reference.py")
}

pub fn run(instance: &Instance, time_limit_seconds: f64, name: &str) -> Result<Reference, String> {
    let path = std::env::temp_dir().join(format!(
        "placement-bench-{}-{name}.json",
        std::process::id()
    ));
    std::fs::write(&path, to_json(instance)).map_err(|e| e.to_string())?;
    let output = Command::new("python3")
        .arg(script())
        .arg(&path)
        .arg(time_limit_seconds.to_string())
        .output()
        .map_err(|e| format!("python3: {e}"));
    if std::env::var_os("PLACEMENT_KEEP_JSON").is_none() {
        let _ = std::fs::remove_file(&path);
    }
    let output = output?;
    if !output.status.success() {
        return Err(format!(
            "highs_reference.py failed (is highspy installed? `pip install highspy`): {}",
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    let text = String::from_utf8_lossy(&output.stdout);
    if !text.contains("objective") {
        return Err(format!("highs_reference.py printed no result: {text}"));
    }
    let values: HashMap<&str, &str> = text
        .lines()
        .filter_map(|line| line.split_once(' '))
        .collect();
    let number = |key: &str| {
        values
            .get(key)
            .and_then(|v| v.parse::<f64>().ok())
            .filter(|v| v.is_finite())
    };
    Ok(Reference {
        lp_bound: number("lp_bound").unwrap_or(f64::NAN),
        objective: number("objective").unwrap_or(f64::NAN),
        bound: number("bound").unwrap_or(f64::NAN),
        seconds: number("seconds").unwrap_or(f64::NAN),
        cpu_seconds: number("cpu_seconds").unwrap_or(f64::NAN),
        status: values.get("status").unwrap_or(&"?").to_string(),
        cpu_to_gap: [
            number("cpu_to_gap_0.005"),
            number("cpu_to_gap_0.0025"),
            number("cpu_to_gap_0.001"),
        ],
    })
}

fn to_json(instance: &Instance) -> String {
    let mut json = String::from("{\"capacities\":[");
    let capacities: Vec<String> = instance
        .municipalities()
        .iter()
        .map(|m| m.capacity.to_string())
        .collect();
    json.push_str(&capacities.join(","));
    json.push_str("],\"sizes\":[");
    let sizes: Vec<String> = instance
        .households()
        .iter()
        .map(|h| h.size.to_string())
        .collect();
    json.push_str(&sizes.join(","));
    json.push_str("],\"pairs\":[");
    let mut first = true;
    for (household, data) in instance.households().iter().enumerate() {
        for &(municipality, score) in &data.scores {
            if !first {
                json.push(',');
            }
            first = false;
            let _ = write!(json, "[{household},{municipality},{score:?}]");
        }
    }
    json.push_str("]}");
    json
}
