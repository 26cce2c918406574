//! Trace export: OpenTelemetry configured by the standard `OTEL_*` variables, exported over
//! OTLP/HTTP (protobuf) to a collector — the ADOT sidecar in AWS, any OpenTelemetry
//! collector locally.
//!
//! | variable | meaning | default |
//! |---|---|---|
//! | `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT` | full URL spans are POSTed to | `OTEL_EXPORTER_OTLP_ENDPOINT` + `/v1/traces` |
//! | `OTEL_EXPORTER_OTLP_ENDPOINT` | the collector's base URL (`http://…`) | none: no export |
//! | `OTEL_EXPORTER_OTLP_PROTOCOL`, `…_TRACES_PROTOCOL` | only `http/protobuf` is built in | `http/protobuf` |
//! | `OTEL_SERVICE_NAME` | `service.name` of every span | `patient-service` |
//! | `OTEL_TRACES_SAMPLER`, `OTEL_TRACES_SAMPLER_ARG` | `always_on`, `always_off`, `traceidratio`, `parentbased_always_on`, `parentbased_always_off`, `parentbased_traceidratio` (with a ratio 0–1) | `parentbased_always_on` |
//! | `OTEL_TRACES_EXPORTER` | `otlp`, or `none` to turn export off | `otlp` |
//! | `OTEL_SDK_DISABLED` | `true` turns export off | `false` |
//!
//! The SDK itself reads the rest from the process environment: `OTEL_EXPORTER_OTLP_HEADERS`,
//! `OTEL_EXPORTER_OTLP_TIMEOUT`, `OTEL_RESOURCE_ATTRIBUTES` and the batch processor's
//! `OTEL_BSP_*`.
//!
//! Without an endpoint nothing is exported and the only span is the request's server span,
//! never sampled: it still gives the logs a trace id (the caller's, from `traceparent`).
use opentelemetry::KeyValue;
use opentelemetry_otlp::{Protocol, SpanExporter, WithExportConfig};
use opentelemetry_sdk::{
    Resource,
    trace::{Sampler, SdkTracerProvider},
};
use url::Url;

use crate::config::{ConfigError, invalid};

/// The default `service.name`.
pub const DEFAULT_SERVICE_NAME: &str = "patient-service";

/// Path the OTLP/HTTP trace receiver listens on, appended to `OTEL_EXPORTER_OTLP_ENDPOINT`.
const TRACES_PATH: &str = "v1/traces";

#[derive(Debug, Clone, PartialEq)]
pub struct TraceSettings {
    pub service_name: String,
    /// Where and what to export; `None` when export is off.
    pub export: Option<Export>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Export {
    pub traces_endpoint: Url,
    pub sampler: SamplerSetting,
}

/// The spec's `OTEL_TRACES_SAMPLER` values this build supports.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum SamplerSetting {
    AlwaysOn,
    AlwaysOff,
    TraceIdRatio(f64),
    ParentBasedAlwaysOn,
    ParentBasedAlwaysOff,
    ParentBasedTraceIdRatio(f64),
}

impl Default for TraceSettings {
    /// No export.
    fn default() -> Self {
        Self { service_name: DEFAULT_SERVICE_NAME.to_owned(), export: None }
    }
}

impl TraceSettings {
    pub fn from_lookup(var: &impl Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        let service_name = var("OTEL_SERVICE_NAME").unwrap_or_else(|| DEFAULT_SERVICE_NAME.to_owned());
        for name in ["OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "OTEL_EXPORTER_OTLP_PROTOCOL"] {
            if var(name).is_some_and(|p| p != "http/protobuf") {
                return Err(invalid(name, "only http/protobuf is supported".into()));
            }
        }
        let disabled = match var("OTEL_SDK_DISABLED").map(|v| v.to_ascii_lowercase()).as_deref() {
            None | Some("false") => false,
            Some("true") => true,
            Some(_) => return Err(invalid("OTEL_SDK_DISABLED", "expected true or false".into())),
        };
        let exporter_off = match var("OTEL_TRACES_EXPORTER").as_deref() {
            None | Some("otlp") => false,
            Some("none") => true,
            Some(_) => return Err(invalid("OTEL_TRACES_EXPORTER", "expected otlp or none".into())),
        };
        let sampler = sampler(var)?;
        let endpoint = traces_endpoint(var)?;
        let export = match endpoint {
            Some(traces_endpoint) if !disabled && !exporter_off => Some(Export { traces_endpoint, sampler }),
            _ => None,
        };
        Ok(Self { service_name, export })
    }

    /// The tracer provider: exporting in batches on its own thread when configured, else one
    /// that samples nothing and exports nowhere.
    pub fn tracer_provider(&self) -> Result<SdkTracerProvider, opentelemetry_otlp::ExporterBuildError> {
        let resource = Resource::builder()
            .with_service_name(self.service_name.clone())
            .with_attribute(KeyValue::new("service.version", env!("CARGO_PKG_VERSION")))
            .build();
        let builder = SdkTracerProvider::builder().with_resource(resource);
        let Some(export) = &self.export else { return Ok(builder.with_sampler(Sampler::AlwaysOff).build()) };
        let exporter = SpanExporter::builder()
            .with_http()
            .with_protocol(Protocol::HttpBinary)
            .with_endpoint(export.traces_endpoint.as_str())
            .build()?;
        Ok(builder.with_sampler(export.sampler.sdk_sampler()).with_batch_exporter(exporter).build())
    }
}

impl SamplerSetting {
    fn sdk_sampler(self) -> Sampler {
        match self {
            SamplerSetting::AlwaysOn => Sampler::AlwaysOn,
            SamplerSetting::AlwaysOff => Sampler::AlwaysOff,
            SamplerSetting::TraceIdRatio(ratio) => Sampler::TraceIdRatioBased(ratio),
            SamplerSetting::ParentBasedAlwaysOn => Sampler::ParentBased(Box::new(Sampler::AlwaysOn)),
            SamplerSetting::ParentBasedAlwaysOff => Sampler::ParentBased(Box::new(Sampler::AlwaysOff)),
            SamplerSetting::ParentBasedTraceIdRatio(ratio) => {
                Sampler::ParentBased(Box::new(Sampler::TraceIdRatioBased(ratio)))
            }
        }
    }
}

fn sampler(var: &impl Fn(&str) -> Option<String>) -> Result<SamplerSetting, ConfigError> {
    let ratio = || -> Result<f64, ConfigError> {
        let Some(raw) = var("OTEL_TRACES_SAMPLER_ARG") else { return Ok(1.0) };
        match raw.trim().parse::<f64>() {
            Ok(ratio) if (0.0..=1.0).contains(&ratio) => Ok(ratio),
            _ => Err(invalid("OTEL_TRACES_SAMPLER_ARG", "must be a ratio between 0 and 1".into())),
        }
    };
    Ok(match var("OTEL_TRACES_SAMPLER").as_deref() {
        None | Some("parentbased_always_on") => SamplerSetting::ParentBasedAlwaysOn,
        Some("parentbased_always_off") => SamplerSetting::ParentBasedAlwaysOff,
        Some("parentbased_traceidratio") => SamplerSetting::ParentBasedTraceIdRatio(ratio()?),
        Some("always_on") => SamplerSetting::AlwaysOn,
        Some("always_off") => SamplerSetting::AlwaysOff,
        Some("traceidratio") => SamplerSetting::TraceIdRatio(ratio()?),
        Some(_) => {
            return Err(invalid(
                "OTEL_TRACES_SAMPLER",
                "expected always_on, always_off, traceidratio or their parentbased_ forms".into(),
            ));
        }
    })
}

/// The signal-specific endpoint as given, or the base endpoint with `/v1/traces` appended
/// (the OTLP exporter specification's rule).
fn traces_endpoint(var: &impl Fn(&str) -> Option<String>) -> Result<Option<Url>, ConfigError> {
    if let Some(raw) = var("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT") {
        return collector_url("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", &raw).map(Some);
    }
    let Some(raw) = var("OTEL_EXPORTER_OTLP_ENDPOINT") else { return Ok(None) };
    let mut base = collector_url("OTEL_EXPORTER_OTLP_ENDPOINT", &raw)?;
    if !base.path().ends_with('/') {
        base.set_path(&format!("{}/", base.path()));
    }
    base.join(TRACES_PATH).map(Some).map_err(|e| invalid("OTEL_EXPORTER_OTLP_ENDPOINT", e.to_string()))
}

/// A plain-HTTP collector URL. TLS is the collector's job: the service sends to a sidecar
/// or an in-network collector, so the build carries no TLS stack for it. Credentials belong
/// in `OTEL_EXPORTER_OTLP_HEADERS`, never in the URL (which the settings may print).
fn collector_url(name: &'static str, raw: &str) -> Result<Url, ConfigError> {
    let url = Url::parse(raw.trim()).map_err(|e| invalid(name, format!("not a URL ({e})")))?;
    if url.scheme() != "http" {
        return Err(invalid(name, "must be an http:// URL of a collector on the local network".into()));
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(invalid(name, "must not contain credentials (use OTEL_EXPORTER_OTLP_HEADERS)".into()));
    }
    if url.host_str().is_none_or(str::is_empty) {
        return Err(invalid(name, "the URL names no host".into()));
    }
    Ok(url)
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;

    fn settings(vars: &[(&str, &str)]) -> Result<TraceSettings, ConfigError> {
        let vars: HashMap<String, String> = vars.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect();
        TraceSettings::from_lookup(&|name: &str| vars.get(name).cloned())
    }

    #[test]
    fn export_is_off_without_an_endpoint() {
        let s = settings(&[]).unwrap();
        assert_eq!(s.export, None);
        assert_eq!(s.service_name, "patient-service");
    }

    #[test]
    fn the_base_endpoint_gets_the_traces_path_and_the_signal_endpoint_is_used_as_is() {
        let base = settings(&[("OTEL_EXPORTER_OTLP_ENDPOINT", "http://localhost:4318")]).unwrap();
        assert_eq!(base.export.unwrap().traces_endpoint.as_str(), "http://localhost:4318/v1/traces");
        let prefixed = settings(&[("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318/otlp")]).unwrap();
        assert_eq!(prefixed.export.unwrap().traces_endpoint.as_str(), "http://collector:4318/otlp/v1/traces");
        let signal = settings(&[
            ("OTEL_EXPORTER_OTLP_ENDPOINT", "http://ignored:4318"),
            ("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://collector:4318/custom"),
        ])
        .unwrap();
        assert_eq!(signal.export.unwrap().traces_endpoint.as_str(), "http://collector:4318/custom");
    }

    #[test]
    fn samplers_follow_the_spec_names() {
        let endpoint = ("OTEL_EXPORTER_OTLP_ENDPOINT", "http://localhost:4318");
        let sampler = |vars: &[(&str, &str)]| {
            let mut all = vec![endpoint];
            all.extend_from_slice(vars);
            settings(&all).map(|s| s.export.unwrap().sampler)
        };
        assert_eq!(sampler(&[]).unwrap(), SamplerSetting::ParentBasedAlwaysOn);
        assert_eq!(
            sampler(&[("OTEL_TRACES_SAMPLER", "parentbased_traceidratio"), ("OTEL_TRACES_SAMPLER_ARG", "0.25")])
                .unwrap(),
            SamplerSetting::ParentBasedTraceIdRatio(0.25)
        );
        assert_eq!(sampler(&[("OTEL_TRACES_SAMPLER", "always_off")]).unwrap(), SamplerSetting::AlwaysOff);
        assert!(sampler(&[("OTEL_TRACES_SAMPLER", "traceidratio"), ("OTEL_TRACES_SAMPLER_ARG", "2")]).is_err());
        assert!(sampler(&[("OTEL_TRACES_SAMPLER", "jaeger_remote")]).is_err());
    }

    #[test]
    fn export_can_be_switched_off_explicitly() {
        let endpoint = ("OTEL_EXPORTER_OTLP_ENDPOINT", "http://localhost:4318");
        assert_eq!(settings(&[endpoint, ("OTEL_SDK_DISABLED", "true")]).unwrap().export, None);
        assert_eq!(settings(&[endpoint, ("OTEL_TRACES_EXPORTER", "none")]).unwrap().export, None);
    }

    #[test]
    fn unsupported_endpoints_and_protocols_stop_the_service_without_quoting_secrets() {
        for (name, value) in [
            ("OTEL_EXPORTER_OTLP_ENDPOINT", "https://collector:4318"),
            ("OTEL_EXPORTER_OTLP_ENDPOINT", "http://user:s3cret@collector:4318"),
            ("OTEL_EXPORTER_OTLP_ENDPOINT", "collector:4318"),
            ("OTEL_EXPORTER_OTLP_PROTOCOL", "grpc"),
            ("OTEL_TRACES_EXPORTER", "zipkin"),
        ] {
            let err = settings(&[(name, value)]).unwrap_err().to_string();
            assert!(err.starts_with(&format!("{name} is invalid")), "{name}={value}: {err}");
            assert!(!err.contains("s3cret"), "{err}");
        }
    }
}
