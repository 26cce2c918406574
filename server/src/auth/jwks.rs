//! The OIDC issuer's signing keys: found through its discovery document (or `OIDC_JWKS_URL`),
//! fetched as a JWKS and cached.
//!
//! A token naming a key id the cache lacks triggers a refetch, so a rotated key is picked up
//! without a restart; refetches (for any reason) are at most one per `min_refetch_interval`,
//! so a flood of made-up key ids cannot hammer the issuer. One refetch runs at a time; the
//! requests that need it wait for it rather than each fetching. The cache is also refreshed
//! when older than `max_age`. A failed fetch keeps the keys already known.
use std::{
    collections::HashMap,
    sync::{Arc, RwLock},
    time::{Duration, Instant},
};

use jsonwebtoken::{
    Algorithm, DecodingKey,
    jwk::{AlgorithmParameters, EllipticCurve, Jwk, KeyAlgorithm, PublicKeyUse},
};
use serde::Deserialize;
use url::Url;

/// A key the issuer signs with, and the one algorithm it may verify.
pub struct SigningKey {
    pub algorithm: Algorithm,
    pub key: DecodingKey,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum KeyError {
    #[error("the token names a key the issuer does not publish")]
    UnknownKey,
    #[error("the issuer's keys cannot be fetched")]
    Unavailable,
}

/// The largest discovery document or JWKS accepted, in bytes.
const MAX_DOCUMENT_BYTES: usize = 256 * 1024;

struct Cached {
    keys: HashMap<String, Arc<SigningKey>>,
    fetched_at: Instant,
}

#[derive(Default)]
struct RefreshState {
    last_attempt: Option<Instant>,
    /// The discovered `jwks_uri`, once discovery has succeeded.
    discovered_jwks_url: Option<Url>,
}

pub struct KeySource {
    http: reqwest::Client,
    issuer: String,
    jwks_url: Option<Url>,
    min_refetch_interval: Duration,
    max_age: Duration,
    cache: RwLock<Option<Arc<Cached>>>,
    refresh: tokio::sync::Mutex<RefreshState>,
}

impl KeySource {
    pub fn new(issuer: String, jwks_url: Option<Url>, min_refetch_interval: Duration, max_age: Duration) -> Self {
        let http = reqwest::Client::builder()
            .connect_timeout(Duration::from_secs(3))
            .timeout(Duration::from_secs(5))
            // The discovery document and JWKS are fetched from where they are, not redirected.
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("the HTTP client for the OIDC issuer builds");
        Self {
            http,
            issuer,
            jwks_url,
            min_refetch_interval,
            max_age,
            cache: RwLock::new(None),
            refresh: tokio::sync::Mutex::new(RefreshState::default()),
        }
    }

    /// The key with this id, fetching the issuer's keys when it is unknown or the cache is old.
    pub async fn key(&self, kid: &str) -> Result<Arc<SigningKey>, KeyError> {
        if let Some(cached) = self.cached()
            && cached.fetched_at.elapsed() < self.max_age
            && let Some(key) = cached.keys.get(kid)
        {
            return Ok(key.clone());
        }
        let mut state = self.refresh.lock().await;
        let cached = self.cached();
        let known = || cached.as_ref().and_then(|c| c.keys.get(kid).cloned());
        // Another request may have refreshed the keys while this one waited.
        if let Some(c) = &cached
            && c.fetched_at.elapsed() < self.max_age
            && let Some(key) = known()
        {
            return Ok(key);
        }
        if state.last_attempt.is_some_and(|at| at.elapsed() < self.min_refetch_interval) {
            return known().ok_or(if cached.is_some() { KeyError::UnknownKey } else { KeyError::Unavailable });
        }
        state.last_attempt = Some(Instant::now());
        match self.fetch(&mut state).await {
            Ok(keys) => {
                tracing::info!(keys = keys.len(), "fetched the OIDC issuer's signing keys");
                let fresh = Arc::new(Cached { keys, fetched_at: Instant::now() });
                *self.cache.write().expect("the key cache lock is never poisoned") = Some(fresh.clone());
                fresh.keys.get(kid).cloned().ok_or(KeyError::UnknownKey)
            }
            Err(reason) => {
                tracing::warn!(reason, "cannot fetch the OIDC issuer's signing keys; keeping the known ones");
                known().ok_or(if cached.is_some() { KeyError::UnknownKey } else { KeyError::Unavailable })
            }
        }
    }

    fn cached(&self) -> Option<Arc<Cached>> {
        self.cache.read().expect("the key cache lock is never poisoned").clone()
    }

    /// The reason on failure names what went wrong, never a response body.
    async fn fetch(&self, state: &mut RefreshState) -> Result<HashMap<String, Arc<SigningKey>>, &'static str> {
        let jwks_url = match (&self.jwks_url, &state.discovered_jwks_url) {
            (Some(url), _) | (None, Some(url)) => url.clone(),
            (None, None) => {
                let url = self.discover().await?;
                state.discovered_jwks_url = Some(url.clone());
                url
            }
        };
        let set: JwkSetDocument = self.get_json(jwks_url).await.map_err(|_| "the JWKS request failed")?;
        Ok(set.keys.into_iter().filter_map(signing_key).map(|(kid, key)| (kid, Arc::new(key))).collect())
    }

    async fn discover(&self) -> Result<Url, &'static str> {
        let url = discovery_url(&self.issuer).ok_or("the issuer is not a URL")?;
        let document: DiscoveryDocument =
            self.get_json(url).await.map_err(|_| "the discovery document request failed")?;
        if document.issuer != self.issuer {
            return Err("the discovery document names another issuer");
        }
        let jwks_url = Url::parse(&document.jwks_uri).map_err(|_| "the discovery document's jwks_uri is no URL")?;
        if !is_trusted_url(&jwks_url) {
            return Err("the discovery document's jwks_uri is neither https nor loopback");
        }
        Ok(jwks_url)
    }

    async fn get_json<T: serde::de::DeserializeOwned>(&self, url: Url) -> Result<T, ()> {
        let mut response = self.http.get(url).send().await.map_err(drop)?.error_for_status().map_err(drop)?;
        let mut body = Vec::new();
        while let Some(chunk) = response.chunk().await.map_err(drop)? {
            if body.len() + chunk.len() > MAX_DOCUMENT_BYTES {
                return Err(());
            }
            body.extend_from_slice(&chunk);
        }
        serde_json::from_slice(&body).map_err(drop)
    }
}

#[derive(Deserialize)]
struct DiscoveryDocument {
    issuer: String,
    jwks_uri: String,
}

/// Keys are parsed one by one, so one the library cannot read (an encryption key, a newer
/// type) does not hide the others.
#[derive(Deserialize)]
struct JwkSetDocument {
    keys: Vec<serde_json::Value>,
}

/// OpenID Connect Discovery 1.0, section 4: the issuer URL plus the well-known path.
pub fn discovery_url(issuer: &str) -> Option<Url> {
    Url::parse(&format!("{}/.well-known/openid-configuration", issuer.trim_end_matches('/'))).ok()
}

/// Keys and documents travel over TLS, except from the machine itself (a local issuer).
pub fn is_trusted_url(url: &Url) -> bool {
    match url.scheme() {
        "https" => url.host().is_some(),
        "http" => match url.host() {
            Some(url::Host::Domain(domain)) => domain == "localhost",
            Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
            Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
            None => false,
        },
        _ => false,
    }
}

/// A usable signing key: it has an id, is not for encryption, and is RSA (RS256) or P-256
/// (ES256). The algorithm comes from the key, never from a token.
fn signing_key(raw: serde_json::Value) -> Option<(String, SigningKey)> {
    let jwk: Jwk = serde_json::from_value(raw).ok()?;
    let kid = jwk.common.key_id.clone()?;
    if matches!(jwk.common.public_key_use, Some(PublicKeyUse::Encryption)) {
        return None;
    }
    let algorithm = match (&jwk.algorithm, jwk.common.key_algorithm) {
        (AlgorithmParameters::RSA(_), None | Some(KeyAlgorithm::RS256)) => Algorithm::RS256,
        (AlgorithmParameters::EllipticCurve(ec), None | Some(KeyAlgorithm::ES256))
            if ec.curve == EllipticCurve::P256 =>
        {
            Algorithm::ES256
        }
        _ => return None,
    };
    let key = DecodingKey::from_jwk(&jwk).ok()?;
    Some((kid, SigningKey { algorithm, key }))
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn only_rsa_and_p256_signing_keys_are_kept() {
        let rsa = json!({"kty": "RSA", "kid": "r", "n": "sXchDaQebHnPiGvyDOAT4saGEUetSyo9MKLOoWFsueri23bOdgWp4Dy1WlUzewbgBHod5pcM9H95GQRV3JDXboIRROSBigeC5yjU1hGzHHyXss8UDprecbAYxknTcQkhslANGRUZmdTOQ5qTRsLAt6BTYuyvVRdhS8exSZEy_c4gs_7svlJJQ4H9_NxsiIoLwAEk7-Q3UXERGYw_75IDrGA84-lA_-Ct4eTlXHBIY2EaV7t7LjJaynVJCpkv4LKjTTAumiGUIuQhrNhZLuF_RJLqHpM2kgWFLU7-VTdL1VbC2tejvcI2BlMkEpk1BzBZI0KQB0GaDWFLN-aEAw3vRw", "e": "AQAB"});
        assert_eq!(signing_key(rsa.clone()).map(|(_, k)| k.algorithm), Some(Algorithm::RS256));
        let mut encryption = rsa.clone();
        encryption["use"] = json!("enc");
        assert!(signing_key(encryption).is_none());
        let mut other_alg = rsa.clone();
        other_alg["alg"] = json!("RS512");
        assert!(signing_key(other_alg).is_none());
        let mut no_kid = rsa;
        no_kid.as_object_mut().unwrap().remove("kid");
        assert!(signing_key(no_kid).is_none());
        let hmac = json!({"kty": "oct", "kid": "h", "k": "c2VjcmV0"});
        assert!(signing_key(hmac).is_none());
        assert!(signing_key(json!({"kty": "made-up", "kid": "x"})).is_none());
    }

    #[test]
    fn documents_come_over_tls_or_from_loopback() {
        for (url, trusted) in [
            ("https://login.example.org/keys", true),
            ("http://127.0.0.1:8080/jwks", true),
            ("http://localhost/jwks", true),
            ("http://[::1]/jwks", true),
            ("http://login.example.org/keys", false),
            ("ftp://login.example.org/keys", false),
        ] {
            assert_eq!(is_trusted_url(&Url::parse(url).unwrap()), trusted, "{url}");
        }
    }

    #[test]
    fn the_discovery_url_is_the_issuer_plus_the_well_known_path() {
        for issuer in ["https://login.example.org/tenant", "https://login.example.org/tenant/"] {
            assert_eq!(
                discovery_url(issuer).unwrap().as_str(),
                "https://login.example.org/tenant/.well-known/openid-configuration"
            );
        }
    }
}
