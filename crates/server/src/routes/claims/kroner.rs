//! Amounts typed in kroner, Norwegian style (`1 234 567,89`, `kr 1.234,50`, `1 000,-`), into
//! exact øre: digits only, never a float (R-CLM-4). The rule is the paste boxes' one
//! (`mottak_domain::paste::kroner`).

/// Øre for a typed amount, or `None` when it is not an amount in kroner with at most two
/// decimals. A leading minus is kept, so that the claim rules can say what is wrong with it.
pub fn parse_kroner(text: &str) -> Option<i64> {
    mottak_domain::paste::kroner(text)
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
