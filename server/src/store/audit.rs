//! Audit trail rows, written inside the transaction of the change they record.
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
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

/// Records `action` on the patient (now in state `after`, previously `before`).
pub async fn record<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    action: Action,
    before: Option<&patient::Model>,
    after: &patient::Model,
) -> Result<(), StoreError> {
    let diff = match before {
        None => audit_snapshot(after),
        Some(before) => changes(&audit_snapshot(before), &audit_snapshot(after)),
    };
    let row = audit_log::ActiveModel {
        actor: Set(actor.name.clone()),
        action: Set(action.as_str().to_owned()),
        patient_id: Set(after.patient_id),
        request_id: Set(actor.request_id.clone()),
        diff: Set(diff),
        ..Default::default()
    };
    audit_log::Entity::insert(row).exec_without_returning(db).await?;
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
