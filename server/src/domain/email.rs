//! Email addresses: a practical RFC 5322 addr-spec (dot-atom local part, DNS domain).
use crate::error::FieldError;

/// An email address, lower-cased, at most 254 characters.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(transparent)]
pub struct Email(String);

const MAX_LENGTH: usize = 254;

impl Email {
    pub fn parse(raw: &str, field: &str) -> Result<Self, FieldError> {
        let candidate = raw.trim().to_lowercase();
        if candidate.chars().count() > MAX_LENGTH {
            return Err(FieldError::new(field, "too_long", format!("must be at most {MAX_LENGTH} characters")));
        }
        let valid = candidate.rsplit_once('@').is_some_and(|(local, domain)| is_local_part(local) && is_domain(domain));
        if !valid {
            return Err(FieldError::new(field, "invalid_format", "is not a valid email address"));
        }
        Ok(Self(candidate))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_inner(self) -> String {
        self.0
    }
}

/// Dot-atom: atext runs separated by single dots, at most 64 characters.
fn is_local_part(local: &str) -> bool {
    const ATEXT_SPECIALS: &str = "!#$%&'*+-/=?^_`{|}~";
    (1..=64).contains(&local.len())
        && local.split('.').all(|atom| {
            !atom.is_empty() && atom.chars().all(|c| c.is_ascii_alphanumeric() || ATEXT_SPECIALS.contains(c))
        })
}

/// At least two DNS labels of letters, digits and inner hyphens; an alphabetic TLD.
fn is_domain(domain: &str) -> bool {
    let labels: Vec<&str> = domain.split('.').collect();
    domain.len() <= 253
        && labels.len() >= 2
        && labels.iter().all(|label| {
            (1..=63).contains(&label.len())
                && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
                && !label.starts_with('-')
                && !label.ends_with('-')
        })
        && labels.last().is_some_and(|tld| tld.len() >= 2 && tld.chars().all(|c| c.is_ascii_alphabetic()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valid_addresses_are_lower_cased() {
        let cases = [
            ("Maria.Rivera@Example.org", "maria.rivera@example.org"),
            ("o'brien@example.ie", "o'brien@example.ie"),
            ("user+tag@sub.example.co.uk", "user+tag@sub.example.co.uk"),
            ("  a@b.io ", "a@b.io"),
            ("x_y-z@host-name.example", "x_y-z@host-name.example"),
        ];
        for (raw, expected) in cases {
            assert_eq!(Email::parse(raw, "email").unwrap().as_str(), expected, "{raw}");
        }
    }

    #[test]
    fn invalid_addresses_are_rejected() {
        for raw in [
            "",
            "plain",
            "@example.org",
            "a@",
            "a@b",
            "a..b@example.org",
            ".a@example.org",
            "a.@example.org",
            "a b@example.org",
            "a@-example.org",
            "a@example.c0m",
            "a@exa_mple.org",
            "ü@example.org",
            "a@b@example.org",
        ] {
            assert_eq!(Email::parse(raw, "email").unwrap_err().reason, "invalid_format", "{raw:?}");
        }
        let long = format!("{}@{}.org", "a".repeat(64), "b".repeat(200));
        assert_eq!(Email::parse(&long, "email").unwrap_err().reason, "too_long");
    }
}
