//! Order texts for the IT service desk (SPEC §6, seed 000 §2, §5, §7 and §9): the DUF access
//! module, the Sesam site, the Asylmottak.no mailbox and the closing orders, generated from the
//! centre's data, ready to paste into a ticket. The service desk works in Norwegian, so the
//! texts are in bokmål whatever the user's language; a value the registry does not hold is
//! named as missing rather than left out, so the ticket is not sent incomplete unnoticed.

/// The centre's data an order needs, as the registry holds it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OrderFacts<'a> {
    pub number: &'a str,
    pub name: &'a str,
    pub visiting_address: Option<&'a str>,
    pub postal_address: Option<&'a str>,
    pub postal_code: &'a str,
    pub operator_name: &'a str,
    pub operator_organisation_number: &'a str,
    /// The centre's fixed IP address (`opening.ip_address`), where stored.
    pub ip_address: Option<&'a str>,
    /// The mailbox name exactly as created (`opening.mailbox`), where stored.
    pub mailbox_name: Option<&'a str>,
}

/// The orders a text is generated for, by item key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Order {
    DufAccess,
    SesamSite,
    Mailbox,
    CloseSesamUsers,
    CloseSesamSite,
    CloseMailbox,
}

impl Order {
    /// The order of a plan item, or `None` for an item that orders nothing from the desk.
    pub fn of_item(key: &str) -> Option<Order> {
        Some(match key {
            "opening.duf_access" => Order::DufAccess,
            "opening.sesam_site" => Order::SesamSite,
            "opening.mailbox" => Order::Mailbox,
            "closing.sesam_users" => Order::CloseSesamUsers,
            "closing.sesam_site" => Order::CloseSesamSite,
            "closing.mailbox" => Order::CloseMailbox,
            _ => return None,
        })
    }
}

const MISSING: &str = "(ikke registrert i mottak)";

/// The ready-to-copy text of `order` for the centre.
pub fn order_text(order: Order, facts: &OrderFacts<'_>) -> String {
    let (subject, request) = match order {
        Order::DufAccess => (
            "Bestilling: registrering i DUFs tilgangsmodul",
            "Mottaket registreres i DUFs tilgangsmodul, slik at driftsoperatørens ansatte kan \
             få tilgang.",
        ),
        Order::SesamSite => (
            "Bestilling: stedstilgang i Sesam",
            "Mottaket skal ha stedstilgang i Sesam. Brannmuren åpnes for mottakets faste \
             IP-adresse.",
        ),
        Order::Mailbox => (
            "Bestilling: postboks på Asylmottak.no",
            "Opprett postboks på Asylmottak.no for mottaket, med brukere og førstegangspassord \
             til regionkontoret.",
        ),
        Order::CloseSesamUsers => (
            "Bestilling: sletting av brukertilganger i Sesam",
            "Mottaket er nedlagt. Slett brukertilgangene til driftsoperatørens ansatte ved \
             mottaket (liste over ansatte vedlagt).",
        ),
        Order::CloseSesamSite => (
            "Bestilling: sletting av stedstilgang i Sesam",
            "Mottaket er nedlagt. Slett stedstilgangen i Sesam og åpningen i brannmuren for \
             mottakets faste IP-adresse.",
        ),
        Order::CloseMailbox => (
            "Bestilling: sletting av postboks på Asylmottak.no",
            "Mottaket er nedlagt. Slett postboksen på Asylmottak.no med alle brukerne.",
        ),
    };
    let address = match (facts.visiting_address, facts.postal_address) {
        (Some(visiting), _) => format!("{visiting}, {}", facts.postal_code),
        (None, Some(postal)) => format!("{postal}, {}", facts.postal_code),
        (None, None) => format!("{MISSING}, {}", facts.postal_code),
    };
    let mut lines = vec![
        subject.to_owned(),
        String::new(),
        request.to_owned(),
        String::new(),
        format!("Mottak: {} {}", facts.number, facts.name),
        format!("Adresse: {address}"),
        format!(
            "Driftsoperatør: {} (org.nr. {})",
            facts.operator_name, facts.operator_organisation_number
        ),
    ];
    if matches!(order, Order::SesamSite | Order::CloseSesamSite) {
        lines.push(format!(
            "Fast IP-adresse: {}",
            facts.ip_address.unwrap_or(MISSING)
        ));
    }
    if matches!(order, Order::Mailbox | Order::CloseMailbox) {
        // Seed 000 §9: the mailbox is deleted by its name exactly as it was created.
        lines.push(format!(
            "Postboksnavn: {}",
            facts.mailbox_name.unwrap_or(MISSING)
        ));
    }
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn centre() -> OrderFacts<'static> {
        OrderFacts {
            number: "0301",
            name: "Oslo mottak",
            visiting_address: Some("Storgata 1"),
            postal_address: Some("Postboks 5"),
            postal_code: "0155",
            operator_name: "Drift AS",
            operator_organisation_number: "974760673",
            ip_address: Some("10.1.2.3"),
            mailbox_name: Some("oslo.mottak@asylmottak.no"),
        }
    }

    #[test]
    fn spec_6_duf_access_order_names_the_centre_its_address_and_operator() {
        let text = order_text(Order::DufAccess, &centre());
        assert!(text.starts_with("Bestilling: registrering i DUFs tilgangsmodul"));
        assert!(text.contains("Mottak: 0301 Oslo mottak"));
        assert!(text.contains("Adresse: Storgata 1, 0155"));
        assert!(text.contains("Driftsoperatør: Drift AS (org.nr. 974760673)"));
        assert!(!text.contains("IP-adresse:"));
    }

    #[test]
    fn spec_6_sesam_site_order_gives_the_fixed_ip_address_or_says_it_is_missing() {
        assert!(order_text(Order::SesamSite, &centre()).contains("Fast IP-adresse: 10.1.2.3"));
        let without = OrderFacts {
            ip_address: None,
            ..centre()
        };
        assert!(
            order_text(Order::CloseSesamSite, &without)
                .contains("Fast IP-adresse: (ikke registrert i mottak)")
        );
    }

    #[test]
    fn spec_6_closing_mailbox_order_names_the_mailbox_exactly_as_created() {
        let facts = OrderFacts {
            mailbox_name: Some("  Oslo.Mottak@asylmottak.no"),
            ..centre()
        };
        let text = order_text(Order::CloseMailbox, &facts);
        assert!(text.contains("Postboksnavn:   Oslo.Mottak@asylmottak.no"));
        assert!(text.contains("Slett postboksen"));
    }

    #[test]
    fn spec_6_an_order_without_a_visiting_address_uses_the_postal_address() {
        let facts = OrderFacts {
            visiting_address: None,
            ..centre()
        };
        assert!(order_text(Order::Mailbox, &facts).contains("Adresse: Postboks 5, 0155"));
    }

    #[test]
    fn spec_6_only_the_service_desk_items_have_order_texts() {
        assert_eq!(Order::of_item("opening.sesam_site"), Some(Order::SesamSite));
        assert_eq!(Order::of_item("closing.mailbox"), Some(Order::CloseMailbox));
        assert_eq!(Order::of_item("opening.agreement"), None);
        assert_eq!(Order::of_item("closing.equipment"), None);
    }
}
