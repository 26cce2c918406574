//! Cross-cutting HTTP layers that wrap the generated router.
pub mod access_log;
pub mod error_body;
pub mod error_log;
pub mod internal_routes;
pub mod operation;
pub mod request_id;
pub mod request_metrics;
pub mod request_validation;
pub mod route;
pub mod server_span;
