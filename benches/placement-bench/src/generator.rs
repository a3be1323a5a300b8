//! Seeded instances that look like IMDi's distribution (issue 9).
//!
//! - Municipalities from `kommuner-2020.csv`; a municipality effect on employment that is higher
//!   near the four largest cities, and a size that sets its share of the capacity.
//! - Household sizes 1–8: many singles, some large families.
//! - Score = size × predicted employment, where the prediction is a logistic of a household
//!   effect + a municipality effect + noise; plus a bonus for network ties (relatives or
//!   compatriots already living there) in one or two municipalities.
//! - About 30 % of the pairs forbidden (unmet needs: health services, schooling), never a tie.
//! - Capacities summing to about 80 % of the persons, shared in proportion to size.

use std::fs;
use std::path::Path;

use mottak_placement::{Household, Instance, Municipality};

use crate::rng::Rng;

pub struct Place {
    pub number: String,
    pub lat: f64,
    pub lon: f64,
}

pub fn read_places(path: &Path) -> Result<Vec<Place>, String> {
    let text = fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut places = Vec::new();
    for line in text.lines().skip(1).filter(|l| !l.trim().is_empty()) {
        let fields: Vec<&str> = line.split(',').collect();
        let parse = |i: usize| -> Result<f64, String> {
            fields
                .get(i)
                .and_then(|f| f.trim().parse().ok())
                .ok_or_else(|| format!("bad line in {}: {line}", path.display()))
        };
        places.push(Place {
            number: fields[0].to_owned(),
            lat: parse(4)?,
            lon: parse(5)?,
        });
    }
    Ok(places)
}

/// Oslo, Bergen, Trondheim, Stavanger.
const CITIES: [(f64, f64); 4] = [(59.91, 10.75), (60.39, 5.32), (63.43, 10.40), (58.97, 5.73)];

/// Closeness to a large city, 1 in the city and fading over about 60 km.
fn urban(place: &Place) -> f64 {
    CITIES
        .iter()
        .map(|&(lat, lon)| {
            let dy = (place.lat - lat) * 111.0;
            let dx = (place.lon - lon) * 111.0 * lat.to_radians().cos();
            (-(dx * dx + dy * dy).sqrt() / 60.0).exp()
        })
        .fold(0.0, f64::max)
}

const SIZE_SHARES: [f64; 8] = [0.42, 0.14, 0.11, 0.11, 0.09, 0.06, 0.04, 0.03];

pub fn generate(places: &[Place], households: usize, municipalities: usize, seed: u64) -> Instance {
    let mut rng = Rng::new(seed);
    let mut chosen: Vec<usize> = (0..places.len()).collect();
    for i in (1..chosen.len()).rev() {
        chosen.swap(i, rng.below(i + 1));
    }
    chosen.truncate(municipalities);
    chosen.sort_unstable();

    let closeness: Vec<f64> = chosen.iter().map(|&i| urban(&places[i])).collect();
    let effect: Vec<f64> = closeness
        .iter()
        .map(|u| 0.4 * rng.normal() + 0.5 * u)
        .collect();
    let weight: Vec<f64> = closeness
        .iter()
        .map(|u| (0.8 * rng.normal()).exp() * (1.0 + 3.0 * u))
        .collect();

    let sizes: Vec<u32> = (0..households)
        .map(|_| rng.weighted(&SIZE_SHARES) as u32 + 1)
        .collect();
    let mut list = Vec::with_capacity(households);
    for (index, &size) in sizes.iter().enumerate() {
        let household_effect = 0.6 * rng.normal() - 0.3;
        let ties: Vec<usize> = if rng.unit() < 0.35 {
            (0..1 + rng.below(2))
                .map(|_| rng.weighted(&weight))
                .collect()
        } else {
            Vec::new()
        };
        let mut scores = Vec::new();
        for (municipality, &municipality_effect) in effect.iter().enumerate() {
            let tie = ties.contains(&municipality);
            if !tie && rng.unit() < 0.3 {
                continue;
            }
            let logit = household_effect + municipality_effect + 0.3 * rng.normal();
            let employment = 1.0 / (1.0 + (-logit).exp());
            let bonus = if tie { 0.25 } else { 0.0 };
            let score = f64::from(size) * (employment + bonus);
            scores.push((municipality, (score * 1e4).round() / 1e4));
        }
        list.push(Household {
            id: format!("H{index:05}"),
            size,
            scores,
        });
    }

    let persons: u32 = sizes.iter().sum();
    let capacities = share(f64::from(persons) * 0.8, &weight);
    let municipalities = chosen
        .iter()
        .zip(capacities)
        .map(|(&place, capacity)| Municipality {
            id: places[place].number.clone(),
            capacity,
        })
        .collect();
    Instance::new(municipalities, list).expect("the generator makes valid instances")
}

/// `total` split in proportion to `weight`, rounded by largest remainder.
fn share(total: f64, weight: &[f64]) -> Vec<u32> {
    let sum: f64 = weight.iter().sum();
    let exact: Vec<f64> = weight.iter().map(|w| total * w / sum).collect();
    let mut shares: Vec<u32> = exact.iter().map(|x| x.floor() as u32).collect();
    let missing = total.round() as u32 - shares.iter().sum::<u32>();
    let mut order: Vec<usize> = (0..weight.len()).collect();
    order.sort_by(|&a, &b| {
        (exact[b] - exact[b].floor())
            .total_cmp(&(exact[a] - exact[a].floor()))
            .then(a.cmp(&b))
    });
    for &index in order.iter().take(missing as usize) {
        shares[index] += 1;
    }
    shares
}
