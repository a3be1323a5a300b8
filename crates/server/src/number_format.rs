//! Numbers as the interface shows them, in Norwegian format: a decimal comma, a non-breaking
//! space between thousands, the minus sign `−` (`3,75`, `1 234,5`, `kr 1 234,56`). The API
//! keeps ISO/JSON numbers.

/// `12 345` with a non-breaking space between thousands.
pub fn grouped(number: u64) -> String {
    let digits = number.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * 2);
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            out.push('\u{a0}');
        }
        out.push(digit);
    }
    out
}

/// `value` with `places` decimals: `3,750`, `−0,5`, `1 234,00`. A value that rounds to zero
/// is shown without a sign (never `−0,000`).
pub fn decimal(value: f64, places: usize) -> String {
    if !value.is_finite() {
        return "–".to_owned();
    }
    let text = format!("{:.places$}", value.abs());
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let rounds_to_zero = text.chars().all(|c| c == '0' || c == '.');
    let sign = if value < 0.0 && !rounds_to_zero {
        "−"
    } else {
        ""
    };
    let whole = grouped(whole.parse().unwrap_or(0));
    if fraction.is_empty() {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole},{fraction}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_shown_in_norwegian_format() {
        assert_eq!(decimal(3.75, 2), "3,75");
        assert_eq!(decimal(3.75, 3), "3,750");
        assert_eq!(decimal(1234.5, 1), "1\u{a0}234,5");
        assert_eq!(decimal(0.0, 2), "0,00");
        assert_eq!(decimal(-0.0001, 3), "0,000", "no negative zero");
        assert_eq!(decimal(-2.5, 1), "−2,5");
        assert_eq!(decimal(1_000_000.0, 0), "1\u{a0}000\u{a0}000");
        assert_eq!(grouped(1234567), "1\u{a0}234\u{a0}567");
    }
}
