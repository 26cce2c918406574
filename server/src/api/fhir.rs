//! The read-only FHIR R4 view of a patient (scope `patient:read`).
use async_trait::async_trait;
use axum_extra::extract::CookieJar;
use headers::Host;
use http::Method;
use patient_api::{
    apis::fhir::{Fhir, GetPatientFhirResponse},
    models,
};

use super::{PatientService, echo_request_id};
use crate::{auth::Principal, error::ApiError, etag, fhir::fhir_patient, resource::patient_resource};

#[async_trait]
impl Fhir<ApiError> for PatientService {
    type Claims = Principal;

    async fn get_patient_fhir(
        &self,
        _method: &Method,
        _host: &Host,
        _cookies: &CookieJar,
        _claims: &Principal,
        header_params: &models::GetPatientFhirHeaderParams,
        path_params: &models::GetPatientFhirPathParams,
    ) -> Result<GetPatientFhirResponse, ApiError> {
        let found = self.store.find_active(path_params.patient_id).await?.ok_or(ApiError::PatientNotFound)?;
        let resource = fhir_patient(&patient_resource(&found));
        Ok(GetPatientFhirResponse::Status200_TheFHIRPatientResource {
            // The generator passes `application/fhir+json` bodies through as text
            // (docs/generated-code.md), so the typed resource is serialized here.
            body: serde_json::to_string(&resource).map_err(ApiError::internal)?,
            e_tag: etag::for_version(found.version),
            x_request_id: echo_request_id(header_params.x_request_id.as_ref()),
        })
    }
}
