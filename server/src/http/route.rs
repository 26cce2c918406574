//! What routing decided about a request, carried on the response to the layers outside the
//! router (logs, metrics): the matched route template and the one patient the request
//! addresses. Also names the server span after the route.
use axum::{
    extract::{MatchedPath, RawPathParams, Request, rejection::RawPathParamsRejection},
    middleware::Next,
    response::Response,
};
use http::{Method, StatusCode, header};
use uuid::Uuid;

use super::server_span::ServerSpan;
use crate::contract::contract;

/// The path parameter that names a patient (the API's only path parameter).
const PATIENT_ID: &str = "patient_id";

/// The matched route template in its public form.
#[derive(Debug, Clone)]
pub struct RouteTemplate(pub String);

/// The patient a request addressed: its route's `{patient_id}`, or the patient a create made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AddressedPatient(pub Uuid);

/// Route layer (inside the router): records which template matched and which patient the
/// request addresses. A path value that is no UUID is no patient id and is never recorded:
/// it could be anything a client typed.
pub async fn record_route(
    matched: Option<MatchedPath>,
    params: Result<RawPathParams, RawPathParamsRejection>,
    request: Request,
    next: Next,
) -> Response {
    let route = matched.map(|m| contract().public_path(m.as_str()).to_owned());
    let addressed = params.ok().and_then(|params| {
        params.iter().find(|(name, _)| *name == PATIENT_ID).and_then(|(_, value)| Uuid::parse_str(value).ok())
    });
    if let (Some(route), Some(span)) = (&route, request.extensions().get::<ServerSpan>()) {
        span.name_after_route(method_label(request.method()), route);
    }
    let mut response = next.run(request).await;
    if let Some(patient) = addressed.or_else(|| created_patient(&response)) {
        response.extensions_mut().insert(AddressedPatient(patient));
    }
    if let Some(route) = route {
        response.extensions_mut().insert(RouteTemplate(route));
    }
    response
}

/// A `201 Created`'s `Location` names the new patient.
fn created_patient(response: &Response) -> Option<Uuid> {
    if response.status() != StatusCode::CREATED {
        return None;
    }
    let location = response.headers().get(header::LOCATION)?.to_str().ok()?;
    Uuid::parse_str(location.rsplit('/').next()?).ok()
}

/// The route to log or label a response with: its template, or `unmatched`.
pub fn route_of(response: &Response) -> &str {
    response.extensions().get::<RouteTemplate>().map_or("unmatched", |r| r.0.as_str())
}

pub fn patient_of(response: &Response) -> Option<Uuid> {
    response.extensions().get::<AddressedPatient>().map(|p| p.0)
}

/// A bounded name for a method (clients may send any token): the standard methods, else
/// `_OTHER` (OpenTelemetry's convention).
pub fn method_label(method: &Method) -> &'static str {
    match *method {
        Method::GET => "GET",
        Method::HEAD => "HEAD",
        Method::POST => "POST",
        Method::PUT => "PUT",
        Method::DELETE => "DELETE",
        Method::PATCH => "PATCH",
        Method::OPTIONS => "OPTIONS",
        Method::TRACE => "TRACE",
        Method::CONNECT => "CONNECT",
        _ => "_OTHER",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_methods_get_one_label() {
        assert_eq!(method_label(&Method::PUT), "PUT");
        assert_eq!(method_label(&Method::from_bytes(b"MARIA").unwrap()), "_OTHER");
    }

    #[test]
    fn a_creates_location_names_the_patient() {
        let id = Uuid::new_v4();
        let mut response = Response::new(axum::body::Body::empty());
        *response.status_mut() = StatusCode::CREATED;
        response.headers_mut().insert(header::LOCATION, format!("/api/v1/patients/{id}").parse().unwrap());
        assert_eq!(created_patient(&response), Some(id));
        *response.status_mut() = StatusCode::OK;
        assert_eq!(created_patient(&response), None);
    }
}
