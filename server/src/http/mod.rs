//! Cross-cutting HTTP layers that wrap the generated router.
pub mod access_log;
pub mod error_body;
pub mod error_log;
pub mod internal_routes;
pub mod load_shed;
pub mod operation;
pub mod rate_limit;
pub mod request_id;
pub mod request_metrics;
pub mod request_validation;
pub mod route;
pub mod serve;
pub mod server_span;
pub mod strict_json;
