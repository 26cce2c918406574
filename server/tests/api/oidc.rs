//! OIDC bearer tokens against an issuer served by the test (`oidc_issuer`): every way a token
//! is refused, RS256 and ES256 tokens accepted, key rotation without a restart, and the
//! token's subject as the actor in the audit trail and the access log.
use std::time::Duration;

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::{
    helpers::{TestApp, WRITER_KEY, assert_error, header, patient_body, spawn_app_with},
    oidc_issuer::{AUDIENCE, IssuerKey, TestIssuer, hmac_with_public_key, now, unsigned_token},
    process::{ServerProcess, access_lines},
};

const ALL_SCOPES: &str = "patient:read patient:write audit:read";

async fn list_with_token(app: &TestApp, token: &str) -> reqwest::Response {
    app.client.get(app.url("/api/v1/patients")).bearer_auth(token).send().await.unwrap()
}

async fn assert_invalid_token(app: &TestApp, token: &str, case: &str) {
    let response = list_with_token(app, token).await;
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED, "{case}");
    assert_eq!(
        header(&response, "www-authenticate"),
        r#"Bearer realm="patient-service", error="invalid_token""#,
        "{case}"
    );
    assert_error(response, StatusCode::UNAUTHORIZED, "unauthenticated").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rs256_and_es256_tokens_are_accepted_and_their_subject_is_the_audit_actor() {
    let rsa = IssuerKey::rsa("rsa-1");
    let ec = IssuerKey::p256("ec-1");
    let issuer = TestIssuer::start(&[&rsa, &ec]).await;
    let app = spawn_app_with(&issuer.settings(30)).await;

    let writer = rsa.sign(&issuer.claims("clinic-frontend", "openid patient:read patient:write"));
    let created = app.client.post(app.url("/api/v1/patients")).bearer_auth(&writer).json(&patient_body()).send().await;
    let created = created.unwrap();
    assert_eq!(created.status(), StatusCode::CREATED);
    let id = created.json::<Value>().await.unwrap()["patient_id"].as_str().unwrap().to_owned();

    // `scp` as an array, as some issuers send it.
    let mut claims = issuer.claims("records-office", "");
    claims.as_object_mut().unwrap().remove("scope");
    claims["scp"] = json!(["audit:read", "patient:read"]);
    let auditor = ec.sign(&claims);
    let read = app.client.get(app.patient_url(&id)).bearer_auth(&auditor).send().await.unwrap();
    assert_eq!(read.status(), StatusCode::OK);
    let trail = app.client.get(app.url(&format!("/api/v1/patients/{id}/audit"))).bearer_auth(&auditor).send().await;
    let trail: Value = trail.unwrap().json().await.unwrap();
    assert_eq!(trail["items"][0]["actor"], "oidc:clinic-frontend", "{trail}");

    // API keys work beside tokens, unchanged.
    assert_eq!(app.get(&id).await.status(), StatusCode::OK);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_token_without_the_scope_gets_403_with_a_bearer_challenge() {
    let key = IssuerKey::rsa("rsa-1");
    let issuer = TestIssuer::start(&[&key]).await;
    let app = spawn_app_with(&issuer.settings(30)).await;
    let reader = key.sign(&issuer.claims("reporting", "patient:read"));
    assert_eq!(list_with_token(&app, &reader).await.status(), StatusCode::OK);
    let response = app.client.post(app.url("/api/v1/patients")).bearer_auth(&reader).json(&patient_body()).send();
    let response = response.await.unwrap();
    assert_eq!(
        header(&response, "www-authenticate"),
        r#"Bearer realm="patient-service", error="insufficient_scope", scope="patient:write""#
    );
    assert_error(response, StatusCode::FORBIDDEN, "insufficient_scope").await;
    let scopeless = key.sign(&issuer.claims("reporting", "openid profile"));
    assert_error(list_with_token(&app, &scopeless).await, StatusCode::FORBIDDEN, "insufficient_scope").await;
    assert_eq!(app.count("SELECT count(*) AS n FROM patients").await, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_kind_of_bad_token_gets_401_invalid_token() {
    let key = IssuerKey::rsa("rsa-1");
    let unpublished = IssuerKey::rsa("rsa-1");
    let issuer = TestIssuer::start(&[&key]).await;
    let app = spawn_app_with(&issuer.settings(30)).await;
    let good = issuer.claims("someone", ALL_SCOPES);
    assert_eq!(list_with_token(&app, &key.sign(&good)).await.status(), StatusCode::OK);

    let with = |changes: Value| {
        let mut claims = good.clone();
        for (name, value) in changes.as_object().unwrap() {
            if value.is_null() {
                claims.as_object_mut().unwrap().remove(name);
            } else {
                claims[name] = value.clone();
            }
        }
        claims
    };
    let now = now();
    let cases = [
        ("expired beyond the leeway", key.sign(&with(json!({"exp": now - 120})))),
        ("not yet valid beyond the leeway", key.sign(&with(json!({"nbf": now + 300})))),
        ("wrong issuer", key.sign(&with(json!({"iss": "https://login.example.org"})))),
        ("wrong audience", key.sign(&with(json!({"aud": "another-service"})))),
        ("no audience", key.sign(&with(json!({"aud": null})))),
        ("no expiry", key.sign(&with(json!({"exp": null})))),
        ("unknown key id", IssuerKey::sign(&IssuerKey { kid: "rsa-2".into(), ..key.clone() }, &good)),
        ("signed by another key under the published key id", unpublished.sign(&good)),
        ("HS256 keyed with the public key", hmac_with_public_key(&key, &good)),
        ("alg none", unsigned_token(&key.kid, &good)),
        ("not a JWT", "not-a-jwt".to_owned()),
    ];
    for (case, token) in &cases {
        assert_invalid_token(&app, token, case).await;
    }
    // Inside the leeway (30 s by default) a token still counts as valid.
    let barely_expired = key.sign(&with(json!({"exp": now - 10, "nbf": now + 10})));
    assert_eq!(list_with_token(&app, &barely_expired).await.status(), StatusCode::OK);
    // A refused token never gets further than authentication.
    let response = app
        .client
        .post(app.url("/api/v1/patients"))
        .bearer_auth(&cases[0].1)
        .header("x-request-id", "expired-write")
        .json(&patient_body())
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(app.count("SELECT count(*) AS n FROM patients").await, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_rotated_key_is_picked_up_without_a_restart() {
    let old = IssuerKey::rsa("2026-11");
    let new = IssuerKey::p256("2026-12");
    let issuer = TestIssuer::start(&[&old]).await;
    let app = spawn_app_with(&issuer.settings(1)).await;
    assert_eq!(list_with_token(&app, &old.sign(&issuer.claims("svc", ALL_SCOPES))).await.status(), StatusCode::OK);

    issuer.publish(&[&new]);
    // The keys are refetched at most once per OIDC_JWKS_REFETCH_SECONDS (1 s here).
    tokio::time::sleep(Duration::from_millis(1100)).await;
    assert_eq!(list_with_token(&app, &new.sign(&issuer.claims("svc", ALL_SCOPES))).await.status(), StatusCode::OK);
    assert_invalid_token(&app, &old.sign(&issuer.claims("svc", ALL_SCOPES)), "a key no longer published").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_flood_of_unknown_key_ids_does_not_hammer_the_issuer() {
    let key = IssuerKey::rsa("rsa-1");
    let issuer = TestIssuer::start(&[&key]).await;
    let app = spawn_app_with(&issuer.settings(60)).await;
    let claims = issuer.claims("svc", ALL_SCOPES);
    assert_eq!(list_with_token(&app, &key.sign(&claims)).await.status(), StatusCode::OK);
    assert_eq!(issuer.jwks_requests(), 1);
    for n in 0..25 {
        let forged = IssuerKey { kid: format!("random-{n}"), ..key.clone() };
        assert_invalid_token(&app, &forged.sign(&claims), "random key id").await;
    }
    assert_eq!(issuer.jwks_requests(), 1, "unknown key ids within the refetch interval fetch nothing");
    assert_eq!(list_with_token(&app, &key.sign(&claims)).await.status(), StatusCode::OK);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unreachable_issuer_refuses_tokens_but_not_api_keys() {
    let key = IssuerKey::rsa("rsa-1");
    let issuer = TestIssuer::start(&[&key]).await;
    let claims = issuer.claims("svc", ALL_SCOPES);
    // A JWKS URL where nothing listens: the keys cannot be fetched.
    let mut settings = issuer.settings(30);
    settings.push(("OIDC_JWKS_URL", "http://127.0.0.1:9/jwks".to_owned()));
    let app = spawn_app_with(&settings).await;
    assert_invalid_token(&app, &key.sign(&claims), "unreachable issuer").await;
    let response = app.client.get(app.url("/api/v1/patients")).header("x-api-key", WRITER_KEY).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_access_log_records_the_token_subject_as_actor() {
    let key = IssuerKey::p256("ec-1");
    let issuer = TestIssuer::start(&[&key]).await;
    let settings = issuer.settings(30);
    let extra: Vec<(&str, &str)> = settings.iter().map(|(n, v)| (*n, v.as_str())).collect();
    let server = ServerProcess::start(&extra).await;
    let token = key.sign(&issuer.claims("nightly-export", "patient:read"));
    let response = reqwest::Client::new()
        .get(format!("{}/api/v1/patients", server.base_url))
        .bearer_auth(&token)
        .header("x-request-id", "oidc-actor-check")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let lines = server.stop();
    let access = access_lines(&lines);
    let line = access.iter().find(|l| l["request_id"] == "oidc-actor-check").expect("an access log line");
    assert_eq!(line["actor"], "oidc:nightly-export", "{line}");
    assert!(lines.iter().all(|l| !l.contains(&token)), "the token is never logged");
    let _ = AUDIENCE;
}
