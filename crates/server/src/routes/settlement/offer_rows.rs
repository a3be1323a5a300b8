//! The offers of a year as the settlement page shows them: for the municipality the persons of
//! its open offers (ages and gender only, the read logged) and the folders of its accepted ones.

use mottak_domain::access::{MunicipalPermission, Role};

use crate::auth::Caller;
use crate::error::PageError;
use crate::pages::Shell;
use crate::routes::residents::messages::show_date;
use crate::settlement::offers::{self, OfferView};
use crate::state::AppState;

/// An offer as the page shows it; `members` as "34 år, kvinne" lines while visible.
pub(super) struct OfferRow {
    pub(super) id: i64,
    pub(super) municipality_number: String,
    pub(super) persons: i64,
    pub(super) deadline: String,
    pub(super) status: String,
    pub(super) status_code: String,
    pub(super) members: Vec<String>,
    /// The residents whose folders the municipality may open (accepted offers, R-SET-6).
    pub(super) folders: Vec<i64>,
    /// R-SET-4: the day of IMDi's settlement decision as shown, empty before it.
    pub(super) decided_on: String,
    /// The persons IMDi writes letters to once the offer is decided (IMDi's page only).
    pub(super) letters: Vec<i64>,
    /// Ids of the answer form's fields: plain for the offer whose answer failed, so that the
    /// error summary's links reach them.
    pub(super) suffix: String,
}

pub(super) async fn offer_rows(
    state: &AppState,
    shell: &Shell,
    caller: &Caller,
    year: i64,
) -> Result<Vec<OfferRow>, PageError> {
    let municipal = caller.role == Role::Municipality;
    if municipal
        && !caller
            .permissions
            .contains(&MunicipalPermission::OffersAndDecisions)
    {
        return Ok(Vec::new());
    }
    let listed = offers::list_offers(&state.store, caller, year).await?;
    let mut rows = Vec::new();
    for offer in listed {
        // The persons only of open offers on the municipality's page; reading them is logged.
        let members = if municipal && offer.status == "open" {
            offers::read_offer(&state.store, caller, offer.id)
                .await?
                .members
                .unwrap_or_default()
        } else {
            Vec::new()
        };
        let wants_folders = municipal
            && offer.status == "accepted"
            && caller
                .permissions
                .contains(&MunicipalPermission::PersonFolders);
        let wants_letters = !municipal && offer.decided_on.is_some();
        let residents: Vec<i64> = if wants_folders || wants_letters {
            state
                .store
                .settlement_offer_members(offer.id)
                .await?
                .iter()
                .map(|member| member.resident_id)
                .collect()
        } else {
            Vec::new()
        };
        let (folders, letters) = if wants_folders {
            (residents, Vec::new())
        } else {
            (Vec::new(), residents)
        };
        rows.push(OfferRow {
            folders,
            letters,
            decided_on: offer
                .decided_on
                .as_deref()
                .map(show_date)
                .unwrap_or_default(),
            members: members
                .iter()
                .map(|member| {
                    format!(
                        "{} {}, {}",
                        member.age,
                        shell.t("settlement.years_old"),
                        shell.t(&format!("residents.gender.{}", member.gender))
                    )
                })
                .collect(),
            status: shell
                .t(&format!("settlement.status.{}", offer.status))
                .to_owned(),
            status_code: offer.status.clone(),
            deadline: show_date(&offer.deadline),
            ..offer_row(offer)
        });
    }
    Ok(rows)
}

fn offer_row(offer: OfferView) -> OfferRow {
    OfferRow {
        id: offer.id,
        municipality_number: offer.municipality_number,
        persons: offer.persons,
        deadline: String::new(),
        status: String::new(),
        status_code: String::new(),
        members: Vec::new(),
        folders: Vec::new(),
        decided_on: String::new(),
        letters: Vec::new(),
        suffix: format!("-{}", offer.id),
    }
}
