//! Demo agreements: a main agreement (H) for every open centre, and for the first one a
//! supplement (T) with standby tiers and an activation of them (A), so the pages look alive.

use mottak_domain::agreements::AgreementInput;
use mottak_store::Store;
use mottak_store::events::Actor;
use mottak_store::registry::CentreFilter;
use serde_json::json;

use crate::agreements::create_agreement;

pub async fn fill(store: &Store) -> anyhow::Result<()> {
    let actor = Actor::system("demo");
    let filter = CentreFilter {
        status: Some("open".to_owned()),
        limit: 1000,
        ..CentreFilter::default()
    };
    let (centres, _) = store.list_centres(&filter).await?;
    for (index, centre) in centres.iter().enumerate() {
        let places = 60 + (index as i64 % 5) * 20;
        let canteen = index % 4 == 0;
        let meal_tiers = if canteen {
            json!([{"priority": 1, "persons": places, "price": 0},
                   {"priority": 2, "persons": 0, "price": 10103}])
        } else {
            json!([])
        };
        let main = json!({
            "kind": "H", "operator_id": centre.operator_id, "signed": "2025-10-15",
            "operation_start": "2026-01-01", "valid_from": "2026-01-01", "valid_to": "2029-01-01",
            "notice_period_months": 6, "extension_deadline_months": 6,
            "remark": format!("Konkurranse 25/{:04}", 100 + index),
            "units": [{
                "centre_id": centre.id, "canteen": canteen, "fixed_places": places,
                "standby_places": 20,
                "fixed_annual_operating": {"amount": places * 9_500_000, "regulation": {}},
                "fixed_annual_rent": {"amount": places * 1_800_000, "regulation": {},
                                      "payment": {"in_advance": true, "period": "quarterly"}},
                "unit_tiers": [
                    {"priority": 1, "kind": "unit_price", "places": 30, "price": 42000},
                    {"priority": 2, "kind": "standby", "places": 20, "price": 38000}
                ],
                "meal_tiers": meal_tiers
            }]
        });
        create(store, &actor, main).await?;
        if index == 0 {
            let supplement = json!({
                "kind": "T", "operator_id": centre.operator_id, "signed": "2026-03-01",
                "operation_start": "2026-04-01", "valid_from": "2026-04-01",
                "valid_to": "2027-04-01", "notice_period_months": 3,
                "units": [{
                    "centre_id": centre.id, "canteen": canteen, "fixed_places": 0,
                    "standby_places": 15,
                    "unit_tiers": [
                        {"priority": 3, "kind": "unit_price", "places": 25, "price": 45000},
                        {"priority": 4, "kind": "standby", "places": 15, "price": 40000}
                    ]
                }]
            });
            create(store, &actor, supplement).await?;
            let activation = json!({
                "kind": "A", "operator_id": centre.operator_id, "signed": "2026-09-20",
                "operation_start": "2026-10-01", "valid_from": "2026-10-01",
                "valid_to": "2027-01-01", "notice_period_months": 1,
                "units": [{"centre_id": centre.id, "canteen": canteen, "unit_tiers": [
                    {"priority": 5, "kind": "unit_price", "places": 0, "price": 65000}
                ]}]
            });
            create(store, &actor, activation).await?;
        }
    }
    Ok(())
}

async fn create(store: &Store, actor: &Actor, body: serde_json::Value) -> anyhow::Result<()> {
    let input: AgreementInput = serde_json::from_value(body)?;
    create_agreement(store, actor, &input)
        .await
        .map_err(|error| anyhow::anyhow!("demo agreement: {error}"))?;
    Ok(())
}
