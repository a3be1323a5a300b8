//! Who may do what, by area of work (SPEC §1): one table that the routes, the navigation and the
//! pages all ask, so that a role's reach is written once. Scope within an area (a region's own
//! centres, a municipality's own caseworkers) is decided by the area's rules on top of this.

use super::Role;

/// An area of work that a role either has or has not.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Capability {
    /// Every signed-in user: the dashboard, the event log within their scope, the calendar.
    SignedIn,
    /// Centres and operators in one's scope: UDI nationally, a region its own, an operator its own.
    ReadRegistry,
    /// Registering centres and operators, the lifecycle changes of R-REG-2, the CSV import: UDI's
    /// administrative staff nationally.
    ManageRegistry,
    /// Residents, stays and occupancy in one's scope (SPEC §5): UDI nationally, a region its
    /// centres (reading), an operator its own centres.
    ReadResidents,
    /// Registering residents and stays, entering and approving occupancy: UDI's administrative
    /// staff nationally, an operator for its own centres.
    ManageResidents,
    /// Stored claims in one's scope (R-CLM-5): UDI nationally, a region its centres', an operator
    /// its own centres'.
    ReadClaims,
    /// Making a month's claim (R-CLM-5): an operator for its own centres, UDI's administrative
    /// staff nationally.
    MakeClaims,
    /// Simulating a month's claim (SPEC §5): whoever negotiates or checks agreements.
    SimulateClaims,
    /// Placement proposals (R-SET-9): IMDi.
    ProposePlacements,
    /// Accounts within one's remit (R-AUTH-4): admins, IMDi (municipal admins) and municipal
    /// admins (their own caseworkers).
    AdministerAccounts,
    /// Second factors, API tokens and reference data: system administrators only.
    Administer,
    /// Opening, closing and follow-up plans (SPEC §6): UDI's administrative staff and regional
    /// units, who follow the routines.
    FollowPlans,
    /// Writing a centre's activity log (R-PLN-3): the regional units, who do the follow-up, and
    /// admins; UDI's administrative staff read it (`FollowPlans`).
    KeepLog,
    /// Settlement for IMDi (SPEC §7): data processing agreements, requests, offers.
    ManageSettlement,
    /// Reading settlement within one's scope: IMDi nationally, a municipality its own.
    ReadSettlement,
    /// A municipality's own decisions and answers to offers (R-SET-2, R-SET-3).
    DecideSettlement,
    /// Person folders (R-SET-6) and settlement dates (R-SET-5): entered by the resident's
    /// operator; read by IMDi and a municipality after its yes. Scope is the rule's.
    ReadFolders,
    WriteFolders,
    /// Registering a settlement date: the resident's operator, or the municipality for one who
    /// lived privately (R-SET-5).
    SettleResidents,
    /// Operators' staff accounts (R-AUTH-6): seen by the operator, its centres' regions and
    /// admins; ordered by the operator; approved or refused by the region; disabled or enabled
    /// by either.
    ReadStaff,
    OrderStaff,
    DecideStaff,
    DisableStaff,
}

impl Capability {
    pub const fn roles(self) -> &'static [Role] {
        use Role::*;
        match self {
            Capability::SignedIn => &Role::ALL,
            Capability::ReadRegistry
            | Capability::SimulateClaims
            | Capability::ReadResidents
            | Capability::ReadClaims => &[Admin, UdiAdm, UdiRegion, Operator],
            Capability::ManageRegistry => &[Admin, UdiAdm],
            Capability::ManageResidents | Capability::MakeClaims => &[Admin, UdiAdm, Operator],
            Capability::ProposePlacements => &[Admin, Imdi],
            Capability::AdministerAccounts => &[Admin, Imdi, MunicipalityAdmin],
            Capability::Administer => &[Admin],
            Capability::FollowPlans => &[Admin, UdiAdm, UdiRegion],
            Capability::KeepLog => &[Admin, UdiRegion],
            Capability::ManageSettlement => &[Admin, Imdi],
            Capability::ReadSettlement => &[Admin, Imdi, Municipality],
            Capability::DecideSettlement => &[Admin, Municipality],
            Capability::ReadFolders => &[Admin, Imdi, Operator, Municipality],
            Capability::WriteFolders => &[Admin, Operator],
            Capability::SettleResidents => &[Admin, Operator, Municipality],
            Capability::ReadStaff | Capability::DisableStaff => &[Admin, UdiRegion, Operator],
            Capability::OrderStaff => &[Admin, Operator],
            Capability::DecideStaff => &[Admin, UdiRegion],
        }
    }
}

impl Role {
    pub fn may(self, capability: Capability) -> bool {
        capability.roles().contains(&self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spec_1_only_udi_administrative_staff_manage_the_registry_nationally() {
        let managers: Vec<Role> = Role::ALL
            .into_iter()
            .filter(|role| role.may(Capability::ManageRegistry))
            .collect();
        assert_eq!(managers, [Role::Admin, Role::UdiAdm]);
    }

    #[test]
    fn spec_1_imdi_and_municipalities_never_reach_the_registry_or_claims() {
        for role in [Role::Imdi, Role::MunicipalityAdmin, Role::Municipality] {
            assert!(!role.may(Capability::ReadRegistry), "{role:?}");
            assert!(!role.may(Capability::SimulateClaims), "{role:?}");
        }
    }

    #[test]
    fn spec_1_residents_are_written_by_operators_and_udi_and_read_by_regions_too() {
        let writers: Vec<Role> = Role::ALL
            .into_iter()
            .filter(|role| role.may(Capability::ManageResidents))
            .collect();
        assert_eq!(writers, [Role::Admin, Role::UdiAdm, Role::Operator]);
        assert!(Role::UdiRegion.may(Capability::ReadResidents));
        for role in [Role::Imdi, Role::MunicipalityAdmin, Role::Municipality] {
            assert!(!role.may(Capability::ReadResidents), "{role:?}");
        }
    }

    #[test]
    fn spec_1_plans_are_followed_by_udi_staff_and_regional_units() {
        let followers: Vec<Role> = Role::ALL
            .into_iter()
            .filter(|role| role.may(Capability::FollowPlans))
            .collect();
        assert_eq!(followers, [Role::Admin, Role::UdiAdm, Role::UdiRegion]);
    }

    #[test]
    fn r_pln_3_the_log_is_kept_by_regional_units_and_read_by_udi_staff() {
        let keepers: Vec<Role> = Role::ALL
            .into_iter()
            .filter(|role| role.may(Capability::KeepLog))
            .collect();
        assert_eq!(keepers, [Role::Admin, Role::UdiRegion]);
        assert!(Role::UdiAdm.may(Capability::FollowPlans));
    }

    #[test]
    fn r_auth_4_account_administration_is_for_admins_imdi_and_municipal_admins() {
        assert!(Role::MunicipalityAdmin.may(Capability::AdministerAccounts));
        assert!(!Role::Municipality.may(Capability::AdministerAccounts));
        assert!(!Role::UdiAdm.may(Capability::AdministerAccounts));
        assert!(
            Role::ALL
                .into_iter()
                .all(|role| role.may(Capability::SignedIn))
        );
    }
}
