//! Liveness and readiness.
use std::time::Duration;

use async_trait::async_trait;
use axum_extra::extract::CookieJar;
use headers::Host;
use http::Method;
use migration::MigratorTrait;
use patient_api::{
    apis::health::{GetHealthzResponse, GetReadyzResponse, Health},
    models,
};
use sea_orm::{ConnectionTrait, Statement};

use super::{PatientService, echo_request_id};
use crate::{error::ApiError, store::db::Db};

/// How long readiness waits for the database before answering 503.
const READINESS_TIMEOUT: Duration = Duration::from_secs(2);

#[async_trait]
impl Health<ApiError> for PatientService {
    async fn get_healthz(
        &self,
        _method: &Method,
        _host: &Host,
        _cookies: &CookieJar,
        header_params: &models::GetHealthzHeaderParams,
    ) -> Result<GetHealthzResponse, ApiError> {
        Ok(GetHealthzResponse::Status200_TheProcessIsAlive {
            body: models::HealthStatus::new("ok".into()),
            x_request_id: echo_request_id(header_params.x_request_id.as_ref()),
        })
    }

    async fn get_readyz(
        &self,
        _method: &Method,
        _host: &Host,
        _cookies: &CookieJar,
        header_params: &models::GetReadyzHeaderParams,
    ) -> Result<GetReadyzResponse, ApiError> {
        match tokio::time::timeout(READINESS_TIMEOUT, check_schema(&self.db)).await {
            Ok(Ok(())) => Ok(GetReadyzResponse::Status200_ReadyToServeTraffic {
                body: models::HealthStatus::new("ready".into()),
                x_request_id: echo_request_id(header_params.x_request_id.as_ref()),
            }),
            Ok(Err(reason)) => Err(ApiError::NotReady(reason)),
            Err(_) => Err(ApiError::NotReady("the database did not answer in time")),
        }
    }
}

/// Ready when the database answers and has every migration this build knows. Reads the
/// migrations table directly: the migrator's own status check would create it.
async fn check_schema(db: &Db) -> Result<(), &'static str> {
    let statement = Statement::from_string(db.get_database_backend(), "SELECT version FROM seaql_migrations");
    let rows = db.query_all_raw(statement).await.map_err(|_| "the database is unreachable or not migrated")?;
    let applied: Vec<String> = rows.iter().filter_map(|row| row.try_get::<String>("", "version").ok()).collect();
    let all_applied = migration::Migrator::migrations().iter().all(|m| applied.iter().any(|a| a == m.name()));
    if all_applied { Ok(()) } else { Err("database migrations are pending") }
}
