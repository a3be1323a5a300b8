//! The event log in words (issue "for caseworkers"): an action code `centre.change_operator`
//! becomes "Mottak: driftsoperatør byttet", an entity `centre 0301` "Mottak 0301", and a summary
//! `{"number":"0301","status":{"before":"open","after":"closed"}}` "nummer: 0301 · status: open →
//! closed". Codes the catalogue does not know yet (a new area's) are shown as they are.

use serde_json::Value;

use super::Lang;

/// (key, bokmål, English): what an event concerns, what happened, and the summary's fields.
pub(super) const TEXTS: &[(&str, &str, &str)] = &[
    ("event.entity.agreement", "Avtale", "Agreement"),
    ("event.entity.centre", "Mottak", "Centre"),
    ("event.entity.claim", "Refusjonskrav", "Claim"),
    ("event.entity.operator", "Driftsoperatør", "Operator"),
    (
        "event.entity.reference_data",
        "Referansedata",
        "Reference data",
    ),
    ("event.entity.resident", "Beboer", "Resident"),
    ("event.entity.user", "Bruker", "User"),
    ("event.entity.mail", "E-post", "E-mail"),
    ("event.entity.session", "Økt", "Session"),
    ("event.entity.token", "API-nøkkel", "API token"),
    ("event.entity.job", "Daglig jobb", "Daily job"),
    ("event.entity.occupancy", "Belegg", "Occupancy"),
    ("event.entity.stay", "Opphold", "Stay"),
    ("event.entity.plan", "Plan", "Plan"),
    ("event.entity.offer", "Tilbud", "Offer"),
    ("event.entity.decision", "Vedtak", "Decision"),
    ("event.entity.request", "Anmodning", "Request"),
    ("event.entity.folder", "Personmappe", "Person folder"),
    ("event.verb.created", "registrert", "registered"),
    ("event.verb.updated", "endret", "changed"),
    ("event.verb.changed", "endret", "changed"),
    ("event.verb.imported", "importert", "imported"),
    ("event.verb.notice", "sagt opp", "given notice"),
    (
        "event.verb.regulated",
        "indeksregulert",
        "regulated by the CPI",
    ),
    ("event.verb.read", "lest", "read"),
    ("event.verb.approved", "godkjent", "approved"),
    ("event.verb.entered", "registrert", "entered"),
    ("event.verb.issued", "utstedt", "issued"),
    ("event.verb.revoked", "trukket tilbake", "revoked"),
    ("event.verb.disabled", "deaktivert", "disabled"),
    ("event.verb.enabled", "aktivert", "enabled"),
    ("event.verb.role_changed", "fikk ny rolle", "role changed"),
    (
        "event.verb.email_changed",
        "fikk ny e-postadresse",
        "e-mail address changed",
    ),
    (
        "event.verb.reminder_queued",
        "påminnelse lagt i kø",
        "reminder queued",
    ),
    (
        "event.verb.totp_reset",
        "fikk tofaktor nullstilt",
        "second factor reset",
    ),
    (
        "event.verb.enrolled",
        "tofaktor tatt i bruk",
        "second factor enrolled",
    ),
    ("event.verb.failed", "mislyktes", "failed"),
    ("event.verb.succeeded", "lyktes", "succeeded"),
    ("event.verb.loaded", "lastet inn", "loaded"),
    ("event.verb.cpi_imported", "KPI importert", "CPI imported"),
    (
        "event.verb.old_counties_imported",
        "gamle fylker importert",
        "old counties imported",
    ),
    ("event.verb.rename", "fikk nytt navn", "renamed"),
    ("event.verb.close", "lagt ned", "closed"),
    ("event.verb.reopen", "gjenåpnet", "reopened"),
    (
        "event.verb.change_operator",
        "driftsoperatør byttet",
        "operator changed",
    ),
    (
        "event.verb.change_category",
        "kategori endret",
        "category changed",
    ),
    (
        "event.verb.change_place_type",
        "plasstype endret",
        "place type changed",
    ),
    (
        "event.verb.add_place_type",
        "plasstype lagt til",
        "place type added",
    ),
    (
        "event.verb.created_from",
        "nytt nummer for et tidligere mottak",
        "new number of an earlier centre",
    ),
    ("event.field.number", "nummer", "number"),
    ("event.field.name", "navn", "name"),
    ("event.field.new_number", "nytt nummer", "new number"),
    ("event.field.status", "status", "status"),
    ("event.field.month", "måned", "month"),
    ("event.field.total", "sum (øre)", "total (øre)"),
    ("event.field.centre", "mottak", "centre"),
    ("event.field.residents", "beboere", "residents"),
    ("event.field.duf_number", "DUF-nummer", "DUF number"),
    ("event.field.kind", "type", "kind"),
    ("event.field.version", "versjon", "version"),
    (
        "event.field.warnings",
        "antall advarsler",
        "number of warnings",
    ),
    ("event.field.role", "rolle", "role"),
    ("event.field.username", "brukernavn", "username"),
    ("event.field.complete", "komplett", "complete"),
    ("event.field.stop_date", "stoppdato", "stop date"),
    ("event.field.from", "fra", "from"),
    ("event.field.to", "til", "to"),
    ("event.value.true", "ja", "yes"),
    ("event.value.false", "nei", "no"),
    (
        "event.field.email_set",
        "e-postadresse satt",
        "e-mail address set",
    ),
    ("event.field.day", "dag", "day"),
    ("event.field.tasks", "oppgaver", "tasks"),
    ("event.field.overdue", "forfalt", "overdue"),
];

/// The entity types the log search offers as a choice, `(code, label)` by label.
pub fn entity_choices(lang: Lang) -> Vec<(String, String)> {
    let mut choices: Vec<(String, String)> = TEXTS
        .iter()
        .filter_map(|(key, nb, en)| {
            let code = key.strip_prefix("event.entity.")?;
            let label = match lang {
                Lang::Nb => nb,
                Lang::En => en,
            };
            Some((code.to_owned(), (*label).to_owned()))
        })
        .collect();
    choices.sort_by(|a, b| a.1.cmp(&b.1));
    choices
}

/// "Mottak: driftsoperatør byttet" for `centre.change_operator`; the code when a part is unknown.
pub fn action_words(action: &str, lang: Lang) -> String {
    let Some((entity, verb)) = action.split_once('.') else {
        return action.to_owned();
    };
    match (
        lang.find(&format!("event.entity.{entity}")),
        lang.find(&format!("event.verb.{verb}")),
    ) {
        (Some(entity), Some(verb)) => format!("{entity}: {verb}"),
        _ => action.to_owned(),
    }
}

/// "Mottak 0301" for the entity `centre` `0301`.
pub fn entity_words(entity_type: &str, entity_id: &str, lang: Lang) -> String {
    let name = lang
        .find(&format!("event.entity.{entity_type}"))
        .map_or(entity_type.to_owned(), str::to_owned);
    format!("{name} {entity_id}")
}

/// The summary's members as "field: value", a change as "before → after", joined by " · ".
pub fn summary_words(summary: &str, lang: Lang) -> String {
    let Ok(Value::Object(members)) = serde_json::from_str::<Value>(summary) else {
        return summary.to_owned();
    };
    members
        .iter()
        .map(|(key, value)| {
            let field = lang
                .find(&format!("event.field.{key}"))
                .map_or(key.replace('_', " "), str::to_owned);
            format!("{field}: {}", value_words(value, lang))
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

fn value_words(value: &Value, lang: Lang) -> String {
    match value {
        Value::Null => "–".to_owned(),
        Value::Bool(yes) => lang
            .find(if *yes {
                "event.value.true"
            } else {
                "event.value.false"
            })
            .unwrap_or_default()
            .to_owned(),
        Value::Number(number) => number.to_string(),
        Value::String(text) => text.clone(),
        Value::Array(items) if items.is_empty() => "–".to_owned(),
        Value::Array(items) => items
            .iter()
            .map(|item| value_words(item, lang))
            .collect::<Vec<_>>()
            .join(", "),
        Value::Object(members) => match (members.get("before"), members.get("after")) {
            (Some(before), Some(after)) => {
                format!(
                    "{} → {}",
                    value_words(before, lang),
                    value_words(after, lang)
                )
            }
            _ => value.to_string(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actions_entities_and_summaries_read_as_words() {
        assert_eq!(
            action_words("centre.change_operator", Lang::Nb),
            "Mottak: driftsoperatør byttet"
        );
        assert_eq!(action_words("claim.created", Lang::En), "Claim: registered");
        assert_eq!(action_words("plan.started", Lang::Nb), "plan.started");
        assert_eq!(entity_words("centre", "0301", Lang::Nb), "Mottak 0301");
        assert_eq!(
            summary_words(
                r#"{"number":"0301","status":{"before":"open","after":"closed"},"complete":true,"new_number":null}"#,
                Lang::Nb
            ),
            // In the order the log stores the members (by name).
            "komplett: ja · nytt nummer: – · nummer: 0301 · status: open → closed"
        );
        assert_eq!(summary_words("not json", Lang::Nb), "not json");
    }
}
