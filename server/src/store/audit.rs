//! Audit trail rows, written inside the transaction of the change they record.
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use serde_json::{Map, Value, json};
use uuid::Uuid;

use super::{
    cursor::AuditCursor,
    entities::{audit_log, patient},
    map_db_error,
};
use crate::error::ApiError;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Create,
    Update,
    Delete,
    Restore,
}

impl Action {
    fn as_str(self) -> &'static str {
        match self {
            Action::Create => "create",
            Action::Update => "update",
            Action::Delete => "delete",
            Action::Restore => "restore",
        }
    }
}

/// Who did it and under which request: attached to every audit row.
#[derive(Debug, Clone)]
pub struct Actor {
    pub name: String,
    pub request_id: String,
}

/// The client-visible state of a patient, as recorded in audit diffs. Keys are the API's
/// field paths (`address.postal_code`), the same as in validation errors.
pub fn snapshot(p: &patient::Model) -> Value {
    json!({
        "given_name": p.given_name,
        "middle_name": p.middle_name,
        "family_name": p.family_name,
        "date_of_birth": p.date_of_birth,
        "gender_identity": p.gender_identity,
        "gender_identity_other": p.gender_identity_other,
        "email": p.email,
        "phone_e164": p.phone_e164,
        "address.line1": p.address_line1,
        "address.line2": p.address_line2,
        "address.city": p.address_city,
        "address.state_province": p.address_state_province,
        "address.postal_code": p.address_postal_code,
        "address.country": p.address_country,
        "preferred_language": p.preferred_language,
        "consent_to_contact": p.consent_to_contact,
        "deleted": p.deleted_at.is_some(),
    })
}

/// `{field: {from, to}}` for every field whose value differs between two snapshots.
pub fn changes(before: &Value, after: &Value) -> Value {
    let empty = Map::new();
    let before = before.as_object().unwrap_or(&empty);
    let after = after.as_object().unwrap_or(&empty);
    let changed: Map<String, Value> = after
        .iter()
        .filter(|(field, value)| before.get(*field) != Some(*value))
        .map(|(field, value)| {
            let from = before.get(field).cloned().unwrap_or(Value::Null);
            (field.clone(), json!({ "from": from, "to": value }))
        })
        .collect();
    Value::Object(changed)
}

/// Records `action` on the patient (now in state `after`, previously `before`).
pub async fn record<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    action: Action,
    before: Option<&patient::Model>,
    after: &patient::Model,
) -> Result<(), ApiError> {
    let diff = match before {
        None => snapshot(after),
        Some(before) => changes(&snapshot(before), &snapshot(after)),
    };
    let row = audit_log::ActiveModel {
        actor: Set(actor.name.clone()),
        action: Set(action.as_str().to_owned()),
        patient_id: Set(after.patient_id),
        request_id: Set(actor.request_id.clone()),
        diff: Set(diff),
        ..Default::default()
    };
    audit_log::Entity::insert(row).exec_without_returning(db).await.map_err(map_db_error)?;
    Ok(())
}

/// One page of a patient's audit trail, oldest first.
pub struct AuditPage {
    pub entries: Vec<audit_log::Model>,
    pub next: Option<AuditCursor>,
}

/// Reads a page of the patient's trail after `after`. `audit_id` order is commit order for
/// one patient: every write locks the patient's row before it inserts its audit row, so a
/// later change always gets a higher id and paging never skips a committed entry.
pub async fn list<C: ConnectionTrait>(
    db: &C,
    patient_id: Uuid,
    after: Option<AuditCursor>,
    limit: u64,
) -> Result<AuditPage, ApiError> {
    let mut query = audit_log::Entity::find().filter(audit_log::Column::PatientId.eq(patient_id));
    if let Some(cursor) = after {
        query = query.filter(audit_log::Column::AuditId.gt(cursor.audit_id()));
    }
    let mut entries =
        query.order_by_asc(audit_log::Column::AuditId).limit(limit + 1).all(db).await.map_err(map_db_error)?;
    let next = if entries.len() as u64 > limit {
        entries.truncate(limit as usize);
        entries.last().map(|last| AuditCursor::after(last.audit_id))
    } else {
        None
    };
    Ok(AuditPage { entries, next })
}

/// Whether the patient ever existed, deleted or not.
pub async fn patient_ever_existed<C: ConnectionTrait>(db: &C, patient_id: Uuid) -> Result<bool, ApiError> {
    let found = patient::Entity::find_by_id(patient_id).one(db).await.map_err(map_db_error)?;
    Ok(found.is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changes_list_only_changed_fields() {
        let before = json!({"given_name": "Ann", "email": null, "deleted": false});
        let after = json!({"given_name": "Anna", "email": null, "deleted": false});
        assert_eq!(changes(&before, &after), json!({"given_name": {"from": "Ann", "to": "Anna"}}));
        assert_eq!(changes(&after, &after), json!({}));
    }
}
