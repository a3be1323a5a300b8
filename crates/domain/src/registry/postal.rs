//! Postal places beside their codes, and a postal code that lies in another municipality
//! (issue 17 items 5 and 6).
//!
//! The postal-code register mottak ships (§2) gives each code its place, not its municipality.
//! Where the place bears a municipality's name (0010 OSLO, 5003 BERGEN), the code is taken to
//! lie in that municipality; a centre whose postal code's place is another municipality's name
//! gets a *warning*: it is saved, since a postal address may lie across a border. A place that is
//! no municipality's name (5300 KLEPPESTØ) gives no warning, and neither does a name two
//! municipalities share (Herøy, Våler) when one of them is the centre's.

/// The register's place (`BØ I TELEMARK`) as a reader writes it (`Bø i Telemark`): each word
/// capitalised, the small words `i`, `og`, `på` lower case after the first, parts joined by a
/// hyphen each capitalised (`MO I RANA`, `ØVRE ÅRDAL`, `STEINKJER-SKOGN`).
pub fn place_name(place: &str) -> String {
    place
        .split_whitespace()
        .enumerate()
        .map(|(index, word)| {
            let lower = word.to_lowercase();
            if index > 0 && matches!(lower.as_str(), "i" | "og" | "på") {
                lower
            } else {
                lower
                    .split('-')
                    .map(capitalised)
                    .collect::<Vec<_>>()
                    .join("-")
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A centre's postal code whose place is another municipality's name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PostalElsewhere {
    pub postal_code: String,
    /// The place as [`place_name`] writes it.
    pub place: String,
    /// The centre's municipality.
    pub municipality_number: String,
    pub municipality_name: String,
    /// The municipality the place is named after.
    pub other_number: String,
    pub other_name: String,
}

impl PostalElsewhere {
    /// The warning in English, as the API gives warnings.
    pub fn english(&self) -> String {
        format!(
            "Postal code {} ({}) lies in {} {}, not in the centre's municipality {} {}.",
            self.postal_code,
            self.place,
            self.other_number,
            self.other_name,
            self.municipality_number,
            self.municipality_name
        )
    }
}

/// The warning for a centre in `municipality` (number, name) with `postal_code` at `place`,
/// judged against `municipalities` (number, name) valid on the day; `None` when the place is no
/// municipality's name, or the name of the centre's own.
pub fn postal_code_elsewhere(
    postal_code: &str,
    place: &str,
    municipality: (&str, &str),
    municipalities: &[(String, String)],
) -> Option<PostalElsewhere> {
    let place_key = place.trim().to_lowercase();
    let named: Vec<&(String, String)> = municipalities
        .iter()
        .filter(|(_, name)| name.trim().to_lowercase() == place_key)
        .collect();
    if named.iter().any(|(number, _)| number == municipality.0) {
        return None;
    }
    let (other_number, other_name) = named.first()?;
    Some(PostalElsewhere {
        postal_code: postal_code.to_owned(),
        place: place_name(place),
        municipality_number: municipality.0.to_owned(),
        municipality_name: municipality.1.to_owned(),
        other_number: other_number.clone(),
        other_name: other_name.clone(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn municipalities() -> Vec<(String, String)> {
        [
            ("0301", "Oslo"),
            ("4601", "Bergen"),
            ("4627", "Askøy"),
            ("1515", "Herøy"),
            ("1818", "Herøy"),
        ]
        .into_iter()
        .map(|(number, name)| (number.to_owned(), name.to_owned()))
        .collect()
    }

    #[test]
    fn postal_place_is_written_as_a_reader_writes_it() {
        assert_eq!(place_name("OSLO"), "Oslo");
        assert_eq!(place_name("BØ I TELEMARK"), "Bø i Telemark");
        assert_eq!(place_name("MO I RANA"), "Mo i Rana");
        assert_eq!(place_name("ØVRE ÅRDAL"), "Øvre Årdal");
        assert_eq!(place_name("STEINKJER-SKOGN"), "Steinkjer-Skogn");
    }

    #[test]
    fn postal_code_of_oslo_on_a_bergen_centre_is_a_warning_naming_both() {
        let warning =
            postal_code_elsewhere("0010", "OSLO", ("4601", "Bergen"), &municipalities()).unwrap();
        assert_eq!(warning.other_number, "0301");
        assert_eq!(warning.other_name, "Oslo");
        assert_eq!(
            warning.english(),
            "Postal code 0010 (Oslo) lies in 0301 Oslo, not in the centre's municipality 4601 Bergen."
        );
    }

    #[test]
    fn postal_code_in_the_centres_own_municipality_is_no_warning() {
        let all = municipalities();
        assert_eq!(
            postal_code_elsewhere("5003", "BERGEN", ("4601", "Bergen"), &all),
            None
        );
        // A place that is no municipality's name says nothing either way.
        assert_eq!(
            postal_code_elsewhere("5300", "KLEPPESTØ", ("4627", "Askøy"), &all),
            None
        );
        // Two municipalities share the name; the centre's is one of them.
        assert_eq!(
            postal_code_elsewhere("6090", "HERØY", ("1818", "Herøy"), &all),
            None
        );
    }
}
