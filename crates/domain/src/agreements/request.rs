//! The body of `POST /api/v1/agreements` (SPEC §10) with raw primitives, as the API and the
//! form give it; [`super::draft`] validates it.

use serde::{Deserialize, Serialize};

/// `{kind, operator_id, name?, signed, …, units}`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AgreementInput {
    /// `H`, `T` or `A` (R-AGR-1).
    pub kind: String,
    pub operator_id: i64,
    /// Without a name, the name of R-AGR-2 is proposed and stored.
    #[serde(default)]
    pub name: Option<String>,
    #[cfg_attr(feature = "openapi", schema(format = Date))]
    pub signed: String,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(format = Date))]
    pub awarded: Option<String>,
    #[cfg_attr(feature = "openapi", schema(format = Date))]
    pub operation_start: String,
    #[cfg_attr(feature = "openapi", schema(format = Date))]
    pub valid_from: String,
    /// Exclusive (R-AGR-3).
    #[cfg_attr(feature = "openapi", schema(format = Date))]
    pub valid_to: String,
    /// Exclusive; replaces `valid_to` as the end.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(format = Date))]
    pub stop_date: Option<String>,
    pub notice_period_months: i64,
    #[serde(default)]
    pub extension_deadline_months: Option<i64>,
    #[serde(default)]
    pub intermunicipal: bool,
    #[serde(default)]
    pub remark: Option<String>,
    pub units: Vec<UnitInput>,
}

/// One unit: a centre of the operator, with its one place type.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct UnitInput {
    pub centre_id: i64,
    pub canteen: bool,
    #[serde(default)]
    pub fixed_places: i64,
    #[serde(default)]
    pub standby_places: i64,
    #[serde(default)]
    pub fixed_annual_operating: PriceInput,
    #[serde(default)]
    pub fixed_annual_rent: PriceInput,
    #[serde(default)]
    pub unit_tiers: Vec<TierInput>,
    #[serde(default)]
    pub meal_tiers: Vec<MealTierInput>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TierInput {
    pub priority: i64,
    /// `unit_price`, `standby` or `converted`.
    pub kind: String,
    /// 0: the over-occupancy tier, unbounded and last in its queue (R-AGR-7).
    pub places: i64,
    pub price: PriceInput,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MealTierInput {
    pub priority: i64,
    /// 0: unbounded, last in the meal queue (R-AGR-8).
    pub persons: i64,
    pub price: PriceInput,
}

/// A price as a number of øre, or with its terms (SPEC §10).
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(untagged)]
pub enum PriceInput {
    Amount(i64),
    Terms(PriceTermsInput),
}

impl Default for PriceInput {
    fn default() -> PriceInput {
        PriceInput::Amount(0)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct PriceTermsInput {
    pub amount: i64,
    #[serde(default)]
    pub regulation: Option<RegulationInput>,
    #[serde(default)]
    pub payment: Option<PaymentInput>,
}

/// R-AGR-9; absent members take the §10 defaults.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct RegulationInput {
    pub month: Option<i64>,
    pub percent: Option<i64>,
    pub base_date: Option<String>,
    pub lag_months: Option<i64>,
    pub first_date: Option<String>,
}

/// R-AGR-10; absent members take the §10 defaults.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct PaymentInput {
    pub in_advance: Option<bool>,
    /// `one_off`, `monthly`, `quarterly` or `yearly`.
    pub period: Option<String>,
    pub first_date: Option<String>,
}
