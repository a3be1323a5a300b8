//! The JSON shapes of `POST /api/v1/claims/simulate` for the OpenAPI description. The domain
//! crate knows nothing of utoipa, so these mirror its `ClaimRequest` and `ClaimResponse`; the
//! request mirror is also serialized, to show a form's request as JSON on the page.

use mottak_domain::claims;
use serde::Serialize;
use utoipa::ToSchema;

/// `{month, units, occupancy}`: one month of one centre's units, agreements and occupancy.
#[derive(Serialize, ToSchema)]
pub struct ClaimRequest {
    /// `YYYY-MM`.
    #[schema(example = "2026-03")]
    pub month: String,
    pub units: Vec<UnitRequest>,
    /// Residents per date and place type; a day without an entry has none.
    #[schema(default = json!([]))]
    pub occupancy: Vec<OccupancyRequest>,
}

/// One place type of the centre (R-AGR-12) with every agreement that pays for it.
#[derive(Serialize, ToSchema)]
pub struct UnitRequest {
    /// `ordinary`, `transit`, `youth_over_15`, `youth_under_15`, `transit_48h`, `departure`,
    /// `reinforced`, `other` or `emergency`; one unit per place type.
    #[schema(example = "ordinary")]
    pub place_type: String,
    /// Meal tiers are allowed only with a canteen (R-AGR-8).
    pub canteen: bool,
    pub agreements: Vec<AgreementRequest>,
}

/// One agreement (R-AGR-1) as it applies to the unit. Intervals are half-open (R-AGR-3).
#[derive(Serialize, ToSchema)]
pub struct AgreementRequest {
    /// `H` (main), `T` (supplementary) or `A` (activation of standby places).
    #[schema(example = "H")]
    pub kind: String,
    /// `YYYY-MM-DD`, the first day in force.
    #[schema(format = Date)]
    pub valid_from: String,
    /// `YYYY-MM-DD`, exclusive: after `valid_from`.
    #[schema(format = Date)]
    pub valid_to: String,
    /// `YYYY-MM-DD`, exclusive; replaces `valid_to` as the end when set.
    #[schema(format = Date)]
    pub stop_date: Option<String>,
    /// Fixed places (faste plasser), filled first every day.
    #[schema(default = 0, minimum = 0)]
    pub fixed_places: i64,
    /// Fixed annual transfer for operation, øre per year (R-CLM-3).
    #[schema(default = 0, minimum = 0)]
    pub fixed_annual_operating: i64,
    /// Fixed annual transfer for rent, øre per year (R-CLM-3).
    #[schema(default = 0, minimum = 0)]
    pub fixed_annual_rent: i64,
    /// Place tiers; priorities are unique across all agreements of the unit (R-AGR-11).
    #[schema(default = json!([]))]
    pub unit_tiers: Vec<UnitTierRequest>,
    /// Meal tiers, a queue of their own (R-AGR-8).
    #[schema(default = json!([]))]
    pub meal_tiers: Vec<MealTierRequest>,
}

/// A place tier (R-AGR-7).
#[derive(Serialize, ToSchema)]
pub struct UnitTierRequest {
    #[schema(minimum = 1)]
    pub priority: i64,
    /// `unit_price`, `standby` (paid only while an `A` agreement is in force) or `converted`.
    #[schema(example = "unit_price")]
    pub kind: String,
    /// Places; 0 is the unbounded over-occupancy tier, which must be last by priority.
    #[schema(minimum = 0)]
    pub places: i64,
    /// Øre per place per day.
    #[schema(minimum = 0)]
    pub price: i64,
}

/// A meal tier (R-AGR-8).
#[derive(Serialize, ToSchema)]
pub struct MealTierRequest {
    #[schema(minimum = 1)]
    pub priority: i64,
    /// Persons; 0 is unbounded and must be last by priority.
    #[schema(minimum = 0)]
    pub persons: i64,
    /// Øre per person per day.
    #[schema(minimum = 0)]
    pub price: i64,
}

/// Residents of one place type on one day of the month.
#[derive(Serialize, ToSchema)]
pub struct OccupancyRequest {
    #[schema(format = Date)]
    pub date: String,
    pub place_type: String,
    #[schema(minimum = 0)]
    pub residents: i64,
}

/// What the month earns (R-CLM-1 to R-CLM-4).
#[derive(ToSchema)]
#[allow(dead_code)] // documentation only: the handler returns the domain's ClaimResponse
pub struct ClaimResponse {
    /// `YYYY-MM`.
    pub month: String,
    pub lines: Vec<ClaimLine>,
    /// The sum of the lines' amounts, øre.
    pub total: i64,
    /// By date; within a day by unit, residents before meals.
    pub warnings: Vec<ClaimWarning>,
}

/// One tier (place or meal) or one fixed transfer of one place type.
#[derive(ToSchema)]
#[allow(dead_code)]
pub struct ClaimLine {
    /// `fixed_operating`, `fixed_rent`, `unit_price`, `standby`, `converted` or `meals`.
    pub kind: String,
    pub place_type: String,
    /// The tier's priority; absent for fixed lines.
    pub priority: Option<u32>,
    /// Øre per place (or person) per day; for a fixed line the annual amount, øre per year.
    pub price: i64,
    /// Active days for a fixed line; days with a non-zero quantity for the others.
    pub days: u32,
    /// Place-days or person-days; absent for fixed lines.
    pub quantity: Option<u64>,
    /// Øre.
    pub amount: i64,
}

/// Residents or meals nobody pays for on one day; exactly one of the two counts is present.
#[derive(ToSchema)]
#[allow(dead_code)]
pub struct ClaimWarning {
    #[schema(format = Date)]
    pub date: String,
    pub place_type: String,
    /// Residents beyond every place and tier (R-CLM-1).
    pub unpaid_residents: Option<u32>,
    /// Persons beyond every meal tier (R-CLM-2).
    pub unpaid_meals: Option<u32>,
}

impl From<&claims::ClaimRequest> for ClaimRequest {
    fn from(request: &claims::ClaimRequest) -> ClaimRequest {
        ClaimRequest {
            month: request.month.clone(),
            units: request.units.iter().map(UnitRequest::from).collect(),
            occupancy: request
                .occupancy
                .iter()
                .map(|entry| OccupancyRequest {
                    date: entry.date.clone(),
                    place_type: entry.place_type.clone(),
                    residents: entry.residents,
                })
                .collect(),
        }
    }
}

impl From<&claims::UnitRequest> for UnitRequest {
    fn from(unit: &claims::UnitRequest) -> UnitRequest {
        UnitRequest {
            place_type: unit.place_type.clone(),
            canteen: unit.canteen,
            agreements: unit.agreements.iter().map(AgreementRequest::from).collect(),
        }
    }
}

impl From<&claims::AgreementRequest> for AgreementRequest {
    fn from(agreement: &claims::AgreementRequest) -> AgreementRequest {
        AgreementRequest {
            kind: agreement.kind.clone(),
            valid_from: agreement.valid_from.clone(),
            valid_to: agreement.valid_to.clone(),
            stop_date: agreement.stop_date.clone(),
            fixed_places: agreement.fixed_places,
            fixed_annual_operating: agreement.fixed_annual_operating,
            fixed_annual_rent: agreement.fixed_annual_rent,
            unit_tiers: agreement
                .unit_tiers
                .iter()
                .map(|tier| UnitTierRequest {
                    priority: tier.priority,
                    kind: tier.kind.clone(),
                    places: tier.places,
                    price: tier.price,
                })
                .collect(),
            meal_tiers: agreement
                .meal_tiers
                .iter()
                .map(|tier| MealTierRequest {
                    priority: tier.priority,
                    persons: tier.persons,
                    price: tier.price,
                })
                .collect(),
        }
    }
}
