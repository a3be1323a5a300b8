//! A synthetic national year: centres with three place types each, every unit with a main
//! agreement for the whole year and an activation for part of it, each with `tiers` place tiers
//! and two meal tiers. Daily occupancy is 50–120 % of the capacity in force: fixed places and
//! per-unit tiers of the main agreement, plus the standby places while the activation runs (with
//! over-occupancy then paid); outside it, up to 105 %, so some days have unpaid residents.

use mottak_domain::claims::{
    AgreementRequest, ClaimInput, ClaimRequest, MealTierRequest, OccupancyRequest, UnitRequest,
    UnitTierRequest,
};
use mottak_domain::dates::Month;

pub const YEAR: i32 = 2025;
pub const PLACE_TYPES: [&str; 3] = ["ordinary", "youth_over_15", "transit"];

/// A small deterministic generator (xorshift64*), so every run measures the same year.
pub struct Random(u64);

impl Random {
    pub fn new(seed: u64) -> Random {
        Random(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    /// A number in `low..high`.
    pub fn between(&mut self, low: i64, high: i64) -> i64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        let value = self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 33;
        low + (value % (high - low) as u64) as i64
    }
}

/// The claim inputs of one centre for the twelve months of [`YEAR`].
pub fn centre_year(centre: u64, tiers: usize, random: &mut Random) -> Vec<ClaimInput> {
    let units: Vec<Unit> = PLACE_TYPES
        .iter()
        .map(|place_type| unit(place_type, tiers, random))
        .collect();
    (1..=12)
        .map(|month_number| {
            let month = Month::new(YEAR, month_number).expect("a month");
            let mut occupancy = Vec::new();
            for unit in &units {
                for day in 1..=month.days() {
                    let date = format!("{month}-{day:02}");
                    let activated = unit.activation.0 <= date && date < unit.activation.1;
                    let residents = match activated {
                        true => unit.full_capacity * random.between(50, 121) / 100,
                        false => unit.main_capacity * random.between(50, 106) / 100,
                    };
                    let place_type = unit.request.place_type.clone();
                    occupancy.push(OccupancyRequest {
                        date,
                        place_type,
                        residents,
                    });
                }
            }
            let request = ClaimRequest {
                month: month.to_string(),
                units: units.iter().map(|unit| unit.request.clone()).collect(),
                occupancy,
            };
            request
                .parse()
                .unwrap_or_else(|error| panic!("centre {centre}: {error}"))
        })
        .collect()
}

struct Unit {
    request: UnitRequest,
    /// Fixed places and the main agreement's per-unit places.
    main_capacity: i64,
    /// With the standby places of both agreements.
    full_capacity: i64,
    /// The activation's valid-from and valid-to, `YYYY-MM-DD`.
    activation: (String, String),
}

fn unit(place_type: &str, tiers: usize, random: &mut Random) -> Unit {
    let capacity = random.between(40, 100);
    let fixed_places = capacity / 2;
    let bounded = 2 * tiers as i64 - 1;
    let places = ((capacity - fixed_places) / bounded).max(1);
    let tier = |priority: usize, kind: &str, places: i64| UnitTierRequest {
        priority: priority as i64,
        kind: kind.into(),
        places,
        price: tier_price(priority),
    };
    let main_tiers = (1..=tiers)
        .map(|priority| tier(priority, main_tier_kind(tiers, priority), places))
        .collect();
    let main_unit_price = (1..=tiers)
        .filter(|priority| main_tier_kind(tiers, *priority) == "unit_price")
        .count();
    let activation_tiers = (tiers + 1..=2 * tiers)
        .map(|priority| match priority == 2 * tiers {
            true => tier(priority, "unit_price", 0),
            false => tier(priority, "standby", places),
        })
        .collect();
    let activation_from = format!("{YEAR}-04-{:02}", random.between(1, 31));
    let activation_to = format!("{YEAR}-10-{:02}", random.between(1, 32));
    let main = AgreementRequest {
        kind: "H".into(),
        valid_from: "2023-01-01".into(),
        valid_to: "2027-01-01".into(),
        fixed_places,
        fixed_annual_operating: random.between(5_000_000_00, 20_000_000_00),
        fixed_annual_rent: random.between(1_000_000_00, 3_000_000_00),
        unit_tiers: main_tiers,
        meal_tiers: vec![meal(1, fixed_places / 2, 0), meal(2, capacity, 101_03)],
        ..AgreementRequest::default()
    };
    let activation = AgreementRequest {
        kind: "A".into(),
        valid_from: activation_from.clone(),
        valid_to: activation_to.clone(),
        stop_date: None,
        fixed_annual_rent: 200_000_00,
        unit_tiers: activation_tiers,
        meal_tiers: vec![meal(3, 20, 95_00), meal(4, 0, 90_00)],
        ..AgreementRequest::default()
    };
    Unit {
        request: UnitRequest {
            place_type: place_type.into(),
            canteen: true,
            agreements: vec![main, activation],
        },
        main_capacity: fixed_places + places * main_unit_price as i64,
        full_capacity: fixed_places + places * bounded,
        activation: (activation_from, activation_to),
    }
}

/// The main agreement's last two tiers are standby places (when it has three or more).
fn main_tier_kind(tiers: usize, priority: usize) -> &'static str {
    if tiers >= 3 && priority + 2 > tiers {
        "standby"
    } else {
        "unit_price"
    }
}

fn meal(priority: i64, persons: i64, price: i64) -> MealTierRequest {
    MealTierRequest {
        priority,
        persons,
        price,
    }
}

fn tier_price(priority: usize) -> i64 {
    600_00 + 25_00 * priority as i64
}
