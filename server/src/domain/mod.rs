//! Domain types that can only hold valid, normalized values ("parse, don't validate").
//!
//! Each constructor normalizes once and returns the reasons a value is rejected as
//! [`FieldError`](crate::error::FieldError)s naming the field path, never the value.
pub mod address;
pub mod email;
pub mod language;
pub mod name;
pub mod patient;
pub mod phone;
pub mod postal_code;
#[cfg(test)]
mod properties;
