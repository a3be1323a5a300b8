//! About sixty fictional centres across the series and categories, with operators, accounting
//! data and a history of lifecycle operations — made through the same operations users call.

use mottak_domain::registry::{bank_account_check_digit, organisation_number_check_digit};
use mottak_store::Store;
use mottak_store::events::Actor;

use crate::registry::import::{ImportMode, import_old_counties};
use crate::registry::{
    CentreInput, CentrePatch, LifecycleRequest, OperatorInput, apply_lifecycle, create_centre,
    create_operator, scope::EditRights, update_centre,
};

/// (name, experienced). The first is DRO1000, the demo operator user's.
const OPERATORS: [(&str, bool); 8] = [
    ("Fjordhus Drift AS", true),
    ("Nordlys Mottak AS", true),
    ("Trygg Bolig AS", true),
    ("Stiftelsen Varde", false),
    ("Kystmottak AS", true),
    ("Innlandet Omsorg AS", false),
    ("Hjem i Nord AS", true),
    ("Brobyggerne SA", false),
];

/// (series, municipality, postal code, places for names). The municipality lies in the old
/// county of the series.
const PLACES: [(&str, &str, &str, [&str; 3]); 20] = [
    ("01", "3003", "1710", ["Sarpsborg", "Hafslund", "Tune"]),
    ("02", "3024", "1338", ["Sandvika", "Bekkestua", "Fornebu"]),
    ("03", "0301", "0010", ["Tøyen", "Grorud", "Skullerud"]),
    ("04", "3403", "2317", ["Hamar", "Ottestad", "Ridabu"]),
    ("05", "3405", "2609", ["Lillehammer", "Fåberg", "Nordseter"]),
    ("06", "3005", "3015", ["Drammen", "Konnerud", "Åssiden"]),
    ("07", "3803", "3110", ["Tønsberg", "Husøy", "Vallø"]),
    ("08", "3806", "3915", ["Porsgrunn", "Brevik", "Heistad"]),
    ("09", "4203", "4836", ["Arendal", "Hisøy", "Saltrød"]),
    ("10", "4204", "4611", ["Kristiansand", "Vågsbygd", "Tveit"]),
    ("11", "1103", "4005", ["Stavanger", "Madla", "Hinna"]),
    ("12", "4601", "5003", ["Bergen", "Arna", "Fana"]),
    ("14", "4602", "6900", ["Florø", "Eikefjord", "Stavang"]),
    ("15", "1507", "6002", ["Ålesund", "Spjelkavik", "Hessa"]),
    ("16", "5001", "7010", ["Trondheim", "Heimdal", "Byåsen"]),
    ("17", "5006", "7713", ["Steinkjer", "Egge", "Beitstad"]),
    ("18", "1804", "8006", ["Bodø", "Tverlandet", "Saltstraumen"]),
    ("19", "5401", "9008", ["Tromsø", "Kvaløya", "Tromsdalen"]),
    ("20", "5403", "9510", ["Alta", "Bossekop", "Talvik"]),
    ("35", "5001", "7010", ["Lia", "Solbakken", "Tunet"]),
];

/// A valid organisation number from an eight-digit stem (R-REG-4).
fn organisation_number(stem: u32) -> String {
    (stem..)
        .map(|candidate| candidate.to_string())
        .find_map(|digits| {
            organisation_number_check_digit(&digits).map(|check| format!("{digits}{check}"))
        })
        .expect("some stem has a check digit")
}

/// A valid bank account from a ten-digit stem (R-REG-8).
fn bank_account(stem: u64) -> String {
    (stem..)
        .map(|candidate| candidate.to_string())
        .find_map(|digits| {
            bank_account_check_digit(&digits).map(|check| format!("{digits}{check}"))
        })
        .expect("some stem has a check digit")
}

fn category_of(series: &str, index: usize) -> (&'static str, &'static str) {
    match (series, index) {
        ("35", _) => ("special_care", " omsorgssenter"),
        ("01", 0) => ("transit", " asylmottak transitt"),
        (_, 1) if series < "12" => ("unaccompanied_minors", " asylmottak EM"),
        (_, 2) if matches!(series, "03" | "12" | "16") => ("emergency", " asylmottak akutt"),
        _ => ("ordinary", " asylmottak"),
    }
}

pub async fn fill(store: &Store) -> anyhow::Result<()> {
    let actor = Actor::system("demo");
    // The pre-2020 counties of the demo municipalities (§2; an admin imports the full list).
    let mapping: String = PLACES
        .iter()
        .filter(|(series, ..)| *series != "35")
        .map(|(series, municipality, ..)| format!("{municipality};{series}\n"))
        .collect();
    import_old_counties(store, &actor, &mapping, "2020-01-01", ImportMode::All).await?;
    let mut operators = Vec::new();
    for (index, (name, experienced)) in OPERATORS.iter().enumerate() {
        let input = OperatorInput {
            name: (*name).to_owned(),
            organisation_number: organisation_number(91_234_560 + index as u32 * 7_919),
            experienced: *experienced,
            phone: Some(format!("22 {:02} {:02} 00", 30 + index, 10 + index)),
            email: Some(format!(
                "post@{}.no",
                name.split_whitespace()
                    .next()
                    .unwrap_or("drift")
                    .to_lowercase()
            )),
            ..OperatorInput::default()
        };
        operators.push(create_operator(store, &actor, &input).await?.id);
    }
    let mut created = Vec::new();
    for (place_index, (series, municipality, postal_code, places)) in PLACES.iter().enumerate() {
        for (index, place) in places.iter().enumerate() {
            let (category, suffix) = category_of(series, index);
            let operator_id = operators[(place_index + index) % operators.len()];
            let complete = (place_index + index) % 5 != 0;
            let input = CentreInput {
                name: format!("{place}{suffix}"),
                category: category.to_owned(),
                series: (*series).to_owned(),
                municipality_number: (*municipality).to_owned(),
                postal_code: (*postal_code).to_owned(),
                operator_id,
                region: (*series == "35").then(|| "MIDT".to_owned()),
                visiting_address: Some(format!("{place}vegen {}", 3 + index * 4)),
                postal_address: Some(format!("Postboks {}", 100 + place_index * 3 + index)),
                phone: Some(format!(
                    "9{:02}{:02}{:03}",
                    place_index,
                    index,
                    100 + place_index * 7
                )),
                email: Some(format!(
                    "post.{}@{}.no",
                    place.to_lowercase().replace(['å', 'ø', 'æ'], "a"),
                    "mottaksdrift"
                )),
                leader: Some(format!("Leder {}", place)),
                ip_address: Some(format!(
                    "193.{}.{}.{}",
                    10 + place_index,
                    index + 1,
                    20 + index
                )),
                mailbox_name: Some(format!("{}.asylmottak", place.to_lowercase())),
                has_video_equipment: index == 0,
                external_cost_centre: Some(format!("K{}{}", series, 10 + index)),
                udi_cost_centre: complete.then(|| format!("U{}", 4000 + place_index * 10 + index)),
                supplier_number_benefits: Some(format!("{}", 700_000 + place_index * 10 + index)),
                supplier_number_operation: complete
                    .then(|| format!("{}", 800_000 + place_index * 10 + index)),
                bank_account_benefits: Some(bank_account(
                    1_503_000_000 + (place_index * 10 + index) as u64 * 37,
                )),
                bank_account_operation: complete
                    .then(|| bank_account(1_607_000_000 + (place_index * 10 + index) as u64 * 41)),
                ..CentreInput::default()
            };
            let (centre, _) = create_centre(store, &actor, &input).await?;
            created.push(centre);
        }
    }
    // Some history: a change of operator, a renamed centre, a closed one, a new place type.
    let lifecycle = |operation: &str| LifecycleRequest {
        operation: operation.to_owned(),
        version: 1,
        ..LifecycleRequest::default()
    };
    apply_lifecycle(
        store,
        &actor,
        created[3].id,
        &LifecycleRequest {
            operator_id: Some(operators[5]),
            new_name: Some("Bærum asylmottak".to_owned()),
            ..lifecycle("change_operator")
        },
    )
    .await?;
    apply_lifecycle(
        store,
        &actor,
        created[10].id,
        &LifecycleRequest {
            new_name: Some("Bekkestua asylmottak".to_owned()),
            ..lifecycle("rename")
        },
    )
    .await?;
    apply_lifecycle(store, &actor, created[16].id, &lifecycle("close")).await?;
    apply_lifecycle(
        store,
        &actor,
        created[33].id,
        &LifecycleRequest {
            place_type: Some("reinforced".to_owned()),
            new_name: Some("Bergen asylmottak FA".to_owned()),
            ..lifecycle("add_place_type")
        },
    )
    .await?;
    let national = EditRights {
        contact: true,
        postal_code: true,
        accounting: true,
    };
    update_centre(
        store,
        &actor,
        national,
        created[40].id,
        &CentrePatch {
            version: 1,
            phone: Some("73 00 00 00".to_owned()),
            ..CentrePatch::default()
        },
    )
    .await?;
    Ok(())
}
