//! Texts of the catalogue: work on plans (SPEC §6) — "my tasks", the order texts for the IT
//! service desk and the contact routing on the centre page (R-PLN-2).

/// (key, bokmål, English)
pub(super) const TEXTS: &[(&str, &str, &str)] = &[
    ("nav.tasks", "Mine oppgaver", "My tasks"),
    ("tasks.title", "Mine oppgaver", "My tasks"),
    (
        "tasks.intro",
        "Åpne oppgaver i planene for mottakene du følger opp: forfalte først, deretter etter frist.",
        "Open tasks of the plans of the centres you follow up: overdue first, then by due date.",
    ),
    ("tasks.filter", "Filtrer oppgavene", "Filter the tasks"),
    ("tasks.team", "Team eller rolle", "Team or role"),
    ("tasks.region", "Region", "Region"),
    ("tasks.show", "Vis", "Show"),
    (
        "tasks.first",
        "Viser de første oppgavene, forfalte først:",
        "Showing the first tasks, overdue first:",
    ),
    (
        "tasks.show_all",
        "Vis alle åpne oppgaver",
        "Show every open task",
    ),
    ("tasks.none", "Ingen åpne oppgaver.", "No open tasks."),
    ("tasks.open", "åpne oppgaver", "open tasks"),
    ("tasks.overdue", "forfalt", "overdue"),
    (
        "tasks.caption",
        "Åpne oppgaver, forfalte først",
        "Open tasks, overdue first",
    ),
    ("tasks.task", "Oppgave", "Task"),
    ("tasks.centre", "Mottak", "Centre"),
    (
        "tasks.waiting",
        "Venter på en annen oppgave",
        "Waits for another task",
    ),
    (
        "plans.template.new_number",
        "Nytt mottaksnummer (IKT)",
        "New centre number (ICT)",
    ),
    (
        "plans.order.title",
        "Bestillingstekst til IT-servicedesk",
        "Order text for the IT service desk",
    ),
    (
        "plans.order.hint",
        "Laget fra mottakets data. Kopier teksten inn i saken hos servicedesken.",
        "Made from the centre's data. Copy the text into the service desk ticket.",
    ),
    (
        "routing.title",
        "Kontakt med mottaket",
        "Contacting the centre",
    ),
    ("routing.phase", "Fase i dag", "Phase today"),
    (
        "routing.no_phase",
        "Ingen avtale i kraft i dag",
        "No agreement in force today",
    ),
    (
        "routing.rule.through_region",
        "Oppstartsfase: all kontakt med mottaket går gjennom regionkontoret, unntatt logistikk (ankomster, transport), bosetting (mottakets bosettingsansvarlige) og kontrakt og kontroll (tilganger, opplæring).",
        "Start-up phase: all contact with the centre goes through the regional unit, except logistics (arrivals, transport), settlement (the centre's settlement officer) and contract and control (access, training).",
    ),
    (
        "routing.rule.direct",
        "Driftsfase: teamene kan kontakte mottaket direkte, med kopi til regionkontoret.",
        "Operation phase: the teams may contact the centre directly, with the regional unit copied.",
    ),
    ("templates.title", "Planmal", "Plan template"),
    ("templates.version", "Versjon", "Version"),
    (
        "templates.intro",
        "Nye planer startes fra denne versjonen; planer som alt er i gang beholder sin.",
        "New plans start from this version; plans already running keep theirs.",
    ),
    ("templates.others", "Planmalene", "The plan templates"),
    (
        "templates.items",
        "Oppgavene i malen",
        "The template's tasks",
    ),
    ("templates.key", "Nøkkel", "Key"),
    ("templates.revise", "Revider malen", "Revise the template"),
    ("templates.document", "Malen (JSON)", "The template (JSON)"),
    (
        "templates.help",
        "Hele malen slik API-et gir den. Nøklene til oppgavene er faste; en ny oppgave trenger tittel på bokmål og engelsk (\"title\": {\"nb\": …, \"en\": …}). Lagres som neste versjon.",
        "The whole template as the API gives it. Item keys are stable; a new item needs a title in bokmål and English (\"title\": {\"nb\": …, \"en\": …}). Stored as the next version.",
    ),
    (
        "templates.save",
        "Lagre som ny versjon",
        "Save as a new version",
    ),
    (
        "templates.saved",
        "Revisjonen er lagret som versjon",
        "The revision is stored as version",
    ),
    (
        "templates.not_saved",
        "Malen ble ikke lagret",
        "The template was not stored",
    ),
    (
        "templates.not_json",
        "Ikke gyldig JSON for en mal",
        "Not valid JSON for a template",
    ),
    (
        "templates.link",
        "Planmalene og revisjonene deres",
        "The plan templates and their revisions",
    ),
    ("event.entity.plan_template", "Planmal", "Plan template"),
    ("event.verb.revised", "revidert", "revised"),
];

#[cfg(test)]
mod tests {
    use crate::i18n::Lang;

    /// Keys built at run time escape the scan of literal keys.
    #[test]
    fn the_new_number_template_and_both_routings_have_texts_in_both_languages() {
        let routings = ["through_region", "direct"].map(|code| format!("routing.rule.{code}"));
        for key in routings
            .iter()
            .map(String::as_str)
            .chain(["plans.template.new_number"])
        {
            for lang in [Lang::Nb, Lang::En] {
                assert_ne!(lang.text(key), "?", "{key} in {lang:?}");
            }
        }
    }
}
