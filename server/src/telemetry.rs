//! Logging: one subscriber, JSON (default) or human-readable text, filtered by `LOG_LEVEL`.
//!
//! What may be logged: ids, routes, methods, statuses, durations, error kinds. Never names,
//! dates of birth, contact details, addresses, request bodies or query strings.
use tracing_subscriber::{EnvFilter, fmt, layer::SubscriberExt, util::SubscriberInitExt};

use crate::config::LogFormat;

/// Installs the global subscriber. Fails if the filter is invalid or one is already installed.
pub fn init(level: &str, format: LogFormat) -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    let filter = EnvFilter::try_new(level)?;
    let registry = tracing_subscriber::registry().with(filter);
    match format {
        LogFormat::Json => registry
            .with(fmt::layer().json().flatten_event(true).with_current_span(true).with_span_list(false))
            .try_init()?,
        LogFormat::Text => registry.with(fmt::layer().compact()).try_init()?,
    }
    // The default hook prints the panic's message, which could quote data; log where it
    // happened instead.
    std::panic::set_hook(Box::new(|info| {
        let location = info.location().map(|l| format!("{}:{}", l.file(), l.line())).unwrap_or_default();
        tracing::error!(location, "panic");
    }));
    Ok(())
}
