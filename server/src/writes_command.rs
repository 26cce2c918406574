//! `patient-server writes disable --reason TEXT [--actor NAME]`, `writes enable [--reason
//! TEXT] [--actor NAME]` and `writes status`: the operators' write kill-switch
//! (docs/runbooks/write-kill-switch.md). They act on the database the server is configured
//! with (`DATABASE_URL` or the `DB_*` parts), so they run wherever the server's environment
//! is, e.g. `aws ecs execute-command` into a running task.
//!
//! The change is audited in `write_switch_history`: by whom (`--actor`, else the OS user),
//! when, and the reason. The reason is operator text, e.g. an incident number; it is stored
//! and shown by `writes status` only, and the server never logs it. It must not contain
//! patient data.
use std::{process::ExitCode, time::Duration};

use sea_orm::{ConnectOptions, Database, DbErr};
use secrecy::ExposeSecret;

use crate::{
    config,
    store::{
        DbFailure,
        write_switch::{self, SwitchChange, SwitchState},
    },
};

const USAGE: &str = "usage: patient-server writes disable --reason TEXT [--actor NAME]
       patient-server writes enable [--reason TEXT] [--actor NAME]
       patient-server writes status";

/// Longest reason and actor the table accepts.
const MAX_REASON_CHARS: usize = 500;
const MAX_ACTOR_CHARS: usize = 200;

#[derive(Debug, PartialEq, Eq)]
enum Command {
    Status,
    Set(SwitchChange),
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
enum UsageError {
    #[error("{USAGE}")]
    Usage,
    #[error("disable needs --reason (why writes are being stopped, e.g. an incident number)")]
    MissingReason,
    #[error("--reason must be 1-{MAX_REASON_CHARS} characters without control characters")]
    BadReason,
    #[error("--actor must be 1-{MAX_ACTOR_CHARS} characters without control characters")]
    BadActor,
    #[error("cannot tell who is running this (no USER or LOGNAME); pass --actor NAME")]
    UnknownActor,
}

/// Runs the subcommand with its arguments (after `writes`).
pub fn run(args: impl Iterator<Item = String>) -> ExitCode {
    let os_user = std::env::var("USER").ok().or_else(|| std::env::var("LOGNAME").ok());
    let command = match parse(args, os_user) {
        Ok(command) => command,
        Err(err) => {
            eprintln!("writes: {err}");
            return ExitCode::from(2);
        }
    };
    let url = match config::database_url(&migration::database_url::env_var) {
        Ok(url) => url,
        Err(err) => {
            eprintln!("writes: configuration error: {err}");
            return ExitCode::from(2);
        }
    };
    let runtime = match tokio::runtime::Builder::new_current_thread().enable_all().build() {
        Ok(runtime) => runtime,
        Err(err) => {
            eprintln!("writes: cannot start the async runtime: {err}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(execute(url.expose_secret(), &command)) {
        Ok(state) => {
            print!("{}", describe(&state, &command));
            ExitCode::SUCCESS
        }
        Err(err) => {
            // The kind of failure only: the driver's message can quote the URL.
            eprintln!("writes: the database refused or could not be reached ({})", DbFailure::from(&err));
            if DbFailure::from(&err).sqlstate() == "42P01" {
                eprintln!("writes: the write_switch table is missing; apply the migrations first");
            }
            ExitCode::FAILURE
        }
    }
}

fn parse(args: impl Iterator<Item = String>, os_user: Option<String>) -> Result<Command, UsageError> {
    let mut args = args.peekable();
    let writes_enabled = match args.next().as_deref() {
        Some("status") if args.peek().is_none() => return Ok(Command::Status),
        Some("disable") => false,
        Some("enable") => true,
        _ => return Err(UsageError::Usage),
    };
    let (mut reason, mut actor) = (None, None);
    while let Some(flag) = args.next() {
        let value = args.next().ok_or(UsageError::Usage)?;
        match flag.as_str() {
            "--reason" if reason.is_none() => reason = Some(value),
            "--actor" if actor.is_none() => actor = Some(value),
            _ => return Err(UsageError::Usage),
        }
    }
    let reason = reason.map(|r| checked(&r, MAX_REASON_CHARS).ok_or(UsageError::BadReason)).transpose()?;
    if !writes_enabled && reason.is_none() {
        return Err(UsageError::MissingReason);
    }
    let changed_by = match actor {
        Some(actor) => checked(&actor, MAX_ACTOR_CHARS).ok_or(UsageError::BadActor)?,
        None => os_user.as_deref().and_then(|user| checked(user, MAX_ACTOR_CHARS)).ok_or(UsageError::UnknownActor)?,
    };
    Ok(Command::Set(SwitchChange { writes_enabled, reason, changed_by }))
}

/// The trimmed text, if it is 1..=max characters and has no control characters (it is
/// printed to terminals).
fn checked(raw: &str, max: usize) -> Option<String> {
    let text = raw.trim();
    let length = text.chars().count();
    ((1..=max).contains(&length) && !text.chars().any(char::is_control)).then(|| text.to_owned())
}

async fn execute(url: &str, command: &Command) -> Result<SwitchState, DbErr> {
    let mut options = ConnectOptions::new(url);
    options
        .max_connections(1)
        .connect_timeout(Duration::from_secs(10))
        .acquire_timeout(Duration::from_secs(10))
        .sqlx_logging(false);
    let db = Database::connect(options).await?;
    let state = match command {
        Command::Status => write_switch::read(&db).await?.ok_or_else(|| DbErr::RecordNotFound("write_switch".into())),
        Command::Set(change) => write_switch::set(&db, change).await,
    };
    db.close().await.ok();
    state
}

/// What the command prints. Only `status` prints the reason: a one-off ECS task's output goes
/// to the log group, and `disable` is run that way (the runbook), so the reason is shown on
/// request only.
fn describe(state: &SwitchState, command: &Command) -> String {
    let mut out = format!(
        "writes: {}\nchanged by: {}\nchanged at: {}\n",
        if state.writes_enabled { "enabled" } else { "disabled" },
        state.changed_by,
        state.changed_at.to_rfc3339(),
    );
    if matches!(command, Command::Status) {
        out.push_str(&format!("reason: {}\n", state.reason.as_deref().unwrap_or("-")));
    }
    if matches!(command, Command::Set(_)) {
        out.push_str(if state.writes_enabled {
            "Writes are accepted again: the database allows them now, and every instance \
             accepts them within its poll interval (WRITE_SWITCH_POLL_MS, default 2 s).\n"
        } else {
            "The database refuses every write from now on; every instance answers writes \
             with 503 writes_disabled within its poll interval (WRITE_SWITCH_POLL_MS, default 2 s).\n"
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(args: &[&str]) -> Result<Command, UsageError> {
        parse(args.iter().map(|a| (*a).to_owned()), Some("alice".into()))
    }

    #[test]
    fn disable_needs_a_reason_and_records_the_os_user() {
        assert_eq!(parsed(&["disable"]), Err(UsageError::MissingReason));
        assert_eq!(
            parsed(&["disable", "--reason", " INC-42 bad deploy "]),
            Ok(Command::Set(SwitchChange {
                writes_enabled: false,
                reason: Some("INC-42 bad deploy".into()),
                changed_by: "alice".into()
            }))
        );
    }

    #[test]
    fn an_explicit_actor_wins_and_one_is_required() {
        let Ok(Command::Set(change)) = parsed(&["enable", "--actor", "bob"]) else { panic!() };
        assert_eq!(change.changed_by, "bob");
        assert!(change.writes_enabled);
        assert_eq!(parse(["enable".to_owned()].into_iter(), None), Err(UsageError::UnknownActor));
    }

    #[test]
    fn malformed_arguments_are_refused() {
        for args in [
            &[][..],
            &["status", "--now"],
            &["pause"],
            &["disable", "--reason"],
            &["disable", "--reason", "a", "--reason", "b"],
            &["disable", "--reason", "line\nbreak"],
            &["disable", "--reason", "   "],
        ] {
            assert!(parsed(args).is_err(), "{args:?}");
        }
        assert!(parsed(&["disable", "--reason", &"x".repeat(501)]).is_err());
        assert_eq!(parsed(&["status"]), Ok(Command::Status));
    }
}
