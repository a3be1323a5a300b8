//! The log as files (R-PLN-3: exportable, seed 002 §4: the basis of the first ordinary
//! inspection): CSV with `;`, UTF-8 with BOM, ISO dates and API codes (SPEC §9) — the entries,
//! then after an empty row their follow-ups — and a PDF in bokmål.

use axum::http::header;
use axum::response::{IntoResponse, Response};
use mottak_domain::dates::parse_date;
use mottak_store::registry::CentreRecord;
use mottak_store::worklog::LogEntryRecord;

use crate::csv_out::{Csv, download};
use crate::i18n::Lang;
use crate::occupancy::today;
use crate::pages::display_date;
use crate::pdf::{Block, render};

fn file_name(centre: &CentreRecord, extension: &str) -> String {
    format!("oppfolgingslogg-{}.{extension}", centre.number)
}

pub fn csv_response(centre: &CentreRecord, entries: &[LogEntryRecord]) -> Response {
    download(&file_name(centre, "csv"), csv(centre, entries))
}

/// One row per entry in the timeline's order; then the follow-ups, one row each.
pub fn csv(centre: &CentreRecord, entries: &[LogEntryRecord]) -> String {
    let mut csv = Csv::default();
    csv.row(&[
        "entry_id",
        "centre_number",
        "date",
        "kind",
        "participants",
        "summary",
        "plan_id",
        "task_position",
        "created_by",
        "created_at",
        "version",
    ]);
    let number = |value: Option<i64>| value.map(|v| v.to_string()).unwrap_or_default();
    for entry in entries {
        csv.row(&[
            &entry.id.to_string(),
            &centre.number,
            &entry.date,
            &entry.kind,
            &entry.participants.join(", "),
            &entry.summary,
            &number(entry.plan_id),
            &number(entry.task_position),
            &entry.created_by,
            &entry.created_at,
            &entry.version.to_string(),
        ]);
    }
    csv.row(&[]);
    csv.row(&["entry_id", "position", "follow_up", "due", "done"]);
    for entry in entries {
        for follow_up in &entry.follow_ups {
            csv.row(&[
                &entry.id.to_string(),
                &follow_up.position.to_string(),
                &follow_up.text,
                follow_up.due.as_deref().unwrap_or(""),
                if follow_up.done { "true" } else { "false" },
            ]);
        }
    }
    csv.finish()
}

pub fn pdf_response(centre: &CentreRecord, entries: &[LogEntryRecord]) -> Response {
    (
        [
            (header::CONTENT_TYPE, "application/pdf".to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{}\"", file_name(centre, "pdf")),
            ),
        ],
        pdf(centre, entries),
    )
        .into_response()
}

pub(super) fn shown(date: &str) -> String {
    parse_date(date)
        .map(display_date)
        .unwrap_or_else(|| date.to_owned())
}

/// The printable log in bokmål: the centre, then each entry newest first.
pub fn pdf(centre: &CentreRecord, entries: &[LogEntryRecord]) -> Vec<u8> {
    let lang = Lang::Nb;
    let title = lang.text("log.title");
    let mut blocks = vec![
        Block::Title(format!("{title}: {} {}", centre.number, centre.name)),
        Block::Fields(vec![
            (lang.text("log.region").into(), centre.fields.region.clone()),
            (lang.text("log.printed").into(), display_date(today())),
            (lang.text("log.entries").into(), entries.len().to_string()),
        ]),
    ];
    if entries.is_empty() {
        blocks.push(Block::Paragraph(lang.text("log.none").into()));
    }
    for entry in entries {
        blocks.push(Block::Heading(format!(
            "{} – {}",
            shown(&entry.date),
            lang.text(&format!("log.kind.{}", entry.kind))
        )));
        let mut fields = vec![(
            lang.text("log.participants").into(),
            entry.participants.join(", "),
        )];
        if let (Some(plan), Some(position)) = (entry.plan_id, entry.task_position) {
            fields.push((
                lang.text("log.task").into(),
                format!(
                    "{} {plan}, {} {position}",
                    lang.text("log.plan"),
                    lang.text("log.position")
                ),
            ));
        }
        fields.push((
            lang.text("log.logged_by").into(),
            format!(
                "{} ({})",
                entry.created_by,
                shown(entry.created_at.get(..10).unwrap_or(""))
            ),
        ));
        blocks.push(Block::Fields(fields));
        blocks.push(Block::Paragraph(entry.summary.clone()));
        for follow_up in &entry.follow_ups {
            let mut line = format!("{}: {}", lang.text("log.follow_up"), follow_up.text);
            if let Some(due) = &follow_up.due {
                line.push_str(&format!(" ({} {})", lang.text("log.due"), shown(due)));
            }
            let state = if follow_up.done {
                "log.done"
            } else {
                "log.open"
            };
            line.push_str(&format!(" – {}", lang.text(state)));
            blocks.push(Block::Paragraph(line));
        }
    }
    render(title, &blocks)
}
