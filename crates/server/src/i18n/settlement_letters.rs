//! Settlement decisions and letters (R-SET-4).

pub(super) const TEXTS: &[(&str, &str, &str)] = &[
    ("letters.title", "Brev om bosetting", "Settlement letter"),
    ("letters.download_pdf", "Last ned PDF", "Download PDF"),
    (
        "letters.decide",
        "Fatt bosettingsvedtak",
        "Make the settlement decision",
    ),
    ("letters.decided", "Bosettingsvedtak", "Settlement decision"),
    (
        "letters.to_municipality",
        "Brev til kommunen",
        "Letter to the municipality",
    ),
    ("letters.to_person", "Brev til person", "Letter to person"),
];
