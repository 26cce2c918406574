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
    let telemetry = match telemetry::init(&settings.log_level, settings.log_format, &settings.traces) {
        Ok(telemetry) => telemetry,
        Err(err) => {
            eprintln!("cannot set up logging and tracing: {err}");
            return ExitCode::from(2);
        }
    };
    let code = serve(settings).await;
    // Spans still buffered are exported before the process exits.
    let _ = tokio::task::spawn_blocking(move || telemetry.shutdown()).await;
    code
}

async fn serve(settings: Settings) -> ExitCode {
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
