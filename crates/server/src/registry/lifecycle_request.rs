//! What a lifecycle operation (R-REG-2) is asked as, and what it answers.

use mottak_domain::error::{FieldError, Problem};
use mottak_domain::registry::{Category, LifecycleOperation, parse_place_type};
use mottak_store::registry::CentreRecord;
use serde::{Deserialize, Serialize};

use super::optional;
use mottak_domain::registry::Warning;

/// A lifecycle operation as the API and the confirmation form give it.
#[derive(Clone, Debug, Default, Deserialize, utoipa::ToSchema)]
pub struct LifecycleRequest {
    /// `add_place_type`, `change_place_type`, `change_category`, `change_operator`, `rename`,
    /// `reopen` or `close`.
    pub operation: String,
    pub place_type: Option<String>,
    pub category: Option<String>,
    /// The new operator (change of operator).
    pub operator_id: Option<i64>,
    /// The new name (rename; change of operator, where the name must change too).
    pub new_name: Option<String>,
    /// The series of the new number, given only when a change of category leaves series 35
    /// (special care); any other operation keeps the series, and giving one is 400.
    pub series: Option<String>,
    /// The version of the centre read (not needed for a preview).
    #[serde(default)]
    pub version: i64,
}

/// What an operation will do or did.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct LifecycleOutcome {
    pub operation: String,
    pub centre_id: i64,
    pub number: String,
    /// The centre created with a new number, when the operation gives one.
    pub new_centre_id: Option<i64>,
    pub new_number: Option<String>,
    pub new_name: String,
    /// What else the rule requires, in Norwegian and English.
    pub consequences_nb: Vec<String>,
    pub consequences_en: Vec<String>,
    /// Rules broken in a way that is allowed but worth a look, as for a new centre (R-REG-5,
    /// the series of §2, category × place type, R-REG-1's region).
    #[schema(value_type = Vec<String>)]
    pub warnings: Vec<Warning>,
}

pub(super) fn parse_operation(
    centre: &CentreRecord,
    request: &LifecycleRequest,
) -> Result<LifecycleOperation, FieldError> {
    let new_name = || {
        optional(&request.new_name).ok_or_else(|| FieldError::coded("new_name", Problem::Required))
    };
    Ok(match request.operation.as_str() {
        "add_place_type" | "change_place_type" => {
            let code = optional(&request.place_type)
                .ok_or_else(|| FieldError::coded("place_type", Problem::Required))?;
            let place_type = parse_place_type("place_type", &code)?;
            if request.operation == "add_place_type" {
                LifecycleOperation::AddPlaceType(place_type)
            } else {
                LifecycleOperation::ChangePlaceType(place_type)
            }
        }
        "change_category" => {
            let code = optional(&request.category)
                .ok_or_else(|| FieldError::coded("category", Problem::Required))?;
            LifecycleOperation::ChangeCategory(Category::parse(&code)?)
        }
        "change_operator" => {
            if request
                .operator_id
                .is_none_or(|id| id == centre.operator_id)
            {
                return Err(FieldError::coded("operator_id", Problem::ChooseNewOperator));
            }
            LifecycleOperation::ChangeOperator {
                new_name: new_name()?,
            }
        }
        "rename" => LifecycleOperation::Rename {
            new_name: new_name()?,
        },
        "reopen" => LifecycleOperation::Reopen,
        "close" => LifecycleOperation::Close,
        _ => return Err(FieldError::coded("operation", Problem::UnknownOperation)),
    })
}
