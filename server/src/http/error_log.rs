//! Logs what went wrong behind a 5xx, once, with the request's id and route: the error type
//! attaches an [`ErrorReport`] to the response and never logs by itself. Reports name error
//! kinds (SQLSTATE, constraint), never request data.
use axum::{extract::Request, middleware::Next, response::Response};

use super::{access_log::route_of, request_id::RequestId};
use crate::error::ErrorReport;

pub async fn log_errors(request: Request, next: Next) -> Response {
    let method = request.method().clone();
    let request_id = request.extensions().get::<RequestId>().map(|id| id.0.clone()).unwrap_or_default();
    let response = next.run(request).await;
    if let Some(ErrorReport(report)) = response.extensions().get::<ErrorReport>() {
        let route = route_of(&response);
        let status = response.status().as_u16();
        if response.status().as_u16() == 503 {
            tracing::warn!(request_id, %method, route, status, error = %report, "request failed: service unavailable");
        } else {
            tracing::error!(request_id, %method, route, status, error = %report, "request failed with an internal error");
        }
    }
    response
}
