//! Demo residents (SPEC §5): households at the demo operator's centres, with moves between two of
//! them, daily counts at a centre without resident data, and last month approved at both and
//! claimed at the centre with daily counts.

use chrono::{Datelike, Days, Months};
use mottak_domain::access::Role;
use mottak_domain::dates::Month;
use mottak_domain::residents::ResidentDraft;
use mottak_store::Store;
use mottak_store::registry::CentreFilter;

use crate::auth::Caller;
use crate::occupancy::{self, today};
use crate::residents::{StayInput, add_stay, create_resident};

/// (DUF number, given name, family name, birth date, gender, household).
const RESIDENTS: [(&str, &str, &str, &str, &str, &str); 8] = [
    (
        "202312345601",
        "Amina",
        "Haile",
        "1991-03-14",
        "female",
        "haile",
    ),
    (
        "202312345602",
        "Yonas",
        "Haile",
        "2016-08-02",
        "male",
        "haile",
    ),
    (
        "202312345603",
        "Omar",
        "Rahimi",
        "1985-11-30",
        "male",
        "rahimi",
    ),
    (
        "202312345604",
        "Leyla",
        "Rahimi",
        "1988-01-09",
        "female",
        "rahimi",
    ),
    (
        "202412345605",
        "Samir",
        "Nasser",
        "2008-06-21",
        "male",
        "nasser",
    ),
    (
        "202412345606",
        "Olena",
        "Kovalenko",
        "1979-04-05",
        "female",
        "kovalenko",
    ),
    (
        "202412345607",
        "Dmytro",
        "Kovalenko",
        "2011-12-12",
        "male",
        "kovalenko",
    ),
    (
        "202412345608",
        "Fatima",
        "Ali",
        "1999-09-19",
        "unknown",
        "ali",
    ),
];

pub(super) fn demo_caller() -> Caller {
    Caller {
        user_id: 0,
        username: "demo".to_owned(),
        display_name: "Demo".to_owned(),
        role: Role::Admin,
        region: None,
        operator_dro: None,
        municipality_number: None,
        permissions: Vec::new(),
        origin: "local".to_owned(),
        via_token: false,
    }
}

fn ago(days: u64) -> String {
    (today() - Days::new(days)).to_string()
}

pub async fn fill(store: &Store) -> anyhow::Result<()> {
    let caller = demo_caller();
    let operator = store.operator_by_dro(1000).await?;
    let filter = CentreFilter {
        operator_id: Some(operator.id),
        status: Some("open".to_owned()),
        limit: 10,
        ..CentreFilter::default()
    };
    let (centres, _) = store.list_centres(&filter).await?;
    let [first, second, counted, ..] = centres.as_slice() else {
        return Ok(());
    };
    for (index, (duf, given, family, born, gender, household)) in RESIDENTS.iter().enumerate() {
        let input = ResidentDraft {
            duf_number: (*duf).to_owned(),
            given_name: (*given).to_owned(),
            family_name: (*family).to_owned(),
            birth_date: (*born).to_owned(),
            gender: (*gender).to_owned(),
            household: (*household).to_owned(),
        };
        let id = create_resident(store, &caller, &input)
            .await
            .map_err(anyhow_of)?;
        let arrived = 200 - 20 * index as u64;
        let stay = |centre_id: i64, from: String| StayInput {
            centre_id,
            from,
            to: None,
        };
        add_stay(store, &caller, id, &stay(first.id, ago(arrived)))
            .await
            .map_err(anyhow_of)?;
        // Every third resident moves to the second centre (R-OCC-1); the last one left.
        if index % 3 == 1 {
            add_stay(store, &caller, id, &stay(second.id, ago(arrived / 2)))
                .await
                .map_err(anyhow_of)?;
        }
    }
    let last_month = today()
        .with_day(1)
        .and_then(|first| first.checked_sub_months(Months::new(1)))
        .and_then(|date| Month::new(date.year(), date.month()))
        .ok_or_else(|| anyhow::anyhow!("no last month"))?;
    let counted_centre = store.centre(counted.id).await?;
    let days: Vec<(chrono::NaiveDate, u32)> = (0..last_month.days())
        .map(|day| {
            (
                last_month.first_day() + Days::new(u64::from(day)),
                30 + day % 4,
            )
        })
        .collect();
    occupancy::enter_counts(
        store,
        &caller,
        &counted_centre,
        &operator,
        last_month,
        &days,
    )
    .await
    .map_err(anyhow_of)?;
    for centre in [first.id, counted.id] {
        let centre = store.centre(centre).await?;
        occupancy::approve(store, &caller, &centre, &operator, last_month)
            .await
            .map_err(anyhow_of)?;
    }
    // The counted centre has claimed its approved month (R-CLM-5); the first is still to claim.
    crate::claims::make_claim(store, &caller, &counted_centre, &operator, last_month)
        .await
        .map_err(anyhow_of)?
        .map_err(|refusal| anyhow::anyhow!("demo claim refused: {refusal:?}"))?;
    Ok(())
}

fn anyhow_of(error: crate::error::ApiError) -> anyhow::Error {
    anyhow::anyhow!("demo residents: {error}")
}
