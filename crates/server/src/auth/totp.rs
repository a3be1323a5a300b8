//! Time-based one-time passwords (RFC 6238) and recovery codes (R-AUTH-1).

use rand::Rng;
use sha2::{Digest, Sha256};
use totp_rs::{Builder, Secret, Totp};

pub const ISSUER: &str = "mottak";
pub const STEP_SECONDS: u64 = 30;

/// A new random secret, base32 as authenticator apps show it.
pub fn new_secret() -> String {
    Secret::generate().to_base32()
}

fn totp(secret_base32: &str, account: &str) -> Option<Totp> {
    let secret = Secret::try_from_base32(secret_base32).ok()?;
    Builder::new()
        .with_secret(secret)
        .with_skew(1)
        .with_step_duration(STEP_SECONDS)
        .with_account_name(account)
        .with_issuer(Some(ISSUER))
        .build()
        .ok()
}

/// The `otpauth://` URL that the QR code carries.
pub fn provisioning_url(secret_base32: &str, account: &str) -> Option<String> {
    totp(secret_base32, account)?.to_url().ok()
}

/// The QR code of the provisioning URL as inline SVG.
pub fn qr_svg(url: &str) -> String {
    let code = qrcode::QrCode::new(url.as_bytes()).expect("a URL fits in a QR code");
    code.render::<qrcode::render::svg::Color<'_>>()
        .min_dimensions(200, 200)
        .quiet_zone(true)
        .build()
}

/// The time step a code matches (within one step of skew), or `None`.
pub fn matching_step(secret_base32: &str, code: &str, unix_time: u64) -> Option<u64> {
    let code: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    totp(secret_base32, "check")?.check(&code, unix_time)
}

/// The current code; for the demo's printout and for tests.
pub fn code_at(secret_base32: &str, unix_time: u64) -> Option<String> {
    Some(totp(secret_base32, "code")?.generate(unix_time).to_string())
}

pub fn unix_now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("clock after 1970")
        .as_secs()
}

/// Ten one-time recovery codes like `k7m2-9xq4`, shown once; only their hashes are stored.
pub fn new_recovery_codes() -> Vec<String> {
    const ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";
    let mut rng = rand::rng();
    (0..10)
        .map(|_| {
            let mut code = String::with_capacity(9);
            for index in 0..8 {
                if index == 4 {
                    code.push('-');
                }
                code.push(ALPHABET[rng.random_range(0..ALPHABET.len())] as char);
            }
            code
        })
        .collect()
}

/// Recovery codes are random, so a plain SHA-256 is enough (no dictionary to attack).
pub fn hash_recovery_code(code: &str) -> String {
    let normalised: String = code
        .trim()
        .to_lowercase()
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect();
    hex::encode(Sha256::digest(normalised.as_bytes()))
}

pub fn looks_like_recovery_code(code: &str) -> bool {
    code.trim().len() >= 8 && code.chars().any(|c| c.is_ascii_alphabetic())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn r_auth_1_current_code_matches_and_old_code_does_not() {
        let secret = new_secret();
        let now = 1_800_000_000;
        let code = code_at(&secret, now).unwrap();
        assert_eq!(matching_step(&secret, &code, now), Some(now / STEP_SECONDS));
        assert_eq!(matching_step(&secret, &code, now + 10 * STEP_SECONDS), None);
    }

    #[test]
    fn r_auth_1_recovery_codes_are_distinct_and_hash_normalised() {
        let codes = new_recovery_codes();
        assert_eq!(codes.len(), 10);
        let mut unique = codes.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), 10);
        assert_eq!(
            hash_recovery_code("ABCD-EFGH"),
            hash_recovery_code("abcdefgh")
        );
    }

    #[test]
    fn r_auth_1_qr_code_is_svg() {
        let url = provisioning_url(&new_secret(), "kari").unwrap();
        assert!(url.starts_with("otpauth://totp/"));
        assert!(qr_svg(&url).contains("<svg"));
    }
}
