use reqwest::StatusCode;
use serde_json::{Value, json};
use tokio::task::JoinSet;

use crate::helpers::{header, patient_body, spawn_app};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_replaces_with_one_etag_have_exactly_one_winner() {
    let app = std::sync::Arc::new(spawn_app().await);
    let (id, etag, _) = app.create_ok(&patient_body()).await;
    let mut writers = JoinSet::new();
    for n in 0..20 {
        let (app, id, etag) = (app.clone(), id.clone(), etag.clone());
        writers.spawn(async move {
            let mut body = patient_body();
            body["given_name"] = json!(format!("Writer {}", char::from(b'a' + n)));
            let response = app.replace(&id, Some(&etag), &body).await;
            let status = response.status();
            let json: Value = response.json().await.unwrap();
            (status, body, json)
        });
    }
    let mut winners = Vec::new();
    while let Some(result) = writers.join_next().await {
        let (status, body, _) = result.unwrap();
        match status {
            StatusCode::OK => winners.push(body),
            StatusCode::PRECONDITION_FAILED => {}
            other => panic!("unexpected status {other}"),
        }
    }
    assert_eq!(winners.len(), 1, "exactly one writer wins");
    let stored = app.get(&id).await;
    assert_eq!(header(&stored, "etag"), "\"2\"");
    let stored: Value = stored.json().await.unwrap();
    assert_eq!(stored["given_name"], winners[0]["given_name"]);
    assert_eq!(
        app.count(&format!("SELECT count(*) AS n FROM audit_log WHERE patient_id = '{id}' AND action = 'update'"))
            .await,
        1
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_creates_with_one_email_store_one_patient() {
    let app = std::sync::Arc::new(spawn_app().await);
    let body = patient_body();
    let mut creators = JoinSet::new();
    for _ in 0..10 {
        let (app, body) = (app.clone(), body.clone());
        creators.spawn(async move { app.create(&body).await.status() });
    }
    let mut statuses = Vec::new();
    while let Some(status) = creators.join_next().await {
        statuses.push(status.unwrap());
    }
    assert_eq!(statuses.iter().filter(|s| **s == StatusCode::CREATED).count(), 1, "{statuses:?}");
    assert!(statuses.iter().all(|s| *s == StatusCode::CREATED || *s == StatusCode::CONFLICT), "{statuses:?}");
    assert_eq!(app.count("SELECT count(*) AS n FROM patients").await, 1);
    assert_eq!(app.count("SELECT count(*) AS n FROM audit_log").await, 1);
}
