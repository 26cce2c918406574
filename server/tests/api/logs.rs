//! The real binary: configuration from the environment, JSON access logs without PHI, and a
//! graceful stop on SIGTERM.
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::{
    helpers::{AUDITOR_KEY, WRITER_KEY},
    process::{ServerProcess, access_lines},
};

#[tokio::test]
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
    assert_eq!(access.len(), 4, "one access line per request: {lines:#?}");
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
    assert_eq!(access[3]["status"], 422);
    assert_eq!(access[0]["actor"], "test-writer");
    assert_eq!(access[2]["actor"], "test-auditor");
    // The patient a request addresses (its path parameter, or what a create made); a search
    // names none.
    assert_eq!(access[0]["patient_id"], id.as_str());
    assert_eq!(access[2]["patient_id"], id.as_str());
    assert!(access[1].get("patient_id").is_none() && access[3].get("patient_id").is_none());
    assert!(lines.iter().any(|l| l.contains("\"stopped\"")), "no clean stop logged");
}
