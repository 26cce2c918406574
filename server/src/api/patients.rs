//! The patient operations.
use async_trait::async_trait;
use axum_extra::extract::CookieJar;
use chrono::Utc;
use headers::Host;
use http::Method;
use patient_api::{
    apis::patients::{
        CreatePatientResponse, DeletePatientResponse, GetPatientResponse, ListPatientsResponse, Patients,
        ReplacePatientResponse, RestorePatientResponse,
    },
    models,
    types::Nullable,
};

use super::{PatientService, actor, echo_request_id, page_size};
use crate::{
    auth::Principal,
    contract::contract,
    domain::{
        date_of_birth::parse_date, email::Email, keep, name::PersonName, patient::PatientDraft, phone::PhoneE164,
    },
    error::ApiError,
    etag::{self, Precondition},
    resource::patient_resource,
    store::{
        cursor::PageCursor,
        entities::patient,
        idempotency::{IdempotencyClaim, SavedResponse},
        patients::{CreateOutcome, PatientFilter},
    },
};

#[async_trait]
impl Patients<ApiError> for PatientService {
    type Claims = Principal;

    async fn create_patient(
        &self,
        _method: &Method,
        _host: &Host,
        _cookies: &CookieJar,
        claims: &Principal,
        header_params: &models::CreatePatientHeaderParams,
        body: &models::PatientInput,
    ) -> Result<CreatePatientResponse, ApiError> {
        let draft = PatientDraft::parse(body, Utc::now().date_naive()).map_err(ApiError::Validation)?;
        let claim = header_params
            .idempotency_key
            .as_deref()
            .map(|key| IdempotencyClaim::new(&claims.name, key, &create_fingerprint(&draft)));
        let request_id = header_params.x_request_id.as_ref();
        let outcome = self.store.create(draft, &actor(claims, request_id), claim.as_ref(), saved_creation).await?;
        let (saved, replayed) = match outcome {
            CreateOutcome::Created(row) => {
                return Ok(CreatePatientResponse::Status201_Created {
                    e_tag: etag::for_version(row.version),
                    location: location(&row),
                    idempotent_replayed: None,
                    x_request_id: echo_request_id(request_id),
                    body: patient_resource(&row),
                });
            }
            CreateOutcome::Replayed(saved) => (saved, Some("true".to_owned())),
        };
        Ok(CreatePatientResponse::Status201_Created {
            body: serde_json::from_slice(&saved.body).map_err(ApiError::internal)?,
            e_tag: saved.etag,
            location: saved.location,
            idempotent_replayed: replayed,
            x_request_id: echo_request_id(request_id),
        })
    }

    async fn get_patient(
        &self,
        _method: &Method,
        _host: &Host,
        _cookies: &CookieJar,
        _claims: &Principal,
        header_params: &models::GetPatientHeaderParams,
        path_params: &models::GetPatientPathParams,
    ) -> Result<GetPatientResponse, ApiError> {
        let found = self.store.find_active(path_params.patient_id).await?.ok_or(ApiError::PatientNotFound)?;
        Ok(GetPatientResponse::Status200_ThePatient {
            e_tag: etag::for_version(found.version),
            x_request_id: echo_request_id(header_params.x_request_id.as_ref()),
            body: patient_resource(&found),
        })
    }

    async fn replace_patient(
        &self,
        _method: &Method,
        _host: &Host,
        _cookies: &CookieJar,
        claims: &Principal,
        header_params: &models::ReplacePatientHeaderParams,
        path_params: &models::ReplacePatientPathParams,
        body: &models::PatientInput,
    ) -> Result<ReplacePatientResponse, ApiError> {
        // Declared optional in the spec so that a missing header reaches us and gets 428.
        let if_match = header_params.if_match.as_deref().ok_or(ApiError::PreconditionRequired)?;
        let precondition = Precondition::from_if_match(Some(if_match));
        let draft = PatientDraft::parse(body, Utc::now().date_naive()).map_err(ApiError::Validation)?;
        let request_id = header_params.x_request_id.as_ref();
        let replaced =
            self.store.replace(path_params.patient_id, draft, &precondition, &actor(claims, request_id)).await?;
        Ok(ReplacePatientResponse::Status200_TheReplacedPatient {
            e_tag: etag::for_version(replaced.version),
            x_request_id: echo_request_id(request_id),
            body: patient_resource(&replaced),
        })
    }

    async fn delete_patient(
        &self,
        _method: &Method,
        _host: &Host,
        _cookies: &CookieJar,
        claims: &Principal,
        header_params: &models::DeletePatientHeaderParams,
        path_params: &models::DeletePatientPathParams,
    ) -> Result<DeletePatientResponse, ApiError> {
        let precondition = Precondition::from_if_match(header_params.if_match.as_deref());
        let request_id = header_params.x_request_id.as_ref();
        let deleted = self.store.soft_delete(path_params.patient_id, &precondition, &actor(claims, request_id)).await?;
        // The deleted state has a version too: returning it makes a conditional restore possible.
        Ok(DeletePatientResponse::Status204_Deleted {
            e_tag: etag::for_version(deleted.version),
            x_request_id: echo_request_id(request_id),
        })
    }

    async fn restore_patient(
        &self,
        _method: &Method,
        _host: &Host,
        _cookies: &CookieJar,
        claims: &Principal,
        header_params: &models::RestorePatientHeaderParams,
        path_params: &models::RestorePatientPathParams,
    ) -> Result<RestorePatientResponse, ApiError> {
        let precondition = Precondition::from_if_match(header_params.if_match.as_deref());
        let request_id = header_params.x_request_id.as_ref();
        let restored = self.store.restore(path_params.patient_id, &precondition, &actor(claims, request_id)).await?;
        Ok(RestorePatientResponse::Status200_TheRestoredPatient {
            e_tag: etag::for_version(restored.version),
            x_request_id: echo_request_id(request_id),
            body: patient_resource(&restored),
        })
    }

    async fn list_patients(
        &self,
        _method: &Method,
        _host: &Host,
        _cookies: &CookieJar,
        _claims: &Principal,
        header_params: &models::ListPatientsHeaderParams,
        query_params: &models::ListPatientsQueryParams,
    ) -> Result<ListPatientsResponse, ApiError> {
        let limit = page_size("listPatients", query_params.limit);
        let filter = list_filter(query_params)?;
        let after = query_params.cursor.as_deref().map(PageCursor::decode).transpose()?;
        let page = self.store.list(&filter, after, limit).await?;
        Ok(ListPatientsResponse::Status200_OnePageOfPatients {
            body: models::PatientList::new(
                page.patients.iter().map(patient_resource).collect(),
                page.next.map_or(Nullable::Null, |cursor| Nullable::Present(cursor.encode())),
            ),
            x_request_id: echo_request_id(header_params.x_request_id.as_ref()),
        })
    }
}

fn location(row: &patient::Model) -> String {
    contract().operation("getPatient").path_with(&[("patient_id", &row.patient_id.to_string())])
}

/// What a retry must repeat to count as the same create: the operation and the normalized
/// body.
fn create_fingerprint(draft: &PatientDraft) -> Vec<u8> {
    let create = contract().operation("createPatient");
    let mut request = format!("{} {}\n", create.method, create.path).into_bytes();
    request.extend(serde_json::to_vec(draft).expect("a draft always serializes"));
    request
}

/// The 201 saved with an idempotency key, for replays.
fn saved_creation(row: &patient::Model) -> SavedResponse {
    SavedResponse {
        status: 201,
        etag: etag::for_version(row.version),
        location: location(row),
        body: serde_json::to_vec(&patient_resource(row)).expect("a patient always serializes"),
    }
}

/// Normalizes the filters exactly as stored values are normalized, so they compare equal.
/// The contract has checked their lengths and formats; these are the business rules (a
/// family name holds only name characters, an email or phone is a real one), and what
/// reaches SQL is always a value PostgreSQL accepts.
fn list_filter(query: &models::ListPatientsQueryParams) -> Result<PatientFilter, ApiError> {
    let mut problems = Vec::new();
    let e = &mut problems;
    let filter = PatientFilter {
        family_name: query.family_name.as_deref().and_then(|raw| keep(e, PersonName::parse(raw, "family_name", 100))),
        date_of_birth: query.dob.as_deref().and_then(|raw| keep(e, parse_date(raw, "dob"))),
        email: query.email.as_deref().and_then(|raw| keep(e, Email::parse(raw, "email"))),
        phone_e164: query.phone.as_deref().and_then(|raw| keep(e, PhoneE164::parse(raw, "phone"))),
    };
    if problems.is_empty() { Ok(filter) } else { Err(ApiError::InvalidParameter(problems)) }
}
