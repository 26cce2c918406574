//! Authentication (API keys and OIDC bearer tokens) and scope-based authorization.
//!
//! Keys are configured by `API_KEYS` as SHA-256 hashes only, so the configuration never
//! holds a usable secret. A presented key is hashed and compared with every configured hash
//! in constant time. Bearer tokens are verified by [`oidc`] when an issuer is configured.
//!
//! [`require_scope`] is the one place a request is authenticated, for both kinds of
//! credential. It runs after routing and before any request parsing, so an unauthenticated
//! caller learns nothing about validation and never gets further than 401/403. The scope an
//! operation needs is the contract's (`x-required-scope`, see `crate::contract`). The
//! [`Principal`] it finds is handed on three ways: to the generated handlers through
//! [`authenticated_principal`] (their own credential hooks read it, they never authenticate),
//! as a request extension for the layers inside it (`http::rate_limit`), and on the response as [`Caller`], which the
//! access log records as the actor.
pub mod jwks;
pub mod oidc;

use std::{collections::BTreeSet, fmt, sync::Arc};

use axum::{
    extract::{Request, State},
    middleware::Next,
    response::{IntoResponse, Response},
};
use http::{HeaderMap, HeaderValue, header};
use serde::Deserialize;
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

use self::oidc::{ACTOR_PREFIX, OidcSettings, OidcVerifier};
use crate::{contract::Access, error::ApiError, http::operation::CurrentOperation};

/// The header that carries an API key (the spec's `ApiKeyAuth` scheme).
pub const API_KEY_HEADER: &str = "x-api-key";

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
pub enum Scope {
    #[serde(rename = "patient:read")]
    PatientRead,
    #[serde(rename = "patient:write")]
    PatientWrite,
    #[serde(rename = "audit:read")]
    AuditRead,
}

impl Scope {
    pub const ALL: [Scope; 3] = [Scope::PatientRead, Scope::PatientWrite, Scope::AuditRead];

    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|scope| scope.as_str() == name)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Scope::PatientRead => "patient:read",
            Scope::PatientWrite => "patient:write",
            Scope::AuditRead => "audit:read",
        }
    }
}

/// Who made a request: a name and the scopes its credential grants.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Principal {
    /// An API key's configured name, or [`oidc::ACTOR_PREFIX`] + a token's subject: unique
    /// across both kinds, so it is the key for anything per caller (the audit actor, the
    /// idempotency-key scope, rate-limit buckets).
    pub name: String,
    pub scopes: BTreeSet<Scope>,
    pub credential: CredentialKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CredentialKind {
    ApiKey,
    BearerToken,
}

#[derive(Debug, thiserror::Error)]
pub enum ApiKeyConfigError {
    /// Where the JSON went wrong, not what it said there: it may be a misplaced key.
    #[error("not a JSON array of {{name, sha256, scopes}} objects (problem at line {line}, column {column})")]
    Json { line: usize, column: usize },
    #[error("entry {index}: sha256 must be 64 hexadecimal characters")]
    BadHash { index: usize },
    #[error("entry {index}: name must be 1-200 characters and not start with \"oidc:\" (token subjects do)")]
    BadName { index: usize },
    #[error("entry {index}: the same key hash is configured twice")]
    DuplicateHash { index: usize },
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ApiKeyEntry {
    name: String,
    sha256: String,
    scopes: BTreeSet<Scope>,
}

#[derive(Clone)]
struct ConfiguredKey {
    hash: [u8; 32],
    principal: Principal,
}

/// Who a request authenticated as (the principal's name, never a secret): a response
/// extension for the access log's `actor`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Caller(pub String);

/// The configured API keys.
#[derive(Clone, Default)]
pub struct Keyring {
    keys: Arc<Vec<ConfiguredKey>>,
}

impl fmt::Debug for Keyring {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names: Vec<&str> = self.keys.iter().map(|k| k.principal.name.as_str()).collect();
        f.debug_struct("Keyring").field("names", &names).finish()
    }
}

impl Keyring {
    pub fn from_json(json: &str) -> Result<Self, ApiKeyConfigError> {
        let entries: Vec<ApiKeyEntry> =
            serde_json::from_str(json).map_err(|e| ApiKeyConfigError::Json { line: e.line(), column: e.column() })?;
        let mut keys: Vec<ConfiguredKey> = Vec::with_capacity(entries.len());
        for (index, entry) in entries.into_iter().enumerate() {
            let mut hash = [0u8; 32];
            hex::decode_to_slice(entry.sha256.trim(), &mut hash).map_err(|_| ApiKeyConfigError::BadHash { index })?;
            let name = entry.name.trim().to_owned();
            if name.is_empty() || name.chars().count() > 200 || name.starts_with(ACTOR_PREFIX) {
                return Err(ApiKeyConfigError::BadName { index });
            }
            if keys.iter().any(|k| k.hash == hash) {
                return Err(ApiKeyConfigError::DuplicateHash { index });
            }
            keys.push(ConfiguredKey {
                hash,
                principal: Principal { name, scopes: entry.scopes, credential: CredentialKind::ApiKey },
            });
        }
        Ok(Self { keys: Arc::new(keys) })
    }

    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// Finds the principal for a presented key. Every configured hash is compared, in
    /// constant time, whether or not an earlier one matched.
    pub fn authenticate(&self, presented_key: &[u8]) -> Option<Principal> {
        let presented: [u8; 32] = Sha256::digest(presented_key).into();
        let mut found = None;
        for key in self.keys.iter() {
            if bool::from(key.hash.ct_eq(&presented)) {
                found = Some(&key.principal);
            }
        }
        found.cloned()
    }

    /// The principal for a request's `X-API-Key` header, if it carries a known key.
    pub fn authenticate_headers(&self, headers: &HeaderMap) -> Option<Principal> {
        let key = headers.get(API_KEY_HEADER)?.as_bytes();
        if key.is_empty() {
            return None;
        }
        self.authenticate(key)
    }
}

tokio::task_local! {
    /// The principal [`require_scope`] authenticated, while the request's handler runs.
    static AUTHENTICATED: Principal;
}

/// The principal of the request being handled, as authenticated by [`require_scope`]. The
/// generated handlers' credential hooks call this instead of authenticating again.
pub fn authenticated_principal() -> Option<Principal> {
    AUTHENTICATED.try_with(Clone::clone).ok()
}

/// Both kinds of credential, checked in one place.
#[derive(Clone, Default)]
pub struct Authenticator {
    keyring: Keyring,
    oidc: Option<Arc<OidcVerifier>>,
}

/// Why a request has no principal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AuthFailure {
    /// No credential, an unknown API key, or a bearer token while no issuer is configured.
    Unauthenticated,
    /// A bearer token that does not verify.
    InvalidToken(oidc::TokenRejection),
}

impl Authenticator {
    pub fn new(keyring: Keyring, oidc: Option<OidcSettings>) -> Self {
        Self { keyring, oidc: oidc.map(|settings| Arc::new(OidcVerifier::new(settings))) }
    }

    /// An `X-API-Key` header decides when present; otherwise an `Authorization: Bearer` token.
    pub async fn authenticate(&self, headers: &HeaderMap) -> Result<Principal, AuthFailure> {
        if headers.contains_key(API_KEY_HEADER) {
            return self.keyring.authenticate_headers(headers).ok_or(AuthFailure::Unauthenticated);
        }
        let (Some(token), Some(verifier)) = (bearer_token(headers), &self.oidc) else {
            return Err(AuthFailure::Unauthenticated);
        };
        verifier.verify(token).await.map_err(AuthFailure::InvalidToken)
    }
}

/// The token of an `Authorization: Bearer <token>` header (the scheme is case-insensitive).
fn bearer_token(headers: &HeaderMap) -> Option<&str> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    let token = token.trim();
    (scheme.eq_ignore_ascii_case("bearer") && !token.is_empty()).then_some(token)
}

/// Middleware (a route layer, inside `operation::resolve_operation`): 401 without a valid
/// credential, 403 without the scope the operation needs.
pub async fn require_scope(State(authenticator): State<Authenticator>, mut request: Request, next: Next) -> Response {
    let Some(CurrentOperation(operation)) = request.extensions().get::<CurrentOperation>().copied() else {
        return next.run(request).await;
    };
    let Access::Scope(scope) = operation.access else { return next.run(request).await };
    let principal = match authenticator.authenticate(request.headers()).await {
        Ok(principal) => principal,
        Err(AuthFailure::Unauthenticated) => return ApiError::Unauthenticated.into_response(),
        Err(AuthFailure::InvalidToken(rejection)) => {
            tracing::info!(reason = rejection.as_str(), "bearer token refused");
            return ApiError::InvalidToken.into_response();
        }
    };
    let caller = Caller(principal.name.clone());
    let mut response = if principal.scopes.contains(&scope) {
        // For the layers after this one (the principal's rate limit).
        request.extensions_mut().insert(principal.clone());
        AUTHENTICATED.scope(principal, next.run(request)).await
    } else {
        let mut response = ApiError::InsufficientScope(Some(scope)).into_response();
        if principal.credential == CredentialKind::BearerToken {
            // RFC 6750, section 3.1: the scope a new token would need.
            let challenge =
                format!(r#"Bearer realm="patient-service", error="insufficient_scope", scope="{}""#, scope.as_str());
            response.headers_mut().insert(header::WWW_AUTHENTICATE, HeaderValue::from_str(&challenge).expect("ASCII"));
        }
        response
    };
    response.extensions_mut().insert(caller);
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sha256_hex(key: &str) -> String {
        hex::encode(Sha256::digest(key.as_bytes()))
    }

    fn keyring() -> Keyring {
        let json = format!(
            r#"[{{"name":"frontend","sha256":"{}","scopes":["patient:read","patient:write"]}},
                {{"name":"reporting","sha256":"{}","scopes":["patient:read"]}}]"#,
            sha256_hex("front-secret"),
            sha256_hex("report-secret").to_uppercase(),
        );
        Keyring::from_json(&json).unwrap()
    }

    #[test]
    fn known_keys_authenticate_as_their_principal() {
        let ring = keyring();
        let p = ring.authenticate(b"front-secret").unwrap();
        assert_eq!(p.name, "frontend");
        assert!(p.scopes.contains(&Scope::PatientWrite));
        let p = ring.authenticate(b"report-secret").unwrap();
        assert_eq!(p.name, "reporting");
        assert!(!p.scopes.contains(&Scope::PatientWrite));
    }

    #[test]
    fn unknown_and_empty_keys_do_not_authenticate() {
        let ring = keyring();
        assert!(ring.authenticate(b"front-secret ").is_none());
        assert!(ring.authenticate(b"").is_none());
        let mut headers = HeaderMap::new();
        headers.insert(API_KEY_HEADER, "".parse().unwrap());
        assert!(ring.authenticate_headers(&headers).is_none());
        assert!(Keyring::default().authenticate(b"front-secret").is_none());
    }

    #[test]
    fn malformed_configuration_is_rejected() {
        for json in [
            "{}",
            r#"[{"name":"a","sha256":"abc","scopes":[]}]"#,
            r#"[{"name":"a","sha256":"zz","scopes":["patient:read"]}]"#,
            r#"[{"name":"a","sha256":"00","scopes":["admin"]}]"#,
            r#"[{"name":"a","key":"plaintext","scopes":["patient:read"]}]"#,
        ] {
            assert!(Keyring::from_json(json).is_err(), "{json} should be rejected");
        }
        let h = sha256_hex("k");
        let dup = format!(r#"[{{"name":"a","sha256":"{h}","scopes":[]}},{{"name":"b","sha256":"{h}","scopes":[]}}]"#);
        assert!(matches!(Keyring::from_json(&dup), Err(ApiKeyConfigError::DuplicateHash { index: 1 })));
        let blank = format!(r#"[{{"name":" ","sha256":"{h}","scopes":[]}}]"#);
        assert!(matches!(Keyring::from_json(&blank), Err(ApiKeyConfigError::BadName { index: 0 })));
        let token_like = format!(r#"[{{"name":"oidc:someone","sha256":"{h}","scopes":[]}}]"#);
        assert!(matches!(Keyring::from_json(&token_like), Err(ApiKeyConfigError::BadName { index: 0 })));
    }

    #[test]
    fn configuration_errors_do_not_quote_the_configuration() {
        let err = Keyring::from_json(r#"[{"name":"a","sha256":"x","scopes":"plain-secret-key"}]"#).unwrap_err();
        assert!(!err.to_string().contains("plain-secret-key"), "{err}");
    }

    #[test]
    fn debug_output_names_keys_but_not_hashes() {
        let printed = format!("{:?}", keyring());
        assert!(printed.contains("frontend"));
        assert!(!printed.contains(&sha256_hex("front-secret")));
    }

    #[test]
    fn bearer_tokens_are_read_from_the_authorization_header() {
        let mut headers = HeaderMap::new();
        assert_eq!(bearer_token(&headers), None);
        for (value, token) in [
            ("Bearer abc.def.ghi", Some("abc.def.ghi")),
            ("bearer  t", Some("t")),
            ("Basic dXNlcg==", None),
            ("Bearer ", None),
        ] {
            headers.insert(header::AUTHORIZATION, value.parse().unwrap());
            assert_eq!(bearer_token(&headers), token, "{value}");
        }
    }

    #[test]
    fn scope_names_round_trip() {
        for scope in Scope::ALL {
            assert_eq!(Scope::parse(scope.as_str()), Some(scope));
        }
        assert_eq!(Scope::parse("patient:admin"), None);
    }
}
