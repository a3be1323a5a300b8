//! What people paste into mottak's tables and imports (issue 17 item 7), read by one rule.
//!
//! Cells copied from Excel (or LibreOffice, Google Sheets) arrive tab-separated; a CSV file is
//! `;`-separated with `"` quoting (SPEC §9). Either may start with a header row, and numbers come
//! Norwegian style: a decimal comma and spaces between thousands (`1 234,50`). Every paste box
//! and every import (tiers, meal tiers and occupancy of the claim simulation, the CPI table, the
//! entered occupancy counts, the centre and operator import, the settlement requests) reads its
//! text through [`rows`] (and [`body`] where the header is optional) and its numbers through
//! [`decimal`], [`kroner`] or [`whole_number`].

use crate::registry::csv::{self, Record};

/// The separator of pasted text: a tab when any line has one (cells copied from a
/// spreadsheet), otherwise `;`.
pub fn separator(text: &str) -> char {
    if text.contains('\t') { '\t' } else { ';' }
}

/// The rows of pasted text with their line numbers, cells trimmed; blank rows (`;;;` as
/// spreadsheets leave them) and comment rows (a first cell starting with `#`) are left out. In
/// tab-separated text a line without a tab is split on `;` (a row typed by hand below rows
/// pasted from a spreadsheet).
pub fn rows(text: &str) -> Vec<Record> {
    let separator = separator(text);
    csv::parse_with(text, separator)
        .into_iter()
        .map(|mut record| {
            if separator == '\t' && record.fields.len() == 1 && record.fields[0].contains(';') {
                record.fields = record.fields[0].split(';').map(str::to_owned).collect();
            }
            for cell in &mut record.fields {
                *cell = cell.trim().to_owned();
            }
            record
        })
        .filter(|record| !record.is_blank())
        .filter(|record| {
            !record
                .fields
                .first()
                .is_some_and(|cell| cell.starts_with('#'))
        })
        .collect()
}

/// Whether a row is a header: it has text, and no cell starts with a digit. Every row of data
/// mottak reads starts with a number, a date or a month, and a header names its columns in
/// words (`prioritet;type;plasser;pris`, `month;index`), in whatever language.
pub fn is_header(record: &Record) -> bool {
    record.fields.iter().any(|cell| !cell.trim().is_empty())
        && record.fields.iter().all(|cell| {
            !cell
                .trim_start()
                .starts_with(|c: char| c.is_ascii_digit() || c == '-' || c == '\u{2212}')
        })
}

/// The optional header (the first row, when [`is_header`]) and the rows of data after it.
pub fn body(text: &str) -> (Option<Record>, Vec<Record>) {
    let mut rows = rows(text);
    if rows.first().is_some_and(is_header) {
        let header = rows.remove(0);
        (Some(header), rows)
    } else {
        (None, rows)
    }
}

/// A number with at most `decimals` decimals, as a whole number of that scale (`1 234,5` with 2
/// decimals is 123 450). A comma is the decimal sign; without one, a single point followed by one
/// or two digits is (`1234.5`), and other points group thousands (`1.234.567`). Spaces, no-break
/// spaces and thin spaces between thousands are allowed; a leading minus (`-` or `−`) is kept so
/// the rules can say what is wrong with it. `None` for anything else, and for more decimals than
/// `decimals`.
pub fn decimal(text: &str, decimals: u32) -> Option<i64> {
    let text: String = text
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\t'))
        .collect();
    let (negative, text) = match text.strip_prefix(['-', '\u{2212}']) {
        Some(rest) => (true, rest),
        None => (false, text.as_str()),
    };
    let (whole, fraction) = split_decimals(text)?;
    let whole = ungroup(whole)?;
    if (whole.is_empty() && fraction.is_empty()) || fraction.len() > decimals as usize {
        return None;
    }
    let scale = 10_i64.checked_pow(decimals)?;
    let fraction_value = if fraction.is_empty() {
        0
    } else {
        digits(fraction)?.checked_mul(10_i64.checked_pow(decimals - fraction.len() as u32)?)?
    };
    let whole_value = if whole.is_empty() { 0 } else { digits(&whole)? };
    let value = whole_value
        .checked_mul(scale)?
        .checked_add(fraction_value)?;
    Some(if negative { -value } else { value })
}

/// Øre of an amount typed in kroner (`1 234 567,89`, `kr 1.234,50`, `1 000,-`): [`decimal`] with
/// two decimals, after an optional `kr` and before an optional `,-`.
pub fn kroner(text: &str) -> Option<i64> {
    let text: String = text
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\t'))
        .collect();
    let text = match text.get(..2) {
        Some(prefix) if prefix.eq_ignore_ascii_case("kr") => &text[2..],
        _ => text.as_str(),
    };
    let text = text.strip_suffix(",-").unwrap_or(text);
    decimal(text, 2)
}

/// A whole number (`1 234`, `-5`): [`decimal`] without decimals.
pub fn whole_number(text: &str) -> Option<i64> {
    decimal(text, 0)
}

/// `(whole, fraction)` by the decimal sign of [`decimal`].
fn split_decimals(text: &str) -> Option<(&str, &str)> {
    if let Some((whole, fraction)) = text.split_once(',') {
        return (!fraction.contains([',', '.'])).then_some((whole, fraction));
    }
    match text.rsplit_once('.') {
        Some((whole, fraction)) if (1..=2).contains(&fraction.len()) && !whole.contains('.') => {
            Some((whole, fraction))
        }
        _ => Some((text, "")),
    }
}

/// Removes thousands points (`1.234.567`); every group after the first has three digits.
fn ungroup(whole: &str) -> Option<String> {
    let mut groups = whole.split('.');
    let first = groups.next().unwrap_or("");
    let mut result = first.to_owned();
    for group in groups {
        if group.len() != 3 || first.is_empty() {
            return None;
        }
        result.push_str(group);
    }
    Some(result)
}

fn digits(text: &str) -> Option<i64> {
    if text.is_empty() || !text.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

#[cfg(test)]
mod tests;
