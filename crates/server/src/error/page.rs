//! Errors of the HTML pages, beside the API's `ApiError`: a page with the status, never a cause.

use askama::Template;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};

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
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        let (status, title_nb, title_en, text_nb, text_en) = match self {
            PageError::NotFound => (
                StatusCode::NOT_FOUND,
                "Fant ikke siden",
                "Page not found",
                "Lenken kan være gammel, eller siden er flyttet.",
                "The link may be old, or the page has moved.",
            ),
            PageError::Forbidden => (
                StatusCode::FORBIDDEN,
                "Ingen tilgang",
                "No access",
                "Rollen din gir ikke tilgang til denne siden.",
                "Your role does not give access to this page.",
            ),
            PageError::BadRequest => (
                StatusCode::BAD_REQUEST,
                "Noe var galt med forespørselen",
                "Something was wrong with the request",
                "Gå tilbake og prøv igjen.",
                "Go back and try again.",
            ),
            PageError::CsrfRejected => (
                StatusCode::FORBIDDEN,
                "Skjemaet er utløpt",
                "The form has expired",
                "Last siden på nytt og send skjemaet igjen.",
                "Reload the page and send the form again.",
            ),
            PageError::TooLarge => (
                StatusCode::PAYLOAD_TOO_LARGE,
                "For mye data",
                "Too much data",
                "Skjemaet eller filen er større enn 1 MiB.",
                "The form or file is larger than 1 MiB.",
            ),
            PageError::AgreementMissing => (
                StatusCode::FORBIDDEN,
                "Databehandleravtalen mangler",
                "The data processing agreement is missing",
                "Kommunen din har ingen signert databehandleravtale i den versjonen IMDi krever. \
                 Du får tilgang når IMDi har registrert avtalen. Ta kontakt med IMDi.",
                "Your municipality has no signed data processing agreement in the version IMDi \
                 requires. You get access once IMDi has registered it. Contact IMDi.",
            ),
            PageError::StaffClosed => (
                StatusCode::FORBIDDEN,
                "Tilgangen er ikke åpen",
                "Access is not open",
                "Ansattkontoer for mottaket virker fra 7 dager før avtalen starter til én måned \
                 etter at den slutter. Ta kontakt med regionkontoret.",
                "Staff accounts of the centre work from 7 days before the agreement starts until \
                 one month after it ends. Contact the regional unit.",
            ),
            PageError::StaffClaimsOnly => (
                StatusCode::FORBIDDEN,
                "Bare refusjonskrav og belegg",
                "Claims and occupancy only",
                "Mottakets avtaler er avsluttet. Til tre måneder etter slutten kan du bare \
                 godkjenne belegg og sende refusjonskrav.",
                "The centre's agreements have ended. Until three months after the end you can \
                 only approve occupancy and make claims.",
            ),
            PageError::Internal => (
                StatusCode::INTERNAL_SERVER_ERROR,
                "Noe gikk galt hos oss",
                "Something went wrong on our side",
                "Feilen er logget. Prøv igjen om litt.",
                "The error has been logged. Try again in a little while.",
            ),
        };
        let page = ErrorPage {
            status: status.as_u16(),
            title_nb,
            title_en,
            text_nb,
            text_en,
        };
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
