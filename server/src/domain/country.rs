//! Countries: ISO 3166-1 alpha-2 codes.
use crate::error::FieldError;

/// An officially assigned ISO 3166-1 alpha-2 code, upper-case.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(transparent)]
pub struct CountryCode(String);

impl CountryCode {
    /// Accepts any case (`us` → `US`).
    pub fn parse(raw: &str, field: &str) -> Result<Self, FieldError> {
        let upper = raw.trim().to_ascii_uppercase();
        if ISO_3166_ALPHA_2.binary_search(&upper.as_str()).is_ok() {
            Ok(Self(upper))
        } else {
            Err(FieldError::new(field, "invalid_value", "must be an ISO 3166-1 alpha-2 country code"))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether addresses in this country carry a postal code (most do).
    pub fn uses_postal_codes(&self) -> bool {
        WITHOUT_POSTAL_CODES.binary_search(&self.0.as_str()).is_err()
    }

    pub fn into_inner(self) -> String {
        self.0
    }
}

/// Countries whose addresses carry no postal code: they issue none (libaddressinput's address
/// formats have no postal code field for them), or, for Ireland, Eircodes are not yet written
/// on every address. Sorted, for binary search.
pub const WITHOUT_POSTAL_CODES: &[&str] = &[
    "AE", "AG", "AO", "AW", "BF", "BI", "BJ", "BO", "BS", "BW", "BZ", "CD", "CF", "CG", "CI", "CK", "CM", "DJ", "DM",
    "ER", "FJ", "GA", "GD", "GH", "GM", "GQ", "GY", "HK", "IE", "KI", "KM", "KN", "KP", "LY", "ML", "MO", "MR", "MW",
    "NR", "NU", "QA", "RW", "SB", "SC", "SL", "SR", "SS", "ST", "SY", "TD", "TG", "TK", "TL", "TO", "TV", "UG", "VU",
    "YE", "ZW",
];

/// Officially assigned ISO 3166-1 alpha-2 codes. Sorted, for binary search.
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

    #[test]
    fn codes_are_upper_cased_and_must_be_assigned() {
        assert_eq!(CountryCode::parse("us", "c").unwrap().as_str(), "US");
        for bad in ["XX", "U", "USA", "", "u$"] {
            assert_eq!(CountryCode::parse(bad, "c").unwrap_err().reason, "invalid_value", "{bad}");
        }
    }

    #[test]
    fn the_tables_are_sorted_and_consistent() {
        assert!(ISO_3166_ALPHA_2.windows(2).all(|w| w[0] < w[1]));
        assert!(WITHOUT_POSTAL_CODES.windows(2).all(|w| w[0] < w[1]));
        for code in WITHOUT_POSTAL_CODES {
            assert!(ISO_3166_ALPHA_2.contains(code), "{code} is not assigned");
        }
        assert!(!CountryCode::parse("HK", "c").unwrap().uses_postal_codes());
        assert!(CountryCode::parse("US", "c").unwrap().uses_postal_codes());
    }
}
