//! A patient's client-owned fields, validated and normalized as one unit.
use chrono::{Months, NaiveDate};
use patient_api::{models, types::Nullable};

use super::{
    address::{Address, AddressInput},
    email::Email,
    language::LanguageTagValue,
    name::PersonName,
    phone::PhoneE164,
};
use crate::error::FieldError;

/// Oldest accepted date of birth, in years before today.
const MAX_AGE_YEARS: u32 = 120;

/// What create and replace store: every field valid and canonical. Serializes to the
/// canonical form that idempotency fingerprints hash.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct PatientDraft {
    pub given_name: String,
    pub middle_name: Option<String>,
    pub family_name: String,
    pub date_of_birth: NaiveDate,
    pub gender_identity: Option<String>,
    pub gender_identity_other: Option<String>,
    pub email: Option<String>,
    pub phone_e164: Option<String>,
    pub address: Option<Address>,
    pub preferred_language: Option<String>,
    pub consent_to_contact: bool,
}

impl PatientDraft {
    /// Validates a request body against today's date (UTC); reports every problem at once.
    pub fn parse(input: &models::PatientInput, today: NaiveDate) -> Result<Self, Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut keep = |result: Result<String, FieldError>| result.map_err(|e| errors.push(e)).ok();

        let given_name = keep(PersonName::parse(&input.given_name, "given_name", 100).map(PersonName::into_inner));
        let family_name = keep(PersonName::parse(&input.family_name, "family_name", 100).map(PersonName::into_inner));
        let middle_name = present(&input.middle_name)
            .filter(|raw| !raw.trim().is_empty())
            .and_then(|raw| keep(PersonName::parse(raw, "middle_name", 100).map(PersonName::into_inner)));
        let gender_identity = present(&input.gender_identity).map(ToString::to_string);
        let gender_identity_other = present(&input.gender_identity_other)
            .and_then(|raw| keep(PersonName::parse(raw, "gender_identity_other", 100).map(PersonName::into_inner)));
        let email = present(&input.email).and_then(|raw| keep(Email::parse(raw, "email").map(Email::into_inner)));
        let phone_e164 = present(&input.phone_e164)
            .and_then(|raw| keep(PhoneE164::parse(raw, "phone_e164").map(PhoneE164::into_inner)));
        let preferred_language = present(&input.preferred_language)
            .and_then(|raw| keep(LanguageTagValue::parse(raw, "preferred_language").map(LanguageTagValue::into_inner)));

        if let Err(e) = check_date_of_birth(input.date_of_birth, today) {
            errors.push(e);
        }
        match (gender_identity.as_deref(), present(&input.gender_identity_other)) {
            (Some("other"), None) => errors.push(FieldError::new(
                "gender_identity_other",
                "required",
                "is required when gender_identity is other",
            )),
            (identity, Some(_)) if identity != Some("other") => errors.push(FieldError::new(
                "gender_identity_other",
                "not_allowed",
                "is allowed only when gender_identity is other",
            )),
            _ => {}
        }
        let address = present(&input.address).and_then(|a| match Address::parse(address_input(a)) {
            Ok(address) => Some(address),
            Err(mut address_errors) => {
                errors.append(&mut address_errors);
                None
            }
        });

        match (given_name, family_name) {
            (Some(given_name), Some(family_name)) if errors.is_empty() => Ok(Self {
                given_name,
                middle_name,
                family_name,
                date_of_birth: input.date_of_birth,
                gender_identity,
                gender_identity_other,
                email,
                phone_e164,
                address,
                preferred_language,
                consent_to_contact: input.consent_to_contact.unwrap_or(false),
            }),
            _ => Err(errors),
        }
    }
}

fn check_date_of_birth(date_of_birth: NaiveDate, today: NaiveDate) -> Result<(), FieldError> {
    if date_of_birth > today {
        return Err(FieldError::new("date_of_birth", "in_future", "must not be after today"));
    }
    let oldest = today.checked_sub_months(Months::new(12 * MAX_AGE_YEARS)).unwrap_or(NaiveDate::MIN);
    if date_of_birth < oldest {
        return Err(FieldError::new(
            "date_of_birth",
            "too_old",
            format!("must not be more than {MAX_AGE_YEARS} years ago"),
        ));
    }
    Ok(())
}

/// The value of an optional, nullable field: absent and `null` both mean "none".
fn present<T>(field: &Option<Nullable<T>>) -> Option<&T> {
    match field {
        Some(Nullable::Present(value)) => Some(value),
        _ => None,
    }
}

fn address_input(address: &models::Address) -> AddressInput<'_> {
    AddressInput {
        line1: &address.line1,
        line2: present(&address.line2).map(String::as_str),
        city: present(&address.city).map(String::as_str),
        state_province: present(&address.state_province).map(String::as_str),
        postal_code: present(&address.postal_code).map(String::as_str),
        country: present(&address.country).map(String::as_str),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
    }

    fn input() -> models::PatientInput {
        models::PatientInput::new("María".into(), "Rivera".into(), NaiveDate::from_ymd_opt(1984, 3, 15).unwrap())
    }

    fn fields(result: Result<PatientDraft, Vec<FieldError>>) -> Vec<(String, &'static str)> {
        result.unwrap_err().into_iter().map(|e| (e.field, e.reason)).collect()
    }

    #[test]
    fn a_minimal_patient_is_accepted_with_defaults() {
        let draft = PatientDraft::parse(&input(), today()).unwrap();
        assert_eq!(draft.given_name, "María");
        assert_eq!(draft.middle_name, None);
        assert!(!draft.consent_to_contact);
    }

    #[test]
    fn optional_fields_are_normalized() {
        let mut body = input();
        body.middle_name = Some(Nullable::Present("  ".into()));
        body.email = Some(Nullable::Present("Maria@Example.ORG".into()));
        body.phone_e164 = Some(Nullable::Present("+1 415 555 0123".into()));
        body.preferred_language = Some(Nullable::Present("es-mx".into()));
        let draft = PatientDraft::parse(&body, today()).unwrap();
        assert_eq!(draft.middle_name, None);
        assert_eq!(draft.email.as_deref(), Some("maria@example.org"));
        assert_eq!(draft.phone_e164.as_deref(), Some("+14155550123"));
        assert_eq!(draft.preferred_language.as_deref(), Some("es-MX"));
    }

    #[test]
    fn dates_of_birth_are_bounded() {
        let mut body = input();
        body.date_of_birth = today().succ_opt().unwrap();
        assert_eq!(fields(PatientDraft::parse(&body, today())), [("date_of_birth".into(), "in_future")]);
        body.date_of_birth = NaiveDate::from_ymd_opt(1906, 11, 21).unwrap();
        assert_eq!(fields(PatientDraft::parse(&body, today())), [("date_of_birth".into(), "too_old")]);
        body.date_of_birth = NaiveDate::from_ymd_opt(1906, 11, 22).unwrap();
        assert!(PatientDraft::parse(&body, today()).is_ok());
        body.date_of_birth = today();
        assert!(PatientDraft::parse(&body, today()).is_ok());
    }

    #[test]
    fn gender_identity_other_goes_with_other_only() {
        let mut body = input();
        body.gender_identity = Some(Nullable::Present(models::GenderIdentity::Other));
        assert_eq!(fields(PatientDraft::parse(&body, today())), [("gender_identity_other".into(), "required")]);
        body.gender_identity_other = Some(Nullable::Present("Two-spirit".into()));
        assert!(PatientDraft::parse(&body, today()).is_ok());
        body.gender_identity = Some(Nullable::Present(models::GenderIdentity::Female));
        assert_eq!(fields(PatientDraft::parse(&body, today())), [("gender_identity_other".into(), "not_allowed")]);
    }

    #[test]
    fn every_problem_is_reported_at_once() {
        let mut body = input();
        body.given_name = "R2D2".into();
        body.email = Some(Nullable::Present("not-an-email".into()));
        body.address = Some(Nullable::Present(models::Address::new(" ".into())));
        let reported = fields(PatientDraft::parse(&body, today()));
        assert_eq!(
            reported,
            [
                ("given_name".into(), "invalid_characters"),
                ("email".into(), "invalid_format"),
                ("address.line1".into(), "required"),
            ]
        );
    }
}
