//! The FHIR R4 view of a patient: the one mapping from the API's `Patient` resource to an HL7
//! FHIR R4 `Patient` resource (`GET /api/v1/patients/{patient_id}/fhir`).
//!
//! It starts from [`crate::resource::patient_resource`]'s output, not from the stored row, so
//! the FHIR view shows exactly what the API shows, and it takes the resource apart field by
//! field: a field added to the contract does not compile until it is mapped here or left out
//! on purpose. The table, the value sets and what FHIR has no home for yet are in
//! `docs/fhir-mapping.md`.
pub mod terminology;

use patient_api::{models, types::Nullable};
use uuid::Uuid;

use terminology::{CodeSystem, coding};

pub fn fhir_patient(patient: &models::Patient) -> models::FhirPatient {
    let models::Patient {
        patient_id,
        given_name,
        middle_name,
        family_name,
        date_of_birth,
        sex_at_birth,
        gender_identity,
        gender_identity_other,
        email,
        phone_e164,
        address,
        preferred_language,
        // No element of a FHIR Patient holds them (docs/fhir-mapping.md, the gap list).
        consent_to_contact: _,
        created_at: _,
        version,
        is_deleted,
        updated_at,
    } = patient;

    let mut resource = models::FhirPatient::new(
        "Patient".to_owned(),
        patient_id.to_string(),
        models::FhirMeta::new(version.to_string(), *updated_at),
        vec![identifier(*patient_id)],
        !is_deleted,
        vec![official_name(family_name, given_name, middle_name)],
        terminology::administrative_gender(*gender_identity),
        date_of_birth.clone(),
        vec![
            terminology::birth_sex_extension(*sex_at_birth),
            terminology::gender_identity_extension(*gender_identity, present(gender_identity_other)),
        ],
    );
    let telecom: Vec<_> = [
        present(email).map(|email| contact_point("email", email)),
        present(phone_e164).map(|phone| contact_point("phone", phone)),
    ]
    .into_iter()
    .flatten()
    .collect();
    resource.telecom = (!telecom.is_empty()).then_some(telecom);
    resource.address = present(address).map(|address| vec![home_address(&address)]);
    resource.communication = present(preferred_language).map(|tag| vec![preferred_language_of(tag)]);
    resource
}

/// The `patient_id` as a URI. A UUID is unique without a namespace, so the system is RFC
/// 3986's (FHIR's rule for identifiers that are URIs) rather than one of our own.
fn identifier(patient_id: Uuid) -> models::FhirIdentifier {
    let mut identifier =
        models::FhirIdentifier::new(CodeSystem::Uri.url().to_owned(), format!("urn:uuid:{patient_id}"));
    identifier.r_use = Some("usual".to_owned());
    identifier.r_type =
        Some(terminology::concept(coding(CodeSystem::IdentifierType, "PI", "Patient internal identifier")));
    identifier
}

/// Middle names are given names that follow the first one, in FHIR's order.
fn official_name(family: &str, given: &str, middle: &Nullable<String>) -> models::FhirHumanName {
    let given = std::iter::once(given.to_owned()).chain(present(middle)).collect();
    models::FhirHumanName::new("official".to_owned(), family.to_owned(), given)
}

/// The contract records one personal email and phone, not whether they are home, work or
/// mobile; `home` is FHIR's use for a personal contact point.
fn contact_point(system: &str, value: String) -> models::FhirContactPoint {
    models::FhirContactPoint::new(system.to_owned(), value, "home".to_owned())
}

fn home_address(address: &models::Address) -> models::FhirAddress {
    let line = std::iter::once(address.line1.clone()).chain(present(&address.line2)).collect();
    let mut fhir = models::FhirAddress::new("home".to_owned(), line);
    fhir.city = present(&address.city);
    fhir.state = present(&address.state_province);
    fhir.postal_code = present(&address.postal_code);
    fhir.country = present(&address.country);
    fhir
}

fn preferred_language_of(tag: String) -> models::FhirPatientCommunication {
    let language = terminology::concept(models::FhirCoding::new(CodeSystem::Bcp47.url().to_owned(), tag));
    models::FhirPatientCommunication::new(language, true)
}

/// FHIR leaves out what has no value (never `null`).
fn present<T: Clone>(value: &Nullable<T>) -> Option<T> {
    value.as_ref().cloned().into()
}

#[cfg(test)]
mod tests {
    use chrono::{TimeZone, Utc};
    use serde_json::{Value, json};

    use super::*;

    fn patient() -> models::Patient {
        models::Patient::new(
            Uuid::parse_str("9f8c2e4a-3b5d-4c6e-8f7a-1b2c3d4e5f6a").unwrap(),
            "María".into(),
            Nullable::Present("José".into()),
            "Rivera".into(),
            "1984-03-15".into(),
            models::SexAtBirth::Female,
            models::GenderIdentity::Woman,
            Nullable::Null,
            Nullable::Present("maria.rivera@example.org".into()),
            Nullable::Present("+14155550123".into()),
            Nullable::Present(models::Address::new(
                "123 Main St".into(),
                Nullable::Present("Apt 4B".into()),
                Nullable::Present("San Francisco".into()),
                Nullable::Present("CA".into()),
                Nullable::Present("94103".into()),
                Nullable::Present("US".into()),
            )),
            Nullable::Present("es-MX".into()),
            true,
            3,
            false,
            Utc.with_ymd_and_hms(2026, 11, 22, 10, 0, 0).unwrap(),
            Utc.with_ymd_and_hms(2026, 11, 23, 8, 30, 15).unwrap(),
        )
    }

    fn minimal() -> models::Patient {
        let mut patient = patient();
        patient.middle_name = Nullable::Null;
        patient.email = Nullable::Null;
        patient.phone_e164 = Nullable::Null;
        patient.address = Nullable::Null;
        patient.preferred_language = Nullable::Null;
        patient.consent_to_contact = false;
        patient
    }

    fn as_json(patient: &models::Patient) -> Value {
        serde_json::to_value(fhir_patient(patient)).unwrap()
    }

    #[test]
    fn every_field_lands_in_its_element() {
        assert_eq!(
            as_json(&patient()),
            json!({
                "resourceType": "Patient",
                "id": "9f8c2e4a-3b5d-4c6e-8f7a-1b2c3d4e5f6a",
                "meta": {"versionId": "3", "lastUpdated": "2026-11-23T08:30:15Z"},
                "identifier": [{
                    "use": "usual",
                    "type": {"coding": [{
                        "system": "http://terminology.hl7.org/CodeSystem/v2-0203",
                        "code": "PI",
                        "display": "Patient internal identifier"
                    }]},
                    "system": "urn:ietf:rfc:3986",
                    "value": "urn:uuid:9f8c2e4a-3b5d-4c6e-8f7a-1b2c3d4e5f6a"
                }],
                "active": true,
                "name": [{"use": "official", "family": "Rivera", "given": ["María", "José"]}],
                "telecom": [
                    {"system": "email", "value": "maria.rivera@example.org", "use": "home"},
                    {"system": "phone", "value": "+14155550123", "use": "home"}
                ],
                "gender": "female",
                "birthDate": "1984-03-15",
                "address": [{
                    "use": "home",
                    "line": ["123 Main St", "Apt 4B"],
                    "city": "San Francisco",
                    "state": "CA",
                    "postalCode": "94103",
                    "country": "US"
                }],
                "communication": [{
                    "language": {"coding": [{"system": "urn:ietf:bcp:47", "code": "es-MX"}]},
                    "preferred": true
                }],
                "extension": [
                    {"url": "http://hl7.org/fhir/us/core/StructureDefinition/us-core-birthsex", "valueCode": "F"},
                    {
                        "url": "http://hl7.org/fhir/StructureDefinition/individual-genderIdentity",
                        "extension": [{"url": "value", "valueCodeableConcept": {"coding": [{
                            "system": "http://snomed.info/sct",
                            "code": "446141000124107",
                            "display": "Female gender identity"
                        }]}}]
                    }
                ]
            })
        );
    }

    #[test]
    fn what_has_no_value_is_left_out_not_null() {
        let resource = as_json(&minimal());
        let elements: Vec<&str> = resource.as_object().unwrap().keys().map(String::as_str).collect();
        // serde_json's map is sorted by key.
        assert_eq!(
            elements,
            ["active", "birthDate", "extension", "gender", "id", "identifier", "meta", "name", "resourceType"]
        );
        assert_eq!(resource["name"], json!([{"use": "official", "family": "Rivera", "given": ["María"]}]));
        assert!(!resource.to_string().contains("null"), "{resource}");
    }

    #[test]
    fn one_contact_point_per_recorded_channel() {
        let mut only_phone = minimal();
        only_phone.phone_e164 = Nullable::Present("+442079460958".into());
        assert_eq!(
            as_json(&only_phone)["telecom"],
            json!([{"system": "phone", "value": "+442079460958", "use": "home"}])
        );
    }

    #[test]
    fn address_parts_without_a_value_are_left_out() {
        // A Hong Kong address has no postal code; addresses from contract 1.0 may hold line1 only.
        let mut patient = minimal();
        patient.address = Nullable::Present(models::Address::new(
            "1 Queen's Road Central".into(),
            Nullable::Null,
            Nullable::Null,
            Nullable::Null,
            Nullable::Null,
            Nullable::Null,
        ));
        assert_eq!(as_json(&patient)["address"], json!([{"use": "home", "line": ["1 Queen's Road Central"]}]));
    }

    #[test]
    fn the_version_and_deletion_state_come_through() {
        let mut patient = patient();
        patient.version = 42;
        patient.is_deleted = true;
        let resource = as_json(&patient);
        assert_eq!(resource["meta"]["versionId"], "42");
        assert_eq!(resource["active"], false);
    }
}
