//! Texts of the catalogue: operators' staff accounts (R-AUTH-6).

/// (key, bokmål, English)
pub(super) const TEXTS: &[(&str, &str, &str)] = &[
    (
        "staff.login.opens",
        "Kontoen din er ikke åpen ennå. Ansattkontoer for mottaket åpner {date}, 7 dager før avtalen starter.",
        "Your account is not open yet. Staff accounts of the centre open on {date}, 7 days before the agreement starts.",
    ),
    (
        "staff.login.no_agreement",
        "Kontoen din er ikke åpen ennå. Mottaket har ingen avtale; ansattkontoer åpner 7 dager før den første avtalen starter.",
        "Your account is not open yet. The centre has no agreement; staff accounts open 7 days before the first one starts.",
    ),
    (
        "staff.login.closed",
        "Kontoen din er stengt. Mottakets avtaler er avsluttet, og fristen for refusjonskrav gikk ut {date}.",
        "Your account is closed. The centre's agreements have ended, and the claim window closed on {date}.",
    ),
];

/// The pages.
pub(super) const PAGE_TEXTS: &[(&str, &str, &str)] = &[
    ("staff.title", "Ansatte", "Staff accounts"),
    ("nav.staff", "Ansattkontoer", "Staff accounts"),
    (
        "staff.region_title",
        "Ansattkontoer til godkjenning",
        "Staff accounts to approve",
    ),
    (
        "staff.intro",
        "Driftsoperatøren bestiller en konto per ansatt; regionkontoret godkjenner den når e-læringen er fullført, og deaktiverer den når den ansatte slutter eller har permisjon. Kontoene virker fra 7 dager før avtalen starter til én måned etter at den slutter; deretter bare belegg og refusjonskrav i tre måneder.",
        "The operator orders an account per employee; the regional unit approves it once the e-learning is completed, and disables it when the employee leaves or goes on leave. Accounts work from 7 days before the agreement starts until one month after it ends; then only occupancy and claims, for three months.",
    ),
    (
        "staff.none",
        "Ingen ansattkontoer ennå.",
        "No staff accounts yet.",
    ),
    ("staff.display_name", "Navn", "Name"),
    ("staff.username", "Brukernavn", "Username"),
    ("staff.email", "E-post", "E-mail"),
    (
        "staff.email_optional",
        "E-post (valgfritt)",
        "E-mail (optional)",
    ),
    ("staff.centre", "Mottak", "Centre"),
    ("staff.status", "Status", "Status"),
    ("staff.actions", "Handlinger", "Actions"),
    ("staff.status.ordered", "Bestilt", "Ordered"),
    ("staff.status.approved", "Godkjent", "Approved"),
    ("staff.status.refused", "Avslått", "Refused"),
    ("staff.status.disabled", "Deaktivert", "Disabled"),
    ("staff.reason.left", "sluttet", "left"),
    ("staff.reason.leave", "permisjon", "on leave"),
    (
        "staff.elearning_completed",
        "E-læring fullført",
        "E-learning completed",
    ),
    ("staff.approve", "Godkjenn", "Approve"),
    (
        "staff.reason",
        "Begrunnelse for avslag",
        "Reason for refusal",
    ),
    ("staff.refuse", "Avslå", "Refuse"),
    ("staff.disable_reason", "Årsak", "Reason"),
    ("staff.disable", "Deaktiver", "Disable"),
    ("staff.enable", "Aktiver igjen", "Enable again"),
    (
        "staff.order_heading",
        "Bestill konto for en ansatt",
        "Order an account for an employee",
    ),
    ("staff.order", "Bestill", "Order"),
    (
        "staff.approved_title",
        "Kontoen er opprettet",
        "The account is created",
    ),
    (
        "staff.approved_text",
        "Kontoen er godkjent og opprettet. Førstegangspassordet vises bare denne ene gangen.",
        "The account is approved and created. The initial password is shown this once only.",
    ),
    (
        "staff.initial_password",
        "Førstegangspassord",
        "Initial password",
    ),
    (
        "staff.first_passwords",
        "Gi passordet til den ansatte slik planoppgaven «førstegangspassord» sier. Den ansatte setter opp autentiseringsappen ved første innlogging.",
        "Hand the password to the employee as the plan task \"first-time passwords\" says. The employee sets up the authenticator app at the first login.",
    ),
    (
        "staff.sesam_task",
        "Er planoppgaven «brukertilgang per ansatt» for mottaket åpen, merk den som utført når alle ansatte har fått konto:",
        "If the centre's plan task \"user access per employee\" is open, mark it done once every employee has an account:",
    ),
    ("staff.back", "Tilbake til listen", "Back to the list"),
    (
        "staff.error.elearning_completed",
        "Bekreft at den ansatte har fullført e-læringen før du godkjenner.",
        "Confirm that the employee has completed the e-learning before approving.",
    ),
    (
        "staff.error.reason",
        "Skriv en begrunnelse.",
        "Give a reason.",
    ),
];
