use migration::{Migrator, MigratorTrait};
use sea_orm::{ConnectionTrait, Database, Statement};

use serde_json::{Value, json};

use crate::helpers::{AUDITOR_KEY, database_url, empty_database, header, patient_body, spawn_app, spawn_app_on};

const ALL_TABLES: [&str; 6] = [
    "audit_log",
    "idempotency_keys",
    "patients",
    "patients_gender_identity_1_0",
    "write_switch",
    "write_switch_history",
];

async fn tables(db: &sea_orm::DatabaseConnection) -> Vec<String> {
    let rows = db
        .query_all_raw(Statement::from_string(
            db.get_database_backend(),
            "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'seaql_migrations' ORDER BY 1",
        ))
        .await
        .unwrap();
    rows.iter().map(|r| r.try_get::<String>("", "name").unwrap()).collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn migrations_go_up_down_and_up_again() {
    let name = empty_database().await;
    let app = crate::helpers::spawn_app_on(name.clone()).await;
    let db = Database::connect(database_url(&name)).await.unwrap();
    Migrator::up(&db, None).await.unwrap();
    assert_eq!(tables(&db).await, ALL_TABLES);
    assert!(Migrator::get_pending_migrations(&db).await.unwrap().is_empty());

    Migrator::down(&db, None).await.unwrap();
    assert!(tables(&db).await.is_empty());
    assert_eq!(Migrator::get_pending_migrations(&db).await.unwrap().len(), Migrator::migrations().len());

    Migrator::up(&db, None).await.unwrap();
    assert_eq!(tables(&db).await, ALL_TABLES);
    // The schema after a round trip serves the API.
    app.create_ok(&patient_body()).await;
    db.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_database_enforces_the_invariants_too() {
    let app = spawn_app().await;
    let (id, _, _) = app.create_ok(&patient_body()).await;
    let refused = [
        format!("UPDATE patients SET email = 'UPPER@EXAMPLE.ORG' WHERE patient_id = '{id}'"),
        format!("UPDATE patients SET phone_e164 = '555' WHERE patient_id = '{id}'"),
        format!("UPDATE patients SET gender_identity = 'other' WHERE patient_id = '{id}'"),
        format!("UPDATE patients SET gender_identity = 'female' WHERE patient_id = '{id}'"),
        format!("UPDATE patients SET gender_identity = NULL WHERE patient_id = '{id}'"),
        format!("UPDATE patients SET sex_at_birth = 'f' WHERE patient_id = '{id}'"),
        format!("UPDATE patients SET sex_at_birth = NULL WHERE patient_id = '{id}'"),
        format!("UPDATE patients SET address_line1 = NULL WHERE patient_id = '{id}'"),
        format!("UPDATE patients SET version = 0 WHERE patient_id = '{id}'"),
        format!("UPDATE audit_log SET actor = 'someone else' WHERE patient_id = '{id}'"),
        format!("DELETE FROM audit_log WHERE patient_id = '{id}'"),
        "TRUNCATE audit_log".to_owned(),
        format!("DELETE FROM patients WHERE patient_id = '{id}'"),
    ];
    for sql in refused {
        assert!(app.db.execute_unprepared(&sql).await.is_err(), "the database accepted: {sql}");
    }
}

/// The contract's enums and the database's CHECK constraints admit the same values.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_contract_value_is_storable() {
    let app = spawn_app().await;
    let (id, _, _) = app.create_ok(&patient_body()).await;
    for sex in ["female", "male", "intersex", "unknown", "undisclosed"] {
        let sql = format!("UPDATE patients SET sex_at_birth = '{sex}' WHERE patient_id = '{id}'");
        app.db.execute_unprepared(&sql).await.unwrap_or_else(|e| panic!("{sex}: {e}"));
        assert_eq!(app.get(&id).await.json::<Value>().await.unwrap()["sex_at_birth"], sex);
    }
    for gender in ["woman", "man", "nonbinary", "undisclosed"] {
        let sql = format!("UPDATE patients SET gender_identity = '{gender}' WHERE patient_id = '{id}'");
        app.db.execute_unprepared(&sql).await.unwrap_or_else(|e| panic!("{gender}: {e}"));
        assert_eq!(app.get(&id).await.json::<Value>().await.unwrap()["gender_identity"], gender);
    }
}

/// (1.0 value, 1.1 value) of `gender_identity`, as docs/data-model.md documents them.
const GENDER_MAPPING: [(Option<&str>, &str); 9] = [
    (Some("female"), "woman"),
    (Some("male"), "man"),
    (Some("non_binary"), "nonbinary"),
    (Some("transgender_female"), "woman"),
    (Some("transgender_male"), "man"),
    (Some("other"), "other"),
    (Some("prefer_not_to_say"), "undisclosed"),
    (Some("unknown"), "undisclosed"),
    (None, "undisclosed"),
];

async fn gender_of(db: &sea_orm::DatabaseConnection, id: &str) -> Option<String> {
    let row = db
        .query_one_raw(Statement::from_string(
            db.get_database_backend(),
            format!("SELECT gender_identity FROM patients WHERE patient_id = '{id}'"),
        ))
        .await
        .unwrap()
        .unwrap();
    row.try_get::<Option<String>>("", "gender_identity").unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rows_written_under_contract_1_0_are_migrated_and_restored_by_down() {
    let name = empty_database().await;
    let db = Database::connect(database_url(&name)).await.unwrap();
    Migrator::up(&db, Some(3)).await.unwrap();
    // One 1.0 row per old gender value; one is deleted, one has an address with line1 only
    // (1.0 required nothing more), one the free text that goes with `other`.
    let mut ids = Vec::new();
    for (index, (old, _)) in GENDER_MAPPING.iter().enumerate() {
        let id = uuid::Uuid::new_v4().to_string();
        let gender = old.map_or("NULL".to_owned(), |g| format!("'{g}'"));
        let other = if *old == Some("other") { "'Two-Spirit'" } else { "NULL" };
        let deleted = if index == 1 { "now()" } else { "NULL" };
        let line1 = if index == 2 { "'1 Legacy Lane'" } else { "NULL" };
        db.execute_unprepared(&format!(
            "INSERT INTO patients (patient_id, given_name, family_name, date_of_birth, gender_identity, \
             gender_identity_other, address_line1, deleted_at) \
             VALUES ('{id}', 'Legacy', 'Row', '1970-01-0{}', {gender}, {other}, {line1}, {deleted})",
            index + 1
        ))
        .await
        .unwrap();
        ids.push(id);
    }

    Migrator::up(&db, None).await.unwrap();
    let app = spawn_app_on(name.clone()).await;
    assert_eq!(app.count("SELECT count(*) AS n FROM patients").await, GENDER_MAPPING.len() as i64);
    for (id, (old, new)) in ids.iter().zip(GENDER_MAPPING) {
        assert_eq!(gender_of(&db, id).await.as_deref(), Some(new), "{old:?}");
        // The migration is a change: version 2, and an audit entry by the migration.
        let trail: Value = app
            .client
            .get(app.url(&format!("/api/v1/patients/{id}/audit")))
            .header("x-api-key", AUDITOR_KEY)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let entry = &trail["items"][0];
        assert_eq!(entry["actor"], "system:migration", "{trail}");
        assert_eq!(entry["changes"]["sex_at_birth"], json!({"from": null, "to": "unknown"}));
        if old != Some(new) {
            assert_eq!(entry["changes"]["gender_identity"], json!({"from": old, "to": new}));
        }
    }
    // Active 1.0 rows serve the 1.1 contract.
    let legacy = app.get(&ids[2]).await;
    assert_eq!(legacy.status(), reqwest::StatusCode::OK);
    assert_eq!(header(&legacy, "etag"), "\"2\"");
    let legacy: Value = legacy.json().await.unwrap();
    assert_eq!(legacy["sex_at_birth"], "unknown");
    assert_eq!(legacy["gender_identity"], "nonbinary");
    assert_eq!(legacy["address"]["line1"], "1 Legacy Lane");
    assert_eq!(legacy["address"]["city"], Value::Null);
    let other: Value = app.get(&ids[5]).await.json().await.unwrap();
    assert_eq!(
        (other["gender_identity"].as_str(), other["gender_identity_other"].as_str()),
        (Some("other"), Some("Two-Spirit"))
    );

    // A patient changed under 1.1 is rolled back to the nearest 1.0 value; the others to
    // exactly what they were.
    let mut changed = patient_body();
    changed["gender_identity"] = json!("man");
    assert_eq!(app.replace(&ids[0], Some("\"2\""), &changed).await.status(), reqwest::StatusCode::OK);
    // Down to before m20261201_000004, whatever came after it.
    let after_it = Migrator::migrations().iter().skip_while(|m| !m.name().contains("_000004_")).count();
    Migrator::down(&db, Some(u32::try_from(after_it).unwrap())).await.unwrap();
    assert_eq!(gender_of(&db, &ids[0]).await.as_deref(), Some("male"));
    for (id, (old, _)) in ids.iter().zip(GENDER_MAPPING).skip(1) {
        assert_eq!(gender_of(&db, id).await.as_deref(), old, "{id}");
    }
    assert_eq!(app.count("SELECT count(*) AS n FROM patients").await, GENDER_MAPPING.len() as i64);
    assert!(!tables(&db).await.contains(&"patients_gender_identity_1_0".to_owned()));

    // And forward again.
    Migrator::up(&db, None).await.unwrap();
    assert_eq!(gender_of(&db, &ids[0]).await.as_deref(), Some("man"));
    db.close().await.unwrap();
}
