//! A centre's name, e-mail, series and place type: R-REG-1, R-REG-5, R-REG-7, SPEC §2.

pub use super::category::Category;
use super::numbers::Series;
use super::warning::Warning;
use crate::access::Region;
use crate::error::{FieldError, Problem};
use crate::place_types::PlaceType;

/// A place type from its API code, or an error naming `field`.
pub fn parse_place_type(field: &str, code: &str) -> Result<PlaceType, FieldError> {
    let code = code.trim();
    PlaceType::from_code(code).ok_or_else(|| {
        let codes: Vec<&str> = PlaceType::ALL.iter().map(|place| place.code()).collect();
        FieldError::coded(
            field,
            Problem::UnknownPlaceType {
                code: code.to_owned(),
                codes: codes.join(", "),
            },
        )
    })
}

/// The suffixes R-REG-5 allows after "asylmottak"; "EM transitt" is seed 001's name for a transit
/// centre for unaccompanied minors.
pub const NAME_SUFFIXES: [&str; 5] = ["EM", "transitt", "FA", "akutt", "EM transitt"];

/// Centre names longer than this get a warning: seed 000 says "holdes kort".
pub const LONG_NAME: usize = 50;

/// The suffix a centre of this category and place type should carry: FA (forsterket avdeling)
/// for reinforced places, "EM transitt" for youth places at a transit centre.
pub fn expected_name_suffix(category: Category, place_type: PlaceType) -> Option<&'static str> {
    match (category, place_type) {
        (Category::Ordinary, PlaceType::Reinforced) => Some("FA"),
        (Category::Transit, PlaceType::YouthOver15) => Some("EM transitt"),
        _ => category.name_suffix(),
    }
}

/// R-REG-5: "<name> asylmottak", optionally followed by the suffix of the category and place
/// type. Warnings only: a name that breaks the convention is still accepted.
pub fn name_warnings(name: &str, category: Category, place_type: PlaceType) -> Vec<Warning> {
    let words: Vec<&str> = name.split_whitespace().collect();
    let mut warnings = Vec::new();
    if words.is_empty() {
        return vec![Warning::NoName];
    }
    let length = words.join(" ").chars().count();
    if length > LONG_NAME {
        warnings.push(Warning::NameLong { length });
    }
    let Some(position) = words
        .iter()
        .rposition(|word| word.eq_ignore_ascii_case("asylmottak"))
    else {
        warnings.push(Warning::NameWithoutAsylmottak);
        return warnings;
    };
    if position == 0 {
        warnings.push(Warning::NameStartsWithAsylmottak);
    }
    let suffix = words[position + 1..].join(" ");
    let expected = expected_name_suffix(category, place_type);
    let known = NAME_SUFFIXES
        .iter()
        .any(|allowed| allowed.eq_ignore_ascii_case(&suffix));
    if !suffix.is_empty() && !known {
        warnings.push(Warning::NameUnknownSuffix { suffix });
    } else if !expected.unwrap_or("").eq_ignore_ascii_case(&suffix) {
        warnings.push(match expected {
            None => Warning::NameNoSuffixExpected {
                category,
                place_type,
            },
            Some(expected) => Warning::NameSuffixExpected {
                category,
                place_type,
                expected,
            },
        });
    }
    warnings
}

/// A plausible e-mail address: one `@`, a local part, a domain with a dot, no spaces.
pub fn check_email(field: &str, email: &str) -> Result<(), FieldError> {
    let email = email.trim();
    let invalid = || {
        let email = email.to_owned();
        FieldError::coded(field, Problem::NotEmail { email })
    };
    let (local, domain) = email.split_once('@').ok_or_else(invalid)?;
    let domain_ok = domain.contains('.')
        && domain.split('.').all(|label| {
            !label.is_empty() && label.chars().all(|c| c.is_alphanumeric() || c == '-')
        });
    if local.is_empty()
        || local.len() > 64
        || email.len() > 254
        || email.chars().any(char::is_whitespace)
        || !domain_ok
    {
        return Err(invalid());
    }
    Ok(())
}

/// R-REG-7: the centre's public e-mail is not its internal Asylmottak.no mailbox.
pub fn check_centre_email(email: &str) -> Result<(), FieldError> {
    check_email("email", email)?;
    let domain = email.trim().rsplit('@').next().unwrap_or("").to_lowercase();
    if domain == "asylmottak.no" || domain.ends_with(".asylmottak.no") {
        return Err(FieldError::coded("email", Problem::InternalMailbox));
    }
    Ok(())
}

/// R-REG-1 and SPEC §2: series 35 is used exactly for special care institutions (an error either
/// way); any other series should be one of the municipality's pre-2020 counties (`old_counties`,
/// two-digit codes), else a warning. An empty `old_counties` means the mapping is not known for
/// the municipality: that is a warning too, so a missing import of the mapping is noticed.
pub fn series_warnings(
    series: &Series,
    category: Category,
    old_counties: &[String],
) -> Result<Vec<Warning>, FieldError> {
    match (series.is_special_care(), category == Category::SpecialCare) {
        (true, false) => {
            return Err(FieldError::coded(
                "series",
                Problem::Series35OnlySpecialCare,
            ));
        }
        (false, true) => {
            return Err(FieldError::coded(
                "series",
                Problem::SpecialCareSeries35 {
                    series: series.as_str().to_owned(),
                },
            ));
        }
        (true, true) => return Ok(Vec::new()),
        (false, false) => {}
    }
    if old_counties.is_empty() {
        return Ok(vec![Warning::OldCountyUnknown {
            series: series.as_str().to_owned(),
        }]);
    }
    if old_counties
        .iter()
        .any(|county| county.trim() == series.as_str())
    {
        return Ok(Vec::new());
    }
    Ok(vec![Warning::NotOldCounty {
        series: series.as_str().to_owned(),
        counties: old_counties.to_vec(),
    }])
}

/// SPEC §2: a combination outside the category × place type table gets a warning, since the
/// statistics depend on it. See [`Category::allowed_place_types`].
pub fn place_type_warnings(category: Category, place_type: PlaceType) -> Vec<Warning> {
    let allowed = category.allowed_place_types();
    if allowed.contains(&place_type) {
        return Vec::new();
    }
    vec![Warning::UnusualPlaceType {
        category,
        place_type,
        allowed: allowed.to_vec(),
    }]
}

/// The text with its first letter in upper case.
pub(super) fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// R-REG-1: the responsible region of a centre. A county series gives its region (`series_region`,
/// from the number-series reference data) and a region given besides it is ignored with a
/// warning; series 35 has no county, so the region must be given.
pub fn centre_region(
    series: &Series,
    series_region: Option<Region>,
    given: Option<Region>,
) -> Result<(Region, Option<Warning>), FieldError> {
    match (series_region, given) {
        (Some(region), Some(given)) if given != region => Ok((
            region,
            Some(Warning::RegionFollowsSeries {
                series: series.as_str().to_owned(),
                region,
            }),
        )),
        (Some(region), _) => Ok((region, None)),
        (None, Some(given)) => Ok((given, None)),
        (None, None) => Err(FieldError::coded(
            "region",
            Problem::SeriesWithoutCounty {
                series: series.as_str().to_owned(),
            },
        )),
    }
}

/// §2: the region a series' county gives (none for series 35), or an error naming `series` when
/// the series is not in the number-series table (`table`: each series with its region).
pub fn series_region(
    table: &[(Series, Option<Region>)],
    series: &Series,
) -> Result<Option<Region>, FieldError> {
    table
        .iter()
        .find(|(known, _)| known == series)
        .map(|(_, region)| *region)
        .ok_or_else(|| FieldError::coded("series", Problem::NotASeries))
}

/// A new centre number as R-REG-1, R-REG-5 and §2 judge it, whether it is a new centre or the
/// successor of a lifecycle operation (R-REG-2).
#[derive(Clone, Copy, Debug)]
pub struct NewNumber<'a> {
    pub name: &'a str,
    pub category: Category,
    pub place_type: PlaceType,
    pub series: &'a Series,
    /// From [`series_region`].
    pub series_region: Option<Region>,
    /// The region named by the caller: needed for series 35, ignored with a warning otherwise.
    pub given_region: Option<Region>,
    /// The pre-2020 counties of the centre's municipality.
    pub old_counties: &'a [String],
}

/// The responsible region of a new number and the warnings it gets: the name (R-REG-5), the
/// series against the old county (§2), the category × place type table, a region given in vain.
/// Series 35 for anything but special care (or the reverse) is an error, as is series 35
/// without a region.
pub fn check_new_number(new: &NewNumber<'_>) -> Result<(Region, Vec<Warning>), FieldError> {
    let mut warnings = name_warnings(new.name, new.category, new.place_type);
    warnings.extend(series_warnings(new.series, new.category, new.old_counties)?);
    warnings.extend(place_type_warnings(new.category, new.place_type));
    let (region, region_warning) = centre_region(new.series, new.series_region, new.given_region)?;
    warnings.extend(region_warning);
    Ok((region, warnings))
}
