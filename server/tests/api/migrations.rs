use migration::{Migrator, MigratorTrait};
use sea_orm::{ConnectionTrait, Database, Statement};

use crate::helpers::{database_url, empty_database, patient_body, spawn_app};

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

#[tokio::test]
async fn migrations_go_up_down_and_up_again() {
    let name = empty_database().await;
    let app = crate::helpers::spawn_app_on(name.clone()).await;
    let db = Database::connect(database_url(&name)).await.unwrap();
    Migrator::up(&db, None).await.unwrap();
    assert_eq!(tables(&db).await, ["audit_log", "idempotency_keys", "patients"]);
    assert!(Migrator::get_pending_migrations(&db).await.unwrap().is_empty());

    Migrator::down(&db, None).await.unwrap();
    assert!(tables(&db).await.is_empty());
    assert_eq!(Migrator::get_pending_migrations(&db).await.unwrap().len(), Migrator::migrations().len());

    Migrator::up(&db, None).await.unwrap();
    assert_eq!(tables(&db).await, ["audit_log", "idempotency_keys", "patients"]);
    // The schema after a round trip serves the API.
    app.create_ok(&patient_body()).await;
    db.close().await.unwrap();
}

#[tokio::test]
async fn the_database_enforces_the_invariants_too() {
    let app = spawn_app().await;
    let (id, _, _) = app.create_ok(&patient_body()).await;
    let refused = [
        format!("UPDATE patients SET email = 'UPPER@EXAMPLE.ORG' WHERE patient_id = '{id}'"),
        format!("UPDATE patients SET phone_e164 = '555' WHERE patient_id = '{id}'"),
        format!("UPDATE patients SET gender_identity = 'other' WHERE patient_id = '{id}'"),
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
