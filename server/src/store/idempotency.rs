//! Idempotent create (Stripe's and the IETF draft's semantics).
//!
//! A key is claimed, with the response it will replay, by the statement that creates the
//! patient (`store::sql`), inside the create's transaction: `INSERT … ON CONFLICT DO UPDATE
//! … WHERE expired`, so an expired key is taken over and a live one is left alone without a
//! unique violation. A concurrent request with the same key blocks on the primary key until
//! the first commits (then it finds the saved response and replays it) or rolls back (then
//! its own claim succeeds and it runs). Keys are stored as SHA-256 hashes, scoped to the
//! principal, and expire after the retention period.
use std::time::Duration;

use chrono::Utc;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use serde::Deserialize;
use sha2::{Digest, Sha256};

use super::{
    StoreError,
    db::Db,
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

impl IdempotencyClaim {
    pub(super) fn principal(&self) -> &str {
        &self.principal
    }

    pub(super) fn key_hash(&self) -> &[u8; 32] {
        &self.key_hash
    }

    pub(super) fn fingerprint(&self) -> &[u8; 32] {
        &self.fingerprint
    }
}

/// The key's record, when it is live (not expired).
pub(super) async fn find(
    db: &impl ConnectionTrait,
    claim: &IdempotencyClaim,
) -> Result<Option<idempotency_key::Model>, StoreError> {
    Ok(IdempotencyKeys::find_by_id((claim.principal.clone(), claim.key_hash.to_vec()))
        .filter(Column::ExpiresAt.gte(Utc::now()))
        .one(db)
        .await?)
}

/// The response to repeat for a key someone already holds: the saved one when the request
/// is the same, else the key was reused for a different request.
pub(super) fn replay(claim: &IdempotencyClaim, existing: idempotency_key::Model) -> Result<SavedResponse, StoreError> {
    if existing.request_fingerprint != claim.fingerprint {
        return Err(StoreError::IdempotencyKeyReused);
    }
    saved_response(existing)
}

/// The saved headers (`response_headers`) of a response.
pub(super) fn saved_headers(response: &SavedResponse) -> serde_json::Value {
    serde_json::json!({"etag": response.etag, "location": response.location})
}

/// When a key claimed now expires; the retention is bounded by the configuration, so this
/// cannot overflow.
pub(super) fn expiry(retention: Duration) -> chrono::DateTime<Utc> {
    Utc::now() + chrono::Duration::from_std(retention).unwrap_or(chrono::Duration::days(1))
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
