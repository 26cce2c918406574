//! Which contract operation a routed request is for, resolved once per request (a route
//! layer) and handed to the layers after it as [`CurrentOperation`].
use axum::{
    extract::{MatchedPath, Request},
    middleware::Next,
    response::{IntoResponse, Response},
};

use crate::{
    contract::{Operation, Routed, contract},
    error::ApiError,
};

/// The operation of the current request, as a request extension.
#[derive(Debug, Clone, Copy)]
pub struct CurrentOperation(pub &'static Operation);

pub async fn resolve_operation(matched: Option<MatchedPath>, mut request: Request, next: Next) -> Response {
    let Some(matched) = matched else { return next.run(request).await };
    match contract().routed(request.method(), matched.as_str()) {
        Routed::Operation(operation) => {
            request.extensions_mut().insert(CurrentOperation(operation));
            next.run(request).await
        }
        // The router answers 405 with the allowed methods.
        Routed::OtherMethod => next.run(request).await,
        // An API route the contract does not know would be served without authentication or
        // validation: refuse it instead (this is a build defect, never a client's fault).
        Routed::NotInContract if matched.as_str().starts_with("/api/") => {
            ApiError::internal(format!("route {} is not in the contract", matched.as_str())).into_response()
        }
        Routed::NotInContract => next.run(request).await,
    }
}
