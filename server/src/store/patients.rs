//! Patient queries. Every write runs in one transaction with its audit row, locks the
//! patient's row, and checks the expected version in the UPDATE itself, so concurrent
//! writers serialize and a stale writer changes nothing.
use std::time::Duration;

use chrono::NaiveDate;
use sea_orm::{
    ActiveValue::Set,
    ColumnTrait, DatabaseConnection, DatabaseTransaction, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
    TransactionTrait,
    sea_query::{Expr, ExprTrait, Func},
};
use uuid::Uuid;

use super::{
    audit::{self, Action, Actor},
    cursor::PageCursor,
    entities::patient::{self, Column, Entity as Patients},
    idempotency::{self, Claimed, IdempotencyClaim, SavedResponse},
    map_db_error,
};
use crate::{domain::patient::PatientDraft, error::ApiError, etag::Precondition};

/// List filters, already normalized like stored values.
#[derive(Debug, Default, Clone)]
pub struct PatientFilter {
    pub family_name: Option<String>,
    pub date_of_birth: Option<NaiveDate>,
    pub email: Option<String>,
    pub phone_e164: Option<String>,
}

/// What a write does to an existing patient.
enum Change {
    /// Replace every client-owned field (the patient must be active).
    Replace(Box<patient::ActiveModel>),
    /// Soft-delete (the patient must be active).
    Delete,
    /// Undo a soft delete (the patient must be deleted).
    Restore,
}

pub struct Page {
    pub patients: Vec<patient::Model>,
    pub next: Option<PageCursor>,
}

/// The response to a create: new, or saved by an earlier request with the same key.
pub enum CreateOutcome {
    Created(Box<patient::Model>),
    Replayed(SavedResponse),
}

#[derive(Clone)]
pub struct PatientStore {
    db: DatabaseConnection,
    idempotency_retention: Duration,
}

impl PatientStore {
    pub fn new(db: DatabaseConnection, idempotency_retention: Duration) -> Self {
        Self { db, idempotency_retention }
    }

    /// Creates a patient. With an idempotency claim, the key is claimed in the same
    /// transaction, and `respond` builds the response saved there for replays.
    pub async fn create(
        &self,
        draft: PatientDraft,
        actor: &Actor,
        idempotency: Option<&IdempotencyClaim>,
        respond: impl FnOnce(&patient::Model) -> Result<SavedResponse, ApiError>,
    ) -> Result<CreateOutcome, ApiError> {
        let txn = self.db.begin().await.map_err(map_db_error)?;
        if let Some(claim) = idempotency
            && let Claimed::Replay(saved) = idempotency::claim(&txn, claim, self.idempotency_retention).await?
        {
            return Ok(CreateOutcome::Replayed(saved));
        }
        let mut row = active_model(draft);
        row.patient_id = Set(Uuid::new_v4());
        row.version = Set(1);
        let created = Patients::insert(row).exec_with_returning(&txn).await.map_err(map_db_error)?;
        audit::record(&txn, actor, Action::Create, None, &created).await?;
        if let Some(claim) = idempotency {
            idempotency::save(&txn, claim, &respond(&created)?).await?;
        }
        txn.commit().await.map_err(map_db_error)?;
        Ok(CreateOutcome::Created(Box::new(created)))
    }

    /// An active (not deleted) patient.
    pub async fn find_active(&self, id: Uuid) -> Result<Option<patient::Model>, ApiError> {
        Patients::find_by_id(id).filter(Column::DeletedAt.is_null()).one(&self.db).await.map_err(map_db_error)
    }

    pub async fn replace(
        &self,
        id: Uuid,
        draft: PatientDraft,
        precondition: &Precondition,
        actor: &Actor,
    ) -> Result<patient::Model, ApiError> {
        self.write(id, Change::Replace(Box::new(active_model(draft))), precondition, actor).await
    }

    pub async fn soft_delete(
        &self,
        id: Uuid,
        precondition: &Precondition,
        actor: &Actor,
    ) -> Result<patient::Model, ApiError> {
        self.write(id, Change::Delete, precondition, actor).await
    }

    pub async fn restore(
        &self,
        id: Uuid,
        precondition: &Precondition,
        actor: &Actor,
    ) -> Result<patient::Model, ApiError> {
        self.write(id, Change::Restore, precondition, actor).await
    }

    /// The shared write path: lock the row, check its state and `precondition`, apply the
    /// change while bumping the version (guarded by the version just read), audit, commit.
    async fn write(
        &self,
        id: Uuid,
        change: Change,
        precondition: &Precondition,
        actor: &Actor,
    ) -> Result<patient::Model, ApiError> {
        let txn = self.db.begin().await.map_err(map_db_error)?;
        let current = lock(&txn, id).await?.ok_or(ApiError::PatientNotFound)?;
        let deleted = current.deleted_at.is_some();
        if deleted && !matches!(change, Change::Restore) {
            return Err(ApiError::PatientNotFound);
        }
        if !precondition.allows(current.version) {
            return Err(ApiError::PreconditionFailed);
        }
        if !deleted && matches!(change, Change::Restore) {
            return Err(ApiError::PatientNotDeleted);
        }
        let (columns, action, deleted_at) = match change {
            Change::Replace(columns) => (*columns, Action::Update, None),
            Change::Delete => (patient::ActiveModel::default(), Action::Delete, Some(Expr::current_timestamp())),
            Change::Restore => (
                patient::ActiveModel::default(),
                Action::Restore,
                Some(Expr::value(Option::<chrono::DateTime<chrono::Utc>>::None)),
            ),
        };
        let mut update = Patients::update_many()
            .set(columns)
            .col_expr(Column::Version, Expr::col(Column::Version).add(1))
            .col_expr(Column::UpdatedAt, Expr::current_timestamp());
        if let Some(deleted_at) = deleted_at {
            update = update.col_expr(Column::DeletedAt, deleted_at);
        }
        let updated = update
            .filter(Column::PatientId.eq(id))
            .filter(Column::Version.eq(current.version))
            .exec_with_returning(&txn)
            .await
            .map_err(map_db_error)?
            .pop()
            .ok_or(ApiError::PreconditionFailed)?;
        audit::record(&txn, actor, action, Some(&current), &updated).await?;
        txn.commit().await.map_err(map_db_error)?;
        Ok(updated)
    }

    /// One page of active patients matching every filter, in `(created_at, patient_id)` order.
    pub async fn list(&self, filter: &PatientFilter, after: Option<PageCursor>, limit: u64) -> Result<Page, ApiError> {
        let mut query = Patients::find().filter(Column::DeletedAt.is_null());
        if let Some(family_name) = &filter.family_name {
            query = query.filter(
                Expr::expr(Func::lower(Expr::col(Column::FamilyName))).eq(Func::lower(Expr::val(family_name.as_str()))),
            );
        }
        if let Some(date_of_birth) = filter.date_of_birth {
            query = query.filter(Column::DateOfBirth.eq(date_of_birth));
        }
        if let Some(email) = &filter.email {
            query = query.filter(Expr::expr(Func::lower(Expr::col(Column::Email))).eq(email.as_str()));
        }
        if let Some(phone) = &filter.phone_e164 {
            query = query.filter(Column::PhoneE164.eq(phone.as_str()));
        }
        if let Some(cursor) = after {
            query = query.filter(
                Expr::tuple([Expr::col(Column::CreatedAt), Expr::col(Column::PatientId)])
                    .gt(Expr::tuple([Expr::val(cursor.created_at()), Expr::val(cursor.patient_id())])),
            );
        }
        let mut patients = query
            .order_by_asc(Column::CreatedAt)
            .order_by_asc(Column::PatientId)
            .limit(limit + 1)
            .all(&self.db)
            .await
            .map_err(map_db_error)?;
        let next = if patients.len() as u64 > limit {
            patients.truncate(limit as usize);
            patients.last().map(|last| PageCursor::after(last.created_at, last.patient_id))
        } else {
            None
        };
        Ok(Page { patients, next })
    }
}

async fn lock(txn: &DatabaseTransaction, id: Uuid) -> Result<Option<patient::Model>, ApiError> {
    Patients::find_by_id(id).lock_exclusive().one(txn).await.map_err(map_db_error)
}

/// The client-owned columns of a draft; server-owned ones are left for the caller.
fn active_model(draft: PatientDraft) -> patient::ActiveModel {
    let address = draft.address;
    let part = |f: fn(&crate::domain::address::Address) -> Option<String>| Set(address.as_ref().and_then(f));
    patient::ActiveModel {
        given_name: Set(draft.given_name),
        middle_name: Set(draft.middle_name),
        family_name: Set(draft.family_name),
        date_of_birth: Set(draft.date_of_birth),
        gender_identity: Set(draft.gender_identity),
        gender_identity_other: Set(draft.gender_identity_other),
        email: Set(draft.email),
        phone_e164: Set(draft.phone_e164),
        address_line1: part(|a| Some(a.line1.clone())),
        address_line2: part(|a| a.line2.clone()),
        address_city: part(|a| a.city.clone()),
        address_state_province: part(|a| a.state_province.clone()),
        address_postal_code: part(|a| a.postal_code.clone()),
        address_country: part(|a| a.country.clone()),
        preferred_language: Set(draft.preferred_language),
        consent_to_contact: Set(draft.consent_to_contact),
        ..Default::default()
    }
}
