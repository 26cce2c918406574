#![allow(unused_qualifications)]

use http::HeaderValue;
use validator::Validate;

#[cfg(feature = "server")]
use crate::header;
use crate::{models, types::*};

#[allow(dead_code)]
pub type SSE = std::pin::Pin<std::boxed::Box<dyn futures_util::Stream<Item = std::result::Result<axum::response::sse::Event, std::convert::Infallible>> + std::marker::Send + std::marker::Sync>>;

#[allow(dead_code)]
fn from_validation_error(e: validator::ValidationError) -> validator::ValidationErrors {
    let mut errs = validator::ValidationErrors::new();
    errs.add("na", e);
    errs
}

#[allow(dead_code)]
pub fn check_xss_string(v: &str) -> std::result::Result<(), validator::ValidationError> {
    if ammonia::is_html(v) {
        std::result::Result::Err(validator::ValidationError::new("xss detected"))
    } else {
        std::result::Result::Ok(())
    }
}

#[allow(dead_code)]
pub fn check_xss_vec_string(v: &[String]) -> std::result::Result<(), validator::ValidationError> {
    if v.iter().any(|i| ammonia::is_html(i)) {
        std::result::Result::Err(validator::ValidationError::new("xss detected"))
    } else {
        std::result::Result::Ok(())
    }
}

#[allow(dead_code)]
pub fn check_xss_map_string(
    v: &std::collections::HashMap<String, String>,
) -> std::result::Result<(), validator::ValidationError> {
    if v.keys().any(|k| ammonia::is_html(k)) || v.values().any(|v| ammonia::is_html(v)) {
        std::result::Result::Err(validator::ValidationError::new("xss detected"))
    } else {
        std::result::Result::Ok(())
    }
}

#[allow(dead_code)]
pub fn check_xss_map_nested<T>(
    v: &std::collections::HashMap<String, T>,
) -> std::result::Result<(), validator::ValidationError>
where
    T: validator::Validate,
{
    if v.keys().any(|k| ammonia::is_html(k)) || v.values().any(|v| v.validate().is_err()) {
        std::result::Result::Err(validator::ValidationError::new("xss detected"))
    } else {
        std::result::Result::Ok(())
    }
}

#[allow(dead_code)]
pub fn check_xss_map<T>(v: &std::collections::HashMap<String, T>) -> std::result::Result<(), validator::ValidationError> {
    if v.keys().any(|k| ammonia::is_html(k)) {
        std::result::Result::Err(validator::ValidationError::new("xss detected"))
    } else {
        std::result::Result::Ok(())
    }
}


    #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
    #[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
    pub struct ListPatientAuditHeaderParams {
        pub x_request_id: Option<String>,
    }


    #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
    #[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
    pub struct ListPatientAuditPathParams {
            /// The patient's id (UUID).
                pub patient_id: uuid::Uuid,
    }


    #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
    #[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
    pub struct ListPatientAuditQueryParams {
            /// Page size, 1–100.
                #[serde(rename = "limit")]
                #[validate(
                        range(min = 1u32, max = 100u32),
              )]
                    #[serde(skip_serializing_if="Option::is_none")]
                    pub limit: Option<u32>,
            /// Opaque cursor from a previous page's `next_cursor`.
                #[serde(rename = "cursor")]
                #[validate(
                        length(min = 1, max = 512),
              )]
                    #[serde(skip_serializing_if="Option::is_none")]
                    pub cursor: Option<String>,
    }


    #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
    #[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
    pub struct GetPatientFhirHeaderParams {
        pub x_request_id: Option<String>,
    }


    #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
    #[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
    pub struct GetPatientFhirPathParams {
            /// The patient's id (UUID).
                pub patient_id: uuid::Uuid,
    }



    #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
    #[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
    pub struct GetHealthzHeaderParams {
        pub x_request_id: Option<String>,
    }



    #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
    #[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
    pub struct GetReadyzHeaderParams {
        pub x_request_id: Option<String>,
    }



    #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
    #[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
    pub struct CreatePatientHeaderParams {
            #[validate(
                    length(min = 1, max = 255),
                      regex(path = *RE_CREATEPATIENTHEADERPARAMS_IDEMPOTENCY_KEY),
            )]
        pub idempotency_key: Option<String>,
        pub x_request_id: Option<String>,
    }

    lazy_static::lazy_static! {
        static ref RE_CREATEPATIENTHEADERPARAMS_IDEMPOTENCY_KEY: regex::Regex = regex::Regex::new("^[\\x20-\\x7E]+$").unwrap();
    }


    #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
    #[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
    pub struct DeletePatientHeaderParams {
            #[validate(
                    length(min = 1),
                      regex(path = *RE_DELETEPATIENTHEADERPARAMS_IF_MATCH),
            )]
        pub if_match: Option<String>,
        pub x_request_id: Option<String>,
    }

    lazy_static::lazy_static! {
        static ref RE_DELETEPATIENTHEADERPARAMS_IF_MATCH: regex::Regex = regex::Regex::new("^[ \\t]*(\\*|[ \\t,]*(W/)?\\x22[\\x21\\x23-\\x7E]*\\x22([ \\t]*,[ \\t,]*((W/)?\\x22[\\x21\\x23-\\x7E]*\\x22)?)*)[ \\t]*$").unwrap();
    }

    #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
    #[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
    pub struct DeletePatientPathParams {
            /// The patient's id (UUID).
                pub patient_id: uuid::Uuid,
    }



    #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
    #[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
    pub struct GetPatientHeaderParams {
        pub x_request_id: Option<String>,
    }


    #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
    #[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
    pub struct GetPatientPathParams {
            /// The patient's id (UUID).
                pub patient_id: uuid::Uuid,
    }



    #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
    #[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
    pub struct ListPatientsHeaderParams {
        pub x_request_id: Option<String>,
    }


    #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
    #[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
    pub struct ListPatientsQueryParams {
            /// Family name, matched exactly but case-insensitively (after the same whitespace normalization as stored names); it must be a valid name.
                #[serde(rename = "family_name")]
                #[validate(
                        length(min = 1, max = 100),
              )]
                    #[serde(skip_serializing_if="Option::is_none")]
                    pub family_name: Option<String>,
            /// Date of birth, exactly `YYYY-MM-DD`, matched exactly.
                #[serde(rename = "dob")]
                #[validate(
                          regex(path = *RE_LISTPATIENTSQUERYPARAMS_DOB),
              )]
                    #[serde(skip_serializing_if="Option::is_none")]
                    pub dob: Option<String>,
            /// Email address, matched case-insensitively.
                #[serde(rename = "email")]
                #[validate(
                        length(min = 3, max = 254),
              )]
                    #[serde(skip_serializing_if="Option::is_none")]
                    pub email: Option<String>,
            /// Phone number in E.164 form (`+` then digits; spaces, dashes, dots and parentheses are ignored).
                #[serde(rename = "phone")]
                #[validate(
                        length(min = 2, max = 40),
              )]
                    #[serde(skip_serializing_if="Option::is_none")]
                    pub phone: Option<String>,
            /// Page size, 1–100.
                #[serde(rename = "limit")]
                #[validate(
                        range(min = 1u32, max = 100u32),
              )]
                    #[serde(skip_serializing_if="Option::is_none")]
                    pub limit: Option<u32>,
            /// Opaque cursor from a previous page's `next_cursor`.
                #[serde(rename = "cursor")]
                #[validate(
                        length(min = 1, max = 512),
              )]
                    #[serde(skip_serializing_if="Option::is_none")]
                    pub cursor: Option<String>,
    }

    lazy_static::lazy_static! {
        static ref RE_LISTPATIENTSQUERYPARAMS_DOB: regex::Regex = regex::Regex::new("^[0-9]{4}-[0-9]{2}-[0-9]{2}$").unwrap();
    }

    #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
    #[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
    pub struct ReplacePatientHeaderParams {
            #[validate(
                    length(min = 1),
                      regex(path = *RE_REPLACEPATIENTHEADERPARAMS_IF_MATCH),
            )]
        pub if_match: Option<String>,
        pub x_request_id: Option<String>,
    }

    lazy_static::lazy_static! {
        static ref RE_REPLACEPATIENTHEADERPARAMS_IF_MATCH: regex::Regex = regex::Regex::new("^[ \\t]*(\\*|[ \\t,]*(W/)?\\x22[\\x21\\x23-\\x7E]*\\x22([ \\t]*,[ \\t,]*((W/)?\\x22[\\x21\\x23-\\x7E]*\\x22)?)*)[ \\t]*$").unwrap();
    }

    #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
    #[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
    pub struct ReplacePatientPathParams {
            /// The patient's id (UUID).
                pub patient_id: uuid::Uuid,
    }



    #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
    #[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
    pub struct RestorePatientHeaderParams {
            #[validate(
                    length(min = 1),
                      regex(path = *RE_RESTOREPATIENTHEADERPARAMS_IF_MATCH),
            )]
        pub if_match: Option<String>,
        pub x_request_id: Option<String>,
    }

    lazy_static::lazy_static! {
        static ref RE_RESTOREPATIENTHEADERPARAMS_IF_MATCH: regex::Regex = regex::Regex::new("^[ \\t]*(\\*|[ \\t,]*(W/)?\\x22[\\x21\\x23-\\x7E]*\\x22([ \\t]*,[ \\t,]*((W/)?\\x22[\\x21\\x23-\\x7E]*\\x22)?)*)[ \\t]*$").unwrap();
    }

    #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
    #[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
    pub struct RestorePatientPathParams {
            /// The patient's id (UUID).
                pub patient_id: uuid::Uuid,
    }



    #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
    #[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
    pub struct SearchPatientsHeaderParams {
        pub x_request_id: Option<String>,
    }




/// A postal address as stored; every part is present, `null` when it has no value. `city`, `state_province` and `country` are `null` only on addresses recorded before version 1.1 of this contract, which did not require them. 
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct Address {
    #[serde(rename = "line1")]
    #[validate(
            length(min = 1, max = 200),
          custom(function = "check_xss_string"),
    )]
    pub line1: String,

    #[serde(rename = "line2")]
    #[validate(
            length(max = 200),
    )]
    pub line2: Nullable<String>,

    #[serde(rename = "city")]
    #[validate(
            length(max = 100),
    )]
    pub city: Nullable<String>,

    #[serde(rename = "state_province")]
    #[validate(
            length(max = 100),
    )]
    pub state_province: Nullable<String>,

    #[serde(rename = "postal_code")]
    #[validate(
            length(max = 20),
    )]
    pub postal_code: Nullable<String>,

    #[serde(rename = "country")]
    #[validate(
            regex(path = *RE_ADDRESS_COUNTRY),
    )]
    pub country: Nullable<String>,

}


lazy_static::lazy_static! {
    static ref RE_ADDRESS_COUNTRY: regex::Regex = regex::Regex::new("^[A-Z]{2}$").unwrap();
}

impl Address {
    #[allow(clippy::new_without_default, clippy::too_many_arguments)]
    pub fn new(line1: String, line2: Nullable<String>, city: Nullable<String>, state_province: Nullable<String>, postal_code: Nullable<String>, country: Nullable<String>, ) -> Address {
        Address {
 line1,
 line2,
 city,
 state_province,
 postal_code,
 country,
        }
    }
}

/// Converts the Address value to the Query Parameters representation (style=form, explode=false)
/// specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde serializer
impl std::fmt::Display for Address {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![

            Some("line1".to_string()),
            Some(self.line1.to_string()),


            Some("line2".to_string()),
            Some(self.line2.as_ref().map_or("null".to_string(), |x| x.to_string())),


            Some("city".to_string()),
            Some(self.city.as_ref().map_or("null".to_string(), |x| x.to_string())),


            Some("state_province".to_string()),
            Some(self.state_province.as_ref().map_or("null".to_string(), |x| x.to_string())),


            Some("postal_code".to_string()),
            Some(self.postal_code.as_ref().map_or("null".to_string(), |x| x.to_string())),


            Some("country".to_string()),
            Some(self.country.as_ref().map_or("null".to_string(), |x| x.to_string())),

        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a Address value
/// as specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde deserializer
impl std::str::FromStr for Address {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub line1: Vec<String>,
            pub line2: Vec<String>,
            pub city: Vec<String>,
            pub state_province: Vec<String>,
            pub postal_code: Vec<String>,
            pub country: Vec<String>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing Address".to_string())
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    #[allow(clippy::redundant_clone)]
                    "line1" => intermediate_rep.line1.push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    "line2" => return std::result::Result::Err("Parsing a nullable type in this style is not supported in Address".to_string()),
                    "city" => return std::result::Result::Err("Parsing a nullable type in this style is not supported in Address".to_string()),
                    "state_province" => return std::result::Result::Err("Parsing a nullable type in this style is not supported in Address".to_string()),
                    "postal_code" => return std::result::Result::Err("Parsing a nullable type in this style is not supported in Address".to_string()),
                    "country" => return std::result::Result::Err("Parsing a nullable type in this style is not supported in Address".to_string()),
                    _ => return std::result::Result::Err("Unexpected key while parsing Address".to_string())
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(Address {
            line1: intermediate_rep.line1.into_iter().next().ok_or_else(|| "line1 missing in Address".to_string())?,
            line2: std::result::Result::Err("Nullable types not supported in Address".to_string())?,
            city: std::result::Result::Err("Nullable types not supported in Address".to_string())?,
            state_province: std::result::Result::Err("Nullable types not supported in Address".to_string())?,
            postal_code: std::result::Result::Err("Nullable types not supported in Address".to_string())?,
            country: std::result::Result::Err("Nullable types not supported in Address".to_string())?,
        })
    }
}

// Methods for converting between header::IntoHeaderValue<Address> and HeaderValue

#[cfg(feature = "server")]
impl std::convert::TryFrom<header::IntoHeaderValue<Address>> for HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<Address>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match HeaderValue::from_str(&hdr_value) {
             std::result::Result::Ok(value) => std::result::Result::Ok(value),
             std::result::Result::Err(e) => std::result::Result::Err(format!(r#"Invalid header value for Address - value: {hdr_value} is invalid {e}"#))
        }
    }
}

#[cfg(feature = "server")]
impl std::convert::TryFrom<HeaderValue> for header::IntoHeaderValue<Address> {
    type Error = String;

    fn try_from(hdr_value: HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
             std::result::Result::Ok(value) => {
                    match <Address as std::str::FromStr>::from_str(value) {
                        std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                        std::result::Result::Err(err) => std::result::Result::Err(format!(r#"Unable to convert header value '{value}' into Address - {err}"#))
                    }
             },
             std::result::Result::Err(e) => std::result::Result::Err(format!(r#"Unable to convert header: {hdr_value:?} to string: {e}"#))
        }
    }
}



/// A postal address, as sent. `line1`, `city`, `state_province` and `country` (ISO 3166-1 alpha-2) are required. `postal_code` is required too, except for the countries whose addresses carry none (e.g. `HK`, `AE`, `IE`; the list is in the README), and must fit the country's format where the service knows it. Text is trimmed and whitespace runs are collapsed; control characters are refused. 
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct AddressInput {
    #[serde(rename = "line1")]
    #[validate(
            length(min = 1, max = 200),
          custom(function = "check_xss_string"),
    )]
    pub line1: String,

    /// Empty or null means none.
    #[serde(rename = "line2")]
    #[validate(
            length(max = 200),
    )]
    #[serde(deserialize_with = "deserialize_optional_nullable")]
    #[serde(default = "default_optional_nullable")]
    #[serde(skip_serializing_if="Option::is_none")]
    pub line2: Option<Nullable<String>>,

    #[serde(rename = "city")]
    #[validate(
            length(min = 1, max = 100),
          custom(function = "check_xss_string"),
    )]
    pub city: String,

    /// State, province, region or prefecture, as written in postal addresses.
    #[serde(rename = "state_province")]
    #[validate(
            length(min = 1, max = 100),
          custom(function = "check_xss_string"),
    )]
    pub state_province: String,

    /// Stored in the postal operator's canonical form (`k1a0b1` → `K1A 0B1`).
    #[serde(rename = "postal_code")]
    #[validate(
            length(min = 1, max = 20),
    )]
    #[serde(deserialize_with = "deserialize_optional_nullable")]
    #[serde(default = "default_optional_nullable")]
    #[serde(skip_serializing_if="Option::is_none")]
    pub postal_code: Option<Nullable<String>>,

    /// ISO 3166-1 alpha-2 code (any case; stored upper-case).
    #[serde(rename = "country")]
    #[validate(
            length(min = 2, max = 2),
            regex(path = *RE_ADDRESSINPUT_COUNTRY),
          custom(function = "check_xss_string"),
    )]
    pub country: String,

}


lazy_static::lazy_static! {
    static ref RE_ADDRESSINPUT_COUNTRY: regex::Regex = regex::Regex::new("^[A-Za-z]{2}$").unwrap();
}

impl AddressInput {
    #[allow(clippy::new_without_default, clippy::too_many_arguments)]
    pub fn new(line1: String, city: String, state_province: String, country: String, ) -> AddressInput {
        AddressInput {
 line1,
 line2: None,
 city,
 state_province,
 postal_code: None,
 country,
        }
    }
}

/// Converts the AddressInput value to the Query Parameters representation (style=form, explode=false)
/// specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde serializer
impl std::fmt::Display for AddressInput {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![

            Some("line1".to_string()),
            Some(self.line1.to_string()),


            self.line2.as_ref().map(|line2| {
                [
                    "line2".to_string(),
                    line2.as_ref().map_or("null".to_string(), |x| x.to_string()),
                ].join(",")
            }),


            Some("city".to_string()),
            Some(self.city.to_string()),


            Some("state_province".to_string()),
            Some(self.state_province.to_string()),


            self.postal_code.as_ref().map(|postal_code| {
                [
                    "postal_code".to_string(),
                    postal_code.as_ref().map_or("null".to_string(), |x| x.to_string()),
                ].join(",")
            }),


            Some("country".to_string()),
            Some(self.country.to_string()),

        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a AddressInput value
/// as specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde deserializer
impl std::str::FromStr for AddressInput {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub line1: Vec<String>,
            pub line2: Vec<String>,
            pub city: Vec<String>,
            pub state_province: Vec<String>,
            pub postal_code: Vec<String>,
            pub country: Vec<String>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing AddressInput".to_string())
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    #[allow(clippy::redundant_clone)]
                    "line1" => intermediate_rep.line1.push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    "line2" => return std::result::Result::Err("Parsing a nullable type in this style is not supported in AddressInput".to_string()),
                    #[allow(clippy::redundant_clone)]
                    "city" => intermediate_rep.city.push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "state_province" => intermediate_rep.state_province.push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    "postal_code" => return std::result::Result::Err("Parsing a nullable type in this style is not supported in AddressInput".to_string()),
                    #[allow(clippy::redundant_clone)]
                    "country" => intermediate_rep.country.push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    _ => return std::result::Result::Err("Unexpected key while parsing AddressInput".to_string())
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(AddressInput {
            line1: intermediate_rep.line1.into_iter().next().ok_or_else(|| "line1 missing in AddressInput".to_string())?,
            line2: std::result::Result::Err("Nullable types not supported in AddressInput".to_string())?,
            city: intermediate_rep.city.into_iter().next().ok_or_else(|| "city missing in AddressInput".to_string())?,
            state_province: intermediate_rep.state_province.into_iter().next().ok_or_else(|| "state_province missing in AddressInput".to_string())?,
            postal_code: std::result::Result::Err("Nullable types not supported in AddressInput".to_string())?,
            country: intermediate_rep.country.into_iter().next().ok_or_else(|| "country missing in AddressInput".to_string())?,
        })
    }
}

// Methods for converting between header::IntoHeaderValue<AddressInput> and HeaderValue

#[cfg(feature = "server")]
impl std::convert::TryFrom<header::IntoHeaderValue<AddressInput>> for HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<AddressInput>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match HeaderValue::from_str(&hdr_value) {
             std::result::Result::Ok(value) => std::result::Result::Ok(value),
             std::result::Result::Err(e) => std::result::Result::Err(format!(r#"Invalid header value for AddressInput - value: {hdr_value} is invalid {e}"#))
        }
    }
}

#[cfg(feature = "server")]
impl std::convert::TryFrom<HeaderValue> for header::IntoHeaderValue<AddressInput> {
    type Error = String;

    fn try_from(hdr_value: HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
             std::result::Result::Ok(value) => {
                    match <AddressInput as std::str::FromStr>::from_str(value) {
                        std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                        std::result::Result::Err(err) => std::result::Result::Err(format!(r#"Unable to convert header value '{value}' into AddressInput - {err}"#))
                    }
             },
             std::result::Result::Err(e) => std::result::Result::Err(format!(r#"Unable to convert header: {hdr_value:?} to string: {e}"#))
        }
    }
}



/// One change to a patient.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct AuditEntry {
    /// Increases with every entry.
    #[serde(rename = "audit_id")]
    pub audit_id: i64,

    #[serde(rename = "patient_id")]
    pub patient_id: uuid::Uuid,

    /// What happened to the patient.
    /// Note: inline enums are not fully supported by openapi-generator
    #[serde(rename = "action")]
          #[validate(custom(function = "check_xss_string"))]
    pub action: String,

    /// The name of the API key or token that made the change.
    #[serde(rename = "actor")]
          #[validate(custom(function = "check_xss_string"))]
    pub actor: String,

    /// The `X-Request-Id` of the request that made the change.
    #[serde(rename = "request_id")]
          #[validate(custom(function = "check_xss_string"))]
    pub request_id: String,

    #[serde(rename = "occurred_at")]
    pub occurred_at: chrono::DateTime::<chrono::Utc>,

    /// What changed, keyed by field path (`address.postal_code` for address parts). `create`: every field's stored value. `update`: only the changed fields, each as `{from, to}`. `delete` and `restore`: `{\"is_deleted\": {\"from\": …, \"to\": …}}`. Entries are never rewritten: those recorded before version 1.1 of this contract keep its vocabulary (`deleted` for `is_deleted`, the old `gender_identity` values); the change to the 1.1 values is itself an `update` entry by the actor `system:migration`. 
    #[serde(rename = "changes")]
          #[validate(custom(function = "check_xss_map"))]
    pub changes: std::collections::HashMap<String, crate::types::Object>,

}



impl AuditEntry {
    #[allow(clippy::new_without_default, clippy::too_many_arguments)]
    pub fn new(audit_id: i64, patient_id: uuid::Uuid, action: String, actor: String, request_id: String, occurred_at: chrono::DateTime::<chrono::Utc>, changes: std::collections::HashMap<String, crate::types::Object>, ) -> AuditEntry {
        AuditEntry {
 audit_id,
 patient_id,
 action,
 actor,
 request_id,
 occurred_at,
 changes,
        }
    }
}

/// Converts the AuditEntry value to the Query Parameters representation (style=form, explode=false)
/// specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde serializer
impl std::fmt::Display for AuditEntry {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![

            Some("audit_id".to_string()),
            Some(self.audit_id.to_string()),

            // Skipping patient_id in query parameter serialization


            Some("action".to_string()),
            Some(self.action.to_string()),


            Some("actor".to_string()),
            Some(self.actor.to_string()),


            Some("request_id".to_string()),
            Some(self.request_id.to_string()),

            // Skipping occurred_at in query parameter serialization

            // Skipping changes in query parameter serialization
            // Skipping changes in query parameter serialization

        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a AuditEntry value
/// as specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde deserializer
impl std::str::FromStr for AuditEntry {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub audit_id: Vec<i64>,
            pub patient_id: Vec<uuid::Uuid>,
            pub action: Vec<String>,
            pub actor: Vec<String>,
            pub request_id: Vec<String>,
            pub occurred_at: Vec<chrono::DateTime::<chrono::Utc>>,
            pub changes: Vec<std::collections::HashMap<String, crate::types::Object>>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing AuditEntry".to_string())
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    #[allow(clippy::redundant_clone)]
                    "audit_id" => intermediate_rep.audit_id.push(<i64 as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "patient_id" => intermediate_rep.patient_id.push(<uuid::Uuid as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "action" => intermediate_rep.action.push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "actor" => intermediate_rep.actor.push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "request_id" => intermediate_rep.request_id.push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "occurred_at" => intermediate_rep.occurred_at.push(<chrono::DateTime::<chrono::Utc> as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    "changes" => return std::result::Result::Err("Parsing a container in this style is not supported in AuditEntry".to_string()),
                    _ => return std::result::Result::Err("Unexpected key while parsing AuditEntry".to_string())
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(AuditEntry {
            audit_id: intermediate_rep.audit_id.into_iter().next().ok_or_else(|| "audit_id missing in AuditEntry".to_string())?,
            patient_id: intermediate_rep.patient_id.into_iter().next().ok_or_else(|| "patient_id missing in AuditEntry".to_string())?,
            action: intermediate_rep.action.into_iter().next().ok_or_else(|| "action missing in AuditEntry".to_string())?,
            actor: intermediate_rep.actor.into_iter().next().ok_or_else(|| "actor missing in AuditEntry".to_string())?,
            request_id: intermediate_rep.request_id.into_iter().next().ok_or_else(|| "request_id missing in AuditEntry".to_string())?,
            occurred_at: intermediate_rep.occurred_at.into_iter().next().ok_or_else(|| "occurred_at missing in AuditEntry".to_string())?,
            changes: intermediate_rep.changes.into_iter().next().ok_or_else(|| "changes missing in AuditEntry".to_string())?,
        })
    }
}

// Methods for converting between header::IntoHeaderValue<AuditEntry> and HeaderValue

#[cfg(feature = "server")]
impl std::convert::TryFrom<header::IntoHeaderValue<AuditEntry>> for HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<AuditEntry>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match HeaderValue::from_str(&hdr_value) {
             std::result::Result::Ok(value) => std::result::Result::Ok(value),
             std::result::Result::Err(e) => std::result::Result::Err(format!(r#"Invalid header value for AuditEntry - value: {hdr_value} is invalid {e}"#))
        }
    }
}

#[cfg(feature = "server")]
impl std::convert::TryFrom<HeaderValue> for header::IntoHeaderValue<AuditEntry> {
    type Error = String;

    fn try_from(hdr_value: HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
             std::result::Result::Ok(value) => {
                    match <AuditEntry as std::str::FromStr>::from_str(value) {
                        std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                        std::result::Result::Err(err) => std::result::Result::Err(format!(r#"Unable to convert header value '{value}' into AuditEntry - {err}"#))
                    }
             },
             std::result::Result::Err(e) => std::result::Result::Err(format!(r#"Unable to convert header: {hdr_value:?} to string: {e}"#))
        }
    }
}



/// One page of a patient's audit trail, oldest first.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct AuditEntryList {
    #[serde(rename = "items")]
          #[validate(nested)]
    pub items: Vec<models::AuditEntry>,

    /// Pass as `cursor` to get the next page; `null` on the last page.
    #[serde(rename = "next_cursor")]
    pub next_cursor: Nullable<String>,

}



impl AuditEntryList {
    #[allow(clippy::new_without_default, clippy::too_many_arguments)]
    pub fn new(items: Vec<models::AuditEntry>, next_cursor: Nullable<String>, ) -> AuditEntryList {
        AuditEntryList {
 items,
 next_cursor,
        }
    }
}

/// Converts the AuditEntryList value to the Query Parameters representation (style=form, explode=false)
/// specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde serializer
impl std::fmt::Display for AuditEntryList {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![
            // Skipping items in query parameter serialization


            Some("next_cursor".to_string()),
            Some(self.next_cursor.as_ref().map_or("null".to_string(), |x| x.to_string())),

        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a AuditEntryList value
/// as specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde deserializer
impl std::str::FromStr for AuditEntryList {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub items: Vec<Vec<models::AuditEntry>>,
            pub next_cursor: Vec<String>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing AuditEntryList".to_string())
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    "items" => return std::result::Result::Err("Parsing a container in this style is not supported in AuditEntryList".to_string()),
                    "next_cursor" => return std::result::Result::Err("Parsing a nullable type in this style is not supported in AuditEntryList".to_string()),
                    _ => return std::result::Result::Err("Unexpected key while parsing AuditEntryList".to_string())
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(AuditEntryList {
            items: intermediate_rep.items.into_iter().next().ok_or_else(|| "items missing in AuditEntryList".to_string())?,
            next_cursor: std::result::Result::Err("Nullable types not supported in AuditEntryList".to_string())?,
        })
    }
}

// Methods for converting between header::IntoHeaderValue<AuditEntryList> and HeaderValue

#[cfg(feature = "server")]
impl std::convert::TryFrom<header::IntoHeaderValue<AuditEntryList>> for HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<AuditEntryList>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match HeaderValue::from_str(&hdr_value) {
             std::result::Result::Ok(value) => std::result::Result::Ok(value),
             std::result::Result::Err(e) => std::result::Result::Err(format!(r#"Invalid header value for AuditEntryList - value: {hdr_value} is invalid {e}"#))
        }
    }
}

#[cfg(feature = "server")]
impl std::convert::TryFrom<HeaderValue> for header::IntoHeaderValue<AuditEntryList> {
    type Error = String;

    fn try_from(hdr_value: HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
             std::result::Result::Ok(value) => {
                    match <AuditEntryList as std::str::FromStr>::from_str(value) {
                        std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                        std::result::Result::Err(err) => std::result::Result::Err(format!(r#"Unable to convert header value '{value}' into AuditEntryList - {err}"#))
                    }
             },
             std::result::Result::Err(e) => std::result::Result::Err(format!(r#"Unable to convert header: {hdr_value:?} to string: {e}"#))
        }
    }
}



/// The body of every error response. See the catalog of `code`s in the API description.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct Error {
    /// Stable, machine-readable error code (see the catalog).
    #[serde(rename = "code")]
          #[validate(custom(function = "check_xss_string"))]
    pub code: String,

    /// Human-readable explanation; never contains submitted values.
    #[serde(rename = "message")]
          #[validate(custom(function = "check_xss_string"))]
    pub message: String,

    /// The fields at fault, when the error concerns specific fields.
    #[serde(rename = "details")]
          #[validate(nested)]
    #[serde(skip_serializing_if="Option::is_none")]
    pub details: Option<Vec<models::ErrorDetail>>,

}



impl Error {
    #[allow(clippy::new_without_default, clippy::too_many_arguments)]
    pub fn new(code: String, message: String, ) -> Error {
        Error {
 code,
 message,
 details: None,
        }
    }
}

/// Converts the Error value to the Query Parameters representation (style=form, explode=false)
/// specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde serializer
impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![

            Some("code".to_string()),
            Some(self.code.to_string()),


            Some("message".to_string()),
            Some(self.message.to_string()),

            // Skipping details in query parameter serialization

        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a Error value
/// as specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde deserializer
impl std::str::FromStr for Error {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub code: Vec<String>,
            pub message: Vec<String>,
            pub details: Vec<Vec<models::ErrorDetail>>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing Error".to_string())
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    #[allow(clippy::redundant_clone)]
                    "code" => intermediate_rep.code.push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "message" => intermediate_rep.message.push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    "details" => return std::result::Result::Err("Parsing a container in this style is not supported in Error".to_string()),
                    _ => return std::result::Result::Err("Unexpected key while parsing Error".to_string())
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(Error {
            code: intermediate_rep.code.into_iter().next().ok_or_else(|| "code missing in Error".to_string())?,
            message: intermediate_rep.message.into_iter().next().ok_or_else(|| "message missing in Error".to_string())?,
            details: intermediate_rep.details.into_iter().next(),
        })
    }
}

// Methods for converting between header::IntoHeaderValue<Error> and HeaderValue

#[cfg(feature = "server")]
impl std::convert::TryFrom<header::IntoHeaderValue<Error>> for HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<Error>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match HeaderValue::from_str(&hdr_value) {
             std::result::Result::Ok(value) => std::result::Result::Ok(value),
             std::result::Result::Err(e) => std::result::Result::Err(format!(r#"Invalid header value for Error - value: {hdr_value} is invalid {e}"#))
        }
    }
}

#[cfg(feature = "server")]
impl std::convert::TryFrom<HeaderValue> for header::IntoHeaderValue<Error> {
    type Error = String;

    fn try_from(hdr_value: HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
             std::result::Result::Ok(value) => {
                    match <Error as std::str::FromStr>::from_str(value) {
                        std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                        std::result::Result::Err(err) => std::result::Result::Err(format!(r#"Unable to convert header value '{value}' into Error - {err}"#))
                    }
             },
             std::result::Result::Err(e) => std::result::Result::Err(format!(r#"Unable to convert header: {hdr_value:?} to string: {e}"#))
        }
    }
}



#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct ErrorDetail {
    /// Path of the offending field or parameter, e.g. `address.postal_code` or `limit`.
    #[serde(rename = "field")]
          #[validate(custom(function = "check_xss_string"))]
    pub field: String,

    /// Stable reason code, e.g. `required`, `too_long`, `invalid_format`, `unknown_field`.
    #[serde(rename = "code")]
          #[validate(custom(function = "check_xss_string"))]
    pub code: String,

    /// Human-readable reason; never contains the submitted value.
    #[serde(rename = "message")]
          #[validate(custom(function = "check_xss_string"))]
    pub message: String,

}



impl ErrorDetail {
    #[allow(clippy::new_without_default, clippy::too_many_arguments)]
    pub fn new(field: String, code: String, message: String, ) -> ErrorDetail {
        ErrorDetail {
 field,
 code,
 message,
        }
    }
}

/// Converts the ErrorDetail value to the Query Parameters representation (style=form, explode=false)
/// specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde serializer
impl std::fmt::Display for ErrorDetail {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![

            Some("field".to_string()),
            Some(self.field.to_string()),


            Some("code".to_string()),
            Some(self.code.to_string()),


            Some("message".to_string()),
            Some(self.message.to_string()),

        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a ErrorDetail value
/// as specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde deserializer
impl std::str::FromStr for ErrorDetail {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub field: Vec<String>,
            pub code: Vec<String>,
            pub message: Vec<String>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing ErrorDetail".to_string())
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    #[allow(clippy::redundant_clone)]
                    "field" => intermediate_rep.field.push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "code" => intermediate_rep.code.push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "message" => intermediate_rep.message.push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    _ => return std::result::Result::Err("Unexpected key while parsing ErrorDetail".to_string())
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(ErrorDetail {
            field: intermediate_rep.field.into_iter().next().ok_or_else(|| "field missing in ErrorDetail".to_string())?,
            code: intermediate_rep.code.into_iter().next().ok_or_else(|| "code missing in ErrorDetail".to_string())?,
            message: intermediate_rep.message.into_iter().next().ok_or_else(|| "message missing in ErrorDetail".to_string())?,
        })
    }
}

// Methods for converting between header::IntoHeaderValue<ErrorDetail> and HeaderValue

#[cfg(feature = "server")]
impl std::convert::TryFrom<header::IntoHeaderValue<ErrorDetail>> for HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<ErrorDetail>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match HeaderValue::from_str(&hdr_value) {
             std::result::Result::Ok(value) => std::result::Result::Ok(value),
             std::result::Result::Err(e) => std::result::Result::Err(format!(r#"Invalid header value for ErrorDetail - value: {hdr_value} is invalid {e}"#))
        }
    }
}

#[cfg(feature = "server")]
impl std::convert::TryFrom<HeaderValue> for header::IntoHeaderValue<ErrorDetail> {
    type Error = String;

    fn try_from(hdr_value: HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
             std::result::Result::Ok(value) => {
                    match <ErrorDetail as std::str::FromStr>::from_str(value) {
                        std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                        std::result::Result::Err(err) => std::result::Result::Err(format!(r#"Unable to convert header value '{value}' into ErrorDetail - {err}"#))
                    }
             },
             std::result::Result::Err(e) => std::result::Result::Err(format!(r#"Unable to convert header: {hdr_value:?} to string: {e}"#))
        }
    }
}



/// A FHIR `Address`: `line1` and `line2` as `line`, `state_province` as `state`, `postal_code` as `postalCode`; parts without a value are left out.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct FhirAddress {
    /// Note: inline enums are not fully supported by openapi-generator
    #[serde(rename = "use")]
          #[validate(custom(function = "check_xss_string"))]
    pub r_use: String,

    #[serde(rename = "line")]
    #[validate(
            length(min = 1, max = 2),
          custom(function = "check_xss_vec_string"),
    )]
    pub line: Vec<String>,

    #[serde(rename = "city")]
    #[validate(
            length(min = 1),
          custom(function = "check_xss_string"),
    )]
    #[serde(skip_serializing_if="Option::is_none")]
    pub city: Option<String>,

    #[serde(rename = "state")]
    #[validate(
            length(min = 1),
          custom(function = "check_xss_string"),
    )]
    #[serde(skip_serializing_if="Option::is_none")]
    pub state: Option<String>,

    #[serde(rename = "postalCode")]
    #[validate(
            length(min = 1),
          custom(function = "check_xss_string"),
    )]
    #[serde(skip_serializing_if="Option::is_none")]
    pub postal_code: Option<String>,

    /// ISO 3166-1 alpha-2.
    #[serde(rename = "country")]
    #[validate(
            regex(path = *RE_FHIRADDRESS_COUNTRY),
          custom(function = "check_xss_string"),
    )]
    #[serde(skip_serializing_if="Option::is_none")]
    pub country: Option<String>,

}


lazy_static::lazy_static! {
    static ref RE_FHIRADDRESS_COUNTRY: regex::Regex = regex::Regex::new("^[A-Z]{2}$").unwrap();
}

impl FhirAddress {
    #[allow(clippy::new_without_default, clippy::too_many_arguments)]
    pub fn new(r_use: String, line: Vec<String>, ) -> FhirAddress {
        FhirAddress {
 r_use,
 line,
 city: None,
 state: None,
 postal_code: None,
 country: None,
        }
    }
}

/// Converts the FhirAddress value to the Query Parameters representation (style=form, explode=false)
/// specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde serializer
impl std::fmt::Display for FhirAddress {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![

            Some("use".to_string()),
            Some(self.r_use.to_string()),


            Some("line".to_string()),
            Some(self.line.iter().map(|x| x.to_string()).collect::<Vec<_>>().join(",")),


            self.city.as_ref().map(|city| {
                [
                    "city".to_string(),
                    city.to_string(),
                ].join(",")
            }),


            self.state.as_ref().map(|state| {
                [
                    "state".to_string(),
                    state.to_string(),
                ].join(",")
            }),


            self.postal_code.as_ref().map(|postal_code| {
                [
                    "postalCode".to_string(),
                    postal_code.to_string(),
                ].join(",")
            }),


            self.country.as_ref().map(|country| {
                [
                    "country".to_string(),
                    country.to_string(),
                ].join(",")
            }),

        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a FhirAddress value
/// as specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde deserializer
impl std::str::FromStr for FhirAddress {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub r_use: Vec<String>,
            pub line: Vec<Vec<String>>,
            pub city: Vec<String>,
            pub state: Vec<String>,
            pub postal_code: Vec<String>,
            pub country: Vec<String>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing FhirAddress".to_string())
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    #[allow(clippy::redundant_clone)]
                    "use" => intermediate_rep.r_use.push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    "line" => return std::result::Result::Err("Parsing a container in this style is not supported in FhirAddress".to_string()),
                    #[allow(clippy::redundant_clone)]
                    "city" => intermediate_rep.city.push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "state" => intermediate_rep.state.push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "postalCode" => intermediate_rep.postal_code.push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "country" => intermediate_rep.country.push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    _ => return std::result::Result::Err("Unexpected key while parsing FhirAddress".to_string())
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(FhirAddress {
            r_use: intermediate_rep.r_use.into_iter().next().ok_or_else(|| "use missing in FhirAddress".to_string())?,
            line: intermediate_rep.line.into_iter().next().ok_or_else(|| "line missing in FhirAddress".to_string())?,
            city: intermediate_rep.city.into_iter().next(),
            state: intermediate_rep.state.into_iter().next(),
            postal_code: intermediate_rep.postal_code.into_iter().next(),
            country: intermediate_rep.country.into_iter().next(),
        })
    }
}

// Methods for converting between header::IntoHeaderValue<FhirAddress> and HeaderValue

#[cfg(feature = "server")]
impl std::convert::TryFrom<header::IntoHeaderValue<FhirAddress>> for HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<FhirAddress>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match HeaderValue::from_str(&hdr_value) {
             std::result::Result::Ok(value) => std::result::Result::Ok(value),
             std::result::Result::Err(e) => std::result::Result::Err(format!(r#"Invalid header value for FhirAddress - value: {hdr_value} is invalid {e}"#))
        }
    }
}

#[cfg(feature = "server")]
impl std::convert::TryFrom<HeaderValue> for header::IntoHeaderValue<FhirAddress> {
    type Error = String;

    fn try_from(hdr_value: HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
             std::result::Result::Ok(value) => {
                    match <FhirAddress as std::str::FromStr>::from_str(value) {
                        std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                        std::result::Result::Err(err) => std::result::Result::Err(format!(r#"Unable to convert header value '{value}' into FhirAddress - {err}"#))
                    }
             },
             std::result::Result::Err(e) => std::result::Result::Err(format!(r#"Unable to convert header: {hdr_value:?} to string: {e}"#))
        }
    }
}



/// FHIR administrative gender (https://hl7.org/fhir/R4/valueset-administrative-gender.html), from `gender_identity`: `woman` → `female`, `man` → `male`, `nonbinary` and `other` → `other`, `undisclosed` → `unknown`. Never derived from `sex_at_birth`. 
/// Enumeration of values.
/// Since this enum's variants do not hold data, we can easily define them as `#[repr(C)]`
/// which helps with FFI.
#[allow(non_camel_case_types, clippy::large_enum_variant)]
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "conversion", derive(frunk_enum_derive::LabelledGenericEnum))]
pub enum FhirAdministrativeGender {
    #[serde(rename = "male")]
    Male,
    #[serde(rename = "female")]
    Female,
    #[serde(rename = "other")]
    Other,
    #[serde(rename = "unknown")]
    Unknown,
}

impl validator::Validate for FhirAdministrativeGender
{
    fn validate(&self) -> std::result::Result<(), validator::ValidationErrors> {
        std::result::Result::Ok(())
    }
}

impl std::fmt::Display for FhirAdministrativeGender {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match *self {
            FhirAdministrativeGender::Male => write!(f, "male"),
            FhirAdministrativeGender::Female => write!(f, "female"),
            FhirAdministrativeGender::Other => write!(f, "other"),
            FhirAdministrativeGender::Unknown => write!(f, "unknown"),
        }
    }
}

impl std::str::FromStr for FhirAdministrativeGender {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        match s {
            "male" => std::result::Result::Ok(FhirAdministrativeGender::Male),
            "female" => std::result::Result::Ok(FhirAdministrativeGender::Female),
            "other" => std::result::Result::Ok(FhirAdministrativeGender::Other),
            "unknown" => std::result::Result::Ok(FhirAdministrativeGender::Unknown),
            _ => std::result::Result::Err(format!(r#"Value not valid: {s}"#)),
        }
    }
}


/// A FHIR `CodeableConcept`: codes from code systems, or text, or both.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct FhirCodeableConcept {
    #[serde(rename = "coding")]
    #[validate(
            length(min = 1),
          nested,
    )]
    #[serde(skip_serializing_if="Option::is_none")]
    pub coding: Option<Vec<models::FhirCoding>>,

    /// Plain text; for a gender identity of `other`, the patient’s own words (`gender_identity_other`).
    #[serde(rename = "text")]
    #[validate(
            length(min = 1),
          custom(function = "check_xss_string"),
    )]
    #[serde(skip_serializing_if="Option::is_none")]
    pub text: Option<String>,

}



impl FhirCodeableConcept {
    #[allow(clippy::new_without_default, clippy::too_many_arguments)]
    pub fn new() -> FhirCodeableConcept {
        FhirCodeableConcept {
 coding: None,
 text: None,
        }
    }
}

/// Converts the FhirCodeableConcept value to the Query Parameters representation (style=form, explode=false)
/// specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde serializer
impl std::fmt::Display for FhirCodeableConcept {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![
            // Skipping coding in query parameter serialization


            self.text.as_ref().map(|text| {
                [
                    "text".to_string(),
                    text.to_string(),
                ].join(",")
            }),

        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a FhirCodeableConcept value
/// as specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde deserializer
impl std::str::FromStr for FhirCodeableConcept {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub coding: Vec<Vec<models::FhirCoding>>,
            pub text: Vec<String>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing FhirCodeableConcept".to_string())
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    "coding" => return std::result::Result::Err("Parsing a container in this style is not supported in FhirCodeableConcept".to_string()),
                    #[allow(clippy::redundant_clone)]
                    "text" => intermediate_rep.text.push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    _ => return std::result::Result::Err("Unexpected key while parsing FhirCodeableConcept".to_string())
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(FhirCodeableConcept {
            coding: intermediate_rep.coding.into_iter().next(),
            text: intermediate_rep.text.into_iter().next(),
        })
    }
}

// Methods for converting between header::IntoHeaderValue<FhirCodeableConcept> and HeaderValue

#[cfg(feature = "server")]
impl std::convert::TryFrom<header::IntoHeaderValue<FhirCodeableConcept>> for HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<FhirCodeableConcept>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match HeaderValue::from_str(&hdr_value) {
             std::result::Result::Ok(value) => std::result::Result::Ok(value),
             std::result::Result::Err(e) => std::result::Result::Err(format!(r#"Invalid header value for FhirCodeableConcept - value: {hdr_value} is invalid {e}"#))
        }
    }
}

#[cfg(feature = "server")]
impl std::convert::TryFrom<HeaderValue> for header::IntoHeaderValue<FhirCodeableConcept> {
    type Error = String;

    fn try_from(hdr_value: HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
             std::result::Result::Ok(value) => {
                    match <FhirCodeableConcept as std::str::FromStr>::from_str(value) {
                        std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                        std::result::Result::Err(err) => std::result::Result::Err(format!(r#"Unable to convert header value '{value}' into FhirCodeableConcept - {err}"#))
                    }
             },
             std::result::Result::Err(e) => std::result::Result::Err(format!(r#"Unable to convert header: {hdr_value:?} to string: {e}"#))
        }
    }
}



/// A FHIR `Coding`.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct FhirCoding {
    #[serde(rename = "system")]
          #[validate(custom(function = "check_xss_string"))]
    pub system: String,

    #[serde(rename = "code")]
    #[validate(
            length(min = 1),
          custom(function = "check_xss_string"),
    )]
    pub code: String,

    #[serde(rename = "display")]
    #[validate(
            length(min = 1),
          custom(function = "check_xss_string"),
    )]
    #[serde(skip_serializing_if="Option::is_none")]
    pub display: Option<String>,

}



impl FhirCoding {
    #[allow(clippy::new_without_default, clippy::too_many_arguments)]
    pub fn new(system: String, code: String, ) -> FhirCoding {
        FhirCoding {
 system,
 code,
 display: None,
        }
    }
}

/// Converts the FhirCoding value to the Query Parameters representation (style=form, explode=false)
/// specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde serializer
impl std::fmt::Display for FhirCoding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![

            Some("system".to_string()),
            Some(self.system.to_string()),


            Some("code".to_string()),
            Some(self.code.to_string()),


            self.display.as_ref().map(|display| {
                [
                    "display".to_string(),
                    display.to_string(),
                ].join(",")
            }),

        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a FhirCoding value
/// as specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde deserializer
impl std::str::FromStr for FhirCoding {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub system: Vec<String>,
            pub code: Vec<String>,
            pub display: Vec<String>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing FhirCoding".to_string())
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    #[allow(clippy::redundant_clone)]
                    "system" => intermediate_rep.system.push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "code" => intermediate_rep.code.push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "display" => intermediate_rep.display.push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    _ => return std::result::Result::Err("Unexpected key while parsing FhirCoding".to_string())
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(FhirCoding {
            system: intermediate_rep.system.into_iter().next().ok_or_else(|| "system missing in FhirCoding".to_string())?,
            code: intermediate_rep.code.into_iter().next().ok_or_else(|| "code missing in FhirCoding".to_string())?,
            display: intermediate_rep.display.into_iter().next(),
        })
    }
}

// Methods for converting between header::IntoHeaderValue<FhirCoding> and HeaderValue

#[cfg(feature = "server")]
impl std::convert::TryFrom<header::IntoHeaderValue<FhirCoding>> for HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<FhirCoding>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match HeaderValue::from_str(&hdr_value) {
             std::result::Result::Ok(value) => std::result::Result::Ok(value),
             std::result::Result::Err(e) => std::result::Result::Err(format!(r#"Invalid header value for FhirCoding - value: {hdr_value} is invalid {e}"#))
        }
    }
}

#[cfg(feature = "server")]
impl std::convert::TryFrom<HeaderValue> for header::IntoHeaderValue<FhirCoding> {
    type Error = String;

    fn try_from(hdr_value: HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
             std::result::Result::Ok(value) => {
                    match <FhirCoding as std::str::FromStr>::from_str(value) {
                        std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                        std::result::Result::Err(err) => std::result::Result::Err(format!(r#"Unable to convert header value '{value}' into FhirCoding - {err}"#))
                    }
             },
             std::result::Result::Err(e) => std::result::Result::Err(format!(r#"Unable to convert header: {hdr_value:?} to string: {e}"#))
        }
    }
}



/// A FHIR `ContactPoint`.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct FhirContactPoint {
    /// Note: inline enums are not fully supported by openapi-generator
    #[serde(rename = "system")]
          #[validate(custom(function = "check_xss_string"))]
    pub system: String,

    /// The `email` (lower-cased) or the `phone_e164` (E.164).
    #[serde(rename = "value")]
    #[validate(
            length(min = 1),
          custom(function = "check_xss_string"),
    )]
    pub value: String,

    /// Note: inline enums are not fully supported by openapi-generator
    #[serde(rename = "use")]
          #[validate(custom(function = "check_xss_string"))]
    pub r_use: String,

}



impl FhirContactPoint {
    #[allow(clippy::new_without_default, clippy::too_many_arguments)]
    pub fn new(system: String, value: String, r_use: String, ) -> FhirContactPoint {
        FhirContactPoint {
 system,
 value,
 r_use,
        }
    }
}

/// Converts the FhirContactPoint value to the Query Parameters representation (style=form, explode=false)
/// specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde serializer
impl std::fmt::Display for FhirContactPoint {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![

            Some("system".to_string()),
            Some(self.system.to_string()),


            Some("value".to_string()),
            Some(self.value.to_string()),


            Some("use".to_string()),
            Some(self.r_use.to_string()),

        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a FhirContactPoint value
/// as specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde deserializer
impl std::str::FromStr for FhirContactPoint {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub system: Vec<String>,
            pub value: Vec<String>,
            pub r_use: Vec<String>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing FhirContactPoint".to_string())
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    #[allow(clippy::redundant_clone)]
                    "system" => intermediate_rep.system.push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "value" => intermediate_rep.value.push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "use" => intermediate_rep.r_use.push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    _ => return std::result::Result::Err("Unexpected key while parsing FhirContactPoint".to_string())
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(FhirContactPoint {
            system: intermediate_rep.system.into_iter().next().ok_or_else(|| "system missing in FhirContactPoint".to_string())?,
            value: intermediate_rep.value.into_iter().next().ok_or_else(|| "value missing in FhirContactPoint".to_string())?,
            r_use: intermediate_rep.r_use.into_iter().next().ok_or_else(|| "use missing in FhirContactPoint".to_string())?,
        })
    }
}

// Methods for converting between header::IntoHeaderValue<FhirContactPoint> and HeaderValue

#[cfg(feature = "server")]
impl std::convert::TryFrom<header::IntoHeaderValue<FhirContactPoint>> for HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<FhirContactPoint>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match HeaderValue::from_str(&hdr_value) {
             std::result::Result::Ok(value) => std::result::Result::Ok(value),
             std::result::Result::Err(e) => std::result::Result::Err(format!(r#"Invalid header value for FhirContactPoint - value: {hdr_value} is invalid {e}"#))
        }
    }
}

#[cfg(feature = "server")]
impl std::convert::TryFrom<HeaderValue> for header::IntoHeaderValue<FhirContactPoint> {
    type Error = String;

    fn try_from(hdr_value: HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
             std::result::Result::Ok(value) => {
                    match <FhirContactPoint as std::str::FromStr>::from_str(value) {
                        std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                        std::result::Result::Err(err) => std::result::Result::Err(format!(r#"Unable to convert header value '{value}' into FhirContactPoint - {err}"#))
                    }
             },
             std::result::Result::Err(e) => std::result::Result::Err(format!(r#"Unable to convert header: {hdr_value:?} to string: {e}"#))
        }
    }
}



/// A FHIR `Extension`: `url` names it; it carries one `value[x]` (here `valueCode` or `valueCodeableConcept`) or nested `extension`s. 
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct FhirExtension {
    #[serde(rename = "url")]
          #[validate(custom(function = "check_xss_string"))]
    pub url: String,

    #[serde(rename = "valueCode")]
    #[validate(
            length(min = 1),
          custom(function = "check_xss_string"),
    )]
    #[serde(skip_serializing_if="Option::is_none")]
    pub value_code: Option<String>,

    #[serde(rename = "valueCodeableConcept")]
          #[validate(nested)]
    #[serde(skip_serializing_if="Option::is_none")]
    pub value_codeable_concept: Option<models::FhirCodeableConcept>,

    #[serde(rename = "extension")]
    #[validate(
            length(min = 1),
          nested,
    )]
    #[serde(skip_serializing_if="Option::is_none")]
    pub extension: Option<Vec<models::FhirExtension>>,

}



impl FhirExtension {
    #[allow(clippy::new_without_default, clippy::too_many_arguments)]
    pub fn new(url: String, ) -> FhirExtension {
        FhirExtension {
 url,
 value_code: None,
 value_codeable_concept: None,
 extension: None,
        }
    }
}

/// Converts the FhirExtension value to the Query Parameters representation (style=form, explode=false)
/// specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde serializer
impl std::fmt::Display for FhirExtension {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![

            Some("url".to_string()),
            Some(self.url.to_string()),


            self.value_code.as_ref().map(|value_code| {
                [
                    "valueCode".to_string(),
                    value_code.to_string(),
                ].join(",")
            }),

            // Skipping valueCodeableConcept in query parameter serialization

            // Skipping extension in query parameter serialization

        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a FhirExtension value
/// as specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde deserializer
impl std::str::FromStr for FhirExtension {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub url: Vec<String>,
            pub value_code: Vec<String>,
            pub value_codeable_concept: Vec<models::FhirCodeableConcept>,
            pub extension: Vec<Vec<models::FhirExtension>>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing FhirExtension".to_string())
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    #[allow(clippy::redundant_clone)]
                    "url" => intermediate_rep.url.push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "valueCode" => intermediate_rep.value_code.push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "valueCodeableConcept" => intermediate_rep.value_codeable_concept.push(<models::FhirCodeableConcept as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    "extension" => return std::result::Result::Err("Parsing a container in this style is not supported in FhirExtension".to_string()),
                    _ => return std::result::Result::Err("Unexpected key while parsing FhirExtension".to_string())
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(FhirExtension {
            url: intermediate_rep.url.into_iter().next().ok_or_else(|| "url missing in FhirExtension".to_string())?,
            value_code: intermediate_rep.value_code.into_iter().next(),
            value_codeable_concept: intermediate_rep.value_codeable_concept.into_iter().next(),
            extension: intermediate_rep.extension.into_iter().next(),
        })
    }
}

// Methods for converting between header::IntoHeaderValue<FhirExtension> and HeaderValue

#[cfg(feature = "server")]
impl std::convert::TryFrom<header::IntoHeaderValue<FhirExtension>> for HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<FhirExtension>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match HeaderValue::from_str(&hdr_value) {
             std::result::Result::Ok(value) => std::result::Result::Ok(value),
             std::result::Result::Err(e) => std::result::Result::Err(format!(r#"Invalid header value for FhirExtension - value: {hdr_value} is invalid {e}"#))
        }
    }
}

#[cfg(feature = "server")]
impl std::convert::TryFrom<HeaderValue> for header::IntoHeaderValue<FhirExtension> {
    type Error = String;

    fn try_from(hdr_value: HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
             std::result::Result::Ok(value) => {
                    match <FhirExtension as std::str::FromStr>::from_str(value) {
                        std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                        std::result::Result::Err(err) => std::result::Result::Err(format!(r#"Unable to convert header value '{value}' into FhirExtension - {err}"#))
                    }
             },
             std::result::Result::Err(e) => std::result::Result::Err(format!(r#"Unable to convert header: {hdr_value:?} to string: {e}"#))
        }
    }
}



/// A FHIR `HumanName`.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct FhirHumanName {
    /// Note: inline enums are not fully supported by openapi-generator
    #[serde(rename = "use")]
          #[validate(custom(function = "check_xss_string"))]
    pub r_use: String,

    /// The `family_name`.
    #[serde(rename = "family")]
    #[validate(
            length(min = 1),
          custom(function = "check_xss_string"),
    )]
    pub family: String,

    /// The `given_name`, then the `middle_name` when present.
    #[serde(rename = "given")]
    #[validate(
            length(min = 1, max = 2),
          custom(function = "check_xss_vec_string"),
    )]
    pub given: Vec<String>,

}



impl FhirHumanName {
    #[allow(clippy::new_without_default, clippy::too_many_arguments)]
    pub fn new(r_use: String, family: String, given: Vec<String>, ) -> FhirHumanName {
        FhirHumanName {
 r_use,
 family,
 given,
        }
    }
}

/// Converts the FhirHumanName value to the Query Parameters representation (style=form, explode=false)
/// specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde serializer
impl std::fmt::Display for FhirHumanName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![

            Some("use".to_string()),
            Some(self.r_use.to_string()),


            Some("family".to_string()),
            Some(self.family.to_string()),


            Some("given".to_string()),
            Some(self.given.iter().map(|x| x.to_string()).collect::<Vec<_>>().join(",")),

        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a FhirHumanName value
/// as specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde deserializer
impl std::str::FromStr for FhirHumanName {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub r_use: Vec<String>,
            pub family: Vec<String>,
            pub given: Vec<Vec<String>>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing FhirHumanName".to_string())
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    #[allow(clippy::redundant_clone)]
                    "use" => intermediate_rep.r_use.push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "family" => intermediate_rep.family.push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    "given" => return std::result::Result::Err("Parsing a container in this style is not supported in FhirHumanName".to_string()),
                    _ => return std::result::Result::Err("Unexpected key while parsing FhirHumanName".to_string())
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(FhirHumanName {
            r_use: intermediate_rep.r_use.into_iter().next().ok_or_else(|| "use missing in FhirHumanName".to_string())?,
            family: intermediate_rep.family.into_iter().next().ok_or_else(|| "family missing in FhirHumanName".to_string())?,
            given: intermediate_rep.given.into_iter().next().ok_or_else(|| "given missing in FhirHumanName".to_string())?,
        })
    }
}

// Methods for converting between header::IntoHeaderValue<FhirHumanName> and HeaderValue

#[cfg(feature = "server")]
impl std::convert::TryFrom<header::IntoHeaderValue<FhirHumanName>> for HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<FhirHumanName>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match HeaderValue::from_str(&hdr_value) {
             std::result::Result::Ok(value) => std::result::Result::Ok(value),
             std::result::Result::Err(e) => std::result::Result::Err(format!(r#"Invalid header value for FhirHumanName - value: {hdr_value} is invalid {e}"#))
        }
    }
}

#[cfg(feature = "server")]
impl std::convert::TryFrom<HeaderValue> for header::IntoHeaderValue<FhirHumanName> {
    type Error = String;

    fn try_from(hdr_value: HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
             std::result::Result::Ok(value) => {
                    match <FhirHumanName as std::str::FromStr>::from_str(value) {
                        std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                        std::result::Result::Err(err) => std::result::Result::Err(format!(r#"Unable to convert header value '{value}' into FhirHumanName - {err}"#))
                    }
             },
             std::result::Result::Err(e) => std::result::Result::Err(format!(r#"Unable to convert header: {hdr_value:?} to string: {e}"#))
        }
    }
}



/// A FHIR `Identifier`.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct FhirIdentifier {
    /// Note: inline enums are not fully supported by openapi-generator
    #[serde(rename = "use")]
          #[validate(custom(function = "check_xss_string"))]
    #[serde(skip_serializing_if="Option::is_none")]
    pub r_use: Option<String>,

    #[serde(rename = "type")]
          #[validate(nested)]
    #[serde(skip_serializing_if="Option::is_none")]
    pub r_type: Option<models::FhirCodeableConcept>,

    #[serde(rename = "system")]
          #[validate(custom(function = "check_xss_string"))]
    pub system: String,

    #[serde(rename = "value")]
          #[validate(custom(function = "check_xss_string"))]
    pub value: String,

}



impl FhirIdentifier {
    #[allow(clippy::new_without_default, clippy::too_many_arguments)]
    pub fn new(system: String, value: String, ) -> FhirIdentifier {
        FhirIdentifier {
 r_use: None,
 r_type: None,
 system,
 value,
        }
    }
}

/// Converts the FhirIdentifier value to the Query Parameters representation (style=form, explode=false)
/// specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde serializer
impl std::fmt::Display for FhirIdentifier {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![

            self.r_use.as_ref().map(|r_use| {
                [
                    "use".to_string(),
                    r_use.to_string(),
                ].join(",")
            }),

            // Skipping type in query parameter serialization


            Some("system".to_string()),
            Some(self.system.to_string()),


            Some("value".to_string()),
            Some(self.value.to_string()),

        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a FhirIdentifier value
/// as specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde deserializer
impl std::str::FromStr for FhirIdentifier {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub r_use: Vec<String>,
            pub r_type: Vec<models::FhirCodeableConcept>,
            pub system: Vec<String>,
            pub value: Vec<String>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing FhirIdentifier".to_string())
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    #[allow(clippy::redundant_clone)]
                    "use" => intermediate_rep.r_use.push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "type" => intermediate_rep.r_type.push(<models::FhirCodeableConcept as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "system" => intermediate_rep.system.push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "value" => intermediate_rep.value.push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    _ => return std::result::Result::Err("Unexpected key while parsing FhirIdentifier".to_string())
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(FhirIdentifier {
            r_use: intermediate_rep.r_use.into_iter().next(),
            r_type: intermediate_rep.r_type.into_iter().next(),
            system: intermediate_rep.system.into_iter().next().ok_or_else(|| "system missing in FhirIdentifier".to_string())?,
            value: intermediate_rep.value.into_iter().next().ok_or_else(|| "value missing in FhirIdentifier".to_string())?,
        })
    }
}

// Methods for converting between header::IntoHeaderValue<FhirIdentifier> and HeaderValue

#[cfg(feature = "server")]
impl std::convert::TryFrom<header::IntoHeaderValue<FhirIdentifier>> for HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<FhirIdentifier>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match HeaderValue::from_str(&hdr_value) {
             std::result::Result::Ok(value) => std::result::Result::Ok(value),
             std::result::Result::Err(e) => std::result::Result::Err(format!(r#"Invalid header value for FhirIdentifier - value: {hdr_value} is invalid {e}"#))
        }
    }
}

#[cfg(feature = "server")]
impl std::convert::TryFrom<HeaderValue> for header::IntoHeaderValue<FhirIdentifier> {
    type Error = String;

    fn try_from(hdr_value: HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
             std::result::Result::Ok(value) => {
                    match <FhirIdentifier as std::str::FromStr>::from_str(value) {
                        std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                        std::result::Result::Err(err) => std::result::Result::Err(format!(r#"Unable to convert header value '{value}' into FhirIdentifier - {err}"#))
                    }
             },
             std::result::Result::Err(e) => std::result::Result::Err(format!(r#"Unable to convert header: {hdr_value:?} to string: {e}"#))
        }
    }
}



/// Resource metadata.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct FhirMeta {
    /// The patient's `version`; the `ETag` carries the same number.
    #[serde(rename = "versionId")]
    #[validate(
            regex(path = *RE_FHIRMETA_VERSION_ID),
          custom(function = "check_xss_string"),
    )]
    pub version_id: String,

    /// The patient's `updated_at`.
    #[serde(rename = "lastUpdated")]
    pub last_updated: chrono::DateTime::<chrono::Utc>,

}


lazy_static::lazy_static! {
    static ref RE_FHIRMETA_VERSION_ID: regex::Regex = regex::Regex::new("^[1-9][0-9]*$").unwrap();
}

impl FhirMeta {
    #[allow(clippy::new_without_default, clippy::too_many_arguments)]
    pub fn new(version_id: String, last_updated: chrono::DateTime::<chrono::Utc>, ) -> FhirMeta {
        FhirMeta {
 version_id,
 last_updated,
        }
    }
}

/// Converts the FhirMeta value to the Query Parameters representation (style=form, explode=false)
/// specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde serializer
impl std::fmt::Display for FhirMeta {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![

            Some("versionId".to_string()),
            Some(self.version_id.to_string()),

            // Skipping lastUpdated in query parameter serialization

        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a FhirMeta value
/// as specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde deserializer
impl std::str::FromStr for FhirMeta {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub version_id: Vec<String>,
            pub last_updated: Vec<chrono::DateTime::<chrono::Utc>>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing FhirMeta".to_string())
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    #[allow(clippy::redundant_clone)]
                    "versionId" => intermediate_rep.version_id.push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "lastUpdated" => intermediate_rep.last_updated.push(<chrono::DateTime::<chrono::Utc> as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    _ => return std::result::Result::Err("Unexpected key while parsing FhirMeta".to_string())
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(FhirMeta {
            version_id: intermediate_rep.version_id.into_iter().next().ok_or_else(|| "versionId missing in FhirMeta".to_string())?,
            last_updated: intermediate_rep.last_updated.into_iter().next().ok_or_else(|| "lastUpdated missing in FhirMeta".to_string())?,
        })
    }
}

// Methods for converting between header::IntoHeaderValue<FhirMeta> and HeaderValue

#[cfg(feature = "server")]
impl std::convert::TryFrom<header::IntoHeaderValue<FhirMeta>> for HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<FhirMeta>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match HeaderValue::from_str(&hdr_value) {
             std::result::Result::Ok(value) => std::result::Result::Ok(value),
             std::result::Result::Err(e) => std::result::Result::Err(format!(r#"Invalid header value for FhirMeta - value: {hdr_value} is invalid {e}"#))
        }
    }
}

#[cfg(feature = "server")]
impl std::convert::TryFrom<HeaderValue> for header::IntoHeaderValue<FhirMeta> {
    type Error = String;

    fn try_from(hdr_value: HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
             std::result::Result::Ok(value) => {
                    match <FhirMeta as std::str::FromStr>::from_str(value) {
                        std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                        std::result::Result::Err(err) => std::result::Result::Err(format!(r#"Unable to convert header value '{value}' into FhirMeta - {err}"#))
                    }
             },
             std::result::Result::Err(e) => std::result::Result::Err(format!(r#"Unable to convert header: {hdr_value:?} to string: {e}"#))
        }
    }
}



/// A patient as an HL7 FHIR R4 `Patient` resource (https://hl7.org/fhir/R4/patient.html), with the elements this service fills in. An element without a value is left out, as FHIR requires (never `null`, never an empty array). Extensions: US Core birth sex (`http://hl7.org/fhir/us/core/StructureDefinition/us-core-birthsex`, from `sex_at_birth`) and the individual gender identity (`http://hl7.org/fhir/StructureDefinition/individual-genderIdentity`, from `gender_identity` and `gender_identity_other`). 
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct FhirPatient {
    /// Note: inline enums are not fully supported by openapi-generator
    #[serde(rename = "resourceType")]
          #[validate(custom(function = "check_xss_string"))]
    pub resource_type: String,

    /// The `patient_id`.
    #[serde(rename = "id")]
    #[validate(
            regex(path = *RE_FHIRPATIENT_ID),
          custom(function = "check_xss_string"),
    )]
    pub id: String,

    #[serde(rename = "meta")]
          #[validate(nested)]
    pub meta: models::FhirMeta,

    /// The `patient_id` as a URI: system `urn:ietf:rfc:3986`, value `urn:uuid:<patient_id>`, type `PI` (patient internal identifier).
    #[serde(rename = "identifier")]
    #[validate(
            length(min = 1),
          nested,
    )]
    pub identifier: Vec<models::FhirIdentifier>,

    /// Always `true`; a deleted patient answers `404`.
    #[serde(rename = "active")]
    pub active: bool,

    /// One `official` name: `family_name`, and `given_name` followed by `middle_name` as `given`.
    #[serde(rename = "name")]
    #[validate(
            length(min = 1),
          nested,
    )]
    pub name: Vec<models::FhirHumanName>,

    /// The `email` and the `phone_e164`, when present.
    #[serde(rename = "telecom")]
    #[validate(
            length(min = 1),
          nested,
    )]
    #[serde(skip_serializing_if="Option::is_none")]
    pub telecom: Option<Vec<models::FhirContactPoint>>,

    #[serde(rename = "gender")]
          #[validate(nested)]
    pub gender: models::FhirAdministrativeGender,

    /// The `date_of_birth`.
    #[serde(rename = "birthDate")]
    #[validate(
            regex(path = *RE_FHIRPATIENT_BIRTH_DATE),
          custom(function = "check_xss_string"),
    )]
    pub birth_date: String,

    /// The `address`, when present, as a `home` address.
    #[serde(rename = "address")]
    #[validate(
            length(min = 1),
          nested,
    )]
    #[serde(skip_serializing_if="Option::is_none")]
    pub address: Option<Vec<models::FhirAddress>>,

    /// The `preferred_language`, when present.
    #[serde(rename = "communication")]
    #[validate(
            length(min = 1),
          nested,
    )]
    #[serde(skip_serializing_if="Option::is_none")]
    pub communication: Option<Vec<models::FhirPatientCommunication>>,

    /// Birth sex (from `sex_at_birth`) and gender identity (from `gender_identity`), always both.
    #[serde(rename = "extension")]
    #[validate(
            length(min = 2),
          nested,
    )]
    pub extension: Vec<models::FhirExtension>,

}


lazy_static::lazy_static! {
    static ref RE_FHIRPATIENT_ID: regex::Regex = regex::Regex::new("^[A-Za-z0-9.-]{1,64}$").unwrap();
}
lazy_static::lazy_static! {
    static ref RE_FHIRPATIENT_BIRTH_DATE: regex::Regex = regex::Regex::new("^[0-9]{4}-[0-9]{2}-[0-9]{2}$").unwrap();
}

impl FhirPatient {
    #[allow(clippy::new_without_default, clippy::too_many_arguments)]
    pub fn new(resource_type: String, id: String, meta: models::FhirMeta, identifier: Vec<models::FhirIdentifier>, active: bool, name: Vec<models::FhirHumanName>, gender: models::FhirAdministrativeGender, birth_date: String, extension: Vec<models::FhirExtension>, ) -> FhirPatient {
        FhirPatient {
 resource_type,
 id,
 meta,
 identifier,
 active,
 name,
 telecom: None,
 gender,
 birth_date,
 address: None,
 communication: None,
 extension,
        }
    }
}

/// Converts the FhirPatient value to the Query Parameters representation (style=form, explode=false)
/// specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde serializer
impl std::fmt::Display for FhirPatient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![

            Some("resourceType".to_string()),
            Some(self.resource_type.to_string()),


            Some("id".to_string()),
            Some(self.id.to_string()),

            // Skipping meta in query parameter serialization

            // Skipping identifier in query parameter serialization


            Some("active".to_string()),
            Some(self.active.to_string()),

            // Skipping name in query parameter serialization

            // Skipping telecom in query parameter serialization

            // Skipping gender in query parameter serialization


            Some("birthDate".to_string()),
            Some(self.birth_date.to_string()),

            // Skipping address in query parameter serialization

            // Skipping communication in query parameter serialization

            // Skipping extension in query parameter serialization

        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a FhirPatient value
/// as specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde deserializer
impl std::str::FromStr for FhirPatient {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub resource_type: Vec<String>,
            pub id: Vec<String>,
            pub meta: Vec<models::FhirMeta>,
            pub identifier: Vec<Vec<models::FhirIdentifier>>,
            pub active: Vec<bool>,
            pub name: Vec<Vec<models::FhirHumanName>>,
            pub telecom: Vec<Vec<models::FhirContactPoint>>,
            pub gender: Vec<models::FhirAdministrativeGender>,
            pub birth_date: Vec<String>,
            pub address: Vec<Vec<models::FhirAddress>>,
            pub communication: Vec<Vec<models::FhirPatientCommunication>>,
            pub extension: Vec<Vec<models::FhirExtension>>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing FhirPatient".to_string())
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    #[allow(clippy::redundant_clone)]
                    "resourceType" => intermediate_rep.resource_type.push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "id" => intermediate_rep.id.push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "meta" => intermediate_rep.meta.push(<models::FhirMeta as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    "identifier" => return std::result::Result::Err("Parsing a container in this style is not supported in FhirPatient".to_string()),
                    #[allow(clippy::redundant_clone)]
                    "active" => intermediate_rep.active.push(<bool as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    "name" => return std::result::Result::Err("Parsing a container in this style is not supported in FhirPatient".to_string()),
                    "telecom" => return std::result::Result::Err("Parsing a container in this style is not supported in FhirPatient".to_string()),
                    #[allow(clippy::redundant_clone)]
                    "gender" => intermediate_rep.gender.push(<models::FhirAdministrativeGender as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "birthDate" => intermediate_rep.birth_date.push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    "address" => return std::result::Result::Err("Parsing a container in this style is not supported in FhirPatient".to_string()),
                    "communication" => return std::result::Result::Err("Parsing a container in this style is not supported in FhirPatient".to_string()),
                    "extension" => return std::result::Result::Err("Parsing a container in this style is not supported in FhirPatient".to_string()),
                    _ => return std::result::Result::Err("Unexpected key while parsing FhirPatient".to_string())
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(FhirPatient {
            resource_type: intermediate_rep.resource_type.into_iter().next().ok_or_else(|| "resourceType missing in FhirPatient".to_string())?,
            id: intermediate_rep.id.into_iter().next().ok_or_else(|| "id missing in FhirPatient".to_string())?,
            meta: intermediate_rep.meta.into_iter().next().ok_or_else(|| "meta missing in FhirPatient".to_string())?,
            identifier: intermediate_rep.identifier.into_iter().next().ok_or_else(|| "identifier missing in FhirPatient".to_string())?,
            active: intermediate_rep.active.into_iter().next().ok_or_else(|| "active missing in FhirPatient".to_string())?,
            name: intermediate_rep.name.into_iter().next().ok_or_else(|| "name missing in FhirPatient".to_string())?,
            telecom: intermediate_rep.telecom.into_iter().next(),
            gender: intermediate_rep.gender.into_iter().next().ok_or_else(|| "gender missing in FhirPatient".to_string())?,
            birth_date: intermediate_rep.birth_date.into_iter().next().ok_or_else(|| "birthDate missing in FhirPatient".to_string())?,
            address: intermediate_rep.address.into_iter().next(),
            communication: intermediate_rep.communication.into_iter().next(),
            extension: intermediate_rep.extension.into_iter().next().ok_or_else(|| "extension missing in FhirPatient".to_string())?,
        })
    }
}

// Methods for converting between header::IntoHeaderValue<FhirPatient> and HeaderValue

#[cfg(feature = "server")]
impl std::convert::TryFrom<header::IntoHeaderValue<FhirPatient>> for HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<FhirPatient>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match HeaderValue::from_str(&hdr_value) {
             std::result::Result::Ok(value) => std::result::Result::Ok(value),
             std::result::Result::Err(e) => std::result::Result::Err(format!(r#"Invalid header value for FhirPatient - value: {hdr_value} is invalid {e}"#))
        }
    }
}

#[cfg(feature = "server")]
impl std::convert::TryFrom<HeaderValue> for header::IntoHeaderValue<FhirPatient> {
    type Error = String;

    fn try_from(hdr_value: HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
             std::result::Result::Ok(value) => {
                    match <FhirPatient as std::str::FromStr>::from_str(value) {
                        std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                        std::result::Result::Err(err) => std::result::Result::Err(format!(r#"Unable to convert header value '{value}' into FhirPatient - {err}"#))
                    }
             },
             std::result::Result::Err(e) => std::result::Result::Err(format!(r#"Unable to convert header: {hdr_value:?} to string: {e}"#))
        }
    }
}



/// A language the patient uses; the service records one, the preferred one.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct FhirPatientCommunication {
    #[serde(rename = "language")]
          #[validate(nested)]
    pub language: models::FhirCodeableConcept,

    #[serde(rename = "preferred")]
    pub preferred: bool,

}



impl FhirPatientCommunication {
    #[allow(clippy::new_without_default, clippy::too_many_arguments)]
    pub fn new(language: models::FhirCodeableConcept, preferred: bool, ) -> FhirPatientCommunication {
        FhirPatientCommunication {
 language,
 preferred,
        }
    }
}

/// Converts the FhirPatientCommunication value to the Query Parameters representation (style=form, explode=false)
/// specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde serializer
impl std::fmt::Display for FhirPatientCommunication {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![
            // Skipping language in query parameter serialization


            Some("preferred".to_string()),
            Some(self.preferred.to_string()),

        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a FhirPatientCommunication value
/// as specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde deserializer
impl std::str::FromStr for FhirPatientCommunication {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub language: Vec<models::FhirCodeableConcept>,
            pub preferred: Vec<bool>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing FhirPatientCommunication".to_string())
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    #[allow(clippy::redundant_clone)]
                    "language" => intermediate_rep.language.push(<models::FhirCodeableConcept as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "preferred" => intermediate_rep.preferred.push(<bool as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    _ => return std::result::Result::Err("Unexpected key while parsing FhirPatientCommunication".to_string())
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(FhirPatientCommunication {
            language: intermediate_rep.language.into_iter().next().ok_or_else(|| "language missing in FhirPatientCommunication".to_string())?,
            preferred: intermediate_rep.preferred.into_iter().next().ok_or_else(|| "preferred missing in FhirPatientCommunication".to_string())?,
        })
    }
}

// Methods for converting between header::IntoHeaderValue<FhirPatientCommunication> and HeaderValue

#[cfg(feature = "server")]
impl std::convert::TryFrom<header::IntoHeaderValue<FhirPatientCommunication>> for HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<FhirPatientCommunication>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match HeaderValue::from_str(&hdr_value) {
             std::result::Result::Ok(value) => std::result::Result::Ok(value),
             std::result::Result::Err(e) => std::result::Result::Err(format!(r#"Invalid header value for FhirPatientCommunication - value: {hdr_value} is invalid {e}"#))
        }
    }
}

#[cfg(feature = "server")]
impl std::convert::TryFrom<HeaderValue> for header::IntoHeaderValue<FhirPatientCommunication> {
    type Error = String;

    fn try_from(hdr_value: HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
             std::result::Result::Ok(value) => {
                    match <FhirPatientCommunication as std::str::FromStr>::from_str(value) {
                        std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                        std::result::Result::Err(err) => std::result::Result::Err(format!(r#"Unable to convert header value '{value}' into FhirPatientCommunication - {err}"#))
                    }
             },
             std::result::Result::Err(e) => std::result::Result::Err(format!(r#"Unable to convert header: {hdr_value:?} to string: {e}"#))
        }
    }
}



/// Self-identified gender. `other` requires the patient's own words in `gender_identity_other`; `undisclosed`: the patient chose not to say (also every patient recorded before this field was required). 
/// Enumeration of values.
/// Since this enum's variants do not hold data, we can easily define them as `#[repr(C)]`
/// which helps with FFI.
#[allow(non_camel_case_types, clippy::large_enum_variant)]
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "conversion", derive(frunk_enum_derive::LabelledGenericEnum))]
pub enum GenderIdentity {
    #[serde(rename = "woman")]
    Woman,
    #[serde(rename = "man")]
    Man,
    #[serde(rename = "nonbinary")]
    Nonbinary,
    #[serde(rename = "other")]
    Other,
    #[serde(rename = "undisclosed")]
    Undisclosed,
}

impl validator::Validate for GenderIdentity
{
    fn validate(&self) -> std::result::Result<(), validator::ValidationErrors> {
        std::result::Result::Ok(())
    }
}

impl std::fmt::Display for GenderIdentity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match *self {
            GenderIdentity::Woman => write!(f, "woman"),
            GenderIdentity::Man => write!(f, "man"),
            GenderIdentity::Nonbinary => write!(f, "nonbinary"),
            GenderIdentity::Other => write!(f, "other"),
            GenderIdentity::Undisclosed => write!(f, "undisclosed"),
        }
    }
}

impl std::str::FromStr for GenderIdentity {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        match s {
            "woman" => std::result::Result::Ok(GenderIdentity::Woman),
            "man" => std::result::Result::Ok(GenderIdentity::Man),
            "nonbinary" => std::result::Result::Ok(GenderIdentity::Nonbinary),
            "other" => std::result::Result::Ok(GenderIdentity::Other),
            "undisclosed" => std::result::Result::Ok(GenderIdentity::Undisclosed),
            _ => std::result::Result::Err(format!(r#"Value not valid: {s}"#)),
        }
    }
}


#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct HealthStatus {
    /// Note: inline enums are not fully supported by openapi-generator
    #[serde(rename = "status")]
          #[validate(custom(function = "check_xss_string"))]
    pub status: String,

}



impl HealthStatus {
    #[allow(clippy::new_without_default, clippy::too_many_arguments)]
    pub fn new(status: String, ) -> HealthStatus {
        HealthStatus {
 status,
        }
    }
}

/// Converts the HealthStatus value to the Query Parameters representation (style=form, explode=false)
/// specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde serializer
impl std::fmt::Display for HealthStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![

            Some("status".to_string()),
            Some(self.status.to_string()),

        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a HealthStatus value
/// as specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde deserializer
impl std::str::FromStr for HealthStatus {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub status: Vec<String>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing HealthStatus".to_string())
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    #[allow(clippy::redundant_clone)]
                    "status" => intermediate_rep.status.push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    _ => return std::result::Result::Err("Unexpected key while parsing HealthStatus".to_string())
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(HealthStatus {
            status: intermediate_rep.status.into_iter().next().ok_or_else(|| "status missing in HealthStatus".to_string())?,
        })
    }
}

// Methods for converting between header::IntoHeaderValue<HealthStatus> and HeaderValue

#[cfg(feature = "server")]
impl std::convert::TryFrom<header::IntoHeaderValue<HealthStatus>> for HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<HealthStatus>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match HeaderValue::from_str(&hdr_value) {
             std::result::Result::Ok(value) => std::result::Result::Ok(value),
             std::result::Result::Err(e) => std::result::Result::Err(format!(r#"Invalid header value for HealthStatus - value: {hdr_value} is invalid {e}"#))
        }
    }
}

#[cfg(feature = "server")]
impl std::convert::TryFrom<HeaderValue> for header::IntoHeaderValue<HealthStatus> {
    type Error = String;

    fn try_from(hdr_value: HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
             std::result::Result::Ok(value) => {
                    match <HealthStatus as std::str::FromStr>::from_str(value) {
                        std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                        std::result::Result::Err(err) => std::result::Result::Err(format!(r#"Unable to convert header value '{value}' into HealthStatus - {err}"#))
                    }
             },
             std::result::Result::Err(e) => std::result::Result::Err(format!(r#"Unable to convert header: {hdr_value:?} to string: {e}"#))
        }
    }
}



/// A patient as stored. Fields without a value are `null`.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct Patient {
    /// Server-assigned id (UUID v4).
    #[serde(rename = "patient_id")]
    pub patient_id: uuid::Uuid,

    #[serde(rename = "given_name")]
    #[validate(
            length(min = 1, max = 100),
          custom(function = "check_xss_string"),
    )]
    pub given_name: String,

    #[serde(rename = "middle_name")]
    #[validate(
            length(max = 100),
    )]
    pub middle_name: Nullable<String>,

    #[serde(rename = "family_name")]
    #[validate(
            length(min = 1, max = 100),
          custom(function = "check_xss_string"),
    )]
    pub family_name: String,

    #[serde(rename = "date_of_birth")]
    #[validate(
            regex(path = *RE_PATIENT_DATE_OF_BIRTH),
          custom(function = "check_xss_string"),
    )]
    pub date_of_birth: String,

    #[serde(rename = "sex_at_birth")]
          #[validate(nested)]
    pub sex_at_birth: models::SexAtBirth,

    #[serde(rename = "gender_identity")]
          #[validate(nested)]
    pub gender_identity: models::GenderIdentity,

    #[serde(rename = "gender_identity_other")]
    #[validate(
            length(max = 100),
    )]
    pub gender_identity_other: Nullable<String>,

    #[serde(rename = "email")]
    #[validate(
            length(max = 254),
    )]
    pub email: Nullable<String>,

    #[serde(rename = "phone_e164")]
    #[validate(
            regex(path = *RE_PATIENT_PHONE_E164),
    )]
    pub phone_e164: Nullable<String>,

    #[serde(rename = "address")]
    pub address: Nullable<models::Address>,

    #[serde(rename = "preferred_language")]
    pub preferred_language: Nullable<String>,

    #[serde(rename = "consent_to_contact")]
    pub consent_to_contact: bool,

    /// Increases by one with every change; the `ETag` is derived from it.
    #[serde(rename = "version")]
    #[validate(
            range(min = 1u64),
    )]
    pub version: u64,

    /// Whether the patient is soft-deleted. Reads and lists return active patients only, so this is `false` in every response; it is part of the resource so that the audit trail can record deletes and restores as a change of this field. 
    #[serde(rename = "is_deleted")]
    pub is_deleted: bool,

    #[serde(rename = "created_at")]
    pub created_at: chrono::DateTime::<chrono::Utc>,

    #[serde(rename = "updated_at")]
    pub updated_at: chrono::DateTime::<chrono::Utc>,

}


lazy_static::lazy_static! {
    static ref RE_PATIENT_DATE_OF_BIRTH: regex::Regex = regex::Regex::new("^[0-9]{4}-[0-9]{2}-[0-9]{2}$").unwrap();
}
lazy_static::lazy_static! {
    static ref RE_PATIENT_PHONE_E164: regex::Regex = regex::Regex::new("^\\+[1-9][0-9]{1,14}$").unwrap();
}

impl Patient {
    #[allow(clippy::new_without_default, clippy::too_many_arguments)]
    pub fn new(patient_id: uuid::Uuid, given_name: String, middle_name: Nullable<String>, family_name: String, date_of_birth: String, sex_at_birth: models::SexAtBirth, gender_identity: models::GenderIdentity, gender_identity_other: Nullable<String>, email: Nullable<String>, phone_e164: Nullable<String>, address: Nullable<models::Address>, preferred_language: Nullable<String>, consent_to_contact: bool, version: u64, is_deleted: bool, created_at: chrono::DateTime::<chrono::Utc>, updated_at: chrono::DateTime::<chrono::Utc>, ) -> Patient {
        Patient {
 patient_id,
 given_name,
 middle_name,
 family_name,
 date_of_birth,
 sex_at_birth,
 gender_identity,
 gender_identity_other,
 email,
 phone_e164,
 address,
 preferred_language,
 consent_to_contact,
 version,
 is_deleted,
 created_at,
 updated_at,
        }
    }
}

/// Converts the Patient value to the Query Parameters representation (style=form, explode=false)
/// specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde serializer
impl std::fmt::Display for Patient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![
            // Skipping patient_id in query parameter serialization


            Some("given_name".to_string()),
            Some(self.given_name.to_string()),


            Some("middle_name".to_string()),
            Some(self.middle_name.as_ref().map_or("null".to_string(), |x| x.to_string())),


            Some("family_name".to_string()),
            Some(self.family_name.to_string()),


            Some("date_of_birth".to_string()),
            Some(self.date_of_birth.to_string()),

            // Skipping sex_at_birth in query parameter serialization

            // Skipping gender_identity in query parameter serialization


            Some("gender_identity_other".to_string()),
            Some(self.gender_identity_other.as_ref().map_or("null".to_string(), |x| x.to_string())),


            Some("email".to_string()),
            Some(self.email.as_ref().map_or("null".to_string(), |x| x.to_string())),


            Some("phone_e164".to_string()),
            Some(self.phone_e164.as_ref().map_or("null".to_string(), |x| x.to_string())),

            // Skipping address in query parameter serialization


            Some("preferred_language".to_string()),
            Some(self.preferred_language.as_ref().map_or("null".to_string(), |x| x.to_string())),


            Some("consent_to_contact".to_string()),
            Some(self.consent_to_contact.to_string()),


            Some("version".to_string()),
            Some(self.version.to_string()),


            Some("is_deleted".to_string()),
            Some(self.is_deleted.to_string()),

            // Skipping created_at in query parameter serialization

            // Skipping updated_at in query parameter serialization

        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a Patient value
/// as specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde deserializer
impl std::str::FromStr for Patient {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub patient_id: Vec<uuid::Uuid>,
            pub given_name: Vec<String>,
            pub middle_name: Vec<String>,
            pub family_name: Vec<String>,
            pub date_of_birth: Vec<String>,
            pub sex_at_birth: Vec<models::SexAtBirth>,
            pub gender_identity: Vec<models::GenderIdentity>,
            pub gender_identity_other: Vec<String>,
            pub email: Vec<String>,
            pub phone_e164: Vec<String>,
            pub address: Vec<models::Address>,
            pub preferred_language: Vec<String>,
            pub consent_to_contact: Vec<bool>,
            pub version: Vec<u64>,
            pub is_deleted: Vec<bool>,
            pub created_at: Vec<chrono::DateTime::<chrono::Utc>>,
            pub updated_at: Vec<chrono::DateTime::<chrono::Utc>>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing Patient".to_string())
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    #[allow(clippy::redundant_clone)]
                    "patient_id" => intermediate_rep.patient_id.push(<uuid::Uuid as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "given_name" => intermediate_rep.given_name.push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    "middle_name" => return std::result::Result::Err("Parsing a nullable type in this style is not supported in Patient".to_string()),
                    #[allow(clippy::redundant_clone)]
                    "family_name" => intermediate_rep.family_name.push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "date_of_birth" => intermediate_rep.date_of_birth.push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "sex_at_birth" => intermediate_rep.sex_at_birth.push(<models::SexAtBirth as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "gender_identity" => intermediate_rep.gender_identity.push(<models::GenderIdentity as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    "gender_identity_other" => return std::result::Result::Err("Parsing a nullable type in this style is not supported in Patient".to_string()),
                    "email" => return std::result::Result::Err("Parsing a nullable type in this style is not supported in Patient".to_string()),
                    "phone_e164" => return std::result::Result::Err("Parsing a nullable type in this style is not supported in Patient".to_string()),
                    "address" => return std::result::Result::Err("Parsing a nullable type in this style is not supported in Patient".to_string()),
                    "preferred_language" => return std::result::Result::Err("Parsing a nullable type in this style is not supported in Patient".to_string()),
                    #[allow(clippy::redundant_clone)]
                    "consent_to_contact" => intermediate_rep.consent_to_contact.push(<bool as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "version" => intermediate_rep.version.push(<u64 as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "is_deleted" => intermediate_rep.is_deleted.push(<bool as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "created_at" => intermediate_rep.created_at.push(<chrono::DateTime::<chrono::Utc> as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "updated_at" => intermediate_rep.updated_at.push(<chrono::DateTime::<chrono::Utc> as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    _ => return std::result::Result::Err("Unexpected key while parsing Patient".to_string())
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(Patient {
            patient_id: intermediate_rep.patient_id.into_iter().next().ok_or_else(|| "patient_id missing in Patient".to_string())?,
            given_name: intermediate_rep.given_name.into_iter().next().ok_or_else(|| "given_name missing in Patient".to_string())?,
            middle_name: std::result::Result::Err("Nullable types not supported in Patient".to_string())?,
            family_name: intermediate_rep.family_name.into_iter().next().ok_or_else(|| "family_name missing in Patient".to_string())?,
            date_of_birth: intermediate_rep.date_of_birth.into_iter().next().ok_or_else(|| "date_of_birth missing in Patient".to_string())?,
            sex_at_birth: intermediate_rep.sex_at_birth.into_iter().next().ok_or_else(|| "sex_at_birth missing in Patient".to_string())?,
            gender_identity: intermediate_rep.gender_identity.into_iter().next().ok_or_else(|| "gender_identity missing in Patient".to_string())?,
            gender_identity_other: std::result::Result::Err("Nullable types not supported in Patient".to_string())?,
            email: std::result::Result::Err("Nullable types not supported in Patient".to_string())?,
            phone_e164: std::result::Result::Err("Nullable types not supported in Patient".to_string())?,
            address: std::result::Result::Err("Nullable types not supported in Patient".to_string())?,
            preferred_language: std::result::Result::Err("Nullable types not supported in Patient".to_string())?,
            consent_to_contact: intermediate_rep.consent_to_contact.into_iter().next().ok_or_else(|| "consent_to_contact missing in Patient".to_string())?,
            version: intermediate_rep.version.into_iter().next().ok_or_else(|| "version missing in Patient".to_string())?,
            is_deleted: intermediate_rep.is_deleted.into_iter().next().ok_or_else(|| "is_deleted missing in Patient".to_string())?,
            created_at: intermediate_rep.created_at.into_iter().next().ok_or_else(|| "created_at missing in Patient".to_string())?,
            updated_at: intermediate_rep.updated_at.into_iter().next().ok_or_else(|| "updated_at missing in Patient".to_string())?,
        })
    }
}

// Methods for converting between header::IntoHeaderValue<Patient> and HeaderValue

#[cfg(feature = "server")]
impl std::convert::TryFrom<header::IntoHeaderValue<Patient>> for HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<Patient>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match HeaderValue::from_str(&hdr_value) {
             std::result::Result::Ok(value) => std::result::Result::Ok(value),
             std::result::Result::Err(e) => std::result::Result::Err(format!(r#"Invalid header value for Patient - value: {hdr_value} is invalid {e}"#))
        }
    }
}

#[cfg(feature = "server")]
impl std::convert::TryFrom<HeaderValue> for header::IntoHeaderValue<Patient> {
    type Error = String;

    fn try_from(hdr_value: HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
             std::result::Result::Ok(value) => {
                    match <Patient as std::str::FromStr>::from_str(value) {
                        std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                        std::result::Result::Err(err) => std::result::Result::Err(format!(r#"Unable to convert header value '{value}' into Patient - {err}"#))
                    }
             },
             std::result::Result::Err(e) => std::result::Result::Err(format!(r#"Unable to convert header: {hdr_value:?} to string: {e}"#))
        }
    }
}



/// The client-owned fields of a patient, as sent to create (`POST`) and replace (`PUT`). Server-owned fields (`patient_id`, `version`, `is_deleted`, timestamps) are not accepted. 
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct PatientInput {
    /// Given (first) name; letters of any script, spaces, hyphens, apostrophes and periods (no digits).
    #[serde(rename = "given_name")]
    #[validate(
            length(min = 1, max = 100),
          custom(function = "check_xss_string"),
    )]
    pub given_name: String,

    /// Middle name(s). Empty or null means none.
    #[serde(rename = "middle_name")]
    #[validate(
            length(max = 100),
    )]
    #[serde(deserialize_with = "deserialize_optional_nullable")]
    #[serde(default = "default_optional_nullable")]
    #[serde(skip_serializing_if="Option::is_none")]
    pub middle_name: Option<Nullable<String>>,

    /// Family (last) name; the same characters as `given_name`.
    #[serde(rename = "family_name")]
    #[validate(
            length(min = 1, max = 100),
          custom(function = "check_xss_string"),
    )]
    pub family_name: String,

    /// Date of birth, exactly `YYYY-MM-DD`; not in the future and not more than 120 years ago.
    #[serde(rename = "date_of_birth")]
    #[validate(
            regex(path = *RE_PATIENTINPUT_DATE_OF_BIRTH),
          custom(function = "check_xss_string"),
    )]
    pub date_of_birth: String,

    #[serde(rename = "sex_at_birth")]
          #[validate(nested)]
    pub sex_at_birth: models::SexAtBirth,

    #[serde(rename = "gender_identity")]
          #[validate(nested)]
    pub gender_identity: models::GenderIdentity,

    /// The patient's own words for their gender identity: required when `gender_identity` is `other`, refused otherwise. Free text (no control characters). 
    #[serde(rename = "gender_identity_other")]
    #[validate(
            length(min = 1, max = 100),
    )]
    #[serde(deserialize_with = "deserialize_optional_nullable")]
    #[serde(default = "default_optional_nullable")]
    #[serde(skip_serializing_if="Option::is_none")]
    pub gender_identity_other: Option<Nullable<String>>,

    /// Email address (RFC 5322 addr-spec); stored lower-cased and unique among patients.
    #[serde(rename = "email")]
    #[validate(
            length(max = 254),
    )]
    #[serde(deserialize_with = "deserialize_optional_nullable")]
    #[serde(default = "default_optional_nullable")]
    #[serde(skip_serializing_if="Option::is_none")]
    pub email: Option<Nullable<String>>,

    /// Phone number: `+` and the country code, then digits, optionally grouped by spaces, `-`, `.` or `()`. Stored in E.164 form (`+14155550123`), unique among patients. 
    #[serde(rename = "phone_e164")]
    #[validate(
            length(min = 2, max = 40),
    )]
    #[serde(deserialize_with = "deserialize_optional_nullable")]
    #[serde(default = "default_optional_nullable")]
    #[serde(skip_serializing_if="Option::is_none")]
    pub phone_e164: Option<Nullable<String>>,

    #[serde(rename = "address")]
    #[serde(deserialize_with = "deserialize_optional_nullable")]
    #[serde(default = "default_optional_nullable")]
    #[serde(skip_serializing_if="Option::is_none")]
    pub address: Option<Nullable<models::AddressInput>>,

    /// Preferred language as a BCP 47 tag, stored in canonical case.
    #[serde(rename = "preferred_language")]
    #[validate(
            length(min = 2, max = 35),
            regex(path = *RE_PATIENTINPUT_PREFERRED_LANGUAGE),
    )]
    #[serde(deserialize_with = "deserialize_optional_nullable")]
    #[serde(default = "default_optional_nullable")]
    #[serde(skip_serializing_if="Option::is_none")]
    pub preferred_language: Option<Nullable<String>>,

    /// Whether the patient agreed to be contacted by email or phone.
    #[serde(rename = "consent_to_contact")]
    #[serde(skip_serializing_if="Option::is_none")]
    pub consent_to_contact: Option<bool>,

}


lazy_static::lazy_static! {
    static ref RE_PATIENTINPUT_DATE_OF_BIRTH: regex::Regex = regex::Regex::new("^[0-9]{4}-[0-9]{2}-[0-9]{2}$").unwrap();
}
lazy_static::lazy_static! {
    static ref RE_PATIENTINPUT_PREFERRED_LANGUAGE: regex::Regex = regex::Regex::new("^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$").unwrap();
}

impl PatientInput {
    #[allow(clippy::new_without_default, clippy::too_many_arguments)]
    pub fn new(given_name: String, family_name: String, date_of_birth: String, sex_at_birth: models::SexAtBirth, gender_identity: models::GenderIdentity, ) -> PatientInput {
        PatientInput {
 given_name,
 middle_name: None,
 family_name,
 date_of_birth,
 sex_at_birth,
 gender_identity,
 gender_identity_other: None,
 email: None,
 phone_e164: None,
 address: None,
 preferred_language: None,
 consent_to_contact: Some(false),
        }
    }
}

/// Converts the PatientInput value to the Query Parameters representation (style=form, explode=false)
/// specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde serializer
impl std::fmt::Display for PatientInput {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![

            Some("given_name".to_string()),
            Some(self.given_name.to_string()),


            self.middle_name.as_ref().map(|middle_name| {
                [
                    "middle_name".to_string(),
                    middle_name.as_ref().map_or("null".to_string(), |x| x.to_string()),
                ].join(",")
            }),


            Some("family_name".to_string()),
            Some(self.family_name.to_string()),


            Some("date_of_birth".to_string()),
            Some(self.date_of_birth.to_string()),

            // Skipping sex_at_birth in query parameter serialization

            // Skipping gender_identity in query parameter serialization


            self.gender_identity_other.as_ref().map(|gender_identity_other| {
                [
                    "gender_identity_other".to_string(),
                    gender_identity_other.as_ref().map_or("null".to_string(), |x| x.to_string()),
                ].join(",")
            }),


            self.email.as_ref().map(|email| {
                [
                    "email".to_string(),
                    email.as_ref().map_or("null".to_string(), |x| x.to_string()),
                ].join(",")
            }),


            self.phone_e164.as_ref().map(|phone_e164| {
                [
                    "phone_e164".to_string(),
                    phone_e164.as_ref().map_or("null".to_string(), |x| x.to_string()),
                ].join(",")
            }),

            // Skipping address in query parameter serialization


            self.preferred_language.as_ref().map(|preferred_language| {
                [
                    "preferred_language".to_string(),
                    preferred_language.as_ref().map_or("null".to_string(), |x| x.to_string()),
                ].join(",")
            }),


            self.consent_to_contact.as_ref().map(|consent_to_contact| {
                [
                    "consent_to_contact".to_string(),
                    consent_to_contact.to_string(),
                ].join(",")
            }),

        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a PatientInput value
/// as specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde deserializer
impl std::str::FromStr for PatientInput {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub given_name: Vec<String>,
            pub middle_name: Vec<String>,
            pub family_name: Vec<String>,
            pub date_of_birth: Vec<String>,
            pub sex_at_birth: Vec<models::SexAtBirth>,
            pub gender_identity: Vec<models::GenderIdentity>,
            pub gender_identity_other: Vec<String>,
            pub email: Vec<String>,
            pub phone_e164: Vec<String>,
            pub address: Vec<models::AddressInput>,
            pub preferred_language: Vec<String>,
            pub consent_to_contact: Vec<bool>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing PatientInput".to_string())
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    #[allow(clippy::redundant_clone)]
                    "given_name" => intermediate_rep.given_name.push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    "middle_name" => return std::result::Result::Err("Parsing a nullable type in this style is not supported in PatientInput".to_string()),
                    #[allow(clippy::redundant_clone)]
                    "family_name" => intermediate_rep.family_name.push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "date_of_birth" => intermediate_rep.date_of_birth.push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "sex_at_birth" => intermediate_rep.sex_at_birth.push(<models::SexAtBirth as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "gender_identity" => intermediate_rep.gender_identity.push(<models::GenderIdentity as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    "gender_identity_other" => return std::result::Result::Err("Parsing a nullable type in this style is not supported in PatientInput".to_string()),
                    "email" => return std::result::Result::Err("Parsing a nullable type in this style is not supported in PatientInput".to_string()),
                    "phone_e164" => return std::result::Result::Err("Parsing a nullable type in this style is not supported in PatientInput".to_string()),
                    "address" => return std::result::Result::Err("Parsing a nullable type in this style is not supported in PatientInput".to_string()),
                    "preferred_language" => return std::result::Result::Err("Parsing a nullable type in this style is not supported in PatientInput".to_string()),
                    #[allow(clippy::redundant_clone)]
                    "consent_to_contact" => intermediate_rep.consent_to_contact.push(<bool as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    _ => return std::result::Result::Err("Unexpected key while parsing PatientInput".to_string())
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(PatientInput {
            given_name: intermediate_rep.given_name.into_iter().next().ok_or_else(|| "given_name missing in PatientInput".to_string())?,
            middle_name: std::result::Result::Err("Nullable types not supported in PatientInput".to_string())?,
            family_name: intermediate_rep.family_name.into_iter().next().ok_or_else(|| "family_name missing in PatientInput".to_string())?,
            date_of_birth: intermediate_rep.date_of_birth.into_iter().next().ok_or_else(|| "date_of_birth missing in PatientInput".to_string())?,
            sex_at_birth: intermediate_rep.sex_at_birth.into_iter().next().ok_or_else(|| "sex_at_birth missing in PatientInput".to_string())?,
            gender_identity: intermediate_rep.gender_identity.into_iter().next().ok_or_else(|| "gender_identity missing in PatientInput".to_string())?,
            gender_identity_other: std::result::Result::Err("Nullable types not supported in PatientInput".to_string())?,
            email: std::result::Result::Err("Nullable types not supported in PatientInput".to_string())?,
            phone_e164: std::result::Result::Err("Nullable types not supported in PatientInput".to_string())?,
            address: std::result::Result::Err("Nullable types not supported in PatientInput".to_string())?,
            preferred_language: std::result::Result::Err("Nullable types not supported in PatientInput".to_string())?,
            consent_to_contact: intermediate_rep.consent_to_contact.into_iter().next(),
        })
    }
}

// Methods for converting between header::IntoHeaderValue<PatientInput> and HeaderValue

#[cfg(feature = "server")]
impl std::convert::TryFrom<header::IntoHeaderValue<PatientInput>> for HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<PatientInput>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match HeaderValue::from_str(&hdr_value) {
             std::result::Result::Ok(value) => std::result::Result::Ok(value),
             std::result::Result::Err(e) => std::result::Result::Err(format!(r#"Invalid header value for PatientInput - value: {hdr_value} is invalid {e}"#))
        }
    }
}

#[cfg(feature = "server")]
impl std::convert::TryFrom<HeaderValue> for header::IntoHeaderValue<PatientInput> {
    type Error = String;

    fn try_from(hdr_value: HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
             std::result::Result::Ok(value) => {
                    match <PatientInput as std::str::FromStr>::from_str(value) {
                        std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                        std::result::Result::Err(err) => std::result::Result::Err(format!(r#"Unable to convert header value '{value}' into PatientInput - {err}"#))
                    }
             },
             std::result::Result::Err(e) => std::result::Result::Err(format!(r#"Unable to convert header: {hdr_value:?} to string: {e}"#))
        }
    }
}



/// One page of patients.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct PatientList {
    #[serde(rename = "items")]
          #[validate(nested)]
    pub items: Vec<models::Patient>,

    /// Pass as `cursor` to get the next page; `null` on the last page.
    #[serde(rename = "next_cursor")]
    pub next_cursor: Nullable<String>,

}



impl PatientList {
    #[allow(clippy::new_without_default, clippy::too_many_arguments)]
    pub fn new(items: Vec<models::Patient>, next_cursor: Nullable<String>, ) -> PatientList {
        PatientList {
 items,
 next_cursor,
        }
    }
}

/// Converts the PatientList value to the Query Parameters representation (style=form, explode=false)
/// specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde serializer
impl std::fmt::Display for PatientList {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![
            // Skipping items in query parameter serialization


            Some("next_cursor".to_string()),
            Some(self.next_cursor.as_ref().map_or("null".to_string(), |x| x.to_string())),

        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a PatientList value
/// as specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde deserializer
impl std::str::FromStr for PatientList {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub items: Vec<Vec<models::Patient>>,
            pub next_cursor: Vec<String>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing PatientList".to_string())
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    "items" => return std::result::Result::Err("Parsing a container in this style is not supported in PatientList".to_string()),
                    "next_cursor" => return std::result::Result::Err("Parsing a nullable type in this style is not supported in PatientList".to_string()),
                    _ => return std::result::Result::Err("Unexpected key while parsing PatientList".to_string())
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(PatientList {
            items: intermediate_rep.items.into_iter().next().ok_or_else(|| "items missing in PatientList".to_string())?,
            next_cursor: std::result::Result::Err("Nullable types not supported in PatientList".to_string())?,
        })
    }
}

// Methods for converting between header::IntoHeaderValue<PatientList> and HeaderValue

#[cfg(feature = "server")]
impl std::convert::TryFrom<header::IntoHeaderValue<PatientList>> for HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<PatientList>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match HeaderValue::from_str(&hdr_value) {
             std::result::Result::Ok(value) => std::result::Result::Ok(value),
             std::result::Result::Err(e) => std::result::Result::Err(format!(r#"Invalid header value for PatientList - value: {hdr_value} is invalid {e}"#))
        }
    }
}

#[cfg(feature = "server")]
impl std::convert::TryFrom<HeaderValue> for header::IntoHeaderValue<PatientList> {
    type Error = String;

    fn try_from(hdr_value: HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
             std::result::Result::Ok(value) => {
                    match <PatientList as std::str::FromStr>::from_str(value) {
                        std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                        std::result::Result::Err(err) => std::result::Result::Err(format!(r#"Unable to convert header value '{value}' into PatientList - {err}"#))
                    }
             },
             std::result::Result::Err(e) => std::result::Result::Err(format!(r#"Unable to convert header: {hdr_value:?} to string: {e}"#))
        }
    }
}



/// The filters of `POST /api/v1/patients:search`, with the same meaning, formats and limits as the query parameters of `GET /api/v1/patients`; every given filter must match (AND). An absent filter does not filter. 
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, validator::Validate)]
#[cfg_attr(feature = "conversion", derive(frunk::LabelledGeneric))]
pub struct PatientSearch {
    /// Family name, matched exactly but case-insensitively (after the same whitespace normalization as stored names); it must be a valid name.
    #[serde(rename = "family_name")]
    #[validate(
            length(min = 1, max = 100),
          custom(function = "check_xss_string"),
    )]
    #[serde(skip_serializing_if="Option::is_none")]
    pub family_name: Option<String>,

    /// Date of birth, exactly `YYYY-MM-DD`, matched exactly.
    #[serde(rename = "dob")]
    #[validate(
            regex(path = *RE_PATIENTSEARCH_DOB),
          custom(function = "check_xss_string"),
    )]
    #[serde(skip_serializing_if="Option::is_none")]
    pub dob: Option<String>,

    /// Email address, matched case-insensitively.
    #[serde(rename = "email")]
    #[validate(
            length(min = 3, max = 254),
          custom(function = "check_xss_string"),
    )]
    #[serde(skip_serializing_if="Option::is_none")]
    pub email: Option<String>,

    /// Phone number in E.164 form (`+` then digits; spaces, dashes, dots and parentheses are ignored).
    #[serde(rename = "phone")]
    #[validate(
            length(min = 2, max = 40),
          custom(function = "check_xss_string"),
    )]
    #[serde(skip_serializing_if="Option::is_none")]
    pub phone: Option<String>,

    /// Page size, 1–100.
    #[serde(rename = "limit")]
    #[validate(
            range(min = 1u32, max = 100u32),
    )]
    #[serde(skip_serializing_if="Option::is_none")]
    pub limit: Option<u32>,

    /// Opaque cursor from a previous page's `next_cursor`.
    #[serde(rename = "cursor")]
    #[validate(
            length(min = 1, max = 512),
          custom(function = "check_xss_string"),
    )]
    #[serde(skip_serializing_if="Option::is_none")]
    pub cursor: Option<String>,

}


lazy_static::lazy_static! {
    static ref RE_PATIENTSEARCH_DOB: regex::Regex = regex::Regex::new("^[0-9]{4}-[0-9]{2}-[0-9]{2}$").unwrap();
}

impl PatientSearch {
    #[allow(clippy::new_without_default, clippy::too_many_arguments)]
    pub fn new() -> PatientSearch {
        PatientSearch {
 family_name: None,
 dob: None,
 email: None,
 phone: None,
 limit: Some(20),
 cursor: None,
        }
    }
}

/// Converts the PatientSearch value to the Query Parameters representation (style=form, explode=false)
/// specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde serializer
impl std::fmt::Display for PatientSearch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let params: Vec<Option<String>> = vec![

            self.family_name.as_ref().map(|family_name| {
                [
                    "family_name".to_string(),
                    family_name.to_string(),
                ].join(",")
            }),


            self.dob.as_ref().map(|dob| {
                [
                    "dob".to_string(),
                    dob.to_string(),
                ].join(",")
            }),


            self.email.as_ref().map(|email| {
                [
                    "email".to_string(),
                    email.to_string(),
                ].join(",")
            }),


            self.phone.as_ref().map(|phone| {
                [
                    "phone".to_string(),
                    phone.to_string(),
                ].join(",")
            }),


            self.limit.as_ref().map(|limit| {
                [
                    "limit".to_string(),
                    limit.to_string(),
                ].join(",")
            }),


            self.cursor.as_ref().map(|cursor| {
                [
                    "cursor".to_string(),
                    cursor.to_string(),
                ].join(",")
            }),

        ];

        write!(f, "{}", params.into_iter().flatten().collect::<Vec<_>>().join(","))
    }
}

/// Converts Query Parameters representation (style=form, explode=false) to a PatientSearch value
/// as specified in https://swagger.io/docs/specification/serialization/
/// Should be implemented in a serde deserializer
impl std::str::FromStr for PatientSearch {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        /// An intermediate representation of the struct to use for parsing.
        #[derive(Default)]
        #[allow(dead_code)]
        struct IntermediateRep {
            pub family_name: Vec<String>,
            pub dob: Vec<String>,
            pub email: Vec<String>,
            pub phone: Vec<String>,
            pub limit: Vec<u32>,
            pub cursor: Vec<String>,
        }

        let mut intermediate_rep = IntermediateRep::default();

        // Parse into intermediate representation
        let mut string_iter = s.split(',');
        let mut key_result = string_iter.next();

        while key_result.is_some() {
            let val = match string_iter.next() {
                Some(x) => x,
                None => return std::result::Result::Err("Missing value while parsing PatientSearch".to_string())
            };

            if let Some(key) = key_result {
                #[allow(clippy::match_single_binding)]
                match key {
                    #[allow(clippy::redundant_clone)]
                    "family_name" => intermediate_rep.family_name.push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "dob" => intermediate_rep.dob.push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "email" => intermediate_rep.email.push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "phone" => intermediate_rep.phone.push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "limit" => intermediate_rep.limit.push(<u32 as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    #[allow(clippy::redundant_clone)]
                    "cursor" => intermediate_rep.cursor.push(<String as std::str::FromStr>::from_str(val).map_err(|x| x.to_string())?),
                    _ => return std::result::Result::Err("Unexpected key while parsing PatientSearch".to_string())
                }
            }

            // Get the next key
            key_result = string_iter.next();
        }

        // Use the intermediate representation to return the struct
        std::result::Result::Ok(PatientSearch {
            family_name: intermediate_rep.family_name.into_iter().next(),
            dob: intermediate_rep.dob.into_iter().next(),
            email: intermediate_rep.email.into_iter().next(),
            phone: intermediate_rep.phone.into_iter().next(),
            limit: intermediate_rep.limit.into_iter().next(),
            cursor: intermediate_rep.cursor.into_iter().next(),
        })
    }
}

// Methods for converting between header::IntoHeaderValue<PatientSearch> and HeaderValue

#[cfg(feature = "server")]
impl std::convert::TryFrom<header::IntoHeaderValue<PatientSearch>> for HeaderValue {
    type Error = String;

    fn try_from(hdr_value: header::IntoHeaderValue<PatientSearch>) -> std::result::Result<Self, Self::Error> {
        let hdr_value = hdr_value.to_string();
        match HeaderValue::from_str(&hdr_value) {
             std::result::Result::Ok(value) => std::result::Result::Ok(value),
             std::result::Result::Err(e) => std::result::Result::Err(format!(r#"Invalid header value for PatientSearch - value: {hdr_value} is invalid {e}"#))
        }
    }
}

#[cfg(feature = "server")]
impl std::convert::TryFrom<HeaderValue> for header::IntoHeaderValue<PatientSearch> {
    type Error = String;

    fn try_from(hdr_value: HeaderValue) -> std::result::Result<Self, Self::Error> {
        match hdr_value.to_str() {
             std::result::Result::Ok(value) => {
                    match <PatientSearch as std::str::FromStr>::from_str(value) {
                        std::result::Result::Ok(value) => std::result::Result::Ok(header::IntoHeaderValue(value)),
                        std::result::Result::Err(err) => std::result::Result::Err(format!(r#"Unable to convert header value '{value}' into PatientSearch - {err}"#))
                    }
             },
             std::result::Result::Err(e) => std::result::Result::Err(format!(r#"Unable to convert header: {hdr_value:?} to string: {e}"#))
        }
    }
}



/// Sex assigned at birth, as recorded. `unknown`: not known (also every patient recorded before this field existed); `undisclosed`: the patient chose not to say. 
/// Enumeration of values.
/// Since this enum's variants do not hold data, we can easily define them as `#[repr(C)]`
/// which helps with FFI.
#[allow(non_camel_case_types, clippy::large_enum_variant)]
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "conversion", derive(frunk_enum_derive::LabelledGenericEnum))]
pub enum SexAtBirth {
    #[serde(rename = "female")]
    Female,
    #[serde(rename = "male")]
    Male,
    #[serde(rename = "intersex")]
    Intersex,
    #[serde(rename = "unknown")]
    Unknown,
    #[serde(rename = "undisclosed")]
    Undisclosed,
}

impl validator::Validate for SexAtBirth
{
    fn validate(&self) -> std::result::Result<(), validator::ValidationErrors> {
        std::result::Result::Ok(())
    }
}

impl std::fmt::Display for SexAtBirth {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match *self {
            SexAtBirth::Female => write!(f, "female"),
            SexAtBirth::Male => write!(f, "male"),
            SexAtBirth::Intersex => write!(f, "intersex"),
            SexAtBirth::Unknown => write!(f, "unknown"),
            SexAtBirth::Undisclosed => write!(f, "undisclosed"),
        }
    }
}

impl std::str::FromStr for SexAtBirth {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        match s {
            "female" => std::result::Result::Ok(SexAtBirth::Female),
            "male" => std::result::Result::Ok(SexAtBirth::Male),
            "intersex" => std::result::Result::Ok(SexAtBirth::Intersex),
            "unknown" => std::result::Result::Ok(SexAtBirth::Unknown),
            "undisclosed" => std::result::Result::Ok(SexAtBirth::Undisclosed),
            _ => std::result::Result::Err(format!(r#"Value not valid: {s}"#)),
        }
    }
}

