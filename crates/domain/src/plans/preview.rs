//! The request of `POST /api/v1/plans/preview` (SPEC §10) and its validation: a built-in
//! template computed for dates given in the request, nothing stored.

use chrono::NaiveDate;
use serde::Deserialize;

use super::builtin::{TEMPLATE_KEYS, builtin};
use super::engine::{Plan, plan};
use super::input::{Experience, Facts, PlanDates, PlanInput};
use super::template::{PhaseEnd, Template};
use crate::dates::parse_date;
use crate::error::{FieldError, FieldErrors, Problem};

/// `{template, signed, awarded?, operation_start, end, operator_experienced}`; dates
/// `YYYY-MM-DD`, `end` exclusive (R-AGR-3).
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PreviewRequest {
    /// `opening`, `closing`, `new_centre` or `emergency`.
    #[cfg_attr(
        feature = "openapi",
        schema(
            example = "emergency",
            pattern = "^(opening|closing|new_centre|emergency)$"
        )
    )]
    pub template: String,
    /// The day the agreement was signed.
    #[cfg_attr(feature = "openapi", schema(format = Date, example = "2026-01-05"))]
    pub signed: String,
    /// The day of award, when earlier than the signing; defaults to `signed`.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(format = Date))]
    pub awarded: Option<String>,
    #[cfg_attr(feature = "openapi", schema(format = Date, example = "2026-02-01"))]
    pub operation_start: String,
    /// The agreement's end, exclusive (the first day no longer in force); after
    /// `operation_start`.
    #[cfg_attr(feature = "openapi", schema(format = Date, example = "2027-02-01"))]
    pub end: String,
    /// Experienced operators get the shorter start-up and the start-up talk (SPEC §6).
    pub operator_experienced: bool,
    /// `new_centre` only: the region's choice of start-up length, 3–6 months (default 3 for an
    /// experienced operator, 6 for a new one).
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(minimum = 3, maximum = 6))]
    pub startup_months: Option<u32>,
    /// Whether the centre has the video-interview equipment (`closing.equipment`); absent,
    /// the item is shown.
    #[serde(default)]
    pub has_equipment: Option<bool>,
}

/// A validated preview: the template and what it is computed for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PreviewInput {
    pub template: Template,
    pub input: PlanInput,
    pub facts: Facts,
}

impl PreviewRequest {
    /// The template and dates, or every invalid field in the request's order.
    pub fn parse(&self) -> Result<PreviewInput, Vec<FieldError>> {
        let mut errors = FieldErrors::default();
        let template = builtin(self.template.trim());
        if template.is_none() {
            errors.push(FieldError::coded(
                "template",
                Problem::UnknownTemplate {
                    code: self.template.clone(),
                    codes: TEMPLATE_KEYS.join(", "),
                },
            ));
        }
        let mut date = |field: &str, text: &str| {
            errors.check(
                parse_date(text.trim()).ok_or_else(|| FieldError::coded(field, Problem::Date)),
            )
        };
        let signed = date("signed", &self.signed);
        let awarded = match &self.awarded {
            Some(text) => date("awarded", text).map(Some),
            None => Some(None),
        };
        let operation_start = date("operation_start", &self.operation_start);
        let end = date("end", &self.end);
        if let (Some(signed), Some(Some(awarded))) = (signed, awarded)
            && awarded > signed
        {
            errors.push(FieldError::coded("awarded", Problem::AwardedAfterSigned));
        }
        if let (Some(signed), Some(end)) = (signed, end)
            && signed >= end
        {
            errors.push(FieldError::coded("signed", Problem::SignedNotBeforeEnd));
        }
        if let (Some(start), Some(end)) = (operation_start, end)
            && end <= start
        {
            errors.push(FieldError::coded("end", Problem::EndNotAfterOperationStart));
        }
        if let (Some(months), Some(template)) = (self.startup_months, &template)
            && let Some((min, max)) = startup_range(template)
            && !(min..=max).contains(&months)
        {
            errors.push(FieldError::coded(
                "startup_months",
                Problem::Between {
                    min: i64::from(min),
                    max: i64::from(max),
                },
            ));
        }
        let experience = if self.operator_experienced {
            Experience::Experienced
        } else {
            Experience::New
        };
        errors.into_result(|| {
            let signed: NaiveDate = signed.expect("checked");
            PreviewInput {
                template: template.expect("checked"),
                input: PlanInput {
                    dates: PlanDates {
                        awarded: awarded.flatten().unwrap_or(signed),
                        signed,
                        operation_start: operation_start.expect("checked"),
                        end: end.expect("checked"),
                    },
                    experience,
                    startup_months: self.startup_months,
                },
                facts: Facts {
                    has_equipment: self.has_equipment,
                    ..Facts::default()
                },
            }
        })
    }
}

impl PreviewInput {
    /// The plan as it would start today: nothing done, nobody hired, no calls.
    pub fn plan(&self) -> Plan {
        plan(&self.template, &self.input, &self.facts)
    }
}

/// The start-up lengths a region may choose in `template`, when it has any.
fn startup_range(template: &Template) -> Option<(u32, u32)> {
    template
        .phases
        .as_ref()?
        .phases
        .iter()
        .find_map(|phase| match phase.ends {
            PhaseEnd::MonthsByExperience { min, max, .. } => Some((min, max)),
            PhaseEnd::At(_) => None,
        })
}
