//! Demo settlement (SPEC §7): a required agreement version signed by the demo municipalities,
//! this year's requests and decisions, an open offer to the demo municipality (4601, Bergen) and
//! an accepted one to Oslo, so that the IMDi and municipal logins see a living year.

use chrono::{Datelike, Days};
use mottak_store::Store;

use super::residents::demo_caller;
use crate::occupancy::today;
use crate::settlement::agreements::{
    self, ProcessingAgreementInput, ProfileInput, RequiredVersionInput,
};
use crate::settlement::cases::{self, NumbersInput};
use crate::settlement::folders::{self, SettlementInput};
use crate::settlement::offers::{self, AnswerInput, OfferInput};
use mottak_domain::settlement::Folder;

/// The version IMDi requires: the revised agreement that covers the new system (seed 003).
const REQUIRED_VERSION: &str = "2026-revidert";

/// A decision: persons, of them minors, approved.
type Decision = Option<(i64, i64, bool)>;

/// (municipality, requested persons, of them minors, the decision).
const YEAR: [(&str, i64, i64, Decision); 4] = [
    ("4601", 40, 5, Some((35, 4, true))),
    ("0301", 120, 15, Some((100, 10, true))),
    ("5001", 60, 8, Some((45, 5, false))),
    ("1103", 50, 6, None),
];

fn numbers(year: i64, number: &str, persons: i64, minors: i64) -> NumbersInput {
    NumbersInput {
        year: Some(year),
        municipality_number: number.to_owned(),
        persons: Some(persons),
        unaccompanied_minors: Some(minors),
    }
}

/// The requests and offers are mailed (R-SET-1a, R-SET-3) with links under `public_url`.
pub async fn fill(store: &Store, public_url: &str) -> anyhow::Result<()> {
    let caller = demo_caller();
    let year = i64::from(today().year());
    agreements::set_required_version(
        store,
        &caller,
        &RequiredVersionInput {
            required_version: REQUIRED_VERSION.to_owned(),
        },
    )
    .await?;
    for (number, persons, minors, decision) in YEAR {
        let signed = ProcessingAgreementInput {
            version: REQUIRED_VERSION.to_owned(),
            signed_on: format!("{year}-01-15"),
            ends_on: None,
        };
        agreements::register(store, &caller, number, &signed).await?;
        let mailbox = ProfileInput {
            postmottak: format!("postmottak.{number}@kommune.example"),
        };
        agreements::put_profile(store, &caller, number, &mailbox).await?;
        cases::create_request(
            store,
            &caller,
            &numbers(year, number, persons, minors),
            public_url,
        )
        .await?;
        if let Some((persons, minors, approved)) = decision {
            let id =
                cases::create_decision(store, &caller, &numbers(year, number, persons, minors))
                    .await?;
            if approved {
                cases::approve_decision(store, &caller, id).await?;
            }
        }
    }
    let deadline = (today() + Days::new(14)).to_string();
    for (number, household) in [("4601", "haile"), ("0301", "rahimi")] {
        let offer = OfferInput {
            municipality_number: number.to_owned(),
            household: household.to_owned(),
            deadline: deadline.clone(),
            year: Some(year),
        };
        let id = offers::create_offer(store, &caller, &offer, public_url).await?;
        if number == "0301" {
            let yes = AnswerInput {
                answer: "yes".to_owned(),
                reason: None,
            };
            offers::answer_offer(store, &caller, id, &yes).await?;
        }
    }
    folders_and_a_settlement(store).await
}

/// Folders for both offered households (R-SET-6), and the first of Oslo's accepted household
/// settled today (R-SET-5).
async fn folders_and_a_settlement(store: &Store) -> anyhow::Result<()> {
    let caller = demo_caller();
    for (household, languages) in [
        ("haile", ["tigrinja", "arabisk"]),
        ("rahimi", ["dari", "engelsk"]),
    ] {
        for member in store.residents_of_household(household).await? {
            let folder = Folder {
                education: "Videregående skole".to_owned(),
                work: "Erfaring fra helsefag".to_owned(),
                languages: languages.map(str::to_owned).to_vec(),
                health_needs: "Ingen kjente".to_owned(),
                family: "Bor sammen med husstanden".to_owned(),
                network: "Slektninger på Østlandet".to_owned(),
                wishes: "Nær skole og arbeid".to_owned(),
            };
            folders::put_folder(store, &caller, member.id, &folder).await?;
        }
    }
    if let Some(first) = store.residents_of_household("rahimi").await?.first() {
        let today = SettlementInput {
            date: today().to_string(),
        };
        folders::settle(store, &caller, first.id, &today).await?;
    }
    Ok(())
}
