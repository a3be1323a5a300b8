//! A decade of a national system's events: registry, plans, settlement and accounts in the
//! proportions a reception system would see, chained with the store's own hash.

use mottak_store::events::{Event, chain_hash};

pub const REGIONS: [&str; 6] = ["ØST", "SØR", "IØST", "NORD", "VEST", "MIDT"];
const PLACES: [&str; 24] = [
    "Fjellro",
    "Heimly",
    "Solheim",
    "Nordlys",
    "Fjordgløtt",
    "Havbris",
    "Skogly",
    "Lia",
    "Vikane",
    "Bjørkely",
    "Elvebakken",
    "Granly",
    "Måkeskjær",
    "Tindeglimt",
    "Sjøsiden",
    "Furulund",
    "Åsheim",
    "Kvitfjell",
    "Brekke",
    "Sandvika",
    "Holmen",
    "Storli",
    "Ekrom",
    "Vang",
];
pub const CENTRES: u64 = 600;
pub const HOUSEHOLDS: u64 = 300_000;
const YEARS: f64 = 10.0;

/// A small deterministic generator (SplitMix64): the same seed gives the same log.
pub struct Random(u64);

impl Random {
    pub fn new(seed: u64) -> Random {
        Random(seed)
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    pub fn below(&mut self, bound: u64) -> u64 {
        self.next() % bound
    }
}

/// The municipality numbers of the reference data.
pub fn municipalities() -> Vec<String> {
    include_str!("../../../data/kommuner-2020.csv")
        .lines()
        .skip(1)
        .filter_map(|line| line.split(',').next())
        .map(str::to_owned)
        .collect()
}

/// What the generator knows of centre `index`: number, name, region, operator.
pub struct Centre {
    pub number: String,
    pub name: String,
    pub region: &'static str,
    pub operator: String,
}

pub fn centre(index: u64) -> Centre {
    let series = index % 19 + 1;
    Centre {
        number: format!("{series:02}{:02}", index / 19 + 1),
        name: format!(
            "{} {} asylmottak",
            PLACES[(index % 24) as usize],
            index / 24 + 1
        ),
        region: REGIONS[(index % 6) as usize],
        operator: format!("DRO{}", 1000 + index % 40),
    }
}

pub fn household(index: u64) -> String {
    format!("H{index:06}")
}

/// The municipality a household is settled in.
pub fn household_municipality(index: u64, municipalities: &[String]) -> &str {
    &municipalities[(index % municipalities.len() as u64) as usize]
}

pub struct Generator {
    random: Random,
    municipalities: Vec<String>,
    start: chrono::DateTime<chrono::Utc>,
    step_micros: i64,
    seq: i64,
    prev_hash: String,
}

impl Generator {
    /// Continues the chain after `last_seq` / `last_hash`, spreading `count` events over ten
    /// years from 2016.
    pub fn new(last_seq: i64, last_hash: String, count: u64) -> Generator {
        let decade_micros = YEARS * 365.25 * 86_400.0 * 1e6;
        Generator {
            random: Random::new(2026),
            municipalities: municipalities(),
            start: "2016-01-01T00:00:00Z".parse().expect("a timestamp"),
            step_micros: (decade_micros / count.max(1) as f64) as i64,
            seq: last_seq,
            prev_hash: last_hash,
        }
    }

    pub fn last(&self) -> (i64, &str) {
        (self.seq, &self.prev_hash)
    }

    pub fn next_event(&mut self) -> Event {
        self.seq += 1;
        let index = self.seq;
        let at = self.start + chrono::Duration::microseconds(self.step_micros * index);
        let mut event = Event {
            seq: index,
            occurred_at: mottak_store::timestamp(at),
            actor_id: None,
            actor_name: String::new(),
            actor_role: String::new(),
            action: String::new(),
            entity_type: String::new(),
            entity_id: String::new(),
            summary: String::new(),
            origin: format!("10.{}.{}.{}", index % 7, index % 251, index % 13),
            security: 0,
            scope_region: None,
            scope_operator: None,
            scope_municipality: None,
            domain: String::new(),
            scope_account_role: None,
            prev_hash: std::mem::take(&mut self.prev_hash),
            hash: String::new(),
        };
        match self.random.below(100) {
            0..30 => self.registry(&mut event),
            30..45 => self.plan(&mut event),
            45..80 => self.settlement(&mut event),
            _ => self.account(&mut event),
        }
        event.hash = chain_hash(&event);
        self.prev_hash = event.hash.clone();
        event
    }

    fn actor(&mut self, event: &mut Event, role: &str, name: String) {
        event.actor_id = Some((self.random.below(5_000) + 10) as i64);
        event.actor_name = name;
        event.actor_role = role.to_owned();
    }

    fn registry(&mut self, event: &mut Event) {
        let centre = centre(self.random.below(CENTRES));
        let (action, changed) = match self.random.below(10) {
            0 => ("centre.created", "[]"),
            1..4 => ("centre.updated", "[\"phone\",\"email\"]"),
            4..8 => ("centre.updated", "[\"address\"]"),
            _ => ("centre.operator_changed", "[\"operator\"]"),
        };
        if self.random.below(2) == 0 {
            let user = format!("udi{:02}", self.random.below(60));
            self.actor(event, "udi_adm", user);
        } else {
            let user = format!("drift{:03}", self.random.below(400));
            self.actor(event, "operator", user);
        }
        event.domain = "registry".into();
        event.action = action.into();
        event.entity_type = "centre".into();
        event.summary = format!(
            "{{\"number\":\"{}\",\"name\":\"{}\",\"changed\":{changed}}}",
            centre.number, centre.name
        );
        event.entity_id = centre.number;
        event.scope_region = Some(centre.region.into());
        event.scope_operator = Some(centre.operator);
    }

    fn plan(&mut self, event: &mut Event) {
        let centre = centre(self.random.below(CENTRES));
        let region = centre.region;
        let user = format!("region{:03}", self.random.below(300));
        self.actor(event, "udi_region", user);
        event.domain = "plans".into();
        event.action = ["plan.item_done", "plan.updated", "plan.created"]
            [self.random.below(3) as usize]
            .into();
        event.entity_type = "plan".into();
        event.entity_id = format!("{}-{}", centre.number, &event.occurred_at[..4]);
        event.summary = format!(
            "{{\"centre\":\"{}\",\"item\":\"brannøvelse\"}}",
            centre.number
        );
        event.scope_region = Some(region.into());
        event.scope_operator = Some(centre.operator);
    }

    fn settlement(&mut self, event: &mut Event) {
        let index = self.random.below(HOUSEHOLDS);
        let municipality = household_municipality(index, &self.municipalities).to_owned();
        let action = [
            "settlement.request_updated",
            "settlement.offer_sent",
            "settlement.decision_registered",
            "settlement.person_folder_read",
        ][self.random.below(4) as usize];
        if self.random.below(2) == 0 {
            let user = format!("imdi{:03}", self.random.below(150));
            self.actor(event, "imdi", user);
        } else {
            let user = format!("k{municipality}-{}", self.random.below(8));
            self.actor(event, "municipality", user);
        }
        event.domain = "settlement".into();
        event.action = action.into();
        event.entity_type = "household".into();
        event.entity_id = household(index);
        event.summary = format!(
            "{{\"household\":\"{}\",\"municipality\":\"{municipality}\",\"persons\":{}}}",
            event.entity_id,
            1 + index % 6
        );
        event.scope_municipality = Some(municipality);
    }

    fn account(&mut self, event: &mut Event) {
        let user = self.random.below(5_000);
        let name = format!("bruker{user:04}");
        event.domain = "accounts".into();
        event.entity_type = "user".into();
        event.entity_id = (user + 10).to_string();
        if self.random.below(10) < 7 {
            self.actor(event, "udi_adm", name.clone());
            event.action = "login.succeeded".into();
            event.summary = "{\"second_factor\":\"totp\"}".into();
            event.security = 1;
        } else {
            let municipality =
                self.municipalities[(user % self.municipalities.len() as u64) as usize].clone();
            let admin = format!("kommuneadmin{municipality}");
            self.actor(event, "municipality_admin", admin);
            event.action = ["user.created", "user.role_changed", "user.disabled"]
                [self.random.below(3) as usize]
                .into();
            event.summary = format!("{{\"username\":\"{name}\"}}");
            event.scope_municipality = Some(municipality);
            event.scope_account_role = Some("municipality".into());
        }
    }
}
