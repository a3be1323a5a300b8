//! The user interface's languages: Norwegian bokmål first, English second (SPEC §9).

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

    /// The text for `key`; the key itself when there is none, so a gap shows on screen.
    pub fn text(self, key: &str) -> &'static str {
        match TEXTS.iter().find(|(candidate, _, _)| *candidate == key) {
            Some((_, nb, en)) => match self {
                Lang::Nb => nb,
                Lang::En => en,
            },
            None => {
                tracing::warn!(key, "missing text");
                "?"
            }
        }
    }
}

/// (key, bokmål, English)
const TEXTS: &[(&str, &str, &str)] = &[
    ("app.name", "mottak", "mottak"),
    (
        "app.tagline",
        "Fra asylmottak til bosetting",
        "From reception centre to settlement",
    ),
    ("lang.switch", "English", "Norsk (bokmål)"),
    ("nav.label", "Hovedmeny", "Main menu"),
    ("nav.dashboard", "Oversikt", "Overview"),
    ("nav.users", "Brukere", "Users"),
    ("nav.events", "Hendelseslogg", "Event log"),
    ("nav.calendar", "Arbeidsdager", "Working days"),
    ("nav.api", "API", "API"),
    ("nav.skip", "Hopp til hovedinnhold", "Skip to main content"),
    ("nav.logout", "Logg ut", "Log out"),
    ("nav.signed_in_as", "Innlogget som", "Signed in as"),
    ("role.admin", "Systemadministrator", "System administrator"),
    ("role.udi_adm", "UDI administrasjon", "UDI administration"),
    ("role.udi_region", "UDI regionkontor", "UDI regional unit"),
    ("role.operator", "Driftsoperatør", "Operator"),
    ("role.imdi", "IMDi", "IMDi"),
    (
        "role.municipality_admin",
        "Kommuneadministrator",
        "Municipal administrator",
    ),
    (
        "role.municipality",
        "Kommunal saksbehandler",
        "Municipal caseworker",
    ),
    ("login.title", "Logg inn", "Log in"),
    (
        "login.intro",
        "Logg inn med brukernavn, passord og kode fra autentiseringsappen.",
        "Log in with username, password and a code from your authenticator app.",
    ),
    ("login.username", "Brukernavn", "Username"),
    ("login.password", "Passord", "Password"),
    ("login.submit", "Logg inn", "Log in"),
    (
        "login.failed",
        "Feil brukernavn eller passord.",
        "Wrong username or password.",
    ),
    (
        "login.rate_limited",
        "For mange mislykkede forsøk. Vent et kvarter og prøv igjen.",
        "Too many failed attempts. Wait a quarter of an hour and try again.",
    ),
    (
        "login.required",
        "Fyll inn dette feltet.",
        "Fill in this field.",
    ),
    ("totp.title", "Engangskode", "One-time code"),
    (
        "totp.intro",
        "Skriv inn den sekssifrede koden fra autentiseringsappen, eller en av gjenopprettingskodene dine.",
        "Enter the six-digit code from your authenticator app, or one of your recovery codes.",
    ),
    ("totp.code", "Kode", "Code"),
    ("totp.submit", "Bekreft", "Confirm"),
    (
        "totp.failed",
        "Koden er feil eller brukt før. Prøv den neste koden.",
        "The code is wrong or already used. Try the next code.",
    ),
    (
        "enrol.title",
        "Sett opp tofaktorinnlogging",
        "Set up two-factor login",
    ),
    (
        "enrol.intro",
        "Skann QR-koden med en autentiseringsapp (for eksempel Microsoft Authenticator, Google Authenticator eller FreeOTP), og skriv inn koden appen viser.",
        "Scan the QR code with an authenticator app (such as Microsoft Authenticator, Google Authenticator or FreeOTP), and enter the code it shows.",
    ),
    (
        "enrol.qr_label",
        "QR-kode for autentiseringsappen",
        "QR code for the authenticator app",
    ),
    (
        "enrol.manual",
        "Kan du ikke skanne? Skriv inn denne nøkkelen i appen:",
        "Cannot scan? Enter this key in the app:",
    ),
    ("recovery.title", "Gjenopprettingskoder", "Recovery codes"),
    (
        "recovery.intro",
        "Ta vare på disse kodene et trygt sted. Hver kode kan brukes én gang hvis du mister telefonen. De vises bare nå.",
        "Keep these codes somewhere safe. Each code works once if you lose your phone. They are shown only now.",
    ),
    (
        "recovery.continue",
        "Jeg har tatt vare på kodene – fortsett",
        "I have saved the codes – continue",
    ),
    ("dashboard.title", "Oversikt", "Overview"),
    ("dashboard.welcome", "Velkommen", "Welcome"),
    ("dashboard.users", "Aktive brukere", "Active users"),
    (
        "dashboard.sessions",
        "Innloggede økter",
        "Signed-in sessions",
    ),
    ("dashboard.events_today", "Hendelser i dag", "Events today"),
    (
        "dashboard.municipalities",
        "Kommuner i referansedata",
        "Municipalities in reference data",
    ),
    ("dashboard.postal_codes", "Postnumre", "Postal codes"),
    (
        "dashboard.series",
        "Nummerserier for mottak",
        "Centre number series",
    ),
    (
        "dashboard.users_by_role",
        "Brukere per rolle",
        "Users by role",
    ),
    ("dashboard.role", "Rolle", "Role"),
    ("dashboard.count", "Antall", "Count"),
    ("dashboard.your_scope", "Ditt ansvarsområde", "Your scope"),
    ("dashboard.national", "Hele landet", "The whole country"),
    ("users.title", "Brukere", "Users"),
    ("users.new", "Ny bruker", "New user"),
    ("users.username", "Brukernavn", "Username"),
    ("users.display_name", "Navn", "Name"),
    ("users.role", "Rolle", "Role"),
    ("users.scope", "Ansvarsområde", "Scope"),
    ("users.region", "Region", "Region"),
    (
        "users.operator",
        "Driftsoperatør (DRO-nummer)",
        "Operator (DRO number)",
    ),
    ("users.municipality", "Kommunenummer", "Municipality number"),
    (
        "users.permissions",
        "Tilganger (kommunal saksbehandler)",
        "Permissions (municipal caseworker)",
    ),
    (
        "users.password",
        "Første passord (minst 12 tegn)",
        "First password (at least 12 characters)",
    ),
    ("users.status", "Status", "Status"),
    ("users.active", "Aktiv", "Active"),
    ("users.disabled", "Deaktivert", "Disabled"),
    ("users.totp", "Tofaktor", "Two-factor"),
    ("users.totp_on", "Satt opp", "Enrolled"),
    ("users.totp_off", "Ikke satt opp", "Not enrolled"),
    ("users.create", "Opprett bruker", "Create user"),
    (
        "users.created",
        "Brukeren er opprettet.",
        "The user was created.",
    ),
    ("users.edit", "Endre", "Edit"),
    ("users.save_role", "Lagre rolle", "Save role"),
    (
        "users.saved",
        "Endringen er lagret.",
        "The change was saved.",
    ),
    ("users.disable", "Deaktiver", "Disable"),
    ("users.enable", "Aktiver", "Enable"),
    ("users.reset_totp", "Nullstill tofaktor", "Reset two-factor"),
    (
        "users.reset_totp_done",
        "Tofaktor er nullstilt. Brukeren setter den opp ved neste innlogging.",
        "Two-factor was reset. The user sets it up at the next login.",
    ),
    ("users.issue_token", "Lag API-nøkkel", "Issue API token"),
    (
        "users.token_label",
        "Hva nøkkelen skal brukes til",
        "What the token is for",
    ),
    (
        "users.token_shown_once",
        "Ny API-nøkkel. Kopier den nå; den vises ikke igjen:",
        "New API token. Copy it now; it is not shown again:",
    ),
    ("users.tokens", "API-nøkler", "API tokens"),
    ("users.revoke", "Trekk tilbake", "Revoke"),
    ("users.revoked", "Trukket tilbake", "Revoked"),
    ("users.none", "Ingen", "None"),
    ("users.back", "Tilbake til brukere", "Back to users"),
    ("users.choose", "Velg", "Choose"),
    ("events.title", "Hendelseslogg", "Event log"),
    (
        "events.intro",
        "Alle endringer og all lesing av personopplysninger. Loggen er kjedet med hash og kan ikke endres uten at det oppdages.",
        "Every change and every read of personal data. The log is hash-chained: any change to it is detected.",
    ),
    ("events.actor", "Utført av", "Actor"),
    ("events.entity_type", "Type", "Entity type"),
    ("events.entity_id", "Id", "Entity id"),
    ("events.from", "Fra dato", "From date"),
    ("events.to", "Til og med dato", "To date (inclusive)"),
    ("events.text", "Fritekst", "Free text"),
    ("events.search", "Søk", "Search"),
    ("events.time", "Tidspunkt", "Time"),
    ("events.action", "Handling", "Action"),
    ("events.entity", "Gjelder", "Concerns"),
    ("events.summary", "Endring", "Change"),
    ("events.origin", "Fra", "From"),
    (
        "events.none",
        "Ingen hendelser passer søket.",
        "No events match the search.",
    ),
    ("events.next", "Eldre hendelser", "Older events"),
    ("calendar.title", "Arbeidsdager", "Working days"),
    (
        "calendar.intro",
        "Regn ut fristen «N arbeidsdager etter en dato». Lørdager, søndager og norske helligdager telles ikke.",
        "Compute the deadline \"N working days after a date\". Saturdays, Sundays and Norwegian public holidays do not count.",
    ),
    (
        "calendar.date",
        "Dato (dd.mm.åååå eller åååå-mm-dd)",
        "Date (dd.mm.yyyy or yyyy-mm-dd)",
    ),
    (
        "calendar.days",
        "Antall arbeidsdager",
        "Number of working days",
    ),
    ("calendar.compute", "Regn ut", "Compute"),
    ("calendar.result", "Fristen er", "The due date is"),
    ("calendar.holidays", "Helligdager", "Public holidays"),
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
];
