//! Phone numbers, parsed with the `phonenumber` crate (libphonenumber's metadata).
use phonenumber::{Metadata, Mode, PhoneNumber, metadata::DATABASE};

use crate::error::FieldError;

const MAX_INPUT_CHARS: usize = 40;

/// A plausible phone number in canonical E.164 form (`+14155550123`).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(transparent)]
pub struct PhoneE164(String);

impl PhoneE164 {
    /// Accepts `+` followed by digits, optionally grouped by spaces, dashes, dots or parentheses.
    pub fn parse(raw: &str, field: &str) -> Result<Self, FieldError> {
        let invalid = || {
            FieldError::new(field, "invalid_format", "must be a valid phone number in E.164 form, e.g. +14155550123")
        };
        // The contract's maxLength, on the input as sent: grouping may make it long, but not
        // unboundedly so.
        if raw.chars().count() > MAX_INPUT_CHARS {
            return Err(FieldError::new(field, "too_long", format!("must be at most {MAX_INPUT_CHARS} characters")));
        }
        let trimmed = raw.trim();
        let rest = trimmed.strip_prefix('+').ok_or_else(invalid)?;
        if rest.is_empty() || !rest.chars().all(|c| c.is_ascii_digit() || matches!(c, ' ' | '-' | '.' | '(' | ')')) {
            return Err(invalid());
        }
        let number = phonenumber::parse(None, trimmed).map_err(|_| invalid())?;
        if !is_plausible(&number) {
            return Err(invalid());
        }
        Ok(Self(number.format().mode(Mode::E164).to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_inner(self) -> String {
        self.0
    }
}

/// Valid by libphonenumber's metadata, or at least of a length its country code's numbers
/// have. The metadata lags new number ranges, and refusing a patient's real number would
/// keep it out of the record; an unknown country code or an impossible length is refused.
fn is_plausible(number: &PhoneNumber) -> bool {
    if is_valid(number) {
        return true;
    }
    let national_digits = number.national().value().to_string().len() + usize::from(number.national().zeros());
    let Some(countries) = DATABASE.by_code(&number.code().value()) else { return false };
    let main = countries.iter().find(|m| m.is_main_country_for_code()).or(countries.first());
    main.is_some_and(|meta| {
        let d = meta.descriptors();
        [Some(d.general()), d.fixed_line(), d.mobile()]
            .into_iter()
            .flatten()
            .any(|descriptor| descriptor.possible_length().iter().any(|&length| usize::from(length) == national_digits))
    })
}

/// `phonenumber::is_valid`, with the number's type matched once instead of twice: the crate
/// matches it to pick the region among those sharing the country code (for `+1`, the US),
/// then again for the region it picked. The type patterns are most of a parse's cost.
fn is_valid(number: &PhoneNumber) -> bool {
    let national = number.national().to_string();
    let code = number.code().value();
    let Some(regions) = DATABASE.region(&code) else { return false };
    if let [only] = regions.as_slice() {
        let meta = if *only == "001" {
            DATABASE.by_code(&code).and_then(|metas| metas.into_iter().next())
        } else {
            DATABASE.by_id(*only)
        };
        return meta.is_some_and(|meta| has_known_type(meta, &national));
    }
    for region in regions {
        let Some(meta) = DATABASE.by_id(region) else { continue };
        match meta.leading_digits() {
            Some(leading) if leading.find(&national).is_some_and(|m| m.start() == 0) => {
                return has_known_type(meta, &national);
            }
            Some(_) => {}
            None if has_known_type(meta, &national) => return true,
            None => {}
        }
    }
    false
}

/// The number matches the region's general pattern and one of its number types: what
/// `number_type(…) != Unknown` means.
fn has_known_type(meta: &Metadata, national: &str) -> bool {
    let d = meta.descriptors();
    d.general().is_match(national)
        && [
            d.premium_rate(),
            d.toll_free(),
            d.shared_cost(),
            d.voip(),
            d.personal_number(),
            d.pager(),
            d.uan(),
            d.voicemail(),
            d.fixed_line(),
            d.mobile(),
        ]
        .into_iter()
        .flatten()
        .any(|descriptor| descriptor.is_match(national))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valid_numbers_become_e164() {
        let cases = [
            ("+14155550123", "+14155550123"),
            ("+1 (415) 555-0123", "+14155550123"),
            ("+1.415.555.0123", "+14155550123"),
            ("+44 20 7946 0958", "+442079460958"),
            ("+49 30 901820", "+4930901820"),
            // Not in libphonenumber's ranges (area code 555), but of a North American length.
            ("+1 555 123 4567", "+15551234567"),
        ];
        for (raw, expected) in cases {
            assert_eq!(PhoneE164::parse(raw, "phone_e164").unwrap().as_str(), expected, "{raw}");
        }
    }

    #[test]
    fn validity_agrees_with_phonenumber() {
        let numbers = [
            "+14155550123",
            "+12025550143",
            "+15551234567",
            "+18005550199",
            "+12642351234",
            "+18092345678",
            "+16135550123",
            "+442079460958",
            "+447700900123",
            "+441481123456",
            "+447624123456",
            "+4930901820",
            "+33123456789",
            "+61255501234",
            "+81312345678",
            "+8613812345678",
            "+79161234567",
            "+74951234567",
            "+77012345678",
            "+390612345678",
            "+379061234567",
            "+80012345678",
            "+882345678901",
            "+9991234567",
            "+12",
            "+4412",
            "+861",
        ];
        for raw in numbers {
            let Ok(number) = phonenumber::parse(None, raw) else { continue };
            assert_eq!(is_valid(&number), phonenumber::is_valid(&number), "{raw}");
        }
    }

    #[test]
    fn invalid_numbers_are_rejected() {
        for raw in [
            "",
            "+",
            "4155550123",
            "+1 415 555 01234567",
            "+1 415 555 012",
            "+1-415-CALL-NOW",
            "+999 123",
            "++14155550123",
            "+1 415\u{0}5550123",
        ] {
            assert_eq!(PhoneE164::parse(raw, "phone_e164").unwrap_err().reason, "invalid_format", "{raw:?}");
        }
        let padded = format!("+1 {}415 555 0123", " ".repeat(30));
        assert_eq!(PhoneE164::parse(&padded, "phone_e164").unwrap_err().reason, "too_long");
    }
}
