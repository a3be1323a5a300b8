//! The municipality's settlement on its dashboard: the year's request and the state of its
//! decision, and the open offers it has to answer with their deadlines, soonest first.

use mottak_domain::access::{MunicipalPermission, Role};

use crate::auth::Caller;
use crate::error::PageError;
use crate::pages::Shell;
use crate::routes::residents::messages::show_date;
use crate::settlement::cases::year_overview;
use crate::settlement::offers::list_offers;
use crate::settlement::year_or_current;
use crate::state::AppState;

pub struct SettlementPanel {
    pub year: i64,
    /// The request's persons, or empty before IMDi's request.
    pub requested: String,
    /// "120 personer, godkjent", or that no decision is registered.
    pub decision: String,
    /// Open offers: id, persons, deadline as shown.
    pub offers: Vec<(i64, i64, String)>,
    /// Whether the caseworker may see offers (the offers permission, R-AUTH-4).
    pub sees_offers: bool,
}

/// The panel for a municipal caseworker; `None` for every other role.
pub async fn settlement_panel(
    state: &AppState,
    shell: &Shell,
    caller: &Caller,
) -> Result<Option<SettlementPanel>, PageError> {
    if caller.role != Role::Municipality {
        return Ok(None);
    }
    let year = year_or_current(None);
    let own = year_overview(&state.store, caller, year)
        .await?
        .into_iter()
        .next();
    let requested = own
        .as_ref()
        .and_then(|row| row.persons)
        .map(|persons| format!("{persons} {}", shell.t("settlement.persons_unit")))
        .unwrap_or_else(|| shell.t("settlement.no_request").to_owned());
    let decision = match own.as_ref().and_then(|row| row.decision.as_ref()) {
        Some(decision) => format!(
            "{} {} – {}",
            decision.persons,
            shell.t("settlement.persons_unit"),
            shell.t(if decision.approved {
                "settlement.approved"
            } else {
                "settlement.not_approved"
            })
        ),
        None => shell.t("settlement.no_decision").to_owned(),
    };
    let sees_offers = caller
        .permissions
        .contains(&MunicipalPermission::OffersAndDecisions);
    let mut open: Vec<_> = if sees_offers {
        list_offers(&state.store, caller, year)
            .await?
            .into_iter()
            .filter(|offer| offer.status == "open")
            .collect()
    } else {
        Vec::new()
    };
    open.sort_by(|a, b| a.deadline.cmp(&b.deadline).then(a.id.cmp(&b.id)));
    Ok(Some(SettlementPanel {
        year,
        requested,
        decision,
        offers: open
            .iter()
            .map(|offer| (offer.id, offer.persons, show_date(&offer.deadline)))
            .collect(),
        sees_offers,
    }))
}
