//! Texts of the catalogue: the titles of the built-in plan templates' items (SPEC §6), keyed
//! `plans.item.<item key>`.

/// (key, bokmål, English)
pub(super) const TEXTS: &[(&str, &str, &str)] = &[
    (
        "plans.item.opening.duf_access",
        "Bestille registrering i tilgangsmodulen i DUF (bestillingstekst til IT servicedesk)",
        "Order registration in DUF's access module (order text for the IT service desk)",
    ),
    (
        "plans.item.opening.agreement",
        "Registrere avtalen i DUF og gi regionkontoret beskjed",
        "Register the agreement in DUF and notify the regional unit",
    ),
    (
        "plans.item.opening.ip_address",
        "Bestille fast IP-adresse og sende de to signerte tilgangsskjemaene",
        "Order a fixed IP address and send the two signed access forms",
    ),
    (
        "plans.item.opening.sesam_site",
        "Bestille brukerstedstilgang til Sesam med mottakets faste IP-adresse (siste bestillingsdag)",
        "Order Sesam site access with the centre's fixed IP address (latest order date)",
    ),
    (
        "plans.item.opening.sesam_users",
        "Bestille brukertilgang til Sesam per ansatt som har fullført e-læringen",
        "Order Sesam user access for each employee who completed the e-learning",
    ),
    (
        "plans.item.opening.first_passwords",
        "Gi regionkontoret beskjed om å dele ut førstegangspassord",
        "Tell the regional unit to hand out first-time passwords",
    ),
    (
        "plans.item.opening.supplier",
        "Opprette leverandør i økonomisystemet (skjema og signert avtale som PDF)",
        "Register the supplier in the finance system (form and signed agreement as PDF)",
    ),
    (
        "plans.item.opening.accounting",
        "Legge konteringsinformasjonen inn i registeret",
        "Enter the accounting data in the registry",
    ),
    (
        "plans.item.opening.mailbox",
        "Bestille Asylmottak.no-brukere og førstegangspassord",
        "Order Asylmottak.no accounts and first-time passwords",
    ),
    (
        "plans.item.opening.address_list",
        "Oppdatere adresselisten på UDIs nettside",
        "Update the address list on UDI's web site",
    ),
    (
        "plans.item.closing.dates",
        "Kontrollere til-dato eller stoppdato i avtalen",
        "Check the agreement's valid-to or stop date",
    ),
    (
        "plans.item.closing.sesam_users",
        "Bestille sletting av Sesam-brukerne (minne driftsoperatøren om listen over ansatte)",
        "Order deletion of the Sesam users (remind the operator to list its employees)",
    ),
    (
        "plans.item.closing.sesam_site",
        "Bestille avvikling av Sesam-brukerstedet",
        "Order the closing of the Sesam site",
    ),
    (
        "plans.item.closing.address_list",
        "Melde nedleggelsen til adresselisten på UDIs nettside",
        "Report the closure to the address list on UDI's web site",
    ),
    (
        "plans.item.closing.mailbox",
        "Avslutte Asylmottak.no-postkassen (navnet nøyaktig slik den ble opprettet) og brukerne",
        "Close the Asylmottak.no mailbox (the name exactly as created) and its users",
    ),
    (
        "plans.item.closing.equipment",
        "Følge opp at videointervjuutstyret sendes tilbake",
        "Follow up the return of the video-interview equipment",
    ),
    (
        "plans.item.new_centre.training",
        "Opplæring ved oppstart (administrative og økonomiske rutiner, Sesam)",
        "Training at the start (administrative and financial routines, Sesam)",
    ),
    (
        "plans.item.new_centre.weekly_call",
        "Ukentlig telefonkontakt med mottaksleder",
        "Weekly phone call with the centre's leader",
    ),
    (
        "plans.item.new_centre.visit",
        "Besøk ved mottaket",
        "Visit to the centre",
    ),
    (
        "plans.item.new_centre.host_municipality",
        "Møte med vertskommunen (sammen med besøket)",
        "Meeting with the host municipality (with the visit)",
    ),
    (
        "plans.item.new_centre.staff_course",
        "Kurs for nyansatt",
        "Course for a new employee",
    ),
    (
        "plans.item.new_centre.control",
        "Vurdere behovsbasert kontroll (ingen ordinær kontroll i oppstartsåret)",
        "Consider a needs-based control (no ordinary control in the start-up year)",
    ),
    (
        "plans.item.emergency.contact",
        "Kontakte akuttinnkvarteringen: ansvarlig person, kontaktpunkter og informasjonsskriv",
        "Contact the accommodation: responsible person, contact points and information letter",
    ),
    (
        "plans.item.emergency.host_orientation",
        "Orientere vertskommunen formelt om avtalen",
        "Formally inform the host municipality of the agreement",
    ),
    (
        "plans.item.emergency.meeting1",
        "Oppstartsmøte 1",
        "Start-up meeting 1",
    ),
    (
        "plans.item.emergency.meeting2",
        "Oppstartsmøte 2",
        "Start-up meeting 2",
    ),
    (
        "plans.item.emergency.startup_talk",
        "Oppstartsmøte eller oppstartsamtale",
        "Start-up meeting or talk",
    ),
    (
        "plans.item.emergency.host_letter",
        "Sende informasjonsskriv til vertskommunen(e)",
        "Send the information letter to the host municipality or municipalities",
    ),
    (
        "plans.item.emergency.host_meeting",
        "Informasjonsmøte med vertskommunen(e)",
        "Information meeting with the host municipality or municipalities",
    ),
    (
        "plans.item.emergency.training",
        "Digital opplæring for de ansatte",
        "Digital training for the staff",
    ),
    (
        "plans.item.emergency.followup_meeting",
        "Kontraktsoppfølgingsmøte",
        "Contract follow-up meeting",
    ),
    (
        "plans.item.emergency.control_assessment",
        "Vurdere kontroll etter seks måneders drift",
        "Consider a control after six months of operation",
    ),
    (
        "plans.item.emergency.closing_meeting",
        "Avslutningsmøte",
        "Closing meeting",
    ),
    (
        "plans.item.emergency.final_report",
        "Gå gjennom driftsoperatørens sluttrapport",
        "Review the operator's final report",
    ),
    (
        "plans.item.emergency.learning_points",
        "Videreformidle læringspunkter",
        "Pass on the learning points",
    ),
];
