//! The value sets of the FHIR view: the contract's enums as FHIR codes, with the code systems
//! and extensions they come from (the rules and their reasons: `docs/fhir-mapping.md`).
use patient_api::models::{
    FhirAdministrativeGender, FhirCodeableConcept, FhirCoding, FhirExtension, GenderIdentity, SexAtBirth,
};

/// US Core's birth sex extension: a `valueCode` from its required value set (F, M, UNK).
pub const BIRTH_SEX_EXTENSION: &str = "http://hl7.org/fhir/us/core/StructureDefinition/us-core-birthsex";
/// HL7's cross-version gender identity extension (FHIR Extensions Pack); its `value`
/// sub-extension holds a concept from `http://terminology.hl7.org/ValueSet/gender-identity`.
pub const GENDER_IDENTITY_EXTENSION: &str = "http://hl7.org/fhir/StructureDefinition/individual-genderIdentity";

/// The code systems the view uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodeSystem {
    /// Identifiers that are URIs (`urn:uuid:…`).
    Uri,
    /// HL7 v2 table 0203, identifier types.
    IdentifierType,
    /// IETF BCP 47 language tags.
    Bcp47,
    SnomedCt,
    DataAbsentReason,
}

impl CodeSystem {
    pub fn url(self) -> &'static str {
        match self {
            Self::Uri => "urn:ietf:rfc:3986",
            Self::IdentifierType => "http://terminology.hl7.org/CodeSystem/v2-0203",
            Self::Bcp47 => "urn:ietf:bcp:47",
            Self::SnomedCt => "http://snomed.info/sct",
            Self::DataAbsentReason => "http://terminology.hl7.org/CodeSystem/data-absent-reason",
        }
    }
}

/// FHIR's administrative gender follows the gender the patient identifies with, as HL7's
/// Gender Harmony guidance has it; it is never inferred from the sex assigned at birth.
pub fn administrative_gender(identity: GenderIdentity) -> FhirAdministrativeGender {
    match identity {
        GenderIdentity::Woman => FhirAdministrativeGender::Female,
        GenderIdentity::Man => FhirAdministrativeGender::Male,
        GenderIdentity::Nonbinary | GenderIdentity::Other => FhirAdministrativeGender::Other,
        GenderIdentity::Undisclosed => FhirAdministrativeGender::Unknown,
    }
}

/// US Core's value set has no code for intersex or for a patient who declined to say, and its
/// binding is required, so both become `UNK` (the native API keeps the exact value).
pub fn birth_sex_code(sex: SexAtBirth) -> &'static str {
    match sex {
        SexAtBirth::Female => "F",
        SexAtBirth::Male => "M",
        SexAtBirth::Intersex | SexAtBirth::Unknown | SexAtBirth::Undisclosed => "UNK",
    }
}

pub fn birth_sex_extension(sex: SexAtBirth) -> FhirExtension {
    let mut extension = FhirExtension::new(BIRTH_SEX_EXTENSION.to_owned());
    extension.value_code = Some(birth_sex_code(sex).to_owned());
    extension
}

/// The gender identity as a concept of HL7's gender identity value set: SNOMED CT for the
/// three identities it codes, the patient's own words as text (no code) for `other`, and
/// data-absent-reason `asked-declined` for `undisclosed`.
pub fn gender_identity_concept(identity: GenderIdentity, own_words: Option<String>) -> FhirCodeableConcept {
    match identity {
        GenderIdentity::Woman => concept(coding(CodeSystem::SnomedCt, "446141000124107", "Female gender identity")),
        GenderIdentity::Man => concept(coding(CodeSystem::SnomedCt, "446151000124109", "Male gender identity")),
        GenderIdentity::Nonbinary => {
            concept(coding(CodeSystem::SnomedCt, "33791000087105", "Non-binary gender identity"))
        }
        GenderIdentity::Other => {
            let mut text = FhirCodeableConcept::new();
            // The contract requires the words with `other`; "other" itself is the fallback
            // for a row that could lack them.
            text.text = Some(own_words.unwrap_or_else(|| "other".to_owned()));
            text
        }
        GenderIdentity::Undisclosed => {
            concept(coding(CodeSystem::DataAbsentReason, "asked-declined", "Asked But Declined"))
        }
    }
}

pub fn gender_identity_extension(identity: GenderIdentity, own_words: Option<String>) -> FhirExtension {
    let mut value = FhirExtension::new("value".to_owned());
    value.value_codeable_concept = Some(gender_identity_concept(identity, own_words));
    let mut extension = FhirExtension::new(GENDER_IDENTITY_EXTENSION.to_owned());
    extension.extension = Some(vec![value]);
    extension
}

pub fn coding(system: CodeSystem, code: &str, display: &str) -> FhirCoding {
    let mut coding = FhirCoding::new(system.url().to_owned(), code.to_owned());
    coding.display = Some(display.to_owned());
    coding
}

pub fn concept(coding: FhirCoding) -> FhirCodeableConcept {
    let mut concept = FhirCodeableConcept::new();
    concept.coding = Some(vec![coding]);
    concept
}

#[cfg(test)]
mod tests {
    use super::*;

    // Every value of each contract enum, with what the FHIR view says for it. A value added to
    // the contract fails to compile in the functions above before it can be missing here.
    const SEX_AT_BIRTH: [(SexAtBirth, &str); 5] = [
        (SexAtBirth::Female, "F"),
        (SexAtBirth::Male, "M"),
        (SexAtBirth::Intersex, "UNK"),
        (SexAtBirth::Unknown, "UNK"),
        (SexAtBirth::Undisclosed, "UNK"),
    ];

    /// A code as `(system, code)`.
    type Code = (&'static str, &'static str);

    const GENDER_IDENTITY: [(GenderIdentity, FhirAdministrativeGender, Option<Code>); 5] = [
        (GenderIdentity::Woman, FhirAdministrativeGender::Female, Some(("http://snomed.info/sct", "446141000124107"))),
        (GenderIdentity::Man, FhirAdministrativeGender::Male, Some(("http://snomed.info/sct", "446151000124109"))),
        (
            GenderIdentity::Nonbinary,
            FhirAdministrativeGender::Other,
            Some(("http://snomed.info/sct", "33791000087105")),
        ),
        (GenderIdentity::Other, FhirAdministrativeGender::Other, None),
        (
            GenderIdentity::Undisclosed,
            FhirAdministrativeGender::Unknown,
            Some(("http://terminology.hl7.org/CodeSystem/data-absent-reason", "asked-declined")),
        ),
    ];

    #[test]
    fn every_sex_at_birth_has_a_us_core_birth_sex_code() {
        for (sex, code) in SEX_AT_BIRTH {
            assert_eq!(birth_sex_code(sex), code, "{sex}");
            let extension = birth_sex_extension(sex);
            assert_eq!(extension.url, BIRTH_SEX_EXTENSION);
            assert_eq!(extension.value_code.as_deref(), Some(code), "{sex}");
            assert!(extension.value_codeable_concept.is_none() && extension.extension.is_none());
        }
    }

    #[test]
    fn every_gender_identity_has_an_administrative_gender() {
        for (identity, gender, _) in GENDER_IDENTITY {
            assert_eq!(administrative_gender(identity), gender, "{identity}");
        }
    }

    #[test]
    fn every_gender_identity_has_a_concept_of_the_hl7_value_set() {
        for (identity, _, code) in GENDER_IDENTITY {
            let concept = gender_identity_concept(identity, None);
            let coded = concept.coding.as_deref().map(|codings| {
                assert_eq!(codings.len(), 1, "{identity}");
                assert!(codings[0].display.is_some(), "{identity}");
                (codings[0].system.as_str(), codings[0].code.as_str())
            });
            assert_eq!(coded, code, "{identity}");
            assert_eq!(concept.text.is_some(), identity == GenderIdentity::Other, "{identity}");
        }
    }

    #[test]
    fn other_carries_the_patients_own_words_as_text() {
        let concept = gender_identity_concept(GenderIdentity::Other, Some("Two-Spirit".into()));
        assert_eq!(concept.text.as_deref(), Some("Two-Spirit"));
        assert!(concept.coding.is_none());
        // The words belong to `other` only.
        assert!(gender_identity_concept(GenderIdentity::Woman, Some("ignored".into())).text.is_none());
    }

    #[test]
    fn the_gender_identity_extension_nests_its_value() {
        let extension = gender_identity_extension(GenderIdentity::Man, None);
        assert_eq!(extension.url, GENDER_IDENTITY_EXTENSION);
        assert!(extension.value_code.is_none() && extension.value_codeable_concept.is_none());
        let parts = extension.extension.expect("a complex extension");
        assert_eq!(parts.len(), 1);
        assert_eq!(parts[0].url, "value");
        assert_eq!(parts[0].value_codeable_concept, Some(gender_identity_concept(GenderIdentity::Man, None)));
    }
}
