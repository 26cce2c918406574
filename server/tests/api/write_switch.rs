//! The write kill-switch: two instances on one database, switched by the real
//! `patient-server writes` command.
use std::{
    process::Command,
    sync::{
        Arc,
        atomic::{AtomicBool, Ordering},
    },
    time::Duration,
};

use reqwest::StatusCode;
use serde_json::Value;

use crate::helpers::{
    READER_KEY, TestApp, WRITER_KEY, assert_error, database_url, header, migrated_database, minimal_body, patient_body,
    spawn_app_configured,
};

/// The instances' poll interval in these tests; the documented bound on how long an instance
/// takes to see a change is one interval (plus the poll's own query).
const POLL_MS: u64 = 200;
const SEEN_WITHIN: Duration = Duration::from_millis(3 * POLL_MS);

fn writes_command(database: &str, args: &[&str]) -> (bool, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_patient-server"))
        .env_clear()
        .env("DATABASE_URL", database_url(database))
        .env("USER", "drill-operator")
        .arg("writes")
        .args(args)
        .output()
        .unwrap();
    (
        output.status.success(),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

async fn two_instances() -> (String, TestApp, TestApp) {
    let database = migrated_database().await;
    let poll = POLL_MS.to_string();
    let a = spawn_app_configured(database.clone(), &[("WRITE_SWITCH_POLL_MS", &poll)]).await;
    let b = spawn_app_configured(database.clone(), &[("WRITE_SWITCH_POLL_MS", &poll)]).await;
    (database, a, b)
}

async fn gauge(app: &TestApp) -> String {
    let text = app.client.get(&app.metrics_url).send().await.unwrap().text().await.unwrap();
    text.lines().find(|l| l.starts_with("patient_writes_disabled ")).unwrap_or_default().to_owned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_command_stops_writes_on_every_instance_and_turning_it_off_restores_them() {
    let (database, a, b) = two_instances().await;
    let (id, etag, _) = a.create_ok(&minimal_body()).await;
    let (deleted_id, _, _) = b.create_ok(&minimal_body()).await;
    assert_eq!(b.delete(&deleted_id, None).await.status(), StatusCode::NO_CONTENT);

    let (ok, stdout, stderr) =
        writes_command(&database, &["disable", "--reason", "INC-1234 bad deploy", "--actor", "oncall-alice"]);
    assert!(ok, "{stderr}");
    assert!(stdout.contains("writes: disabled") && stdout.contains("changed by: oncall-alice"), "{stdout}");

    // Before any instance has polled, the database itself refuses, and nothing is half-applied.
    let refused = a.create_with_key(WRITER_KEY, "switch-test-key", &patient_body()).await;
    assert_error(refused, StatusCode::SERVICE_UNAVAILABLE, "writes_disabled").await;
    assert_eq!(a.count("SELECT count(*) AS n FROM idempotency_keys").await, 0, "the key was not kept");
    tokio::time::sleep(SEEN_WITHIN).await;

    for app in [&a, &b] {
        let refused = app.create(&minimal_body()).await;
        assert_eq!(header(&refused, "retry-after"), "30");
        assert_error(refused, StatusCode::SERVICE_UNAVAILABLE, "writes_disabled").await;
        let replaced = app.replace(&id, Some(&etag), &minimal_body()).await;
        assert_error(replaced, StatusCode::SERVICE_UNAVAILABLE, "writes_disabled").await;
        assert_error(app.delete(&id, None).await, StatusCode::SERVICE_UNAVAILABLE, "writes_disabled").await;
        let restored = app.restore(&deleted_id, None).await;
        assert_error(restored, StatusCode::SERVICE_UNAVAILABLE, "writes_disabled").await;
        // Reads, searches and readiness keep working.
        assert_eq!(app.get(&id).await.status(), StatusCode::OK);
        assert_eq!(app.list(&[]).await.status(), StatusCode::OK);
        let searched = app
            .client
            .post(app.url("/api/v1/patients:search"))
            .header("x-api-key", READER_KEY)
            .json(&serde_json::json!({"family_name": "Lee"}))
            .send()
            .await
            .unwrap();
        assert_eq!(searched.status(), StatusCode::OK);
        assert_eq!(app.client.get(app.url("/readyz")).send().await.unwrap().status(), StatusCode::OK);
        assert_eq!(gauge(app).await, "patient_writes_disabled 1");
    }
    assert_eq!(a.count("SELECT count(*) AS n FROM patients").await, 2, "no write got through");
    assert_eq!(a.count("SELECT count(*) AS n FROM audit_log").await, 3);

    let (ok, stdout, _) = writes_command(&database, &["status"]);
    assert!(ok && stdout.contains("writes: disabled") && stdout.contains("reason: INC-1234 bad deploy"), "{stdout}");

    let (ok, stdout, stderr) = writes_command(&database, &["enable", "--actor", "oncall-bob"]);
    assert!(ok && stdout.contains("writes: enabled"), "{stdout}{stderr}");
    tokio::time::sleep(SEEN_WITHIN).await;
    for app in [&a, &b] {
        assert_eq!(app.create(&minimal_body()).await.status(), StatusCode::CREATED);
        assert_eq!(gauge(app).await, "patient_writes_disabled 0");
    }
    assert_eq!(a.restore(&deleted_id, None).await.status(), StatusCode::OK);

    // Who, when and why, for every change.
    let history = a.count("SELECT count(*) AS n FROM write_switch_history").await;
    assert_eq!(history, 3, "the initial state and both changes");
    let by_os_user = writes_command(&database, &["disable", "--reason", "drill"]);
    assert!(by_os_user.0 && by_os_user.1.contains("changed by: drill-operator"), "{by_os_user:?}");
    let audited = a
        .count(
            "SELECT count(*) AS n FROM write_switch_history WHERE (changed_by, writes_enabled, reason) \
             IN (('oncall-alice', false, 'INC-1234 bad deploy'))",
        )
        .await;
    assert_eq!(audited, 1);
}

/// Under write load on both instances: once the command has returned, no write succeeds,
/// and every write that was answered 201 is in the database with its audit entry.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_write_succeeds_after_the_switch_and_none_is_half_applied() {
    let (database, a, b) = two_instances().await;
    let (a, b) = (Arc::new(a), Arc::new(b));
    let switched = Arc::new(AtomicBool::new(false));
    let stop = Arc::new(AtomicBool::new(false));
    let mut writers = Vec::new();
    for app in [a.clone(), b.clone(), a.clone(), b.clone()] {
        let (switched, stop) = (switched.clone(), stop.clone());
        writers.push(tokio::spawn(async move {
            let (mut created, mut created_after_switch, mut refused) = (0, 0, 0);
            while !stop.load(Ordering::SeqCst) {
                let sent_after_switch = switched.load(Ordering::SeqCst);
                let response = app.create(&minimal_body()).await;
                match response.status() {
                    StatusCode::CREATED if sent_after_switch => created_after_switch += 1,
                    StatusCode::CREATED => created += 1,
                    StatusCode::SERVICE_UNAVAILABLE => {
                        let body: Value = response.json().await.unwrap();
                        assert_eq!(body["code"], "writes_disabled");
                        refused += 1;
                    }
                    other => panic!("unexpected {other}"),
                }
            }
            (created, created_after_switch, refused)
        }));
    }
    tokio::time::sleep(Duration::from_millis(500)).await;
    let database_for_command = database.clone();
    let (ok, _, stderr) =
        tokio::task::spawn_blocking(move || writes_command(&database_for_command, &["disable", "--reason", "drill"]))
            .await
            .unwrap();
    assert!(ok, "{stderr}");
    switched.store(true, Ordering::SeqCst);
    tokio::time::sleep(SEEN_WITHIN + Duration::from_millis(300)).await;
    stop.store(true, Ordering::SeqCst);
    let (mut created, mut refused) = (0, 0);
    for writer in writers {
        let (before, after, refusals) = writer.await.unwrap();
        assert_eq!(after, 0, "a write sent after the switch succeeded");
        created += before;
        refused += refusals;
    }
    assert!(created > 0 && refused > 0, "the load ran on both sides of the switch: {created} {refused}");
    assert_eq!(a.count("SELECT count(*) AS n FROM patients").await, created, "every 201 is stored, nothing else");
    assert_eq!(a.count("SELECT count(*) AS n FROM audit_log").await, created, "each with its audit entry");
}

#[test]
fn the_command_refuses_bad_arguments_and_needs_a_database() {
    let (ok, _, stderr) = writes_command("patient_test_does_not_matter", &["disable"]);
    assert!(!ok && stderr.contains("--reason"), "{stderr}");
    let output = Command::new(env!("CARGO_BIN_EXE_patient-server"))
        .env_clear()
        .env("USER", "drill-operator")
        .args(["writes", "status"])
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("DB_HOST"), "names the missing setting");
}
