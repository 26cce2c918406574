//! Property tests over every domain type: parsing arbitrary Unicode never panics, and
//! normalization is idempotent (a stored value parses back to itself), so re-saving a
//! patient can never change it.
use patient_api::{models, types::Nullable};

use super::{
    address::Address,
    email::Email,
    language::LanguageTagValue,
    name::{self, PersonName},
    phone::PhoneE164,
    postal_code,
    text::FreeText,
};
use proptest::prelude::*;

/// Arbitrary Unicode, plus inputs shaped like each field so that valid values are common
/// enough for the idempotence half of each property to be exercised.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "\\PC{0,40}",
        "[\\p{L}\\p{M} \t\n'’.-]{0,120}",
        "[a-zA-Z0-9.+_'-]{1,20}@[a-zA-Z0-9-]{1,20}\\.[a-zA-Z]{2,6}",
        "\\+[0-9 ().-]{0,20}",
        "[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8}){0,3}",
        "[A-Za-z0-9 -]{0,12}",
    ]
}

const COUNTRIES: &[&str] = &["US", "CA", "GB", "DE", "FR", "NL", "ES", "IT", "AU", "IN", "JP", "BR", "MX", "SE"];

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn names_normalize_idempotently(raw in text()) {
        let once = name::normalize(&raw);
        prop_assert_eq!(name::normalize(&once), once.clone());
        if let Ok(parsed) = PersonName::parse(&raw, "given_name", 100) {
            prop_assert_eq!(PersonName::parse(parsed.as_str(), "given_name", 100), Ok(parsed.clone()));
            prop_assert!(parsed.as_str().chars().count() <= 100);
        }
    }

    #[test]
    fn emails_normalize_idempotently(raw in text()) {
        if let Ok(parsed) = Email::parse(&raw, "email") {
            prop_assert_eq!(Email::parse(parsed.as_str(), "email"), Ok(parsed.clone()));
            prop_assert!(parsed.as_str().len() <= 254);
        }
    }

    #[test]
    fn phones_normalize_idempotently(raw in text()) {
        if let Ok(parsed) = PhoneE164::parse(&raw, "phone_e164") {
            prop_assert_eq!(PhoneE164::parse(parsed.as_str(), "phone_e164"), Ok(parsed.clone()));
            prop_assert!(parsed.as_str().starts_with('+'));
        }
    }

    #[test]
    fn language_tags_normalize_idempotently(raw in text()) {
        if let Ok(parsed) = LanguageTagValue::parse(&raw, "preferred_language") {
            let canonical = parsed.clone().into_inner();
            prop_assert_eq!(LanguageTagValue::parse(&canonical, "preferred_language"), Ok(parsed));
        }
    }

    #[test]
    fn postal_codes_normalize_idempotently(raw in text(), country in proptest::sample::select(COUNTRIES)) {
        if let Ok(canonical) = postal_code::canonicalize(&raw, country, "address.postal_code") {
            prop_assert_eq!(postal_code::canonicalize(&canonical, country, "address.postal_code"), Ok(canonical.clone()));
        }
    }

    #[test]
    fn free_text_normalizes_idempotently(raw in text()) {
        if let Ok(Some(parsed)) = FreeText::parse_optional(&raw, "address.city", 100) {
            prop_assert_eq!(FreeText::parse_optional(parsed.as_str(), "address.city", 100), Ok(Some(parsed.clone())));
            prop_assert!(!parsed.as_str().chars().any(char::is_control));
        }
    }

    #[test]
    fn addresses_normalize_idempotently(
        line1 in text(),
        city in text(),
        postal in proptest::option::of(text()),
        country in proptest::sample::select(COUNTRIES),
    ) {
        let mut input = models::AddressInput::new(line1, city, "State".into(), country.to_lowercase());
        input.postal_code = postal.map(Nullable::Present);
        if let Ok(parsed) = Address::parse(&input) {
            let mut again = models::AddressInput::new(
                parsed.line1.as_str().to_owned(),
                parsed.city.as_str().to_owned(),
                parsed.state_province.as_str().to_owned(),
                parsed.country.as_str().to_owned(),
            );
            again.postal_code = parsed.postal_code.as_ref().map(|p| Nullable::Present(p.as_str().to_owned()));
            prop_assert_eq!(Address::parse(&again), Ok(parsed));
        }
    }
}
