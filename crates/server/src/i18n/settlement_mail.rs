//! The settlement e-mails' texts (R-SET-1a, R-SET-3, R-SET-8), and the notes on persons and
//! decisions (R-SET-8): figures, a deadline and a link,
//! never personal data. `{persons}`, `{households}`, `{deadline}`, `{year}`, `{minors}`,
//! `{url}`, `{offer}` are filled in.

pub const TEXTS: &[(&str, &str, &str)] = &[
    (
        "mail.offer.subject",
        "Nytt tilbud om bosetting: antall personer {persons}, svarfrist {deadline}",
        "New settlement offer: persons {persons}, answer by {deadline}",
    ),
    (
        "mail.offer.intro",
        "IMDi har sendt kommunen et tilbud om bosetting.\nAntall husstander: {households}\nAntall personer: {persons}",
        "IMDi has sent the municipality a settlement offer.\nHouseholds: {households}\nPersons: {persons}",
    ),
    (
        "mail.offer.deadline",
        "Svarfrist: {deadline}",
        "Answer by: {deadline}",
    ),
    (
        "mail.offer.link",
        "Logg inn for å se tilbudet og svare: {url}",
        "Log in to see the offer and answer: {url}",
    ),
    (
        "mail.message.subject",
        "Ny melding om bosetting (tilbud {offer})",
        "New settlement message (offer {offer})",
    ),
    (
        "mail.message.intro_imdi",
        "Det har kommet en ny melding fra IMDi i tråden om tilbud {offer}.",
        "There is a new message from IMDi in the thread on offer {offer}.",
    ),
    (
        "mail.message.intro_municipality",
        "Det har kommet en ny melding fra kommunen i tråden om tilbud {offer}.",
        "There is a new message from the municipality in the thread on offer {offer}.",
    ),
    (
        "mail.message.intro_centre",
        "Det har kommet en ny melding fra mottaket i tråden om tilbud {offer}.",
        "There is a new message from the reception centre in the thread on offer {offer}.",
    ),
    (
        "mail.message.link",
        "Logg inn for å lese meldingen: {url}",
        "Log in to read the message: {url}",
    ),
    (
        "mail.request.subject",
        "Anmodning om bosetting av flyktninger i {year}",
        "Request to settle refugees in {year}",
    ),
    (
        "mail.request.intro",
        "IMDi anmoder kommunen om å bosette {persons} flyktninger i {year}, av dem {minors} enslige mindreårige.",
        "IMDi requests the municipality to settle {persons} refugees in {year}, of them {minors} unaccompanied minors.",
    ),
    (
        "mail.request.decision",
        "Registrer og godkjenn kommunens vedtak i mottak, og send det formelle vedtaket til IMDis postmottak.",
        "Register and approve the municipality's decision in mottak, and send the formal decision letter to IMDi's official mailbox.",
    ),
    (
        "mail.request.link",
        "Logg inn for å se anmodningen: {url}",
        "Log in to see the request: {url}",
    ),
    (
        "mail.settlement.footer",
        "Denne e-posten er sendt av mottak. Den inneholder ingen personopplysninger; detaljene ser du etter innlogging.",
        "This e-mail was sent by mottak. It holds no personal data; you see the details after you log in.",
    ),
    (
        "notes.resident_title",
        "Notater om person",
        "Notes on person",
    ),
    (
        "notes.decision_title",
        "Notater om vedtak",
        "Notes on decision",
    ),
    (
        "notes.private",
        "Notatene leses bare av din side (IMDi, kommunen eller mottaket).",
        "The notes are read by your side only (IMDi, the municipality or the centre).",
    ),
    ("notes.list", "Notater", "Notes"),
    ("notes.empty", "Ingen notater ennå.", "No notes yet."),
    ("notes.body", "Nytt notat", "New note"),
    ("notes.add", "Lagre notat", "Save note"),
    ("notes.link", "Notater", "Notes"),
    ("export.pdf", "Saken (PDF)", "The case (PDF)"),
    ("export.json", "Metadata (JSON)", "Metadata (JSON)"),
    // The event log in words (`i18n::events`) for the notes, the mails and the case export.
    ("event.entity.settlement_note", "Notat", "Note"),
    (
        "event.entity.settlement_case",
        "Bosettingssak",
        "Settlement case",
    ),
    ("event.verb.exported", "eksportert", "exported"),
    ("event.field.mails", "e-poster", "e-mails"),
    ("event.field.notes", "notater", "notes"),
    ("event.field.note", "notat", "note"),
    ("event.field.side", "side", "side"),
    ("event.field.format", "format", "format"),
    ("event.field.documents", "dokumenter", "documents"),
    ("event.field.messages", "meldinger", "messages"),
];
