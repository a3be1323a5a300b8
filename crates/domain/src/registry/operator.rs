//! A new or changed operator as one decision (R-REG-3, R-REG-4): the registration, or every
//! invalid field at once.

use super::identifiers::{OrganisationNumber, PostalCode};
use super::numbers::DroNumber;
use super::registration::RegistrySnapshot;
use crate::error::{FieldError, FieldErrors, Problem};

/// An operator as typed: texts trimmed, an empty optional text absent.
#[derive(Clone, Debug, Default)]
pub struct OperatorDraft {
    pub name: String,
    pub organisation_number: String,
    pub postal_code: Option<String>,
    /// Only when registering an existing operator; never on a change.
    pub dro_number: Option<String>,
}

/// An operator that passed every rule; a new one's DRO number is allocated when written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OperatorRegistration {
    pub name: String,
    pub organisation_number: OrganisationNumber,
    pub postal_code: Option<PostalCode>,
    pub given_dro: Option<DroNumber>,
}

/// Every rule an operator must pass, against `snapshot` (its postal codes): name, organisation
/// number (R-REG-4), postal code in the list, the DRO number given (R-REG-3), in that order.
pub fn register_operator(
    draft: &OperatorDraft,
    snapshot: &RegistrySnapshot,
) -> Result<OperatorRegistration, Vec<FieldError>> {
    let mut errors = FieldErrors::default();
    let name = draft.name.trim();
    if name.is_empty() {
        errors.push(FieldError::coded("name", Problem::OperatorNameMissing));
    }
    let organisation_number = errors.check(OrganisationNumber::parse(&draft.organisation_number));
    let postal_code = draft.postal_code.as_deref().map(|text| {
        let code = errors.check(PostalCode::parse(text))?;
        if !snapshot.postal_codes.contains(code.as_str()) {
            errors.push(FieldError::coded("postal_code", Problem::PostalCodeUnknown));
            return None;
        }
        Some(code)
    });
    let given_dro = draft
        .dro_number
        .as_deref()
        .map(|text| errors.check(DroNumber::parse(text)));
    match (organisation_number, postal_code, given_dro) {
        (Some(organisation_number), postal_code, given_dro) if errors.is_empty() => {
            Ok(OperatorRegistration {
                name: name.to_owned(),
                organisation_number,
                postal_code: postal_code.flatten(),
                given_dro: given_dro.flatten(),
            })
        }
        _ => errors.into_result(|| unreachable!("an invalid part records its error")),
    }
}
