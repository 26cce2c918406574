//! Cross-cutting HTTP layers that wrap the generated router.
pub mod access_log;
pub mod error_body;
pub mod request_id;
pub mod restore_path;
pub mod unknown_fields;
