use std::collections::HashSet;

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{TestApp, assert_error, detail_fields, patient_body, spawn_app};

fn person(given: &str, family: &str, dob: &str, email: Option<&str>, phone: Option<&str>) -> Value {
    json!({
        "given_name": given, "family_name": family, "date_of_birth": dob,
        "sex_at_birth": "unknown", "gender_identity": "undisclosed",
        "email": email, "phone_e164": phone,
    })
}

async fn ids(app: &TestApp, query: &[(&str, &str)]) -> Vec<String> {
    let response = app.list(query).await;
    assert_eq!(response.status(), StatusCode::OK, "{query:?}");
    let page: Value = response.json().await.unwrap();
    page["items"].as_array().unwrap().iter().map(|p| p["patient_id"].as_str().unwrap().to_owned()).collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn filters_combine_with_and_after_normalization() {
    let app = spawn_app().await;
    let (a, _, _) =
        app.create_ok(&person("Ann", "Garcia", "1990-01-01", Some("ann@example.org"), Some("+14155550101"))).await;
    let (b, _, _) = app.create_ok(&person("Bo", "GARCIA", "1985-05-05", Some("bo@example.org"), None)).await;
    let (c, _, _) = app.create_ok(&person("Cy", "Smith", "1990-01-01", None, Some("+442079460958"))).await;

    assert_eq!(ids(&app, &[]).await, [a.clone(), b.clone(), c.clone()]);
    assert_eq!(ids(&app, &[("family_name", "garcia")]).await, [a.clone(), b.clone()]);
    assert_eq!(ids(&app, &[("family_name", "Garc")]).await, Vec::<String>::new());
    assert_eq!(ids(&app, &[("dob", "1990-01-01")]).await, [a.clone(), c.clone()]);
    assert_eq!(ids(&app, &[("family_name", "Garcia"), ("dob", "1990-01-01")]).await, vec![a.clone()]);
    assert_eq!(ids(&app, &[("email", "ANN@Example.org")]).await, vec![a.clone()]);
    assert_eq!(ids(&app, &[("phone", "+1 (415) 555-0101")]).await, vec![a.clone()]);
    assert_eq!(ids(&app, &[("phone", "+44 20 7946 0958")]).await, vec![c.clone()]);
    assert_eq!(ids(&app, &[("email", "ann@example.org"), ("dob", "1985-05-05")]).await, Vec::<String>::new());

    // Deleted patients drop out of every filter.
    assert_eq!(app.delete(&a, None).await.status(), StatusCode::NO_CONTENT);
    assert_eq!(ids(&app, &[("family_name", "garcia")]).await, vec![b.clone()]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn out_of_range_and_malformed_parameters_are_400() {
    let app = spawn_app().await;
    for limit in ["0", "101", "-1", "abc", "1.5"] {
        let response = app.list(&[("limit", limit)]).await;
        assert_error(response, StatusCode::BAD_REQUEST, "invalid_parameter").await;
    }
    for (name, value) in [("dob", "1990-13-01"), ("dob", "yesterday"), ("phone", "12345"), ("email", "no-at-sign")] {
        let body = assert_error(app.list(&[(name, value)]).await, StatusCode::BAD_REQUEST, "invalid_parameter").await;
        assert!(!body.to_string().contains(value), "{body}");
    }
    let body = assert_error(app.list(&[("limit", "0")]).await, StatusCode::BAD_REQUEST, "invalid_parameter").await;
    assert_eq!(detail_fields(&body), ["limit"]);
    // Values PostgreSQL would refuse (a NUL byte, a year beyond its range) never reach it.
    for (name, value) in [
        ("family_name", "Ab\u{0}cd"),
        ("family_name", "R2D2"),
        ("dob", "-5000-01-01"),
        ("dob", "1990-1-2"),
        ("dob", "+275760-09-13"),
        ("email", "a\u{0}@example.org"),
    ] {
        assert_error(app.list(&[(name, value)]).await, StatusCode::BAD_REQUEST, "invalid_parameter").await;
    }
    assert_eq!(app.list(&[("limit", "1")]).await.status(), StatusCode::OK);
    assert_eq!(app.list(&[("limit", "100")]).await.status(), StatusCode::OK);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn garbage_cursors_are_400_not_500() {
    let app = spawn_app().await;
    for cursor in [
        "garbage",
        "eyJ0IjoiYSJ9",
        "%%%",
        "AAAA",
        "eyJ0Ijo5OTk5OTk5OTk5OTk5OTk5OTk5LCJpIjoiMDAwMDAwMDAtMDAwMC0wMDAwLTAwMDAtMDAwMDAwMDAwMDAwIn0",
        // {"t":-300000000000000000,"i":"00000000-0000-0000-0000-000000000000"}: representable
        // by chrono, far outside PostgreSQL's timestamptz range.
        "eyJ0IjotMzAwMDAwMDAwMDAwMDAwMDAwLCJpIjoiMDAwMDAwMDAtMDAwMC0wMDAwLTAwMDAtMDAwMDAwMDAwMDAwIn0",
    ] {
        let response = app.list(&[("cursor", cursor)]).await;
        assert_error(response, StatusCode::BAD_REQUEST, "invalid_cursor").await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn paging_visits_every_patient_once_even_while_patients_are_added() {
    let app = spawn_app().await;
    let mut expected = HashSet::new();
    for _ in 0..23 {
        expected.insert(app.create_ok(&patient_body()).await.0);
    }
    // Several rows share one created_at (one transaction's clock), so the tie-breaker matters.
    use sea_orm::ConnectionTrait;
    app.db.execute_unprepared("UPDATE patients SET created_at = '2026-01-01T00:00:00Z' WHERE patient_id IN (SELECT patient_id FROM patients ORDER BY patient_id LIMIT 10)").await.unwrap();

    let mut seen = Vec::new();
    let mut cursor: Option<String> = None;
    let mut pages = 0;
    loop {
        let mut query = vec![("limit", "5")];
        if let Some(c) = cursor.as_deref() {
            query.push(("cursor", c));
        }
        let response = app.list(&query).await;
        assert_eq!(response.status(), StatusCode::OK);
        let page: Value = response.json().await.unwrap();
        let items = page["items"].as_array().unwrap();
        assert!(items.len() <= 5);
        seen.extend(items.iter().map(|p| p["patient_id"].as_str().unwrap().to_owned()));
        pages += 1;
        // New patients arrive between page reads; they sort after every existing one.
        app.create_ok(&patient_body()).await;
        match page["next_cursor"].as_str() {
            Some(next) => cursor = Some(next.to_owned()),
            None => {
                assert!(page["next_cursor"].is_null());
                break;
            }
        }
        assert!(pages < 50, "paging does not terminate");
    }
    let unique: HashSet<String> = seen.iter().cloned().collect();
    assert_eq!(unique.len(), seen.len(), "a patient was returned twice");
    assert!(expected.is_subset(&unique), "a patient that existed throughout was skipped");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_last_page_has_a_null_cursor() {
    let app = spawn_app().await;
    for _ in 0..2 {
        app.create_ok(&patient_body()).await;
    }
    let page: Value = app.list(&[("limit", "2")]).await.json().await.unwrap();
    assert_eq!(page["items"].as_array().unwrap().len(), 2);
    assert!(page["next_cursor"].is_null());
    let page: Value = app.list(&[("limit", "1")]).await.json().await.unwrap();
    assert!(page["next_cursor"].is_string());
    let empty: Value = app.list(&[("family_name", "Nobody")]).await.json().await.unwrap();
    assert_eq!(empty, json!({"items": [], "next_cursor": null}));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unknown_and_repeated_parameters_are_refused_not_ignored() {
    let app = spawn_app().await;
    app.create_ok(&person("Ann", "Rivera", "1990-01-01", None, None)).await;
    app.create_ok(&person("Bo", "Lee", "1990-01-01", None, None)).await;
    // A misspelled filter must never widen the search to every patient.
    let body =
        assert_error(app.list(&[("familyname", "Rivera")]).await, StatusCode::BAD_REQUEST, "invalid_parameter").await;
    assert_eq!(detail_fields(&body), ["familyname"]);
    assert_eq!(body["details"][0]["code"], "unknown_parameter");
    assert!(!body.to_string().contains("Rivera"), "{body}");
    let body = assert_error(
        app.list(&[("family_name", "Rivera"), ("family_name", "Lee")]).await,
        StatusCode::BAD_REQUEST,
        "invalid_parameter",
    )
    .await;
    assert_eq!(body["details"][0]["code"], "duplicate_parameter");
    // A parameter name that could carry data is not echoed.
    let body =
        assert_error(app.list(&[("María Rivera", "1")]).await, StatusCode::BAD_REQUEST, "invalid_parameter").await;
    assert!(!body.to_string().contains("Rivera"), "{body}");
}
