//! The write kill-switch as each instance sees it (docs/runbooks/write-kill-switch.md).
//!
//! The switch is a row in the database (`store::write_switch`), set by `patient-server
//! writes …`. Every instance polls it every `WRITE_SWITCH_POLL_MS` and keeps the answer in
//! memory, so the write path never waits on the database for it: while writes are off, the
//! operations that need `patient:write` get `503 writes_disabled` before any work. Between
//! the switch being set and the next poll, the database itself refuses the write (a trigger,
//! SQLSTATE `PSW01`), which is answered the same way; either way nothing is half-applied.
//! Reads and `/readyz` are unaffected. Each change of state is logged once per instance and
//! shown by the `patient_writes_disabled` gauge; the operator's reason is never logged.
use std::{
    sync::{
        Arc,
        atomic::{AtomicBool, Ordering},
    },
    time::Duration,
};

use sea_orm::DatabaseConnection;

use axum::{
    extract::{Request, State},
    middleware::Next,
    response::{IntoResponse, Response},
};

use crate::{
    auth::Scope,
    contract::Access,
    error::{ApiError, ErrorCode},
    http::operation::CurrentOperation,
    metrics::Metrics,
    store::{DbFailure, write_switch},
};

/// The cached state. Writes count as enabled until the first poll answers: the database
/// enforces the switch regardless.
#[derive(Clone)]
pub struct WriteSwitch {
    writes_enabled: Arc<AtomicBool>,
}

impl Default for WriteSwitch {
    fn default() -> Self {
        Self { writes_enabled: Arc::new(AtomicBool::new(true)) }
    }
}

impl WriteSwitch {
    pub fn writes_enabled(&self) -> bool {
        self.writes_enabled.load(Ordering::Relaxed)
    }

    fn set(&self, enabled: bool) {
        self.writes_enabled.store(enabled, Ordering::Relaxed);
    }
}

/// Polls the switch forever (a background task of the application).
pub async fn poll(switch: WriteSwitch, db: DatabaseConnection, metrics: Metrics, interval: Duration) {
    let mut ticker = tokio::time::interval(interval);
    ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let mut known: Option<bool> = None;
    let mut failing = false;
    loop {
        ticker.tick().await;
        let state = match write_switch::read(&db).await {
            Ok(Some(state)) => state,
            Ok(None) => continue,
            Err(err) => {
                // Once per outage, not every poll; the last known state stays in force.
                if !failing {
                    tracing::warn!(error = %DbFailure::from(&err), "cannot read the write switch; keeping its last known state");
                }
                failing = true;
                continue;
            }
        };
        failing = false;
        let enabled = state.writes_enabled;
        switch.set(enabled);
        metrics.set_writes_disabled(!enabled);
        if known == Some(enabled) || (known.is_none() && enabled) {
            known = Some(enabled);
            continue;
        }
        known = Some(enabled);
        let (changed_by, changed_at) = (state.changed_by.as_str(), state.changed_at.to_rfc3339());
        if enabled {
            tracing::info!(changed_by, changed_at, "writes are enabled again (write kill-switch off)");
        } else {
            tracing::warn!(changed_by, changed_at, "writes are disabled by the write kill-switch");
        }
    }
}

/// Route layer, after authentication: refuses the operations that need `patient:write`
/// while the switch is on, and counts every write refused for it (also those the database
/// refused before this instance's next poll).
pub async fn refuse_writes_while_disabled(
    State((switch, metrics)): State<(WriteSwitch, Metrics)>,
    request: Request,
    next: Next,
) -> Response {
    let Some(CurrentOperation(operation)) = request.extensions().get::<CurrentOperation>().copied() else {
        return next.run(request).await;
    };
    if operation.access != Access::Scope(Scope::PatientWrite) {
        return next.run(request).await;
    }
    let response =
        if switch.writes_enabled() { next.run(request).await } else { ApiError::WritesDisabled.into_response() };
    if response.extensions().get::<ErrorCode>() == Some(&ErrorCode::WritesDisabled) {
        metrics.write_refused(&operation.path);
    }
    response
}
