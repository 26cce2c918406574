//! A patient's audit trail, for compliance staff (scope `audit:read`).
use std::collections::HashMap;

use async_trait::async_trait;
use axum_extra::extract::CookieJar;
use headers::Host;
use http::Method;
use patient_api::{
    apis::audit::{Audit, ListPatientAuditResponse},
    models,
    types::{Nullable, Object},
};
use serde_json::Value;

use super::{PatientService, echo_request_id, page_size};
use crate::{
    auth::Principal,
    error::ApiError,
    store::{audit, cursor::AuditCursor, entities::audit_log},
};

#[async_trait]
impl Audit<ApiError> for PatientService {
    type Claims = Principal;

    async fn list_patient_audit(
        &self,
        _method: &Method,
        _host: &Host,
        _cookies: &CookieJar,
        _claims: &Principal,
        header_params: &models::ListPatientAuditHeaderParams,
        path_params: &models::ListPatientAuditPathParams,
        query_params: &models::ListPatientAuditQueryParams,
    ) -> Result<ListPatientAuditResponse, ApiError> {
        let limit = page_size("listPatientAudit", query_params.limit);
        let after = query_params.cursor.as_deref().map(AuditCursor::decode).transpose()?;
        let patient_id = path_params.patient_id;
        let page = audit::list(&self.db, patient_id, after, limit).await?;
        // Every patient has at least its create entry, so only an empty page can mean an
        // unknown id. Deleted patients keep their history.
        if page.entries.is_empty() && !audit::patient_ever_existed(&self.db, patient_id).await? {
            return Err(ApiError::PatientNotFound);
        }
        Ok(ListPatientAuditResponse::Status200_OnePageOfThePatient {
            body: models::AuditEntryList::new(
                page.entries.into_iter().map(audit_entry).collect(),
                page.next.map_or(Nullable::Null, |cursor| Nullable::Present(cursor.encode())),
            ),
            x_request_id: echo_request_id(header_params.x_request_id.as_ref()),
        })
    }
}

fn audit_entry(row: audit_log::Model) -> models::AuditEntry {
    let changes: HashMap<String, Object> = match row.diff {
        Value::Object(fields) => fields.into_iter().map(|(field, value)| (field, Object(value))).collect(),
        _ => HashMap::new(),
    };
    models::AuditEntry::new(
        row.audit_id,
        row.patient_id,
        row.action,
        row.actor,
        row.request_id,
        row.occurred_at,
        changes,
    )
}
