//! The patient resource: the one mapping from a stored row to what clients see. Responses and
//! audit snapshots both derive from it, so a field added to the contract shows up in both.
use patient_api::{models, types::Nullable};
use serde_json::{Map, Value};

use crate::store::entities::patient;

/// Bookkeeping the server maintains on every change; audit entries carry it in their own
/// columns (`occurred_at`), not in the snapshot of what changed.
const BOOKKEEPING: &[&str] = &["patient_id", "version", "created_at", "updated_at"];

pub fn patient_resource(row: &patient::Model) -> models::Patient {
    let address = row.address_line1.as_ref().map(|line1| {
        models::Address::new(
            line1.clone(),
            nullable(&row.address_line2),
            nullable(&row.address_city),
            nullable(&row.address_state_province),
            nullable(&row.address_postal_code),
            nullable(&row.address_country),
        )
    });
    models::Patient::new(
        row.patient_id,
        row.given_name.clone(),
        nullable(&row.middle_name),
        row.family_name.clone(),
        row.date_of_birth.format("%Y-%m-%d").to_string(),
        contract_value(&row.sex_at_birth, "sex_at_birth"),
        contract_value(&row.gender_identity, "gender_identity"),
        nullable(&row.gender_identity_other),
        nullable(&row.email),
        nullable(&row.phone_e164),
        address.map_or(Nullable::Null, Nullable::Present),
        nullable(&row.preferred_language),
        row.consent_to_contact,
        u64::try_from(row.version).expect("the database keeps version >= 1"),
        row.deleted_at.is_some(),
        row.created_at,
        row.updated_at,
    )
}

/// The client-visible state of a patient as audit entries record it: the resource without
/// its bookkeeping, keyed by the API's field paths (`address.postal_code`, as in validation
/// errors).
pub fn audit_snapshot(row: &patient::Model) -> Value {
    let resource = serde_json::to_value(patient_resource(row)).expect("a patient always serializes");
    let mut snapshot = Map::new();
    for (field, value) in resource.as_object().expect("a patient serializes to an object") {
        if BOOKKEEPING.contains(&field.as_str()) {
            continue;
        }
        match value {
            Value::Object(parts) => {
                for (part, value) in parts {
                    snapshot.insert(format!("{field}.{part}"), value.clone());
                }
            }
            other => {
                snapshot.insert(field.clone(), other.clone());
            }
        }
    }
    Value::Object(snapshot)
}

/// `{field: {from, to}}` for every field whose value differs between two snapshots; a field
/// one snapshot lacks (an address part when there is no address) counts as `null`.
pub fn changes(before: &Value, after: &Value) -> Value {
    let empty = Map::new();
    let before = before.as_object().unwrap_or(&empty);
    let after = after.as_object().unwrap_or(&empty);
    let mut fields: Vec<&String> = before.keys().chain(after.keys()).collect();
    fields.sort();
    fields.dedup();
    let changed: Map<String, Value> = fields
        .into_iter()
        .filter_map(|field| {
            let from = before.get(field).cloned().unwrap_or(Value::Null);
            let to = after.get(field).cloned().unwrap_or(Value::Null);
            (from != to).then(|| (field.clone(), serde_json::json!({ "from": from, "to": to })))
        })
        .collect();
    Value::Object(changed)
}

fn nullable(value: &Option<String>) -> Nullable<String> {
    value.clone().map_or(Nullable::Null, Nullable::Present)
}

/// A stored enum value. The column's CHECK constraint admits only the contract's values
/// (a test holds the two lists together), so anything else is a broken invariant.
fn contract_value<T: std::str::FromStr>(stored: &str, column: &str) -> T {
    stored.parse().unwrap_or_else(|_| panic!("patients.{column} holds a value outside the contract"))
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn changes_list_only_changed_fields_and_treat_missing_as_null() {
        let before = json!({"given_name": "Ann", "email": null, "address": null});
        let after = json!({"given_name": "Anna", "email": null, "address.line1": "1 Main", "address.city": null});
        assert_eq!(
            changes(&before, &after),
            json!({"given_name": {"from": "Ann", "to": "Anna"}, "address.line1": {"from": null, "to": "1 Main"}})
        );
        assert_eq!(changes(&after, &after), json!({}));
        assert_eq!(changes(&after, &before)["address.line1"], json!({"from": "1 Main", "to": null}));
    }
}
