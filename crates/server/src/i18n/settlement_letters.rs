//! Settlement decisions and letters (R-SET-4), the CSV import of requests (R-SET-1), the
//! municipality's dashboard and the notes and threads of offers (R-SET-8).

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
    ("import.title", "Importer anmodninger", "Import requests"),
    (
        "import.intro",
        "Anmodninger til alle kommuner for ett eller flere år: én linje per kommune og år. Alt lagres, eller ingenting.",
        "Requests to every municipality for one or more years: one line per municipality and year. Everything is stored, or nothing.",
    ),
    ("import.text", "Linjer", "Rows"),
    (
        "import.text_help",
        "år;kommunenummer;personer;enslige mindreårige, for eksempel 2026;4601;120;10. Overskriftslinjen year;municipality_number;persons;unaccompanied_minors kan være med.",
        "year;municipality number;persons;unaccompanied minors, for example 2026;4601;120;10. The header line year;municipality_number;persons;unaccompanied_minors may be included.",
    ),
    (
        "import.file",
        "Eller velg en CSV-fil",
        "Or choose a CSV file",
    ),
    ("import.import", "Importer", "Import"),
    ("import.stored", "Anmodninger lagret", "Requests stored"),
    (
        "import.nothing_stored",
        "Ingenting er lagret. Rett linjene under:",
        "Nothing was stored. Correct the rows below:",
    ),
    ("import.line", "Linje", "Line"),
    (
        "import.error_columns",
        "linjen må ha fire kolonner: år;kommunenummer;personer;enslige mindreårige",
        "the row needs four columns: year;municipality number;persons;unaccompanied minors",
    ),
    (
        "import.error_duplicate",
        "kommunen og året står på en tidligere linje",
        "the municipality and year are on an earlier row",
    ),
    (
        "import.error_exists",
        "kommunen har allerede en anmodning for året",
        "the municipality already has a request for the year",
    ),
    (
        "import.error_empty",
        "filen har ingen linjer",
        "the file has no rows",
    ),
    (
        "import.error_meanwhile",
        "En anmodning for en av kommunene ble lagret i mellomtiden. Ingenting er lagret; prøv igjen.",
        "A request for one of the municipalities was stored meanwhile. Nothing was stored; try again.",
    ),
    (
        "dashboard.offers_to_answer",
        "Tilbud å svare på",
        "Offers to answer",
    ),
    (
        "dashboard.no_offers_to_answer",
        "Ingen åpne tilbud.",
        "No open offers.",
    ),
    (
        "threads.title",
        "Notater og meldinger",
        "Notes and messages",
    ),
    ("threads.channel", "Tråd", "Thread"),
    ("threads.channel.note", "Egne notater", "Own notes"),
    (
        "threads.channel.imdi",
        "Meldinger mellom IMDi og kommunen",
        "Messages between IMDi and the municipality",
    ),
    (
        "threads.channel.centre",
        "Meldinger mellom kommunen og mottaket",
        "Messages between the municipality and the centre",
    ),
    ("threads.side.imdi", "IMDi", "IMDi"),
    ("threads.side.municipality", "Kommunen", "The municipality"),
    ("threads.side.centre", "Mottaket", "The centre"),
    ("threads.body", "Ny melding", "New message"),
    ("threads.send", "Send", "Send"),
    ("threads.empty", "Ingen meldinger ennå.", "No messages yet."),
    ("threads.link", "Meldinger", "Messages"),
    ("dashboard.notifications", "Varsler", "Notifications"),
    (
        "dashboard.no_notifications",
        "Ingen nye meldinger.",
        "No new messages.",
    ),
    (
        "dashboard.new_message",
        "Ny melding om tilbud",
        "New message about offer",
    ),
    ("dashboard.from", "fra", "from"),
    ("report.download_csv", "Last ned CSV", "Download CSV"),
    (
        "report.download_xlsx",
        "Last ned Excel (XLSX)",
        "Download Excel (XLSX)",
    ),
    (
        "report.chart",
        "Nasjonale tall for bosetting",
        "National settlement figures",
    ),
];
