//! Place types (plasstyper, SPEC §3) with the API codes of SPEC §10: one per centre number
//! (R-REG-2), the queue key of agreements and claims (R-AGR-11).

use serde::Serialize;

/// Place type (plasstype), with the API codes of SPEC §10.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum PlaceType {
    #[serde(rename = "ordinary")]
    Ordinary,
    #[serde(rename = "transit")]
    Transit,
    #[serde(rename = "youth_over_15")]
    YouthOver15,
    #[serde(rename = "youth_under_15")]
    YouthUnder15,
    #[serde(rename = "transit_48h")]
    Transit48h,
    #[serde(rename = "departure")]
    Departure,
    #[serde(rename = "reinforced")]
    Reinforced,
    #[serde(rename = "other")]
    Other,
    #[serde(rename = "emergency")]
    Emergency,
}

impl PlaceType {
    pub const ALL: [PlaceType; 9] = [
        PlaceType::Ordinary,
        PlaceType::Transit,
        PlaceType::YouthOver15,
        PlaceType::YouthUnder15,
        PlaceType::Transit48h,
        PlaceType::Departure,
        PlaceType::Reinforced,
        PlaceType::Other,
        PlaceType::Emergency,
    ];

    pub fn code(self) -> &'static str {
        match self {
            PlaceType::Ordinary => "ordinary",
            PlaceType::Transit => "transit",
            PlaceType::YouthOver15 => "youth_over_15",
            PlaceType::YouthUnder15 => "youth_under_15",
            PlaceType::Transit48h => "transit_48h",
            PlaceType::Departure => "departure",
            PlaceType::Reinforced => "reinforced",
            PlaceType::Other => "other",
            PlaceType::Emergency => "emergency",
        }
    }

    pub fn from_code(code: &str) -> Option<PlaceType> {
        PlaceType::ALL
            .into_iter()
            .find(|place_type| place_type.code() == code)
    }
}
