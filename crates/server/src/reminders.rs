//! The daily reminder job (issue 15 item 8): every enabled user with an e-mail address who
//! follows plans gets one mail a day listing the open tasks of their "my tasks" scope (a regional
//! unit its region's centres, UDI's administrative staff and admins every region's) that are
//! overdue or due within three working days (R-CAL-1). The mail is queued in the outbox with the
//! key `reminder:{user_id}:{day}`, so a second run the same day queues nothing; the sender task
//! (`crate::mail`) sends it.
//!
//! The mail is in Norwegian with English below it: the interface's language is a browser
//! cookie (`i18n::Lang::from_headers`), not a setting of the account, so the server cannot know
//! a user's choice when it writes.

use std::collections::HashMap;

use chrono::{NaiveDate, Utc};
use mottak_domain::access::Role;
use mottak_domain::event_log::EventDomain;
use mottak_domain::reminders::{DUE_SOON_WORKING_DAYS, Urgency, urgency};
use mottak_store::events::{Actor, NewEvent};
use mottak_store::mail::NewMail;
use mottak_store::users::UserRecord;
use mottak_store::{Store, timestamp};

use crate::i18n::Lang;
use crate::mail::{bilingual_body, bilingual_subject};
use crate::pages::display_date;
use crate::plans::work::{WorkTask, tasks_of_region};
use crate::routes::plans::item_title;

/// At most this many tasks are listed in a mail; the rest are counted, one link away.
pub const MAX_LISTED: usize = 50;

/// The job's name in `daily_job_runs`.
pub const JOB: &str = "task_reminders";

/// One task in a reminder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReminderLine {
    pub title_nb: String,
    pub title_en: String,
    pub centre_name: String,
    pub centre_number: String,
    pub due: NaiveDate,
    pub urgency: Urgency,
}

/// A mail to queue: subject and plain-text body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReminderMail {
    pub subject: String,
    pub body: String,
}

/// Whose tasks a user's reminder lists, as "my tasks" selects them: `Some(Some(region))` for a
/// regional unit, `Some(None)` (every region) for UDI's administrative staff and admins, `None`
/// for roles that do not follow plans.
pub fn reminder_scope(role: &str, region: Option<&str>) -> Option<Option<String>> {
    match role.parse::<Role>().ok()? {
        Role::UdiRegion => Some(Some(region?.to_owned())),
        Role::UdiAdm | Role::Admin => Some(None),
        _ => None,
    }
}

/// The dedup key of `user`'s reminder on `day`.
pub fn dedup_key(user_id: i64, day: NaiveDate) -> String {
    format!("reminder:{user_id}:{day}")
}

/// The tasks of a work list that a reminder on `today` lists, in work order (overdue first).
pub fn reminder_lines(tasks: &[WorkTask], today: NaiveDate) -> Vec<ReminderLine> {
    tasks
        .iter()
        .filter_map(|task| {
            let urgency = urgency(task.due, task.timing, today, DUE_SOON_WORKING_DAYS)?;
            Some(ReminderLine {
                title_nb: item_title(&task.template, task.item, Lang::Nb),
                title_en: item_title(&task.template, task.item, Lang::En),
                centre_name: task.task.centre_name.clone(),
                centre_number: task.task.centre_number.clone(),
                due: task.due?,
                urgency,
            })
        })
        .collect()
}

/// The reminder for `name` listing `lines` (not empty; the first [`MAX_LISTED`], the rest
/// counted), linking to `public_url`'s `/tasks`: Norwegian first, English below.
pub fn reminder_mail(name: &str, lines: &[ReminderLine], public_url: &str) -> ReminderMail {
    let count = lines.len().to_string();
    let url = format!("{}/tasks", public_url.trim_end_matches('/'));
    let subject = bilingual_subject(|lang| {
        lang.text("mail.reminder.subject")
            .replace("{count}", &count)
    });
    let part = |lang: Lang| {
        let mut text = String::new();
        text.push_str(&lang.text("mail.reminder.greeting").replace("{name}", name));
        text.push_str("\n\n");
        text.push_str(lang.text("mail.reminder.intro"));
        text.push_str("\n\n");
        for line in lines.iter().take(MAX_LISTED) {
            let title = match lang {
                Lang::Nb => &line.title_nb,
                Lang::En => &line.title_en,
            };
            let due = match lang {
                Lang::Nb => display_date(line.due),
                Lang::En => line.due.to_string(),
            };
            text.push_str(&format!(
                "- {title} – {} ({}) – {} {due}",
                line.centre_name,
                line.centre_number,
                lang.text("mail.reminder.due"),
            ));
            if line.urgency == Urgency::Overdue {
                text.push_str(&format!(" – {}", lang.text("mail.reminder.overdue")));
            }
            text.push('\n');
        }
        if lines.len() > MAX_LISTED {
            let more = (lines.len() - MAX_LISTED).to_string();
            text.push_str(&lang.text("mail.reminder.more").replace("{count}", &more));
            text.push('\n');
        }
        text.push('\n');
        text.push_str(&lang.text("mail.reminder.link").replace("{url}", &url));
        text
    };
    let body = bilingual_body(part, "mail.reminder.footer");
    ReminderMail { subject, body }
}

/// The job: queues today's reminder of every user who has one due; the report counts them.
pub async fn daily(store: Store, day: NaiveDate, public_url: String) -> anyhow::Result<String> {
    let users = store.users_with_email().await?;
    let mut lists: HashMap<Option<String>, Vec<ReminderLine>> = HashMap::new();
    let (mut queued, mut already) = (0usize, 0usize);
    for user in users {
        let Some(scope) = reminder_scope(&user.role, user.region.as_deref()) else {
            continue;
        };
        if !lists.contains_key(&scope) {
            let tasks = tasks_of_region(&store, scope.as_deref(), None, day, None)
                .await
                .map_err(|error| anyhow::anyhow!("open tasks: {error}"))?;
            lists.insert(scope.clone(), reminder_lines(&tasks, day));
        }
        let lines = &lists[&scope];
        if lines.is_empty() {
            continue;
        }
        if queue(&store, &user, day, lines, &public_url).await? {
            queued += 1;
        } else {
            already += 1;
        }
    }
    Ok(format!(
        "{queued} reminders queued, {already} queued before today"
    ))
}

/// Queues one user's reminder with its event; `false` when it was queued before.
async fn queue(
    store: &Store,
    user: &UserRecord,
    day: NaiveDate,
    lines: &[ReminderLine],
    public_url: &str,
) -> anyhow::Result<bool> {
    let Some(recipient) = user.email.as_deref() else {
        return Ok(false);
    };
    let name = if user.display_name.trim().is_empty() {
        &user.username
    } else {
        &user.display_name
    };
    let mail = reminder_mail(name, lines, public_url);
    let key = dedup_key(user.id, day);
    let mut tx = store.begin_write().await?;
    let queued = tx
        .enqueue_mail(
            &NewMail {
                dedup_key: &key,
                recipient,
                subject: &mail.subject,
                body: &mail.body,
            },
            &timestamp(Utc::now()),
        )
        .await?;
    if !queued {
        // Dropping the write rolls it back: nothing changed.
        drop(tx);
        return Ok(false);
    }
    let overdue = lines
        .iter()
        .filter(|line| line.urgency == Urgency::Overdue)
        .count();
    tx.record(
        NewEvent::new(
            &Actor::system("reminders"),
            EventDomain::Plans,
            "mail.reminder_queued",
            "user",
            user.id,
        )
        .summary(serde_json::json!({
            "username": user.username,
            "day": day.to_string(),
            "tasks": lines.len(),
            "overdue": overdue,
        })),
    )
    .await?;
    tx.commit().await?;
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(title: &str, due: &str, urgency: Urgency) -> ReminderLine {
        ReminderLine {
            title_nb: format!("{title} (nb)"),
            title_en: format!("{title} (en)"),
            centre_name: "Fjordly asylmottak".into(),
            centre_number: "1234".into(),
            due: due.parse().unwrap(),
            urgency,
        }
    }

    #[test]
    fn reminder_scope_follows_my_tasks() {
        assert_eq!(
            reminder_scope("udi_region", Some("VEST")),
            Some(Some("VEST".into()))
        );
        assert_eq!(reminder_scope("udi_adm", None), Some(None));
        assert_eq!(reminder_scope("admin", None), Some(None));
        assert_eq!(reminder_scope("operator", None), None);
        assert_eq!(reminder_scope("imdi", None), None);
        assert_eq!(reminder_scope("udi_region", None), None);
    }

    #[test]
    fn reminder_mail_lists_at_most_fifty_tasks_and_counts_the_rest() {
        let lines: Vec<ReminderLine> = (0..53)
            .map(|index| line(&format!("Oppgave {index}"), "2026-11-18", Urgency::Overdue))
            .collect();
        let mail = reminder_mail("Kari", &lines, "http://127.0.0.1:8080");
        assert!(mail.subject.contains("53 oppgaver"), "{}", mail.subject);
        assert!(mail.body.contains("Oppgave 49 (nb)"));
        assert!(!mail.body.contains("Oppgave 50 (nb)"));
        assert!(mail.body.contains("… og 3 oppgaver til"), "{}", mail.body);
        assert!(mail.body.contains("… and 3 more tasks"), "{}", mail.body);
    }

    #[test]
    fn reminder_dedup_key_is_per_user_and_day() {
        let day: NaiveDate = "2026-11-20".parse().unwrap();
        assert_eq!(dedup_key(7, day), "reminder:7:2026-11-20");
    }

    #[test]
    fn reminder_mail_lists_tasks_norwegian_first_with_overdue_marked_and_a_link() {
        let lines = [
            line("Tilgang", "2026-11-18", Urgency::Overdue),
            line("Møte", "2026-11-24", Urgency::DueSoon),
        ];
        let mail = reminder_mail("Kari", &lines, "https://mottak.example.no/");
        assert!(mail.subject.starts_with("Påminnelse: 2 oppgaver"));
        assert!(mail.subject.contains("Reminder: 2 tasks"));
        let body = &mail.body;
        assert!(body.starts_with("Hei Kari,"), "{body}");
        assert!(
            body.contains(
                "- Tilgang (nb) – Fjordly asylmottak (1234) – frist 18.11.2026 – forfalt\n"
            ),
            "{body}"
        );
        assert!(
            body.contains("- Møte (nb) – Fjordly asylmottak (1234) – frist 24.11.2026\n"),
            "{body}"
        );
        assert!(
            body.contains("- Tilgang (en) – Fjordly asylmottak (1234) – due 2026-11-18 – overdue"),
            "{body}"
        );
        assert!(body.contains("https://mottak.example.no/tasks"), "{body}");
        assert!(
            body.find("Hei Kari").unwrap() < body.find("Hello Kari").unwrap(),
            "{body}"
        );
    }
}
