use std::process::ExitCode;

use patient_server::{config::Settings, startup::Application, telemetry};

#[tokio::main]
async fn main() -> ExitCode {
    let settings = match Settings::from_env() {
        Ok(settings) => settings,
        Err(err) => {
            eprintln!("configuration error: {err}");
            return ExitCode::from(2);
        }
    };
    if let Err(err) = telemetry::init(&settings.log_level, settings.log_format) {
        eprintln!("cannot set up logging: {err}");
        return ExitCode::from(2);
    }
    if settings.keyring.is_empty() {
        tracing::warn!("API_KEYS is empty: every API call will be answered with 401");
    }
    let app = match Application::build(settings).await {
        Ok(app) => app,
        Err(err) => {
            tracing::error!(error = %err, "cannot start");
            return ExitCode::FAILURE;
        }
    };
    match app.local_addr() {
        Ok(addr) => tracing::info!(%addr, "listening"),
        Err(err) => tracing::warn!(error = %err, "listening on an unknown address"),
    }
    match app.run_until_stopped().await {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            tracing::error!(error = %err, "server failed");
            ExitCode::FAILURE
        }
    }
}
