//! Audit trail rows, written by the statement of the change they record.
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use uuid::Uuid;

use super::{
    StoreError,
    cursor::AuditCursor,
    entities::{audit_log, patient},
};
use crate::resource::{audit_snapshot, changes};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Create,
    Update,
    Delete,
    Restore,
}

impl Action {
    pub(super) fn as_str(self) -> &'static str {
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

/// An audit row to insert with the change it records (the statements in `store::sql`).
pub struct Entry<'a> {
    pub actor: &'a Actor,
    pub action: Action,
    /// What changed: the whole snapshot on create, `{field: {from, to}}` otherwise.
    pub diff: serde_json::Value,
}

impl<'a> Entry<'a> {
    /// `action` on the patient, now in state `after`, previously `before`.
    pub fn new(actor: &'a Actor, action: Action, before: Option<&patient::Model>, after: &patient::Model) -> Self {
        let diff = match before {
            None => audit_snapshot(after),
            Some(before) => changes(&audit_snapshot(before), &audit_snapshot(after)),
        };
        Self { actor, action, diff }
    }
}

/// One page of a patient's audit trail, oldest first.
pub struct AuditPage {
    pub entries: Vec<audit_log::Model>,
    pub next: Option<AuditCursor>,
}

/// Reads a page of the patient's trail after `after`. `audit_id` order is commit order for
/// one patient: every write's UPDATE locks the patient's row before the same statement
/// inserts its audit row, so a later change always gets a higher id and paging never skips a
/// committed entry.
pub async fn list<C: ConnectionTrait>(
    db: &C,
    patient_id: Uuid,
    after: Option<AuditCursor>,
    limit: u64,
) -> Result<AuditPage, StoreError> {
    let mut query = audit_log::Entity::find().filter(audit_log::Column::PatientId.eq(patient_id));
    if let Some(cursor) = after {
        query = query.filter(audit_log::Column::AuditId.gt(cursor.audit_id()));
    }
    let mut entries = query.order_by_asc(audit_log::Column::AuditId).limit(limit + 1).all(db).await?;
    let next = if entries.len() as u64 > limit {
        entries.truncate(limit as usize);
        entries.last().map(|last| AuditCursor::after(last.audit_id))
    } else {
        None
    };
    Ok(AuditPage { entries, next })
}

/// Whether the patient ever existed, deleted or not.
pub async fn patient_ever_existed<C: ConnectionTrait>(db: &C, patient_id: Uuid) -> Result<bool, StoreError> {
    let found = patient::Entity::find_by_id(patient_id).one(db).await?;
    Ok(found.is_some())
}
