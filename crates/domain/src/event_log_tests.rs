use super::*;

fn event(domain: EventDomain) -> EventTags<'static> {
    EventTags {
        domain: Some(domain),
        ..EventTags::default()
    }
}

fn centre_event(region: &'static str, operator: &'static str) -> EventTags<'static> {
    EventTags {
        region: Some(region),
        operator: Some(operator),
        ..event(EventDomain::Registry)
    }
}

fn in_municipality(domain: EventDomain, number: &'static str) -> EventTags<'static> {
    EventTags {
        municipality: Some(number),
        ..event(domain)
    }
}

fn account_event(role: &'static str, number: Option<&'static str>) -> EventTags<'static> {
    EventTags {
        account_role: Some(role),
        municipality: number,
        ..event(EventDomain::Accounts)
    }
}

fn scope(role: Role) -> LogScope {
    log_scope(role, Some("VEST"), Some("DRO1000"), Some("0301"))
}

#[test]
fn r_log_4_admin_sees_everything_security_included() {
    let admin = scope(Role::Admin);
    for domain in EventDomain::ALL {
        assert!(admin.sees(&EventTags {
            security: true,
            ..event(domain)
        }));
    }
}

#[test]
fn r_log_4_security_events_only_admin() {
    let security = EventTags {
        security: true,
        ..account_event("municipality_admin", Some("0301"))
    };
    for role in Role::ALL.into_iter().filter(|role| *role != Role::Admin) {
        assert!(!scope(role).sees(&security), "{role}");
    }
}

#[test]
fn r_log_4_udi_adm_sees_registry_and_plans_nationally_only() {
    let udi = scope(Role::UdiAdm);
    assert!(udi.sees(&centre_event("NORD", "DRO2000")));
    assert!(udi.sees(&event(EventDomain::Plans)));
    assert!(!udi.sees(&event(EventDomain::Settlement)));
    assert!(!udi.sees(&account_event("municipality_admin", Some("0301"))));
}

#[test]
fn r_log_4_region_sees_its_own_centres() {
    let region = scope(Role::UdiRegion);
    assert!(region.sees(&centre_event("VEST", "DRO2000")));
    assert!(!region.sees(&centre_event("NORD", "DRO2000")));
    assert!(region.sees(&EventTags {
        region: Some("VEST"),
        ..event(EventDomain::Plans)
    }));
    assert!(!region.sees(&EventTags {
        region: Some("VEST"),
        ..event(EventDomain::Settlement)
    }));
}

#[test]
fn r_log_4_operator_sees_its_own_centres_and_itself() {
    let operator = scope(Role::Operator);
    assert!(operator.sees(&centre_event("NORD", "DRO1000")));
    assert!(!operator.sees(&centre_event("VEST", "DRO2000")));
    assert!(!operator.sees(&EventTags {
        operator: Some("DRO1000"),
        ..event(EventDomain::Accounts)
    }));
}

#[test]
fn r_log_4_imdi_sees_settlement_nationally_and_the_municipal_admins_it_manages() {
    let imdi = scope(Role::Imdi);
    assert!(!imdi.sees(&centre_event("VEST", "DRO1000")));
    assert!(!imdi.sees(&event(EventDomain::Registry)));
    assert!(!imdi.sees(&event(EventDomain::Plans)));
    assert!(imdi.sees(&in_municipality(EventDomain::Settlement, "4601")));
    assert!(imdi.sees(&account_event("municipality_admin", Some("4601"))));
    assert!(!imdi.sees(&account_event("municipality", Some("4601"))));
    assert!(!imdi.sees(&account_event("udi_adm", None)));
}

#[test]
fn r_log_4_municipality_admin_sees_own_accounts_and_settlement() {
    let admin = scope(Role::MunicipalityAdmin);
    assert!(admin.sees(&account_event("municipality", Some("0301"))));
    assert!(!admin.sees(&account_event("municipality", Some("4601"))));
    assert!(admin.sees(&in_municipality(EventDomain::Settlement, "0301")));
    assert!(!admin.sees(&in_municipality(EventDomain::Settlement, "4601")));
    assert!(!admin.sees(&in_municipality(EventDomain::Registry, "0301")));
}

#[test]
fn r_log_4_municipality_sees_own_settlement_only() {
    let caseworker = scope(Role::Municipality);
    assert!(caseworker.sees(&in_municipality(EventDomain::Settlement, "0301")));
    assert!(!caseworker.sees(&in_municipality(EventDomain::Settlement, "4601")));
    assert!(!caseworker.sees(&account_event("municipality", Some("0301"))));
    assert!(!caseworker.sees(&in_municipality(EventDomain::Registry, "0301")));
}

#[test]
fn r_log_4_missing_scope_value_sees_nothing() {
    for role in [
        Role::UdiRegion,
        Role::Operator,
        Role::MunicipalityAdmin,
        Role::Municipality,
    ] {
        assert_eq!(
            log_scope(role, None, Some(""), None),
            LogScope::Grants(Vec::new())
        );
    }
}

#[test]
fn r_log_4_legacy_events_get_their_domain_from_the_entity() {
    assert_eq!(EventDomain::of_legacy_entity("user"), EventDomain::Accounts);
    assert_eq!(
        EventDomain::of_legacy_entity("centre"),
        EventDomain::Registry
    );
    for domain in EventDomain::ALL {
        assert_eq!(EventDomain::from_code(domain.code()), Some(domain));
    }
}

#[test]
fn r_log_1_search_words_split_like_the_index() {
    assert_eq!(
        search_words(" User.Created  Fjellrø_mottak 0304 "),
        ["user", "created", "fjellrø", "mottak", "0304"]
    );
    assert!(search_words("%%").is_empty());
}
