//! OpenID Connect bearer tokens (JWT access tokens from one configured issuer).
//!
//! | variable | meaning | default |
//! |---|---|---|
//! | `OIDC_ISSUER` | the issuer URL, exactly as in its tokens' `iss` (https, or http on loopback) | none: bearer tokens get 401 |
//! | `OIDC_AUDIENCE` | the `aud` a token must carry (this service's identifier at the issuer) | required with `OIDC_ISSUER` |
//! | `OIDC_JWKS_URL` | where the signing keys are, instead of the discovery document's `jwks_uri` | discovered |
//! | `OIDC_SCOPE_CLAIM` | the one claim holding the scopes | `scope`, else `scp` |
//! | `OIDC_LEEWAY_SECONDS` | clock skew allowed on `exp` and `nbf`, 0–300 | `30` |
//! | `OIDC_JWKS_REFETCH_SECONDS` | least time between two fetches of the keys, 1–3600 | `30` |
//!
//! A token is accepted when it is a JWS signed with RS256 or ES256 by a key the issuer
//! publishes (the algorithm comes from the key; `none` and HS* are refused), and its `iss`,
//! `aud`, `exp` (required) and `nbf` (when present) hold. Its scopes are the contract's scope
//! names found in the scope claim (space-separated string or array); other values are
//! ignored. The principal is `oidc:` + `sub` (or `client_id` when there is no `sub`).
use std::{collections::BTreeSet, time::Duration};

use jsonwebtoken::{Algorithm, Validation, errors::ErrorKind};
use serde_json::{Map, Value};
use url::Url;

use super::{
    CredentialKind, Principal, Scope,
    jwks::{KeyError, KeySource, is_trusted_url},
};
use crate::config::{ConfigError, bounded, invalid};

/// What every token principal's name starts with. API key names may not start with it, so a
/// token's subject can never pass for an API key (or the other way round) in the audit log.
pub const ACTOR_PREFIX: &str = "oidc:";

/// The audit log's actor column holds at most this many characters.
const MAX_ACTOR_CHARS: usize = 200;

/// Longer tokens are refused before any parsing.
const MAX_TOKEN_BYTES: usize = 16 * 1024;

/// The keys are refreshed when older than this even if no unknown key id forces it.
const JWKS_MAX_AGE: Duration = Duration::from_secs(3600);

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OidcSettings {
    pub issuer: String,
    pub audience: String,
    pub jwks_url: Option<Url>,
    pub scope_claim: Option<String>,
    pub leeway: Duration,
    pub jwks_refetch_interval: Duration,
}

impl OidcSettings {
    /// `None` when `OIDC_ISSUER` is unset or empty.
    pub fn from_lookup(var: &impl Fn(&str) -> Option<String>) -> Result<Option<Self>, ConfigError> {
        let set = |name| var(name).map(|v| v.trim().to_owned()).filter(|v| !v.is_empty());
        let Some(issuer) = set("OIDC_ISSUER") else { return Ok(None) };
        if !Url::parse(&issuer).is_ok_and(|url| is_trusted_url(&url)) {
            return Err(invalid("OIDC_ISSUER", "must be an https URL (or http on loopback)".into()));
        }
        let audience =
            set("OIDC_AUDIENCE").ok_or_else(|| invalid("OIDC_AUDIENCE", "must be set when OIDC_ISSUER is".into()))?;
        let jwks_url = match set("OIDC_JWKS_URL") {
            None => None,
            Some(raw) => match Url::parse(&raw) {
                Ok(url) if is_trusted_url(&url) => Some(url),
                _ => return Err(invalid("OIDC_JWKS_URL", "must be an https URL (or http on loopback)".into())),
            },
        };
        let scope_claim = set("OIDC_SCOPE_CLAIM");
        Ok(Some(Self {
            issuer,
            audience,
            jwks_url,
            scope_claim,
            leeway: Duration::from_secs(bounded(var, "OIDC_LEEWAY_SECONDS", 30, 0..=300)?),
            jwks_refetch_interval: Duration::from_secs(bounded(var, "OIDC_JWKS_REFETCH_SECONDS", 30, 1..=3600)?),
        }))
    }
}

/// Why a token was refused: logged (never the token), not sent; the client gets
/// `invalid_token`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenRejection {
    Malformed,
    AlgorithmNotAllowed,
    NoKeyId,
    UnknownKey,
    IssuerUnavailable,
    BadSignature,
    Expired,
    NotYetValid,
    WrongIssuer,
    WrongAudience,
    MissingClaim,
    BadSubject,
}

impl TokenRejection {
    pub fn as_str(self) -> &'static str {
        match self {
            TokenRejection::Malformed => "malformed",
            TokenRejection::AlgorithmNotAllowed => "algorithm_not_allowed",
            TokenRejection::NoKeyId => "no_key_id",
            TokenRejection::UnknownKey => "unknown_key",
            TokenRejection::IssuerUnavailable => "issuer_unavailable",
            TokenRejection::BadSignature => "bad_signature",
            TokenRejection::Expired => "expired",
            TokenRejection::NotYetValid => "not_yet_valid",
            TokenRejection::WrongIssuer => "wrong_issuer",
            TokenRejection::WrongAudience => "wrong_audience",
            TokenRejection::MissingClaim => "missing_claim",
            TokenRejection::BadSubject => "bad_subject",
        }
    }
}

pub struct OidcVerifier {
    settings: OidcSettings,
    keys: KeySource,
}

impl OidcVerifier {
    pub fn new(settings: OidcSettings) -> Self {
        let keys = KeySource::new(
            settings.issuer.clone(),
            settings.jwks_url.clone(),
            settings.jwks_refetch_interval,
            JWKS_MAX_AGE,
        );
        Self { settings, keys }
    }

    pub async fn verify(&self, token: &str) -> Result<Principal, TokenRejection> {
        if token.len() > MAX_TOKEN_BYTES {
            return Err(TokenRejection::Malformed);
        }
        // An unknown `alg` (`none` among them) does not even parse as a header.
        let header = jsonwebtoken::decode_header(token).map_err(|_| TokenRejection::Malformed)?;
        if !matches!(header.alg, Algorithm::RS256 | Algorithm::ES256) {
            return Err(TokenRejection::AlgorithmNotAllowed);
        }
        let kid = header.kid.ok_or(TokenRejection::NoKeyId)?;
        let key = self.keys.key(&kid).await.map_err(|err| match err {
            KeyError::UnknownKey => TokenRejection::UnknownKey,
            KeyError::Unavailable => TokenRejection::IssuerUnavailable,
        })?;
        // The key decides the algorithm: an RSA key never verifies an HMAC or ECDSA signature.
        if key.algorithm != header.alg {
            return Err(TokenRejection::AlgorithmNotAllowed);
        }
        let mut validation = Validation::new(key.algorithm);
        validation.set_issuer(&[&self.settings.issuer]);
        validation.set_audience(&[&self.settings.audience]);
        validation.set_required_spec_claims(&["exp", "iss", "aud"]);
        validation.validate_nbf = true;
        validation.leeway = self.settings.leeway.as_secs();
        let data = jsonwebtoken::decode::<Map<String, Value>>(token, &key.key, &validation).map_err(|err| match err
            .kind()
        {
            ErrorKind::InvalidSignature => TokenRejection::BadSignature,
            ErrorKind::ExpiredSignature => TokenRejection::Expired,
            ErrorKind::ImmatureSignature => TokenRejection::NotYetValid,
            ErrorKind::InvalidIssuer => TokenRejection::WrongIssuer,
            ErrorKind::InvalidAudience => TokenRejection::WrongAudience,
            ErrorKind::MissingRequiredClaim(_) => TokenRejection::MissingClaim,
            ErrorKind::InvalidAlgorithm => TokenRejection::AlgorithmNotAllowed,
            _ => TokenRejection::Malformed,
        })?;
        principal_from_claims(&data.claims, self.settings.scope_claim.as_deref())
    }
}

fn principal_from_claims(claims: &Map<String, Value>, scope_claim: Option<&str>) -> Result<Principal, TokenRejection> {
    let subject = ["sub", "client_id"]
        .iter()
        .find_map(|name| claims.get(*name).and_then(Value::as_str).filter(|s| !s.is_empty()))
        .ok_or(TokenRejection::MissingClaim)?;
    if subject.chars().count() > MAX_ACTOR_CHARS - ACTOR_PREFIX.len() || subject.chars().any(char::is_control) {
        return Err(TokenRejection::BadSubject);
    }
    let granted = match scope_claim {
        Some(name) => claims.get(name),
        None => claims.get("scope").or_else(|| claims.get("scp")),
    };
    Ok(Principal {
        name: format!("{ACTOR_PREFIX}{subject}"),
        scopes: scopes(granted),
        credential: CredentialKind::BearerToken,
    })
}

/// The contract's scopes in a scope claim: a space-separated string (RFC 8693 `scope`) or an
/// array of strings (`scp`, as some issuers send it).
fn scopes(claim: Option<&Value>) -> BTreeSet<Scope> {
    let names: Vec<&str> = match claim {
        Some(Value::String(list)) => list.split_whitespace().collect(),
        Some(Value::Array(items)) => items.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    };
    names.into_iter().filter_map(Scope::parse).collect()
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use serde_json::json;

    use super::*;

    fn claims(value: Value) -> Map<String, Value> {
        value.as_object().unwrap().clone()
    }

    #[test]
    fn scopes_come_from_scope_or_scp_and_unknown_ones_are_ignored() {
        let p = principal_from_claims(&claims(json!({"sub": "u1", "scope": "openid patient:read  audit:read"})), None)
            .unwrap();
        assert_eq!(p.scopes, BTreeSet::from([Scope::PatientRead, Scope::AuditRead]));
        let p = principal_from_claims(&claims(json!({"sub": "u1", "scp": ["patient:write", "admin"]})), None).unwrap();
        assert_eq!(p.scopes, BTreeSet::from([Scope::PatientWrite]));
        let p =
            principal_from_claims(&claims(json!({"sub": "u1", "roles": "patient:read", "scope": "x"})), Some("roles"))
                .unwrap();
        assert_eq!(p.scopes, BTreeSet::from([Scope::PatientRead]));
        let p = principal_from_claims(&claims(json!({"sub": "u1", "scope": 7})), None).unwrap();
        assert!(p.scopes.is_empty());
    }

    #[test]
    fn the_actor_is_the_prefixed_subject_or_client_id() {
        let p = principal_from_claims(&claims(json!({"sub": "abc", "client_id": "app"})), None).unwrap();
        assert_eq!(p.name, "oidc:abc");
        assert_eq!(p.credential, CredentialKind::BearerToken);
        let p = principal_from_claims(&claims(json!({"client_id": "app"})), None).unwrap();
        assert_eq!(p.name, "oidc:app");
        for bad in [json!({}), json!({"sub": ""}), json!({"sub": 12})] {
            assert_eq!(principal_from_claims(&claims(bad), None), Err(TokenRejection::MissingClaim));
        }
        for bad in [json!({"sub": "a\nb"}), json!({"sub": "x".repeat(196)})] {
            assert_eq!(principal_from_claims(&claims(bad), None), Err(TokenRejection::BadSubject));
        }
        assert!(principal_from_claims(&claims(json!({"sub": "x".repeat(195)})), None).is_ok());
    }

    fn settings(vars: &[(&str, &str)]) -> Result<Option<OidcSettings>, ConfigError> {
        let vars: HashMap<&str, &str> = vars.iter().copied().collect();
        OidcSettings::from_lookup(&|name: &str| vars.get(name).map(|v| (*v).to_owned()))
    }

    #[test]
    fn settings_need_a_trusted_issuer_and_an_audience() {
        assert_eq!(settings(&[]).unwrap(), None);
        assert_eq!(settings(&[("OIDC_ISSUER", " ")]).unwrap(), None);
        let s = settings(&[("OIDC_ISSUER", "https://login.example.org/"), ("OIDC_AUDIENCE", "patient-service")])
            .unwrap()
            .unwrap();
        assert_eq!(s.issuer, "https://login.example.org/");
        assert_eq!(s.leeway, Duration::from_secs(30));
        assert_eq!(s.jwks_refetch_interval, Duration::from_secs(30));
        for (vars, name) in [
            (vec![("OIDC_ISSUER", "https://login.example.org")], "OIDC_AUDIENCE"),
            (vec![("OIDC_ISSUER", "http://login.example.org"), ("OIDC_AUDIENCE", "a")], "OIDC_ISSUER"),
            (vec![("OIDC_ISSUER", "login.example.org"), ("OIDC_AUDIENCE", "a")], "OIDC_ISSUER"),
            (
                vec![
                    ("OIDC_ISSUER", "https://l.example.org"),
                    ("OIDC_AUDIENCE", "a"),
                    ("OIDC_JWKS_URL", "http://x.org/k"),
                ],
                "OIDC_JWKS_URL",
            ),
            (
                vec![("OIDC_ISSUER", "https://l.example.org"), ("OIDC_AUDIENCE", "a"), ("OIDC_LEEWAY_SECONDS", "3600")],
                "OIDC_LEEWAY_SECONDS",
            ),
            (
                vec![
                    ("OIDC_ISSUER", "https://l.example.org"),
                    ("OIDC_AUDIENCE", "a"),
                    ("OIDC_JWKS_REFETCH_SECONDS", "0"),
                ],
                "OIDC_JWKS_REFETCH_SECONDS",
            ),
        ] {
            let err = settings(&vars).unwrap_err().to_string();
            assert!(err.starts_with(&format!("{name} is invalid")), "{vars:?}: {err}");
        }
    }
}
