//! The patient operations.
use async_trait::async_trait;
use axum_extra::extract::CookieJar;
use chrono::Utc;
use headers::Host;
use http::Method;
use patient_api::{
    apis::patients::{
        CreatePatientResponse, DeletePatientResponse, GetPatientResponse, ListPatientsResponse, Patients,
        ReplacePatientResponse, RestorePatientResponse, SearchPatientsResponse,
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
    error::{ApiError, FieldError},
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
        let filters = Filters {
            family_name: query_params.family_name.as_deref(),
            dob: query_params.dob.as_deref(),
            email: query_params.email.as_deref(),
            phone: query_params.phone.as_deref(),
        };
        let filter = patient_filter(&filters).map_err(ApiError::InvalidParameter)?;
        let body = self.page(&filter, query_params.limit, query_params.cursor.as_deref()).await?;
        Ok(ListPatientsResponse::Status200_OnePageOfPatients {
            body,
            x_request_id: echo_request_id(header_params.x_request_id.as_ref()),
        })
    }

    async fn search_patients(
        &self,
        _method: &Method,
        _host: &Host,
        _cookies: &CookieJar,
        _claims: &Principal,
        header_params: &models::SearchPatientsHeaderParams,
        body: &models::PatientSearch,
    ) -> Result<SearchPatientsResponse, ApiError> {
        let filters = Filters {
            family_name: body.family_name.as_deref(),
            dob: body.dob.as_deref(),
            email: body.email.as_deref(),
            phone: body.phone.as_deref(),
        };
        // In a body, a filter that breaks a business rule is a body that does (422).
        let filter = patient_filter(&filters).map_err(ApiError::Validation)?;
        let page = self.page(&filter, body.limit, body.cursor.as_deref()).await?;
        Ok(SearchPatientsResponse::Status200_OnePageOfMatchingPatients {
            body: page,
            x_request_id: echo_request_id(header_params.x_request_id.as_ref()),
        })
    }
}

impl PatientService {
    /// One page of the list or the search: they differ only in where the filters come from.
    async fn page(
        &self,
        filter: &PatientFilter,
        limit: Option<u32>,
        cursor: Option<&str>,
    ) -> Result<models::PatientList, ApiError> {
        let limit = page_size("listPatients", limit);
        let after = cursor.map(PageCursor::decode).transpose()?;
        let page = self.store.list(filter, after, limit).await?;
        Ok(models::PatientList::new(
            page.patients.iter().map(patient_resource).collect(),
            page.next.map_or(Nullable::Null, |cursor| Nullable::Present(cursor.encode())),
        ))
    }
}

/// The list's and the search's filters as the client sent them (the same names in the
/// query string and in the search body).
struct Filters<'a> {
    family_name: Option<&'a str>,
    dob: Option<&'a str>,
    email: Option<&'a str>,
    phone: Option<&'a str>,
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
fn patient_filter(filters: &Filters<'_>) -> Result<PatientFilter, Vec<FieldError>> {
    let mut problems = Vec::new();
    let e = &mut problems;
    let filter = PatientFilter {
        family_name: filters.family_name.and_then(|raw| keep(e, PersonName::parse(raw, "family_name", 100))),
        date_of_birth: filters.dob.and_then(|raw| keep(e, parse_date(raw, "dob"))),
        email: filters.email.and_then(|raw| keep(e, Email::parse(raw, "email"))),
        phone_e164: filters.phone.and_then(|raw| keep(e, PhoneE164::parse(raw, "phone"))),
    };
    if problems.is_empty() { Ok(filter) } else { Err(problems) }
}
