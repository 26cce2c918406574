use std::collections::HashMap;

use axum::{body::Body, extract::*, response::Response, routing::*};
use axum_extra::{
    TypedHeader,
    extract::{CookieJar, Query as QueryExtra},
};
use bytes::Bytes;
use headers::Host;
use http::{HeaderMap, HeaderName, HeaderValue, Method, StatusCode, header::CONTENT_TYPE};
use tracing::error;
use validator::{Validate, ValidationErrors};

#[allow(unused_imports)]
use crate::{apis, models};
use crate::{header, types::*};
#[allow(unused_imports)]
use crate::{
    models::check_xss_map, models::check_xss_map_nested, models::check_xss_map_string,
    models::check_xss_string, models::check_xss_vec_string,
};


/// Setup API Server.
///
/// Template override (openapi/templates/server-route.mustache): one `.route()` per operation,
/// so an operation can name its router path with `x-internal-route` when the public path is
/// one axum's router cannot express (`/{patient_id}:restore`: one parameter per segment).
/// The server rewrites the public path to the internal one before routing.
pub fn new<I, A, E, C>(api_impl: I) -> Router
where
    I: AsRef<A> + Clone + Send + Sync + 'static,
    A: apis::audit::Audit<E, Claims = C> + apis::fhir::Fhir<E, Claims = C> + apis::health::Health<E> + apis::patients::Patients<E, Claims = C> + apis::ApiKeyAuthHeader<Claims = C> + apis::ApiAuthBasic<Claims = C> + Send + Sync + 'static,
    E: std::fmt::Debug + Send + Sync + 'static,
    C: Send + Sync + 'static,
{
    Router::new()
        .route("/api/v1/patients",
            get(list_patients::<I, A, E, C>)
        )
        .route("/api/v1/patients",
            post(create_patient::<I, A, E, C>)
        )
        .route("/api/v1/patients/{patient_id}",
            delete(delete_patient::<I, A, E, C>)
        )
        .route("/api/v1/patients/{patient_id}",
            get(get_patient::<I, A, E, C>)
        )
        .route("/api/v1/patients/{patient_id}",
            put(replace_patient::<I, A, E, C>)
        )
        .route("/api/v1/patients/{patient_id}/audit",
            get(list_patient_audit::<I, A, E, C>)
        )
        .route("/api/v1/patients/{patient_id}/fhir",
            get(get_patient_fhir::<I, A, E, C>)
        )
        .route("/api/v1/patients/{patient_id}/restore",
            post(restore_patient::<I, A, E, C>)
        )
        .route("/api/v1/patient-search",
            post(search_patients::<I, A, E, C>)
        )
        .route("/healthz",
            get(get_healthz::<I, A, E>)
        )
        .route("/readyz",
            get(get_readyz::<I, A, E>)
        )
        .with_state(api_impl)
}

/// ListPatientAudit - GET /api/v1/patients/{patient_id}/audit
#[tracing::instrument(skip_all)]
async fn list_patient_audit<I, A, E, C>(
  method: Method,
  TypedHeader(host): TypedHeader<Host>,
  cookies: CookieJar,
  headers: HeaderMap,
  Path(path_params): Path<models::ListPatientAuditPathParams>,
  QueryExtra(query_params): QueryExtra<models::ListPatientAuditQueryParams>,
 State(api_impl): State<I>,
) -> Result<Response, StatusCode>
where
    I: AsRef<A> + Send + Sync,
    A: apis::audit::Audit<E, Claims = C>+ apis::ApiKeyAuthHeader<Claims = C>+ apis::ApiAuthBasic<Claims = C> + Send + Sync,
    E: std::fmt::Debug + Send + Sync + 'static,
        {


    // Authentication
    let claims_in_header = api_impl.as_ref().extract_claims_from_header(&headers, "X-API-Key").await;
    let claims_in_auth_header = api_impl.as_ref().extract_claims_from_auth_header(apis::BasicAuthKind::Bearer, &headers, "authorization").await;
    let claims = None
              .or(claims_in_header)
             .or(claims_in_auth_header)
          ;
    let Some(claims) = claims else {
        return response_with_status_code_only(StatusCode::UNAUTHORIZED);
    };

    // Header parameters
    let header_params = {
                let header_x_request_id = headers.get(HeaderName::from_static("x-request-id"));

                let header_x_request_id = match header_x_request_id {
                    Some(v) => match header::IntoHeaderValue::<String>::try_from((*v).clone()) {
                        Ok(result) =>
                            Some(result.0),
                        Err(err) => {
                            return Response::builder()
                                        .status(StatusCode::BAD_REQUEST)
                                        .body(Body::from(format!("Invalid header X-Request-Id - {err}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });

                        },
                    },
                    None => {
                        None
                    }
                };

       models::ListPatientAuditHeaderParams {
          x_request_id: header_x_request_id,
       }
  };





  let result = api_impl.as_ref().list_patient_audit(
      
      &method,
      &host,
      &cookies,
        &claims,
        &header_params,
        &path_params,
        &query_params,
  ).await;

  let resp = match result {
                                            Ok(rsp) => match rsp {
                                                apis::audit::ListPatientAuditResponse::Status200_OnePageOfThePatient
                                                    {
                                                        body,
                                                        x_request_id
                                                    }
                                                => {
                                                let mut response = Response::builder();
                     {
                        let x_request_id = match header::IntoHeaderValue(x_request_id).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Response::builder()
                                        .status(StatusCode::INTERNAL_SERVER_ERROR)
                                        .body(Body::from(format!("An internal server error occurred handling x_request_id header - {e}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });
                            }
                        };

                        let mut response_headers = response.headers_mut().unwrap();
                        response_headers.insert(
                              HeaderName::from_static("x-request-id"),
                              x_request_id
                        );
                    }
                                                  let mut response = response.status(200);
                                                  {
                                                    let mut response_headers = response.headers_mut().unwrap();
                                                    response_headers.insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                  }

                                                  let body_content =
                                                      serde_json::to_vec(&body).map_err(|e| {
                                                        error!(error = ?e);
                                                        StatusCode::INTERNAL_SERVER_ERROR
                                                      })?;
                                                  response.body(Body::from(body_content))
                                                },
                                                apis::audit::ListPatientAuditResponse::Status400_BadRequest
                                                    {
                                                        body,
                                                        x_request_id
                                                    }
                                                => {
                                                let mut response = Response::builder();
                     {
                        let x_request_id = match header::IntoHeaderValue(x_request_id).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Response::builder()
                                        .status(StatusCode::INTERNAL_SERVER_ERROR)
                                        .body(Body::from(format!("An internal server error occurred handling x_request_id header - {e}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });
                            }
                        };

                        let mut response_headers = response.headers_mut().unwrap();
                        response_headers.insert(
                              HeaderName::from_static("x-request-id"),
                              x_request_id
                        );
                    }
                                                  let mut response = response.status(400);
                                                  {
                                                    let mut response_headers = response.headers_mut().unwrap();
                                                    response_headers.insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                  }

                                                  let body_content =
                                                      serde_json::to_vec(&body).map_err(|e| {
                                                        error!(error = ?e);
                                                        StatusCode::INTERNAL_SERVER_ERROR
                                                      })?;
                                                  response.body(Body::from(body_content))
                                                },
                                                apis::audit::ListPatientAuditResponse::Status401_Unauthorized
                                                    {
                                                        body,
                                                        www_authenticate,
                                                        x_request_id
                                                    }
                                                => {
                                                let mut response = Response::builder();
                     {
                        let www_authenticate = match header::IntoHeaderValue(www_authenticate).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Response::builder()
                                        .status(StatusCode::INTERNAL_SERVER_ERROR)
                                        .body(Body::from(format!("An internal server error occurred handling www_authenticate header - {e}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });
                            }
                        };

                        let mut response_headers = response.headers_mut().unwrap();
                        response_headers.insert(
                              HeaderName::from_static("www-authenticate"),
                              www_authenticate
                        );
                    }
                     {
                        let x_request_id = match header::IntoHeaderValue(x_request_id).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Response::builder()
                                        .status(StatusCode::INTERNAL_SERVER_ERROR)
                                        .body(Body::from(format!("An internal server error occurred handling x_request_id header - {e}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });
                            }
                        };

                        let mut response_headers = response.headers_mut().unwrap();
                        response_headers.insert(
                              HeaderName::from_static("x-request-id"),
                              x_request_id
                        );
                    }
                                                  let mut response = response.status(401);
                                                  {
                                                    let mut response_headers = response.headers_mut().unwrap();
                                                    response_headers.insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                  }

                                                  let body_content =
                                                      serde_json::to_vec(&body).map_err(|e| {
                                                        error!(error = ?e);
                                                        StatusCode::INTERNAL_SERVER_ERROR
                                                      })?;
                                                  response.body(Body::from(body_content))
                                                },
                                                apis::audit::ListPatientAuditResponse::Status403_Forbidden
                                                    {
                                                        body,
                                                        x_request_id
                                                    }
                                                => {
                                                let mut response = Response::builder();
                     {
                        let x_request_id = match header::IntoHeaderValue(x_request_id).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Response::builder()
                                        .status(StatusCode::INTERNAL_SERVER_ERROR)
                                        .body(Body::from(format!("An internal server error occurred handling x_request_id header - {e}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });
                            }
                        };

                        let mut response_headers = response.headers_mut().unwrap();
                        response_headers.insert(
                              HeaderName::from_static("x-request-id"),
                              x_request_id
                        );
                    }
                                                  let mut response = response.status(403);
                                                  {
                                                    let mut response_headers = response.headers_mut().unwrap();
                                                    response_headers.insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                  }

                                                  let body_content =
                                                      serde_json::to_vec(&body).map_err(|e| {
                                                        error!(error = ?e);
                                                        StatusCode::INTERNAL_SERVER_ERROR
                                                      })?;
                                                  response.body(Body::from(body_content))
                                                },
                                                apis::audit::ListPatientAuditResponse::Status404_NotFound
                                                    {
                                                        body,
                                                        x_request_id
                                                    }
                                                => {
                                                let mut response = Response::builder();
                     {
                        let x_request_id = match header::IntoHeaderValue(x_request_id).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Response::builder()
                                        .status(StatusCode::INTERNAL_SERVER_ERROR)
                                        .body(Body::from(format!("An internal server error occurred handling x_request_id header - {e}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });
                            }
                        };

                        let mut response_headers = response.headers_mut().unwrap();
                        response_headers.insert(
                              HeaderName::from_static("x-request-id"),
                              x_request_id
                        );
                    }
                                                  let mut response = response.status(404);
                                                  {
                                                    let mut response_headers = response.headers_mut().unwrap();
                                                    response_headers.insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                  }

                                                  let body_content =
                                                      serde_json::to_vec(&body).map_err(|e| {
                                                        error!(error = ?e);
                                                        StatusCode::INTERNAL_SERVER_ERROR
                                                      })?;
                                                  response.body(Body::from(body_content))
                                                },
                                                apis::audit::ListPatientAuditResponse::Status429_TooManyRequests
                                                    {
                                                        body,
                                                        retry_after,
                                                        x_request_id
                                                    }
                                                => {
                                                let mut response = Response::builder();
                    if let Some(retry_after) = retry_after {
                        let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Response::builder()
                                        .status(StatusCode::INTERNAL_SERVER_ERROR)
                                        .body(Body::from(format!("An internal server error occurred handling retry_after header - {e}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });
                            }
                        };

                        let mut response_headers = response.headers_mut().unwrap();
                        response_headers.insert(
                              HeaderName::from_static("retry-after"),
                              retry_after
                        );
                    }
                     {
                        let x_request_id = match header::IntoHeaderValue(x_request_id).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Response::builder()
                                        .status(StatusCode::INTERNAL_SERVER_ERROR)
                                        .body(Body::from(format!("An internal server error occurred handling x_request_id header - {e}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });
                            }
                        };

                        let mut response_headers = response.headers_mut().unwrap();
                        response_headers.insert(
                              HeaderName::from_static("x-request-id"),
                              x_request_id
                        );
                    }
                                                  let mut response = response.status(429);
                                                  {
                                                    let mut response_headers = response.headers_mut().unwrap();
                                                    response_headers.insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                  }

                                                  let body_content =
                                                      serde_json::to_vec(&body).map_err(|e| {
                                                        error!(error = ?e);
                                                        StatusCode::INTERNAL_SERVER_ERROR
                                                      })?;
                                                  response.body(Body::from(body_content))
                                                },
                                                apis::audit::ListPatientAuditResponse::Status500_InternalError
                                                    {
                                                        body,
                                                        x_request_id
                                                    }
                                                => {
                                                let mut response = Response::builder();
                     {
                        let x_request_id = match header::IntoHeaderValue(x_request_id).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Response::builder()
                                        .status(StatusCode::INTERNAL_SERVER_ERROR)
                                        .body(Body::from(format!("An internal server error occurred handling x_request_id header - {e}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });
                            }
                        };

                        let mut response_headers = response.headers_mut().unwrap();
                        response_headers.insert(
                              HeaderName::from_static("x-request-id"),
                              x_request_id
                        );
                    }
                                                  let mut response = response.status(500);
                                                  {
                                                    let mut response_headers = response.headers_mut().unwrap();
                                                    response_headers.insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                  }

                                                  let body_content =
                                                      serde_json::to_vec(&body).map_err(|e| {
                                                        error!(error = ?e);
                                                        StatusCode::INTERNAL_SERVER_ERROR
                                                      })?;
                                                  response.body(Body::from(body_content))
                                                },
                                                apis::audit::ListPatientAuditResponse::Status503_ServiceUnavailable
                                                    {
                                                        body,
                                                        retry_after,
                                                        x_request_id
                                                    }
                                                => {
                                                let mut response = Response::builder();
                    if let Some(retry_after) = retry_after {
                        let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Response::builder()
                                        .status(StatusCode::INTERNAL_SERVER_ERROR)
                                        .body(Body::from(format!("An internal server error occurred handling retry_after header - {e}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });
                            }
                        };

                        let mut response_headers = response.headers_mut().unwrap();
                        response_headers.insert(
                              HeaderName::from_static("retry-after"),
                              retry_after
                        );
                    }
                     {
                        let x_request_id = match header::IntoHeaderValue(x_request_id).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Response::builder()
                                        .status(StatusCode::INTERNAL_SERVER_ERROR)
                                        .body(Body::from(format!("An internal server error occurred handling x_request_id header - {e}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });
                            }
                        };

                        let mut response_headers = response.headers_mut().unwrap();
                        response_headers.insert(
                              HeaderName::from_static("x-request-id"),
                              x_request_id
                        );
                    }
                                                  let mut response = response.status(503);
                                                  {
                                                    let mut response_headers = response.headers_mut().unwrap();
                                                    response_headers.insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                  }

                                                  let body_content =
                                                      serde_json::to_vec(&body).map_err(|e| {
                                                        error!(error = ?e);
                                                        StatusCode::INTERNAL_SERVER_ERROR
                                                      })?;
                                                  response.body(Body::from(body_content))
                                                },
                                            },
                                            Err(why) => {
                                                    // Application code returned an error. This should not happen, as the implementation should
                                                    // return a valid response.
                                                    return api_impl.as_ref().handle_error(&method, &host, &cookies, why).await;
                                            },
                                        };


                                        resp.map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR })
}

/// GetPatientFhir - GET /api/v1/patients/{patient_id}/fhir
#[tracing::instrument(skip_all)]
async fn get_patient_fhir<I, A, E, C>(
  method: Method,
  TypedHeader(host): TypedHeader<Host>,
  cookies: CookieJar,
  headers: HeaderMap,
  Path(path_params): Path<models::GetPatientFhirPathParams>,
 State(api_impl): State<I>,
) -> Result<Response, StatusCode>
where
    I: AsRef<A> + Send + Sync,
    A: apis::fhir::Fhir<E, Claims = C>+ apis::ApiKeyAuthHeader<Claims = C>+ apis::ApiAuthBasic<Claims = C> + Send + Sync,
    E: std::fmt::Debug + Send + Sync + 'static,
        {


    // Authentication
    let claims_in_header = api_impl.as_ref().extract_claims_from_header(&headers, "X-API-Key").await;
    let claims_in_auth_header = api_impl.as_ref().extract_claims_from_auth_header(apis::BasicAuthKind::Bearer, &headers, "authorization").await;
    let claims = None
              .or(claims_in_header)
             .or(claims_in_auth_header)
          ;
    let Some(claims) = claims else {
        return response_with_status_code_only(StatusCode::UNAUTHORIZED);
    };

    // Header parameters
    let header_params = {
                let header_x_request_id = headers.get(HeaderName::from_static("x-request-id"));

                let header_x_request_id = match header_x_request_id {
                    Some(v) => match header::IntoHeaderValue::<String>::try_from((*v).clone()) {
                        Ok(result) =>
                            Some(result.0),
                        Err(err) => {
                            return Response::builder()
                                        .status(StatusCode::BAD_REQUEST)
                                        .body(Body::from(format!("Invalid header X-Request-Id - {err}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });

                        },
                    },
                    None => {
                        None
                    }
                };

       models::GetPatientFhirHeaderParams {
          x_request_id: header_x_request_id,
       }
  };





  let result = api_impl.as_ref().get_patient_fhir(
      
      &method,
      &host,
      &cookies,
        &claims,
        &header_params,
        &path_params,
  ).await;

  let resp = match result {
                                            Ok(rsp) => match rsp {
                                                apis::fhir::GetPatientFhirResponse::Status200_TheFHIRPatientResource
                                                    {
                                                        body,
                                                        e_tag,
                                                        x_request_id
                                                    }
                                                => {
                                                let mut response = Response::builder();
                     {
                        let e_tag = match header::IntoHeaderValue(e_tag).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Response::builder()
                                        .status(StatusCode::INTERNAL_SERVER_ERROR)
                                        .body(Body::from(format!("An internal server error occurred handling e_tag header - {e}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });
                            }
                        };

                        let mut response_headers = response.headers_mut().unwrap();
                        response_headers.insert(
                              HeaderName::from_static("etag"),
                              e_tag
                        );
                    }
                     {
                        let x_request_id = match header::IntoHeaderValue(x_request_id).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Response::builder()
                                        .status(StatusCode::INTERNAL_SERVER_ERROR)
                                        .body(Body::from(format!("An internal server error occurred handling x_request_id header - {e}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });
                            }
                        };

                        let mut response_headers = response.headers_mut().unwrap();
                        response_headers.insert(
                              HeaderName::from_static("x-request-id"),
                              x_request_id
                        );
                    }
                                                  let mut response = response.status(200);
                                                  {
                                                    let mut response_headers = response.headers_mut().unwrap();
                                                    response_headers.insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/fhir+json"));
                                                  }

                                                  let body_content = body;
                                                  response.body(Body::from(body_content))
                                                },
                                                apis::fhir::GetPatientFhirResponse::Status400_BadRequest
                                                    {
                                                        body,
                                                        x_request_id
                                                    }
                                                => {
                                                let mut response = Response::builder();
                     {
                        let x_request_id = match header::IntoHeaderValue(x_request_id).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Response::builder()
                                        .status(StatusCode::INTERNAL_SERVER_ERROR)
                                        .body(Body::from(format!("An internal server error occurred handling x_request_id header - {e}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });
                            }
                        };

                        let mut response_headers = response.headers_mut().unwrap();
                        response_headers.insert(
                              HeaderName::from_static("x-request-id"),
                              x_request_id
                        );
                    }
                                                  let mut response = response.status(400);
                                                  {
                                                    let mut response_headers = response.headers_mut().unwrap();
                                                    response_headers.insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                  }

                                                  let body_content =
                                                      serde_json::to_vec(&body).map_err(|e| {
                                                        error!(error = ?e);
                                                        StatusCode::INTERNAL_SERVER_ERROR
                                                      })?;
                                                  response.body(Body::from(body_content))
                                                },
                                                apis::fhir::GetPatientFhirResponse::Status401_Unauthorized
                                                    {
                                                        body,
                                                        www_authenticate,
                                                        x_request_id
                                                    }
                                                => {
                                                let mut response = Response::builder();
                     {
                        let www_authenticate = match header::IntoHeaderValue(www_authenticate).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Response::builder()
                                        .status(StatusCode::INTERNAL_SERVER_ERROR)
                                        .body(Body::from(format!("An internal server error occurred handling www_authenticate header - {e}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });
                            }
                        };

                        let mut response_headers = response.headers_mut().unwrap();
                        response_headers.insert(
                              HeaderName::from_static("www-authenticate"),
                              www_authenticate
                        );
                    }
                     {
                        let x_request_id = match header::IntoHeaderValue(x_request_id).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Response::builder()
                                        .status(StatusCode::INTERNAL_SERVER_ERROR)
                                        .body(Body::from(format!("An internal server error occurred handling x_request_id header - {e}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });
                            }
                        };

                        let mut response_headers = response.headers_mut().unwrap();
                        response_headers.insert(
                              HeaderName::from_static("x-request-id"),
                              x_request_id
                        );
                    }
                                                  let mut response = response.status(401);
                                                  {
                                                    let mut response_headers = response.headers_mut().unwrap();
                                                    response_headers.insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                  }

                                                  let body_content =
                                                      serde_json::to_vec(&body).map_err(|e| {
                                                        error!(error = ?e);
                                                        StatusCode::INTERNAL_SERVER_ERROR
                                                      })?;
                                                  response.body(Body::from(body_content))
                                                },
                                                apis::fhir::GetPatientFhirResponse::Status403_Forbidden
                                                    {
                                                        body,
                                                        x_request_id
                                                    }
                                                => {
                                                let mut response = Response::builder();
                     {
                        let x_request_id = match header::IntoHeaderValue(x_request_id).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Response::builder()
                                        .status(StatusCode::INTERNAL_SERVER_ERROR)
                                        .body(Body::from(format!("An internal server error occurred handling x_request_id header - {e}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });
                            }
                        };

                        let mut response_headers = response.headers_mut().unwrap();
                        response_headers.insert(
                              HeaderName::from_static("x-request-id"),
                              x_request_id
                        );
                    }
                                                  let mut response = response.status(403);
                                                  {
                                                    let mut response_headers = response.headers_mut().unwrap();
                                                    response_headers.insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                  }

                                                  let body_content =
                                                      serde_json::to_vec(&body).map_err(|e| {
                                                        error!(error = ?e);
                                                        StatusCode::INTERNAL_SERVER_ERROR
                                                      })?;
                                                  response.body(Body::from(body_content))
                                                },
                                                apis::fhir::GetPatientFhirResponse::Status404_NotFound
                                                    {
                                                        body,
                                                        x_request_id
                                                    }
                                                => {
                                                let mut response = Response::builder();
                     {
                        let x_request_id = match header::IntoHeaderValue(x_request_id).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Response::builder()
                                        .status(StatusCode::INTERNAL_SERVER_ERROR)
                                        .body(Body::from(format!("An internal server error occurred handling x_request_id header - {e}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });
                            }
                        };

                        let mut response_headers = response.headers_mut().unwrap();
                        response_headers.insert(
                              HeaderName::from_static("x-request-id"),
                              x_request_id
                        );
                    }
                                                  let mut response = response.status(404);
                                                  {
                                                    let mut response_headers = response.headers_mut().unwrap();
                                                    response_headers.insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                  }

                                                  let body_content =
                                                      serde_json::to_vec(&body).map_err(|e| {
                                                        error!(error = ?e);
                                                        StatusCode::INTERNAL_SERVER_ERROR
                                                      })?;
                                                  response.body(Body::from(body_content))
                                                },
                                                apis::fhir::GetPatientFhirResponse::Status429_TooManyRequests
                                                    {
                                                        body,
                                                        retry_after,
                                                        x_request_id
                                                    }
                                                => {
                                                let mut response = Response::builder();
                    if let Some(retry_after) = retry_after {
                        let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Response::builder()
                                        .status(StatusCode::INTERNAL_SERVER_ERROR)
                                        .body(Body::from(format!("An internal server error occurred handling retry_after header - {e}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });
                            }
                        };

                        let mut response_headers = response.headers_mut().unwrap();
                        response_headers.insert(
                              HeaderName::from_static("retry-after"),
                              retry_after
                        );
                    }
                     {
                        let x_request_id = match header::IntoHeaderValue(x_request_id).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Response::builder()
                                        .status(StatusCode::INTERNAL_SERVER_ERROR)
                                        .body(Body::from(format!("An internal server error occurred handling x_request_id header - {e}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });
                            }
                        };

                        let mut response_headers = response.headers_mut().unwrap();
                        response_headers.insert(
                              HeaderName::from_static("x-request-id"),
                              x_request_id
                        );
                    }
                                                  let mut response = response.status(429);
                                                  {
                                                    let mut response_headers = response.headers_mut().unwrap();
                                                    response_headers.insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                  }

                                                  let body_content =
                                                      serde_json::to_vec(&body).map_err(|e| {
                                                        error!(error = ?e);
                                                        StatusCode::INTERNAL_SERVER_ERROR
                                                      })?;
                                                  response.body(Body::from(body_content))
                                                },
                                                apis::fhir::GetPatientFhirResponse::Status500_InternalError
                                                    {
                                                        body,
                                                        x_request_id
                                                    }
                                                => {
                                                let mut response = Response::builder();
                     {
                        let x_request_id = match header::IntoHeaderValue(x_request_id).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Response::builder()
                                        .status(StatusCode::INTERNAL_SERVER_ERROR)
                                        .body(Body::from(format!("An internal server error occurred handling x_request_id header - {e}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });
                            }
                        };

                        let mut response_headers = response.headers_mut().unwrap();
                        response_headers.insert(
                              HeaderName::from_static("x-request-id"),
                              x_request_id
                        );
                    }
                                                  let mut response = response.status(500);
                                                  {
                                                    let mut response_headers = response.headers_mut().unwrap();
                                                    response_headers.insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                  }

                                                  let body_content =
                                                      serde_json::to_vec(&body).map_err(|e| {
                                                        error!(error = ?e);
                                                        StatusCode::INTERNAL_SERVER_ERROR
                                                      })?;
                                                  response.body(Body::from(body_content))
                                                },
                                                apis::fhir::GetPatientFhirResponse::Status503_ServiceUnavailable
                                                    {
                                                        body,
                                                        retry_after,
                                                        x_request_id
                                                    }
                                                => {
                                                let mut response = Response::builder();
                    if let Some(retry_after) = retry_after {
                        let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Response::builder()
                                        .status(StatusCode::INTERNAL_SERVER_ERROR)
                                        .body(Body::from(format!("An internal server error occurred handling retry_after header - {e}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });
                            }
                        };

                        let mut response_headers = response.headers_mut().unwrap();
                        response_headers.insert(
                              HeaderName::from_static("retry-after"),
                              retry_after
                        );
                    }
                     {
                        let x_request_id = match header::IntoHeaderValue(x_request_id).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Response::builder()
                                        .status(StatusCode::INTERNAL_SERVER_ERROR)
                                        .body(Body::from(format!("An internal server error occurred handling x_request_id header - {e}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });
                            }
                        };

                        let mut response_headers = response.headers_mut().unwrap();
                        response_headers.insert(
                              HeaderName::from_static("x-request-id"),
                              x_request_id
                        );
                    }
                                                  let mut response = response.status(503);
                                                  {
                                                    let mut response_headers = response.headers_mut().unwrap();
                                                    response_headers.insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                  }

                                                  let body_content =
                                                      serde_json::to_vec(&body).map_err(|e| {
                                                        error!(error = ?e);
                                                        StatusCode::INTERNAL_SERVER_ERROR
                                                      })?;
                                                  response.body(Body::from(body_content))
                                                },
                                            },
                                            Err(why) => {
                                                    // Application code returned an error. This should not happen, as the implementation should
                                                    // return a valid response.
                                                    return api_impl.as_ref().handle_error(&method, &host, &cookies, why).await;
                                            },
                                        };


                                        resp.map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR })
}

/// GetHealthz - GET /healthz
#[tracing::instrument(skip_all)]
async fn get_healthz<I, A, E>(
  method: Method,
  TypedHeader(host): TypedHeader<Host>,
  cookies: CookieJar,
  headers: HeaderMap,
 State(api_impl): State<I>,
) -> Result<Response, StatusCode>
where
    I: AsRef<A> + Send + Sync,
    A: apis::health::Health<E> + Send + Sync,
    E: std::fmt::Debug + Send + Sync + 'static,
        {



    // Header parameters
    let header_params = {
                let header_x_request_id = headers.get(HeaderName::from_static("x-request-id"));

                let header_x_request_id = match header_x_request_id {
                    Some(v) => match header::IntoHeaderValue::<String>::try_from((*v).clone()) {
                        Ok(result) =>
                            Some(result.0),
                        Err(err) => {
                            return Response::builder()
                                        .status(StatusCode::BAD_REQUEST)
                                        .body(Body::from(format!("Invalid header X-Request-Id - {err}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });

                        },
                    },
                    None => {
                        None
                    }
                };

       models::GetHealthzHeaderParams {
          x_request_id: header_x_request_id,
       }
  };





  let result = api_impl.as_ref().get_healthz(
      
      &method,
      &host,
      &cookies,
        &header_params,
  ).await;

  let resp = match result {
                                            Ok(rsp) => match rsp {
                                                apis::health::GetHealthzResponse::Status200_TheProcessIsAlive
                                                    {
                                                        body,
                                                        x_request_id
                                                    }
                                                => {
                                                let mut response = Response::builder();
                     {
                        let x_request_id = match header::IntoHeaderValue(x_request_id).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Response::builder()
                                        .status(StatusCode::INTERNAL_SERVER_ERROR)
                                        .body(Body::from(format!("An internal server error occurred handling x_request_id header - {e}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });
                            }
                        };

                        let mut response_headers = response.headers_mut().unwrap();
                        response_headers.insert(
                              HeaderName::from_static("x-request-id"),
                              x_request_id
                        );
                    }
                                                  let mut response = response.status(200);
                                                  {
                                                    let mut response_headers = response.headers_mut().unwrap();
                                                    response_headers.insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                  }

                                                  let body_content =
                                                      serde_json::to_vec(&body).map_err(|e| {
                                                        error!(error = ?e);
                                                        StatusCode::INTERNAL_SERVER_ERROR
                                                      })?;
                                                  response.body(Body::from(body_content))
                                                },
                                            },
                                            Err(why) => {
                                                    // Application code returned an error. This should not happen, as the implementation should
                                                    // return a valid response.
                                                    return api_impl.as_ref().handle_error(&method, &host, &cookies, why).await;
                                            },
                                        };


                                        resp.map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR })
}

/// GetReadyz - GET /readyz
#[tracing::instrument(skip_all)]
async fn get_readyz<I, A, E>(
  method: Method,
  TypedHeader(host): TypedHeader<Host>,
  cookies: CookieJar,
  headers: HeaderMap,
 State(api_impl): State<I>,
) -> Result<Response, StatusCode>
where
    I: AsRef<A> + Send + Sync,
    A: apis::health::Health<E> + Send + Sync,
    E: std::fmt::Debug + Send + Sync + 'static,
        {



    // Header parameters
    let header_params = {
                let header_x_request_id = headers.get(HeaderName::from_static("x-request-id"));

                let header_x_request_id = match header_x_request_id {
                    Some(v) => match header::IntoHeaderValue::<String>::try_from((*v).clone()) {
                        Ok(result) =>
                            Some(result.0),
                        Err(err) => {
                            return Response::builder()
                                        .status(StatusCode::BAD_REQUEST)
                                        .body(Body::from(format!("Invalid header X-Request-Id - {err}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });

                        },
                    },
                    None => {
                        None
                    }
                };

       models::GetReadyzHeaderParams {
          x_request_id: header_x_request_id,
       }
  };





  let result = api_impl.as_ref().get_readyz(
      
      &method,
      &host,
      &cookies,
        &header_params,
  ).await;

  let resp = match result {
                                            Ok(rsp) => match rsp {
                                                apis::health::GetReadyzResponse::Status200_ReadyToServeTraffic
                                                    {
                                                        body,
                                                        x_request_id
                                                    }
                                                => {
                                                let mut response = Response::builder();
                     {
                        let x_request_id = match header::IntoHeaderValue(x_request_id).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Response::builder()
                                        .status(StatusCode::INTERNAL_SERVER_ERROR)
                                        .body(Body::from(format!("An internal server error occurred handling x_request_id header - {e}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });
                            }
                        };

                        let mut response_headers = response.headers_mut().unwrap();
                        response_headers.insert(
                              HeaderName::from_static("x-request-id"),
                              x_request_id
                        );
                    }
                                                  let mut response = response.status(200);
                                                  {
                                                    let mut response_headers = response.headers_mut().unwrap();
                                                    response_headers.insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                  }

                                                  let body_content =
                                                      serde_json::to_vec(&body).map_err(|e| {
                                                        error!(error = ?e);
                                                        StatusCode::INTERNAL_SERVER_ERROR
                                                      })?;
                                                  response.body(Body::from(body_content))
                                                },
                                                apis::health::GetReadyzResponse::Status503_ServiceUnavailable
                                                    {
                                                        body,
                                                        retry_after,
                                                        x_request_id
                                                    }
                                                => {
                                                let mut response = Response::builder();
                    if let Some(retry_after) = retry_after {
                        let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Response::builder()
                                        .status(StatusCode::INTERNAL_SERVER_ERROR)
                                        .body(Body::from(format!("An internal server error occurred handling retry_after header - {e}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });
                            }
                        };

                        let mut response_headers = response.headers_mut().unwrap();
                        response_headers.insert(
                              HeaderName::from_static("retry-after"),
                              retry_after
                        );
                    }
                     {
                        let x_request_id = match header::IntoHeaderValue(x_request_id).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Response::builder()
                                        .status(StatusCode::INTERNAL_SERVER_ERROR)
                                        .body(Body::from(format!("An internal server error occurred handling x_request_id header - {e}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });
                            }
                        };

                        let mut response_headers = response.headers_mut().unwrap();
                        response_headers.insert(
                              HeaderName::from_static("x-request-id"),
                              x_request_id
                        );
                    }
                                                  let mut response = response.status(503);
                                                  {
                                                    let mut response_headers = response.headers_mut().unwrap();
                                                    response_headers.insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                  }

                                                  let body_content =
                                                      serde_json::to_vec(&body).map_err(|e| {
                                                        error!(error = ?e);
                                                        StatusCode::INTERNAL_SERVER_ERROR
                                                      })?;
                                                  response.body(Body::from(body_content))
                                                },
                                            },
                                            Err(why) => {
                                                    // Application code returned an error. This should not happen, as the implementation should
                                                    // return a valid response.
                                                    return api_impl.as_ref().handle_error(&method, &host, &cookies, why).await;
                                            },
                                        };


                                        resp.map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR })
}

/// CreatePatient - POST /api/v1/patients
#[tracing::instrument(skip_all)]
async fn create_patient<I, A, E, C>(
  method: Method,
  TypedHeader(host): TypedHeader<Host>,
  cookies: CookieJar,
  headers: HeaderMap,
 State(api_impl): State<I>,
          Json(body): Json<models::PatientInput>,
) -> Result<Response, StatusCode>
where
    I: AsRef<A> + Send + Sync,
    A: apis::patients::Patients<E, Claims = C>+ apis::ApiKeyAuthHeader<Claims = C>+ apis::ApiAuthBasic<Claims = C> + Send + Sync,
    E: std::fmt::Debug + Send + Sync + 'static,
        {


    // Authentication
    let claims_in_header = api_impl.as_ref().extract_claims_from_header(&headers, "X-API-Key").await;
    let claims_in_auth_header = api_impl.as_ref().extract_claims_from_auth_header(apis::BasicAuthKind::Bearer, &headers, "authorization").await;
    let claims = None
              .or(claims_in_header)
             .or(claims_in_auth_header)
          ;
    let Some(claims) = claims else {
        return response_with_status_code_only(StatusCode::UNAUTHORIZED);
    };

    // Header parameters
    let header_params = {
                let header_idempotency_key = headers.get(HeaderName::from_static("idempotency-key"));

                let header_idempotency_key = match header_idempotency_key {
                    Some(v) => match header::IntoHeaderValue::<String>::try_from((*v).clone()) {
                        Ok(result) =>
                            Some(result.0),
                        Err(err) => {
                            return Response::builder()
                                        .status(StatusCode::BAD_REQUEST)
                                        .body(Body::from(format!("Invalid header Idempotency-Key - {err}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });

                        },
                    },
                    None => {
                        None
                    }
                };
                let header_x_request_id = headers.get(HeaderName::from_static("x-request-id"));

                let header_x_request_id = match header_x_request_id {
                    Some(v) => match header::IntoHeaderValue::<String>::try_from((*v).clone()) {
                        Ok(result) =>
                            Some(result.0),
                        Err(err) => {
                            return Response::builder()
                                        .status(StatusCode::BAD_REQUEST)
                                        .body(Body::from(format!("Invalid header X-Request-Id - {err}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });

                        },
                    },
                    None => {
                        None
                    }
                };

       models::CreatePatientHeaderParams {
          idempotency_key: header_idempotency_key,
          x_request_id: header_x_request_id,
       }
  };





  let result = api_impl.as_ref().create_patient(
      
      &method,
      &host,
      &cookies,
        &claims,
        &header_params,
              &body,
  ).await;

  let resp = match result {
                                            Ok(rsp) => match rsp {
                                                apis::patients::CreatePatientResponse::Status201_Created
                                                    {
                                                        body,
                                                        e_tag,
                                                        location,
                                                        idempotent_replayed,
                                                        x_request_id
                                                    }
                                                => {
                                                let mut response = Response::builder();
                     {
                        let e_tag = match header::IntoHeaderValue(e_tag).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Response::builder()
                                        .status(StatusCode::INTERNAL_SERVER_ERROR)
                                        .body(Body::from(format!("An internal server error occurred handling e_tag header - {e}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });
                            }
                        };

                        let mut response_headers = response.headers_mut().unwrap();
                        response_headers.insert(
                              HeaderName::from_static("etag"),
                              e_tag
                        );
                    }
                     {
                        let location = match header::IntoHeaderValue(location).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Response::builder()
                                        .status(StatusCode::INTERNAL_SERVER_ERROR)
                                        .body(Body::from(format!("An internal server error occurred handling location header - {e}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });
                            }
                        };

                        let mut response_headers = response.headers_mut().unwrap();
                        response_headers.insert(
                              HeaderName::from_static("location"),
                              location
                        );
                    }
                    if let Some(idempotent_replayed) = idempotent_replayed {
                        let idempotent_replayed = match header::IntoHeaderValue(idempotent_replayed).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Response::builder()
                                        .status(StatusCode::INTERNAL_SERVER_ERROR)
                                        .body(Body::from(format!("An internal server error occurred handling idempotent_replayed header - {e}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });
                            }
                        };

                        let mut response_headers = response.headers_mut().unwrap();
                        response_headers.insert(
                              HeaderName::from_static("idempotent-replayed"),
                              idempotent_replayed
                        );
                    }
                     {
                        let x_request_id = match header::IntoHeaderValue(x_request_id).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Response::builder()
                                        .status(StatusCode::INTERNAL_SERVER_ERROR)
                                        .body(Body::from(format!("An internal server error occurred handling x_request_id header - {e}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });
                            }
                        };

                        let mut response_headers = response.headers_mut().unwrap();
                        response_headers.insert(
                              HeaderName::from_static("x-request-id"),
                              x_request_id
                        );
                    }
                                                  let mut response = response.status(201);
                                                  {
                                                    let mut response_headers = response.headers_mut().unwrap();
                                                    response_headers.insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                  }

                                                  let body_content =
                                                      serde_json::to_vec(&body).map_err(|e| {
                                                        error!(error = ?e);
                                                        StatusCode::INTERNAL_SERVER_ERROR
                                                      })?;
                                                  response.body(Body::from(body_content))
                                                },
                                                apis::patients::CreatePatientResponse::Status400_BadRequest
                                                    {
                                                        body,
                                                        x_request_id
                                                    }
                                                => {
                                                let mut response = Response::builder();
                     {
                        let x_request_id = match header::IntoHeaderValue(x_request_id).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Response::builder()
                                        .status(StatusCode::INTERNAL_SERVER_ERROR)
                                        .body(Body::from(format!("An internal server error occurred handling x_request_id header - {e}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });
                            }
                        };

                        let mut response_headers = response.headers_mut().unwrap();
                        response_headers.insert(
                              HeaderName::from_static("x-request-id"),
                              x_request_id
                        );
                    }
                                                  let mut response = response.status(400);
                                                  {
                                                    let mut response_headers = response.headers_mut().unwrap();
                                                    response_headers.insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                  }

                                                  let body_content =
                                                      serde_json::to_vec(&body).map_err(|e| {
                                                        error!(error = ?e);
                                                        StatusCode::INTERNAL_SERVER_ERROR
                                                      })?;
                                                  response.body(Body::from(body_content))
                                                },
                                                apis::patients::CreatePatientResponse::Status401_Unauthorized
                                                    {
                                                        body,
                                                        www_authenticate,
                                                        x_request_id
                                                    }
                                                => {
                                                let mut response = Response::builder();
                     {
                        let www_authenticate = match header::IntoHeaderValue(www_authenticate).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Response::builder()
                                        .status(StatusCode::INTERNAL_SERVER_ERROR)
                                        .body(Body::from(format!("An internal server error occurred handling www_authenticate header - {e}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });
                            }
                        };

                        let mut response_headers = response.headers_mut().unwrap();
                        response_headers.insert(
                              HeaderName::from_static("www-authenticate"),
                              www_authenticate
                        );
                    }
                     {
                        let x_request_id = match header::IntoHeaderValue(x_request_id).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Response::builder()
                                        .status(StatusCode::INTERNAL_SERVER_ERROR)
                                        .body(Body::from(format!("An internal server error occurred handling x_request_id header - {e}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });
                            }
                        };

                        let mut response_headers = response.headers_mut().unwrap();
                        response_headers.insert(
                              HeaderName::from_static("x-request-id"),
                              x_request_id
                        );
                    }
                                                  let mut response = response.status(401);
                                                  {
                                                    let mut response_headers = response.headers_mut().unwrap();
                                                    response_headers.insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                  }

                                                  let body_content =
                                                      serde_json::to_vec(&body).map_err(|e| {
                                                        error!(error = ?e);
                                                        StatusCode::INTERNAL_SERVER_ERROR
                                                      })?;
                                                  response.body(Body::from(body_content))
                                                },
                                                apis::patients::CreatePatientResponse::Status403_Forbidden
                                                    {
                                                        body,
                                                        x_request_id
                                                    }
                                                => {
                                                let mut response = Response::builder();
                     {
                        let x_request_id = match header::IntoHeaderValue(x_request_id).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Response::builder()
                                        .status(StatusCode::INTERNAL_SERVER_ERROR)
                                        .body(Body::from(format!("An internal server error occurred handling x_request_id header - {e}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });
                            }
                        };

                        let mut response_headers = response.headers_mut().unwrap();
                        response_headers.insert(
                              HeaderName::from_static("x-request-id"),
                              x_request_id
                        );
                    }
                                                  let mut response = response.status(403);
                                                  {
                                                    let mut response_headers = response.headers_mut().unwrap();
                                                    response_headers.insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                  }

                                                  let body_content =
                                                      serde_json::to_vec(&body).map_err(|e| {
                                                        error!(error = ?e);
                                                        StatusCode::INTERNAL_SERVER_ERROR
                                                      })?;
                                                  response.body(Body::from(body_content))
                                                },
                                                apis::patients::CreatePatientResponse::Status409_Conflict
                                                    {
                                                        body,
                                                        retry_after,
                                                        x_request_id
                                                    }
                                                => {
                                                let mut response = Response::builder();
                    if let Some(retry_after) = retry_after {
                        let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Response::builder()
                                        .status(StatusCode::INTERNAL_SERVER_ERROR)
                                        .body(Body::from(format!("An internal server error occurred handling retry_after header - {e}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });
                            }
                        };

                        let mut response_headers = response.headers_mut().unwrap();
                        response_headers.insert(
                              HeaderName::from_static("retry-after"),
                              retry_after
                        );
                    }
                     {
                        let x_request_id = match header::IntoHeaderValue(x_request_id).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Response::builder()
                                        .status(StatusCode::INTERNAL_SERVER_ERROR)
                                        .body(Body::from(format!("An internal server error occurred handling x_request_id header - {e}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });
                            }
                        };

                        let mut response_headers = response.headers_mut().unwrap();
                        response_headers.insert(
                              HeaderName::from_static("x-request-id"),
                              x_request_id
                        );
                    }
                                                  let mut response = response.status(409);
                                                  {
                                                    let mut response_headers = response.headers_mut().unwrap();
                                                    response_headers.insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                  }

                                                  let body_content =
                                                      serde_json::to_vec(&body).map_err(|e| {
                                                        error!(error = ?e);
                                                        StatusCode::INTERNAL_SERVER_ERROR
                                                      })?;
                                                  response.body(Body::from(body_content))
                                                },
                                                apis::patients::CreatePatientResponse::Status413_PayloadTooLarge
                                                    {
                                                        body,
                                                        x_request_id
                                                    }
                                                => {
                                                let mut response = Response::builder();
                     {
                        let x_request_id = match header::IntoHeaderValue(x_request_id).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Response::builder()
                                        .status(StatusCode::INTERNAL_SERVER_ERROR)
                                        .body(Body::from(format!("An internal server error occurred handling x_request_id header - {e}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });
                            }
                        };

                        let mut response_headers = response.headers_mut().unwrap();
                        response_headers.insert(
                              HeaderName::from_static("x-request-id"),
                              x_request_id
                        );
                    }
                                                  let mut response = response.status(413);
                                                  {
                                                    let mut response_headers = response.headers_mut().unwrap();
                                                    response_headers.insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                  }

                                                  let body_content =
                                                      serde_json::to_vec(&body).map_err(|e| {
                                                        error!(error = ?e);
                                                        StatusCode::INTERNAL_SERVER_ERROR
                                                      })?;
                                                  response.body(Body::from(body_content))
                                                },
                                                apis::patients::CreatePatientResponse::Status415_UnsupportedMediaType
                                                    {
                                                        body,
                                                        x_request_id
                                                    }
                                                => {
                                                let mut response = Response::builder();
                     {
                        let x_request_id = match header::IntoHeaderValue(x_request_id).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Response::builder()
                                        .status(StatusCode::INTERNAL_SERVER_ERROR)
                                        .body(Body::from(format!("An internal server error occurred handling x_request_id header - {e}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });
                            }
                        };

                        let mut response_headers = response.headers_mut().unwrap();
                        response_headers.insert(
                              HeaderName::from_static("x-request-id"),
                              x_request_id
                        );
                    }
                                                  let mut response = response.status(415);
                                                  {
                                                    let mut response_headers = response.headers_mut().unwrap();
                                                    response_headers.insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                  }

                                                  let body_content =
                                                      serde_json::to_vec(&body).map_err(|e| {
                                                        error!(error = ?e);
                                                        StatusCode::INTERNAL_SERVER_ERROR
                                                      })?;
                                                  response.body(Body::from(body_content))
                                                },
                                                apis::patients::CreatePatientResponse::Status422_UnprocessableEntity
                                                    {
                                                        body,
                                                        x_request_id
                                                    }
                                                => {
                                                let mut response = Response::builder();
                     {
                        let x_request_id = match header::IntoHeaderValue(x_request_id).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Response::builder()
                                        .status(StatusCode::INTERNAL_SERVER_ERROR)
                                        .body(Body::from(format!("An internal server error occurred handling x_request_id header - {e}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });
                            }
                        };

                        let mut response_headers = response.headers_mut().unwrap();
                        response_headers.insert(
                              HeaderName::from_static("x-request-id"),
                              x_request_id
                        );
                    }
                                                  let mut response = response.status(422);
                                                  {
                                                    let mut response_headers = response.headers_mut().unwrap();
                                                    response_headers.insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                  }

                                                  let body_content =
                                                      serde_json::to_vec(&body).map_err(|e| {
                                                        error!(error = ?e);
                                                        StatusCode::INTERNAL_SERVER_ERROR
                                                      })?;
                                                  response.body(Body::from(body_content))
                                                },
                                                apis::patients::CreatePatientResponse::Status429_TooManyRequests
                                                    {
                                                        body,
                                                        retry_after,
                                                        x_request_id
                                                    }
                                                => {
                                                let mut response = Response::builder();
                    if let Some(retry_after) = retry_after {
                        let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Response::builder()
                                        .status(StatusCode::INTERNAL_SERVER_ERROR)
                                        .body(Body::from(format!("An internal server error occurred handling retry_after header - {e}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });
                            }
                        };

                        let mut response_headers = response.headers_mut().unwrap();
                        response_headers.insert(
                              HeaderName::from_static("retry-after"),
                              retry_after
                        );
                    }
                     {
                        let x_request_id = match header::IntoHeaderValue(x_request_id).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Response::builder()
                                        .status(StatusCode::INTERNAL_SERVER_ERROR)
                                        .body(Body::from(format!("An internal server error occurred handling x_request_id header - {e}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });
                            }
                        };

                        let mut response_headers = response.headers_mut().unwrap();
                        response_headers.insert(
                              HeaderName::from_static("x-request-id"),
                              x_request_id
                        );
                    }
                                                  let mut response = response.status(429);
                                                  {
                                                    let mut response_headers = response.headers_mut().unwrap();
                                                    response_headers.insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                  }

                                                  let body_content =
                                                      serde_json::to_vec(&body).map_err(|e| {
                                                        error!(error = ?e);
                                                        StatusCode::INTERNAL_SERVER_ERROR
                                                      })?;
                                                  response.body(Body::from(body_content))
                                                },
                                                apis::patients::CreatePatientResponse::Status500_InternalError
                                                    {
                                                        body,
                                                        x_request_id
                                                    }
                                                => {
                                                let mut response = Response::builder();
                     {
                        let x_request_id = match header::IntoHeaderValue(x_request_id).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Response::builder()
                                        .status(StatusCode::INTERNAL_SERVER_ERROR)
                                        .body(Body::from(format!("An internal server error occurred handling x_request_id header - {e}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });
                            }
                        };

                        let mut response_headers = response.headers_mut().unwrap();
                        response_headers.insert(
                              HeaderName::from_static("x-request-id"),
                              x_request_id
                        );
                    }
                                                  let mut response = response.status(500);
                                                  {
                                                    let mut response_headers = response.headers_mut().unwrap();
                                                    response_headers.insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                  }

                                                  let body_content =
                                                      serde_json::to_vec(&body).map_err(|e| {
                                                        error!(error = ?e);
                                                        StatusCode::INTERNAL_SERVER_ERROR
                                                      })?;
                                                  response.body(Body::from(body_content))
                                                },
                                                apis::patients::CreatePatientResponse::Status503_ServiceUnavailable
                                                    {
                                                        body,
                                                        retry_after,
                                                        x_request_id
                                                    }
                                                => {
                                                let mut response = Response::builder();
                    if let Some(retry_after) = retry_after {
                        let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Response::builder()
                                        .status(StatusCode::INTERNAL_SERVER_ERROR)
                                        .body(Body::from(format!("An internal server error occurred handling retry_after header - {e}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });
                            }
                        };

                        let mut response_headers = response.headers_mut().unwrap();
                        response_headers.insert(
                              HeaderName::from_static("retry-after"),
                              retry_after
                        );
                    }
                     {
                        let x_request_id = match header::IntoHeaderValue(x_request_id).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Response::builder()
                                        .status(StatusCode::INTERNAL_SERVER_ERROR)
                                        .body(Body::from(format!("An internal server error occurred handling x_request_id header - {e}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });
                            }
                        };

                        let mut response_headers = response.headers_mut().unwrap();
                        response_headers.insert(
                              HeaderName::from_static("x-request-id"),
                              x_request_id
                        );
                    }
                                                  let mut response = response.status(503);
                                                  {
                                                    let mut response_headers = response.headers_mut().unwrap();
                                                    response_headers.insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                  }

                                                  let body_content =
                                                      serde_json::to_vec(&body).map_err(|e| {
                                                        error!(error = ?e);
                                                        StatusCode::INTERNAL_SERVER_ERROR
                                                      })?;
                                                  response.body(Body::from(body_content))
                                                },
                                            },
                                            Err(why) => {
                                                    // Application code returned an error. This should not happen, as the implementation should
                                                    // return a valid response.
                                                    return api_impl.as_ref().handle_error(&method, &host, &cookies, why).await;
                                            },
                                        };


                                        resp.map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR })
}

/// DeletePatient - DELETE /api/v1/patients/{patient_id}
#[tracing::instrument(skip_all)]
async fn delete_patient<I, A, E, C>(
  method: Method,
  TypedHeader(host): TypedHeader<Host>,
  cookies: CookieJar,
  headers: HeaderMap,
  Path(path_params): Path<models::DeletePatientPathParams>,
 State(api_impl): State<I>,
) -> Result<Response, StatusCode>
where
    I: AsRef<A> + Send + Sync,
    A: apis::patients::Patients<E, Claims = C>+ apis::ApiKeyAuthHeader<Claims = C>+ apis::ApiAuthBasic<Claims = C> + Send + Sync,
    E: std::fmt::Debug + Send + Sync + 'static,
        {


    // Authentication
    let claims_in_header = api_impl.as_ref().extract_claims_from_header(&headers, "X-API-Key").await;
    let claims_in_auth_header = api_impl.as_ref().extract_claims_from_auth_header(apis::BasicAuthKind::Bearer, &headers, "authorization").await;
    let claims = None
              .or(claims_in_header)
             .or(claims_in_auth_header)
          ;
    let Some(claims) = claims else {
        return response_with_status_code_only(StatusCode::UNAUTHORIZED);
    };

    // Header parameters
    let header_params = {
                let header_if_match = headers.get(HeaderName::from_static("if-match"));

                let header_if_match = match header_if_match {
                    Some(v) => match header::IntoHeaderValue::<String>::try_from((*v).clone()) {
                        Ok(result) =>
                            Some(result.0),
                        Err(err) => {
                            return Response::builder()
                                        .status(StatusCode::BAD_REQUEST)
                                        .body(Body::from(format!("Invalid header If-Match - {err}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });

                        },
                    },
                    None => {
                        None
                    }
                };
                let header_x_request_id = headers.get(HeaderName::from_static("x-request-id"));

                let header_x_request_id = match header_x_request_id {
                    Some(v) => match header::IntoHeaderValue::<String>::try_from((*v).clone()) {
                        Ok(result) =>
                            Some(result.0),
                        Err(err) => {
                            return Response::builder()
                                        .status(StatusCode::BAD_REQUEST)
                                        .body(Body::from(format!("Invalid header X-Request-Id - {err}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });

                        },
                    },
                    None => {
                        None
                    }
                };

       models::DeletePatientHeaderParams {
          if_match: header_if_match,
          x_request_id: header_x_request_id,
       }
  };





  let result = api_impl.as_ref().delete_patient(
      
      &method,
      &host,
      &cookies,
        &claims,
        &header_params,
        &path_params,
  ).await;

  let resp = match result {
                                            Ok(rsp) => match rsp {
                                                apis::patients::DeletePatientResponse::Status204_Deleted
                                                    {
                                                        e_tag,
                                                        x_request_id
                                                    }
                                                => {
                                                let mut response = Response::builder();
                     {
                        let e_tag = match header::IntoHeaderValue(e_tag).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Response::builder()
                                        .status(StatusCode::INTERNAL_SERVER_ERROR)
                                        .body(Body::from(format!("An internal server error occurred handling e_tag header - {e}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });
                            }
                        };

                        let mut response_headers = response.headers_mut().unwrap();
                        response_headers.insert(
                              HeaderName::from_static("etag"),
                              e_tag
                        );
                    }
                     {
                        let x_request_id = match header::IntoHeaderValue(x_request_id).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Response::builder()
                                        .status(StatusCode::INTERNAL_SERVER_ERROR)
                                        .body(Body::from(format!("An internal server error occurred handling x_request_id header - {e}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });
                            }
                        };

                        let mut response_headers = response.headers_mut().unwrap();
                        response_headers.insert(
                              HeaderName::from_static("x-request-id"),
                              x_request_id
                        );
                    }
                                                  let mut response = response.status(204);
                                                  response.body(Body::empty())
                                                },
                                                apis::patients::DeletePatientResponse::Status400_BadRequest
                                                    {
                                                        body,
                                                        x_request_id
                                                    }
                                                => {
                                                let mut response = Response::builder();
                     {
                        let x_request_id = match header::IntoHeaderValue(x_request_id).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Response::builder()
                                        .status(StatusCode::INTERNAL_SERVER_ERROR)
                                        .body(Body::from(format!("An internal server error occurred handling x_request_id header - {e}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });
                            }
                        };

                        let mut response_headers = response.headers_mut().unwrap();
                        response_headers.insert(
                              HeaderName::from_static("x-request-id"),
                              x_request_id
                        );
                    }
                                                  let mut response = response.status(400);
                                                  {
                                                    let mut response_headers = response.headers_mut().unwrap();
                                                    response_headers.insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                  }

                                                  let body_content =
                                                      serde_json::to_vec(&body).map_err(|e| {
                                                        error!(error = ?e);
                                                        StatusCode::INTERNAL_SERVER_ERROR
                                                      })?;
                                                  response.body(Body::from(body_content))
                                                },
                                                apis::patients::DeletePatientResponse::Status401_Unauthorized
                                                    {
                                                        body,
                                                        www_authenticate,
                                                        x_request_id
                                                    }
                                                => {
                                                let mut response = Response::builder();
                     {
                        let www_authenticate = match header::IntoHeaderValue(www_authenticate).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Response::builder()
                                        .status(StatusCode::INTERNAL_SERVER_ERROR)
                                        .body(Body::from(format!("An internal server error occurred handling www_authenticate header - {e}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });
                            }
                        };

                        let mut response_headers = response.headers_mut().unwrap();
                        response_headers.insert(
                              HeaderName::from_static("www-authenticate"),
                              www_authenticate
                        );
                    }
                     {
                        let x_request_id = match header::IntoHeaderValue(x_request_id).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Response::builder()
                                        .status(StatusCode::INTERNAL_SERVER_ERROR)
                                        .body(Body::from(format!("An internal server error occurred handling x_request_id header - {e}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });
                            }
                        };

                        let mut response_headers = response.headers_mut().unwrap();
                        response_headers.insert(
                              HeaderName::from_static("x-request-id"),
                              x_request_id
                        );
                    }
                                                  let mut response = response.status(401);
                                                  {
                                                    let mut response_headers = response.headers_mut().unwrap();
                                                    response_headers.insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                  }

                                                  let body_content =
                                                      serde_json::to_vec(&body).map_err(|e| {
                                                        error!(error = ?e);
                                                        StatusCode::INTERNAL_SERVER_ERROR
                                                      })?;
                                                  response.body(Body::from(body_content))
                                                },
                                                apis::patients::DeletePatientResponse::Status403_Forbidden
                                                    {
                                                        body,
                                                        x_request_id
                                                    }
                                                => {
                                                let mut response = Response::builder();
                     {
                        let x_request_id = match header::IntoHeaderValue(x_request_id).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Response::builder()
                                        .status(StatusCode::INTERNAL_SERVER_ERROR)
                                        .body(Body::from(format!("An internal server error occurred handling x_request_id header - {e}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });
                            }
                        };

                        let mut response_headers = response.headers_mut().unwrap();
                        response_headers.insert(
                              HeaderName::from_static("x-request-id"),
                              x_request_id
                        );
                    }
                                                  let mut response = response.status(403);
                                                  {
                                                    let mut response_headers = response.headers_mut().unwrap();
                                                    response_headers.insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                  }

                                                  let body_content =
                                                      serde_json::to_vec(&body).map_err(|e| {
                                                        error!(error = ?e);
                                                        StatusCode::INTERNAL_SERVER_ERROR
                                                      })?;
                                                  response.body(Body::from(body_content))
                                                },
                                                apis::patients::DeletePatientResponse::Status404_NotFound
                                                    {
                                                        body,
                                                        x_request_id
                                                    }
                                                => {
                                                let mut response = Response::builder();
                     {
                        let x_request_id = match header::IntoHeaderValue(x_request_id).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Response::builder()
                                        .status(StatusCode::INTERNAL_SERVER_ERROR)
                                        .body(Body::from(format!("An internal server error occurred handling x_request_id header - {e}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });
                            }
                        };

                        let mut response_headers = response.headers_mut().unwrap();
                        response_headers.insert(
                              HeaderName::from_static("x-request-id"),
                              x_request_id
                        );
                    }
                                                  let mut response = response.status(404);
                                                  {
                                                    let mut response_headers = response.headers_mut().unwrap();
                                                    response_headers.insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                  }

                                                  let body_content =
                                                      serde_json::to_vec(&body).map_err(|e| {
                                                        error!(error = ?e);
                                                        StatusCode::INTERNAL_SERVER_ERROR
                                                      })?;
                                                  response.body(Body::from(body_content))
                                                },
                                                apis::patients::DeletePatientResponse::Status412_PreconditionFailed
                                                    {
                                                        body,
                                                        x_request_id
                                                    }
                                                => {
                                                let mut response = Response::builder();
                     {
                        let x_request_id = match header::IntoHeaderValue(x_request_id).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Response::builder()
                                        .status(StatusCode::INTERNAL_SERVER_ERROR)
                                        .body(Body::from(format!("An internal server error occurred handling x_request_id header - {e}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });
                            }
                        };

                        let mut response_headers = response.headers_mut().unwrap();
                        response_headers.insert(
                              HeaderName::from_static("x-request-id"),
                              x_request_id
                        );
                    }
                                                  let mut response = response.status(412);
                                                  {
                                                    let mut response_headers = response.headers_mut().unwrap();
                                                    response_headers.insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                  }

                                                  let body_content =
                                                      serde_json::to_vec(&body).map_err(|e| {
                                                        error!(error = ?e);
                                                        StatusCode::INTERNAL_SERVER_ERROR
                                                      })?;
                                                  response.body(Body::from(body_content))
                                                },
                                                apis::patients::DeletePatientResponse::Status429_TooManyRequests
                                                    {
                                                        body,
                                                        retry_after,
                                                        x_request_id
                                                    }
                                                => {
                                                let mut response = Response::builder();
                    if let Some(retry_after) = retry_after {
                        let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Response::builder()
                                        .status(StatusCode::INTERNAL_SERVER_ERROR)
                                        .body(Body::from(format!("An internal server error occurred handling retry_after header - {e}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });
                            }
                        };

                        let mut response_headers = response.headers_mut().unwrap();
                        response_headers.insert(
                              HeaderName::from_static("retry-after"),
                              retry_after
                        );
                    }
                     {
                        let x_request_id = match header::IntoHeaderValue(x_request_id).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Response::builder()
                                        .status(StatusCode::INTERNAL_SERVER_ERROR)
                                        .body(Body::from(format!("An internal server error occurred handling x_request_id header - {e}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });
                            }
                        };

                        let mut response_headers = response.headers_mut().unwrap();
                        response_headers.insert(
                              HeaderName::from_static("x-request-id"),
                              x_request_id
                        );
                    }
                                                  let mut response = response.status(429);
                                                  {
                                                    let mut response_headers = response.headers_mut().unwrap();
                                                    response_headers.insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                  }

                                                  let body_content =
                                                      serde_json::to_vec(&body).map_err(|e| {
                                                        error!(error = ?e);
                                                        StatusCode::INTERNAL_SERVER_ERROR
                                                      })?;
                                                  response.body(Body::from(body_content))
                                                },
                                                apis::patients::DeletePatientResponse::Status500_InternalError
                                                    {
                                                        body,
                                                        x_request_id
                                                    }
                                                => {
                                                let mut response = Response::builder();
                     {
                        let x_request_id = match header::IntoHeaderValue(x_request_id).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Response::builder()
                                        .status(StatusCode::INTERNAL_SERVER_ERROR)
                                        .body(Body::from(format!("An internal server error occurred handling x_request_id header - {e}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });
                            }
                        };

                        let mut response_headers = response.headers_mut().unwrap();
                        response_headers.insert(
                              HeaderName::from_static("x-request-id"),
                              x_request_id
                        );
                    }
                                                  let mut response = response.status(500);
                                                  {
                                                    let mut response_headers = response.headers_mut().unwrap();
                                                    response_headers.insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                  }

                                                  let body_content =
                                                      serde_json::to_vec(&body).map_err(|e| {
                                                        error!(error = ?e);
                                                        StatusCode::INTERNAL_SERVER_ERROR
                                                      })?;
                                                  response.body(Body::from(body_content))
                                                },
                                                apis::patients::DeletePatientResponse::Status503_ServiceUnavailable
                                                    {
                                                        body,
                                                        retry_after,
                                                        x_request_id
                                                    }
                                                => {
                                                let mut response = Response::builder();
                    if let Some(retry_after) = retry_after {
                        let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Response::builder()
                                        .status(StatusCode::INTERNAL_SERVER_ERROR)
                                        .body(Body::from(format!("An internal server error occurred handling retry_after header - {e}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });
                            }
                        };

                        let mut response_headers = response.headers_mut().unwrap();
                        response_headers.insert(
                              HeaderName::from_static("retry-after"),
                              retry_after
                        );
                    }
                     {
                        let x_request_id = match header::IntoHeaderValue(x_request_id).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Response::builder()
                                        .status(StatusCode::INTERNAL_SERVER_ERROR)
                                        .body(Body::from(format!("An internal server error occurred handling x_request_id header - {e}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });
                            }
                        };

                        let mut response_headers = response.headers_mut().unwrap();
                        response_headers.insert(
                              HeaderName::from_static("x-request-id"),
                              x_request_id
                        );
                    }
                                                  let mut response = response.status(503);
                                                  {
                                                    let mut response_headers = response.headers_mut().unwrap();
                                                    response_headers.insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                  }

                                                  let body_content =
                                                      serde_json::to_vec(&body).map_err(|e| {
                                                        error!(error = ?e);
                                                        StatusCode::INTERNAL_SERVER_ERROR
                                                      })?;
                                                  response.body(Body::from(body_content))
                                                },
                                            },
                                            Err(why) => {
                                                    // Application code returned an error. This should not happen, as the implementation should
                                                    // return a valid response.
                                                    return api_impl.as_ref().handle_error(&method, &host, &cookies, why).await;
                                            },
                                        };


                                        resp.map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR })
}

/// GetPatient - GET /api/v1/patients/{patient_id}
#[tracing::instrument(skip_all)]
async fn get_patient<I, A, E, C>(
  method: Method,
  TypedHeader(host): TypedHeader<Host>,
  cookies: CookieJar,
  headers: HeaderMap,
  Path(path_params): Path<models::GetPatientPathParams>,
 State(api_impl): State<I>,
) -> Result<Response, StatusCode>
where
    I: AsRef<A> + Send + Sync,
    A: apis::patients::Patients<E, Claims = C>+ apis::ApiKeyAuthHeader<Claims = C>+ apis::ApiAuthBasic<Claims = C> + Send + Sync,
    E: std::fmt::Debug + Send + Sync + 'static,
        {


    // Authentication
    let claims_in_header = api_impl.as_ref().extract_claims_from_header(&headers, "X-API-Key").await;
    let claims_in_auth_header = api_impl.as_ref().extract_claims_from_auth_header(apis::BasicAuthKind::Bearer, &headers, "authorization").await;
    let claims = None
              .or(claims_in_header)
             .or(claims_in_auth_header)
          ;
    let Some(claims) = claims else {
        return response_with_status_code_only(StatusCode::UNAUTHORIZED);
    };

    // Header parameters
    let header_params = {
                let header_x_request_id = headers.get(HeaderName::from_static("x-request-id"));

                let header_x_request_id = match header_x_request_id {
                    Some(v) => match header::IntoHeaderValue::<String>::try_from((*v).clone()) {
                        Ok(result) =>
                            Some(result.0),
                        Err(err) => {
                            return Response::builder()
                                        .status(StatusCode::BAD_REQUEST)
                                        .body(Body::from(format!("Invalid header X-Request-Id - {err}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });

                        },
                    },
                    None => {
                        None
                    }
                };

       models::GetPatientHeaderParams {
          x_request_id: header_x_request_id,
       }
  };





  let result = api_impl.as_ref().get_patient(
      
      &method,
      &host,
      &cookies,
        &claims,
        &header_params,
        &path_params,
  ).await;

  let resp = match result {
                                            Ok(rsp) => match rsp {
                                                apis::patients::GetPatientResponse::Status200_ThePatient
                                                    {
                                                        body,
                                                        e_tag,
                                                        x_request_id
                                                    }
                                                => {
                                                let mut response = Response::builder();
                     {
                        let e_tag = match header::IntoHeaderValue(e_tag).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Response::builder()
                                        .status(StatusCode::INTERNAL_SERVER_ERROR)
                                        .body(Body::from(format!("An internal server error occurred handling e_tag header - {e}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });
                            }
                        };

                        let mut response_headers = response.headers_mut().unwrap();
                        response_headers.insert(
                              HeaderName::from_static("etag"),
                              e_tag
                        );
                    }
                     {
                        let x_request_id = match header::IntoHeaderValue(x_request_id).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Response::builder()
                                        .status(StatusCode::INTERNAL_SERVER_ERROR)
                                        .body(Body::from(format!("An internal server error occurred handling x_request_id header - {e}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });
                            }
                        };

                        let mut response_headers = response.headers_mut().unwrap();
                        response_headers.insert(
                              HeaderName::from_static("x-request-id"),
                              x_request_id
                        );
                    }
                                                  let mut response = response.status(200);
                                                  {
                                                    let mut response_headers = response.headers_mut().unwrap();
                                                    response_headers.insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                  }

                                                  let body_content =
                                                      serde_json::to_vec(&body).map_err(|e| {
                                                        error!(error = ?e);
                                                        StatusCode::INTERNAL_SERVER_ERROR
                                                      })?;
                                                  response.body(Body::from(body_content))
                                                },
                                                apis::patients::GetPatientResponse::Status400_BadRequest
                                                    {
                                                        body,
                                                        x_request_id
                                                    }
                                                => {
                                                let mut response = Response::builder();
                     {
                        let x_request_id = match header::IntoHeaderValue(x_request_id).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Response::builder()
                                        .status(StatusCode::INTERNAL_SERVER_ERROR)
                                        .body(Body::from(format!("An internal server error occurred handling x_request_id header - {e}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });
                            }
                        };

                        let mut response_headers = response.headers_mut().unwrap();
                        response_headers.insert(
                              HeaderName::from_static("x-request-id"),
                              x_request_id
                        );
                    }
                                                  let mut response = response.status(400);
                                                  {
                                                    let mut response_headers = response.headers_mut().unwrap();
                                                    response_headers.insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                  }

                                                  let body_content =
                                                      serde_json::to_vec(&body).map_err(|e| {
                                                        error!(error = ?e);
                                                        StatusCode::INTERNAL_SERVER_ERROR
                                                      })?;
                                                  response.body(Body::from(body_content))
                                                },
                                                apis::patients::GetPatientResponse::Status401_Unauthorized
                                                    {
                                                        body,
                                                        www_authenticate,
                                                        x_request_id
                                                    }
                                                => {
                                                let mut response = Response::builder();
                     {
                        let www_authenticate = match header::IntoHeaderValue(www_authenticate).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Response::builder()
                                        .status(StatusCode::INTERNAL_SERVER_ERROR)
                                        .body(Body::from(format!("An internal server error occurred handling www_authenticate header - {e}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });
                            }
                        };

                        let mut response_headers = response.headers_mut().unwrap();
                        response_headers.insert(
                              HeaderName::from_static("www-authenticate"),
                              www_authenticate
                        );
                    }
                     {
                        let x_request_id = match header::IntoHeaderValue(x_request_id).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Response::builder()
                                        .status(StatusCode::INTERNAL_SERVER_ERROR)
                                        .body(Body::from(format!("An internal server error occurred handling x_request_id header - {e}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });
                            }
                        };

                        let mut response_headers = response.headers_mut().unwrap();
                        response_headers.insert(
                              HeaderName::from_static("x-request-id"),
                              x_request_id
                        );
                    }
                                                  let mut response = response.status(401);
                                                  {
                                                    let mut response_headers = response.headers_mut().unwrap();
                                                    response_headers.insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                  }

                                                  let body_content =
                                                      serde_json::to_vec(&body).map_err(|e| {
                                                        error!(error = ?e);
                                                        StatusCode::INTERNAL_SERVER_ERROR
                                                      })?;
                                                  response.body(Body::from(body_content))
                                                },
                                                apis::patients::GetPatientResponse::Status403_Forbidden
                                                    {
                                                        body,
                                                        x_request_id
                                                    }
                                                => {
                                                let mut response = Response::builder();
                     {
                        let x_request_id = match header::IntoHeaderValue(x_request_id).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Response::builder()
                                        .status(StatusCode::INTERNAL_SERVER_ERROR)
                                        .body(Body::from(format!("An internal server error occurred handling x_request_id header - {e}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });
                            }
                        };

                        let mut response_headers = response.headers_mut().unwrap();
                        response_headers.insert(
                              HeaderName::from_static("x-request-id"),
                              x_request_id
                        );
                    }
                                                  let mut response = response.status(403);
                                                  {
                                                    let mut response_headers = response.headers_mut().unwrap();
                                                    response_headers.insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                  }

                                                  let body_content =
                                                      serde_json::to_vec(&body).map_err(|e| {
                                                        error!(error = ?e);
                                                        StatusCode::INTERNAL_SERVER_ERROR
                                                      })?;
                                                  response.body(Body::from(body_content))
                                                },
                                                apis::patients::GetPatientResponse::Status404_NotFound
                                                    {
                                                        body,
                                                        x_request_id
                                                    }
                                                => {
                                                let mut response = Response::builder();
                     {
                        let x_request_id = match header::IntoHeaderValue(x_request_id).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Response::builder()
                                        .status(StatusCode::INTERNAL_SERVER_ERROR)
                                        .body(Body::from(format!("An internal server error occurred handling x_request_id header - {e}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });
                            }
                        };

                        let mut response_headers = response.headers_mut().unwrap();
                        response_headers.insert(
                              HeaderName::from_static("x-request-id"),
                              x_request_id
                        );
                    }
                                                  let mut response = response.status(404);
                                                  {
                                                    let mut response_headers = response.headers_mut().unwrap();
                                                    response_headers.insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                  }

                                                  let body_content =
                                                      serde_json::to_vec(&body).map_err(|e| {
                                                        error!(error = ?e);
                                                        StatusCode::INTERNAL_SERVER_ERROR
                                                      })?;
                                                  response.body(Body::from(body_content))
                                                },
                                                apis::patients::GetPatientResponse::Status429_TooManyRequests
                                                    {
                                                        body,
                                                        retry_after,
                                                        x_request_id
                                                    }
                                                => {
                                                let mut response = Response::builder();
                    if let Some(retry_after) = retry_after {
                        let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Response::builder()
                                        .status(StatusCode::INTERNAL_SERVER_ERROR)
                                        .body(Body::from(format!("An internal server error occurred handling retry_after header - {e}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });
                            }
                        };

                        let mut response_headers = response.headers_mut().unwrap();
                        response_headers.insert(
                              HeaderName::from_static("retry-after"),
                              retry_after
                        );
                    }
                     {
                        let x_request_id = match header::IntoHeaderValue(x_request_id).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Response::builder()
                                        .status(StatusCode::INTERNAL_SERVER_ERROR)
                                        .body(Body::from(format!("An internal server error occurred handling x_request_id header - {e}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });
                            }
                        };

                        let mut response_headers = response.headers_mut().unwrap();
                        response_headers.insert(
                              HeaderName::from_static("x-request-id"),
                              x_request_id
                        );
                    }
                                                  let mut response = response.status(429);
                                                  {
                                                    let mut response_headers = response.headers_mut().unwrap();
                                                    response_headers.insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                  }

                                                  let body_content =
                                                      serde_json::to_vec(&body).map_err(|e| {
                                                        error!(error = ?e);
                                                        StatusCode::INTERNAL_SERVER_ERROR
                                                      })?;
                                                  response.body(Body::from(body_content))
                                                },
                                                apis::patients::GetPatientResponse::Status500_InternalError
                                                    {
                                                        body,
                                                        x_request_id
                                                    }
                                                => {
                                                let mut response = Response::builder();
                     {
                        let x_request_id = match header::IntoHeaderValue(x_request_id).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Response::builder()
                                        .status(StatusCode::INTERNAL_SERVER_ERROR)
                                        .body(Body::from(format!("An internal server error occurred handling x_request_id header - {e}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });
                            }
                        };

                        let mut response_headers = response.headers_mut().unwrap();
                        response_headers.insert(
                              HeaderName::from_static("x-request-id"),
                              x_request_id
                        );
                    }
                                                  let mut response = response.status(500);
                                                  {
                                                    let mut response_headers = response.headers_mut().unwrap();
                                                    response_headers.insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                  }

                                                  let body_content =
                                                      serde_json::to_vec(&body).map_err(|e| {
                                                        error!(error = ?e);
                                                        StatusCode::INTERNAL_SERVER_ERROR
                                                      })?;
                                                  response.body(Body::from(body_content))
                                                },
                                                apis::patients::GetPatientResponse::Status503_ServiceUnavailable
                                                    {
                                                        body,
                                                        retry_after,
                                                        x_request_id
                                                    }
                                                => {
                                                let mut response = Response::builder();
                    if let Some(retry_after) = retry_after {
                        let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Response::builder()
                                        .status(StatusCode::INTERNAL_SERVER_ERROR)
                                        .body(Body::from(format!("An internal server error occurred handling retry_after header - {e}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });
                            }
                        };

                        let mut response_headers = response.headers_mut().unwrap();
                        response_headers.insert(
                              HeaderName::from_static("retry-after"),
                              retry_after
                        );
                    }
                     {
                        let x_request_id = match header::IntoHeaderValue(x_request_id).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Response::builder()
                                        .status(StatusCode::INTERNAL_SERVER_ERROR)
                                        .body(Body::from(format!("An internal server error occurred handling x_request_id header - {e}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });
                            }
                        };

                        let mut response_headers = response.headers_mut().unwrap();
                        response_headers.insert(
                              HeaderName::from_static("x-request-id"),
                              x_request_id
                        );
                    }
                                                  let mut response = response.status(503);
                                                  {
                                                    let mut response_headers = response.headers_mut().unwrap();
                                                    response_headers.insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                  }

                                                  let body_content =
                                                      serde_json::to_vec(&body).map_err(|e| {
                                                        error!(error = ?e);
                                                        StatusCode::INTERNAL_SERVER_ERROR
                                                      })?;
                                                  response.body(Body::from(body_content))
                                                },
                                            },
                                            Err(why) => {
                                                    // Application code returned an error. This should not happen, as the implementation should
                                                    // return a valid response.
                                                    return api_impl.as_ref().handle_error(&method, &host, &cookies, why).await;
                                            },
                                        };


                                        resp.map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR })
}

/// ListPatients - GET /api/v1/patients
#[tracing::instrument(skip_all)]
async fn list_patients<I, A, E, C>(
  method: Method,
  TypedHeader(host): TypedHeader<Host>,
  cookies: CookieJar,
  headers: HeaderMap,
  QueryExtra(query_params): QueryExtra<models::ListPatientsQueryParams>,
 State(api_impl): State<I>,
) -> Result<Response, StatusCode>
where
    I: AsRef<A> + Send + Sync,
    A: apis::patients::Patients<E, Claims = C>+ apis::ApiKeyAuthHeader<Claims = C>+ apis::ApiAuthBasic<Claims = C> + Send + Sync,
    E: std::fmt::Debug + Send + Sync + 'static,
        {


    // Authentication
    let claims_in_header = api_impl.as_ref().extract_claims_from_header(&headers, "X-API-Key").await;
    let claims_in_auth_header = api_impl.as_ref().extract_claims_from_auth_header(apis::BasicAuthKind::Bearer, &headers, "authorization").await;
    let claims = None
              .or(claims_in_header)
             .or(claims_in_auth_header)
          ;
    let Some(claims) = claims else {
        return response_with_status_code_only(StatusCode::UNAUTHORIZED);
    };

    // Header parameters
    let header_params = {
                let header_x_request_id = headers.get(HeaderName::from_static("x-request-id"));

                let header_x_request_id = match header_x_request_id {
                    Some(v) => match header::IntoHeaderValue::<String>::try_from((*v).clone()) {
                        Ok(result) =>
                            Some(result.0),
                        Err(err) => {
                            return Response::builder()
                                        .status(StatusCode::BAD_REQUEST)
                                        .body(Body::from(format!("Invalid header X-Request-Id - {err}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });

                        },
                    },
                    None => {
                        None
                    }
                };

       models::ListPatientsHeaderParams {
          x_request_id: header_x_request_id,
       }
  };





  let result = api_impl.as_ref().list_patients(
      
      &method,
      &host,
      &cookies,
        &claims,
        &header_params,
        &query_params,
  ).await;

  let resp = match result {
                                            Ok(rsp) => match rsp {
                                                apis::patients::ListPatientsResponse::Status200_OnePageOfPatients
                                                    {
                                                        body,
                                                        x_request_id
                                                    }
                                                => {
                                                let mut response = Response::builder();
                     {
                        let x_request_id = match header::IntoHeaderValue(x_request_id).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Response::builder()
                                        .status(StatusCode::INTERNAL_SERVER_ERROR)
                                        .body(Body::from(format!("An internal server error occurred handling x_request_id header - {e}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });
                            }
                        };

                        let mut response_headers = response.headers_mut().unwrap();
                        response_headers.insert(
                              HeaderName::from_static("x-request-id"),
                              x_request_id
                        );
                    }
                                                  let mut response = response.status(200);
                                                  {
                                                    let mut response_headers = response.headers_mut().unwrap();
                                                    response_headers.insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                  }

                                                  let body_content =
                                                      serde_json::to_vec(&body).map_err(|e| {
                                                        error!(error = ?e);
                                                        StatusCode::INTERNAL_SERVER_ERROR
                                                      })?;
                                                  response.body(Body::from(body_content))
                                                },
                                                apis::patients::ListPatientsResponse::Status400_BadRequest
                                                    {
                                                        body,
                                                        x_request_id
                                                    }
                                                => {
                                                let mut response = Response::builder();
                     {
                        let x_request_id = match header::IntoHeaderValue(x_request_id).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Response::builder()
                                        .status(StatusCode::INTERNAL_SERVER_ERROR)
                                        .body(Body::from(format!("An internal server error occurred handling x_request_id header - {e}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });
                            }
                        };

                        let mut response_headers = response.headers_mut().unwrap();
                        response_headers.insert(
                              HeaderName::from_static("x-request-id"),
                              x_request_id
                        );
                    }
                                                  let mut response = response.status(400);
                                                  {
                                                    let mut response_headers = response.headers_mut().unwrap();
                                                    response_headers.insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                  }

                                                  let body_content =
                                                      serde_json::to_vec(&body).map_err(|e| {
                                                        error!(error = ?e);
                                                        StatusCode::INTERNAL_SERVER_ERROR
                                                      })?;
                                                  response.body(Body::from(body_content))
                                                },
                                                apis::patients::ListPatientsResponse::Status401_Unauthorized
                                                    {
                                                        body,
                                                        www_authenticate,
                                                        x_request_id
                                                    }
                                                => {
                                                let mut response = Response::builder();
                     {
                        let www_authenticate = match header::IntoHeaderValue(www_authenticate).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Response::builder()
                                        .status(StatusCode::INTERNAL_SERVER_ERROR)
                                        .body(Body::from(format!("An internal server error occurred handling www_authenticate header - {e}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });
                            }
                        };

                        let mut response_headers = response.headers_mut().unwrap();
                        response_headers.insert(
                              HeaderName::from_static("www-authenticate"),
                              www_authenticate
                        );
                    }
                     {
                        let x_request_id = match header::IntoHeaderValue(x_request_id).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Response::builder()
                                        .status(StatusCode::INTERNAL_SERVER_ERROR)
                                        .body(Body::from(format!("An internal server error occurred handling x_request_id header - {e}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });
                            }
                        };

                        let mut response_headers = response.headers_mut().unwrap();
                        response_headers.insert(
                              HeaderName::from_static("x-request-id"),
                              x_request_id
                        );
                    }
                                                  let mut response = response.status(401);
                                                  {
                                                    let mut response_headers = response.headers_mut().unwrap();
                                                    response_headers.insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                  }

                                                  let body_content =
                                                      serde_json::to_vec(&body).map_err(|e| {
                                                        error!(error = ?e);
                                                        StatusCode::INTERNAL_SERVER_ERROR
                                                      })?;
                                                  response.body(Body::from(body_content))
                                                },
                                                apis::patients::ListPatientsResponse::Status403_Forbidden
                                                    {
                                                        body,
                                                        x_request_id
                                                    }
                                                => {
                                                let mut response = Response::builder();
                     {
                        let x_request_id = match header::IntoHeaderValue(x_request_id).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Response::builder()
                                        .status(StatusCode::INTERNAL_SERVER_ERROR)
                                        .body(Body::from(format!("An internal server error occurred handling x_request_id header - {e}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });
                            }
                        };

                        let mut response_headers = response.headers_mut().unwrap();
                        response_headers.insert(
                              HeaderName::from_static("x-request-id"),
                              x_request_id
                        );
                    }
                                                  let mut response = response.status(403);
                                                  {
                                                    let mut response_headers = response.headers_mut().unwrap();
                                                    response_headers.insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                  }

                                                  let body_content =
                                                      serde_json::to_vec(&body).map_err(|e| {
                                                        error!(error = ?e);
                                                        StatusCode::INTERNAL_SERVER_ERROR
                                                      })?;
                                                  response.body(Body::from(body_content))
                                                },
                                                apis::patients::ListPatientsResponse::Status429_TooManyRequests
                                                    {
                                                        body,
                                                        retry_after,
                                                        x_request_id
                                                    }
                                                => {
                                                let mut response = Response::builder();
                    if let Some(retry_after) = retry_after {
                        let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Response::builder()
                                        .status(StatusCode::INTERNAL_SERVER_ERROR)
                                        .body(Body::from(format!("An internal server error occurred handling retry_after header - {e}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });
                            }
                        };

                        let mut response_headers = response.headers_mut().unwrap();
                        response_headers.insert(
                              HeaderName::from_static("retry-after"),
                              retry_after
                        );
                    }
                     {
                        let x_request_id = match header::IntoHeaderValue(x_request_id).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Response::builder()
                                        .status(StatusCode::INTERNAL_SERVER_ERROR)
                                        .body(Body::from(format!("An internal server error occurred handling x_request_id header - {e}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });
                            }
                        };

                        let mut response_headers = response.headers_mut().unwrap();
                        response_headers.insert(
                              HeaderName::from_static("x-request-id"),
                              x_request_id
                        );
                    }
                                                  let mut response = response.status(429);
                                                  {
                                                    let mut response_headers = response.headers_mut().unwrap();
                                                    response_headers.insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                  }

                                                  let body_content =
                                                      serde_json::to_vec(&body).map_err(|e| {
                                                        error!(error = ?e);
                                                        StatusCode::INTERNAL_SERVER_ERROR
                                                      })?;
                                                  response.body(Body::from(body_content))
                                                },
                                                apis::patients::ListPatientsResponse::Status500_InternalError
                                                    {
                                                        body,
                                                        x_request_id
                                                    }
                                                => {
                                                let mut response = Response::builder();
                     {
                        let x_request_id = match header::IntoHeaderValue(x_request_id).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Response::builder()
                                        .status(StatusCode::INTERNAL_SERVER_ERROR)
                                        .body(Body::from(format!("An internal server error occurred handling x_request_id header - {e}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });
                            }
                        };

                        let mut response_headers = response.headers_mut().unwrap();
                        response_headers.insert(
                              HeaderName::from_static("x-request-id"),
                              x_request_id
                        );
                    }
                                                  let mut response = response.status(500);
                                                  {
                                                    let mut response_headers = response.headers_mut().unwrap();
                                                    response_headers.insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                  }

                                                  let body_content =
                                                      serde_json::to_vec(&body).map_err(|e| {
                                                        error!(error = ?e);
                                                        StatusCode::INTERNAL_SERVER_ERROR
                                                      })?;
                                                  response.body(Body::from(body_content))
                                                },
                                                apis::patients::ListPatientsResponse::Status503_ServiceUnavailable
                                                    {
                                                        body,
                                                        retry_after,
                                                        x_request_id
                                                    }
                                                => {
                                                let mut response = Response::builder();
                    if let Some(retry_after) = retry_after {
                        let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Response::builder()
                                        .status(StatusCode::INTERNAL_SERVER_ERROR)
                                        .body(Body::from(format!("An internal server error occurred handling retry_after header - {e}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });
                            }
                        };

                        let mut response_headers = response.headers_mut().unwrap();
                        response_headers.insert(
                              HeaderName::from_static("retry-after"),
                              retry_after
                        );
                    }
                     {
                        let x_request_id = match header::IntoHeaderValue(x_request_id).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Response::builder()
                                        .status(StatusCode::INTERNAL_SERVER_ERROR)
                                        .body(Body::from(format!("An internal server error occurred handling x_request_id header - {e}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });
                            }
                        };

                        let mut response_headers = response.headers_mut().unwrap();
                        response_headers.insert(
                              HeaderName::from_static("x-request-id"),
                              x_request_id
                        );
                    }
                                                  let mut response = response.status(503);
                                                  {
                                                    let mut response_headers = response.headers_mut().unwrap();
                                                    response_headers.insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                  }

                                                  let body_content =
                                                      serde_json::to_vec(&body).map_err(|e| {
                                                        error!(error = ?e);
                                                        StatusCode::INTERNAL_SERVER_ERROR
                                                      })?;
                                                  response.body(Body::from(body_content))
                                                },
                                            },
                                            Err(why) => {
                                                    // Application code returned an error. This should not happen, as the implementation should
                                                    // return a valid response.
                                                    return api_impl.as_ref().handle_error(&method, &host, &cookies, why).await;
                                            },
                                        };


                                        resp.map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR })
}

/// ReplacePatient - PUT /api/v1/patients/{patient_id}
#[tracing::instrument(skip_all)]
async fn replace_patient<I, A, E, C>(
  method: Method,
  TypedHeader(host): TypedHeader<Host>,
  cookies: CookieJar,
  headers: HeaderMap,
  Path(path_params): Path<models::ReplacePatientPathParams>,
 State(api_impl): State<I>,
          Json(body): Json<models::PatientInput>,
) -> Result<Response, StatusCode>
where
    I: AsRef<A> + Send + Sync,
    A: apis::patients::Patients<E, Claims = C>+ apis::ApiKeyAuthHeader<Claims = C>+ apis::ApiAuthBasic<Claims = C> + Send + Sync,
    E: std::fmt::Debug + Send + Sync + 'static,
        {


    // Authentication
    let claims_in_header = api_impl.as_ref().extract_claims_from_header(&headers, "X-API-Key").await;
    let claims_in_auth_header = api_impl.as_ref().extract_claims_from_auth_header(apis::BasicAuthKind::Bearer, &headers, "authorization").await;
    let claims = None
              .or(claims_in_header)
             .or(claims_in_auth_header)
          ;
    let Some(claims) = claims else {
        return response_with_status_code_only(StatusCode::UNAUTHORIZED);
    };

    // Header parameters
    let header_params = {
                let header_if_match = headers.get(HeaderName::from_static("if-match"));

                let header_if_match = match header_if_match {
                    Some(v) => match header::IntoHeaderValue::<String>::try_from((*v).clone()) {
                        Ok(result) =>
                            Some(result.0),
                        Err(err) => {
                            return Response::builder()
                                        .status(StatusCode::BAD_REQUEST)
                                        .body(Body::from(format!("Invalid header If-Match - {err}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });

                        },
                    },
                    None => {
                        None
                    }
                };
                let header_x_request_id = headers.get(HeaderName::from_static("x-request-id"));

                let header_x_request_id = match header_x_request_id {
                    Some(v) => match header::IntoHeaderValue::<String>::try_from((*v).clone()) {
                        Ok(result) =>
                            Some(result.0),
                        Err(err) => {
                            return Response::builder()
                                        .status(StatusCode::BAD_REQUEST)
                                        .body(Body::from(format!("Invalid header X-Request-Id - {err}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });

                        },
                    },
                    None => {
                        None
                    }
                };

       models::ReplacePatientHeaderParams {
          if_match: header_if_match,
          x_request_id: header_x_request_id,
       }
  };





  let result = api_impl.as_ref().replace_patient(
      
      &method,
      &host,
      &cookies,
        &claims,
        &header_params,
        &path_params,
              &body,
  ).await;

  let resp = match result {
                                            Ok(rsp) => match rsp {
                                                apis::patients::ReplacePatientResponse::Status200_TheReplacedPatient
                                                    {
                                                        body,
                                                        e_tag,
                                                        x_request_id
                                                    }
                                                => {
                                                let mut response = Response::builder();
                     {
                        let e_tag = match header::IntoHeaderValue(e_tag).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Response::builder()
                                        .status(StatusCode::INTERNAL_SERVER_ERROR)
                                        .body(Body::from(format!("An internal server error occurred handling e_tag header - {e}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });
                            }
                        };

                        let mut response_headers = response.headers_mut().unwrap();
                        response_headers.insert(
                              HeaderName::from_static("etag"),
                              e_tag
                        );
                    }
                     {
                        let x_request_id = match header::IntoHeaderValue(x_request_id).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Response::builder()
                                        .status(StatusCode::INTERNAL_SERVER_ERROR)
                                        .body(Body::from(format!("An internal server error occurred handling x_request_id header - {e}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });
                            }
                        };

                        let mut response_headers = response.headers_mut().unwrap();
                        response_headers.insert(
                              HeaderName::from_static("x-request-id"),
                              x_request_id
                        );
                    }
                                                  let mut response = response.status(200);
                                                  {
                                                    let mut response_headers = response.headers_mut().unwrap();
                                                    response_headers.insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                  }

                                                  let body_content =
                                                      serde_json::to_vec(&body).map_err(|e| {
                                                        error!(error = ?e);
                                                        StatusCode::INTERNAL_SERVER_ERROR
                                                      })?;
                                                  response.body(Body::from(body_content))
                                                },
                                                apis::patients::ReplacePatientResponse::Status400_BadRequest
                                                    {
                                                        body,
                                                        x_request_id
                                                    }
                                                => {
                                                let mut response = Response::builder();
                     {
                        let x_request_id = match header::IntoHeaderValue(x_request_id).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Response::builder()
                                        .status(StatusCode::INTERNAL_SERVER_ERROR)
                                        .body(Body::from(format!("An internal server error occurred handling x_request_id header - {e}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });
                            }
                        };

                        let mut response_headers = response.headers_mut().unwrap();
                        response_headers.insert(
                              HeaderName::from_static("x-request-id"),
                              x_request_id
                        );
                    }
                                                  let mut response = response.status(400);
                                                  {
                                                    let mut response_headers = response.headers_mut().unwrap();
                                                    response_headers.insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                  }

                                                  let body_content =
                                                      serde_json::to_vec(&body).map_err(|e| {
                                                        error!(error = ?e);
                                                        StatusCode::INTERNAL_SERVER_ERROR
                                                      })?;
                                                  response.body(Body::from(body_content))
                                                },
                                                apis::patients::ReplacePatientResponse::Status401_Unauthorized
                                                    {
                                                        body,
                                                        www_authenticate,
                                                        x_request_id
                                                    }
                                                => {
                                                let mut response = Response::builder();
                     {
                        let www_authenticate = match header::IntoHeaderValue(www_authenticate).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Response::builder()
                                        .status(StatusCode::INTERNAL_SERVER_ERROR)
                                        .body(Body::from(format!("An internal server error occurred handling www_authenticate header - {e}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });
                            }
                        };

                        let mut response_headers = response.headers_mut().unwrap();
                        response_headers.insert(
                              HeaderName::from_static("www-authenticate"),
                              www_authenticate
                        );
                    }
                     {
                        let x_request_id = match header::IntoHeaderValue(x_request_id).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Response::builder()
                                        .status(StatusCode::INTERNAL_SERVER_ERROR)
                                        .body(Body::from(format!("An internal server error occurred handling x_request_id header - {e}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });
                            }
                        };

                        let mut response_headers = response.headers_mut().unwrap();
                        response_headers.insert(
                              HeaderName::from_static("x-request-id"),
                              x_request_id
                        );
                    }
                                                  let mut response = response.status(401);
                                                  {
                                                    let mut response_headers = response.headers_mut().unwrap();
                                                    response_headers.insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                  }

                                                  let body_content =
                                                      serde_json::to_vec(&body).map_err(|e| {
                                                        error!(error = ?e);
                                                        StatusCode::INTERNAL_SERVER_ERROR
                                                      })?;
                                                  response.body(Body::from(body_content))
                                                },
                                                apis::patients::ReplacePatientResponse::Status403_Forbidden
                                                    {
                                                        body,
                                                        x_request_id
                                                    }
                                                => {
                                                let mut response = Response::builder();
                     {
                        let x_request_id = match header::IntoHeaderValue(x_request_id).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Response::builder()
                                        .status(StatusCode::INTERNAL_SERVER_ERROR)
                                        .body(Body::from(format!("An internal server error occurred handling x_request_id header - {e}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });
                            }
                        };

                        let mut response_headers = response.headers_mut().unwrap();
                        response_headers.insert(
                              HeaderName::from_static("x-request-id"),
                              x_request_id
                        );
                    }
                                                  let mut response = response.status(403);
                                                  {
                                                    let mut response_headers = response.headers_mut().unwrap();
                                                    response_headers.insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                  }

                                                  let body_content =
                                                      serde_json::to_vec(&body).map_err(|e| {
                                                        error!(error = ?e);
                                                        StatusCode::INTERNAL_SERVER_ERROR
                                                      })?;
                                                  response.body(Body::from(body_content))
                                                },
                                                apis::patients::ReplacePatientResponse::Status404_NotFound
                                                    {
                                                        body,
                                                        x_request_id
                                                    }
                                                => {
                                                let mut response = Response::builder();
                     {
                        let x_request_id = match header::IntoHeaderValue(x_request_id).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Response::builder()
                                        .status(StatusCode::INTERNAL_SERVER_ERROR)
                                        .body(Body::from(format!("An internal server error occurred handling x_request_id header - {e}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });
                            }
                        };

                        let mut response_headers = response.headers_mut().unwrap();
                        response_headers.insert(
                              HeaderName::from_static("x-request-id"),
                              x_request_id
                        );
                    }
                                                  let mut response = response.status(404);
                                                  {
                                                    let mut response_headers = response.headers_mut().unwrap();
                                                    response_headers.insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                  }

                                                  let body_content =
                                                      serde_json::to_vec(&body).map_err(|e| {
                                                        error!(error = ?e);
                                                        StatusCode::INTERNAL_SERVER_ERROR
                                                      })?;
                                                  response.body(Body::from(body_content))
                                                },
                                                apis::patients::ReplacePatientResponse::Status409_Conflict
                                                    {
                                                        body,
                                                        retry_after,
                                                        x_request_id
                                                    }
                                                => {
                                                let mut response = Response::builder();
                    if let Some(retry_after) = retry_after {
                        let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Response::builder()
                                        .status(StatusCode::INTERNAL_SERVER_ERROR)
                                        .body(Body::from(format!("An internal server error occurred handling retry_after header - {e}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });
                            }
                        };

                        let mut response_headers = response.headers_mut().unwrap();
                        response_headers.insert(
                              HeaderName::from_static("retry-after"),
                              retry_after
                        );
                    }
                     {
                        let x_request_id = match header::IntoHeaderValue(x_request_id).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Response::builder()
                                        .status(StatusCode::INTERNAL_SERVER_ERROR)
                                        .body(Body::from(format!("An internal server error occurred handling x_request_id header - {e}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });
                            }
                        };

                        let mut response_headers = response.headers_mut().unwrap();
                        response_headers.insert(
                              HeaderName::from_static("x-request-id"),
                              x_request_id
                        );
                    }
                                                  let mut response = response.status(409);
                                                  {
                                                    let mut response_headers = response.headers_mut().unwrap();
                                                    response_headers.insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                  }

                                                  let body_content =
                                                      serde_json::to_vec(&body).map_err(|e| {
                                                        error!(error = ?e);
                                                        StatusCode::INTERNAL_SERVER_ERROR
                                                      })?;
                                                  response.body(Body::from(body_content))
                                                },
                                                apis::patients::ReplacePatientResponse::Status412_PreconditionFailed
                                                    {
                                                        body,
                                                        x_request_id
                                                    }
                                                => {
                                                let mut response = Response::builder();
                     {
                        let x_request_id = match header::IntoHeaderValue(x_request_id).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Response::builder()
                                        .status(StatusCode::INTERNAL_SERVER_ERROR)
                                        .body(Body::from(format!("An internal server error occurred handling x_request_id header - {e}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });
                            }
                        };

                        let mut response_headers = response.headers_mut().unwrap();
                        response_headers.insert(
                              HeaderName::from_static("x-request-id"),
                              x_request_id
                        );
                    }
                                                  let mut response = response.status(412);
                                                  {
                                                    let mut response_headers = response.headers_mut().unwrap();
                                                    response_headers.insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                  }

                                                  let body_content =
                                                      serde_json::to_vec(&body).map_err(|e| {
                                                        error!(error = ?e);
                                                        StatusCode::INTERNAL_SERVER_ERROR
                                                      })?;
                                                  response.body(Body::from(body_content))
                                                },
                                                apis::patients::ReplacePatientResponse::Status413_PayloadTooLarge
                                                    {
                                                        body,
                                                        x_request_id
                                                    }
                                                => {
                                                let mut response = Response::builder();
                     {
                        let x_request_id = match header::IntoHeaderValue(x_request_id).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Response::builder()
                                        .status(StatusCode::INTERNAL_SERVER_ERROR)
                                        .body(Body::from(format!("An internal server error occurred handling x_request_id header - {e}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });
                            }
                        };

                        let mut response_headers = response.headers_mut().unwrap();
                        response_headers.insert(
                              HeaderName::from_static("x-request-id"),
                              x_request_id
                        );
                    }
                                                  let mut response = response.status(413);
                                                  {
                                                    let mut response_headers = response.headers_mut().unwrap();
                                                    response_headers.insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                  }

                                                  let body_content =
                                                      serde_json::to_vec(&body).map_err(|e| {
                                                        error!(error = ?e);
                                                        StatusCode::INTERNAL_SERVER_ERROR
                                                      })?;
                                                  response.body(Body::from(body_content))
                                                },
                                                apis::patients::ReplacePatientResponse::Status415_UnsupportedMediaType
                                                    {
                                                        body,
                                                        x_request_id
                                                    }
                                                => {
                                                let mut response = Response::builder();
                     {
                        let x_request_id = match header::IntoHeaderValue(x_request_id).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Response::builder()
                                        .status(StatusCode::INTERNAL_SERVER_ERROR)
                                        .body(Body::from(format!("An internal server error occurred handling x_request_id header - {e}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });
                            }
                        };

                        let mut response_headers = response.headers_mut().unwrap();
                        response_headers.insert(
                              HeaderName::from_static("x-request-id"),
                              x_request_id
                        );
                    }
                                                  let mut response = response.status(415);
                                                  {
                                                    let mut response_headers = response.headers_mut().unwrap();
                                                    response_headers.insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                  }

                                                  let body_content =
                                                      serde_json::to_vec(&body).map_err(|e| {
                                                        error!(error = ?e);
                                                        StatusCode::INTERNAL_SERVER_ERROR
                                                      })?;
                                                  response.body(Body::from(body_content))
                                                },
                                                apis::patients::ReplacePatientResponse::Status422_UnprocessableEntity
                                                    {
                                                        body,
                                                        x_request_id
                                                    }
                                                => {
                                                let mut response = Response::builder();
                     {
                        let x_request_id = match header::IntoHeaderValue(x_request_id).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Response::builder()
                                        .status(StatusCode::INTERNAL_SERVER_ERROR)
                                        .body(Body::from(format!("An internal server error occurred handling x_request_id header - {e}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });
                            }
                        };

                        let mut response_headers = response.headers_mut().unwrap();
                        response_headers.insert(
                              HeaderName::from_static("x-request-id"),
                              x_request_id
                        );
                    }
                                                  let mut response = response.status(422);
                                                  {
                                                    let mut response_headers = response.headers_mut().unwrap();
                                                    response_headers.insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                  }

                                                  let body_content =
                                                      serde_json::to_vec(&body).map_err(|e| {
                                                        error!(error = ?e);
                                                        StatusCode::INTERNAL_SERVER_ERROR
                                                      })?;
                                                  response.body(Body::from(body_content))
                                                },
                                                apis::patients::ReplacePatientResponse::Status428_PreconditionRequired
                                                    {
                                                        body,
                                                        x_request_id
                                                    }
                                                => {
                                                let mut response = Response::builder();
                     {
                        let x_request_id = match header::IntoHeaderValue(x_request_id).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Response::builder()
                                        .status(StatusCode::INTERNAL_SERVER_ERROR)
                                        .body(Body::from(format!("An internal server error occurred handling x_request_id header - {e}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });
                            }
                        };

                        let mut response_headers = response.headers_mut().unwrap();
                        response_headers.insert(
                              HeaderName::from_static("x-request-id"),
                              x_request_id
                        );
                    }
                                                  let mut response = response.status(428);
                                                  {
                                                    let mut response_headers = response.headers_mut().unwrap();
                                                    response_headers.insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                  }

                                                  let body_content =
                                                      serde_json::to_vec(&body).map_err(|e| {
                                                        error!(error = ?e);
                                                        StatusCode::INTERNAL_SERVER_ERROR
                                                      })?;
                                                  response.body(Body::from(body_content))
                                                },
                                                apis::patients::ReplacePatientResponse::Status429_TooManyRequests
                                                    {
                                                        body,
                                                        retry_after,
                                                        x_request_id
                                                    }
                                                => {
                                                let mut response = Response::builder();
                    if let Some(retry_after) = retry_after {
                        let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Response::builder()
                                        .status(StatusCode::INTERNAL_SERVER_ERROR)
                                        .body(Body::from(format!("An internal server error occurred handling retry_after header - {e}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });
                            }
                        };

                        let mut response_headers = response.headers_mut().unwrap();
                        response_headers.insert(
                              HeaderName::from_static("retry-after"),
                              retry_after
                        );
                    }
                     {
                        let x_request_id = match header::IntoHeaderValue(x_request_id).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Response::builder()
                                        .status(StatusCode::INTERNAL_SERVER_ERROR)
                                        .body(Body::from(format!("An internal server error occurred handling x_request_id header - {e}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });
                            }
                        };

                        let mut response_headers = response.headers_mut().unwrap();
                        response_headers.insert(
                              HeaderName::from_static("x-request-id"),
                              x_request_id
                        );
                    }
                                                  let mut response = response.status(429);
                                                  {
                                                    let mut response_headers = response.headers_mut().unwrap();
                                                    response_headers.insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                  }

                                                  let body_content =
                                                      serde_json::to_vec(&body).map_err(|e| {
                                                        error!(error = ?e);
                                                        StatusCode::INTERNAL_SERVER_ERROR
                                                      })?;
                                                  response.body(Body::from(body_content))
                                                },
                                                apis::patients::ReplacePatientResponse::Status500_InternalError
                                                    {
                                                        body,
                                                        x_request_id
                                                    }
                                                => {
                                                let mut response = Response::builder();
                     {
                        let x_request_id = match header::IntoHeaderValue(x_request_id).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Response::builder()
                                        .status(StatusCode::INTERNAL_SERVER_ERROR)
                                        .body(Body::from(format!("An internal server error occurred handling x_request_id header - {e}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });
                            }
                        };

                        let mut response_headers = response.headers_mut().unwrap();
                        response_headers.insert(
                              HeaderName::from_static("x-request-id"),
                              x_request_id
                        );
                    }
                                                  let mut response = response.status(500);
                                                  {
                                                    let mut response_headers = response.headers_mut().unwrap();
                                                    response_headers.insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                  }

                                                  let body_content =
                                                      serde_json::to_vec(&body).map_err(|e| {
                                                        error!(error = ?e);
                                                        StatusCode::INTERNAL_SERVER_ERROR
                                                      })?;
                                                  response.body(Body::from(body_content))
                                                },
                                                apis::patients::ReplacePatientResponse::Status503_ServiceUnavailable
                                                    {
                                                        body,
                                                        retry_after,
                                                        x_request_id
                                                    }
                                                => {
                                                let mut response = Response::builder();
                    if let Some(retry_after) = retry_after {
                        let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Response::builder()
                                        .status(StatusCode::INTERNAL_SERVER_ERROR)
                                        .body(Body::from(format!("An internal server error occurred handling retry_after header - {e}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });
                            }
                        };

                        let mut response_headers = response.headers_mut().unwrap();
                        response_headers.insert(
                              HeaderName::from_static("retry-after"),
                              retry_after
                        );
                    }
                     {
                        let x_request_id = match header::IntoHeaderValue(x_request_id).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Response::builder()
                                        .status(StatusCode::INTERNAL_SERVER_ERROR)
                                        .body(Body::from(format!("An internal server error occurred handling x_request_id header - {e}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });
                            }
                        };

                        let mut response_headers = response.headers_mut().unwrap();
                        response_headers.insert(
                              HeaderName::from_static("x-request-id"),
                              x_request_id
                        );
                    }
                                                  let mut response = response.status(503);
                                                  {
                                                    let mut response_headers = response.headers_mut().unwrap();
                                                    response_headers.insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                  }

                                                  let body_content =
                                                      serde_json::to_vec(&body).map_err(|e| {
                                                        error!(error = ?e);
                                                        StatusCode::INTERNAL_SERVER_ERROR
                                                      })?;
                                                  response.body(Body::from(body_content))
                                                },
                                            },
                                            Err(why) => {
                                                    // Application code returned an error. This should not happen, as the implementation should
                                                    // return a valid response.
                                                    return api_impl.as_ref().handle_error(&method, &host, &cookies, why).await;
                                            },
                                        };


                                        resp.map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR })
}

/// RestorePatient - POST /api/v1/patients/{patient_id}:restore
#[tracing::instrument(skip_all)]
async fn restore_patient<I, A, E, C>(
  method: Method,
  TypedHeader(host): TypedHeader<Host>,
  cookies: CookieJar,
  headers: HeaderMap,
  Path(path_params): Path<models::RestorePatientPathParams>,
 State(api_impl): State<I>,
) -> Result<Response, StatusCode>
where
    I: AsRef<A> + Send + Sync,
    A: apis::patients::Patients<E, Claims = C>+ apis::ApiKeyAuthHeader<Claims = C>+ apis::ApiAuthBasic<Claims = C> + Send + Sync,
    E: std::fmt::Debug + Send + Sync + 'static,
        {


    // Authentication
    let claims_in_header = api_impl.as_ref().extract_claims_from_header(&headers, "X-API-Key").await;
    let claims_in_auth_header = api_impl.as_ref().extract_claims_from_auth_header(apis::BasicAuthKind::Bearer, &headers, "authorization").await;
    let claims = None
              .or(claims_in_header)
             .or(claims_in_auth_header)
          ;
    let Some(claims) = claims else {
        return response_with_status_code_only(StatusCode::UNAUTHORIZED);
    };

    // Header parameters
    let header_params = {
                let header_if_match = headers.get(HeaderName::from_static("if-match"));

                let header_if_match = match header_if_match {
                    Some(v) => match header::IntoHeaderValue::<String>::try_from((*v).clone()) {
                        Ok(result) =>
                            Some(result.0),
                        Err(err) => {
                            return Response::builder()
                                        .status(StatusCode::BAD_REQUEST)
                                        .body(Body::from(format!("Invalid header If-Match - {err}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });

                        },
                    },
                    None => {
                        None
                    }
                };
                let header_x_request_id = headers.get(HeaderName::from_static("x-request-id"));

                let header_x_request_id = match header_x_request_id {
                    Some(v) => match header::IntoHeaderValue::<String>::try_from((*v).clone()) {
                        Ok(result) =>
                            Some(result.0),
                        Err(err) => {
                            return Response::builder()
                                        .status(StatusCode::BAD_REQUEST)
                                        .body(Body::from(format!("Invalid header X-Request-Id - {err}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });

                        },
                    },
                    None => {
                        None
                    }
                };

       models::RestorePatientHeaderParams {
          if_match: header_if_match,
          x_request_id: header_x_request_id,
       }
  };





  let result = api_impl.as_ref().restore_patient(
      
      &method,
      &host,
      &cookies,
        &claims,
        &header_params,
        &path_params,
  ).await;

  let resp = match result {
                                            Ok(rsp) => match rsp {
                                                apis::patients::RestorePatientResponse::Status200_TheRestoredPatient
                                                    {
                                                        body,
                                                        e_tag,
                                                        x_request_id
                                                    }
                                                => {
                                                let mut response = Response::builder();
                     {
                        let e_tag = match header::IntoHeaderValue(e_tag).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Response::builder()
                                        .status(StatusCode::INTERNAL_SERVER_ERROR)
                                        .body(Body::from(format!("An internal server error occurred handling e_tag header - {e}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });
                            }
                        };

                        let mut response_headers = response.headers_mut().unwrap();
                        response_headers.insert(
                              HeaderName::from_static("etag"),
                              e_tag
                        );
                    }
                     {
                        let x_request_id = match header::IntoHeaderValue(x_request_id).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Response::builder()
                                        .status(StatusCode::INTERNAL_SERVER_ERROR)
                                        .body(Body::from(format!("An internal server error occurred handling x_request_id header - {e}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });
                            }
                        };

                        let mut response_headers = response.headers_mut().unwrap();
                        response_headers.insert(
                              HeaderName::from_static("x-request-id"),
                              x_request_id
                        );
                    }
                                                  let mut response = response.status(200);
                                                  {
                                                    let mut response_headers = response.headers_mut().unwrap();
                                                    response_headers.insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                  }

                                                  let body_content =
                                                      serde_json::to_vec(&body).map_err(|e| {
                                                        error!(error = ?e);
                                                        StatusCode::INTERNAL_SERVER_ERROR
                                                      })?;
                                                  response.body(Body::from(body_content))
                                                },
                                                apis::patients::RestorePatientResponse::Status400_BadRequest
                                                    {
                                                        body,
                                                        x_request_id
                                                    }
                                                => {
                                                let mut response = Response::builder();
                     {
                        let x_request_id = match header::IntoHeaderValue(x_request_id).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Response::builder()
                                        .status(StatusCode::INTERNAL_SERVER_ERROR)
                                        .body(Body::from(format!("An internal server error occurred handling x_request_id header - {e}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });
                            }
                        };

                        let mut response_headers = response.headers_mut().unwrap();
                        response_headers.insert(
                              HeaderName::from_static("x-request-id"),
                              x_request_id
                        );
                    }
                                                  let mut response = response.status(400);
                                                  {
                                                    let mut response_headers = response.headers_mut().unwrap();
                                                    response_headers.insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                  }

                                                  let body_content =
                                                      serde_json::to_vec(&body).map_err(|e| {
                                                        error!(error = ?e);
                                                        StatusCode::INTERNAL_SERVER_ERROR
                                                      })?;
                                                  response.body(Body::from(body_content))
                                                },
                                                apis::patients::RestorePatientResponse::Status401_Unauthorized
                                                    {
                                                        body,
                                                        www_authenticate,
                                                        x_request_id
                                                    }
                                                => {
                                                let mut response = Response::builder();
                     {
                        let www_authenticate = match header::IntoHeaderValue(www_authenticate).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Response::builder()
                                        .status(StatusCode::INTERNAL_SERVER_ERROR)
                                        .body(Body::from(format!("An internal server error occurred handling www_authenticate header - {e}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });
                            }
                        };

                        let mut response_headers = response.headers_mut().unwrap();
                        response_headers.insert(
                              HeaderName::from_static("www-authenticate"),
                              www_authenticate
                        );
                    }
                     {
                        let x_request_id = match header::IntoHeaderValue(x_request_id).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Response::builder()
                                        .status(StatusCode::INTERNAL_SERVER_ERROR)
                                        .body(Body::from(format!("An internal server error occurred handling x_request_id header - {e}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });
                            }
                        };

                        let mut response_headers = response.headers_mut().unwrap();
                        response_headers.insert(
                              HeaderName::from_static("x-request-id"),
                              x_request_id
                        );
                    }
                                                  let mut response = response.status(401);
                                                  {
                                                    let mut response_headers = response.headers_mut().unwrap();
                                                    response_headers.insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                  }

                                                  let body_content =
                                                      serde_json::to_vec(&body).map_err(|e| {
                                                        error!(error = ?e);
                                                        StatusCode::INTERNAL_SERVER_ERROR
                                                      })?;
                                                  response.body(Body::from(body_content))
                                                },
                                                apis::patients::RestorePatientResponse::Status403_Forbidden
                                                    {
                                                        body,
                                                        x_request_id
                                                    }
                                                => {
                                                let mut response = Response::builder();
                     {
                        let x_request_id = match header::IntoHeaderValue(x_request_id).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Response::builder()
                                        .status(StatusCode::INTERNAL_SERVER_ERROR)
                                        .body(Body::from(format!("An internal server error occurred handling x_request_id header - {e}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });
                            }
                        };

                        let mut response_headers = response.headers_mut().unwrap();
                        response_headers.insert(
                              HeaderName::from_static("x-request-id"),
                              x_request_id
                        );
                    }
                                                  let mut response = response.status(403);
                                                  {
                                                    let mut response_headers = response.headers_mut().unwrap();
                                                    response_headers.insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                  }

                                                  let body_content =
                                                      serde_json::to_vec(&body).map_err(|e| {
                                                        error!(error = ?e);
                                                        StatusCode::INTERNAL_SERVER_ERROR
                                                      })?;
                                                  response.body(Body::from(body_content))
                                                },
                                                apis::patients::RestorePatientResponse::Status404_NotFound
                                                    {
                                                        body,
                                                        x_request_id
                                                    }
                                                => {
                                                let mut response = Response::builder();
                     {
                        let x_request_id = match header::IntoHeaderValue(x_request_id).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Response::builder()
                                        .status(StatusCode::INTERNAL_SERVER_ERROR)
                                        .body(Body::from(format!("An internal server error occurred handling x_request_id header - {e}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });
                            }
                        };

                        let mut response_headers = response.headers_mut().unwrap();
                        response_headers.insert(
                              HeaderName::from_static("x-request-id"),
                              x_request_id
                        );
                    }
                                                  let mut response = response.status(404);
                                                  {
                                                    let mut response_headers = response.headers_mut().unwrap();
                                                    response_headers.insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                  }

                                                  let body_content =
                                                      serde_json::to_vec(&body).map_err(|e| {
                                                        error!(error = ?e);
                                                        StatusCode::INTERNAL_SERVER_ERROR
                                                      })?;
                                                  response.body(Body::from(body_content))
                                                },
                                                apis::patients::RestorePatientResponse::Status409_Conflict
                                                    {
                                                        body,
                                                        retry_after,
                                                        x_request_id
                                                    }
                                                => {
                                                let mut response = Response::builder();
                    if let Some(retry_after) = retry_after {
                        let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Response::builder()
                                        .status(StatusCode::INTERNAL_SERVER_ERROR)
                                        .body(Body::from(format!("An internal server error occurred handling retry_after header - {e}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });
                            }
                        };

                        let mut response_headers = response.headers_mut().unwrap();
                        response_headers.insert(
                              HeaderName::from_static("retry-after"),
                              retry_after
                        );
                    }
                     {
                        let x_request_id = match header::IntoHeaderValue(x_request_id).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Response::builder()
                                        .status(StatusCode::INTERNAL_SERVER_ERROR)
                                        .body(Body::from(format!("An internal server error occurred handling x_request_id header - {e}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });
                            }
                        };

                        let mut response_headers = response.headers_mut().unwrap();
                        response_headers.insert(
                              HeaderName::from_static("x-request-id"),
                              x_request_id
                        );
                    }
                                                  let mut response = response.status(409);
                                                  {
                                                    let mut response_headers = response.headers_mut().unwrap();
                                                    response_headers.insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                  }

                                                  let body_content =
                                                      serde_json::to_vec(&body).map_err(|e| {
                                                        error!(error = ?e);
                                                        StatusCode::INTERNAL_SERVER_ERROR
                                                      })?;
                                                  response.body(Body::from(body_content))
                                                },
                                                apis::patients::RestorePatientResponse::Status412_PreconditionFailed
                                                    {
                                                        body,
                                                        x_request_id
                                                    }
                                                => {
                                                let mut response = Response::builder();
                     {
                        let x_request_id = match header::IntoHeaderValue(x_request_id).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Response::builder()
                                        .status(StatusCode::INTERNAL_SERVER_ERROR)
                                        .body(Body::from(format!("An internal server error occurred handling x_request_id header - {e}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });
                            }
                        };

                        let mut response_headers = response.headers_mut().unwrap();
                        response_headers.insert(
                              HeaderName::from_static("x-request-id"),
                              x_request_id
                        );
                    }
                                                  let mut response = response.status(412);
                                                  {
                                                    let mut response_headers = response.headers_mut().unwrap();
                                                    response_headers.insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                  }

                                                  let body_content =
                                                      serde_json::to_vec(&body).map_err(|e| {
                                                        error!(error = ?e);
                                                        StatusCode::INTERNAL_SERVER_ERROR
                                                      })?;
                                                  response.body(Body::from(body_content))
                                                },
                                                apis::patients::RestorePatientResponse::Status429_TooManyRequests
                                                    {
                                                        body,
                                                        retry_after,
                                                        x_request_id
                                                    }
                                                => {
                                                let mut response = Response::builder();
                    if let Some(retry_after) = retry_after {
                        let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Response::builder()
                                        .status(StatusCode::INTERNAL_SERVER_ERROR)
                                        .body(Body::from(format!("An internal server error occurred handling retry_after header - {e}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });
                            }
                        };

                        let mut response_headers = response.headers_mut().unwrap();
                        response_headers.insert(
                              HeaderName::from_static("retry-after"),
                              retry_after
                        );
                    }
                     {
                        let x_request_id = match header::IntoHeaderValue(x_request_id).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Response::builder()
                                        .status(StatusCode::INTERNAL_SERVER_ERROR)
                                        .body(Body::from(format!("An internal server error occurred handling x_request_id header - {e}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });
                            }
                        };

                        let mut response_headers = response.headers_mut().unwrap();
                        response_headers.insert(
                              HeaderName::from_static("x-request-id"),
                              x_request_id
                        );
                    }
                                                  let mut response = response.status(429);
                                                  {
                                                    let mut response_headers = response.headers_mut().unwrap();
                                                    response_headers.insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                  }

                                                  let body_content =
                                                      serde_json::to_vec(&body).map_err(|e| {
                                                        error!(error = ?e);
                                                        StatusCode::INTERNAL_SERVER_ERROR
                                                      })?;
                                                  response.body(Body::from(body_content))
                                                },
                                                apis::patients::RestorePatientResponse::Status500_InternalError
                                                    {
                                                        body,
                                                        x_request_id
                                                    }
                                                => {
                                                let mut response = Response::builder();
                     {
                        let x_request_id = match header::IntoHeaderValue(x_request_id).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Response::builder()
                                        .status(StatusCode::INTERNAL_SERVER_ERROR)
                                        .body(Body::from(format!("An internal server error occurred handling x_request_id header - {e}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });
                            }
                        };

                        let mut response_headers = response.headers_mut().unwrap();
                        response_headers.insert(
                              HeaderName::from_static("x-request-id"),
                              x_request_id
                        );
                    }
                                                  let mut response = response.status(500);
                                                  {
                                                    let mut response_headers = response.headers_mut().unwrap();
                                                    response_headers.insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                  }

                                                  let body_content =
                                                      serde_json::to_vec(&body).map_err(|e| {
                                                        error!(error = ?e);
                                                        StatusCode::INTERNAL_SERVER_ERROR
                                                      })?;
                                                  response.body(Body::from(body_content))
                                                },
                                                apis::patients::RestorePatientResponse::Status503_ServiceUnavailable
                                                    {
                                                        body,
                                                        retry_after,
                                                        x_request_id
                                                    }
                                                => {
                                                let mut response = Response::builder();
                    if let Some(retry_after) = retry_after {
                        let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Response::builder()
                                        .status(StatusCode::INTERNAL_SERVER_ERROR)
                                        .body(Body::from(format!("An internal server error occurred handling retry_after header - {e}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });
                            }
                        };

                        let mut response_headers = response.headers_mut().unwrap();
                        response_headers.insert(
                              HeaderName::from_static("retry-after"),
                              retry_after
                        );
                    }
                     {
                        let x_request_id = match header::IntoHeaderValue(x_request_id).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Response::builder()
                                        .status(StatusCode::INTERNAL_SERVER_ERROR)
                                        .body(Body::from(format!("An internal server error occurred handling x_request_id header - {e}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });
                            }
                        };

                        let mut response_headers = response.headers_mut().unwrap();
                        response_headers.insert(
                              HeaderName::from_static("x-request-id"),
                              x_request_id
                        );
                    }
                                                  let mut response = response.status(503);
                                                  {
                                                    let mut response_headers = response.headers_mut().unwrap();
                                                    response_headers.insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                  }

                                                  let body_content =
                                                      serde_json::to_vec(&body).map_err(|e| {
                                                        error!(error = ?e);
                                                        StatusCode::INTERNAL_SERVER_ERROR
                                                      })?;
                                                  response.body(Body::from(body_content))
                                                },
                                            },
                                            Err(why) => {
                                                    // Application code returned an error. This should not happen, as the implementation should
                                                    // return a valid response.
                                                    return api_impl.as_ref().handle_error(&method, &host, &cookies, why).await;
                                            },
                                        };


                                        resp.map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR })
}

/// SearchPatients - POST /api/v1/patients:search
#[tracing::instrument(skip_all)]
async fn search_patients<I, A, E, C>(
  method: Method,
  TypedHeader(host): TypedHeader<Host>,
  cookies: CookieJar,
  headers: HeaderMap,
 State(api_impl): State<I>,
          Json(body): Json<models::PatientSearch>,
) -> Result<Response, StatusCode>
where
    I: AsRef<A> + Send + Sync,
    A: apis::patients::Patients<E, Claims = C>+ apis::ApiKeyAuthHeader<Claims = C>+ apis::ApiAuthBasic<Claims = C> + Send + Sync,
    E: std::fmt::Debug + Send + Sync + 'static,
        {


    // Authentication
    let claims_in_header = api_impl.as_ref().extract_claims_from_header(&headers, "X-API-Key").await;
    let claims_in_auth_header = api_impl.as_ref().extract_claims_from_auth_header(apis::BasicAuthKind::Bearer, &headers, "authorization").await;
    let claims = None
              .or(claims_in_header)
             .or(claims_in_auth_header)
          ;
    let Some(claims) = claims else {
        return response_with_status_code_only(StatusCode::UNAUTHORIZED);
    };

    // Header parameters
    let header_params = {
                let header_x_request_id = headers.get(HeaderName::from_static("x-request-id"));

                let header_x_request_id = match header_x_request_id {
                    Some(v) => match header::IntoHeaderValue::<String>::try_from((*v).clone()) {
                        Ok(result) =>
                            Some(result.0),
                        Err(err) => {
                            return Response::builder()
                                        .status(StatusCode::BAD_REQUEST)
                                        .body(Body::from(format!("Invalid header X-Request-Id - {err}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });

                        },
                    },
                    None => {
                        None
                    }
                };

       models::SearchPatientsHeaderParams {
          x_request_id: header_x_request_id,
       }
  };





  let result = api_impl.as_ref().search_patients(
      
      &method,
      &host,
      &cookies,
        &claims,
        &header_params,
              &body,
  ).await;

  let resp = match result {
                                            Ok(rsp) => match rsp {
                                                apis::patients::SearchPatientsResponse::Status200_OnePageOfMatchingPatients
                                                    {
                                                        body,
                                                        x_request_id
                                                    }
                                                => {
                                                let mut response = Response::builder();
                     {
                        let x_request_id = match header::IntoHeaderValue(x_request_id).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Response::builder()
                                        .status(StatusCode::INTERNAL_SERVER_ERROR)
                                        .body(Body::from(format!("An internal server error occurred handling x_request_id header - {e}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });
                            }
                        };

                        let mut response_headers = response.headers_mut().unwrap();
                        response_headers.insert(
                              HeaderName::from_static("x-request-id"),
                              x_request_id
                        );
                    }
                                                  let mut response = response.status(200);
                                                  {
                                                    let mut response_headers = response.headers_mut().unwrap();
                                                    response_headers.insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                  }

                                                  let body_content =
                                                      serde_json::to_vec(&body).map_err(|e| {
                                                        error!(error = ?e);
                                                        StatusCode::INTERNAL_SERVER_ERROR
                                                      })?;
                                                  response.body(Body::from(body_content))
                                                },
                                                apis::patients::SearchPatientsResponse::Status400_BadRequest
                                                    {
                                                        body,
                                                        x_request_id
                                                    }
                                                => {
                                                let mut response = Response::builder();
                     {
                        let x_request_id = match header::IntoHeaderValue(x_request_id).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Response::builder()
                                        .status(StatusCode::INTERNAL_SERVER_ERROR)
                                        .body(Body::from(format!("An internal server error occurred handling x_request_id header - {e}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });
                            }
                        };

                        let mut response_headers = response.headers_mut().unwrap();
                        response_headers.insert(
                              HeaderName::from_static("x-request-id"),
                              x_request_id
                        );
                    }
                                                  let mut response = response.status(400);
                                                  {
                                                    let mut response_headers = response.headers_mut().unwrap();
                                                    response_headers.insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                  }

                                                  let body_content =
                                                      serde_json::to_vec(&body).map_err(|e| {
                                                        error!(error = ?e);
                                                        StatusCode::INTERNAL_SERVER_ERROR
                                                      })?;
                                                  response.body(Body::from(body_content))
                                                },
                                                apis::patients::SearchPatientsResponse::Status401_Unauthorized
                                                    {
                                                        body,
                                                        www_authenticate,
                                                        x_request_id
                                                    }
                                                => {
                                                let mut response = Response::builder();
                     {
                        let www_authenticate = match header::IntoHeaderValue(www_authenticate).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Response::builder()
                                        .status(StatusCode::INTERNAL_SERVER_ERROR)
                                        .body(Body::from(format!("An internal server error occurred handling www_authenticate header - {e}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });
                            }
                        };

                        let mut response_headers = response.headers_mut().unwrap();
                        response_headers.insert(
                              HeaderName::from_static("www-authenticate"),
                              www_authenticate
                        );
                    }
                     {
                        let x_request_id = match header::IntoHeaderValue(x_request_id).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Response::builder()
                                        .status(StatusCode::INTERNAL_SERVER_ERROR)
                                        .body(Body::from(format!("An internal server error occurred handling x_request_id header - {e}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });
                            }
                        };

                        let mut response_headers = response.headers_mut().unwrap();
                        response_headers.insert(
                              HeaderName::from_static("x-request-id"),
                              x_request_id
                        );
                    }
                                                  let mut response = response.status(401);
                                                  {
                                                    let mut response_headers = response.headers_mut().unwrap();
                                                    response_headers.insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                  }

                                                  let body_content =
                                                      serde_json::to_vec(&body).map_err(|e| {
                                                        error!(error = ?e);
                                                        StatusCode::INTERNAL_SERVER_ERROR
                                                      })?;
                                                  response.body(Body::from(body_content))
                                                },
                                                apis::patients::SearchPatientsResponse::Status403_Forbidden
                                                    {
                                                        body,
                                                        x_request_id
                                                    }
                                                => {
                                                let mut response = Response::builder();
                     {
                        let x_request_id = match header::IntoHeaderValue(x_request_id).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Response::builder()
                                        .status(StatusCode::INTERNAL_SERVER_ERROR)
                                        .body(Body::from(format!("An internal server error occurred handling x_request_id header - {e}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });
                            }
                        };

                        let mut response_headers = response.headers_mut().unwrap();
                        response_headers.insert(
                              HeaderName::from_static("x-request-id"),
                              x_request_id
                        );
                    }
                                                  let mut response = response.status(403);
                                                  {
                                                    let mut response_headers = response.headers_mut().unwrap();
                                                    response_headers.insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                  }

                                                  let body_content =
                                                      serde_json::to_vec(&body).map_err(|e| {
                                                        error!(error = ?e);
                                                        StatusCode::INTERNAL_SERVER_ERROR
                                                      })?;
                                                  response.body(Body::from(body_content))
                                                },
                                                apis::patients::SearchPatientsResponse::Status413_PayloadTooLarge
                                                    {
                                                        body,
                                                        x_request_id
                                                    }
                                                => {
                                                let mut response = Response::builder();
                     {
                        let x_request_id = match header::IntoHeaderValue(x_request_id).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Response::builder()
                                        .status(StatusCode::INTERNAL_SERVER_ERROR)
                                        .body(Body::from(format!("An internal server error occurred handling x_request_id header - {e}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });
                            }
                        };

                        let mut response_headers = response.headers_mut().unwrap();
                        response_headers.insert(
                              HeaderName::from_static("x-request-id"),
                              x_request_id
                        );
                    }
                                                  let mut response = response.status(413);
                                                  {
                                                    let mut response_headers = response.headers_mut().unwrap();
                                                    response_headers.insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                  }

                                                  let body_content =
                                                      serde_json::to_vec(&body).map_err(|e| {
                                                        error!(error = ?e);
                                                        StatusCode::INTERNAL_SERVER_ERROR
                                                      })?;
                                                  response.body(Body::from(body_content))
                                                },
                                                apis::patients::SearchPatientsResponse::Status415_UnsupportedMediaType
                                                    {
                                                        body,
                                                        x_request_id
                                                    }
                                                => {
                                                let mut response = Response::builder();
                     {
                        let x_request_id = match header::IntoHeaderValue(x_request_id).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Response::builder()
                                        .status(StatusCode::INTERNAL_SERVER_ERROR)
                                        .body(Body::from(format!("An internal server error occurred handling x_request_id header - {e}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });
                            }
                        };

                        let mut response_headers = response.headers_mut().unwrap();
                        response_headers.insert(
                              HeaderName::from_static("x-request-id"),
                              x_request_id
                        );
                    }
                                                  let mut response = response.status(415);
                                                  {
                                                    let mut response_headers = response.headers_mut().unwrap();
                                                    response_headers.insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                  }

                                                  let body_content =
                                                      serde_json::to_vec(&body).map_err(|e| {
                                                        error!(error = ?e);
                                                        StatusCode::INTERNAL_SERVER_ERROR
                                                      })?;
                                                  response.body(Body::from(body_content))
                                                },
                                                apis::patients::SearchPatientsResponse::Status422_UnprocessableEntity
                                                    {
                                                        body,
                                                        x_request_id
                                                    }
                                                => {
                                                let mut response = Response::builder();
                     {
                        let x_request_id = match header::IntoHeaderValue(x_request_id).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Response::builder()
                                        .status(StatusCode::INTERNAL_SERVER_ERROR)
                                        .body(Body::from(format!("An internal server error occurred handling x_request_id header - {e}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });
                            }
                        };

                        let mut response_headers = response.headers_mut().unwrap();
                        response_headers.insert(
                              HeaderName::from_static("x-request-id"),
                              x_request_id
                        );
                    }
                                                  let mut response = response.status(422);
                                                  {
                                                    let mut response_headers = response.headers_mut().unwrap();
                                                    response_headers.insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                  }

                                                  let body_content =
                                                      serde_json::to_vec(&body).map_err(|e| {
                                                        error!(error = ?e);
                                                        StatusCode::INTERNAL_SERVER_ERROR
                                                      })?;
                                                  response.body(Body::from(body_content))
                                                },
                                                apis::patients::SearchPatientsResponse::Status429_TooManyRequests
                                                    {
                                                        body,
                                                        retry_after,
                                                        x_request_id
                                                    }
                                                => {
                                                let mut response = Response::builder();
                    if let Some(retry_after) = retry_after {
                        let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Response::builder()
                                        .status(StatusCode::INTERNAL_SERVER_ERROR)
                                        .body(Body::from(format!("An internal server error occurred handling retry_after header - {e}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });
                            }
                        };

                        let mut response_headers = response.headers_mut().unwrap();
                        response_headers.insert(
                              HeaderName::from_static("retry-after"),
                              retry_after
                        );
                    }
                     {
                        let x_request_id = match header::IntoHeaderValue(x_request_id).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Response::builder()
                                        .status(StatusCode::INTERNAL_SERVER_ERROR)
                                        .body(Body::from(format!("An internal server error occurred handling x_request_id header - {e}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });
                            }
                        };

                        let mut response_headers = response.headers_mut().unwrap();
                        response_headers.insert(
                              HeaderName::from_static("x-request-id"),
                              x_request_id
                        );
                    }
                                                  let mut response = response.status(429);
                                                  {
                                                    let mut response_headers = response.headers_mut().unwrap();
                                                    response_headers.insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                  }

                                                  let body_content =
                                                      serde_json::to_vec(&body).map_err(|e| {
                                                        error!(error = ?e);
                                                        StatusCode::INTERNAL_SERVER_ERROR
                                                      })?;
                                                  response.body(Body::from(body_content))
                                                },
                                                apis::patients::SearchPatientsResponse::Status500_InternalError
                                                    {
                                                        body,
                                                        x_request_id
                                                    }
                                                => {
                                                let mut response = Response::builder();
                     {
                        let x_request_id = match header::IntoHeaderValue(x_request_id).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Response::builder()
                                        .status(StatusCode::INTERNAL_SERVER_ERROR)
                                        .body(Body::from(format!("An internal server error occurred handling x_request_id header - {e}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });
                            }
                        };

                        let mut response_headers = response.headers_mut().unwrap();
                        response_headers.insert(
                              HeaderName::from_static("x-request-id"),
                              x_request_id
                        );
                    }
                                                  let mut response = response.status(500);
                                                  {
                                                    let mut response_headers = response.headers_mut().unwrap();
                                                    response_headers.insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                  }

                                                  let body_content =
                                                      serde_json::to_vec(&body).map_err(|e| {
                                                        error!(error = ?e);
                                                        StatusCode::INTERNAL_SERVER_ERROR
                                                      })?;
                                                  response.body(Body::from(body_content))
                                                },
                                                apis::patients::SearchPatientsResponse::Status503_ServiceUnavailable
                                                    {
                                                        body,
                                                        retry_after,
                                                        x_request_id
                                                    }
                                                => {
                                                let mut response = Response::builder();
                    if let Some(retry_after) = retry_after {
                        let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Response::builder()
                                        .status(StatusCode::INTERNAL_SERVER_ERROR)
                                        .body(Body::from(format!("An internal server error occurred handling retry_after header - {e}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });
                            }
                        };

                        let mut response_headers = response.headers_mut().unwrap();
                        response_headers.insert(
                              HeaderName::from_static("retry-after"),
                              retry_after
                        );
                    }
                     {
                        let x_request_id = match header::IntoHeaderValue(x_request_id).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Response::builder()
                                        .status(StatusCode::INTERNAL_SERVER_ERROR)
                                        .body(Body::from(format!("An internal server error occurred handling x_request_id header - {e}"))).map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR });
                            }
                        };

                        let mut response_headers = response.headers_mut().unwrap();
                        response_headers.insert(
                              HeaderName::from_static("x-request-id"),
                              x_request_id
                        );
                    }
                                                  let mut response = response.status(503);
                                                  {
                                                    let mut response_headers = response.headers_mut().unwrap();
                                                    response_headers.insert(
                                                        CONTENT_TYPE,
                                                        HeaderValue::from_static("application/json"));
                                                  }

                                                  let body_content =
                                                      serde_json::to_vec(&body).map_err(|e| {
                                                        error!(error = ?e);
                                                        StatusCode::INTERNAL_SERVER_ERROR
                                                      })?;
                                                  response.body(Body::from(body_content))
                                                },
                                            },
                                            Err(why) => {
                                                    // Application code returned an error. This should not happen, as the implementation should
                                                    // return a valid response.
                                                    return api_impl.as_ref().handle_error(&method, &host, &cookies, why).await;
                                            },
                                        };


                                        resp.map_err(|e| { error!(error = ?e); StatusCode::INTERNAL_SERVER_ERROR })
}


#[allow(dead_code)]
#[inline]
fn response_with_status_code_only(code: StatusCode) -> Result<Response, StatusCode> {
   Response::builder()
          .status(code)
          .body(Body::empty())
          .map_err(|_| code)
}

/// A request body that a middleware has already parsed as JSON, left in the request's
/// extensions for the operation's body extractor ([`Json`]), so that the body's text is
/// parsed once per request.
#[derive(Debug, Clone)]
pub struct ParsedJsonBody(pub serde_json::Value);

/// Template override (openapi/templates/server-utils.mustache): the operations' JSON body
/// extractor. It is named `Json` so that it shadows axum's glob-imported `Json` in the
/// operations above. It takes the body from a [`ParsedJsonBody`] extension when there is
/// one, and otherwise reads and parses it as axum's `Json` does, with axum's rejections.
pub struct Json<T>(pub T);

impl<T, S> FromRequest<S> for Json<T>
where
    T: serde::de::DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = Response;

    async fn from_request(mut req: Request, state: &S) -> Result<Self, Self::Rejection> {
        use axum::response::IntoResponse;
        match req.extensions_mut().remove::<ParsedJsonBody>() {
            // axum's wording for a body that does not fit the type.
            Some(ParsedJsonBody(value)) => serde_json::from_value(value).map(Json).map_err(|err| {
                (StatusCode::UNPROCESSABLE_ENTITY, format!("Failed to deserialize the JSON body into the target type: {err}"))
                    .into_response()
            }),
            None => <axum::Json<T> as FromRequest<S>>::from_request(req, state)
                .await
                .map(|axum::Json(body)| Json(body))
                .map_err(IntoResponse::into_response),
        }
    }
}
