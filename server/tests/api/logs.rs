//! The real binary: configuration from the environment, JSON access logs without PHI, and a
//! graceful stop on SIGTERM.
use std::process::Command;

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::{
    helpers::{AUDITOR_KEY, WRITER_KEY},
    process::{ServerProcess, access_lines},
};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_binary_logs_one_json_line_per_request_without_phi_and_stops_on_sigterm() {
    let server = ServerProcess::start(&[("LOG_LEVEL", "debug")]).await;
    let base = server.base_url.clone();
    let client = reqwest::Client::new();

    let phi = [
        "Zebulon",
        "Quixotic-Vandermeer",
        "1961-07-04",
        "zebulon.q@example.net",
        "+14155550177",
        "742 Evergreen",
        "Starfolk",
        "Springfieldia",
    ];
    let body = json!({
        "given_name": phi[0], "family_name": phi[1], "date_of_birth": phi[2], "email": phi[3],
        "sex_at_birth": "intersex", "gender_identity": "other", "gender_identity_other": phi[6],
        "phone_e164": phi[4],
        "address": {"line1": format!("{} Terrace", phi[5]), "city": phi[7], "state_province": "IL",
                    "postal_code": "62704", "country": "US"}
    });
    let created = client
        .post(format!("{base}/api/v1/patients"))
        .header("x-api-key", WRITER_KEY)
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(created.status(), StatusCode::CREATED);
    let listed = client
        .get(format!("{base}/api/v1/patients"))
        .query(&[("family_name", phi[1]), ("email", phi[3]), ("dob", phi[2])])
        .header("x-api-key", WRITER_KEY)
        .header("x-request-id", "log-test-1")
        .send()
        .await
        .unwrap();
    assert_eq!(listed.status(), StatusCode::OK);
    let id = created.json::<Value>().await.unwrap()["patient_id"].as_str().unwrap().to_owned();
    let trail =
        client.get(format!("{base}/api/v1/patients/{id}/audit")).header("x-api-key", AUDITOR_KEY).send().await.unwrap();
    assert_eq!(trail.status(), StatusCode::OK, "the audit diff carries the PHI checked below");
    let fhir =
        client.get(format!("{base}/api/v1/patients/{id}/fhir")).header("x-api-key", WRITER_KEY).send().await.unwrap();
    assert_eq!(fhir.status(), StatusCode::OK, "the FHIR view carries the same PHI");
    let mut invalid = body.clone();
    invalid["date_of_birth"] = json!("2999-01-01");
    let rejected = client
        .post(format!("{base}/api/v1/patients"))
        .header("x-api-key", WRITER_KEY)
        .json(&invalid)
        .send()
        .await
        .unwrap();
    assert_eq!(rejected.status(), StatusCode::UNPROCESSABLE_ENTITY);

    let lines = server.stop();
    for line in &lines {
        for value in phi {
            assert!(!line.contains(value), "PHI reached the log: {line}");
        }
        assert!(!line.contains("family_name="), "a query string reached the log: {line}");
    }
    let access = access_lines(&lines);
    assert_eq!(access.len(), 5, "one access line per request: {lines:#?}");
    for entry in &access {
        for field in [
            "timestamp",
            "level",
            "request_id",
            "trace_id",
            "span_id",
            "actor",
            "method",
            "route",
            "status",
            "duration_ms",
        ] {
            assert!(!entry[field].is_null(), "access line lacks {field}: {entry}");
        }
    }
    assert_eq!(access[1]["request_id"], "log-test-1");
    assert_eq!(access[1]["route"], "/api/v1/patients");
    assert_eq!(access[1]["method"], "GET");
    assert_eq!(access[2]["route"], "/api/v1/patients/{patient_id}/audit");
    assert_eq!(access[3]["route"], "/api/v1/patients/{patient_id}/fhir");
    assert_eq!(access[4]["status"], 422);
    assert_eq!(access[0]["actor"], "test-writer");
    assert_eq!(access[2]["actor"], "test-auditor");
    // The patient a request addresses (its path parameter, or what a create made); a search
    // names none.
    assert_eq!(access[0]["patient_id"], id.as_str());
    assert_eq!(access[2]["patient_id"], id.as_str());
    assert_eq!(access[3]["patient_id"], id.as_str());
    assert!(access[1].get("patient_id").is_none() && access[4].get("patient_id").is_none());
    assert!(lines.iter().any(|l| l.contains("\"stopped\"")), "no clean stop logged");
}

/// Bad configuration stops the real binary at start-up, naming the variable and never
/// printing a credential.
#[test]
fn bad_configuration_fails_at_start_up_without_leaking_secrets() {
    let cases = [
        ("DATABASE_URL", "postgres://app:hunter#2@db.internal/patients", "hunter"),
        ("IDEMPOTENCY_RETENTION_HOURS", "5124095576030431", "5124095576030431"),
        ("DB_MAX_CONNECTIONS", "0", "hunter"),
        ("API_KEYS", r#"[{"name":"a","sha256":"x","scopes":"plain-secret-key"}]"#, "plain-secret-key"),
    ];
    for (name, value, secret) in cases {
        let mut command = Command::new(env!("CARGO_BIN_EXE_patient-server"));
        command.env_clear().env("DATABASE_URL", "postgres://app:hunter2@127.0.0.1:1/patients").env(name, value);
        let output = command.output().unwrap();
        assert_eq!(output.status.code(), Some(2), "{name}={value} must stop the service");
        let printed = format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
        assert!(printed.contains(name), "{name}: {printed}");
        assert!(!printed.contains(secret), "{name}: the message leaks {secret:?}: {printed}");
    }
}
