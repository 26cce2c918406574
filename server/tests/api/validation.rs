//! Every field rule, end to end: what is stored for accepted input, and which field path and
//! reason code a rejection names (never the value).
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{TestApp, assert_error, minimal_body, spawn_app};

fn minimal() -> Value {
    minimal_body()
}

/// An address in `country` with the given postal code and every other part valid.
fn address(postal_code: Option<&str>, country: &str) -> Value {
    json!({"address": {"line1": "1 High St", "city": "Town", "state_province": "Region",
                       "postal_code": postal_code, "country": country}})
}

fn with(changes: Value) -> Value {
    let mut body = minimal();
    for (field, value) in changes.as_object().unwrap() {
        body[field] = value.clone();
    }
    body
}

async fn stored(app: &TestApp, body: &Value) -> Value {
    let (id, _, created) = app.create_ok(body).await;
    // What a later read returns is what was stored, not just what the create echoed.
    let read: Value = app.get(&id).await.json().await.unwrap();
    assert_eq!(read, created);
    read
}

/// `(field path, reason code)` of every detail of a 422.
async fn rejected(app: &TestApp, body: &Value) -> Vec<(String, String)> {
    let error = assert_error(app.create(body).await, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    error["details"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["field"].as_str().unwrap().to_owned(), d["code"].as_str().unwrap().to_owned()))
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn accepted_values_are_stored_normalized() {
    let app = spawn_app().await;
    let today = chrono::Utc::now().date_naive().to_string();
    let cases: Vec<(Value, &str, Value)> = vec![
        (json!({"given_name": "  Jose\u{301}\t\nMaría  "}), "given_name", json!("José María")),
        (json!({"family_name": "O’Brien-Smith Jr."}), "family_name", json!("O’Brien-Smith Jr.")),
        (json!({"family_name": "d'Artagnan"}), "family_name", json!("d'Artagnan")),
        (json!({"given_name": "李 小龍"}), "given_name", json!("李 小龍")),
        (json!({"middle_name": "   "}), "middle_name", Value::Null),
        (json!({"date_of_birth": today}), "date_of_birth", json!(today)),
        (json!({"email": "O'Connor+Clinic@Example.COM"}), "email", json!("o'connor+clinic@example.com")),
        (json!({"phone_e164": "+44 (20) 7946.0958"}), "phone_e164", json!("+442079460958")),
        (json!({"phone_e164": "+49-30-901820"}), "phone_e164", json!("+4930901820")),
        (json!({"preferred_language": "zh-hant-tw"}), "preferred_language", json!("zh-Hant-TW")),
        (
            json!({"gender_identity": "other", "gender_identity_other": " Two\tSpirit "}),
            "gender_identity_other",
            json!("Two Spirit"),
        ),
        // The patient's own words: free text, digits and punctuation included.
        (
            json!({"gender_identity": "other", "gender_identity_other": "genderfluid (she/they) 2"}),
            "gender_identity_other",
            json!("genderfluid (she/they) 2"),
        ),
    ];
    for (changes, field, expected) in cases {
        let patient = stored(&app, &with(changes.clone())).await;
        assert_eq!(patient[field], expected, "{changes}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postal_codes_are_canonicalized_per_country() {
    let app = spawn_app().await;
    let cases = [
        ("US", "941031234", "94103-1234"),
        ("CA", "k1a0b1", "K1A 0B1"),
        ("GB", "sw1a1aa", "SW1A 1AA"),
        ("DE", "10115", "10115"),
        ("FR", "75001", "75001"),
        ("NL", "1012ab", "1012 AB"),
        ("ES", "28013", "28013"),
        ("IT", "00184", "00184"),
        ("AU", "2000", "2000"),
        ("IN", "110 001", "110001"),
        ("JP", "1000001", "100-0001"),
        ("BR", "01310100", "01310-100"),
        ("MX", "06600", "06600"),
        ("se", "114 55", "114 55"),
    ];
    for (country, raw, expected) in cases {
        let body = with(address(Some(raw), country));
        let patient = stored(&app, &body).await;
        assert_eq!(patient["address"]["postal_code"], expected, "{country} {raw}");
        assert_eq!(patient["address"]["country"], country.to_uppercase());
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_rule_names_the_field_and_reason_without_the_value() {
    let app = spawn_app().await;
    let too_old = (chrono::Utc::now().date_naive() - chrono::Months::new(121 * 12)).to_string();
    let long_email = format!("{}@example.org", "a".repeat(250));
    let cases: Vec<(Value, &str, &str)> = vec![
        (json!({"given_name": "Ann3"}), "given_name", "invalid_characters"),
        (json!({"given_name": "Ann\u{7}"}), "given_name", "invalid_characters"),
        (json!({"family_name": "Lee ☺"}), "family_name", "invalid_characters"),
        (json!({"middle_name": "x".repeat(101)}), "middle_name", "too_long"),
        (json!({"date_of_birth": too_old}), "date_of_birth", "too_old"),
        (json!({"gender_identity": "woman", "gender_identity_other": "Fem"}), "gender_identity_other", "not_allowed"),
        (
            json!({"gender_identity": "other", "gender_identity_other": "bell\u{7}"}),
            "gender_identity_other",
            "invalid_characters",
        ),
        (json!({"email": "two@@example.org"}), "email", "invalid_format"),
        (json!({"email": long_email}), "email", "too_long"),
        (json!({"phone_e164": "+1 555 0100"}), "phone_e164", "invalid_format"),
        (json!({"phone_e164": "+1 415 555 0123 ext 4"}), "phone_e164", "invalid_format"),
        (json!({"preferred_language": "en_US"}), "preferred_language", "invalid_format"),
        (address(Some("12345"), "ZZ"), "address.country", "invalid_value"),
        (address(Some("9410"), "US"), "address.postal_code", "invalid_format"),
        (address(Some("1012 SS"), "NL"), "address.postal_code", "invalid_format"),
        (address(Some("53001"), "ES"), "address.postal_code", "invalid_format"),
        (address(None, "DE"), "address.postal_code", "required"),
        (
            json!({"address": {"line1": "x".repeat(201), "city": "c", "state_province": "s", "postal_code": "10115", "country": "DE"}}),
            "address.line1",
            "too_long",
        ),
        (
            json!({"address": {"line1": "1 Main\u{0}", "city": "c", "state_province": "s", "postal_code": "10115", "country": "DE"}}),
            "address.line1",
            "invalid_characters",
        ),
    ];
    for (changes, field, reason) in cases {
        let body = with(changes.clone());
        let response = app.create(&body).await;
        let printed = response.text().await.unwrap();
        let error: Value = serde_json::from_str(&printed).unwrap();
        assert_eq!(error["code"], "validation_failed", "{changes}: {printed}");
        let details: Vec<(String, String)> = error["details"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| (d["field"].as_str().unwrap().to_owned(), d["code"].as_str().unwrap().to_owned()))
            .collect();
        assert_eq!(details, [(field.to_owned(), reason.to_owned())], "{changes}");
        let mut values: Vec<&str> = changes.as_object().unwrap().values().filter_map(Value::as_str).collect();
        if let Some(parts) = changes.get("address").and_then(Value::as_object) {
            values.extend(parts.values().filter_map(Value::as_str));
        }
        for value in
            values.into_iter().filter(|v| v.len() > 3 && !field.contains(*v) && !["Town", "Region"].contains(v))
        {
            assert!(!printed.contains(value), "the error echoed {value:?}: {printed}");
        }
    }
    assert_eq!(app.count("SELECT count(*) AS n FROM patients").await, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn enums_are_strict_and_case_sensitive() {
    let app = spawn_app().await;
    // The 1.0 values are refused too: clients must send the spec's.
    for value in ["Man", "WOMAN", "Undisclosed", "non-binary", "non_binary", "female", "prefer_not_to_say", ""] {
        assert_eq!(
            rejected(&app, &with(json!({"gender_identity": value}))).await,
            [("gender_identity".to_owned(), "invalid_value".to_owned())],
            "{value}"
        );
    }
    for value in ["Female", "MALE", "other", "x", ""] {
        assert_eq!(
            rejected(&app, &with(json!({"sex_at_birth": value}))).await,
            [("sex_at_birth".to_owned(), "invalid_value".to_owned())],
            "{value}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn addresses_in_countries_without_postal_codes_need_none() {
    let app = spawn_app().await;
    let patient = stored(&app, &with(address(None, "HK"))).await;
    assert_eq!(patient["address"]["postal_code"], Value::Null);
    assert_eq!(patient["address"]["country"], "HK");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn raw_lengths_follow_the_contract() {
    let app = spawn_app().await;
    let hundred = "a".repeat(100);
    assert_eq!(stored(&app, &with(json!({"given_name": hundred}))).await["given_name"], json!(hundred));
    // 101 characters as sent, 100 once trimmed: the contract's maxLength applies to what was
    // sent, so schema-driven clients and the server agree.
    let padded = format!(" {hundred}");
    assert_eq!(
        rejected(&app, &with(json!({"given_name": padded}))).await,
        [("given_name".to_owned(), "too_long".to_owned())]
    );
}
