//! Text as users type it into forms and API members: surrounding spaces are not part of a value,
//! and a field left blank is absent.

/// Trimmed, or `None` when nothing but spaces is left.
pub fn non_blank(text: &str) -> Option<String> {
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_text_is_absent_and_the_rest_is_trimmed() {
        assert_eq!(non_blank("  \t "), None);
        assert_eq!(non_blank(""), None);
        assert_eq!(
            non_blank("  Kari Nordmann "),
            Some("Kari Nordmann".to_owned())
        );
    }
}
