//! An OpenID Connect issuer inside the test: its keys are generated here, and its discovery
//! document and JWKS are served over real HTTP on a random port, so the server under test
//! fetches them exactly as it would from a real issuer.
use std::{
    net::SocketAddr,
    sync::{
        Arc, Mutex,
        atomic::{AtomicUsize, Ordering},
    },
    time::{SystemTime, UNIX_EPOCH},
};

use axum::{Json, Router, extract::State, routing::get};
use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use jsonwebtoken::{Algorithm, EncodingKey, Header, jwk::Jwk};
use p256::pkcs8::EncodePrivateKey;
use rsa::{Generate, pkcs1::EncodeRsaPrivateKey};
use serde_json::{Value, json};

pub const AUDIENCE: &str = "patient-service-test";

/// A signing key and its public JWK.
#[derive(Clone)]
pub struct IssuerKey {
    pub kid: String,
    pub algorithm: Algorithm,
    pub encoding: EncodingKey,
    pub jwk: Value,
}

impl IssuerKey {
    pub fn rsa(kid: &str) -> Self {
        let private = rsa::PrivateKey::generate();
        let der = private.to_pkcs1_der().expect("the RSA key encodes");
        Self::from_encoding(kid, Algorithm::RS256, EncodingKey::from_rsa_der(der.as_bytes()))
    }

    pub fn p256(kid: &str) -> Self {
        let secret = p256::SecretKey::generate();
        let der = secret.to_pkcs8_der().expect("the P-256 key encodes");
        Self::from_encoding(kid, Algorithm::ES256, EncodingKey::from_ec_der(der.as_bytes()))
    }

    fn from_encoding(kid: &str, algorithm: Algorithm, encoding: EncodingKey) -> Self {
        let mut jwk = Jwk::from_encoding_key(&encoding, algorithm).expect("a public JWK");
        jwk.common.key_id = Some(kid.to_owned());
        let jwk = serde_json::to_value(jwk).unwrap();
        Self { kid: kid.to_owned(), algorithm, encoding, jwk }
    }

    /// A token signed by this key, with this key's id.
    pub fn sign(&self, claims: &Value) -> String {
        let mut header = Header::new(self.algorithm);
        header.kid = Some(self.kid.clone());
        jsonwebtoken::encode(&header, claims, &self.encoding).expect("the token signs")
    }
}

#[derive(Default)]
struct Published {
    keys: Mutex<Vec<Value>>,
    jwks_requests: AtomicUsize,
    issuer: Mutex<String>,
}

pub struct TestIssuer {
    pub url: String,
    published: Arc<Published>,
}

impl TestIssuer {
    /// Serves discovery and a JWKS holding `keys` until the test ends.
    pub async fn start(keys: &[&IssuerKey]) -> Self {
        let published = Arc::new(Published::default());
        let listener = tokio::net::TcpListener::bind(SocketAddr::from(([127, 0, 0, 1], 0))).await.unwrap();
        let url = format!("http://127.0.0.1:{}", listener.local_addr().unwrap().port());
        *published.issuer.lock().unwrap() = url.clone();
        let router = Router::new()
            .route("/.well-known/openid-configuration", get(discovery))
            .route("/jwks", get(jwks))
            .with_state(published.clone());
        tokio::spawn(async move { axum::serve(listener, router).await });
        let issuer = Self { url, published };
        issuer.publish(keys);
        issuer
    }

    /// Replaces the published keys (a rotation).
    pub fn publish(&self, keys: &[&IssuerKey]) {
        *self.published.keys.lock().unwrap() = keys.iter().map(|k| k.jwk.clone()).collect();
    }

    pub fn jwks_requests(&self) -> usize {
        self.published.jwks_requests.load(Ordering::SeqCst)
    }

    /// The server settings that trust this issuer.
    pub fn settings(&self, refetch_seconds: u64) -> Vec<(&'static str, String)> {
        vec![
            ("OIDC_ISSUER", self.url.clone()),
            ("OIDC_AUDIENCE", AUDIENCE.to_owned()),
            ("OIDC_JWKS_REFETCH_SECONDS", refetch_seconds.to_string()),
        ]
    }

    /// Claims this issuer would put in an access token: valid for five more minutes.
    pub fn claims(&self, subject: &str, scope: &str) -> Value {
        let now = now();
        json!({
            "iss": self.url, "aud": AUDIENCE, "sub": subject, "scope": scope,
            "iat": now, "nbf": now, "exp": now + 300,
        })
    }
}

pub fn now() -> i64 {
    i64::try_from(SystemTime::now().duration_since(UNIX_EPOCH).unwrap().as_secs()).unwrap()
}

/// A token with `"alg": "none"` and no signature.
pub fn unsigned_token(kid: &str, claims: &Value) -> String {
    let header = URL_SAFE_NO_PAD.encode(json!({"alg": "none", "typ": "JWT", "kid": kid}).to_string());
    let payload = URL_SAFE_NO_PAD.encode(claims.to_string());
    format!("{header}.{payload}.")
}

/// An HS256 token whose HMAC secret is the RSA key's public JWK: the classic algorithm
/// confusion, which a verifier that lets the token pick the algorithm would accept.
pub fn hmac_with_public_key(key: &IssuerKey, claims: &Value) -> String {
    let mut header = Header::new(Algorithm::HS256);
    header.kid = Some(key.kid.clone());
    let secret = EncodingKey::from_secret(key.jwk.to_string().as_bytes()).unwrap();
    jsonwebtoken::encode(&header, claims, &secret).unwrap()
}

async fn discovery(State(published): State<Arc<Published>>) -> Json<Value> {
    let issuer = published.issuer.lock().unwrap().clone();
    Json(json!({
        "issuer": issuer,
        "jwks_uri": format!("{issuer}/jwks"),
        "token_endpoint": format!("{issuer}/token"),
        "id_token_signing_alg_values_supported": ["RS256", "ES256"],
    }))
}

async fn jwks(State(published): State<Arc<Published>>) -> Json<Value> {
    published.jwks_requests.fetch_add(1, Ordering::SeqCst);
    Json(json!({"keys": published.keys.lock().unwrap().clone()}))
}
