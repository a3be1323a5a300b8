//! Texts of the catalogue: placement from the register (R-SET-9) and the proposal's export.

/// (key, bokmål, English)
pub(super) const TEXTS: &[(&str, &str, &str)] = &[
    (
        "placement.stored_title",
        "Fordelingsforslag fra registeret",
        "Placement proposal from the register",
    ),
    (
        "placement.stored_intro",
        "Forslaget fordeler husstandene som venter på bosetting til kommunene som har godkjent vedtak med plass igjen i året. Ingenting tilbys før du sender tilbudene.",
        "The proposal distributes the households waiting for settlement to the municipalities with an approved decision and room left in the year. Nothing is offered until you send the offers.",
    ),
    (
        "placement.paste_link",
        "Lim inn et eget datasett i stedet",
        "Paste a data set of your own instead",
    ),
    (
        "placement.from_register_link",
        "Lag forslag fra registeret",
        "Make a proposal from the register",
    ),
    ("placement.register", "Fra registeret", "From the register"),
    (
        "placement.waiting_households",
        "husstander venter på bosetting",
        "households are waiting for settlement",
    ),
    (
        "placement.remaining",
        "Igjen av vedtaket",
        "Left of the decision",
    ),
    ("placement.proposed", "I forslaget", "In the proposal"),
    ("placement.scoring", "Poeng", "Scores"),
    (
        "placement.scoring_criteria",
        "Beregn fra kriteriene under",
        "Compute from the criteria below",
    ),
    (
        "placement.scoring_table",
        "Fra tabellen husstand;kommune;poeng",
        "From the table household;municipality;score",
    ),
    (
        "placement.criteria_help",
        "Hvert par får grunnpoeng, pluss poeng for nettverk når personmappen nevner kommunen (navn eller nummer), og poeng for språk når kommunen tilbyr et språk husstanden snakker. Behov er absolutte: en kommune som ikke har tjenesten, er utelukket.",
        "Each pair gets the base score, plus the network score when the person folder names the municipality (name or number), and the language score when the municipality serves a language the household speaks. Needs are hard: a municipality without the service is excluded.",
    ),
    ("placement.weight_base", "Grunnpoeng", "Base score"),
    (
        "placement.weight_network",
        "Poeng for nettverk i kommunen",
        "Score for a network tie",
    ),
    (
        "placement.weight_language",
        "Poeng for språk kommunen tilbyr",
        "Score for a language served",
    ),
    (
        "placement.needs",
        "Behov: husstand;behov,behov (én per linje)",
        "Needs: household;need,need (one per line)",
    ),
    (
        "placement.services",
        "Tjenester: kommune;tjeneste,tjeneste (én per linje)",
        "Services: municipality;service,service (one per line)",
    ),
    (
        "placement.languages",
        "Språk: kommune;språk,språk (én per linje)",
        "Languages: municipality;language,language (one per line)",
    ),
    (
        "placement.score_table",
        "Poengtabell: husstand;kommune;poeng (én per linje)",
        "Score table: household;municipality;score (one per line)",
    ),
    ("placement.send_title", "Send tilbudene", "Send the offers"),
    (
        "placement.assignments",
        "Godkjent forslag: husstand;kommune (fjern linjer som ikke skal sendes)",
        "Accepted proposal: household;municipality (remove lines not to send)",
    ),
    ("placement.send", "Send tilbud", "Send offers"),
    ("placement.offers_sent", "tilbud sendt", "offers sent"),
    ("placement.offers_failed", "ble ikke sendt", "were not sent"),
    ("placement.export_csv", "Last ned CSV", "Download CSV"),
    (
        "placement.export_xlsx",
        "Last ned regneark",
        "Download spreadsheet",
    ),
    (
        "placement.municipality_number",
        "Kommunenummer",
        "Municipality number",
    ),
];
