//! Migration CLI: `migration up | down | status | fresh …`, against `DATABASE_URL` or, when
//! that is unset, the URL assembled from the `DB_*` parts (as the server does), so the
//! service image runs its own migrations as a one-off task with the service's settings.
use std::process::ExitCode;

use migration::database_url;
use sea_orm_migration::prelude::*;

fn main() -> ExitCode {
    if database_url::env_var("DATABASE_URL").is_none() && database_url::env_var("DB_HOST").is_some() {
        match database_url::from_parts(database_url::env_var) {
            // SAFETY: no other thread exists yet (the runtime is built below), so nothing can
            // read the environment while it changes.
            Ok(url) => unsafe { std::env::set_var("DATABASE_URL", url) },
            Err(err) => {
                eprintln!("configuration error: {err}");
                return ExitCode::from(2);
            }
        }
    }
    let runtime = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(runtime) => runtime,
        Err(err) => {
            eprintln!("cannot start the async runtime: {err}");
            return ExitCode::FAILURE;
        }
    };
    // Exits the process itself, with status 1, when a migration fails.
    runtime.block_on(cli::run_cli(migration::Migrator));
    ExitCode::SUCCESS
}
