//! Roles and scopes (SPEC §1).

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::error::{FieldError, Problem};
use crate::registry::DroNumber;

mod capabilities;

pub use capabilities::Capability;

/// The roles of SPEC §1, with their API codes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Admin,
    UdiAdm,
    UdiRegion,
    Operator,
    Imdi,
    MunicipalityAdmin,
    Municipality,
}

impl Role {
    pub const ALL: [Role; 7] = [
        Role::Admin,
        Role::UdiAdm,
        Role::UdiRegion,
        Role::Operator,
        Role::Imdi,
        Role::MunicipalityAdmin,
        Role::Municipality,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::UdiAdm => "udi_adm",
            Role::UdiRegion => "udi_region",
            Role::Operator => "operator",
            Role::Imdi => "imdi",
            Role::MunicipalityAdmin => "municipality_admin",
            Role::Municipality => "municipality",
        }
    }

    /// Which scope value the role needs (SPEC §1).
    pub fn scope_kind(self) -> ScopeKind {
        match self {
            Role::Admin | Role::UdiAdm | Role::Imdi => ScopeKind::National,
            Role::UdiRegion => ScopeKind::Region,
            Role::Operator => ScopeKind::Operator,
            Role::MunicipalityAdmin | Role::Municipality => ScopeKind::Municipality,
        }
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown role: {0}")]
pub struct UnknownRole(pub String);

impl FromStr for Role {
    type Err = UnknownRole;
    fn from_str(text: &str) -> Result<Role, UnknownRole> {
        Role::ALL
            .into_iter()
            .find(|role| role.code() == text)
            .ok_or_else(|| UnknownRole(text.to_owned()))
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScopeKind {
    National,
    Region,
    Operator,
    Municipality,
}

/// UDI's regional units (SPEC §2).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Region {
    #[serde(rename = "ØST")]
    Ost,
    #[serde(rename = "SØR")]
    Sor,
    #[serde(rename = "IØST")]
    IndreOst,
    #[serde(rename = "NORD")]
    Nord,
    #[serde(rename = "VEST")]
    Vest,
    #[serde(rename = "MIDT")]
    Midt,
}

impl Region {
    pub const ALL: [Region; 6] = [
        Region::Ost,
        Region::Sor,
        Region::IndreOst,
        Region::Nord,
        Region::Vest,
        Region::Midt,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Region::Ost => "ØST",
            Region::Sor => "SØR",
            Region::IndreOst => "IØST",
            Region::Nord => "NORD",
            Region::Vest => "VEST",
            Region::Midt => "MIDT",
        }
    }
}

impl FromStr for Region {
    type Err = ();
    fn from_str(text: &str) -> Result<Region, ()> {
        let upper = text.trim().to_uppercase();
        Region::ALL
            .into_iter()
            .find(|region| region.code() == upper)
            .ok_or(())
    }
}

/// Permissions a municipality_admin grants a caseworker (R-AUTH-4).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MunicipalPermission {
    /// Offers and decisions (tilbud og vedtak).
    OffersAndDecisions,
    /// Person folders including health needs (personmapper).
    PersonFolders,
    /// Reports only.
    Reports,
}

impl MunicipalPermission {
    pub const ALL: [MunicipalPermission; 3] = [
        MunicipalPermission::OffersAndDecisions,
        MunicipalPermission::PersonFolders,
        MunicipalPermission::Reports,
    ];

    pub fn code(self) -> &'static str {
        match self {
            MunicipalPermission::OffersAndDecisions => "offers_and_decisions",
            MunicipalPermission::PersonFolders => "person_folders",
            MunicipalPermission::Reports => "reports",
        }
    }

    /// The short code of the command line (SPEC §10: `--permissions offers,folders,reports`).
    pub fn short_code(self) -> &'static str {
        match self {
            MunicipalPermission::OffersAndDecisions => "offers",
            MunicipalPermission::PersonFolders => "folders",
            MunicipalPermission::Reports => "reports",
        }
    }

    /// Parses the command line's list of short (or stored) codes; an unknown code is an error
    /// naming it.
    pub fn parse_short_list(text: &str) -> Result<Vec<MunicipalPermission>, String> {
        let mut permissions = Vec::new();
        for code in text
            .split(',')
            .map(str::trim)
            .filter(|code| !code.is_empty())
        {
            let permission = MunicipalPermission::ALL
                .into_iter()
                .find(|permission| permission.short_code() == code || permission.code() == code)
                .ok_or_else(|| code.to_owned())?;
            if !permissions.contains(&permission) {
                permissions.push(permission);
            }
        }
        Ok(permissions)
    }

    /// Parses a stored comma-separated list, ignoring unknown codes.
    pub fn parse_list(text: &str) -> Vec<MunicipalPermission> {
        MunicipalPermission::ALL
            .into_iter()
            .filter(|permission| text.split(',').any(|code| code.trim() == permission.code()))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_codes_round_trip() {
        for role in Role::ALL {
            assert_eq!(role.code().parse::<Role>(), Ok(role));
        }
        assert!("root".parse::<Role>().is_err());
    }

    #[test]
    fn r_auth_4_the_command_line_names_permissions_by_short_codes() {
        assert_eq!(
            MunicipalPermission::parse_short_list("offers, reports"),
            Ok(vec![
                MunicipalPermission::OffersAndDecisions,
                MunicipalPermission::Reports
            ])
        );
        assert_eq!(
            MunicipalPermission::parse_short_list("folders,person_folders"),
            Ok(vec![MunicipalPermission::PersonFolders])
        );
        assert_eq!(
            MunicipalPermission::parse_short_list("offers,health"),
            Err("health".to_owned())
        );
    }

    #[test]
    fn regions_parse_case_insensitively() {
        assert_eq!("iøst".parse::<Region>(), Ok(Region::IndreOst));
        assert!("NORTH".parse::<Region>().is_err());
    }
}

/// A new account's identity and scope, validated (SPEC §1).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AccountScope {
    pub role: Role,
    pub region: Option<Region>,
    pub operator_dro: Option<DroNumber>,
    pub municipality_number: Option<String>,
    pub permissions: Vec<MunicipalPermission>,
}

/// Checks a username: 3–64 characters of `a–z 0–9 . _ -` (lower case), starting with a letter.
pub fn validate_username(username: &str) -> Result<String, crate::error::FieldError> {
    let username = username.trim().to_lowercase();
    let valid_characters = username
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '_' | '-'));
    let starts_with_letter = username
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_lowercase());
    if !(3..=64).contains(&username.len()) || !valid_characters || !starts_with_letter {
        return Err(FieldError::coded("username", Problem::Username));
    }
    Ok(username)
}

/// The longest display name of an account (as the registry's free texts).
pub const DISPLAY_NAME_MAX: usize = 200;

/// A display name, trimmed; empty means "the username" (the caller's choice), longer than
/// [`DISPLAY_NAME_MAX`] characters is refused.
pub fn validate_display_name(name: &str) -> Result<String, crate::error::FieldError> {
    let name = name.trim();
    if name.chars().count() > DISPLAY_NAME_MAX {
        return Err(FieldError::coded(
            "display_name",
            Problem::TooLong {
                max: DISPLAY_NAME_MAX,
            },
        ));
    }
    Ok(name.to_owned())
}

/// Each role gets exactly the scope it needs: a region for a regional unit, a DRO number for an
/// operator, a municipality number for municipal roles, nothing for national roles. Values
/// belonging to other scopes are dropped, so a stale form field cannot widen access.
pub fn validate_scope(
    role: &str,
    region: Option<&str>,
    operator_dro: Option<&str>,
    municipality_number: Option<&str>,
    permissions: &[MunicipalPermission],
) -> Result<AccountScope, crate::error::FieldError> {
    let role: Role = role
        .parse()
        .map_err(|_| FieldError::coded("role", Problem::UnknownRole))?;
    fn present(value: Option<&str>) -> Option<&str> {
        value.map(str::trim).filter(|value| !value.is_empty())
    }
    let mut scope = AccountScope {
        role,
        region: None,
        operator_dro: None,
        municipality_number: None,
        permissions: Vec::new(),
    };
    match role.scope_kind() {
        ScopeKind::National => {}
        ScopeKind::Region => {
            let region = present(region)
                .ok_or_else(|| FieldError::coded("region", Problem::RegionNeeded))?;
            scope.region = Some(
                region
                    .parse()
                    .map_err(|_| FieldError::coded("region", Problem::Region))?,
            );
        }
        ScopeKind::Operator => {
            let dro = present(operator_dro)
                .ok_or_else(|| FieldError::coded("operator", Problem::OperatorDroNeeded))?;
            // Typed, so that scope checks compare numbers, never spellings (R-REG-3).
            let dro = DroNumber::parse(dro).map_err(|error| error.at("operator"))?;
            scope.operator_dro = Some(dro);
        }
        ScopeKind::Municipality => {
            let number = present(municipality_number)
                .ok_or_else(|| FieldError::coded("municipality", Problem::MunicipalityNeeded))?;
            if number.len() != 4 || !number.chars().all(|c| c.is_ascii_digit()) {
                return Err(FieldError::coded(
                    "municipality",
                    Problem::MunicipalityFourDigits,
                ));
            }
            scope.municipality_number = Some(number.to_owned());
            if role == Role::Municipality {
                scope.permissions = permissions.to_vec();
            }
        }
    }
    Ok(scope)
}

/// Who may create, disable and re-role whose account (R-AUTH-4): an admin anyone; IMDi the
/// municipalities' administrative users; a municipality's admin the caseworkers of that
/// municipality only.
pub fn may_manage_account(
    manager_role: Role,
    manager_municipality: Option<&str>,
    target_role: Role,
    target_municipality: Option<&str>,
) -> bool {
    match manager_role {
        Role::Admin => true,
        Role::Imdi => target_role == Role::MunicipalityAdmin,
        Role::MunicipalityAdmin => {
            target_role == Role::Municipality
                && manager_municipality.is_some()
                && manager_municipality == target_municipality
        }
        _ => false,
    }
}

/// The roles a manager may hand out (R-AUTH-4), for the forms' choices; the same remit as
/// [`may_manage_account`].
pub fn assignable_roles(manager: Role) -> Vec<Role> {
    // Within the manager's own municipality, whatever it is.
    let own = Some("own");
    Role::ALL
        .into_iter()
        .filter(|role| may_manage_account(manager, own, *role, own))
        .collect()
}

#[cfg(test)]
mod account_tests;
