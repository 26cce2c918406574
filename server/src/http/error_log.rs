//! Logs what went wrong behind a 5xx, once, with the ids of the access log line (request,
//! trace, span), the actor, route and addressed patient: the error type attaches an
//! [`ErrorReport`] to the response and never logs by itself. Reports name error kinds
//! (SQLSTATE, constraint), never request data.
use axum::{extract::Request, middleware::Next, response::Response};

use super::access_log::{LogFields, RequestContext};
use crate::error::ErrorReport;

pub async fn log_errors(request: Request, next: Next) -> Response {
    let context = RequestContext::of(&request);
    let response = next.run(request).await;
    let Some(ErrorReport(report)) = response.extensions().get::<ErrorReport>() else { return response };
    let LogFields { request_id, trace_id, span_id, actor, method, route, patient_id, status } =
        context.fields(&response);
    let (trace_id, span_id, patient_id) = (trace_id.as_deref(), span_id.as_deref(), patient_id.as_deref());
    if status == 503 {
        tracing::warn!(request_id, trace_id, span_id, actor, %method, route, patient_id, status, error = %report, "request failed: service unavailable");
    } else {
        tracing::error!(request_id, trace_id, span_id, actor, %method, route, patient_id, status, error = %report, "request failed with an internal error");
    }
    response
}
