//! The error pages' texts (crate::error::page): shown in both languages, since an error can
//! come before the language is known.

/// (key, bokmål, English).
pub(super) const TEXTS: &[(&str, &str, &str)] = &[
    ("error.home", "Til forsiden", "Home"),
    ("error.not_found.title", "Fant ikke siden", "Page not found"),
    (
        "error.not_found.text",
        "Lenken kan være gammel, eller siden er flyttet.",
        "The link may be old, or the page has moved.",
    ),
    ("error.forbidden.title", "Ingen tilgang", "No access"),
    (
        "error.forbidden.text",
        "Rollen din gir ikke tilgang til denne siden.",
        "Your role does not give access to this page.",
    ),
    (
        "error.bad_request.title",
        "Noe var galt med forespørselen",
        "Something was wrong with the request",
    ),
    (
        "error.bad_request.text",
        "Gå tilbake og prøv igjen.",
        "Go back and try again.",
    ),
    (
        "error.csrf_rejected.title",
        "Skjemaet er utløpt",
        "The form has expired",
    ),
    (
        "error.csrf_rejected.text",
        "Last siden på nytt og send skjemaet igjen.",
        "Reload the page and send the form again.",
    ),
    ("error.too_large.title", "For mye data", "Too much data"),
    (
        "error.too_large.text",
        "Skjemaet eller filen er større enn 1 MiB.",
        "The form or file is larger than 1 MiB.",
    ),
    (
        "error.agreement_missing.title",
        "Databehandleravtalen mangler",
        "The data processing agreement is missing",
    ),
    (
        "error.agreement_missing.text",
        "Kommunen din har ingen signert databehandleravtale i den versjonen IMDi krever. Du får tilgang når IMDi har registrert avtalen. Ta kontakt med IMDi.",
        "Your municipality has no signed data processing agreement in the version IMDi requires. You get access once IMDi has registered it. Contact IMDi.",
    ),
    (
        "error.staff_closed.title",
        "Tilgangen er ikke åpen",
        "Access is not open",
    ),
    (
        "error.staff_closed.text",
        "Ansattkontoer for mottaket virker fra 7 dager før avtalen starter til én måned etter at den slutter. Ta kontakt med regionkontoret.",
        "Staff accounts of the centre work from 7 days before the agreement starts until one month after it ends. Contact the regional unit.",
    ),
    (
        "error.staff_claims_only.title",
        "Bare refusjonskrav og belegg",
        "Claims and occupancy only",
    ),
    (
        "error.staff_claims_only.text",
        "Mottakets avtaler er avsluttet. Til tre måneder etter slutten kan du bare godkjenne belegg og sende refusjonskrav.",
        "The centre's agreements have ended. Until three months after the end you can only approve occupancy and make claims.",
    ),
    (
        "error.internal.title",
        "Noe gikk galt hos oss",
        "Something went wrong on our side",
    ),
    (
        "error.internal.text",
        "Feilen er logget. Prøv igjen om litt.",
        "The error has been logged. Try again in a little while.",
    ),
];
