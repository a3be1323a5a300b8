//! R-AGR-2: the name the system proposes for an agreement (seed 001 §4): the centre's name, the
//! marker (EM, transitt, EM transitt from the category; FA for reinforced places; IK for an
//! intermunicipal centre), then "tillegg" (T) or "opsjon N" (A), counted per centre.

use super::AgreementKind;
use crate::place_types::PlaceType;
use crate::registry::{Category, expected_name_suffix};

/// The marker of the category and place type: the suffix R-REG-5 expects in the centre's name,
/// except "akutt", which seed 001's naming table does not use for agreements.
pub fn category_marker(category: Category, place_type: PlaceType) -> Option<&'static str> {
    expected_name_suffix(category, place_type).filter(|suffix| *suffix != "akutt")
}

/// The proposed name. `earlier` is how many agreements of the same kind (T or A) the centre
/// already has, ended ones included: the first T is "tillegg", the second "tillegg 2"; A
/// agreements are "opsjon 1", "opsjon 2" ….
pub fn proposed_name(
    centre_name: &str,
    marker: Option<&str>,
    intermunicipal: bool,
    kind: AgreementKind,
    earlier: usize,
) -> String {
    let mut name = centre_name.trim().to_owned();
    for marker in marker.into_iter().chain(intermunicipal.then_some("IK")) {
        if !ends_with_words(&name, marker) {
            name.push(' ');
            name.push_str(marker);
        }
    }
    match kind {
        AgreementKind::Main => {}
        AgreementKind::Supplementary if earlier == 0 => name.push_str(" tillegg"),
        AgreementKind::Supplementary => name.push_str(&format!(" tillegg {}", earlier + 1)),
        AgreementKind::Activation => name.push_str(&format!(" opsjon {}", earlier + 1)),
    }
    name
}

/// Whether `name` ends with the words of `marker` (whole words, any case).
fn ends_with_words(name: &str, marker: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    let wanted: Vec<&str> = marker.split_whitespace().collect();
    words.len() >= wanted.len()
        && words[words.len() - wanted.len()..]
            .iter()
            .zip(&wanted)
            .all(|(word, marker)| word.eq_ignore_ascii_case(marker))
}

#[cfg(test)]
mod tests {
    use super::*;
    use AgreementKind::*;

    #[test]
    fn r_agr_2_main_agreement_is_the_centre_name_alone() {
        assert_eq!(
            proposed_name("Hvalstad asylmottak", None, false, Main, 0),
            "Hvalstad asylmottak"
        );
    }

    #[test]
    fn r_agr_2_options_are_numbered_from_one() {
        assert_eq!(
            proposed_name("Hvalstad asylmottak", None, false, Activation, 0),
            "Hvalstad asylmottak opsjon 1"
        );
        assert_eq!(
            proposed_name("Hvalstad asylmottak", None, false, Activation, 1),
            "Hvalstad asylmottak opsjon 2"
        );
    }

    #[test]
    fn r_agr_2_first_supplement_is_tillegg_then_numbered() {
        assert_eq!(
            proposed_name("Hvalstad asylmottak", None, false, Supplementary, 0),
            "Hvalstad asylmottak tillegg"
        );
        assert_eq!(
            proposed_name("Hvalstad asylmottak", None, false, Supplementary, 1),
            "Hvalstad asylmottak tillegg 2"
        );
        assert_eq!(
            proposed_name("Hvalstad asylmottak", None, false, Supplementary, 2),
            "Hvalstad asylmottak tillegg 3"
        );
    }

    #[test]
    fn r_agr_2_marker_is_not_repeated_when_the_name_ends_with_it() {
        let em = category_marker(Category::UnaccompaniedMinors, PlaceType::YouthOver15);
        assert_eq!(em, Some("EM"));
        assert_eq!(
            proposed_name("Lier asylmottak EM", em, false, Activation, 0),
            "Lier asylmottak EM opsjon 1"
        );
        let transit = category_marker(Category::Transit, PlaceType::YouthOver15);
        assert_eq!(
            proposed_name("Torshov asylmottak", transit, false, Supplementary, 0),
            "Torshov asylmottak EM transitt tillegg"
        );
    }

    #[test]
    fn r_agr_2_reinforced_unit_gets_fa_and_intermunicipal_gets_ik() {
        let fa = category_marker(Category::Ordinary, PlaceType::Reinforced);
        assert_eq!(
            proposed_name("Hvalstad asylmottak", fa, false, Main, 0),
            "Hvalstad asylmottak FA"
        );
        assert_eq!(
            proposed_name("Hvalstad asylmottak", None, true, Activation, 1),
            "Hvalstad asylmottak IK opsjon 2"
        );
        assert_eq!(
            category_marker(Category::Ordinary, PlaceType::Ordinary),
            None
        );
        assert_eq!(
            category_marker(Category::Emergency, PlaceType::Emergency),
            None
        );
    }
}
