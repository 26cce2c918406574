//! Free text that is not a name: address parts and the patient's own words for their gender
//! identity.
use crate::error::FieldError;

/// Trimmed, whitespace runs collapsed to one space, 1–`max` characters, no control
/// characters (they break logs, terminals and PostgreSQL, which refuses NUL).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(transparent)]
pub struct FreeText(String);

impl FreeText {
    /// `Ok(None)` for text that is empty once trimmed.
    pub fn parse_optional(raw: &str, field: &str, max_chars: usize) -> Result<Option<Self>, FieldError> {
        // Tabs and line breaks are whitespace and collapse to spaces; other controls are refused.
        if raw.chars().any(|c| c.is_control() && !c.is_whitespace()) {
            return Err(FieldError::new(field, "invalid_characters", "must not contain control characters"));
        }
        let collapsed = raw.split_whitespace().collect::<Vec<_>>().join(" ");
        if collapsed.is_empty() {
            return Ok(None);
        }
        if collapsed.chars().count() > max_chars {
            return Err(FieldError::new(field, "too_long", format!("must be at most {max_chars} characters")));
        }
        Ok(Some(Self(collapsed)))
    }

    /// Like [`FreeText::parse_optional`], but empty text is `required`.
    pub fn parse(raw: &str, field: &str, max_chars: usize) -> Result<Self, FieldError> {
        Self::parse_optional(raw, field, max_chars)?
            .ok_or_else(|| FieldError::new(field, "required", "must not be empty"))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_inner(self) -> String {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_trimmed_and_collapsed() {
        assert_eq!(FreeText::parse("  Two \t Spirit ", "f", 100).unwrap().as_str(), "Two Spirit");
        assert_eq!(FreeText::parse("Apt 4B / rear", "f", 100).unwrap().as_str(), "Apt 4B / rear");
        assert_eq!(FreeText::parse_optional(" \n ", "f", 100), Ok(None));
    }

    #[test]
    fn control_characters_and_overlong_text_are_refused() {
        for raw in ["a\u{0}b", "bell\u{7}", "esc\u{1b}[31m", "del\u{7f}"] {
            assert_eq!(FreeText::parse(raw, "f", 100).unwrap_err().reason, "invalid_characters", "{raw:?}");
        }
        assert_eq!(FreeText::parse(&"x".repeat(101), "f", 100).unwrap_err().reason, "too_long");
        assert_eq!(FreeText::parse("   ", "f", 100).unwrap_err().reason, "required");
    }
}
