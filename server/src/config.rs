//! Settings, read once at start-up from the environment (environment always wins: ECS injects
//! secrets as environment variables).
//!
//! | variable | meaning | default |
//! |---|---|---|
//! | `DATABASE_URL` | PostgreSQL URL | assembled from `DB_*` below |
//! | `DB_HOST`, `DB_PORT`, `DB_NAME`, `DB_USER`, `DB_PASSWORD`, `DB_SSLMODE` | URL parts, used when `DATABASE_URL` is unset | port `5432`, sslmode `require` |
//! | `DB_IAM_AUTH`, `AWS_REGION`, AWS credentials | sign in with RDS IAM authentication tokens instead of `DB_PASSWORD` (see `store::iam_auth`) | off |
//! | `DB_MAX_CONNECTIONS` | connection pool size, 1–1000 | `10` |
//! | `HOST` | address to bind | `0.0.0.0` |
//! | `PORT` | port to bind (`0`: any free port) | `8080` |
//! | `METRICS_PORT` | port of the Prometheus `/metrics` listener, on `HOST` (`0`: any free port); never routed through the load balancer | `9090` |
//! | `API_KEYS` | JSON array of `{name, sha256, scopes}`; a name may not start with `oidc:` | none (every API call gets 401) |
//! | `OIDC_ISSUER`, `OIDC_AUDIENCE`, `OIDC_JWKS_URL`, `OIDC_SCOPE_CLAIM`, `OIDC_LEEWAY_SECONDS`, `OIDC_JWKS_REFETCH_SECONDS` | bearer tokens (see `auth::oidc`) | off: bearer tokens get 401 |
//! | `LOG_LEVEL` | `tracing` filter, e.g. `info` or `patient_server=debug` | `info` |
//! | `LOG_FORMAT` | `json` or `text` | `json` |
//! | `IDEMPOTENCY_RETENTION_HOURS` | how long an `Idempotency-Key` and its response are kept, 1–8760 | `24` |
//! | `SHUTDOWN_GRACE_SECONDS` | how long in-flight requests may finish after SIGTERM, 0–3600 | `20` |
//! | `RATE_LIMIT_RPS`, `RATE_LIMIT_BURST` | each principal's token bucket: sustained requests per second and bucket size, 1–100000 | `50`, `100` |
//! | `RATE_LIMIT_UNAUTHENTICATED_RPS`, `RATE_LIMIT_UNAUTHENTICATED_BURST` | the bucket of each client address, for requests that did not authenticate, 1–100000 | `5`, `20` |
//! | `CLIENT_ADDRESS` | where that address comes from: `connection` (the TCP peer) or `x-forwarded-for` (the last entry, as the ALB appends it; only behind a proxy that every connection passes) | `connection` |
//! | `MAX_IN_FLIGHT_REQUESTS` | requests one instance works on at once; beyond it `503 overloaded`, 1–100000 | `256` |
//! | `REQUEST_TIMEOUT_SECONDS` | time limit of one request (`503 request_timeout`), 1–600 | `30` |
//! | `HEADER_READ_TIMEOUT_SECONDS` | time a client has to send a request's headers before it is disconnected, 1–300 | `10` |
//! | `DB_STATEMENT_TIMEOUT_MS` | PostgreSQL `statement_timeout` of the service's connections (`503 database_timeout`); below the request timeout, 100–3600000 | `10000` |
//! | `DB_LOCK_TIMEOUT_MS` | PostgreSQL `lock_timeout` (`409 resource_busy`); at most the statement timeout, 10–3600000 | `2000` |
//! | `WRITE_SWITCH_POLL_MS` | how often the write kill-switch is read from the database, 100–60000 | `2000` |
//!
//! | `OTEL_*` | trace export (see `telemetry::otel`) | off |
//!
//! A bad value stops the service at start-up with a message naming the variable; messages
//! never contain a value (a password, a key hash or a URL with credentials).
use std::{fmt, net::IpAddr, ops::RangeInclusive, time::Duration};

use migration::database_url::PartsError;
use secrecy::{ExposeSecret, SecretString};

use crate::{
    auth::{ApiKeyConfigError, Keyring, oidc::OidcSettings},
    http::rate_limit::{ClientAddress, Rate, RateLimitSettings},
    store::iam_auth::IamAuthSettings,
    telemetry::otel::TraceSettings,
};

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{0} is not set (and neither is DATABASE_URL)")]
    Missing(&'static str),
    #[error("{name} is invalid: {reason}")]
    Invalid { name: &'static str, reason: String },
    #[error("API_KEYS is invalid: {0}")]
    ApiKeys(#[from] ApiKeyConfigError),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogFormat {
    Json,
    Text,
}

#[derive(Debug, Clone)]
pub struct Settings {
    pub database_url: SecretString,
    pub db_iam_auth: Option<IamAuthSettings>,
    pub db_max_connections: u32,
    pub host: IpAddr,
    pub port: u16,
    pub metrics_port: u16,
    pub keyring: Keyring,
    pub oidc: Option<OidcSettings>,
    pub log_level: String,
    pub log_format: LogFormat,
    pub traces: TraceSettings,
    pub shutdown_grace: Duration,
    pub idempotency_retention: Duration,
    pub limits: Limits,
    pub write_switch_poll: Duration,
}

/// Rate limits, load shedding and timeouts (see `http::rate_limit`, `http::load_shed`,
/// `http::serve`).
#[derive(Debug, Clone)]
pub struct Limits {
    pub rate: RateLimitSettings,
    pub max_in_flight: usize,
    pub request_timeout: Duration,
    pub header_read_timeout: Duration,
    pub db_statement_timeout: Duration,
    pub db_lock_timeout: Duration,
}

impl Limits {
    fn from_lookup(var: &impl Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        let client_address = match var("CLIENT_ADDRESS").as_deref().map(str::trim) {
            None | Some("connection") => ClientAddress::Connection,
            Some("x-forwarded-for") => ClientAddress::XForwardedFor,
            Some(_) => return Err(invalid("CLIENT_ADDRESS", "expected connection or x-forwarded-for".into())),
        };
        let request_timeout = Duration::from_secs(bounded(var, "REQUEST_TIMEOUT_SECONDS", 30, 1..=600)?);
        let db_statement_timeout =
            Duration::from_millis(bounded(var, "DB_STATEMENT_TIMEOUT_MS", 10_000, 100..=3_600_000)?);
        let db_lock_timeout = Duration::from_millis(bounded(var, "DB_LOCK_TIMEOUT_MS", 2_000, 10..=3_600_000)?);
        // A statement cut off by the request timeout would leave the client unsure whether it
        // ran; the database's own limit must answer first.
        if db_statement_timeout >= request_timeout {
            return Err(invalid("DB_STATEMENT_TIMEOUT_MS", "must be less than REQUEST_TIMEOUT_SECONDS".into()));
        }
        if db_lock_timeout > db_statement_timeout {
            return Err(invalid("DB_LOCK_TIMEOUT_MS", "must not exceed DB_STATEMENT_TIMEOUT_MS".into()));
        }
        Ok(Self {
            rate: RateLimitSettings {
                principal: rate(var, "RATE_LIMIT_RPS", 50, "RATE_LIMIT_BURST", 100)?,
                unauthenticated: rate(
                    var,
                    "RATE_LIMIT_UNAUTHENTICATED_RPS",
                    5,
                    "RATE_LIMIT_UNAUTHENTICATED_BURST",
                    20,
                )?,
                client_address,
            },
            max_in_flight: usize::try_from(bounded(var, "MAX_IN_FLIGHT_REQUESTS", 256, 1..=100_000)?).expect("bounded"),
            request_timeout,
            header_read_timeout: Duration::from_secs(bounded(var, "HEADER_READ_TIMEOUT_SECONDS", 10, 1..=300)?),
            db_statement_timeout,
            db_lock_timeout,
        })
    }
}

fn rate(
    var: &impl Fn(&str) -> Option<String>,
    rps_name: &'static str,
    rps_default: u64,
    burst_name: &'static str,
    burst_default: u64,
) -> Result<Rate, ConfigError> {
    let whole = |name, default| {
        let value = u32::try_from(bounded(var, name, default, 1..=100_000)?).expect("bounded");
        Ok::<_, ConfigError>(std::num::NonZeroU32::new(value).expect("at least 1"))
    };
    Ok(Rate { per_second: whole(rps_name, rps_default)?, burst: whole(burst_name, burst_default)? })
}

impl Settings {
    pub fn from_env() -> Result<Self, ConfigError> {
        Self::from_lookup(migration::database_url::env_var)
    }

    /// Builds settings from any variable source, so tests need not touch the process environment.
    pub fn from_lookup(var: impl Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        let database_url = database_url(&var)?;
        let db_iam_auth = IamAuthSettings::from_lookup(&var, database_url.expose_secret())?;
        let keyring = match var("API_KEYS") {
            Some(json) => Keyring::from_json(&json)?,
            None => Keyring::default(),
        };
        let log_format = match var("LOG_FORMAT").as_deref() {
            None | Some("json") => LogFormat::Json,
            Some("text") => LogFormat::Text,
            Some(_) => return Err(invalid("LOG_FORMAT", "expected json or text".into())),
        };
        let (host, port) = bind_address(&var)?;
        let metrics_port = parse_or(&var, "METRICS_PORT", 9090)?;
        if metrics_port == port && port != 0 {
            return Err(invalid("METRICS_PORT", "must differ from PORT".into()));
        }
        Ok(Self {
            database_url,
            db_iam_auth,
            db_max_connections: u32::try_from(bounded(&var, "DB_MAX_CONNECTIONS", 10, 1..=1000)?).expect("bounded"),
            host,
            port,
            metrics_port,
            keyring,
            oidc: OidcSettings::from_lookup(&var)?,
            log_level: var("LOG_LEVEL").unwrap_or_else(|| "info".to_owned()),
            log_format,
            traces: TraceSettings::from_lookup(&var)?,
            shutdown_grace: Duration::from_secs(bounded(&var, "SHUTDOWN_GRACE_SECONDS", 20, 0..=3600)?),
            idempotency_retention: Duration::from_secs(
                3600 * bounded(&var, "IDEMPOTENCY_RETENTION_HOURS", 24, 1..=24 * 365)?,
            ),
            limits: Limits::from_lookup(&var)?,
            write_switch_poll: Duration::from_millis(bounded(&var, "WRITE_SWITCH_POLL_MS", 2_000, 100..=60_000)?),
        })
    }
}

/// The address the server binds: `HOST` and `PORT`. The container health check
/// (`patient-server healthcheck`) reads the same two, so it probes where the server listens.
pub fn bind_address(var: &impl Fn(&str) -> Option<String>) -> Result<(IpAddr, u16), ConfigError> {
    Ok((parse_or(var, "HOST", IpAddr::from([0, 0, 0, 0]))?, parse_or(var, "PORT", 8080)?))
}

/// The database URL: `DATABASE_URL`, or assembled from the `DB_*` parts. The `writes`
/// command reads it the same way as the server, so it acts on the server's database.
pub fn database_url(var: &impl Fn(&str) -> Option<String>) -> Result<SecretString, ConfigError> {
    let iam = var("DB_IAM_AUTH").is_some_and(|v| v.trim() == "true");
    let database_url = match var("DATABASE_URL") {
        Some(url) => SecretString::from(url),
        // With IAM authentication the password is a token the pool renews; none is set.
        None if iam => database_url_from_parts(&|name: &str| match name {
            "DB_PASSWORD" => Some(String::new()),
            _ => var(name),
        })?,
        None => database_url_from_parts(var)?,
    };
    check_database_url(database_url.expose_secret())?;
    Ok(database_url)
}

/// The URL from the `DB_*` parts, assembled as the `migration` CLI does (one place for both).
fn database_url_from_parts(var: &impl Fn(&str) -> Option<String>) -> Result<SecretString, ConfigError> {
    match migration::database_url::from_parts(var) {
        Ok(url) => Ok(SecretString::from(url)),
        Err(PartsError::Missing(name)) => Err(ConfigError::Missing(name)),
        Err(PartsError::InvalidPort(reason)) => Err(invalid("DB_PORT", reason)),
    }
}

/// A PostgreSQL URL with a host. The reason never quotes the URL: it can hold a password.
fn check_database_url(raw: &str) -> Result<(), ConfigError> {
    let reason = match url::Url::parse(raw) {
        Err(err) => format!(
            "not a valid URL ({err}); percent-encode reserved characters such as # / ? @ : in the \
             user name and password, or set the DB_* parts instead"
        ),
        Ok(url) if !matches!(url.scheme(), "postgres" | "postgresql") => "the scheme must be postgres://".into(),
        Ok(url) if url.host_str().is_none_or(str::is_empty) => "the URL names no host".into(),
        Ok(_) => return Ok(()),
    };
    Err(invalid("DATABASE_URL", reason))
}

/// A whole number in `range`, or `default` when the variable is unset.
pub(crate) fn bounded(
    var: &impl Fn(&str) -> Option<String>,
    name: &'static str,
    default: u64,
    range: RangeInclusive<u64>,
) -> Result<u64, ConfigError> {
    let value = parse_or(var, name, default)?;
    if range.contains(&value) {
        Ok(value)
    } else {
        Err(invalid(name, format!("must be between {} and {}", range.start(), range.end())))
    }
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
        // The parser's message, not the value: a mistyped secret must not reach the log.
        Some(raw) => raw.trim().parse().map_err(|e: T::Err| invalid(name, e.to_string())),
    }
}

pub(crate) fn invalid(name: &'static str, reason: String) -> ConfigError {
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
        assert_eq!(s.database_url.expose_secret(), "postgres://a@b/c");
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
            s.database_url.expose_secret(),
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
        assert_eq!(s.metrics_port, 9090);
        assert_eq!(s.traces.export, None);
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
        let err =
            settings(&[("DATABASE_URL", "postgres://x"), ("PORT", "8080"), ("METRICS_PORT", "8080")]).unwrap_err();
        assert!(err.to_string().starts_with("METRICS_PORT is invalid"), "{err}");
    }

    #[test]
    fn secrets_do_not_print() {
        let s = settings(&[("DATABASE_URL", "postgres://u:hunter2@h/d")]).unwrap();
        assert!(!format!("{s:?}").contains("hunter2"));
    }

    #[test]
    fn numbers_outside_their_range_are_refused_at_start_up() {
        for (name, value) in [
            ("DB_MAX_CONNECTIONS", "0"),
            ("DB_MAX_CONNECTIONS", "100000"),
            ("IDEMPOTENCY_RETENTION_HOURS", "0"),
            ("IDEMPOTENCY_RETENTION_HOURS", "5124095576030431"),
            ("IDEMPOTENCY_RETENTION_HOURS", "18446744073709551615"),
            ("IDEMPOTENCY_RETENTION_HOURS", "99999999999999999999999"),
            ("SHUTDOWN_GRACE_SECONDS", "86400"),
            ("SHUTDOWN_GRACE_SECONDS", "-1"),
            ("RATE_LIMIT_RPS", "0"),
            ("RATE_LIMIT_BURST", "1000001"),
            ("RATE_LIMIT_UNAUTHENTICATED_RPS", "0"),
            ("MAX_IN_FLIGHT_REQUESTS", "0"),
            ("REQUEST_TIMEOUT_SECONDS", "0"),
            ("HEADER_READ_TIMEOUT_SECONDS", "301"),
            ("DB_STATEMENT_TIMEOUT_MS", "99"),
            ("DB_LOCK_TIMEOUT_MS", "9"),
            ("WRITE_SWITCH_POLL_MS", "60001"),
        ] {
            let err = settings(&[("DATABASE_URL", "postgres://x"), (name, value)]).unwrap_err();
            assert!(err.to_string().starts_with(&format!("{name} is invalid")), "{name}={value}: {err}");
            if value.len() > 6 {
                assert!(!err.to_string().contains(value), "{err}");
            }
        }
        let s = settings(&[("DATABASE_URL", "postgres://x"), ("IDEMPOTENCY_RETENTION_HOURS", "8760")]).unwrap();
        assert_eq!(s.idempotency_retention, Duration::from_secs(8760 * 3600));
    }

    #[test]
    fn limits_have_documented_defaults_and_consistent_timeouts() {
        let s = settings(&[("DATABASE_URL", "postgres://x")]).unwrap();
        assert_eq!(s.limits.rate.principal.per_second.get(), 50);
        assert_eq!(s.limits.rate.principal.burst.get(), 100);
        assert_eq!(s.limits.rate.client_address, ClientAddress::Connection);
        assert_eq!(s.limits.max_in_flight, 256);
        assert_eq!(s.limits.db_lock_timeout, Duration::from_secs(2));
        assert_eq!(s.write_switch_poll, Duration::from_secs(2));
        let err = settings(&[("DATABASE_URL", "postgres://x"), ("REQUEST_TIMEOUT_SECONDS", "5")]).unwrap_err();
        assert!(err.to_string().starts_with("DB_STATEMENT_TIMEOUT_MS is invalid"), "{err}");
        let err = settings(&[("DATABASE_URL", "postgres://x"), ("DB_LOCK_TIMEOUT_MS", "20000")]).unwrap_err();
        assert!(err.to_string().starts_with("DB_LOCK_TIMEOUT_MS is invalid"), "{err}");
        let err = settings(&[("DATABASE_URL", "postgres://x"), ("CLIENT_ADDRESS", "10.0.0.1")]).unwrap_err();
        assert!(!err.to_string().contains("10.0.0.1"), "{err}");
    }

    #[test]
    fn a_malformed_database_url_is_refused_without_quoting_it() {
        for url in [
            "postgres://app:pa#ss@db.internal/patients",
            "postgres://app:s3cret@:5432/x",
            "mysql://app:s3cret@h/d",
            "s3cret",
        ] {
            let err = settings(&[("DATABASE_URL", url)]).unwrap_err().to_string();
            assert!(err.starts_with("DATABASE_URL is invalid"), "{url}: {err}");
            for secret in ["pa#ss", "s3cret", "ss@db"] {
                assert!(!err.contains(secret), "the error quotes the URL: {err}");
            }
        }
    }
}
