//! Postal codes, checked and canonicalized per country.
//!
//! The formats follow the national postal operators (as collected in Google's
//! libaddressinput data): a code is matched case-insensitively with its optional separator,
//! then written the way the operator prints it (`k1a0b1` → `K1A 0B1`, `1000001` → `100-0001`).
//! Countries without a rule here get a generic sanity check.
use std::sync::LazyLock;

use regex::Regex;

use super::country::CountryCode;
use crate::error::FieldError;

/// A postal code valid for its address's country, in the postal operator's canonical form.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(transparent)]
pub struct PostalCode(String);

impl PostalCode {
    pub fn parse(raw: &str, country: &CountryCode, field: &str) -> Result<Self, FieldError> {
        canonicalize(raw, country.as_str(), field).map(Self)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_inner(self) -> String {
        self.0
    }
}

/// One country's format: `pattern` captures the code's parts as `a` and, where the printed
/// form has two parts, `b`; the canonical form is `a`, `separator`, `b`.
struct CountryFormat {
    country: &'static str,
    pattern: &'static str,
    separator: &'static str,
    /// Second parts the operator never issues (e.g. Dutch letter pairs SA, SD, SS).
    unissued: &'static [&'static str],
}

const FORMATS: &[CountryFormat] = &[
    // ZIP or ZIP+4.
    CountryFormat { country: "US", pattern: r"^(?<a>\d{5})(?:[ -]?(?<b>\d{4}))?$", separator: "-", unissued: &[] },
    // Forward sortation area + local delivery unit; D, F, I, O, Q, U never appear, W and Z
    // never first.
    CountryFormat {
        country: "CA",
        pattern: r"^(?<a>[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z]) ?(?<b>\d[ABCEGHJ-NPRSTV-Z]\d)$",
        separator: " ",
        unissued: &[],
    },
    // Outward code (area + district) and inward code (sector + unit); GIR 0AA is historic.
    CountryFormat {
        country: "GB",
        pattern: r"^(?<a>GIR|[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?) ?(?<b>\d[ABD-HJLNP-UW-Z]{2})$",
        separator: " ",
        unissued: &[],
    },
    CountryFormat { country: "DE", pattern: r"^(?<a>(?:0[1-9]|[1-9]\d)\d{3})$", separator: "", unissued: &[] },
    CountryFormat { country: "FR", pattern: r"^(?<a>(?:0[1-9]|[1-9]\d)\d{3})$", separator: "", unissued: &[] },
    CountryFormat {
        country: "NL",
        pattern: r"^(?<a>[1-9]\d{3}) ?(?<b>[A-Z]{2})$",
        separator: " ",
        unissued: &["SA", "SD", "SS"],
    },
    // The first two digits are the province, 01–52.
    CountryFormat { country: "ES", pattern: r"^(?<a>(?:0[1-9]|[1-4]\d|5[0-2])\d{3})$", separator: "", unissued: &[] },
    CountryFormat { country: "IT", pattern: r"^(?<a>\d{5})$", separator: "", unissued: &[] },
    CountryFormat { country: "AU", pattern: r"^(?<a>\d{4})$", separator: "", unissued: &[] },
    // PIN: six digits, never starting with 0; often printed as "110 001".
    CountryFormat { country: "IN", pattern: r"^(?<a>[1-9]\d{2}) ?(?<b>\d{3})$", separator: "", unissued: &[] },
    CountryFormat { country: "JP", pattern: r"^(?<a>\d{3})[- ]?(?<b>\d{4})$", separator: "-", unissued: &[] },
    // CEP.
    CountryFormat { country: "BR", pattern: r"^(?<a>\d{5})[- ]?(?<b>\d{3})$", separator: "-", unissued: &[] },
    CountryFormat { country: "MX", pattern: r"^(?<a>\d{5})$", separator: "", unissued: &[] },
];

static COMPILED: LazyLock<Vec<(&'static CountryFormat, Regex)>> = LazyLock::new(|| {
    FORMATS.iter().map(|f| (f, Regex::new(f.pattern).expect("postal code patterns are valid"))).collect()
});

/// Checks `raw` as a postal code of `country` (an upper-case ISO 3166-1 alpha-2 code) and
/// returns its canonical form.
pub(super) fn canonicalize(raw: &str, country: &str, field: &str) -> Result<String, FieldError> {
    let upper = raw.split_whitespace().collect::<Vec<_>>().join(" ").to_uppercase();
    let Some((format, pattern)) = COMPILED.iter().find(|(f, _)| f.country == country) else {
        return generic(upper, field);
    };
    // The message names neither the code nor the country: both are part of a patient's address.
    let invalid = || FieldError::new(field, "invalid_format", "is not a valid postal code for the address's country");
    let parts = pattern.captures(&upper).ok_or_else(invalid)?;
    let first = &parts["a"];
    match parts.name("b").map(|b| b.as_str()) {
        Some(second) if format.unissued.contains(&second) => Err(invalid()),
        Some(second) => Ok(format!("{first}{}{second}", format.separator)),
        None => Ok(first.to_owned()),
    }
}

/// Elsewhere: 2–10 letters, digits, spaces and hyphens, with at least one letter or digit.
fn generic(upper: String, field: &str) -> Result<String, FieldError> {
    let plausible = (2..=10).contains(&upper.chars().count())
        && upper.chars().all(|c| c.is_ascii_alphanumeric() || c == ' ' || c == '-')
        && upper.chars().any(|c| c.is_ascii_alphanumeric());
    if plausible { Ok(upper) } else { Err(FieldError::new(field, "invalid_format", "is not a plausible postal code")) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valid_codes_are_canonicalized_per_country() {
        let cases = [
            ("US", "94103", "94103"),
            ("US", "94103-1234", "94103-1234"),
            ("US", "941031234", "94103-1234"),
            ("US", "94103 1234", "94103-1234"),
            ("CA", "k1a0b1", "K1A 0B1"),
            ("CA", "K1A 0B1", "K1A 0B1"),
            ("GB", "sw1a1aa", "SW1A 1AA"),
            ("GB", "EC1A 1BB", "EC1A 1BB"),
            ("GB", "M1 1AE", "M1 1AE"),
            ("GB", "b33 8th", "B33 8TH"),
            ("GB", "GIR 0AA", "GIR 0AA"),
            ("DE", "10115", "10115"),
            ("DE", "01067", "01067"),
            ("FR", "75001", "75001"),
            ("FR", "20000", "20000"),
            ("NL", "1012ab", "1012 AB"),
            ("NL", "1012  AB", "1012 AB"),
            ("ES", "28013", "28013"),
            ("ES", "52001", "52001"),
            ("IT", "00184", "00184"),
            ("AU", "2000", "2000"),
            ("IN", "110001", "110001"),
            ("IN", "110 001", "110001"),
            ("JP", "1000001", "100-0001"),
            ("JP", "100-0001", "100-0001"),
            ("BR", "01310100", "01310-100"),
            ("BR", "01310-100", "01310-100"),
            ("MX", "06600", "06600"),
            ("SE", "114 55", "114 55"),
            ("IE", "d02 x285", "D02 X285"),
        ];
        for (country, raw, expected) in cases {
            assert_eq!(canonicalize(raw, country, "address.postal_code").as_deref(), Ok(expected), "{country} {raw}");
        }
    }

    #[test]
    fn invalid_codes_are_rejected_per_country() {
        let cases = [
            ("US", "9410"),
            ("US", "941031"),
            ("US", "94103-12"),
            ("US", "ABCDE"),
            ("CA", "D1A 0B1"),
            ("CA", "K1A0B"),
            ("CA", "12345"),
            ("GB", "SW1A"),
            ("GB", "QW1 1AA"),
            ("GB", "SW1A 1CA"),
            ("DE", "1011"),
            ("DE", "00123"),
            ("DE", "101155"),
            ("FR", "7500"),
            ("NL", "0123 AB"),
            ("NL", "1012 SS"),
            ("NL", "1012"),
            ("ES", "53001"),
            ("ES", "00123"),
            ("IT", "0018"),
            ("AU", "20000"),
            ("IN", "011001"),
            ("IN", "11001"),
            ("JP", "100-001"),
            ("BR", "0131-0100"),
            ("MX", "0660"),
            ("SE", "<>"),
            ("SE", "-"),
            ("SE", "12345678901"),
        ];
        for (country, raw) in cases {
            let error = canonicalize(raw, country, "address.postal_code").unwrap_err();
            assert_eq!(
                (error.field.as_str(), error.reason),
                ("address.postal_code", "invalid_format"),
                "{country} {raw}"
            );
            assert!(!error.message.contains(raw), "the message must not echo the value");
            assert!(!error.message.contains(country), "the message must not name the country");
        }
    }

    #[test]
    fn every_country_rule_is_for_an_assigned_code_and_unique() {
        let mut seen = std::collections::HashSet::new();
        for format in FORMATS {
            assert!(seen.insert(format.country), "{} twice", format.country);
        }
        assert_eq!(COMPILED.len(), FORMATS.len());
    }
}
