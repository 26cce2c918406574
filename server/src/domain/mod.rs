//! Domain types that can only hold valid, normalized values ("parse, don't validate").
//!
//! The contract's schemas have already been checked when these run (`crate::contract`);
//! the types add the rules a schema cannot express (letters only in names, a real phone
//! number, a postal code that fits its country, ...) and normalize once. Each constructor
//! reports rejections as [`FieldError`](crate::error::FieldError)s naming the field path,
//! never the value.
pub mod address;
pub mod country;
pub mod date_of_birth;
pub mod email;
pub mod gender;
pub mod language;
pub mod name;
pub mod patient;
pub mod phone;
pub mod postal_code;
#[cfg(test)]
mod properties;
pub mod text;

use patient_api::types::Nullable;

use crate::error::FieldError;

/// The value of `result`, or `None` with its error added to `errors`: lets a parser report
/// every problem of a request at once.
pub fn keep<T>(errors: &mut Vec<FieldError>, result: Result<T, FieldError>) -> Option<T> {
    result.map_err(|e| errors.push(e)).ok()
}

/// The value of an optional, nullable field: absent and `null` both mean "none".
fn present<T>(field: &Option<Nullable<T>>) -> Option<&T> {
    match field {
        Some(Nullable::Present(value)) => Some(value),
        _ => None,
    }
}
