//! Server-rendered pages: the shell every page shares, and friendly error pages.

use askama::Template;
use axum::extract::FromRequestParts;
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::{Html, IntoResponse, Response};
use mottak_domain::access::{Capability, Region};

use crate::auth::Caller;
use crate::auth::csrf::CsrfToken;
use crate::error::PageError;
use crate::i18n::Lang;
use crate::state::AppState;

/// What a page handler answers: the page, or an error page.
pub type PageResult = Result<Response, PageError>;

/// What every signed-in page handler takes first, as `Page(state, shell, caller): Page`: the
/// state, the page's shell and the caller. A request without a caller is refused after its
/// shell is read, as when the three were taken one by one.
pub struct Page(pub AppState, pub Shell, pub Caller);

impl FromRequestParts<AppState> for Page {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Page, Response> {
        let shell = Shell::from_request_parts(parts, state)
            .await
            .map_err(IntoResponse::into_response)?;
        let caller = Caller::from_request_parts(parts, state)
            .await
            .map_err(IntoResponse::into_response)?;
        Ok(Page(state.clone(), shell, caller))
    }
}

/// What the layout needs: language, the signed-in user, the CSRF token and the navigation.
#[derive(Clone, Debug)]
pub struct Shell {
    pub lang: Lang,
    pub user: Option<Caller>,
    pub csrf: String,
    pub path: String,
    pub title: String,
}

/// Every entry of the navigation, with the capability its page needs (the same one its route
/// states), in the order shown.
const NAVIGATION: &[(&str, &str, Capability)] = &[
    ("/", "nav.dashboard", Capability::SignedIn),
    ("/admin/users", "nav.users", Capability::AdministerAccounts),
    ("/centres", "nav.centres", Capability::ReadRegistry),
    ("/operators", "nav.operators", Capability::ReadRegistry),
    ("/registry/import", "nav.import", Capability::ManageRegistry),
    ("/claims", "nav.claims", Capability::ReadClaims),
    (
        "/claims/simulate",
        "nav.simulate",
        Capability::SimulateClaims,
    ),
    ("/reference/cpi", "nav.cpi", Capability::ManageRegistry),
    ("/placement", "nav.placement", Capability::ProposePlacements),
    ("/plans/preview", "nav.plans", Capability::FollowPlans),
    ("/tasks", "nav.tasks", Capability::FollowPlans),
    ("/staff", "nav.staff", Capability::DecideStaff),
    ("/settlement", "nav.settlement", Capability::ReadSettlement),
    (
        "/settlement/report",
        "nav.settlement_report",
        Capability::ReadSettlement,
    ),
    (
        "/settlement/agreements",
        "nav.agreements_dpa",
        Capability::ManageSettlement,
    ),
    ("/events", "nav.events", Capability::SignedIn),
    ("/calendar", "nav.calendar", Capability::SignedIn),
    ("/api/docs", "nav.api", Capability::SignedIn),
];

/// The navigation entry a path belongs to (`/` only for the start page itself).
fn current_entry(path: &str) -> Option<&'static str> {
    NAVIGATION
        .iter()
        .map(|(href, _, _)| *href)
        .filter(|href| match *href {
            "/" => path == "/",
            href => path.starts_with(href),
        })
        .max_by_key(|href| href.len())
}

pub struct NavItem {
    pub href: &'static str,
    pub key: &'static str,
}

impl Shell {
    pub fn t(&self, key: &str) -> &'static str {
        self.lang.text(key)
    }

    pub fn with_title(mut self, key: &str) -> Shell {
        self.title = self.t(key).to_owned();
        self
    }

    pub fn role_name(&self, role: &str) -> &'static str {
        self.t(&format!("role.{role}"))
    }

    /// The navigation of the signed-in user's role: the entries of [`NAVIGATION`] it may use.
    pub fn nav(&self) -> Vec<NavItem> {
        let Some(user) = &self.user else {
            return Vec::new();
        };
        NAVIGATION
            .iter()
            .filter(|(_, _, capability)| user.role.may(*capability))
            .map(|&(href, key, _)| NavItem { href, key })
            .collect()
    }

    /// Whether the user follows plans (links from other areas' pages to a centre's plans).
    pub fn may_follow_plans(&self) -> bool {
        self.user
            .as_ref()
            .is_some_and(|user| user.role.may(Capability::FollowPlans))
    }

    /// Whether the user writes centres' activity logs (R-PLN-3).
    pub fn may_keep_log(&self) -> bool {
        self.user
            .as_ref()
            .is_some_and(|user| user.role.may(Capability::KeepLog))
    }

    /// Whether the user sees staff accounts (R-AUTH-6: links from a centre's page).
    pub fn may_read_staff(&self) -> bool {
        self.user
            .as_ref()
            .is_some_and(|user| user.role.may(Capability::ReadStaff))
    }

    /// Whether `href` is the navigation entry of this page: the longest entry the path starts
    /// with, so that `/settlement/report/records` marks the report and not also `/settlement`.
    pub fn is_current(&self, href: &str) -> bool {
        current_entry(&self.path) == Some(href)
    }

    /// The link that switches language and comes back here.
    /// The user guide, at the section of the signed-in user's role.
    pub fn help_href(&self) -> String {
        match &self.user {
            Some(user) => format!("/help#{}", crate::routes::help::section(user.role)),
            None => "/help".to_owned(),
        }
    }

    pub fn lang_switch_href(&self) -> String {
        format!(
            "/language/{}?back={}",
            self.lang.other().code(),
            crate::auth::url_encode(&self.path)
        )
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Shell {
    type Rejection = PageError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Shell, PageError> {
        let csrf = CsrfToken::from_request_parts(parts, state).await?;
        Ok(Shell {
            lang: Lang::from_headers(&parts.headers),
            user: parts.extensions.get::<Caller>().cloned(),
            csrf: csrf.0,
            path: parts.uri.path().to_owned(),
            title: String::new(),
        })
    }
}

/// Renders a template into an HTML response.
pub fn render(template: &impl Template) -> Response {
    match template.render() {
        Ok(html) => Html(html).into_response(),
        Err(error) => {
            tracing::error!(%error, "template failed");
            PageError::Internal.into_response()
        }
    }
}

/// The regions as `(code, label)` choices for a select; a region's code is its name.
pub fn region_choices() -> Vec<(&'static str, &'static str)> {
    Region::ALL
        .iter()
        .map(|region| (region.code(), region.code()))
        .collect()
}

/// A form's page: 200, or 400 when it is shown again with its errors.
pub fn render_form(template: &impl Template, valid: bool) -> Response {
    let status = if valid {
        StatusCode::OK
    } else {
        StatusCode::BAD_REQUEST
    };
    (status, render(template)).into_response()
}

/// Dates on screen: dd.mm.yyyy (SPEC §9).
pub fn display_date(date: chrono::NaiveDate) -> String {
    date.format("%d.%m.%Y").to_string()
}

/// Stored timestamps on screen: dd.mm.yyyy hh:mm:ss (UTC).
pub fn display_timestamp(stored: &str) -> String {
    chrono::DateTime::parse_from_rfc3339(stored)
        .map(|time| time.format("%d.%m.%Y %H:%M:%S").to_string())
        .unwrap_or_else(|_| stored.to_owned())
}

/// Reads a date typed as dd.mm.yyyy or yyyy-mm-dd.
pub fn parse_user_date(text: &str) -> Option<chrono::NaiveDate> {
    let text = text.trim();
    chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .or_else(|_| chrono::NaiveDate::parse_from_str(text, "%d.%m.%Y"))
        .ok()
}

#[cfg(test)]
mod tests {
    use super::current_entry;

    #[test]
    fn one_navigation_entry_is_current_the_longest_that_the_path_starts_with() {
        assert_eq!(
            current_entry("/settlement/report/records"),
            Some("/settlement/report")
        );
        assert_eq!(current_entry("/settlement/cases/3"), Some("/settlement"));
        assert_eq!(current_entry("/claims/simulate"), Some("/claims/simulate"));
        assert_eq!(current_entry("/claims/12"), Some("/claims"));
        assert_eq!(current_entry("/"), Some("/"));
        assert_eq!(current_entry("/login"), None);
    }
}
