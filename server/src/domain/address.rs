//! Postal addresses.
use super::postal_code;
use crate::error::FieldError;

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Address {
    pub line1: String,
    pub line2: Option<String>,
    pub city: Option<String>,
    pub state_province: Option<String>,
    pub postal_code: Option<String>,
    /// ISO 3166-1 alpha-2, upper-case.
    pub country: Option<String>,
}

/// The unvalidated parts of an address, as the client sent them.
#[derive(Debug, Default)]
pub struct AddressInput<'a> {
    pub line1: &'a str,
    pub line2: Option<&'a str>,
    pub city: Option<&'a str>,
    pub state_province: Option<&'a str>,
    pub postal_code: Option<&'a str>,
    pub country: Option<&'a str>,
}

impl Address {
    /// Validates every part and returns all problems at once, with `address.`-prefixed paths.
    pub fn parse(input: AddressInput<'_>) -> Result<Self, Vec<FieldError>> {
        let mut errors = Vec::new();
        let line1 = text("address.line1", Some(input.line1), 200, &mut errors);
        if line1.is_none() && errors.is_empty() {
            errors.push(FieldError::new("address.line1", "required", "is required when an address is given"));
        }
        let line2 = text("address.line2", input.line2, 200, &mut errors);
        let city = text("address.city", input.city, 100, &mut errors);
        let state_province = text("address.state_province", input.state_province, 100, &mut errors);
        let country = input.country.map(str::trim).filter(|c| !c.is_empty()).and_then(|raw| {
            let upper = raw.to_ascii_uppercase();
            if ISO_3166_ALPHA_2.contains(&upper.as_str()) {
                Some(upper)
            } else {
                errors.push(FieldError::new(
                    "address.country",
                    "invalid_value",
                    "must be an ISO 3166-1 alpha-2 country code",
                ));
                None
            }
        });
        let postal_code = input.postal_code.map(str::trim).filter(|p| !p.is_empty()).and_then(|raw| {
            match (&country, input.country.is_some_and(|c| !c.trim().is_empty())) {
                (Some(country), _) => {
                    postal_code::canonicalize(raw, country, "address.postal_code").map_err(|e| errors.push(e)).ok()
                }
                // The country is invalid and already reported; the code cannot be checked.
                (None, true) => None,
                (None, false) => {
                    errors.push(FieldError::new(
                        "address.country",
                        "required",
                        "is required when postal_code is given",
                    ));
                    None
                }
            }
        });
        match line1 {
            Some(line1) if errors.is_empty() => Ok(Self { line1, line2, city, state_province, postal_code, country }),
            _ => Err(errors),
        }
    }
}

/// Trims and collapses whitespace; empty means absent. Control characters are refused.
fn text(field: &str, raw: Option<&str>, max_chars: usize, errors: &mut Vec<FieldError>) -> Option<String> {
    let collapsed = raw?.split_whitespace().collect::<Vec<_>>().join(" ");
    if collapsed.is_empty() {
        return None;
    }
    if collapsed.chars().any(char::is_control) {
        errors.push(FieldError::new(field, "invalid_characters", "must not contain control characters"));
        return None;
    }
    if collapsed.chars().count() > max_chars {
        errors.push(FieldError::new(field, "too_long", format!("must be at most {max_chars} characters")));
        return None;
    }
    Some(collapsed)
}

/// Officially assigned ISO 3166-1 alpha-2 codes.
const ISO_3166_ALPHA_2: &[&str] = &[
    "AD", "AE", "AF", "AG", "AI", "AL", "AM", "AO", "AQ", "AR", "AS", "AT", "AU", "AW", "AX", "AZ", "BA", "BB", "BD",
    "BE", "BF", "BG", "BH", "BI", "BJ", "BL", "BM", "BN", "BO", "BQ", "BR", "BS", "BT", "BV", "BW", "BY", "BZ", "CA",
    "CC", "CD", "CF", "CG", "CH", "CI", "CK", "CL", "CM", "CN", "CO", "CR", "CU", "CV", "CW", "CX", "CY", "CZ", "DE",
    "DJ", "DK", "DM", "DO", "DZ", "EC", "EE", "EG", "EH", "ER", "ES", "ET", "FI", "FJ", "FK", "FM", "FO", "FR", "GA",
    "GB", "GD", "GE", "GF", "GG", "GH", "GI", "GL", "GM", "GN", "GP", "GQ", "GR", "GS", "GT", "GU", "GW", "GY", "HK",
    "HM", "HN", "HR", "HT", "HU", "ID", "IE", "IL", "IM", "IN", "IO", "IQ", "IR", "IS", "IT", "JE", "JM", "JO", "JP",
    "KE", "KG", "KH", "KI", "KM", "KN", "KP", "KR", "KW", "KY", "KZ", "LA", "LB", "LC", "LI", "LK", "LR", "LS", "LT",
    "LU", "LV", "LY", "MA", "MC", "MD", "ME", "MF", "MG", "MH", "MK", "ML", "MM", "MN", "MO", "MP", "MQ", "MR", "MS",
    "MT", "MU", "MV", "MW", "MX", "MY", "MZ", "NA", "NC", "NE", "NF", "NG", "NI", "NL", "NO", "NP", "NR", "NU", "NZ",
    "OM", "PA", "PE", "PF", "PG", "PH", "PK", "PL", "PM", "PN", "PR", "PS", "PT", "PW", "PY", "QA", "RE", "RO", "RS",
    "RU", "RW", "SA", "SB", "SC", "SD", "SE", "SG", "SH", "SI", "SJ", "SK", "SL", "SM", "SN", "SO", "SR", "SS", "ST",
    "SV", "SX", "SY", "SZ", "TC", "TD", "TF", "TG", "TH", "TJ", "TK", "TL", "TM", "TN", "TO", "TR", "TT", "TV", "TW",
    "TZ", "UA", "UG", "UM", "US", "UY", "UZ", "VA", "VC", "VE", "VG", "VI", "VN", "VU", "WF", "WS", "YE", "YT", "ZA",
    "ZM", "ZW",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn reasons(input: AddressInput<'_>) -> Vec<(String, &'static str)> {
        Address::parse(input).unwrap_err().into_iter().map(|e| (e.field, e.reason)).collect()
    }

    #[test]
    fn a_full_address_is_normalized() {
        let address = Address::parse(AddressInput {
            line1: "  123  Main St ",
            line2: Some(""),
            city: Some("San Francisco"),
            state_province: Some("CA"),
            postal_code: Some("94103 1234"),
            country: Some("us"),
        })
        .unwrap();
        assert_eq!(address.line1, "123 Main St");
        assert_eq!(address.line2, None);
        assert_eq!(address.country.as_deref(), Some("US"));
        assert_eq!(address.postal_code.as_deref(), Some("94103-1234"));
    }

    #[test]
    fn problems_are_reported_per_field() {
        assert_eq!(reasons(AddressInput { line1: " ", ..Default::default() }), [("address.line1".into(), "required")]);
        assert_eq!(
            reasons(AddressInput { line1: "x", postal_code: Some("94103"), ..Default::default() }),
            [("address.country".into(), "required")]
        );
        assert_eq!(
            reasons(AddressInput { line1: "x", country: Some("XX"), ..Default::default() }),
            [("address.country".into(), "invalid_value")]
        );
        let long = "a".repeat(201);
        assert_eq!(
            reasons(AddressInput { line1: &long, ..Default::default() }),
            [("address.line1".into(), "too_long")]
        );
        assert_eq!(
            reasons(AddressInput { line1: "x", postal_code: Some("<>"), country: Some("DE"), ..Default::default() }),
            [("address.postal_code".into(), "invalid_format")]
        );
        assert_eq!(
            reasons(AddressInput { line1: "x", postal_code: Some("9410"), country: Some("us"), ..Default::default() }),
            [("address.postal_code".into(), "invalid_format")]
        );
        assert_eq!(
            reasons(AddressInput { line1: "x", postal_code: Some("94103"), country: Some("XX"), ..Default::default() }),
            [("address.country".into(), "invalid_value")]
        );
    }
}
