//! Passwords: Argon2id hashes (R-AUTH-1) and the password policy.

use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use argon2::{Algorithm, Argon2, Params, Version};
use mottak_domain::error::Problem;

use crate::config::PasswordHashing;

pub const MINIMUM_LENGTH: usize = 12;

/// Why a password is refused, as a sentence for the field's error message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PasswordProblem {
    TooShort,
    TooCommon,
}

impl PasswordProblem {
    /// The problem as a field error's code.
    pub fn problem(self) -> Problem {
        match self {
            PasswordProblem::TooShort => Problem::PasswordTooShort {
                min: MINIMUM_LENGTH,
            },
            PasswordProblem::TooCommon => Problem::PasswordTooCommon,
        }
    }
}

/// At least 12 characters and not a common password or an easy variation of one (zxcvbn's
/// dictionaries of common passwords, names and words; the username counts as a common word).
pub fn check_policy(password: &str, username: &str) -> Result<(), PasswordProblem> {
    if password.chars().count() < MINIMUM_LENGTH {
        return Err(PasswordProblem::TooShort);
    }
    let estimate = zxcvbn::zxcvbn(password, &[username, "mottak", "udi", "imdi"]);
    if (estimate.score() as u8) < 3 {
        return Err(PasswordProblem::TooCommon);
    }
    Ok(())
}

fn hasher(cost: PasswordHashing) -> Argon2<'static> {
    let params = match cost {
        // OWASP's Argon2id recommendation: 19 MiB, 2 iterations, 1 lane.
        PasswordHashing::Production => Params::new(19 * 1024, 2, 1, None),
        PasswordHashing::FastForTests => Params::new(256, 1, 1, None),
    }
    .expect("valid Argon2 parameters");
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

pub fn hash(password: &str, cost: PasswordHashing) -> String {
    hasher(cost)
        .hash_password(password.as_bytes())
        .expect("hashing with a generated salt")
        .to_string()
}

/// Verifies against a stored PHC string (whose own parameters are used).
pub fn verify(password: &str, stored_hash: &str) -> bool {
    hasher(PasswordHashing::Production)
        .verify_password(password.as_bytes(), stored_hash)
        .is_ok()
}

/// A hash to verify against when the user does not exist, so that the answer takes as long
/// and does not tell whether the username exists.
pub fn dummy_hash(cost: PasswordHashing) -> &'static str {
    static PRODUCTION: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    static FAST: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    let cell = match cost {
        PasswordHashing::Production => &PRODUCTION,
        PasswordHashing::FastForTests => &FAST,
    };
    cell.get_or_init(|| hash("not a real password at all", cost))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn r_auth_1_refuses_short_and_common_passwords() {
        assert_eq!(check_policy("kort", "kari"), Err(PasswordProblem::TooShort));
        assert_eq!(
            check_policy("password1234", "kari"),
            Err(PasswordProblem::TooCommon)
        );
        assert_eq!(
            check_policy("qwertyuiop123", "kari"),
            Err(PasswordProblem::TooCommon)
        );
        assert_eq!(
            check_policy("kari.nordmann1", "kari.nordmann"),
            Err(PasswordProblem::TooCommon)
        );
        assert_eq!(check_policy("Fjellvann-Sykkel-Kaffe-42", "kari"), Ok(()));
    }

    #[test]
    fn r_auth_1_hashes_with_argon2id_and_verifies() {
        let stored = hash("Fjellvann-Sykkel-Kaffe-42", PasswordHashing::FastForTests);
        assert!(stored.starts_with("$argon2id$"));
        assert!(verify("Fjellvann-Sykkel-Kaffe-42", &stored));
        assert!(!verify("Fjellvann-Sykkel-Kaffe-43", &stored));
    }
}
