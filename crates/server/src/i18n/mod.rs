//! The user interface's languages: Norwegian bokmål first, English second (SPEC §9).

pub mod problems;

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
    (
        "users.changed_meanwhile",
        "Brukeren er endret av noen andre siden du åpnet siden. Last inn på nytt.",
        "The account was changed by someone else since you opened the page. Reload it.",
    ),
    (
        "users.last_municipality_admin",
        "Kommune {municipality} ville stått uten aktiv kommuneadministrativ bruker. Gi en annen bruker den rollen først.",
        "Municipality {municipality} would have no active municipal administrator left. Give another account that role first.",
    ),
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
    // registry
    ("nav.centres", "Mottak", "Centres"),
    ("nav.operators", "Driftsoperatører", "Operators"),
    ("nav.import", "Import", "Import"),
    ("registry.centres", "Mottak", "Reception centres"),
    ("registry.centre", "Mottak", "Reception centre"),
    (
        "registry.new_centre",
        "Registrer mottak",
        "Register a centre",
    ),
    (
        "registry.filter",
        "Filtrer mottakslisten",
        "Filter the centre list",
    ),
    (
        "registry.search",
        "Søk i navn eller nummer",
        "Search name or number",
    ),
    ("registry.all", "Alle", "All"),
    ("registry.region", "Region", "Region"),
    ("registry.category", "Mottakskategori", "Category"),
    ("registry.series", "Nummerserie", "Number series"),
    (
        "registry.municipality_number",
        "Kommunenummer",
        "Municipality number",
    ),
    ("registry.status", "Status", "Status"),
    ("registry.open", "I drift", "Open"),
    ("registry.closed", "Nedlagt", "Closed"),
    ("registry.sort", "Sorter etter", "Sort by"),
    ("registry.number", "Mottaksnummer", "Centre number"),
    ("registry.name", "Navn", "Name"),
    ("registry.operator", "Driftsoperatør", "Operator"),
    ("registry.place_type", "Plasstype", "Place type"),
    ("registry.hits", "treff", "results"),
    ("registry.pages", "Sider", "Pages"),
    ("registry.page", "Side", "Page"),
    ("registry.previous", "Forrige side", "Previous page"),
    ("registry.next", "Neste side", "Next page"),
    (
        "registry.back_to_list",
        "Tilbake til mottakslisten",
        "Back to the centre list",
    ),
    (
        "registry.back_to_centre",
        "Tilbake til mottaket",
        "Back to the centre",
    ),
    (
        "registry.back_to_operators",
        "Tilbake til driftsoperatørene",
        "Back to the operators",
    ),
    ("registry.facts", "Opplysninger", "Details"),
    ("registry.postal_code", "Postnummer", "Postal code"),
    ("registry.predecessor", "Opprettet fra", "Created from"),
    ("registry.successor", "Videreført som", "Continued as"),
    (
        "registry.accounting",
        "Konteringsinformasjon",
        "Accounting data",
    ),
    (
        "registry.accounting_complete",
        "Komplett – krav kan bli korrekte",
        "Complete – claims can be correct",
    ),
    (
        "registry.accounting_missing",
        "Mangler, så krav blir ufullstendige:",
        "Missing, so claims stay incomplete:",
    ),
    ("registry.edit", "Endre opplysninger", "Edit details"),
    (
        "registry.visiting_address",
        "Besøksadresse",
        "Visiting address",
    ),
    ("registry.postal_address", "Postadresse", "Postal address"),
    ("registry.phone", "Telefon", "Phone"),
    (
        "registry.email",
        "E-post (ikke Asylmottak.no-adressen)",
        "E-mail (not the Asylmottak.no address)",
    ),
    ("registry.leader", "Mottaksleder", "Centre leader"),
    ("registry.ip_address", "Fast IP-adresse", "Fixed IP address"),
    (
        "registry.mailbox_name",
        "Asylmottak.no-postboks",
        "Asylmottak.no mailbox",
    ),
    (
        "registry.video",
        "Har videointervjuutstyr",
        "Has video-interview equipment",
    ),
    (
        "registry.postal_code_udi_only",
        "Postnummer og kommune endres bare av UDI.",
        "Only UDI changes the postal code and municipality.",
    ),
    (
        "registry.external_cost_centre",
        "K-sted eksternt",
        "External cost centre",
    ),
    ("registry.udi_cost_centre", "K-sted UDI", "UDI cost centre"),
    (
        "registry.supplier_benefits",
        "Leverandørnummer pengereglement",
        "Supplier number, benefits",
    ),
    (
        "registry.supplier_operation",
        "Leverandørnummer drift",
        "Supplier number, operation",
    ),
    (
        "registry.bank_benefits",
        "Kontonummer pengereglement",
        "Bank account, benefits",
    ),
    (
        "registry.bank_operation",
        "Kontonummer drift",
        "Bank account, operation",
    ),
    ("registry.save", "Lagre", "Save"),
    (
        "registry.lifecycle",
        "Endringer som styres av nummerreglene",
        "Changes governed by the number rules",
    ),
    (
        "registry.lifecycle_intro",
        "Velg endringen. Neste side viser hva som skjer – nytt mottaksnummer, historikk og hva annet regelen krever – før du bekrefter.",
        "Choose the change. The next page shows what will happen – new centre number, history and what else the rule requires – before you confirm.",
    ),
    (
        "registry.change_operator",
        "Bytt driftsoperatør",
        "Change operator",
    ),
    ("registry.new_operator", "Ny driftsoperatør", "New operator"),
    ("registry.new_name", "Nytt navn", "New name"),
    (
        "registry.continue",
        "Se hva som skjer",
        "See what will happen",
    ),
    ("registry.place_type_actions", "Plasstype", "Place type"),
    ("registry.what", "Hva skal gjøres?", "What is to be done?"),
    (
        "registry.add_place_type",
        "Legg til en plasstype (eget nummer)",
        "Add a place type (own number)",
    ),
    (
        "registry.change_place_type",
        "Endre plasstype",
        "Change place type",
    ),
    (
        "registry.change_category",
        "Endre mottakskategori",
        "Change category",
    ),
    (
        "registry.rename",
        "Endre navn (samme nummer)",
        "Rename (same number)",
    ),
    ("registry.close", "Legg ned mottaket", "Close the centre"),
    (
        "registry.reopen",
        "Ta mottaket i bruk igjen (samme nummer)",
        "Reopen the centre (same number)",
    ),
    ("registry.history", "Historikk", "History"),
    ("registry.linked", "Koblet nummer", "Linked number"),
    (
        "registry.events_of_centre",
        "Alle hendelser for mottaket i hendelsesloggen",
        "All events of the centre in the event log",
    ),
    ("registry.confirm", "Bekreft endring", "Confirm the change"),
    (
        "registry.new_number_will_be",
        "Nytt mottaksnummer blir",
        "The new centre number will be",
    ),
    (
        "registry.keeps_number",
        "Mottaket beholder nummeret",
        "The centre keeps its number",
    ),
    (
        "registry.confirm_action",
        "Bekreft og utfør",
        "Confirm and carry out",
    ),
    ("registry.cancel", "Avbryt", "Cancel"),
    (
        "registry.created",
        "Mottaket er registrert:",
        "The centre was registered:",
    ),
    (
        "registry.warnings",
        "Advarsler (registrert likevel):",
        "Warnings (registered anyway):",
    ),
    ("registry.warning", "Advarsel", "Warning"),
    (
        "registry.lifecycle_warnings",
        "Advarsler (kan utføres likevel):",
        "Warnings (it can be carried out anyway):",
    ),
    (
        "registry.series_leaving_special_care",
        "Ny nummerserie (fylket mottaket ligger i), når det ikke lenger er bo- og omsorgsløsning",
        "New number series (the centre's county), when it is no longer special care",
    ),
    (
        "registry.name_hint",
        "Navn (f.eks. «Fjellheim asylmottak EM»)",
        "Name (e.g. “Fjellheim asylmottak EM”)",
    ),
    (
        "registry.place_type_default",
        "Plasstype (tom: ut fra kategorien)",
        "Place type (empty: from the category)",
    ),
    (
        "registry.existing_number",
        "Eksisterende nummer (bare ved registrering av gamle mottak)",
        "Existing number (only when registering an old centre)",
    ),
    (
        "registry.region_for_35",
        "Ansvarlig region (kreves for serie 35)",
        "Responsible region (required for series 35)",
    ),
    ("registry.register", "Registrer", "Register"),
    ("registry.operators", "Driftsoperatører", "Operators"),
    ("registry.dro_number", "DRO-nummer", "DRO number"),
    (
        "registry.organisation_number",
        "Organisasjonsnummer",
        "Organisation number",
    ),
    ("registry.experience", "Erfaring", "Experience"),
    (
        "registry.experienced",
        "Erfaren driftsoperatør",
        "Experienced operator",
    ),
    (
        "registry.new_operator_kind",
        "Ny driftsoperatør",
        "New operator",
    ),
    (
        "registry.existing_dro",
        "Eksisterende DRO-nummer (bare ved registrering av gamle operatører)",
        "Existing DRO number (only when registering an old operator)",
    ),
    (
        "registry.address_list",
        "Adresseliste for mottak",
        "Address list of reception centres",
    ),
    (
        "registry.address_list_intro",
        "Mottak i drift, slik listen publiseres på UDIs nettsted.",
        "Open centres, as published on UDI's web site.",
    ),
    (
        "registry.download_csv",
        "Last ned som CSV",
        "Download as CSV",
    ),
    (
        "registry.import",
        "Import fra gammelt register",
        "Import from the old registry",
    ),
    (
        "registry.import_intro",
        "Lim inn en CSV-fil (semikolon, UTF-8, første linje med kolonnenavn). Prøvekjøring viser alle feil uten å lagre noe.",
        "Paste a CSV file (semicolons, UTF-8, first line with column names). A dry run shows every error without storing anything.",
    ),
    (
        "registry.import_kind",
        "Hva importeres?",
        "What is imported?",
    ),
    ("registry.import_text", "CSV-innhold", "CSV content"),
    ("registry.import_mode", "Hvordan?", "How?"),
    (
        "registry.mode_dry_run",
        "Prøvekjøring: vis feil, lagre ingenting",
        "Dry run: show errors, store nothing",
    ),
    (
        "registry.mode_all",
        "Importer alt – ingenting lagres hvis en rad har feil",
        "Import all – nothing is stored if any row fails",
    ),
    (
        "registry.mode_valid_only",
        "Importer bare de gyldige radene",
        "Import only the valid rows",
    ),
    ("registry.import_run", "Kjør", "Run"),
    ("registry.import_dry_run", "Prøvekjøring:", "Dry run:"),
    (
        "registry.import_refused",
        "Ingenting importert fordi noen rader har feil:",
        "Nothing imported because some rows have errors:",
    ),
    ("registry.import_done", "Import fullført:", "Import done:"),
    ("registry.import_valid", "rader gyldige", "rows valid"),
    ("registry.import_imported", "importert", "imported"),
    ("registry.line", "Linje", "Line"),
    (
        "registry.problems",
        "Feil og advarsler",
        "Errors and warnings",
    ),
    ("dashboard.centres_open", "Mottak i drift", "Open centres"),
    ("dashboard.operators", "Driftsoperatører", "Operators"),
    // claims
    ("nav.claims", "Refusjonskrav", "Reimbursement claims"),
    (
        "claims.title",
        "Prøv et refusjonskrav",
        "Try a reimbursement claim",
    ),
    (
        "claims.intro",
        "Legg inn en avtale med trinn og et belegg, og se hva UDI ville betale for måneden. Ingenting blir lagret.",
        "Enter an agreement with its tiers and an occupancy, and see what UDI would pay for the month. Nothing is stored.",
    ),
    (
        "claims.errors",
        "Rett opp dette",
        "Please correct the following",
    ),
    (
        "claims.result",
        "Refusjonskrav for",
        "Reimbursement claim for",
    ),
    ("claims.total", "Sum", "Total"),
    ("claims.lines", "Linjer i kravet", "Lines of the claim"),
    (
        "claims.warnings",
        "Advarsler: ubetalte beboere og måltider",
        "Warnings: unpaid residents and meals",
    ),
    (
        "claims.no_warnings",
        "Ingen advarsler: alle beboere og måltider er betalt.",
        "No warnings: every resident and meal is paid for.",
    ),
    ("claims.column.kind", "Type", "Kind"),
    ("claims.column.place_type", "Plasstype", "Place type"),
    ("claims.column.priority", "Prioritet", "Priority"),
    ("claims.column.price", "Pris", "Price"),
    ("claims.column.days", "Dager", "Days"),
    ("claims.column.quantity", "Antall døgn", "Quantity (days)"),
    ("claims.column.amount", "Beløp", "Amount"),
    ("claims.column.date", "Dato", "Date"),
    ("claims.column.places", "plasser", "places"),
    ("claims.column.persons", "personer", "persons"),
    ("claims.column.residents", "beboere", "residents"),
    (
        "claims.column.unpaid_residents",
        "Ubetalte beboere",
        "Unpaid residents",
    ),
    (
        "claims.column.unpaid_meals",
        "Ubetalte måltider",
        "Unpaid meals",
    ),
    ("claims.download_csv", "Last ned CSV", "Download CSV"),
    (
        "claims.form_heading",
        "Avtaler og belegg",
        "Agreements and occupancy",
    ),
    ("claims.optional", "valgfri", "optional"),
    ("claims.simulate", "Beregn krav", "Compute claim"),
    (
        "claims.simulate_json",
        "Beregn krav fra JSON",
        "Compute claim from JSON",
    ),
    ("claims.json_heading", "Eller lim inn JSON", "Or paste JSON"),
    ("claims.json", "Forespørsel som JSON", "Request as JSON"),
    (
        "claims.json_hint",
        "Samme format som POST /api/v1/claims/simulate (se API-dokumentasjonen): beløp i øre, datoer åååå-mm-dd, sluttdatoer eksklusive.",
        "The format of POST /api/v1/claims/simulate (see the API documentation): amounts in øre, dates yyyy-mm-dd, end dates exclusive.",
    ),
    ("claims.month", "Måned", "Month"),
    (
        "claims.month_hint",
        "For eksempel 2026-03 eller 03.2026.",
        "For example 2026-03 or 03.2026.",
    ),
    (
        "claims.occupancy_csv",
        "Belegg som CSV (valgfritt)",
        "Occupancy as CSV (optional)",
    ),
    (
        "claims.occupancy_csv_hint",
        "Én linje per dag og plasstype: dato;plasstype;beboere, for eksempel 2026-03-01;ordinary;120. Plasstypen skrives som i API-et.",
        "One line per day and place type: date;place_type;residents, for example 2026-03-01;ordinary;120. Place types as in the API.",
    ),
    ("claims.unused", "Ikke i bruk", "Not used"),
    ("claims.unit", "Enhet", "Unit"),
    ("claims.agreement", "Avtale", "Agreement"),
    ("claims.place_type", "Plasstype", "Place type"),
    (
        "claims.canteen",
        "Kantine (kost betales)",
        "Canteen (meals are paid)",
    ),
    ("claims.residents", "Beboere per dag", "Residents per day"),
    (
        "claims.residents_hint",
        "Ett tall gjelder alle dager i måneden; flere tall (skilt med mellomrom eller linjeskift) er dag 1, 2, 3 … Tomt: bruk CSV-feltet.",
        "One number applies to every day of the month; several numbers (separated by spaces or line breaks) are day 1, 2, 3 … Empty: use the CSV field.",
    ),
    ("claims.agreement_kind", "Avtaletype", "Agreement kind"),
    (
        "claims.agreement_kind.H",
        "Hovedavtale (H)",
        "Main agreement (H)",
    ),
    (
        "claims.agreement_kind.T",
        "Tilleggsavtale (T)",
        "Supplementary agreement (T)",
    ),
    (
        "claims.agreement_kind.A",
        "Aktivering av beredskapsplasser (A)",
        "Activation of standby places (A)",
    ),
    ("claims.valid_from", "Gyldig fra", "Valid from"),
    ("claims.date_hint", "dd.mm.åååå", "dd.mm.yyyy"),
    ("claims.last_day", "Siste gyldige dag", "Last day in force"),
    (
        "claims.last_day_hint",
        "dd.mm.åååå, til og med",
        "dd.mm.yyyy, inclusive",
    ),
    (
        "claims.stop_last_day",
        "Siste driftsdag ved stopp (valgfri)",
        "Last operating day when stopped (optional)",
    ),
    (
        "claims.stop_last_day_hint",
        "Ved oppsigelse eller forlengelse; erstatter siste gyldige dag",
        "After notice or an extension; replaces the last day in force",
    ),
    ("claims.fixed_places", "Faste plasser", "Fixed places"),
    (
        "claims.fixed_annual_operating",
        "Fast overføring drift per år",
        "Fixed transfer for operation per year",
    ),
    (
        "claims.fixed_annual_rent",
        "Fast overføring leie per år",
        "Fixed transfer for rent per year",
    ),
    (
        "claims.kroner_hint",
        "Kroner, for eksempel 1 234 567,89",
        "Kroner, for example 1 234 567,89",
    ),
    ("claims.unit_tiers", "Stykkpristrinn", "Per-unit tiers"),
    (
        "claims.unit_tiers_hint",
        "Ett trinn per linje: prioritet;type;plasser;pris per døgn i kroner. Type er stykkpris, beredskap eller konvertert. 0 plasser er overbelegg (ubegrenset, må komme sist).",
        "One tier per line: priority;kind;places;price per day in kroner. Kind is unit_price, standby or converted. 0 places is over-occupancy (unbounded, must come last).",
    ),
    ("claims.meal_tiers", "Kosttrinn", "Meal tiers"),
    (
        "claims.meal_tiers_hint",
        "Bare med kantine. Ett trinn per linje: prioritet;personer;pris per døgn i kroner. 0 personer er ubegrenset.",
        "Only with a canteen. One tier per line: priority;persons;price per day in kroner. 0 persons is unbounded.",
    ),
    ("claims.place_type.ordinary", "Ordinær", "Ordinary"),
    ("claims.place_type.transit", "Transitt", "Transit"),
    (
        "claims.place_type.youth_over_15",
        "EM over 15 år",
        "Minors over 15",
    ),
    (
        "claims.place_type.youth_under_15",
        "EM under 15 år",
        "Minors under 15",
    ),
    (
        "claims.place_type.transit_48h",
        "Transitt 48 timer",
        "Transit 48 hours",
    ),
    ("claims.place_type.departure", "Utreise", "Departure"),
    (
        "claims.place_type.reinforced",
        "Forsterket avdeling",
        "Reinforced unit",
    ),
    ("claims.place_type.other", "Annet", "Other"),
    ("claims.place_type.emergency", "Nødplass", "Emergency place"),
    ("category.ordinary", "Ordinært mottak", "Ordinary centre"),
    (
        "category.unaccompanied_minors",
        "EM-mottak (enslige mindreårige)",
        "Centre for unaccompanied minors",
    ),
    ("category.transit", "Transittmottak", "Transit centre"),
    (
        "category.emergency",
        "Akuttinnkvartering",
        "Emergency accommodation",
    ),
    (
        "category.special_care",
        "Bo- og omsorgsløsning",
        "Special care institution",
    ),
    (
        "claims.kind.fixed_operating",
        "Fast overføring drift",
        "Fixed transfer, operation",
    ),
    (
        "claims.kind.fixed_rent",
        "Fast overføring leie",
        "Fixed transfer, rent",
    ),
    ("claims.kind.unit_price", "Stykkpris", "Per-unit price"),
    ("claims.kind.standby", "Beredskap", "Standby"),
    (
        "claims.kind.converted",
        "Konverterte plasser",
        "Converted places",
    ),
    ("claims.kind.meals", "Kost", "Meals"),
    ("claims.per_year", "per år", "per year"),
    ("claims.line", "Linje", "Line"),
    ("claims.day", "Dag", "Day"),
    (
        "claims.error.date_required",
        "Skriv en dato, for eksempel 01.01.2026.",
        "Enter a date, for example 01.01.2026.",
    ),
    (
        "claims.error.whole_number",
        "Skriv et helt tall.",
        "Enter a whole number.",
    ),
    (
        "claims.error.kroner",
        "Skriv et beløp i kroner med høyst to desimaler, for eksempel 1 234 567,89.",
        "Enter an amount in kroner with at most two decimals, for example 1 234 567,89.",
    ),
    (
        "claims.error.unit_tier_line",
        "skriv prioritet;type;plasser;pris i kroner",
        "write priority;kind;places;price in kroner",
    ),
    (
        "claims.error.meal_tier_line",
        "skriv prioritet;personer;pris i kroner",
        "write priority;persons;price in kroner",
    ),
    (
        "claims.error.csv_line",
        "skriv dato;plasstype;beboere",
        "write date;place_type;residents",
    ),
    (
        "claims.error.residents",
        "Skriv hele tall: ett for alle dager, eller ett per dag.",
        "Enter whole numbers: one for every day, or one per day.",
    ),
    (
        "claims.error.too_many_days",
        "Flere tall enn dager i måneden",
        "More numbers than days in the month",
    ),
    (
        "registry.old_counties",
        "Gamle fylker per kommune (municipality;county)",
        "Pre-2020 counties per municipality (municipality;county)",
    ),
    (
        "registry.valid_from",
        "Gyldig fra (for fylkestilknytningen; tom: i dag)",
        "Valid from (for the county mapping; empty: today)",
    ),
    // placement
    ("nav.placement", "Fordelingsforslag", "Placement proposals"),
    (
        "placement.title",
        "Forslag til fordeling av husstander",
        "Proposed distribution of households",
    ),
    (
        "placement.intro",
        "Lim inn ventende husstander og kommunenes gjenværende vedtatte antall. Forslaget maksimerer summen av poengene (for eksempel forventet sysselsetting, nettverk, tjenester), holder husstander samlet og overskrider aldri en kommunes antall. Det viser en bevist øvre grense for hva som er mulig, og avstanden til den.",
        "Paste the waiting households and the municipalities' remaining decided numbers. The proposal maximises the sum of the scores (for example predicted employment, network ties, services), keeps households together and never exceeds a municipality's number. It shows a proven upper bound on what is possible, and the gap to it.",
    ),
    (
        "placement.source",
        "Hva har du limt inn?",
        "What did you paste?",
    ),
    (
        "placement.source_csv",
        "To tabeller (CSV)",
        "Two tables (CSV)",
    ),
    (
        "placement.source_json",
        "JSON som i API-et",
        "JSON as the API takes it",
    ),
    (
        "placement.capacities",
        "Kommuner: kommune;kapasitet (personer)",
        "Municipalities: municipality;capacity (persons)",
    ),
    (
        "placement.scores",
        "Husstander: husstand;størrelse;kommune;poeng – én linje per tillatt kommune",
        "Households: household;size;municipality;score – one line per allowed municipality",
    ),
    (
        "placement.json",
        "JSON (municipalities, households, time_limit_ms)",
        "JSON (municipalities, households, time_limit_ms)",
    ),
    (
        "placement.time_limit",
        "Tidsgrense i millisekunder",
        "Time limit in milliseconds",
    ),
    ("placement.solve", "Lag forslag", "Make a proposal"),
    ("placement.result", "Forslag", "Proposal"),
    (
        "placement.objective",
        "Sum poeng i forslaget",
        "Total score of the proposal",
    ),
    (
        "placement.upper_bound",
        "Bevist øvre grense",
        "Proven upper bound",
    ),
    ("placement.gap", "Avstand til grensen", "Gap to the bound"),
    (
        "placement.assigned",
        "Husstander plassert",
        "Households placed",
    ),
    ("placement.persons", "personer", "persons"),
    (
        "placement.unassigned",
        "Husstander ikke plassert",
        "Households not placed",
    ),
    ("placement.time", "Tid", "Time"),
    (
        "placement.proposal_only",
        "Dette er et forslag. Ingen tilbud sendes før en saksbehandler gjør det.",
        "This is a proposal. No offers are sent until a caseworker sends them.",
    ),
    ("placement.household", "Husstand", "Household"),
    ("placement.size", "Personer", "Persons"),
    ("placement.municipality", "Kommune", "Municipality"),
    ("placement.score", "Poeng", "Score"),
    (
        "placement.alternatives",
        "Nest beste alternativer",
        "Next-best alternatives",
    ),
    (
        "placement.more_rows",
        "flere husstander er ikke vist.",
        "more households are not shown.",
    ),
    (
        "placement.pins",
        "Fest husstand til kommune: husstand;kommune (én per linje)",
        "Pin a household to a municipality: household;municipality (one per line)",
    ),
    (
        "placement.forbidden",
        "Utelukk par: husstand;kommune (én per linje)",
        "Forbid pairs: household;municipality (one per line)",
    ),
    (
        "registry.events_of_operator",
        "Alle hendelser for operatøren i hendelsesloggen",
        "All events of the operator in the event log",
    ),
];

#[cfg(test)]
mod tests;
