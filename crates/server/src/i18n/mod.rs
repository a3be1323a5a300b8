//! The user interface's languages: Norwegian bokmål first, English second (SPEC §9).

mod accounts;
mod agreement_form;
mod claims;
mod error_pages;
pub mod events;
mod mail;
mod money;
mod placement;
mod plan_items;
mod plan_work;
mod plans;
pub mod problems;
mod registry;
mod residents;
mod settlement;
mod settlement_letters;
mod settlement_mail;
mod staff;
mod work;
mod work_calendar;
mod worklog;

use axum::http::HeaderMap;

use crate::auth::session::cookie;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    Nb,
    En,
}

pub const COOKIE: &str = "mottak_lang";

impl Lang {
    pub fn from_headers(headers: &HeaderMap) -> Lang {
        match cookie(headers, COOKIE).as_deref() {
            Some("en") => Lang::En,
            _ => Lang::Nb,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::Nb => "nb",
            Lang::En => "en",
        }
    }

    pub fn other(self) -> Lang {
        match self {
            Lang::Nb => Lang::En,
            Lang::En => Lang::Nb,
        }
    }

    /// The text for `key`, if the catalogue has it (for codes that may be new, like an event's).
    pub fn find(self, key: &str) -> Option<&'static str> {
        all_texts()
            .find(|(candidate, _, _)| *candidate == key)
            .map(|(_, nb, en)| match self {
                Lang::Nb => *nb,
                Lang::En => *en,
            })
    }

    /// The text for `key`; the key itself when there is none, so a gap shows on screen.
    pub fn text(self, key: &str) -> &'static str {
        self.find(key).unwrap_or_else(|| {
            tracing::warn!(key, "missing text");
            "?"
        })
    }
}

/// Every text of the catalogue, area by area.
/// Every `(key, bokmål, English)` of the catalogue, for the tests that check a page speaks one
/// language.
pub fn catalogue() -> impl Iterator<Item = &'static (&'static str, &'static str, &'static str)> {
    all_texts()
}

fn all_texts() -> impl Iterator<Item = &'static (&'static str, &'static str, &'static str)> {
    [
        TEXTS,
        error_pages::TEXTS,
        registry::TEXTS,
        claims::TEXTS,
        accounts::TEXTS,
        work::TEXTS,
        placement::TEXTS,
        money::TEXTS,
        residents::TEXTS,
        events::TEXTS,
        plans::TEXTS,
        plan_items::TEXTS,
        settlement::TEXTS,
        settlement_letters::TEXTS,
        agreement_form::TEXTS,
        plan_work::TEXTS,
        work_calendar::TEXTS,
        worklog::TEXTS,
        mail::TEXTS,
        settlement_mail::TEXTS,
        staff::TEXTS,
        staff::PAGE_TEXTS,
    ]
    .into_iter()
    .flatten()
}

/// (key, bokmål, English): the texts shared by every page.
const TEXTS: &[(&str, &str, &str)] = &[
    (
        "app.tagline",
        "Fra asylmottak til bosetting",
        "From reception centre to settlement",
    ),
    ("lang.switch", "English", "Norsk (bokmål)"),
    (
        "paste.help",
        "Lim inn rader fra Excel (celler med tabulator) eller CSV med semikolon. En overskriftsrad er valgfri, og tall kan ha desimalkomma og mellomrom som tusenskille (1 234,50).",
        "Paste rows from Excel (tab-separated cells) or CSV with semicolons. A header row is optional, and numbers may have a decimal comma and spaces between thousands (1 234,50).",
    ),
    (
        "paste.file",
        "Eller last opp en fil (CSV eller tekst)",
        "Or upload a file (CSV or text)",
    ),
    ("nav.label", "Hovedmeny", "Main menu"),
    ("nav.dashboard", "Oversikt", "Overview"),
    ("nav.users", "Brukere", "Users"),
    ("nav.events", "Hendelseslogg", "Event log"),
    ("nav.calendar", "Arbeidsdager", "Working days"),
    ("nav.api", "API", "API"),
    ("nav.skip", "Hopp til hovedinnhold", "Skip to main content"),
    ("nav.help", "Hjelp", "Help"),
    ("help.title", "Brukerveiledning", "User guide"),
    ("nav.logout", "Logg ut", "Log out"),
    ("nav.signed_in_as", "Innlogget som", "Signed in as"),
    (
        "form.invalid_date",
        "Skriv en gyldig dato, for eksempel 24.11.2026.",
        "Enter a valid date, for example 24.11.2026.",
    ),
    (
        "form.invalid_number",
        "Skriv et helt tall fra 0 til 10 000.",
        "Enter a whole number from 0 to 10,000.",
    ),
    (
        "form.errors",
        "Skjemaet har feil. Se meldingene ved feltene.",
        "The form has errors. See the messages by the fields.",
    ),
    // registry
    ("nav.centres", "Mottak", "Centres"),
    ("nav.operators", "Driftsoperatører", "Operators"),
    ("nav.import", "Import", "Import"),
    // claims
    ("nav.claims", "Refusjonskrav", "Reimbursement claims"),
    // placement
    ("nav.placement", "Fordelingsforslag", "Placement proposals"),
];

#[cfg(test)]
mod tests;
