//! Texts of the catalogue: plans (SPEC §6) — the preview page, templates, phases, teams and
//! the topics of meetings and checklists (`plans.topic.<code>`).

/// (key, bokmål, English)
pub(super) const TEXTS: &[(&str, &str, &str)] = &[
    ("nav.plans", "Planer", "Plans"),
    ("plans.title", "Forhåndsvis plan", "Preview a plan"),
    (
        "plans.intro",
        "Velg en mal og avtalens datoer for å se fasene og oppgavene med frister. Ingenting lagres.",
        "Choose a template and the agreement's dates to see the phases and the tasks with their deadlines. Nothing is stored.",
    ),
    ("plans.form", "Mal og datoer", "Template and dates"),
    ("plans.template", "Mal", "Template"),
    ("plans.signed", "Signert", "Signed"),
    (
        "plans.awarded",
        "Tildelt (hvis tidligere enn signert)",
        "Awarded (when earlier than signed)",
    ),
    ("plans.operation_start", "Driftsstart", "Start of operation"),
    (
        "plans.end",
        "Avtalen slutter (første dag uten avtale)",
        "Agreement ends (the first day without it)",
    ),
    (
        "plans.startup_months",
        "Oppstartsfase i måneder (nytt mottak, 3–6)",
        "Start-up phase in months (new centre, 3–6)",
    ),
    (
        "plans.months_number",
        "Skriv et helt antall måneder",
        "Enter a whole number of months",
    ),
    (
        "plans.experienced",
        "Erfaren driftsoperatør",
        "Experienced operator",
    ),
    (
        "plans.dates_hint",
        "Datoer skrives dd.mm.åååå.",
        "Dates are written dd.mm.yyyy.",
    ),
    ("plans.compute", "Vis planen", "Show the plan"),
    ("plans.phases", "Faser", "Phases"),
    ("plans.phase", "Fase", "Phase"),
    ("plans.from", "Fra", "From"),
    ("plans.last_day", "Til og med", "To and including"),
    ("plans.tasks", "Oppgaver", "Tasks"),
    ("plans.due", "Frist", "Due"),
    ("plans.task", "Oppgave", "Task"),
    ("plans.responsible", "Ansvarlig", "Responsible"),
    ("plans.not_before", "Tidligst", "Not before"),
    ("plans.after", "Etter:", "After:"),
    (
        "plans.per_hiring",
        "Per nyansatt, innen tre måneder etter ansettelsen",
        "Per new employee, within three months of hiring",
    ),
    ("plans.centre_title", "Planer", "Plans"),
    ("plans.plan_title", "Plan", "Plan"),
    (
        "plans.none",
        "Mottaket har ingen planer ennå.",
        "The centre has no plans yet.",
    ),
    ("plans.started", "startet", "started"),
    ("plans.start", "Start en plan", "Start a plan"),
    ("plans.agreement", "Avtale", "Agreement"),
    (
        "plans.no_agreements",
        "Mottaket har ingen avtaler å starte en plan fra.",
        "The centre has no agreements to start a plan from.",
    ),
    ("plans.version", "Malversjon", "Template version"),
    ("plans.overdue", "Forfalt", "Overdue"),
    ("plans.status", "Status", "Status"),
    ("plans.status.open", "Åpen", "Open"),
    ("plans.status.done", "Utført", "Done"),
    ("plans.status.not_needed", "Ikke nødvendig", "Not needed"),
    (
        "plans.reason",
        "Begrunnelse (når ikke nødvendig)",
        "Reason (when not needed)",
    ),
    ("plans.ordered_on", "Bestilt/gjort", "Ordered/done"),
    (
        "plans.feedback_on",
        "Fått tilbakemelding",
        "Feedback received",
    ),
    (
        "plans.followed_up_on",
        "Fulgt opp tilbakemelding",
        "Feedback followed up",
    ),
    ("plans.update", "Oppdater oppgaven", "Update the task"),
    ("plans.save", "Lagre", "Save"),
    (
        "plans.template.opening",
        "Opprettelse av mottak (IKT)",
        "Opening a centre (ICT)",
    ),
    (
        "plans.template.closing",
        "Nedleggelse av mottak (IKT)",
        "Closing a centre (ICT)",
    ),
    (
        "plans.template.new_centre",
        "Oppfølging av nyetablert mottak",
        "Follow-up of a new centre",
    ),
    (
        "plans.template.emergency",
        "Oppfølging av akuttinnkvartering",
        "Follow-up of emergency accommodation",
    ),
    ("plans.phase.startup", "Oppstart", "Start-up"),
    ("plans.phase.operation", "Drift", "Operation"),
    ("plans.phase.closing", "Avslutning", "Closing"),
    (
        "plans.team.regional_unit",
        "Regionkontoret",
        "Regional unit",
    ),
    (
        "plans.team.contract_and_control",
        "LT Kontrakt, kontroll og Mot",
        "Contract and control team",
    ),
    (
        "plans.team.information_and_training",
        "LT Informasjon og opplæring",
        "Information and training team",
    ),
    (
        "plans.team.emergency_accommodation",
        "Akuttinnkvarteringsteamet",
        "Emergency accommodation team",
    ),
    (
        "plans.team.regional_director",
        "Regiondirektøren",
        "Regional director",
    ),
    (
        "plans.topic.responsible_person",
        "Hvem som er ansvarlig i regional enhet",
        "Who is responsible in the regional unit",
    ),
    (
        "plans.topic.contact_points",
        "Oversikten over kontaktpunkter i UDI",
        "The overview of UDI's contact points",
    ),
    (
        "plans.topic.information_letter",
        "Informasjonsskriv til driftsoperatør, kopi til daglig leder",
        "Information letter to the operator, copy to the manager",
    ),
    (
        "plans.topic.contract_obligations",
        "Kontraktsbestemmelser, særlig forpliktelser og sanksjoner",
        "Contract terms, especially obligations and sanctions",
    ),
    (
        "plans.topic.delivery_requirements",
        "Krav til leveransen",
        "Delivery requirements",
    ),
    (
        "plans.topic.dispensations",
        "Eventuelle dispensasjoner",
        "Any dispensations",
    ),
    (
        "plans.topic.startup_rampup",
        "Oppstart og opptrapping",
        "Start-up and ramp-up",
    ),
    ("plans.topic.status", "Status", "Status"),
    (
        "plans.topic.startup_challenges",
        "Oppstartsutfordringer",
        "Start-up challenges",
    ),
    (
        "plans.topic.operator_topics",
        "Tema meldt inn av driftsoperatøren",
        "Topics raised by the operator",
    ),
    (
        "plans.topic.resident_group",
        "Om beboergruppen",
        "About the residents",
    ),
    (
        "plans.topic.startup_and_residents",
        "Oppstart og antall beboere",
        "Start-up and number of residents",
    ),
    (
        "plans.topic.centre_requirements",
        "Krav til akuttinnkvarteringen",
        "Requirements of the accommodation",
    ),
    (
        "plans.topic.residents_rights",
        "Beboernes rettigheter og vertskommunens tjenester (helse, skole og barnehage)",
        "Residents' rights and the host municipality's services (health, school, kindergarten)",
    ),
    (
        "plans.topic.host_grants",
        "Vertskommunetilskudd og tilskuddsordninger",
        "Host municipality grants and other grants",
    ),
    (
        "plans.topic.role_ethics",
        "Rolle, etiske retningslinjer, taushetsplikt, tolk og flerspråklige ansatte",
        "Role, ethics, confidentiality, interpreters and multilingual staff",
    ),
    (
        "plans.topic.economy",
        "Økonomi: hvilke ytelser beboerne skal ha",
        "Finances: the benefits residents receive",
    ),
    (
        "plans.topic.resident_work",
        "Beboerrettet arbeid",
        "Work with residents",
    ),
    (
        "plans.topic.volunteers",
        "Samarbeid med frivillige organisasjoner",
        "Cooperation with voluntary organisations",
    ),
    (
        "plans.topic.children",
        "Arbeid med barn og unge",
        "Work with children and young people",
    ),
    (
        "plans.topic.settlement_preparation",
        "Bosettingsforberedende arbeid",
        "Preparing for settlement",
    ),
    ("plans.topic.mot_portal", "Mot-portal", "The Mot portal"),
    (
        "plans.topic.delivery_status",
        "Status på leveransen",
        "Status of the delivery",
    ),
    (
        "plans.topic.requirements_review",
        "Gjennomgang av krav",
        "Review of the requirements",
    ),
    (
        "plans.topic.throughput",
        "Gjennomstrømning og bosettingssamtaler",
        "Throughput and settlement interviews",
    ),
    (
        "plans.topic.host_partners",
        "Samtale med vertskommune og samarbeidspartnere",
        "Talk with the host municipality and partners",
    ),
    (
        "plans.topic.learning_points",
        "Erfaringer med driften (læringspunkter)",
        "Experience of the operation (learning points)",
    ),
    (
        "plans.topic.thanks",
        "Takk for samarbeidet; takk per e-post til dem som ikke deltar",
        "Thanks for the cooperation; thanks by e-mail to those who do not attend",
    ),
    (
        "plans.topic.to_contract_team",
        "Til LT Kontrakt og kontroll (kontrakt)",
        "To the contract and control team (contract)",
    ),
    (
        "plans.topic.to_requirements_team",
        "Til kravspesifikasjonsteamet (regelverk)",
        "To the requirements team (rules)",
    ),
    (
        "plans.topic.to_follow_up_team",
        "Til LT Mottaksoppfølging (retningslinjen)",
        "To the follow-up team (this guideline)",
    ),
];

#[cfg(test)]
mod tests {
    use mottak_domain::plans::{TEMPLATE_KEYS, Team, builtin};

    use crate::i18n::Lang;

    /// Keys built at run time (`plans.item.{key}`) escape the scan of literal keys.
    #[test]
    fn every_built_in_item_team_and_topic_has_texts_in_both_languages() {
        let mut keys = Vec::new();
        for template in TEMPLATE_KEYS {
            keys.push(format!("plans.template.{template}"));
            for item in builtin(template).unwrap().items {
                keys.push(format!("plans.item.{}", item.key));
                keys.extend(
                    item.agenda
                        .iter()
                        .map(|topic| format!("plans.topic.{topic}")),
                );
            }
        }
        keys.extend(["open", "done", "not_needed"].map(|status| format!("plans.status.{status}")));
        keys.extend(Team::ALL.map(|team| format!("plans.team.{}", team.code())));
        keys.extend(
            ["startup", "operation", "closing"].map(|phase| format!("plans.phase.{phase}")),
        );
        for key in keys {
            for lang in [Lang::Nb, Lang::En] {
                assert_ne!(lang.text(&key), "?", "{key} in {lang:?}");
            }
        }
    }
}
