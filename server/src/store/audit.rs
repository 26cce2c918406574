//! Audit trail rows, written inside the transaction of the change they record.
use sea_orm::{ActiveValue::Set, ConnectionTrait, EntityTrait};
use serde_json::{Map, Value, json};

use super::entities::{audit_log, patient};
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

/// The client-visible state of a patient, as recorded in audit diffs.
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
        "address_line1": p.address_line1,
        "address_line2": p.address_line2,
        "address_city": p.address_city,
        "address_state_province": p.address_state_province,
        "address_postal_code": p.address_postal_code,
        "address_country": p.address_country,
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
    audit_log::Entity::insert(row).exec_without_returning(db).await.map_err(super::map_db_error)?;
    Ok(())
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
