//! Errors of the HTML pages, beside the API's `ApiError`: a page with the status, never a cause.

use askama::Template;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};

use crate::i18n::Lang;

/// Errors shown as friendly pages, in both languages (the error may come before we know which).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageError {
    NotFound,
    Forbidden,
    BadRequest,
    CsrfRejected,
    TooLarge,
    Internal,
    /// R-AUTH-3: the municipality has no data processing agreement in force.
    AgreementMissing,
    /// R-AUTH-6: a staff account outside its centre's window.
    StaffClosed,
    /// R-AUTH-6, R-CLM-6: after the staff window, only claims and occupancy remain.
    StaffClaimsOnly,
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage {
    status: u16,
    title_nb: &'static str,
    title_en: &'static str,
    text_nb: &'static str,
    text_en: &'static str,
    home_nb: &'static str,
    home_en: &'static str,
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        let (status, code) = match self {
            PageError::NotFound => (StatusCode::NOT_FOUND, "not_found"),
            PageError::Forbidden => (StatusCode::FORBIDDEN, "forbidden"),
            PageError::BadRequest => (StatusCode::BAD_REQUEST, "bad_request"),
            PageError::CsrfRejected => (StatusCode::FORBIDDEN, "csrf_rejected"),
            PageError::TooLarge => (StatusCode::PAYLOAD_TOO_LARGE, "too_large"),
            PageError::AgreementMissing => (StatusCode::FORBIDDEN, "agreement_missing"),
            PageError::StaffClosed => (StatusCode::FORBIDDEN, "staff_closed"),
            PageError::StaffClaimsOnly => (StatusCode::FORBIDDEN, "staff_claims_only"),
            PageError::Internal => (StatusCode::INTERNAL_SERVER_ERROR, "internal"),
        };
        let text = |lang: Lang, part: &str| lang.text(&format!("error.{code}.{part}"));
        let page = ErrorPage {
            status: status.as_u16(),
            title_nb: text(Lang::Nb, "title"),
            title_en: text(Lang::En, "title"),
            text_nb: text(Lang::Nb, "text"),
            text_en: text(Lang::En, "text"),
            home_nb: Lang::Nb.text("error.home"),
            home_en: Lang::En.text("error.home"),
        };
        let title_en = page.title_en;
        let html = page.render().unwrap_or_else(|_| title_en.to_owned());
        (status, Html(html)).into_response()
    }
}

impl From<mottak_store::StoreError> for PageError {
    fn from(error: mottak_store::StoreError) -> PageError {
        match error {
            mottak_store::StoreError::NotFound => PageError::NotFound,
            other => {
                tracing::error!(error = %other, "storage error on a page");
                PageError::Internal
            }
        }
    }
}

/// An API error as a page: not found, forbidden and invalid keep their meaning; anything else is
/// logged and shown as an internal error.
impl From<crate::error::ApiError> for PageError {
    fn from(error: crate::error::ApiError) -> PageError {
        use crate::error::ApiError;
        match error {
            ApiError::NotFound => PageError::NotFound,
            ApiError::Forbidden(_) => PageError::Forbidden,
            ApiError::Invalid { .. } => PageError::BadRequest,
            other => {
                tracing::error!(error = ?other, "page operation failed");
                PageError::Internal
            }
        }
    }
}
