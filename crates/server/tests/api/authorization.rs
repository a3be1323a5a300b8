//! Every route with every role, and with no login: allowed or denied as SPEC §1 says.
//! New routes join the table.

use mottak_domain::access::Role;
use mottak_domain::access::Role::*;

use crate::helpers::{TestApp, csrf_token, spawn_app};

#[derive(Clone, Copy, Debug, PartialEq)]
enum Kind {
    Api,
    Page,
}

pub(crate) struct Route {
    pub(crate) method: &'static str,
    pub(crate) path: &'static str,
    kind: Kind,
    allowed: &'static [Role],
}

const EVERYONE: &[Role] = &Role::ALL;
const MANAGERS: &[Role] = &[Admin, Imdi, MunicipalityAdmin];
const REGISTRY: &[Role] = &[Admin, UdiAdm, UdiRegion, Operator];
const NATIONAL: &[Role] = &[Admin, UdiAdm];
/// Residents and occupancy: written by UDI nationally and an operator for its centres (§1).
const RESIDENT_WRITERS: &[Role] = &[Admin, UdiAdm, Operator];
/// Plans: UDI's staff who follow the routines (SPEC §1, §6).
const PLANS: &[Role] = &[Admin, UdiAdm, UdiRegion];
/// The activity log (R-PLN-3): kept by the regional units (and admins), read by UDI's staff.
const LOG_KEEPERS: &[Role] = &[Admin, UdiRegion];

/// Settlement (SPEC §7): IMDi's work, what IMDi and a municipality read, a municipality's own.
const SETTLEMENT_IMDI: &[Role] = &[Admin, Imdi];
const SETTLEMENT_READ: &[Role] = &[Admin, Imdi, Municipality];
const SETTLEMENT_DECIDE: &[Role] = &[Admin, Municipality];
/// Notes and threads (R-SET-8): IMDi, the municipality and the centre where the household lives.
const THREADS: &[Role] = &[Admin, Imdi, Municipality, Operator];
/// Staff accounts (R-AUTH-6): read and disabled by the operator and the region, ordered by the
/// operator, decided by the region.
const STAFF: &[Role] = &[Admin, UdiRegion, Operator];
const STAFF_ORDER: &[Role] = &[Admin, Operator];
const STAFF_DECIDE: &[Role] = &[Admin, UdiRegion];

/// `{target}` is replaced by a user every manager may manage (see `target_for`).
pub(crate) const ROUTES: &[Route] = &[
    Route {
        method: "GET",
        path: "/centres/{centre}/staff",
        kind: Kind::Page,
        allowed: STAFF,
    },
    Route {
        method: "POST",
        path: "/centres/{centre}/staff",
        kind: Kind::Page,
        allowed: STAFF_ORDER,
    },
    Route {
        method: "GET",
        path: "/staff",
        kind: Kind::Page,
        allowed: STAFF_DECIDE,
    },
    Route {
        method: "POST",
        path: "/staff/{staff}/approve",
        kind: Kind::Page,
        allowed: STAFF_DECIDE,
    },
    Route {
        method: "POST",
        path: "/staff/{staff}/refuse",
        kind: Kind::Page,
        allowed: STAFF_DECIDE,
    },
    Route {
        method: "POST",
        path: "/staff/{staff}/disable",
        kind: Kind::Page,
        allowed: STAFF,
    },
    Route {
        method: "POST",
        path: "/staff/{staff}/enable",
        kind: Kind::Page,
        allowed: STAFF,
    },
    Route {
        method: "GET",
        path: "/api/v1/centres/{centre}/staff",
        kind: Kind::Api,
        allowed: STAFF,
    },
    Route {
        method: "POST",
        path: "/api/v1/centres/{centre}/staff",
        kind: Kind::Api,
        allowed: STAFF_ORDER,
    },
    Route {
        method: "GET",
        path: "/api/v1/staff",
        kind: Kind::Api,
        allowed: STAFF_DECIDE,
    },
    Route {
        method: "POST",
        path: "/api/v1/staff/{staff}/approve",
        kind: Kind::Api,
        allowed: STAFF_DECIDE,
    },
    Route {
        method: "POST",
        path: "/api/v1/staff/{staff}/refuse",
        kind: Kind::Api,
        allowed: STAFF_DECIDE,
    },
    Route {
        method: "POST",
        path: "/api/v1/staff/{staff}/disable",
        kind: Kind::Api,
        allowed: STAFF,
    },
    Route {
        method: "POST",
        path: "/api/v1/staff/{staff}/enable",
        kind: Kind::Api,
        allowed: STAFF,
    },
    Route {
        method: "GET",
        path: "/centres/{centre}/residents",
        kind: Kind::Page,
        allowed: REGISTRY,
    },
    Route {
        method: "POST",
        path: "/centres/{centre}/residents",
        kind: Kind::Page,
        allowed: RESIDENT_WRITERS,
    },
    Route {
        method: "GET",
        path: "/residents/{resident}",
        kind: Kind::Page,
        allowed: REGISTRY,
    },
    Route {
        method: "POST",
        path: "/residents/{resident}/stays",
        kind: Kind::Page,
        allowed: RESIDENT_WRITERS,
    },
    Route {
        method: "GET",
        path: "/centres/{centre}/occupancy/{month}",
        kind: Kind::Page,
        allowed: REGISTRY,
    },
    Route {
        method: "POST",
        path: "/centres/{centre}/occupancy/{month}",
        kind: Kind::Page,
        allowed: RESIDENT_WRITERS,
    },
    Route {
        method: "POST",
        path: "/centres/{centre}/occupancy/{month}/csv",
        kind: Kind::Page,
        allowed: RESIDENT_WRITERS,
    },
    Route {
        method: "POST",
        path: "/centres/{centre}/occupancy/{month}/approve",
        kind: Kind::Page,
        allowed: RESIDENT_WRITERS,
    },
    Route {
        method: "POST",
        path: "/api/v1/residents",
        kind: Kind::Api,
        allowed: RESIDENT_WRITERS,
    },
    Route {
        method: "GET",
        path: "/api/v1/residents/{resident}",
        kind: Kind::Api,
        allowed: REGISTRY,
    },
    Route {
        method: "POST",
        path: "/api/v1/residents/{resident}/stays",
        kind: Kind::Api,
        allowed: RESIDENT_WRITERS,
    },
    Route {
        method: "GET",
        path: "/api/v1/centres/{centre}/residents",
        kind: Kind::Api,
        allowed: REGISTRY,
    },
    Route {
        method: "GET",
        path: "/api/v1/centres/{centre}/residents-to-move",
        kind: Kind::Api,
        allowed: REGISTRY,
    },
    Route {
        method: "GET",
        path: "/centres/{centre}/residents-to-move",
        kind: Kind::Page,
        allowed: REGISTRY,
    },
    Route {
        method: "GET",
        path: "/api/v1/centres/{centre}/occupancy/{month}",
        kind: Kind::Api,
        allowed: REGISTRY,
    },
    Route {
        method: "PUT",
        path: "/api/v1/centres/{centre}/occupancy/{month}",
        kind: Kind::Api,
        allowed: RESIDENT_WRITERS,
    },
    Route {
        method: "PUT",
        path: "/api/v1/centres/{centre}/occupancy/{month}/csv",
        kind: Kind::Api,
        allowed: RESIDENT_WRITERS,
    },
    Route {
        method: "POST",
        path: "/api/v1/centres/{centre}/occupancy/{month}/approve",
        kind: Kind::Api,
        allowed: RESIDENT_WRITERS,
    },
    Route {
        method: "GET",
        path: "/",
        kind: Kind::Page,
        allowed: EVERYONE,
    },
    Route {
        method: "GET",
        path: "/events",
        kind: Kind::Page,
        allowed: EVERYONE,
    },
    Route {
        method: "GET",
        path: "/events/export/csv",
        kind: Kind::Page,
        allowed: EVERYONE,
    },
    Route {
        method: "GET",
        path: "/events/export/xlsx?entity_type=centre",
        kind: Kind::Page,
        allowed: EVERYONE,
    },
    Route {
        method: "GET",
        path: "/calendar",
        kind: Kind::Page,
        allowed: EVERYONE,
    },
    Route {
        method: "GET",
        path: "/admin/users",
        kind: Kind::Page,
        allowed: MANAGERS,
    },
    Route {
        method: "POST",
        path: "/admin/users",
        kind: Kind::Page,
        allowed: MANAGERS,
    },
    Route {
        method: "GET",
        path: "/admin/users/{target}",
        kind: Kind::Page,
        allowed: MANAGERS,
    },
    Route {
        method: "POST",
        path: "/admin/users/{target}/role",
        kind: Kind::Page,
        allowed: MANAGERS,
    },
    Route {
        method: "POST",
        path: "/admin/users/{target}/email",
        kind: Kind::Page,
        allowed: MANAGERS,
    },
    Route {
        method: "POST",
        path: "/admin/users/{target}/status",
        kind: Kind::Page,
        allowed: MANAGERS,
    },
    Route {
        method: "POST",
        path: "/admin/users/{target}/reset-totp",
        kind: Kind::Page,
        allowed: &[Admin],
    },
    Route {
        method: "POST",
        path: "/admin/users/{target}/tokens",
        kind: Kind::Page,
        allowed: &[Admin],
    },
    Route {
        method: "GET",
        path: "/api/v1/events",
        kind: Kind::Api,
        allowed: EVERYONE,
    },
    Route {
        method: "GET",
        path: "/api/v1/calendar/add-working-days?date=2026-11-24&days=3",
        kind: Kind::Api,
        allowed: EVERYONE,
    },
    Route {
        method: "GET",
        path: "/api/v1/users",
        kind: Kind::Api,
        allowed: MANAGERS,
    },
    Route {
        method: "POST",
        path: "/api/v1/users",
        kind: Kind::Api,
        allowed: MANAGERS,
    },
    // registry (SPEC §3): `{centre}` is in region VEST and run by DRO1000, the scopes of the
    // table's regional and operator users.
    Route {
        method: "GET",
        path: "/centres",
        kind: Kind::Page,
        allowed: REGISTRY,
    },
    Route {
        method: "GET",
        path: "/centres/export/csv?status=open",
        kind: Kind::Page,
        allowed: REGISTRY,
    },
    Route {
        method: "GET",
        path: "/centres/export/xlsx",
        kind: Kind::Page,
        allowed: REGISTRY,
    },
    Route {
        method: "GET",
        path: "/centres/new",
        kind: Kind::Page,
        allowed: NATIONAL,
    },
    Route {
        method: "POST",
        path: "/centres/new",
        kind: Kind::Page,
        allowed: NATIONAL,
    },
    Route {
        method: "GET",
        path: "/centres/{centre}",
        kind: Kind::Page,
        allowed: REGISTRY,
    },
    Route {
        method: "POST",
        path: "/centres/{centre}",
        kind: Kind::Page,
        allowed: REGISTRY,
    },
    Route {
        method: "GET",
        path: "/centres/{centre}/lifecycle?operation=rename&new_name=Nytt+asylmottak",
        kind: Kind::Page,
        allowed: NATIONAL,
    },
    Route {
        method: "POST",
        path: "/centres/{centre}/lifecycle",
        kind: Kind::Page,
        allowed: NATIONAL,
    },
    Route {
        method: "GET",
        path: "/operators",
        kind: Kind::Page,
        allowed: REGISTRY,
    },
    Route {
        method: "GET",
        path: "/operators/export/csv",
        kind: Kind::Page,
        allowed: REGISTRY,
    },
    Route {
        method: "GET",
        path: "/operators/export/xlsx",
        kind: Kind::Page,
        allowed: REGISTRY,
    },
    Route {
        method: "GET",
        path: "/operators/new",
        kind: Kind::Page,
        allowed: NATIONAL,
    },
    Route {
        method: "POST",
        path: "/operators/new",
        kind: Kind::Page,
        allowed: NATIONAL,
    },
    Route {
        method: "GET",
        path: "/operators/{operator}",
        kind: Kind::Page,
        allowed: REGISTRY,
    },
    Route {
        method: "POST",
        path: "/operators/{operator}",
        kind: Kind::Page,
        allowed: NATIONAL,
    },
    Route {
        method: "GET",
        path: "/registry/import",
        kind: Kind::Page,
        allowed: NATIONAL,
    },
    Route {
        method: "POST",
        path: "/registry/import",
        kind: Kind::Page,
        allowed: NATIONAL,
    },
    Route {
        method: "POST",
        path: "/api/v1/operators",
        kind: Kind::Api,
        allowed: NATIONAL,
    },
    Route {
        method: "GET",
        path: "/api/v1/operators",
        kind: Kind::Api,
        allowed: REGISTRY,
    },
    Route {
        method: "GET",
        path: "/api/v1/operators/{operator}",
        kind: Kind::Api,
        allowed: REGISTRY,
    },
    Route {
        method: "PUT",
        path: "/api/v1/operators/{operator}",
        kind: Kind::Api,
        allowed: NATIONAL,
    },
    Route {
        method: "POST",
        path: "/api/v1/centres",
        kind: Kind::Api,
        allowed: NATIONAL,
    },
    Route {
        method: "GET",
        path: "/api/v1/centres",
        kind: Kind::Api,
        allowed: REGISTRY,
    },
    Route {
        method: "GET",
        path: "/api/v1/centres/{centre}",
        kind: Kind::Api,
        allowed: REGISTRY,
    },
    Route {
        method: "PATCH",
        path: "/api/v1/centres/{centre}",
        kind: Kind::Api,
        allowed: REGISTRY,
    },
    Route {
        method: "POST",
        path: "/api/v1/centres/{centre}/lifecycle/preview",
        kind: Kind::Api,
        allowed: NATIONAL,
    },
    Route {
        method: "POST",
        path: "/api/v1/centres/{centre}/lifecycle",
        kind: Kind::Api,
        allowed: NATIONAL,
    },
    Route {
        method: "POST",
        path: "/api/v1/import/centres",
        kind: Kind::Api,
        allowed: NATIONAL,
    },
    Route {
        method: "POST",
        path: "/api/v1/claims/simulate",
        kind: Kind::Api,
        allowed: &[Admin, UdiAdm, UdiRegion, Operator],
    },
    Route {
        method: "GET",
        path: "/claims/simulate",
        kind: Kind::Page,
        allowed: &[Admin, UdiAdm, UdiRegion, Operator],
    },
    Route {
        method: "POST",
        path: "/claims/simulate",
        kind: Kind::Page,
        allowed: &[Admin, UdiAdm, UdiRegion, Operator],
    },
    Route {
        method: "POST",
        path: "/claims/simulate.csv",
        kind: Kind::Page,
        allowed: &[Admin, UdiAdm, UdiRegion, Operator],
    },
    // agreements (SPEC §4)
    Route {
        method: "POST",
        path: "/api/v1/agreements",
        kind: Kind::Api,
        allowed: NATIONAL,
    },
    Route {
        method: "GET",
        path: "/api/v1/agreements",
        kind: Kind::Api,
        allowed: REGISTRY,
    },
    Route {
        method: "GET",
        path: "/api/v1/agreements/{agreement}",
        kind: Kind::Api,
        allowed: REGISTRY,
    },
    Route {
        method: "PUT",
        path: "/api/v1/agreements/{agreement}",
        kind: Kind::Api,
        allowed: NATIONAL,
    },
    Route {
        method: "POST",
        path: "/api/v1/agreements/{agreement}/notice",
        kind: Kind::Api,
        allowed: NATIONAL,
    },
    Route {
        method: "GET",
        path: "/api/v1/agreements/{agreement}/versions",
        kind: Kind::Api,
        allowed: REGISTRY,
    },
    Route {
        method: "GET",
        path: "/agreements/new?operator_id={operator}",
        kind: Kind::Page,
        allowed: NATIONAL,
    },
    Route {
        method: "POST",
        path: "/agreements/new",
        kind: Kind::Page,
        allowed: NATIONAL,
    },
    Route {
        method: "GET",
        path: "/agreements/{agreement}",
        kind: Kind::Page,
        allowed: REGISTRY,
    },
    Route {
        method: "POST",
        path: "/agreements/{agreement}/notice",
        kind: Kind::Page,
        allowed: NATIONAL,
    },
    Route {
        method: "GET",
        path: "/agreements/{agreement}/edit",
        kind: Kind::Page,
        allowed: NATIONAL,
    },
    Route {
        method: "POST",
        path: "/agreements/{agreement}/edit",
        kind: Kind::Page,
        allowed: NATIONAL,
    },
    // placement (R-SET-9)
    Route {
        method: "GET",
        path: "/placement",
        kind: Kind::Page,
        allowed: &[Admin, Imdi],
    },
    Route {
        method: "POST",
        path: "/placement",
        kind: Kind::Page,
        allowed: &[Admin, Imdi],
    },
    Route {
        method: "POST",
        path: "/api/v1/placement/solve",
        kind: Kind::Api,
        allowed: &[Admin, Imdi],
    },
    Route {
        method: "POST",
        path: "/placement/export",
        kind: Kind::Page,
        allowed: &[Admin, Imdi],
    },
    Route {
        method: "GET",
        path: "/settlement/placement",
        kind: Kind::Page,
        allowed: &[Admin, Imdi],
    },
    Route {
        method: "POST",
        path: "/settlement/placement",
        kind: Kind::Page,
        allowed: &[Admin, Imdi],
    },
    Route {
        method: "POST",
        path: "/settlement/placement/send",
        kind: Kind::Page,
        allowed: &[Admin, Imdi],
    },
    Route {
        method: "POST",
        path: "/api/v1/settlement/placement/proposal",
        kind: Kind::Api,
        allowed: &[Admin, Imdi],
    },
    Route {
        method: "POST",
        path: "/api/v1/settlement/placement/send",
        kind: Kind::Api,
        allowed: &[Admin, Imdi],
    },
    // plans (SPEC §6)
    Route {
        method: "GET",
        path: "/plans/preview",
        kind: Kind::Page,
        allowed: PLANS,
    },
    Route {
        method: "POST",
        path: "/plans/preview",
        kind: Kind::Page,
        allowed: PLANS,
    },
    Route {
        method: "POST",
        path: "/api/v1/plans/preview",
        kind: Kind::Api,
        allowed: PLANS,
    },
    Route {
        method: "GET",
        path: "/centres/{centre}/plans",
        kind: Kind::Page,
        allowed: PLANS,
    },
    Route {
        method: "POST",
        path: "/centres/{centre}/plans",
        kind: Kind::Page,
        allowed: PLANS,
    },
    Route {
        method: "GET",
        path: "/plans/999999",
        kind: Kind::Page,
        allowed: PLANS,
    },
    Route {
        method: "POST",
        path: "/plans/999999/tasks/1",
        kind: Kind::Page,
        allowed: PLANS,
    },
    Route {
        method: "GET",
        path: "/tasks",
        kind: Kind::Page,
        allowed: PLANS,
    },
    Route {
        method: "GET",
        path: "/api/v1/tasks",
        kind: Kind::Api,
        allowed: PLANS,
    },
    Route {
        method: "GET",
        path: "/tasks/calendar",
        kind: Kind::Page,
        allowed: PLANS,
    },
    Route {
        method: "POST",
        path: "/tasks/calendar/feed",
        kind: Kind::Page,
        allowed: PLANS,
    },
    Route {
        method: "POST",
        path: "/tasks/calendar/feed/revoke",
        kind: Kind::Page,
        allowed: PLANS,
    },
    Route {
        method: "POST",
        path: "/api/v1/calendar-feed",
        kind: Kind::Api,
        allowed: PLANS,
    },
    Route {
        method: "DELETE",
        path: "/api/v1/calendar-feed",
        kind: Kind::Api,
        allowed: PLANS,
    },
    Route {
        method: "GET",
        path: "/api/v1/plans/templates/opening",
        kind: Kind::Api,
        allowed: PLANS,
    },
    Route {
        method: "PUT",
        path: "/api/v1/plans/templates/opening",
        kind: Kind::Api,
        allowed: &[Admin],
    },
    Route {
        method: "GET",
        path: "/plans/templates/opening",
        kind: Kind::Page,
        allowed: PLANS,
    },
    Route {
        method: "POST",
        path: "/plans/templates/opening",
        kind: Kind::Page,
        allowed: &[Admin],
    },
    // the activity log (R-PLN-3)
    Route {
        method: "GET",
        path: "/centres/{centre}/log",
        kind: Kind::Page,
        allowed: PLANS,
    },
    Route {
        method: "POST",
        path: "/centres/{centre}/log",
        kind: Kind::Page,
        allowed: LOG_KEEPERS,
    },
    Route {
        method: "POST",
        path: "/centres/{centre}/log/999999/follow-ups/1",
        kind: Kind::Page,
        allowed: LOG_KEEPERS,
    },
    Route {
        method: "GET",
        path: "/centres/{centre}/log/csv",
        kind: Kind::Page,
        allowed: PLANS,
    },
    Route {
        method: "GET",
        path: "/centres/{centre}/log/pdf",
        kind: Kind::Page,
        allowed: PLANS,
    },
    Route {
        method: "GET",
        path: "/api/v1/centres/{centre}/log",
        kind: Kind::Api,
        allowed: PLANS,
    },
    Route {
        method: "POST",
        path: "/api/v1/centres/{centre}/log",
        kind: Kind::Api,
        allowed: LOG_KEEPERS,
    },
    Route {
        method: "PUT",
        path: "/api/v1/centres/{centre}/log/999999",
        kind: Kind::Api,
        allowed: LOG_KEEPERS,
    },
    Route {
        method: "POST",
        path: "/api/v1/centres/{centre}/log/999999/follow-ups/1",
        kind: Kind::Api,
        allowed: LOG_KEEPERS,
    },
    Route {
        method: "GET",
        path: "/api/v1/centres/{centre}/log/csv",
        kind: Kind::Api,
        allowed: PLANS,
    },
    Route {
        method: "GET",
        path: "/api/v1/centres/{centre}/log/pdf",
        kind: Kind::Api,
        allowed: PLANS,
    },
    // account API (R-AUTH-2, R-AUTH-4)
    Route {
        method: "PATCH",
        path: "/api/v1/users/{target}",
        kind: Kind::Api,
        allowed: MANAGERS,
    },
    Route {
        method: "POST",
        path: "/api/v1/users/{target}/reset-totp",
        kind: Kind::Api,
        allowed: &[Admin],
    },
    Route {
        method: "POST",
        path: "/api/v1/users/{target}/tokens",
        kind: Kind::Api,
        allowed: &[Admin],
    },
    Route {
        method: "DELETE",
        path: "/api/v1/users/{target}/tokens/999999",
        kind: Kind::Api,
        allowed: &[Admin],
    },
    Route {
        method: "GET",
        path: "/api/v1/calendar/add-working-days?date=2026-04-01&days=1",
        kind: Kind::Api,
        allowed: EVERYONE,
    },
    Route {
        method: "GET",
        path: "/centres/{centre}/lifecycle?operation=rename",
        kind: Kind::Page,
        allowed: NATIONAL,
    },
    Route {
        method: "POST",
        path: "/api/v1/import/{kind}",
        kind: Kind::Api,
        allowed: NATIONAL,
    },
    Route {
        method: "GET",
        path: "/api/v1/reference/municipalities/{municipality}",
        kind: Kind::Api,
        allowed: EVERYONE,
    },
    Route {
        method: "GET",
        path: "/api/v1/reference/postal-codes/{municipality}",
        kind: Kind::Api,
        allowed: EVERYONE,
    },
    Route {
        method: "PUT",
        path: "/api/v1/reference/cpi",
        kind: Kind::Api,
        allowed: NATIONAL,
    },
    Route {
        method: "GET",
        path: "/reference/cpi",
        kind: Kind::Page,
        allowed: NATIONAL,
    },
    Route {
        method: "POST",
        path: "/reference/cpi",
        kind: Kind::Page,
        allowed: NATIONAL,
    },
    Route {
        method: "DELETE",
        path: "/api/v1/users/{target}/tokens/{token}",
        kind: Kind::Api,
        allowed: &[Admin],
    },
    Route {
        method: "POST",
        path: "/admin/users/{target}/tokens/{token}/revoke",
        kind: Kind::Page,
        allowed: &[Admin],
    },
    Route {
        method: "POST",
        path: "/api/v1/agreements/regulate",
        kind: Kind::Api,
        allowed: NATIONAL,
    },
    // stored claims (R-CLM-5): `{claim}` does not exist, so the role check answers first.
    Route {
        method: "GET",
        path: "/claims?month=2026-03",
        kind: Kind::Page,
        allowed: REGISTRY,
    },
    Route {
        method: "GET",
        path: "/claims/{claim}",
        kind: Kind::Page,
        allowed: REGISTRY,
    },
    Route {
        method: "GET",
        path: "/claims/{claim}/csv",
        kind: Kind::Page,
        allowed: REGISTRY,
    },
    Route {
        method: "GET",
        path: "/claims/{claim}/pdf",
        kind: Kind::Page,
        allowed: REGISTRY,
    },
    Route {
        method: "GET",
        path: "/centres/{centre}/claims",
        kind: Kind::Page,
        allowed: REGISTRY,
    },
    Route {
        method: "POST",
        path: "/centres/{centre}/claims",
        kind: Kind::Page,
        allowed: RESIDENT_WRITERS,
    },
    Route {
        method: "POST",
        path: "/api/v1/claims",
        kind: Kind::Api,
        allowed: RESIDENT_WRITERS,
    },
    Route {
        method: "POST",
        path: "/api/v1/claims/month",
        kind: Kind::Api,
        allowed: RESIDENT_WRITERS,
    },
    Route {
        method: "POST",
        path: "/claims",
        kind: Kind::Page,
        allowed: RESIDENT_WRITERS,
    },
    Route {
        method: "GET",
        path: "/api/v1/claims?month=2026-03",
        kind: Kind::Api,
        allowed: REGISTRY,
    },
    Route {
        method: "GET",
        path: "/api/v1/claims/{claim}",
        kind: Kind::Api,
        allowed: REGISTRY,
    },
    Route {
        method: "GET",
        path: "/api/v1/claims/{claim}/csv",
        kind: Kind::Api,
        allowed: REGISTRY,
    },
    Route {
        method: "GET",
        path: "/api/v1/claims/{claim}/pdf",
        kind: Kind::Api,
        allowed: REGISTRY,
    }, // settlement (SPEC §7): `{municipality}` is 4601, the table's municipal users' own.
    Route {
        method: "PUT",
        path: "/api/v1/reference/data-processing-agreement",
        kind: Kind::Api,
        allowed: SETTLEMENT_IMDI,
    },
    Route {
        method: "PUT",
        path: "/api/v1/municipalities/{municipality}/data-processing-agreement",
        kind: Kind::Api,
        allowed: SETTLEMENT_IMDI,
    },
    Route {
        method: "PUT",
        path: "/api/v1/municipalities/{municipality}/settlement-profile",
        kind: Kind::Api,
        allowed: SETTLEMENT_IMDI,
    },
    Route {
        method: "GET",
        path: "/api/v1/data-processing-agreements",
        kind: Kind::Api,
        allowed: SETTLEMENT_IMDI,
    },
    Route {
        method: "POST",
        path: "/api/v1/settlement/requests",
        kind: Kind::Api,
        allowed: SETTLEMENT_IMDI,
    },
    Route {
        method: "GET",
        path: "/api/v1/settlement/requests?year=2026",
        kind: Kind::Api,
        allowed: SETTLEMENT_READ,
    },
    Route {
        method: "POST",
        path: "/api/v1/settlement/decisions",
        kind: Kind::Api,
        allowed: SETTLEMENT_DECIDE,
    },
    Route {
        method: "POST",
        path: "/api/v1/settlement/decisions/{decision}/approve",
        kind: Kind::Api,
        allowed: SETTLEMENT_DECIDE,
    },
    Route {
        method: "POST",
        path: "/api/v1/settlement/offers",
        kind: Kind::Api,
        allowed: SETTLEMENT_IMDI,
    },
    Route {
        method: "GET",
        path: "/api/v1/settlement/offers?year=2026",
        kind: Kind::Api,
        allowed: SETTLEMENT_READ,
    },
    Route {
        method: "GET",
        path: "/api/v1/settlement/offers/{offer}",
        kind: Kind::Api,
        allowed: SETTLEMENT_READ,
    },
    Route {
        method: "POST",
        path: "/api/v1/settlement/offers/{offer}/answer",
        kind: Kind::Api,
        allowed: SETTLEMENT_DECIDE,
    },
    Route {
        method: "GET",
        path: "/api/v1/settlement/report?year=2026",
        kind: Kind::Api,
        allowed: SETTLEMENT_READ,
    },
    Route {
        method: "GET",
        path: "/api/v1/settlement/report/records?year=2026&municipality_number=4601&figure=offered",
        kind: Kind::Api,
        allowed: SETTLEMENT_READ,
    },
    Route {
        method: "GET",
        path: "/settlement",
        kind: Kind::Page,
        allowed: SETTLEMENT_READ,
    },
    Route {
        method: "POST",
        path: "/settlement/requests",
        kind: Kind::Page,
        allowed: SETTLEMENT_IMDI,
    },
    Route {
        method: "POST",
        path: "/settlement/offers",
        kind: Kind::Page,
        allowed: SETTLEMENT_IMDI,
    },
    Route {
        method: "POST",
        path: "/settlement/decisions",
        kind: Kind::Page,
        allowed: SETTLEMENT_DECIDE,
    },
    Route {
        method: "POST",
        path: "/settlement/decisions/{decision}/approve",
        kind: Kind::Page,
        allowed: SETTLEMENT_DECIDE,
    },
    Route {
        method: "POST",
        path: "/settlement/offers/{offer}/answer",
        kind: Kind::Page,
        allowed: SETTLEMENT_DECIDE,
    },
    Route {
        method: "GET",
        path: "/settlement/report?year=2026",
        kind: Kind::Page,
        allowed: SETTLEMENT_READ,
    },
    Route {
        method: "GET",
        path: "/settlement/report/csv?year=2026",
        kind: Kind::Page,
        allowed: SETTLEMENT_READ,
    },
    Route {
        method: "GET",
        path: "/settlement/report/xlsx?year=2026",
        kind: Kind::Page,
        allowed: SETTLEMENT_READ,
    },
    Route {
        method: "GET",
        path: "/settlement/report/records?year=2026&municipality=4601&figure=settled",
        kind: Kind::Page,
        allowed: SETTLEMENT_READ,
    },
    Route {
        method: "GET",
        path: "/settlement/agreements",
        kind: Kind::Page,
        allowed: SETTLEMENT_IMDI,
    },
    Route {
        method: "POST",
        path: "/settlement/agreements",
        kind: Kind::Page,
        allowed: SETTLEMENT_IMDI,
    },
    Route {
        method: "POST",
        path: "/settlement/agreements/required",
        kind: Kind::Page,
        allowed: SETTLEMENT_IMDI,
    },
    Route {
        method: "GET",
        path: "/residents/{resident}/folder",
        kind: Kind::Page,
        allowed: &[Admin, Imdi, Operator, Municipality],
    },
    Route {
        method: "POST",
        path: "/residents/{resident}/folder",
        kind: Kind::Page,
        allowed: &[Admin, Operator],
    },
    Route {
        method: "POST",
        path: "/residents/{resident}/settlement",
        kind: Kind::Page,
        allowed: &[Admin, Operator, Municipality],
    },
    Route {
        method: "PUT",
        path: "/api/v1/residents/{resident}/folder",
        kind: Kind::Api,
        allowed: &[Admin, Operator],
    },
    Route {
        method: "GET",
        path: "/api/v1/residents/{resident}/folder",
        kind: Kind::Api,
        allowed: &[Admin, Imdi, Operator, Municipality],
    },
    Route {
        method: "POST",
        path: "/api/v1/residents/{resident}/settlement",
        kind: Kind::Api,
        allowed: &[Admin, Operator, Municipality],
    },
    Route {
        method: "POST",
        path: "/api/v1/settlement/offers/{offer}/decision",
        kind: Kind::Api,
        allowed: SETTLEMENT_IMDI,
    },
    Route {
        method: "GET",
        path: "/api/v1/settlement/offers/{offer}/letters/municipality",
        kind: Kind::Api,
        allowed: SETTLEMENT_READ,
    },
    Route {
        method: "GET",
        path: "/api/v1/settlement/offers/{offer}/letters/residents/{resident}",
        kind: Kind::Api,
        allowed: SETTLEMENT_IMDI,
    },
    Route {
        method: "POST",
        path: "/settlement/offers/{offer}/decision",
        kind: Kind::Page,
        allowed: SETTLEMENT_IMDI,
    },
    Route {
        method: "GET",
        path: "/settlement/offers/{offer}/letters/municipality",
        kind: Kind::Page,
        allowed: SETTLEMENT_READ,
    },
    Route {
        method: "GET",
        path: "/settlement/offers/{offer}/letters/municipality/pdf",
        kind: Kind::Page,
        allowed: SETTLEMENT_READ,
    },
    Route {
        method: "GET",
        path: "/settlement/offers/{offer}/letters/residents/{resident}",
        kind: Kind::Page,
        allowed: SETTLEMENT_IMDI,
    },
    Route {
        method: "GET",
        path: "/settlement/offers/{offer}/letters/residents/{resident}/pdf",
        kind: Kind::Page,
        allowed: SETTLEMENT_IMDI,
    },
    Route {
        method: "POST",
        path: "/api/v1/settlement/requests/csv",
        kind: Kind::Api,
        allowed: SETTLEMENT_IMDI,
    },
    Route {
        method: "GET",
        path: "/settlement/requests/import",
        kind: Kind::Page,
        allowed: SETTLEMENT_IMDI,
    },
    Route {
        method: "POST",
        path: "/settlement/requests/import",
        kind: Kind::Page,
        allowed: SETTLEMENT_IMDI,
    },
    Route {
        method: "GET",
        path: "/api/v1/settlement/offers/{offer}/messages",
        kind: Kind::Api,
        allowed: THREADS,
    },
    Route {
        method: "POST",
        path: "/api/v1/settlement/offers/{offer}/messages",
        kind: Kind::Api,
        allowed: THREADS,
    },
    Route {
        method: "GET",
        path: "/api/v1/settlement/notifications",
        kind: Kind::Api,
        allowed: EVERYONE,
    },
    Route {
        method: "GET",
        path: "/settlement/offers/{offer}/messages",
        kind: Kind::Page,
        allowed: THREADS,
    },
    Route {
        method: "POST",
        path: "/settlement/offers/{offer}/messages",
        kind: Kind::Page,
        allowed: THREADS,
    },
    Route {
        method: "GET",
        path: "/api/v1/residents/{resident}/notes",
        kind: Kind::Api,
        allowed: &[Admin, Imdi, Operator, Municipality],
    },
    Route {
        method: "POST",
        path: "/api/v1/residents/{resident}/notes",
        kind: Kind::Api,
        allowed: &[Admin, Imdi, Operator, Municipality],
    },
    Route {
        method: "GET",
        path: "/api/v1/settlement/decisions/{decision}/notes",
        kind: Kind::Api,
        allowed: SETTLEMENT_READ,
    },
    Route {
        method: "POST",
        path: "/api/v1/settlement/decisions/{decision}/notes",
        kind: Kind::Api,
        allowed: SETTLEMENT_READ,
    },
    Route {
        method: "GET",
        path: "/residents/{resident}/notes",
        kind: Kind::Page,
        allowed: &[Admin, Imdi, Operator, Municipality],
    },
    Route {
        method: "POST",
        path: "/residents/{resident}/notes",
        kind: Kind::Page,
        allowed: &[Admin, Imdi, Operator, Municipality],
    },
    Route {
        method: "GET",
        path: "/settlement/decisions/{decision}/notes",
        kind: Kind::Page,
        allowed: SETTLEMENT_READ,
    },
    Route {
        method: "POST",
        path: "/settlement/decisions/{decision}/notes",
        kind: Kind::Page,
        allowed: SETTLEMENT_READ,
    },
    Route {
        method: "GET",
        path: "/api/v1/settlement/offers/{offer}/export",
        kind: Kind::Api,
        allowed: SETTLEMENT_READ,
    },
    Route {
        method: "GET",
        path: "/settlement/offers/{offer}/export.pdf",
        kind: Kind::Page,
        allowed: SETTLEMENT_READ,
    },
    Route {
        method: "GET",
        path: "/settlement/offers/{offer}/export.json",
        kind: Kind::Page,
        allowed: SETTLEMENT_READ,
    },
];

/// Public routes: everyone, logged in or not.
pub(crate) const PUBLIC: &[&str] = &[
    "/healthz",
    "/readyz",
    "/metrics",
    "/login",
    "/api/docs",
    "/api/v1/openapi.json",
    "/assets/designsystemet.css",
    "/assets/theme.css",
    "/assets/mottak.css",
    "/assets/swagger-ui.css",
    "/assets/swagger-ui-bundle.js",
    "/assets/api-docs.js",
    "/assets/lookup.js",
    "/assets/rows.js",
    "/address-list",
    "/address-list.csv",
    "/api/v1/address-list",
    "/help",
    "/help/screenshots/dashboard-udi.png",
];

/// The user a manager of this role may manage: a municipal admin for IMDi, a caseworker of
/// the same municipality for a municipal admin, anyone for an admin.
fn target_for(role: Role, targets: &Targets) -> i64 {
    match role {
        Imdi => targets.municipality_admin,
        _ => targets.caseworker,
    }
}

/// Revoking a token that does not exist still passes (or fails) the role check first.
const NO_SUCH_TOKEN: &str = "999999";

/// A resident that does not exist: the role check answers first (403), then the lookup (404).
const NO_SUCH_RESIDENT: &str = "999999";

/// A claim that does not exist: the role check answers first (403), then the lookup (404).
const NO_SUCH_CLAIM: &str = "999999";

struct Targets {
    municipality_admin: i64,
    caseworker: i64,
    centre: i64,
    operator: i64,
    agreement: i64,
}

impl Targets {
    fn path(&self, role: Role, path: &str) -> String {
        path.replace("{target}", &target_for(role, self).to_string())
            .replace("{centre}", &self.centre.to_string())
            .replace("{operator}", &self.operator.to_string())
            .replace("{agreement}", &self.agreement.to_string())
            .replace("{token}", NO_SUCH_TOKEN)
            .replace("{kind}", "operators")
            .replace("{month}", "2026-03")
            .replace("{resident}", NO_SUCH_RESIDENT)
            .replace("{claim}", NO_SUCH_CLAIM)
            .replace("{municipality}", "4601")
            .replace("{decision}", NO_SUCH_CLAIM)
            .replace("{offer}", NO_SUCH_CLAIM)
            .replace("{staff}", NO_SUCH_CLAIM)
    }
}

/// An operator DRO1000 with a centre in region VEST.
pub(crate) async fn registry_targets(app: &TestApp) -> (i64, i64) {
    use mottak_server::registry::{CentreInput, OperatorInput, create_centre, create_operator};
    let actor = mottak_store::events::Actor::system("test");
    let operator = create_operator(
        &app.store,
        &actor,
        &OperatorInput {
            name: "Hero Norge AS".into(),
            organisation_number: "974760673".into(),
            experienced: true,
            ..OperatorInput::default()
        },
    )
    .await
    .unwrap();
    let input = CentreInput {
        name: "Bergen asylmottak".into(),
        category: "ordinary".into(),
        series: "12".into(),
        municipality_number: "4601".into(),
        postal_code: "5003".into(),
        operator_id: operator.id,
        ..CentreInput::default()
    };
    let (centre, _) = create_centre(&app.store, &actor, &input).await.unwrap();
    (centre.id, operator.id)
}

/// A main agreement of the registry target's centre, which every reading role may see.
pub(crate) async fn agreement_target(app: &TestApp, centre: i64, operator: i64) -> i64 {
    let input: mottak_domain::agreements::AgreementInput =
        serde_json::from_value(crate::agreements::main_agreement(operator, centre)).unwrap();
    let actor = mottak_store::events::Actor::system("test");
    mottak_server::agreements::create_agreement(&app.store, &actor, &input)
        .await
        .unwrap_or_else(|_| panic!("agreement created"))
        .agreement
        .id
}

async fn request(
    app: &TestApp,
    client: &reqwest::Client,
    token: Option<&str>,
    route: &Route,
    path: &str,
) -> reqwest::Response {
    let url = app.url(path);
    let mut builder = match route.method {
        "GET" => client.get(&url),
        "PUT" => client.put(&url),
        "PATCH" => client.patch(&url),
        "DELETE" => client.delete(&url),
        _ => client.post(&url),
    };
    if let Some(token) = token {
        builder = builder.bearer_auth(token);
    }
    if route.method != "GET" {
        builder = match route.kind {
            Kind::Api => builder
                .header("content-type", "application/json")
                .body("{}"),
            Kind::Page => {
                let page = app.page(client, "/calendar").await;
                let token = if page.contains("name=\"csrf\"") {
                    csrf_token(&page)
                } else {
                    String::new()
                };
                builder.form(&[("csrf", token)])
            }
        };
    }
    builder.send().await.unwrap()
}

#[tokio::test]
async fn every_route_with_every_role() {
    let app = spawn_app().await;
    let targets = Targets {
        municipality_admin: app
            .create_user_in("target.admin", MunicipalityAdmin, None, None, Some("4601"))
            .await
            .id,
        caseworker: app
            .create_user_in("target.caseworker", Municipality, None, None, Some("4601"))
            .await
            .id,
        centre: 0,
        operator: 0,
        agreement: 0,
    };
    let mut targets = targets;
    (targets.centre, targets.operator) = registry_targets(&app).await;
    targets.agreement = agreement_target(&app, targets.centre, targets.operator).await;
    let mut failures = Vec::new();
    for role in Role::ALL {
        let user = app
            .create_user(&format!("user.{}", role.code()), role)
            .await;
        let token = app.token_for(&user).await;
        let browser = app.login(&user).await;
        for route in ROUTES {
            let path = targets.path(role, route.path);
            let response = match route.kind {
                Kind::Api => {
                    request(&app, &reqwest::Client::new(), Some(&token), route, &path).await
                }
                Kind::Page => request(&app, &browser, None, route, &path).await,
            };
            let status = response.status().as_u16();
            let allowed = route.allowed.contains(&role);
            let ok = if allowed {
                status != 401 && status != 403 && status < 500
            } else {
                status == 403
            };
            if !ok {
                failures.push(format!(
                    "{role:?} {} {path}: {status} (allowed: {allowed})",
                    route.method
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

#[tokio::test]
async fn no_login_gets_401_from_the_api_and_the_login_page_in_the_ui() {
    let app = spawn_app().await;
    let client = crate::helpers::browser();
    for route in ROUTES {
        let path = route
            .path
            .replace("{target}", "1")
            .replace("{centre}", "1")
            .replace("{operator}", "1")
            .replace("{agreement}", "1")
            .replace("{token}", NO_SUCH_TOKEN)
            .replace("{kind}", "operators")
            .replace("{month}", "2026-03")
            .replace("{resident}", NO_SUCH_RESIDENT)
            .replace("{claim}", NO_SUCH_CLAIM)
            .replace("{municipality}", "4601")
            .replace("{decision}", NO_SUCH_CLAIM)
            .replace("{offer}", NO_SUCH_CLAIM)
            .replace("{staff}", NO_SUCH_CLAIM);
        let response = request(&app, &client, None, route, &path).await;
        match route.kind {
            Kind::Api => assert_eq!(response.status(), 401, "{} {path}", route.method),
            Kind::Page if route.method == "GET" => {
                assert_eq!(response.status(), 303, "{path}");
                assert!(
                    response.headers()["location"]
                        .to_str()
                        .unwrap()
                        .starts_with("/login?next=")
                );
            }
            Kind::Page => assert!(
                matches!(response.status().as_u16(), 303 | 403),
                "{} {path}",
                route.method
            ),
        }
    }
    for path in PUBLIC {
        assert_eq!(
            reqwest::get(app.url(path)).await.unwrap().status(),
            200,
            "{path}"
        );
    }
}

#[tokio::test]
async fn imdi_cannot_manage_a_caseworker_and_a_municipal_admin_not_another_municipality() {
    let app = spawn_app().await;
    let caseworker = app
        .create_user_in("other.caseworker", Municipality, None, None, Some("0301"))
        .await;
    for role in [Imdi, MunicipalityAdmin] {
        let user = app
            .create_user(&format!("manager.{}", role.code()), role)
            .await;
        let browser = app.login(&user).await;
        let response = browser
            .get(app.url(&format!("/admin/users/{}", caseworker.id)))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 403, "{role:?}");
    }
}
