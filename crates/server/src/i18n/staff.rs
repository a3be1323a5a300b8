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
