//! Rules over the set of accounts, not one account alone (R-AUTH-4).

use crate::access::Role;

/// What R-AUTH-4 looks at in an account: its role, its municipality and whether it is enabled.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AccountStanding<'a> {
    pub role: Role,
    pub municipality_number: Option<&'a str>,
    pub enabled: bool,
}

impl<'a> AccountStanding<'a> {
    /// The municipality this account administers: set for an enabled municipality_admin.
    pub fn administered_municipality(&self) -> Option<&'a str> {
        if self.enabled && self.role == Role::MunicipalityAdmin {
            self.municipality_number
        } else {
            None
        }
    }
}

/// A change that would leave a municipality without an administrative user (R-AUTH-4).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error(
    "municipality {municipality} would have no enabled municipality_admin left (R-AUTH-4); \
     give another account that role first"
)]
pub struct LastMunicipalityAdmin {
    pub municipality: String,
}

/// R-AUTH-4: every municipality has at least one (enabled) municipality_admin. An account that
/// administers a municipality `before` a change may stop doing so — by a new role, a new
/// municipality or being disabled — only while `other_admins`, the municipality's other enabled
/// administrative users, are at least one.
pub fn keeps_a_municipality_admin(
    before: AccountStanding<'_>,
    after: AccountStanding<'_>,
    other_admins: u64,
) -> Result<(), LastMunicipalityAdmin> {
    match before.administered_municipality() {
        Some(municipality)
            if after.administered_municipality() != Some(municipality) && other_admins == 0 =>
        {
            Err(LastMunicipalityAdmin {
                municipality: municipality.to_owned(),
            })
        }
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn admin_of(municipality: &str) -> AccountStanding<'_> {
        AccountStanding {
            role: Role::MunicipalityAdmin,
            municipality_number: Some(municipality),
            enabled: true,
        }
    }

    fn last_admin(municipality: &str) -> Result<(), LastMunicipalityAdmin> {
        Err(LastMunicipalityAdmin {
            municipality: municipality.to_owned(),
        })
    }

    #[test]
    fn r_auth_4_last_municipality_admin_cannot_be_disabled() {
        let disabled = AccountStanding {
            enabled: false,
            ..admin_of("4601")
        };
        assert_eq!(
            keeps_a_municipality_admin(admin_of("4601"), disabled, 0),
            last_admin("4601")
        );
        assert_eq!(
            keeps_a_municipality_admin(admin_of("4601"), disabled, 1),
            Ok(())
        );
    }

    #[test]
    fn r_auth_4_last_municipality_admin_keeps_the_role_and_the_municipality() {
        let caseworker = AccountStanding {
            role: Role::Municipality,
            ..admin_of("4601")
        };
        assert_eq!(
            keeps_a_municipality_admin(admin_of("4601"), caseworker, 0),
            last_admin("4601")
        );
        assert_eq!(
            keeps_a_municipality_admin(admin_of("4601"), admin_of("0301"), 0),
            last_admin("4601")
        );
        assert_eq!(
            keeps_a_municipality_admin(admin_of("4601"), admin_of("4601"), 0),
            Ok(())
        );
        assert_eq!(
            keeps_a_municipality_admin(admin_of("4601"), admin_of("0301"), 2),
            Ok(())
        );
    }

    #[test]
    fn r_auth_4_accounts_that_administer_nothing_change_freely() {
        let disabled_admin = AccountStanding {
            enabled: false,
            ..admin_of("4601")
        };
        let national = AccountStanding {
            role: Role::UdiAdm,
            municipality_number: None,
            enabled: true,
        };
        assert_eq!(
            keeps_a_municipality_admin(disabled_admin, national, 0),
            Ok(())
        );
        assert_eq!(
            keeps_a_municipality_admin(national, disabled_admin, 0),
            Ok(())
        );
        assert_eq!(disabled_admin.administered_municipality(), None);
    }
}
