//! Preferred language: a well-formed BCP 47 (RFC 5646) tag in canonical case.
use oxilangtag::LanguageTag;

use crate::error::FieldError;

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(transparent)]
pub struct LanguageTagValue(String);

impl LanguageTagValue {
    pub fn parse(raw: &str, field: &str) -> Result<Self, FieldError> {
        let candidate = raw.trim();
        if candidate.len() > 35 {
            return Err(FieldError::new(field, "too_long", "must be at most 35 characters"));
        }
        LanguageTag::parse_and_normalize(candidate)
            .map(|tag| Self(tag.into_inner()))
            .map_err(|_| FieldError::new(field, "invalid_format", "must be a BCP 47 language tag, e.g. en-US"))
    }

    pub fn into_inner(self) -> String {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_are_put_in_canonical_case() {
        for (raw, expected) in [("en-us", "en-US"), ("EN", "en"), ("zh-hant-tw", "zh-Hant-TW"), ("es-419", "es-419")] {
            assert_eq!(LanguageTagValue::parse(raw, "preferred_language").unwrap().0, expected);
        }
    }

    #[test]
    fn malformed_tags_are_rejected() {
        for raw in ["", "e", "en_US", "english language", "en--us", "123"] {
            assert!(LanguageTagValue::parse(raw, "preferred_language").is_err(), "{raw:?}");
        }
    }
}
