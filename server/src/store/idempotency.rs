//! Idempotent create (Stripe's and the IETF draft's semantics).
//!
//! A key is claimed with `INSERT … ON CONFLICT DO NOTHING` inside the create's transaction.
//! A concurrent request with the same key blocks on the primary key until the first commits
//! (then it finds the saved response and replays it) or rolls back (then its own claim
//! succeeds and it runs). Keys are stored as SHA-256 hashes, scoped to the principal, and
//! expire after the retention period.
use std::time::Duration;

use chrono::Utc;
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, sea_query::OnConflict};
use serde::Deserialize;
use sha2::{Digest, Sha256};

use super::{
    StoreError,
    db::{Db, Txn},
    entities::idempotency_key::{self, Column, Entity as IdempotencyKeys},
};

/// A validated `Idempotency-Key` with the request it came with.
#[derive(Debug, Clone)]
pub struct IdempotencyClaim {
    principal: String,
    key_hash: [u8; 32],
    fingerprint: [u8; 32],
}

impl IdempotencyClaim {
    /// `key` is the header's value (its syntax is the contract's to check); `request` is the
    /// normalized request (method, route and canonical body) whose hash identifies a retry.
    pub fn new(principal: &str, key: &str, request: &[u8]) -> Self {
        Self {
            principal: principal.to_owned(),
            key_hash: Sha256::digest(key.as_bytes()).into(),
            fingerprint: Sha256::digest(request).into(),
        }
    }
}

/// The parts of a response that a replay repeats.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SavedResponse {
    pub status: u16,
    pub etag: String,
    pub location: String,
    pub body: Vec<u8>,
}

#[derive(Deserialize)]
struct SavedHeaders {
    etag: String,
    location: String,
}

/// What claiming a key found.
pub enum Claimed {
    /// The key is ours: run the request, then [`save`] its response in the same transaction.
    Fresh,
    /// A completed earlier request with the same key and fingerprint: replay this.
    Replay(SavedResponse),
}

pub async fn claim(txn: &Txn, claim: &IdempotencyClaim, retention: Duration) -> Result<Claimed, StoreError> {
    // An expired key may be reused: remove it first (the purge may not have run yet).
    IdempotencyKeys::delete_many()
        .filter(Column::Principal.eq(claim.principal.as_str()))
        .filter(Column::KeyHash.eq(claim.key_hash.to_vec()))
        .filter(Column::ExpiresAt.lt(Utc::now()))
        .exec(txn)
        .await?;
    // The retention is bounded by the configuration, so this cannot overflow.
    let expires_at = Utc::now() + chrono::Duration::from_std(retention).unwrap_or(chrono::Duration::days(1));
    let row = idempotency_key::ActiveModel {
        principal: Set(claim.principal.clone()),
        key_hash: Set(claim.key_hash.to_vec()),
        request_fingerprint: Set(claim.fingerprint.to_vec()),
        expires_at: Set(expires_at),
        ..Default::default()
    };
    let inserted = IdempotencyKeys::insert(row)
        .on_conflict(OnConflict::columns([Column::Principal, Column::KeyHash]).do_nothing().to_owned())
        .exec_without_returning(txn)
        .await?;
    if inserted == 1 {
        return Ok(Claimed::Fresh);
    }
    let existing = IdempotencyKeys::find_by_id((claim.principal.clone(), claim.key_hash.to_vec()))
        .one(txn)
        .await?
        .ok_or(StoreError::Inconsistent("an idempotency key vanished between claim and read"))?;
    if existing.request_fingerprint != claim.fingerprint {
        return Err(StoreError::IdempotencyKeyReused);
    }
    saved_response(existing).map(Claimed::Replay)
}

/// Saves the response of a fresh claim, in the transaction that claimed it.
pub async fn save(txn: &Txn, claim: &IdempotencyClaim, response: &SavedResponse) -> Result<(), StoreError> {
    let headers = serde_json::json!({"etag": response.etag, "location": response.location});
    let status = i16::try_from(response.status).map_err(|_| StoreError::Inconsistent("a status beyond 599"))?;
    IdempotencyKeys::update_many()
        .set(idempotency_key::ActiveModel {
            response_status: Set(Some(status)),
            response_headers: Set(Some(headers)),
            response_body: Set(Some(response.body.clone())),
            ..Default::default()
        })
        .filter(Column::Principal.eq(claim.principal.as_str()))
        .filter(Column::KeyHash.eq(claim.key_hash.to_vec()))
        .exec(txn)
        .await?;
    Ok(())
}

fn saved_response(row: idempotency_key::Model) -> Result<SavedResponse, StoreError> {
    let (Some(status), Some(headers), Some(body)) = (row.response_status, row.response_headers, row.response_body)
    else {
        return Err(StoreError::Inconsistent("an idempotency key was committed without its response"));
    };
    let headers: SavedHeaders =
        serde_json::from_value(headers).map_err(|_| StoreError::Inconsistent("saved response headers"))?;
    Ok(SavedResponse {
        status: u16::try_from(status).map_err(|_| StoreError::Inconsistent("a negative saved status"))?,
        etag: headers.etag,
        location: headers.location,
        body,
    })
}

/// Deletes expired keys, in batches, so the table does not grow without bound.
pub async fn purge_expired(db: &Db) -> Result<u64, sea_orm::DbErr> {
    let backend = db.get_database_backend();
    let statement = sea_orm::Statement::from_string(
        backend,
        "DELETE FROM idempotency_keys WHERE ctid IN \
         (SELECT ctid FROM idempotency_keys WHERE expires_at < now() LIMIT 10000)",
    );
    Ok(db.execute_raw(statement).await?.rows_affected())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fingerprint_depends_on_the_request_only() {
        let a = IdempotencyClaim::new("p", "k", b"one");
        let b = IdempotencyClaim::new("q", "k", b"one");
        let c = IdempotencyClaim::new("p", "k", b"two");
        assert_eq!(a.fingerprint, b.fingerprint);
        assert_eq!(a.key_hash, b.key_hash);
        assert_ne!(a.fingerprint, c.fingerprint);
    }
}
