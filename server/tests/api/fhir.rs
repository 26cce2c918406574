//! The FHIR R4 view of a patient: the same record, version and ETag as the patient read, in
//! FHIR's shape. (Validation against HL7's R4 JSON schema: contract-tests/fhir-r4.test.mjs.)
use chrono::{DateTime, Utc};
use reqwest::{Response, StatusCode};
use serde_json::{Value, json};

use crate::helpers::{READER_KEY, TestApp, assert_error, header, minimal_body, patient_body, spawn_app};

const BIRTH_SEX: &str = "http://hl7.org/fhir/us/core/StructureDefinition/us-core-birthsex";
const GENDER_IDENTITY: &str = "http://hl7.org/fhir/StructureDefinition/individual-genderIdentity";

async fn get_fhir(app: &TestApp, id: &str) -> Response {
    app.client
        .get(app.url(&format!("/api/v1/patients/{id}/fhir")))
        .header("x-api-key", READER_KEY)
        .send()
        .await
        .unwrap()
}

/// The FHIR view, checked for what every 200 carries; returns the ETag and the resource.
async fn fhir_ok(app: &TestApp, id: &str) -> (String, Value) {
    let response = get_fhir(app, id).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(header(&response, "content-type"), "application/fhir+json");
    assert_eq!(header(&response, "cache-control"), "no-store");
    assert!(response.headers().contains_key("x-request-id"));
    let etag = header(&response, "etag");
    (etag, response.json().await.unwrap())
}

fn extension<'a>(resource: &'a Value, url: &str) -> &'a Value {
    let extensions = resource["extension"].as_array().expect("extensions");
    let found: Vec<&Value> = extensions.iter().filter(|e| e["url"] == url).collect();
    assert_eq!(found.len(), 1, "exactly one {url}: {resource}");
    found[0]
}

fn gender_identity_concept(resource: &Value) -> &Value {
    let parts = extension(resource, GENDER_IDENTITY)["extension"].as_array().expect("a complex extension");
    assert_eq!(parts.len(), 1);
    assert_eq!(parts[0]["url"], "value");
    &parts[0]["valueCodeableConcept"]
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_fhir_view_is_the_patient_field_by_field() {
    let app = spawn_app().await;
    let mut body = patient_body();
    body["phone_e164"] = json!("+1 (415) 555-0123");
    let (id, created_etag, _) = app.create_ok(&body).await;
    let patient: Value = app.get(&id).await.json().await.unwrap();

    let (etag, fhir) = fhir_ok(&app, &id).await;
    assert_eq!(etag, created_etag, "the FHIR view has the patient's ETag");
    assert_eq!(fhir["resourceType"], "Patient");
    assert_eq!(fhir["id"], id);
    assert_eq!(fhir["meta"]["versionId"], "1");
    let last_updated: DateTime<Utc> = fhir["meta"]["lastUpdated"].as_str().unwrap().parse().unwrap();
    let updated_at: DateTime<Utc> = patient["updated_at"].as_str().unwrap().parse().unwrap();
    assert_eq!(last_updated, updated_at);
    assert_eq!(
        fhir["identifier"],
        json!([{
            "use": "usual",
            "type": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v2-0203", "code": "PI",
                                 "display": "Patient internal identifier"}]},
            "system": "urn:ietf:rfc:3986",
            "value": format!("urn:uuid:{id}")
        }])
    );
    assert_eq!(fhir["active"], true);
    assert_eq!(fhir["name"], json!([{"use": "official", "family": "Rivera", "given": ["María", "José"]}]));
    // As stored: the email lower-cased, the phone in E.164.
    assert_eq!(
        fhir["telecom"],
        json!([
            {"system": "email", "value": patient["email"], "use": "home"},
            {"system": "phone", "value": "+14155550123", "use": "home"}
        ])
    );
    assert_eq!(fhir["gender"], "female");
    assert_eq!(fhir["birthDate"], "1984-03-15");
    assert_eq!(
        fhir["address"],
        json!([{"use": "home", "line": ["123 Main St", "Apt 4B"], "city": "San Francisco", "state": "CA",
                "postalCode": "94103", "country": "US"}])
    );
    assert_eq!(
        fhir["communication"],
        json!([{"language": {"coding": [{"system": "urn:ietf:bcp:47", "code": "es-MX"}]}, "preferred": true}])
    );
    assert_eq!(extension(&fhir, BIRTH_SEX), &json!({"url": BIRTH_SEX, "valueCode": "F"}));
    assert_eq!(gender_identity_concept(&fhir)["coding"][0]["code"], "446141000124107");
    let elements: Vec<&String> = fhir.as_object().unwrap().keys().collect();
    assert_eq!(elements.len(), 12, "nothing else, consent_to_contact included: {elements:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_patient_without_optional_fields_has_no_empty_elements() {
    let app = spawn_app().await;
    let (id, _, _) = app.create_ok(&minimal_body()).await;
    let (_, fhir) = fhir_ok(&app, &id).await;
    for absent in ["telecom", "address", "communication"] {
        assert!(fhir.get(absent).is_none(), "{absent} in {fhir}");
    }
    assert_eq!(fhir["name"], json!([{"use": "official", "family": "Lee", "given": ["Ann"]}]));
    assert!(!fhir.to_string().contains("null"), "{fhir}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_sex_and_gender_value_reaches_the_fhir_view() {
    let app = spawn_app().await;
    // (sex_at_birth, gender_identity, gender, birth sex, gender identity code or text)
    let table = [
        ("female", "woman", "female", "F", "446141000124107"),
        ("male", "man", "male", "M", "446151000124109"),
        ("intersex", "nonbinary", "other", "UNK", "33791000087105"),
        ("unknown", "other", "other", "UNK", "Two-Spirit"),
        ("undisclosed", "undisclosed", "unknown", "UNK", "asked-declined"),
    ];
    for (sex, identity, gender, birth_sex, identity_code) in table {
        let mut body = minimal_body();
        body["sex_at_birth"] = json!(sex);
        body["gender_identity"] = json!(identity);
        if identity == "other" {
            body["gender_identity_other"] = json!("Two-Spirit");
        }
        let (id, _, _) = app.create_ok(&body).await;
        let (_, fhir) = fhir_ok(&app, &id).await;
        assert_eq!(fhir["gender"], gender, "{identity}");
        assert_eq!(extension(&fhir, BIRTH_SEX)["valueCode"], birth_sex, "{sex}");
        let concept = gender_identity_concept(&fhir);
        let shown = concept["coding"][0]["code"].as_str().or(concept["text"].as_str());
        assert_eq!(shown, Some(identity_code), "{identity}: {concept}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_view_follows_every_change_and_its_etag_guards_writes() {
    let app = spawn_app().await;
    let (id, _, _) = app.create_ok(&minimal_body()).await;
    let (etag, _) = fhir_ok(&app, &id).await;

    let mut changed = minimal_body();
    changed["family_name"] = json!("Lee-Park");
    let replaced = app.replace(&id, Some(&etag), &changed).await;
    assert_eq!(replaced.status(), StatusCode::OK, "the FHIR view's ETag is the patient's");
    let (etag, fhir) = fhir_ok(&app, &id).await;
    assert_eq!(etag, "\"2\"");
    assert_eq!(fhir["meta"]["versionId"], "2");
    assert_eq!(fhir["name"][0]["family"], "Lee-Park");

    let deleted = app.delete(&id, Some(&etag)).await;
    assert_eq!(deleted.status(), StatusCode::NO_CONTENT);
    assert_error(get_fhir(&app, &id).await, StatusCode::NOT_FOUND, "patient_not_found").await;

    let deleted_etag = header(&deleted, "etag");
    assert_eq!(app.restore(&id, Some(&deleted_etag)).await.status(), StatusCode::OK);
    let (etag, fhir) = fhir_ok(&app, &id).await;
    assert_eq!((etag.as_str(), &fhir["meta"]["versionId"]), ("\"4\"", &json!("4")));
    assert_eq!(fhir["active"], true);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unknown_and_malformed_ids_are_refused() {
    let app = spawn_app().await;
    let unknown = uuid::Uuid::new_v4().to_string();
    assert_error(get_fhir(&app, &unknown).await, StatusCode::NOT_FOUND, "patient_not_found").await;
    assert_error(get_fhir(&app, "not-a-uuid").await, StatusCode::BAD_REQUEST, "invalid_parameter").await;
}
