//! Patient queries. Every write stores its audit row in the same statement as the change,
//! and checks the expected version in the UPDATE itself, so concurrent writers serialize on
//! the row and a stale writer changes nothing. The statements are in [`super::sql`]; each
//! request costs as few round trips as PostgreSQL allows (see there).
//!
//! Duplicate emails and phone numbers are found without making PostgreSQL raise a unique
//! violation where that can be avoided (`ON CONFLICT DO NOTHING`, a lookup before an
//! UPDATE): the server log of a raised violation would quote the conflicting value.
use std::time::Duration;

use chrono::{DateTime, NaiveDate, SubsecRound, Utc};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
    sea_query::{Expr, ExprTrait, Func},
};
use uuid::Uuid;

use super::{
    StoreError,
    audit::{self, Action, Actor},
    cursor::PageCursor,
    db::Db,
    entities::patient::{self, Column, Entity as Patients},
    idempotency::{self, IdempotencyClaim, SavedResponse},
    patient_row::PatientRow,
    sql,
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

    /// Creates a patient with its audit row. With an idempotency claim, the key is claimed
    /// and the response (`respond`) saved by the same statement. Either way it is one
    /// statement, its own transaction.
    pub async fn create(
        &self,
        draft: PatientDraft,
        actor: &Actor,
        idempotency: Option<&IdempotencyClaim>,
        respond: impl FnOnce(&patient::Model) -> SavedResponse,
    ) -> Result<CreateOutcome, StoreError> {
        let (email, phone) = (draft.email.clone(), draft.phone_e164.clone());
        let row = new_patient(draft);
        let audit = audit::Entry::new(actor, Action::Create, None, &row);
        let Some(claim) = idempotency else {
            return match sql::insert_patient(&self.db, &row, &audit).await? {
                true => Ok(CreateOutcome::Created(Box::new(row))),
                false => Err(duplicate(&self.db, None, email.as_ref(), phone.as_ref()).await?),
            };
        };
        let saved = respond(&row);
        let claimed =
            sql::claim_and_insert_patient(&self.db, claim, &saved, self.idempotency_retention, &row, &audit).await?;
        match claimed {
            sql::Claim::Created => Ok(CreateOutcome::Created(Box::new(row))),
            // The key was free, the patient's email or phone was not: nothing was kept.
            sql::Claim::PatientConflicted => Err(duplicate(&self.db, None, email.as_ref(), phone.as_ref()).await?),
            sql::Claim::Taken(existing) => Ok(CreateOutcome::Replayed(idempotency::replay(claim, existing)?)),
            // Claimed by a transaction that committed after this statement began: read it now.
            sql::Claim::TakenConcurrently => {
                let existing = idempotency::find(&self.db, claim)
                    .await?
                    .ok_or(StoreError::Inconsistent("an idempotency key vanished between claim and read"))?;
                Ok(CreateOutcome::Replayed(idempotency::replay(claim, existing)?))
            }
        }
    }

    /// An active (not deleted) patient.
    pub async fn find_active(&self, id: Uuid) -> Result<Option<patient::Model>, StoreError> {
        sql::find_patient(&self.db, id, true).await
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

    /// The shared write path, optimistic: read the row, check its state and `precondition`,
    /// then one statement updates it guarded by the version just read and inserts the audit
    /// row (whose diff is against exactly that version). When another writer got in between,
    /// the guard matches nothing and the attempt starts over from a fresh read, which then
    /// judges the precondition against the newer version (a stale `If-Match` gets 412).
    /// After [`OPTIMISTIC_ATTEMPTS`] such losses (a hot row and an unconditional request),
    /// the row is locked for the read instead, so the request cannot starve.
    async fn write(
        &self,
        id: Uuid,
        change: Change,
        precondition: &Precondition,
        actor: &Actor,
    ) -> Result<patient::Model, StoreError> {
        for _ in 0..OPTIMISTIC_ATTEMPTS {
            let current = sql::find_patient(&self.db, id, false).await?.ok_or(StoreError::NotFound)?;
            if let Some(updated) = attempt_write(&self.db, current, &change, precondition, actor).await? {
                return Ok(updated);
            }
        }
        let txn = self.db.begin().await?;
        let current = Patients::find_by_id(id).lock_exclusive().one(&txn).await?.ok_or(StoreError::NotFound)?;
        let updated = attempt_write(&txn, current, &change, precondition, actor)
            .await?
            .ok_or(StoreError::Inconsistent("a locked patient changed under its lock"))?;
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
            .into_model::<PatientRow>()
            .all(&self.db)
            .await?
            .into_iter()
            .map(|PatientRow(patient)| patient)
            .collect::<Vec<_>>();
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
    db: &impl ConnectionTrait,
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
    let found = query.limit(2).all(db).await?;
    let has_email = email.is_some_and(|e| found.iter().any(|p| p.email.as_deref() == Some(e.as_str())));
    Ok(if has_email {
        Some(StoreError::DuplicateEmail)
    } else if found.is_empty() {
        None
    } else {
        Some(StoreError::DuplicatePhone)
    })
}

/// The one conversion from a validated draft to the stored columns: sets every client-owned
/// field of `row`; server-owned columns are left for the caller.
fn apply(draft: PatientDraft, row: &mut patient::Model) {
    let address = draft.address;
    let part = |f: fn(&crate::domain::address::Address) -> Option<String>| address.as_ref().and_then(f);
    row.given_name = draft.given_name.into_inner();
    row.middle_name = draft.middle_name.map(PersonName::into_inner);
    row.family_name = draft.family_name.into_inner();
    row.date_of_birth = draft.date_of_birth.date();
    row.sex_at_birth = draft.sex_at_birth.to_string();
    row.gender_identity = draft.gender_identity.value().to_string();
    row.gender_identity_other = draft.gender_identity.other_text().map(str::to_owned);
    row.email = draft.email.map(Email::into_inner);
    row.phone_e164 = draft.phone_e164.map(PhoneE164::into_inner);
    row.address_line1 = part(|a| Some(a.line1.as_str().to_owned()));
    row.address_line2 = part(|a| a.line2.as_ref().map(|l| l.as_str().to_owned()));
    row.address_city = part(|a| Some(a.city.as_str().to_owned()));
    row.address_state_province = part(|a| Some(a.state_province.as_str().to_owned()));
    row.address_postal_code = part(|a| a.postal_code.as_ref().map(|p| p.as_str().to_owned()));
    row.address_country = part(|a| Some(a.country.as_str().to_owned()));
    row.preferred_language = draft.preferred_language.map(|l| l.into_inner());
    row.consent_to_contact = draft.consent_to_contact;
}

/// A new patient's row, complete: the response and the audit snapshot are built from it
/// before the statement that stores it. Timestamps are taken here, at PostgreSQL's
/// precision (microseconds), so the stored row is exactly this one.
fn new_patient(draft: PatientDraft) -> patient::Model {
    let now = timestamp_now();
    let mut row = patient::Model {
        patient_id: Uuid::new_v4(),
        given_name: String::new(),
        middle_name: None,
        family_name: String::new(),
        date_of_birth: NaiveDate::MIN,
        sex_at_birth: String::new(),
        gender_identity: String::new(),
        gender_identity_other: None,
        email: None,
        phone_e164: None,
        address_line1: None,
        address_line2: None,
        address_city: None,
        address_state_province: None,
        address_postal_code: None,
        address_country: None,
        preferred_language: None,
        consent_to_contact: false,
        version: 1,
        created_at: now,
        updated_at: now,
        deleted_at: None,
    };
    apply(draft, &mut row);
    row
}

fn timestamp_now() -> DateTime<Utc> {
    Utc::now().trunc_subsecs(6)
}

/// How many times a write re-reads after losing a race before it locks the row instead.
const OPTIMISTIC_ATTEMPTS: usize = 3;

/// One try of a write on `current` (read just before, locked or not): `None` when another
/// writer changed the row since it was read.
async fn attempt_write(
    db: &impl ConnectionTrait,
    current: patient::Model,
    change: &Change,
    precondition: &Precondition,
    actor: &Actor,
) -> Result<Option<patient::Model>, StoreError> {
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
    let now = timestamp_now();
    let mut after = current.clone();
    after.version = current.version + 1;
    after.updated_at = now;
    let action = match change {
        Change::Replace(draft) => {
            let new_email = draft.email.as_ref().filter(|e| current.email.as_deref() != Some(e.as_str()));
            let new_phone = draft.phone_e164.as_ref().filter(|p| current.phone_e164.as_deref() != Some(p.as_str()));
            if let Some(duplicate) = conflict(db, Some(current.patient_id), new_email, new_phone).await? {
                return Err(duplicate);
            }
            apply((**draft).clone(), &mut after);
            Action::Update
        }
        Change::Delete => {
            after.deleted_at = Some(now);
            Action::Delete
        }
        Change::Restore => {
            after.deleted_at = None;
            Action::Restore
        }
    };
    let audit = audit::Entry::new(actor, action, Some(&current), &after);
    Ok(sql::update_patient(db, current.version, &after, &audit).await?.then_some(after))
}

/// The duplicate a create ran into, found after its insert did nothing.
async fn duplicate(
    db: &impl ConnectionTrait,
    except: Option<Uuid>,
    email: Option<&Email>,
    phone: Option<&PhoneE164>,
) -> Result<StoreError, StoreError> {
    Ok(conflict(db, except, email, phone)
        .await?
        .unwrap_or(StoreError::Inconsistent("an insert conflicted with no visible patient")))
}
