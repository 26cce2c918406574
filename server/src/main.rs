//! `patient-server` serves the API; `patient-server healthcheck [--ready]` probes a running
//! server (the container health check, see [`patient_server::healthcheck`]); `patient-server
//! writes …` is the write kill-switch (see [`patient_server::writes_command`]).
use std::process::ExitCode;

use patient_server::{config::Settings, healthcheck, startup::Application, telemetry, writes_command};

const USAGE: &str = "usage: patient-server              serve the API (configured by environment variables)
       patient-server healthcheck  exit 0 if the local server is alive (--ready: ready)
       patient-server writes disable --reason TEXT [--actor NAME] | enable | status
                                   the write kill-switch of every instance on the database";

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    match args.next().as_deref() {
        None => serve(),
        Some("healthcheck") => healthcheck::run(args),
        Some("writes") => writes_command::run(args),
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        Some(_) => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn serve() -> ExitCode {
    match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(runtime) => runtime.block_on(serve_until_stopped()),
        Err(err) => {
            eprintln!("cannot start the async runtime: {err}");
            ExitCode::FAILURE
        }
    }
}

async fn serve_until_stopped() -> ExitCode {
    let settings = match Settings::from_env() {
        Ok(settings) => settings,
        Err(err) => {
            eprintln!("configuration error: {err}");
            return ExitCode::from(2);
        }
    };
    let telemetry = match telemetry::init(&settings.log_level, settings.log_format, &settings.traces) {
        Ok(telemetry) => telemetry,
        Err(err) => {
            eprintln!("cannot set up logging and tracing: {err}");
            return ExitCode::from(2);
        }
    };
    let code = run_application(settings).await;
    // Spans still buffered are exported before the process exits.
    let _ = tokio::task::spawn_blocking(move || telemetry.shutdown()).await;
    code
}

async fn run_application(settings: Settings) -> ExitCode {
    match (&settings.oidc, settings.keyring.is_empty()) {
        (None, true) => {
            tracing::warn!("API_KEYS is empty and OIDC_ISSUER unset: every API call will be answered with 401")
        }
        (Some(oidc), _) => tracing::info!(issuer = %oidc.issuer, "bearer tokens from this OIDC issuer are accepted"),
        (None, false) => {}
    }
    let app = match Application::build(settings).await {
        Ok(app) => app,
        Err(err) => {
            tracing::error!(error = %err, "cannot start");
            return ExitCode::FAILURE;
        }
    };
    match (app.local_addr(), app.metrics_addr()) {
        (Ok(addr), Ok(metrics_addr)) => tracing::info!(%addr, %metrics_addr, "listening"),
        _ => tracing::warn!("listening on an unknown address"),
    }
    match app.run_until_stopped().await {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            tracing::error!(error = %err, "server failed");
            ExitCode::FAILURE
        }
    }
}
