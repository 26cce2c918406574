//! The PostgreSQL URL assembled from its parts: `DB_HOST`, `DB_PORT` (default `5432`),
//! `DB_NAME`, `DB_USER`, `DB_PASSWORD`, `DB_SSLMODE` (default `require`) and `DB_SSLROOTCERT`
//! (the CA bundle that `verify-ca`/`verify-full` check the server against; the image carries
//! the RDS one at `/etc/ssl/certs/rds-ca-bundle.pem`).
//!
//! Both binaries of the image use it (the server through its settings, the `migration` CLI in
//! its `main`), so one task definition shape runs either: ECS injects `DB_PASSWORD` as a
//! secret, and a URL holding the password is never written into a task definition.

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};

/// Why the parts do not make a URL. Never carries a value: the parts include the password.
#[derive(Debug, PartialEq, Eq)]
pub enum PartsError {
    /// A required part is unset or empty.
    Missing(&'static str),
    /// `DB_PORT` is not a port number (the parser's reason).
    InvalidPort(String),
}

impl std::fmt::Display for PartsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Missing(name) => write!(f, "{name} is not set (and neither is DATABASE_URL)"),
            Self::InvalidPort(reason) => write!(f, "DB_PORT is invalid: {reason}"),
        }
    }
}

impl std::error::Error for PartsError {}

/// Everything but RFC 3986 unreserved characters is percent-encoded (RDS-generated
/// passwords contain URL delimiters).
const NOT_UNRESERVED: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'.').remove(b'_').remove(b'~');

/// The URL from the parts that `var` returns (`None` for unset or empty).
pub fn from_parts(var: impl Fn(&str) -> Option<String>) -> Result<String, PartsError> {
    let required = |name: &'static str| var(name).ok_or(PartsError::Missing(name));
    let host = required("DB_HOST")?;
    let name = required("DB_NAME")?;
    let user = required("DB_USER")?;
    let password = required("DB_PASSWORD")?;
    let port: u16 = match var("DB_PORT") {
        None => 5432,
        Some(raw) => raw.trim().parse().map_err(|e: std::num::ParseIntError| PartsError::InvalidPort(e.to_string()))?,
    };
    let sslmode = var("DB_SSLMODE").unwrap_or_else(|| "require".to_owned());
    let encode = |value: &str| utf8_percent_encode(value, NOT_UNRESERVED).to_string();
    let root_cert = var("DB_SSLROOTCERT").map(|path| format!("&sslrootcert={}", encode(&path))).unwrap_or_default();
    Ok(format!(
        "postgres://{}:{}@{host}:{port}/{}?sslmode={}{root_cert}",
        encode(&user),
        encode(&password),
        encode(&name),
        encode(&sslmode),
    ))
}

/// The process environment as `from_parts` reads it: unset and empty are the same.
pub fn env_var(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|value| !value.is_empty())
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;

    fn url(vars: &[(&str, &str)]) -> Result<String, PartsError> {
        let vars: HashMap<&str, &str> = vars.iter().copied().collect();
        from_parts(|name| vars.get(name).map(|v| (*v).to_owned()))
    }

    const PARTS: [(&str, &str); 4] =
        [("DB_HOST", "db.internal"), ("DB_NAME", "patients"), ("DB_USER", "app"), ("DB_PASSWORD", "p@ss:w/rd#1")];

    #[test]
    fn a_root_certificate_is_passed_on_for_verify_full() {
        let mut parts = PARTS.to_vec();
        parts.extend([("DB_SSLMODE", "verify-full"), ("DB_SSLROOTCERT", "/etc/ssl/certs/rds-ca-bundle.pem")]);
        assert_eq!(
            url(&parts).unwrap(),
            "postgres://app:p%40ss%3Aw%2Frd%231@db.internal:5432/patients?sslmode=verify-full\
             &sslrootcert=%2Fetc%2Fssl%2Fcerts%2Frds-ca-bundle.pem"
        );
    }

    #[test]
    fn parts_make_a_url_with_reserved_characters_encoded() {
        assert_eq!(
            url(&PARTS).unwrap(),
            "postgres://app:p%40ss%3Aw%2Frd%231@db.internal:5432/patients?sslmode=require"
        );
    }

    #[test]
    fn port_and_sslmode_can_be_set() {
        let mut vars = PARTS.to_vec();
        vars.extend([("DB_PORT", "6543"), ("DB_SSLMODE", "disable")]);
        assert_eq!(url(&vars).unwrap(), "postgres://app:p%40ss%3Aw%2Frd%231@db.internal:6543/patients?sslmode=disable");
    }

    #[test]
    fn the_first_missing_part_is_named() {
        assert_eq!(url(&[("DB_HOST", "h")]), Err(PartsError::Missing("DB_NAME")));
        assert_eq!(url(&PARTS[..3]), Err(PartsError::Missing("DB_PASSWORD")));
    }

    #[test]
    fn a_bad_port_is_refused_without_quoting_any_part() {
        let mut vars = PARTS.to_vec();
        vars.push(("DB_PORT", "p@ss"));
        let err = url(&vars).unwrap_err();
        assert!(matches!(err, PartsError::InvalidPort(_)), "{err}");
        assert!(!err.to_string().contains("p@ss"), "{err}");
    }
}
