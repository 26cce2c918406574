//! Postal addresses.
use patient_api::models;

use super::{country::CountryCode, postal_code::PostalCode, present, text::FreeText};
use crate::error::FieldError;

const LINE_MAX_CHARS: usize = 200;
const PART_MAX_CHARS: usize = 100;

/// A complete address: every part the contract requires, each normalized.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Address {
    pub line1: FreeText,
    pub line2: Option<FreeText>,
    pub city: FreeText,
    pub state_province: FreeText,
    /// `None` only where the country's addresses carry no postal code.
    pub postal_code: Option<PostalCode>,
    pub country: CountryCode,
}

impl Address {
    /// Validates every part and returns all problems at once, with `address.`-prefixed paths.
    pub fn parse(input: &models::AddressInput) -> Result<Self, Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut keep = |result: Result<FreeText, FieldError>| result.map_err(|e| errors.push(e)).ok();
        let line1 = keep(FreeText::parse(&input.line1, "address.line1", LINE_MAX_CHARS));
        let city = keep(FreeText::parse(&input.city, "address.city", PART_MAX_CHARS));
        let state_province = keep(FreeText::parse(&input.state_province, "address.state_province", PART_MAX_CHARS));
        let line2 = present(&input.line2)
            .map(|raw| FreeText::parse_optional(raw, "address.line2", LINE_MAX_CHARS))
            .transpose()
            .map_err(|e| errors.push(e))
            .ok()
            .flatten()
            .flatten();
        let country = CountryCode::parse(&input.country, "address.country").map_err(|e| errors.push(e)).ok();
        let postal_code = postal_code(present(&input.postal_code), country.as_ref(), &mut errors);
        match (line1, city, state_province, country) {
            (Some(line1), Some(city), Some(state_province), Some(country)) if errors.is_empty() => {
                Ok(Self { line1, line2, city, state_province, postal_code, country })
            }
            _ => Err(errors),
        }
    }
}

/// The spec: "country required if postal_code provided", and a postal code wherever the
/// country's addresses carry one.
fn postal_code(
    raw: Option<&String>,
    country: Option<&CountryCode>,
    errors: &mut Vec<FieldError>,
) -> Option<PostalCode> {
    const FIELD: &str = "address.postal_code";
    let raw = raw.map(|r| r.trim()).filter(|r| !r.is_empty());
    // Without a valid country (already reported) the code cannot be checked.
    let country = country?;
    match raw {
        Some(raw) => PostalCode::parse(raw, country, FIELD).map_err(|e| errors.push(e)).ok(),
        None if country.uses_postal_codes() => {
            errors.push(FieldError::new(FIELD, "required", "is required for addresses in this country"));
            None
        }
        None => None,
    }
}

#[cfg(test)]
mod tests {
    use patient_api::types::Nullable;

    use super::*;

    fn input(line1: &str, city: &str, state: &str, postal_code: Option<&str>, country: &str) -> models::AddressInput {
        let mut input = models::AddressInput::new(line1.into(), city.into(), state.into(), country.into());
        input.postal_code = postal_code.map(|p| Nullable::Present(p.to_owned()));
        input
    }

    fn reasons(input: &models::AddressInput) -> Vec<(String, &'static str)> {
        Address::parse(input).unwrap_err().into_iter().map(|e| (e.field, e.reason)).collect()
    }

    #[test]
    fn a_full_address_is_normalized() {
        let mut raw = input("  123  Main St ", "San Francisco", "CA", Some("94103 1234"), "us");
        raw.line2 = Some(Nullable::Present(" ".into()));
        let address = Address::parse(&raw).unwrap();
        assert_eq!(address.line1.as_str(), "123 Main St");
        assert_eq!(address.line2, None);
        assert_eq!(address.country.as_str(), "US");
        assert_eq!(address.postal_code.unwrap().into_inner(), "94103-1234");
    }

    #[test]
    fn problems_are_reported_per_field() {
        assert_eq!(reasons(&input(" ", "c", "s", Some("94103"), "US")), [("address.line1".into(), "required")]);
        assert_eq!(reasons(&input("x", " ", "s", Some("94103"), "US")), [("address.city".into(), "required")]);
        assert_eq!(reasons(&input("x", "c", "s", None, "US")), [("address.postal_code".into(), "required")]);
        assert_eq!(reasons(&input("x", "c", "s", Some("94103"), "XX")), [("address.country".into(), "invalid_value")]);
        assert_eq!(
            reasons(&input("x", "c", "s", Some("9410"), "US")),
            [("address.postal_code".into(), "invalid_format")]
        );
        assert_eq!(
            reasons(&input("x\u{0}", "c", "s", Some("94103"), "US")),
            [("address.line1".into(), "invalid_characters")]
        );
    }

    #[test]
    fn countries_without_postal_codes_need_none() {
        assert!(Address::parse(&input("1 Queen's Rd", "Central", "Hong Kong Island", None, "HK")).is_ok());
        assert!(Address::parse(&input("1 Queen's Rd", "Central", "Hong Kong Island", Some("999077"), "HK")).is_ok());
    }
}
