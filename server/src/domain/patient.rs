//! A patient's client-owned fields, validated and normalized as one unit.
use chrono::NaiveDate;
use patient_api::models;

use super::{
    address::Address, date_of_birth::DateOfBirth, email::Email, gender::GenderIdentity, keep,
    language::LanguageTagValue, name::PersonName, phone::PhoneE164, present,
};
use crate::error::FieldError;

const NAME_MAX_CHARS: usize = 100;

/// What create and replace store: every field valid and canonical, each in its domain type
/// until the one conversion to the stored row (`store::patients`). Serializes to the
/// canonical form that idempotency fingerprints hash.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct PatientDraft {
    pub given_name: PersonName,
    pub middle_name: Option<PersonName>,
    pub family_name: PersonName,
    pub date_of_birth: DateOfBirth,
    pub sex_at_birth: models::SexAtBirth,
    pub gender_identity: GenderIdentity,
    pub email: Option<Email>,
    pub phone_e164: Option<PhoneE164>,
    pub address: Option<Address>,
    pub preferred_language: Option<LanguageTagValue>,
    pub consent_to_contact: bool,
}

impl PatientDraft {
    /// Applies the business rules to a body that already matches the contract's schema,
    /// against today's date (UTC); reports every problem at once.
    pub fn parse(input: &models::PatientInput, today: NaiveDate) -> Result<Self, Vec<FieldError>> {
        let mut errors = Vec::new();
        let e = &mut errors;
        let given_name = keep(e, PersonName::parse(&input.given_name, "given_name", NAME_MAX_CHARS));
        let middle_name = present(&input.middle_name)
            .filter(|raw| !raw.trim().is_empty())
            .and_then(|raw| keep(e, PersonName::parse(raw, "middle_name", NAME_MAX_CHARS)));
        let family_name = keep(e, PersonName::parse(&input.family_name, "family_name", NAME_MAX_CHARS));
        let date_of_birth = keep(e, DateOfBirth::parse(&input.date_of_birth, today, "date_of_birth"));
        let other = present(&input.gender_identity_other).map(String::as_str);
        let gender_identity = keep(e, GenderIdentity::parse(input.gender_identity, other, "gender_identity_other"));
        let email = present(&input.email).and_then(|raw| keep(e, Email::parse(raw, "email")));
        let phone_e164 = present(&input.phone_e164).and_then(|raw| keep(e, PhoneE164::parse(raw, "phone_e164")));
        let preferred_language = present(&input.preferred_language)
            .and_then(|raw| keep(e, LanguageTagValue::parse(raw, "preferred_language")));
        let address = present(&input.address).and_then(|a| Address::parse(a).map_err(|found| e.extend(found)).ok());

        match (given_name, family_name, date_of_birth, gender_identity) {
            (Some(given_name), Some(family_name), Some(date_of_birth), Some(gender_identity)) if errors.is_empty() => {
                Ok(Self {
                    given_name,
                    middle_name,
                    family_name,
                    date_of_birth,
                    sex_at_birth: input.sex_at_birth,
                    gender_identity,
                    email,
                    phone_e164,
                    address,
                    preferred_language,
                    consent_to_contact: input.consent_to_contact.unwrap_or(false),
                })
            }
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use patient_api::types::Nullable;

    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
    }

    fn input() -> models::PatientInput {
        models::PatientInput::new(
            "María".into(),
            "Rivera".into(),
            "1984-03-15".into(),
            models::SexAtBirth::Female,
            models::GenderIdentity::Woman,
        )
    }

    fn fields(result: Result<PatientDraft, Vec<FieldError>>) -> Vec<(String, &'static str)> {
        result.unwrap_err().into_iter().map(|e| (e.field, e.reason)).collect()
    }

    #[test]
    fn a_minimal_patient_is_accepted_with_defaults() {
        let draft = PatientDraft::parse(&input(), today()).unwrap();
        assert_eq!(draft.given_name.as_str(), "María");
        assert_eq!(draft.middle_name, None);
        assert_eq!(draft.sex_at_birth, models::SexAtBirth::Female);
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
        assert_eq!(draft.email.unwrap().as_str(), "maria@example.org");
        assert_eq!(draft.phone_e164.unwrap().as_str(), "+14155550123");
        assert_eq!(draft.preferred_language.unwrap().into_inner(), "es-MX");
    }

    #[test]
    fn every_problem_is_reported_at_once() {
        let mut body = input();
        body.given_name = "R2D2".into();
        body.date_of_birth = "2027-01-01".into();
        body.gender_identity = models::GenderIdentity::Other;
        body.email = Some(Nullable::Present("not-an-email".into()));
        let reported = fields(PatientDraft::parse(&body, today()));
        assert_eq!(
            reported,
            [
                ("given_name".into(), "invalid_characters"),
                ("date_of_birth".into(), "in_future"),
                ("gender_identity_other".into(), "required"),
                ("email".into(), "invalid_format"),
            ]
        );
    }
}
