//! CSRF protection for every form: a signed double-submit token.
//!
//! Each browser gets a random `mottak_csrf` cookie (HttpOnly); forms carry
//! HMAC-SHA256(server key, cookie) in a hidden `csrf` field. A cross-site page can make the
//! browser send the cookie but cannot read it or compute the token. JSON API calls authenticate
//! with bearer tokens, which a browser never sends on its own, so they need no CSRF token.

use axum::extract::{FromRequest, FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderValue, header};
use axum::middleware::Next;
use axum::response::Response;
use hmac::{Hmac, KeyInit, Mac};
use serde::de::DeserializeOwned;
use sha2::Sha256;

use super::session::{cookie, new_cookie_value, set_cookie};
use crate::error::PageError;
use crate::state::AppState;

pub const COOKIE: &str = "mottak_csrf";

/// The token to put into this request's forms.
#[derive(Clone, Debug)]
pub struct CsrfToken(pub String);

fn sign(key: &[u8; 32], cookie_value: &str) -> Hmac<Sha256> {
    let mut mac = Hmac::<Sha256>::new_from_slice(key).expect("HMAC takes any key length");
    mac.update(cookie_value.as_bytes());
    mac
}

pub fn token_for(key: &[u8; 32], cookie_value: &str) -> String {
    hex::encode(sign(key, cookie_value).finalize().into_bytes())
}

fn is_valid(key: &[u8; 32], cookie_value: &str, token: &str) -> bool {
    hex::decode(token).is_ok_and(|bytes| sign(key, cookie_value).verify_slice(&bytes).is_ok())
}

/// Middleware: make sure the browser has a CSRF cookie and the request knows its token.
pub async fn ensure_cookie(
    State(state): State<AppState>,
    mut request: Request,
    next: Next,
) -> Response {
    let existing = cookie(request.headers(), COOKIE).filter(|value| value.len() >= 32);
    let (value, is_new) = match existing {
        Some(value) => (value, false),
        None => (new_cookie_value(), true),
    };
    request
        .extensions_mut()
        .insert(CsrfToken(token_for(&state.csrf_key, &value)));
    let mut response = next.run(request).await;
    if is_new {
        let cookie = set_cookie(COOKIE, &value, state.config.secure_cookies, 365 * 24 * 3600);
        if let Ok(header_value) = HeaderValue::from_str(&cookie) {
            response
                .headers_mut()
                .append(header::SET_COOKIE, header_value);
        }
    }
    response
}

impl<S: Send + Sync> FromRequestParts<S> for CsrfToken {
    type Rejection = PageError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<CsrfToken, PageError> {
        parts
            .extensions
            .get::<CsrfToken>()
            .cloned()
            .ok_or(PageError::Internal)
    }
}

/// A form body whose `csrf` field must match the browser's cookie; otherwise 403.
pub struct CsrfForm<T>(pub T);

#[derive(serde::Deserialize)]
struct CsrfField {
    csrf: Option<String>,
}

impl<T: DeserializeOwned> FromRequest<AppState> for CsrfForm<T> {
    type Rejection = PageError;

    async fn from_request(request: Request, state: &AppState) -> Result<Self, PageError> {
        let cookie_value = cookie(request.headers(), COOKIE);
        let bytes = axum::body::Bytes::from_request(request, state)
            .await
            .map_err(|rejection| {
                if rejection.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE {
                    PageError::TooLarge
                } else {
                    PageError::BadRequest
                }
            })?;
        let field: CsrfField =
            serde_urlencoded::from_bytes(&bytes).map_err(|_| PageError::BadRequest)?;
        let valid = match (cookie_value, field.csrf) {
            (Some(cookie_value), Some(token)) => is_valid(&state.csrf_key, &cookie_value, &token),
            _ => false,
        };
        if !valid {
            return Err(PageError::CsrfRejected);
        }
        let form = serde_urlencoded::from_bytes(&bytes).map_err(|_| PageError::BadRequest)?;
        Ok(CsrfForm(form))
    }
}

/// A `multipart/form-data` body (a form with a file) whose `csrf` field must match the
/// browser's cookie, as [`CsrfForm`]; its fields by name, files read as UTF-8 text. An ordinary
/// form body (`application/x-www-form-urlencoded`, a client that sends no file) is read too, and
/// checked the same way.
pub struct CsrfMultipart(pub std::collections::BTreeMap<String, String>);

impl FromRequest<AppState> for CsrfMultipart {
    type Rejection = PageError;

    async fn from_request(request: Request, state: &AppState) -> Result<Self, PageError> {
        let urlencoded = request
            .headers()
            .get(axum::http::header::CONTENT_TYPE)
            .and_then(|value| value.to_str().ok())
            .is_some_and(|value| value.starts_with("application/x-www-form-urlencoded"));
        if urlencoded {
            let CsrfForm(pairs) =
                CsrfForm::<Vec<(String, String)>>::from_request(request, state).await?;
            return Ok(CsrfMultipart(pairs.into_iter().collect()));
        }
        let cookie_value = cookie(request.headers(), COOKIE);
        let mut multipart = axum::extract::Multipart::from_request(request, state)
            .await
            .map_err(|_| PageError::BadRequest)?;
        let mut fields = std::collections::BTreeMap::new();
        loop {
            let field = match multipart.next_field().await {
                Ok(Some(field)) => field,
                Ok(None) => break,
                Err(error) if error.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE => {
                    return Err(PageError::TooLarge);
                }
                Err(_) => return Err(PageError::BadRequest),
            };
            let name = field.name().unwrap_or_default().to_owned();
            let bytes = field.bytes().await.map_err(|_| PageError::BadRequest)?;
            // A file that is not UTF-8 is kept readable; its rows then fail by line.
            fields.insert(name, String::from_utf8_lossy(&bytes).into_owned());
        }
        let valid = match (cookie_value, fields.get("csrf")) {
            (Some(cookie_value), Some(token)) => is_valid(&state.csrf_key, &cookie_value, token),
            _ => false,
        };
        if !valid {
            return Err(PageError::CsrfRejected);
        }
        Ok(CsrfMultipart(fields))
    }
}

impl CsrfMultipart {
    /// A field's value, empty when absent.
    pub fn take(&mut self, name: &str) -> String {
        self.0.remove(name).unwrap_or_default()
    }

    /// What an import reads: the uploaded `file` when one was chosen, else the pasted `text`
    /// (both go through the same parser).
    pub fn file_or_text(&mut self) -> String {
        self.file_or("text")
    }

    /// The uploaded `file` when one was chosen, else the pasted text of `field`.
    pub fn file_or(&mut self, field: &str) -> String {
        match self.0.remove("file").filter(|file| !file.trim().is_empty()) {
            Some(file) => file,
            None => self.take(field),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn token_verifies_only_for_its_cookie_and_key() {
        let key = [7u8; 32];
        let token = token_for(&key, "cookie-a");
        assert!(is_valid(&key, "cookie-a", &token));
        assert!(!is_valid(&key, "cookie-b", &token));
        assert!(!is_valid(&[8u8; 32], "cookie-a", &token));
        assert!(!is_valid(&key, "cookie-a", "not hex"));
    }
}
