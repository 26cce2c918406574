//! Patient queries. Every write runs in one transaction with its audit row, locks the
//! patient's row, and checks the expected version in the UPDATE itself, so concurrent
//! writers serialize and a stale writer changes nothing.
//!
//! Duplicate emails and phone numbers are found without making PostgreSQL raise a unique
//! violation where that can be avoided (`ON CONFLICT DO NOTHING`, a lookup before an
//! UPDATE): the server log of a raised violation would quote the conflicting value.
use std::time::Duration;

use chrono::NaiveDate;
use sea_orm::{
    ActiveValue::Set,
    ColumnTrait, Condition, DbErr, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
    sea_query::{Expr, ExprTrait, Func, OnConflict},
};
use uuid::Uuid;

use super::{
    StoreError,
    audit::{self, Action, Actor},
    cursor::PageCursor,
    db::{Db, Txn},
    entities::patient::{self, Column, Entity as Patients},
    idempotency::{self, Claimed, IdempotencyClaim, SavedResponse},
};
use crate::{
    domain::{email::Email, name::PersonName, patient::PatientDraft, phone::PhoneE164},
    etag::Precondition,
};

/// List filters, already normalized like stored values.
#[derive(Debug, Default, Clone)]
pub struct PatientFilter {
    pub family_name: Option<PersonName>,
    pub date_of_birth: Option<NaiveDate>,
    pub email: Option<Email>,
    pub phone_e164: Option<PhoneE164>,
}

/// What a write does to an existing patient.
enum Change {
    /// Replace every client-owned field (the patient must be active).
    Replace(Box<PatientDraft>),
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
    db: Db,
    idempotency_retention: Duration,
}

impl PatientStore {
    pub fn new(db: Db, idempotency_retention: Duration) -> Self {
        Self { db, idempotency_retention }
    }

    /// Creates a patient. With an idempotency claim, the key is claimed in the same
    /// transaction, and `respond` builds the response saved there for replays.
    pub async fn create(
        &self,
        draft: PatientDraft,
        actor: &Actor,
        idempotency: Option<&IdempotencyClaim>,
        respond: impl FnOnce(&patient::Model) -> SavedResponse,
    ) -> Result<CreateOutcome, StoreError> {
        let txn = self.db.begin().await?;
        if let Some(claim) = idempotency
            && let Claimed::Replay(saved) = idempotency::claim(&txn, claim, self.idempotency_retention).await?
        {
            return Ok(CreateOutcome::Replayed(saved));
        }
        let (email, phone) = (draft.email.clone(), draft.phone_e164.clone());
        let mut row = active_model(draft);
        row.patient_id = Set(Uuid::new_v4());
        row.version = Set(1);
        // Without a conflict target, any unique violation (email or phone) becomes "nothing
        // inserted" instead of an error; SeaORM reports the empty RETURNING as not found.
        let inserted = Patients::insert(row)
            .on_conflict(OnConflict::new().do_nothing().to_owned())
            .exec_with_returning(&txn)
            .await;
        let created = match inserted {
            Ok(created) => created,
            Err(DbErr::RecordNotFound(_) | DbErr::RecordNotInserted) => {
                return Err(conflict(&txn, None, email.as_ref(), phone.as_ref())
                    .await?
                    .unwrap_or(StoreError::Inconsistent("an insert conflicted with no visible patient")));
            }
            Err(err) => return Err(err.into()),
        };
        audit::record(&txn, actor, Action::Create, None, &created).await?;
        if let Some(claim) = idempotency {
            idempotency::save(&txn, claim, &respond(&created)).await?;
        }
        txn.commit().await?;
        Ok(CreateOutcome::Created(Box::new(created)))
    }

    /// An active (not deleted) patient.
    pub async fn find_active(&self, id: Uuid) -> Result<Option<patient::Model>, StoreError> {
        Ok(Patients::find_by_id(id).filter(Column::DeletedAt.is_null()).one(&self.db).await?)
    }

    pub async fn replace(
        &self,
        id: Uuid,
        draft: PatientDraft,
        precondition: &Precondition,
        actor: &Actor,
    ) -> Result<patient::Model, StoreError> {
        self.write(id, Change::Replace(Box::new(draft)), precondition, actor).await
    }

    pub async fn soft_delete(
        &self,
        id: Uuid,
        precondition: &Precondition,
        actor: &Actor,
    ) -> Result<patient::Model, StoreError> {
        self.write(id, Change::Delete, precondition, actor).await
    }

    pub async fn restore(
        &self,
        id: Uuid,
        precondition: &Precondition,
        actor: &Actor,
    ) -> Result<patient::Model, StoreError> {
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
    ) -> Result<patient::Model, StoreError> {
        let txn = self.db.begin().await?;
        let current = Patients::find_by_id(id).lock_exclusive().one(&txn).await?.ok_or(StoreError::NotFound)?;
        let deleted = current.deleted_at.is_some();
        if deleted && !matches!(change, Change::Restore) {
            return Err(StoreError::NotFound);
        }
        if !precondition.allows(current.version) {
            return Err(StoreError::VersionMismatch);
        }
        if !deleted && matches!(change, Change::Restore) {
            return Err(StoreError::NotDeleted);
        }
        let (columns, action, deleted_at) = match change {
            Change::Replace(draft) => {
                let new_email = draft.email.as_ref().filter(|e| current.email.as_deref() != Some(e.as_str()));
                let new_phone = draft.phone_e164.as_ref().filter(|p| current.phone_e164.as_deref() != Some(p.as_str()));
                if let Some(duplicate) = conflict(&txn, Some(id), new_email, new_phone).await? {
                    return Err(duplicate);
                }
                (active_model(*draft), Action::Update, None)
            }
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
            .await?
            .pop()
            .ok_or(StoreError::VersionMismatch)?;
        audit::record(&txn, actor, action, Some(&current), &updated).await?;
        txn.commit().await?;
        Ok(updated)
    }

    /// One page of active patients matching every filter, in `(created_at, patient_id)` order.
    pub async fn list(
        &self,
        filter: &PatientFilter,
        after: Option<PageCursor>,
        limit: u64,
    ) -> Result<Page, StoreError> {
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
            .await?;
        let next = if patients.len() as u64 > limit {
            patients.truncate(limit as usize);
            patients.last().map(|last| PageCursor::after(last.created_at, last.patient_id))
        } else {
            None
        };
        Ok(Page { patients, next })
    }
}

/// Which of `email` and `phone` another patient (deleted ones included: they keep theirs
/// reserved) already has, if either.
async fn conflict(
    txn: &Txn,
    except: Option<Uuid>,
    email: Option<&Email>,
    phone: Option<&PhoneE164>,
) -> Result<Option<StoreError>, StoreError> {
    let mut holders = Condition::any();
    if let Some(email) = email {
        holders = holders.add(Expr::expr(Func::lower(Expr::col(Column::Email))).eq(email.as_str()));
    }
    if let Some(phone) = phone {
        holders = holders.add(Column::PhoneE164.eq(phone.as_str()));
    }
    if holders.is_empty() {
        return Ok(None);
    }
    let mut query = Patients::find().filter(holders);
    if let Some(id) = except {
        query = query.filter(Column::PatientId.ne(id));
    }
    let found = query.limit(2).all(txn).await?;
    let has_email = email.is_some_and(|e| found.iter().any(|p| p.email.as_deref() == Some(e.as_str())));
    Ok(if has_email {
        Some(StoreError::DuplicateEmail)
    } else if found.is_empty() {
        None
    } else {
        Some(StoreError::DuplicatePhone)
    })
}

/// The one conversion from a validated draft to the stored columns; server-owned columns
/// are left for the caller.
fn active_model(draft: PatientDraft) -> patient::ActiveModel {
    let address = draft.address;
    let part = |f: fn(&crate::domain::address::Address) -> Option<String>| Set(address.as_ref().and_then(f));
    patient::ActiveModel {
        given_name: Set(draft.given_name.into_inner()),
        middle_name: Set(draft.middle_name.map(PersonName::into_inner)),
        family_name: Set(draft.family_name.into_inner()),
        date_of_birth: Set(draft.date_of_birth.date()),
        sex_at_birth: Set(draft.sex_at_birth.to_string()),
        gender_identity: Set(draft.gender_identity.value().to_string()),
        gender_identity_other: Set(draft.gender_identity.other_text().map(str::to_owned)),
        email: Set(draft.email.map(Email::into_inner)),
        phone_e164: Set(draft.phone_e164.map(PhoneE164::into_inner)),
        address_line1: part(|a| Some(a.line1.as_str().to_owned())),
        address_line2: part(|a| a.line2.as_ref().map(|l| l.as_str().to_owned())),
        address_city: part(|a| Some(a.city.as_str().to_owned())),
        address_state_province: part(|a| Some(a.state_province.as_str().to_owned())),
        address_postal_code: part(|a| a.postal_code.as_ref().map(|p| p.as_str().to_owned())),
        address_country: part(|a| Some(a.country.as_str().to_owned())),
        preferred_language: Set(draft.preferred_language.map(|l| l.into_inner())),
        consent_to_contact: Set(draft.consent_to_contact),
        ..Default::default()
    }
}
