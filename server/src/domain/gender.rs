//! Gender identity: one of the contract's values, with the patient's own words exactly when
//! the value is `other`.
use patient_api::models;

use super::text::FreeText;
use crate::error::FieldError;

const OTHER_TEXT_MAX_CHARS: usize = 100;

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct GenderIdentity {
    value: models::GenderIdentity,
    /// `Some` exactly when `value` is `other`.
    other: Option<FreeText>,
}

impl GenderIdentity {
    /// `other_field` names the free-text field in errors.
    pub fn parse(value: models::GenderIdentity, other: Option<&str>, other_field: &str) -> Result<Self, FieldError> {
        let other =
            other.map(|raw| FreeText::parse_optional(raw, other_field, OTHER_TEXT_MAX_CHARS)).transpose()?.flatten();
        match (value, other) {
            (models::GenderIdentity::Other, None) => {
                Err(FieldError::new(other_field, "required", "is required when gender_identity is other"))
            }
            (models::GenderIdentity::Other, other) => Ok(Self { value, other }),
            (_, Some(_)) => {
                Err(FieldError::new(other_field, "not_allowed", "is allowed only when gender_identity is other"))
            }
            (value, None) => Ok(Self { value, other: None }),
        }
    }

    pub fn value(&self) -> models::GenderIdentity {
        self.value
    }

    pub fn other_text(&self) -> Option<&str> {
        self.other.as_ref().map(FreeText::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn other_goes_with_its_text_and_nothing_else_does() {
        let reason = |value, other| GenderIdentity::parse(value, other, "gender_identity_other").map_err(|e| e.reason);
        assert_eq!(reason(models::GenderIdentity::Other, None), Err("required"));
        assert_eq!(reason(models::GenderIdentity::Other, Some("  ")), Err("required"));
        assert_eq!(reason(models::GenderIdentity::Woman, Some("x")), Err("not_allowed"));
        let other = GenderIdentity::parse(models::GenderIdentity::Other, Some(" Two-Spirit "), "g").unwrap();
        assert_eq!(other.other_text(), Some("Two-Spirit"));
        for value in [
            models::GenderIdentity::Woman,
            models::GenderIdentity::Man,
            models::GenderIdentity::Nonbinary,
            models::GenderIdentity::Undisclosed,
        ] {
            assert_eq!(GenderIdentity::parse(value, None, "g").unwrap().value(), value);
        }
    }
}
