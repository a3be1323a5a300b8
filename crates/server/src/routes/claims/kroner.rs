//! Amounts typed in kroner, Norwegian style (`1 234 567,89`, `kr 1.234,50`, `1 000,-`), into
//! exact øre: digits only, never a float (R-CLM-4).

/// Øre for a typed amount, or `None` when it is not an amount in kroner with at most two
/// decimals. A leading minus is kept, so that the claim rules can say what is wrong with it.
pub fn parse_kroner(text: &str) -> Option<i64> {
    let mut text: String = text
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\t'))
        .collect();
    if text.to_lowercase().starts_with("kr") {
        text.drain(..2);
    }
    let (negative, text) = match text.strip_prefix(['-', '\u{2212}']) {
        Some(rest) => (true, rest),
        None => (false, text.as_str()),
    };
    let text = text.strip_suffix(",-").unwrap_or(text);
    let (whole, fraction) = split_decimals(text)?;
    let whole = ungroup(whole)?;
    if whole.is_empty() && fraction.is_empty() {
        return None;
    }
    let fraction_ore = match fraction.len() {
        0 => 0,
        1 => digits(fraction)? * 10,
        2 => digits(fraction)?,
        _ => return None, // parts of an øre
    };
    let whole_kroner = if whole.is_empty() { 0 } else { digits(&whole)? };
    let ore = whole_kroner.checked_mul(100)?.checked_add(fraction_ore)?;
    Some(if negative { -ore } else { ore })
}

/// `(whole, fraction)`: a comma is the decimal sign; without one, a single point followed by one
/// or two digits is (as in `1234.5`), and other points group thousands.
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
mod tests {
    use super::parse_kroner;

    #[test]
    fn norwegian_amounts_become_exact_ore() {
        assert_eq!(parse_kroner("1 234 567,89"), Some(123_456_789));
        assert_eq!(parse_kroner("1\u{a0}234,5"), Some(123_450));
        assert_eq!(parse_kroner("kr 1.234,50"), Some(123_450));
        assert_eq!(parse_kroner("1 000,-"), Some(100_000));
        assert_eq!(parse_kroner("101,03"), Some(10_103));
        assert_eq!(parse_kroner("1234.56"), Some(123_456));
        assert_eq!(parse_kroner("1.234.567"), Some(123_456_700));
        assert_eq!(parse_kroner("0"), Some(0));
        assert_eq!(parse_kroner(",50"), Some(50));
    }

    #[test]
    fn minus_is_kept_for_the_rules_to_refuse() {
        assert_eq!(parse_kroner("-12,00"), Some(-1_200));
        assert_eq!(parse_kroner("−5"), Some(-500));
    }

    #[test]
    fn not_amounts_are_refused() {
        for text in [
            "", "kr", "1,234", "12,3,4", "1.23.4", "abc", "1e5", "12 kr 3", "1,2.3",
        ] {
            assert_eq!(parse_kroner(text), None, "{text}");
        }
        assert_eq!(parse_kroner("99999999999999999999"), None);
    }
}
