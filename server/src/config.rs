//! Settings, read once at start-up from the environment (environment always wins: ECS injects
//! secrets as environment variables).
//!
//! | variable | meaning | default |
//! |---|---|---|
//! | `DATABASE_URL` | PostgreSQL URL | assembled from `DB_*` below |
//! | `DB_HOST`, `DB_PORT`, `DB_NAME`, `DB_USER`, `DB_PASSWORD`, `DB_SSLMODE` | URL parts, used when `DATABASE_URL` is unset | port `5432`, sslmode `require` |
//! | `DB_MAX_CONNECTIONS` | connection pool size | `10` |
//! | `HOST` | address to bind | `0.0.0.0` |
//! | `PORT` | port to bind (`0`: any free port) | `8080` |
//! | `API_KEYS` | JSON array of `{name, sha256, scopes}` | none (every API call gets 401) |
//! | `LOG_LEVEL` | `tracing` filter, e.g. `info` or `patient_server=debug` | `info` |
//! | `LOG_FORMAT` | `json` or `text` | `json` |
//! | `IDEMPOTENCY_RETENTION_HOURS` | how long an `Idempotency-Key` and its response are kept | `24` |
//! | `SHUTDOWN_GRACE_SECONDS` | how long in-flight requests may finish after SIGTERM | `20` |
use std::{env, fmt, net::IpAddr, time::Duration};

use crate::auth::{ApiKeyConfigError, Keyring};

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{0} is not set (and neither is DATABASE_URL)")]
    Missing(&'static str),
    #[error("{name} is invalid: {reason}")]
    Invalid { name: &'static str, reason: String },
    #[error("API_KEYS is invalid: {0}")]
    ApiKeys(#[from] ApiKeyConfigError),
}

/// A value that must never be printed: `Debug` and `Display` show a placeholder.
#[derive(Clone)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Self {
        Self(value.into())
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret([redacted])")
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogFormat {
    Json,
    Text,
}

#[derive(Debug, Clone)]
pub struct Settings {
    pub database_url: Secret,
    pub db_max_connections: u32,
    pub host: IpAddr,
    pub port: u16,
    pub keyring: Keyring,
    pub log_level: String,
    pub log_format: LogFormat,
    pub shutdown_grace: Duration,
    pub idempotency_retention: Duration,
}

impl Settings {
    pub fn from_env() -> Result<Self, ConfigError> {
        Self::from_lookup(|name| env::var(name).ok().filter(|v| !v.is_empty()))
    }

    /// Builds settings from any variable source, so tests need not touch the process environment.
    pub fn from_lookup(var: impl Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        let database_url = match var("DATABASE_URL") {
            Some(url) => Secret::new(url),
            None => database_url_from_parts(&var)?,
        };
        let keyring = match var("API_KEYS") {
            Some(json) => Keyring::from_json(&json)?,
            None => Keyring::default(),
        };
        let log_format = match var("LOG_FORMAT").as_deref() {
            None | Some("json") => LogFormat::Json,
            Some("text") => LogFormat::Text,
            Some(other) => {
                return Err(invalid("LOG_FORMAT", format!("expected json or text, got {other:?}")));
            }
        };
        Ok(Self {
            database_url,
            db_max_connections: parse_or(&var, "DB_MAX_CONNECTIONS", 10)?,
            host: parse_or(&var, "HOST", IpAddr::from([0, 0, 0, 0]))?,
            port: parse_or(&var, "PORT", 8080)?,
            keyring,
            log_level: var("LOG_LEVEL").unwrap_or_else(|| "info".to_owned()),
            log_format,
            shutdown_grace: Duration::from_secs(parse_or(&var, "SHUTDOWN_GRACE_SECONDS", 20)?),
            idempotency_retention: Duration::from_secs(
                3600 * parse_or::<u64>(&var, "IDEMPOTENCY_RETENTION_HOURS", 24)?,
            ),
        })
    }
}

fn database_url_from_parts(var: &impl Fn(&str) -> Option<String>) -> Result<Secret, ConfigError> {
    let required = |name: &'static str| var(name).ok_or(ConfigError::Missing(name));
    let host = required("DB_HOST")?;
    let name = required("DB_NAME")?;
    let user = required("DB_USER")?;
    let password = required("DB_PASSWORD")?;
    let port: u16 = parse_or(var, "DB_PORT", 5432)?;
    let sslmode = var("DB_SSLMODE").unwrap_or_else(|| "require".to_owned());
    Ok(Secret::new(format!(
        "postgres://{}:{}@{host}:{port}/{}?sslmode={}",
        percent_encode(&user),
        percent_encode(&password),
        percent_encode(&name),
        percent_encode(&sslmode),
    )))
}

/// Percent-encodes everything but RFC 3986 unreserved characters (RDS-generated passwords
/// contain URL delimiters).
fn percent_encode(value: &str) -> String {
    value
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

fn parse_or<T: std::str::FromStr>(
    var: &impl Fn(&str) -> Option<String>,
    name: &'static str,
    default: T,
) -> Result<T, ConfigError>
where
    T::Err: fmt::Display,
{
    match var(name) {
        None => Ok(default),
        Some(raw) => raw.trim().parse().map_err(|e: T::Err| invalid(name, e.to_string())),
    }
}

fn invalid(name: &'static str, reason: String) -> ConfigError {
    ConfigError::Invalid { name, reason }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;

    fn settings(vars: &[(&str, &str)]) -> Result<Settings, ConfigError> {
        let vars: HashMap<String, String> = vars.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect();
        Settings::from_lookup(|name| vars.get(name).cloned())
    }

    #[test]
    fn database_url_wins_over_parts() {
        let s = settings(&[("DATABASE_URL", "postgres://a@b/c"), ("DB_HOST", "ignored")]).unwrap();
        assert_eq!(s.database_url.expose(), "postgres://a@b/c");
    }

    #[test]
    fn database_url_is_assembled_from_parts_with_encoding() {
        let s = settings(&[
            ("DB_HOST", "db.internal"),
            ("DB_NAME", "patients"),
            ("DB_USER", "app"),
            ("DB_PASSWORD", "p@ss:w/rd#1"),
        ])
        .unwrap();
        assert_eq!(
            s.database_url.expose(),
            "postgres://app:p%40ss%3Aw%2Frd%231@db.internal:5432/patients?sslmode=require"
        );
    }

    #[test]
    fn missing_database_settings_name_the_first_missing_part() {
        let err = settings(&[("DB_HOST", "h")]).unwrap_err();
        assert!(matches!(err, ConfigError::Missing("DB_NAME")), "{err}");
    }

    #[test]
    fn defaults_apply() {
        let s = settings(&[("DATABASE_URL", "postgres://x")]).unwrap();
        assert_eq!(s.port, 8080);
        assert_eq!(s.host.to_string(), "0.0.0.0");
        assert_eq!(s.log_format, LogFormat::Json);
        assert_eq!(s.shutdown_grace, Duration::from_secs(20));
    }

    #[test]
    fn bad_values_are_rejected_with_the_variable_name() {
        let err = settings(&[("DATABASE_URL", "postgres://x"), ("PORT", "eighty")]).unwrap_err();
        assert!(err.to_string().starts_with("PORT is invalid"), "{err}");
        let err = settings(&[("DATABASE_URL", "postgres://x"), ("LOG_FORMAT", "xml")]).unwrap_err();
        assert!(err.to_string().starts_with("LOG_FORMAT is invalid"), "{err}");
    }

    #[test]
    fn secrets_do_not_print() {
        let s = settings(&[("DATABASE_URL", "postgres://u:hunter2@h/d")]).unwrap();
        assert!(!format!("{s:?}").contains("hunter2"));
    }
}
