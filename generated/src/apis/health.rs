use async_trait::async_trait;
use axum::extract::*;
use axum_extra::extract::CookieJar;
use bytes::Bytes;
use headers::Host;
use http::Method;
use serde::{Deserialize, Serialize};

use crate::{models, types::*};

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[must_use]
#[allow(clippy::large_enum_variant)]
pub enum GetHealthzResponse {
    /// The process is alive
    Status200_TheProcessIsAlive
    {
        body: models::HealthStatus,
        x_request_id:
        String
    }
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[must_use]
#[allow(clippy::large_enum_variant)]
pub enum GetReadyzResponse {
    /// Ready to serve traffic
    Status200_ReadyToServeTraffic
    {
        body: models::HealthStatus,
        x_request_id:
        String
    }
    ,
    /// Service unavailable; retry later: the database is unreachable or not migrated (`not_ready`), the instance is at its concurrency limit (`overloaded`), the request or a database statement took too long (`request_timeout`, `database_timeout`), or writes are switched off (`writes_disabled`). `Retry-After` comes with `overloaded` and `writes_disabled`. 
    Status503_ServiceUnavailable
    {
        body: models::Error,
        retry_after:
        Option<
        u32
        >
        ,
        x_request_id:
        String
    }
}




/// Health
#[async_trait]
#[allow(clippy::ptr_arg)]
pub trait Health<E: std::fmt::Debug + Send + Sync + 'static = ()>: super::ErrorHandler<E> {
    /// Liveness probe.
    ///
    /// GetHealthz - GET /healthz
    async fn get_healthz(
    &self,
    
    method: &Method,
    host: &Host,
    cookies: &CookieJar,
      header_params: &models::GetHealthzHeaderParams,
    ) -> Result<GetHealthzResponse, E>;

    /// Readiness probe.
    ///
    /// GetReadyz - GET /readyz
    async fn get_readyz(
    &self,
    
    method: &Method,
    host: &Host,
    cookies: &CookieJar,
      header_params: &models::GetReadyzHeaderParams,
    ) -> Result<GetReadyzResponse, E>;
}
