//! The write kill-switch's row (migration `m20261202_000005_write_switch`): read by every
//! instance's poller, set by `patient-server writes`. Setting it appends to
//! `write_switch_history` (a trigger), so every change is audited however it was made.
use chrono::{DateTime, Utc};
use sea_orm::{ConnectionTrait, DbBackend, DbErr, Statement, TransactionSession, TransactionTrait};

/// The switch as stored. `reason` is operator text: shown by `writes status`, never logged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SwitchState {
    pub writes_enabled: bool,
    pub reason: Option<String>,
    pub changed_by: String,
    pub changed_at: DateTime<Utc>,
}

/// A change an operator asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SwitchChange {
    pub writes_enabled: bool,
    pub reason: Option<String>,
    pub changed_by: String,
}

const SELECT: &str = "SELECT writes_enabled, reason, changed_by, changed_at FROM write_switch WHERE id";

/// The current state; `None` when the migration has not run (the table or its row is missing
/// shows as an error or `None`; both leave writes as the database allows them).
pub async fn read(db: &impl ConnectionTrait) -> Result<Option<SwitchState>, DbErr> {
    let row = db.query_one_raw(Statement::from_string(DbBackend::Postgres, SELECT)).await?;
    row.map(|row| {
        Ok(SwitchState {
            writes_enabled: row.try_get("", "writes_enabled")?,
            reason: row.try_get("", "reason")?,
            changed_by: row.try_get("", "changed_by")?,
            changed_at: row.try_get("", "changed_at")?,
        })
    })
    .transpose()
}

/// Sets the switch and returns the stored state. The change is recorded in the history even
/// when it sets the state the switch already had (an operator's repeated command is audited).
pub async fn set<C: ConnectionTrait + TransactionTrait>(db: &C, change: &SwitchChange) -> Result<SwitchState, DbErr> {
    let txn = db.begin().await?;
    txn.execute_raw(Statement::from_sql_and_values(
        DbBackend::Postgres,
        "UPDATE write_switch SET writes_enabled = $1, reason = $2, changed_by = $3, changed_at = now() WHERE id",
        [change.writes_enabled.into(), change.reason.clone().into(), change.changed_by.clone().into()],
    ))
    .await?;
    let state = read(&txn).await?.ok_or_else(|| DbErr::RecordNotFound("write_switch".into()))?;
    txn.commit().await?;
    Ok(state)
}

/// The SQLSTATE the database raises for a write while writes are disabled.
pub const WRITES_DISABLED_SQLSTATE: &str = "PSW01";
