//! Builds the application from [`Settings`] and runs it until SIGTERM/SIGINT: the API
//! listener, and the metrics listener (`GET /metrics`, Prometheus text), which is never
//! routed through the load balancer.
use std::{io, net::SocketAddr, time::Duration};

use axum::{
    Router,
    extract::{DefaultBodyLimit, State},
    middleware,
    response::IntoResponse,
    routing::get,
};
use http::{HeaderValue, header};
use sea_orm::{ConnectOptions, Database, DatabaseConnection};
use secrecy::ExposeSecret;
use tokio::net::TcpListener;
use tower::{Layer, ServiceBuilder};
use tower_http::{catch_panic::CatchPanicLayer, limit::RequestBodyLimitLayer, set_header::SetResponseHeaderLayer};

use crate::{
    api::PatientService,
    auth::{self, Authenticator},
    config::Settings,
    contract, docs,
    error::{ApiError, MAX_BODY_BYTES},
    http::{
        access_log, error_body, error_log, internal_routes,
        load_shed::{self, LoadShedding},
        operation,
        rate_limit::{self, RateLimits},
        request_id, request_metrics, request_validation, route, serve, server_span,
    },
    metrics::Metrics,
    store::{DbFailure, db, db::Db, iam_auth, idempotency},
    write_switch::{self, WriteSwitch},
};

pub struct Application {
    listener: TcpListener,
    metrics_listener: TcpListener,
    db: Db,
    /// The same pool, unobserved: for the write switch's poll, which would otherwise be a
    /// root span and a statement sample every few seconds.
    conn: DatabaseConnection,
    metrics: Metrics,
    service: PatientService,
    controls: TrafficControls,
    authenticator: Authenticator,
    /// Renews the pool's IAM authentication token (`DB_IAM_AUTH`).
    token_renewal: Option<tokio::task::JoinHandle<()>>,
    shutdown_grace: Duration,
    header_read_timeout: Duration,
    write_switch_poll: Duration,
}

/// What decides whether a request is served at all: the rate limits, the load shedding
/// and the write kill-switch.
#[derive(Clone)]
pub struct TrafficControls {
    pub rate_limits: RateLimits,
    pub load_shedding: LoadShedding,
    pub write_switch: WriteSwitch,
}

impl Application {
    /// Binds the listener and prepares the connection pool. The pool connects lazily, so the
    /// service starts (and answers `/readyz` with 503) while the database is unreachable.
    pub async fn build(settings: Settings) -> Result<Self, BuildError> {
        // An inconsistent contract fails here, at start-up, rather than on a request.
        contract::contract();
        let metrics = Metrics::new();
        let conn = connect(&settings).await?;
        let token_renewal = settings
            .db_iam_auth
            .clone()
            .map(|iam| tokio::spawn(iam_auth::renew_tokens(conn.get_postgres_connection_pool().clone(), iam)));
        let db = Db::new(conn.clone(), metrics.clone());
        let listener = TcpListener::bind(SocketAddr::new(settings.host, settings.port)).await?;
        let metrics_listener = TcpListener::bind(SocketAddr::new(settings.host, settings.metrics_port)).await?;
        let service = PatientService::new(db.clone(), settings.idempotency_retention);
        let authenticator = Authenticator::new(settings.keyring.clone(), settings.oidc.clone());
        let limits = &settings.limits;
        let controls = TrafficControls {
            rate_limits: RateLimits::new(limits.rate),
            load_shedding: LoadShedding::new(limits.max_in_flight, limits.request_timeout),
            write_switch: WriteSwitch::default(),
        };
        Ok(Self {
            listener,
            metrics_listener,
            db,
            conn,
            metrics,
            service,
            controls,
            authenticator,
            token_renewal,
            shutdown_grace: settings.shutdown_grace,
            header_read_timeout: limits.header_read_timeout,
            write_switch_poll: settings.write_switch_poll,
        })
    }

    pub fn local_addr(&self) -> io::Result<SocketAddr> {
        self.listener.local_addr()
    }

    /// Where `GET /metrics` is served.
    pub fn metrics_addr(&self) -> io::Result<SocketAddr> {
        self.metrics_listener.local_addr()
    }

    /// Serves until a shutdown signal, then lets in-flight requests finish for up to the
    /// grace period before returning. The metrics listener keeps answering until the API
    /// listener has drained, so the drain itself can be watched.
    pub async fn run_until_stopped(self) -> io::Result<()> {
        let controls = self.controls.clone();
        let app = internal_routes_layer().layer(router(
            self.service,
            self.authenticator,
            self.metrics.clone(),
            controls.clone(),
        ));
        let (drained_tx, mut drained_rx) = tokio::sync::watch::channel(false);
        let metrics_server = axum::serve(self.metrics_listener, metrics_router(self.metrics.clone(), self.db.clone()))
            .with_graceful_shutdown(async move {
                let _ = drained_rx.wait_for(|drained| *drained).await;
            });
        let metrics_server = tokio::spawn(metrics_server.into_future());
        let upkeep = tokio::spawn(metrics_upkeep(self.metrics.clone()));
        let forget = tokio::spawn(forget_idle_buckets(controls.rate_limits.clone()));
        let poller = tokio::spawn(write_switch::poll(
            controls.write_switch.clone(),
            self.conn.clone(),
            self.metrics.clone(),
            self.write_switch_poll,
        ));
        let (signalled_tx, mut signalled_rx) = tokio::sync::watch::channel(false);
        let server = serve::serve(self.listener, app, self.header_read_timeout, async move {
            shutdown_signal().await;
            tracing::info!("shutdown signal received; draining in-flight requests");
            let _ = signalled_tx.send(true);
        });
        let purger = tokio::spawn(purge_idempotency_keys(self.db.clone()));
        let grace = self.shutdown_grace;
        let deadline = async move {
            let _ = signalled_rx.wait_for(|signalled| *signalled).await;
            tokio::time::sleep(grace).await;
        };
        let served = tokio::select! {
            result = server => result,
            () = deadline => {
                tracing::warn!("grace period elapsed; dropping unfinished requests");
                Ok(())
            }
        };
        purger.abort();
        upkeep.abort();
        forget.abort();
        poller.abort();
        if let Some(renewal) = &self.token_renewal {
            renewal.abort();
        }
        let _ = drained_tx.send(true);
        match metrics_server.await {
            Ok(Err(err)) => tracing::warn!(error = %err, "the metrics listener failed"),
            Err(err) => tracing::warn!(error = %err, "the metrics listener stopped abnormally"),
            Ok(Ok(())) => {}
        }
        served?;
        self.db.close().await;
        tracing::info!("stopped");
        Ok(())
    }
}

#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    #[error("cannot bind the listener: {0}")]
    Bind(#[from] io::Error),
    /// Only the failure's kind: the driver's message can quote the URL, password included.
    #[error("cannot set up the database connection pool ({0}); check DATABASE_URL or the DB_* settings")]
    Database(DbFailure),
}

/// Idle time after which a pooled connection is pinged before it is handed out.
const POOL_PING_AFTER_IDLE: Duration = Duration::from_secs(30);

async fn connect(settings: &Settings) -> Result<DatabaseConnection, BuildError> {
    let mut options = ConnectOptions::new(settings.database_url.expose_secret());
    options
        .max_connections(settings.db_max_connections)
        .min_connections(0)
        .connect_timeout(Duration::from_secs(5))
        .acquire_timeout(Duration::from_secs(5))
        .connect_lazy(true)
        // No ping before every acquire (sqlx's default): it was a round trip and a PostgreSQL
        // wake-up per request. A connection that broke while idle fails its next statement
        // with an I/O error (503 `not_ready`, retryable) and is then closed by the pool,
        // which opens a fresh one for the next caller; only connections idle long enough to
        // have been cut by a restart or a NAT/RDS idle timeout are pinged first.
        .test_before_acquire_if_idle_for(POOL_PING_AFTER_IDLE)
        // SQL statements carry PHI as bind values; never log them.
        .sqlx_logging(false);
    // Set at connection start-up, so every statement of the service has them, and nothing
    // costs a round trip: a runaway statement or a long lock wait fails instead of holding
    // a connection (and the client) indefinitely.
    let (statement_timeout, lock_timeout) = (settings.limits.db_statement_timeout, settings.limits.db_lock_timeout);
    options.map_sqlx_postgres_opts(move |pg| {
        pg.options([
            ("statement_timeout", format!("{}ms", statement_timeout.as_millis())),
            ("lock_timeout", format!("{}ms", lock_timeout.as_millis())),
        ])
    });
    db::watch_pool(&mut options);
    Database::connect(options).await.map_err(|err| BuildError::Database(DbFailure::from(&err)))
}

/// The router with every layer that runs after routing is decided, plus the outer layers.
/// [`internal_routes_layer`] must wrap the result, since it changes what is routed.
pub fn router(
    service: PatientService,
    authenticator: Authenticator,
    metrics: Metrics,
    controls: TrafficControls,
) -> Router {
    let TrafficControls { rate_limits, load_shedding, write_switch } = controls;
    // Each stack is one layer of the router, listed outermost first. Layered one by one, every
    // layer would wrap the route in a boxed service of its own, and a request would clone the
    // boxes below each layer it passes: about n²/2 allocations per request for n layers.
    //
    // After routing: the route recorder sees every outcome; the operation is resolved before
    // authentication, and authentication precedes any look at parameters or body; the
    // principal's rate limit, the in-flight cap and the write switch come right after it,
    // before any work.
    let route_layers = ServiceBuilder::new()
        .layer(middleware::from_fn(route::record_route))
        .layer(middleware::from_fn(operation::resolve_operation))
        .layer(middleware::from_fn_with_state(authenticator, auth::require_scope))
        .layer(middleware::from_fn_with_state(rate_limits.clone(), rate_limit::limit_principal))
        .layer(middleware::from_fn_with_state(load_shedding.clone(), load_shed::limit_in_flight))
        .layer(middleware::from_fn_with_state(
            (write_switch, metrics.clone()),
            write_switch::refuse_writes_while_disabled,
        ))
        .layer(middleware::from_fn(request_validation::validate_request));
    let outer_layers = ServiceBuilder::new()
        .layer(middleware::from_fn(request_id::assign_request_id))
        .layer(middleware::from_fn(server_span::start_server_span))
        .layer(middleware::from_fn_with_state(metrics, request_metrics::record_metrics))
        .layer(middleware::from_fn(access_log::log_request))
        .layer(middleware::from_fn(error_log::log_errors))
        // Every response may carry patient data (or say that a patient exists): never cached,
        // unless a route says otherwise (the docs pages).
        .layer(SetResponseHeaderLayer::if_not_present(header::CACHE_CONTROL, HeaderValue::from_static("no-store")))
        .layer(middleware::from_fn(error_body::normalize_error_body))
        .layer(middleware::from_fn_with_state(load_shedding, load_shed::limit_time))
        .layer(middleware::from_fn_with_state(rate_limits, rate_limit::limit_unauthenticated))
        .layer(CatchPanicLayer::custom(|_| ApiError::internal("a handler panicked").into_response()))
        .layer(RequestBodyLimitLayer::new(MAX_BODY_BYTES))
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES));
    // The docs routes are merged first, so the route layers apply to them too (they are no
    // contract operation and need no scope).
    patient_api::server::new(service).merge(docs::routes()).route_layer(route_layers).layer(outer_layers)
}

/// `GET /metrics`: the pool's state is read at scrape time, so it is current even while the
/// database is down (the pool is in memory; nothing here touches the database).
fn metrics_router(metrics: Metrics, db: Db) -> Router {
    async fn render(State((metrics, db)): State<(Metrics, Db)>) -> impl IntoResponse {
        metrics.set_pool_state(db.pool_state());
        ([(header::CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8")], metrics.render())
    }
    Router::new().route("/metrics", get(render)).with_state((metrics, db))
}

/// How often recorded histogram samples are folded into buckets between scrapes.
const METRICS_UPKEEP_INTERVAL: Duration = Duration::from_secs(5);

async fn metrics_upkeep(metrics: Metrics) {
    let mut interval = tokio::time::interval(METRICS_UPKEEP_INTERVAL);
    loop {
        interval.tick().await;
        metrics.run_upkeep();
    }
}

pub fn internal_routes_layer() -> tower::util::MapRequestLayer<fn(axum::extract::Request) -> axum::extract::Request> {
    tower::util::MapRequestLayer::new(internal_routes::rewrite as fn(_) -> _)
}

/// How often rate-limit buckets that are full again are forgotten.
const BUCKET_FORGET_INTERVAL: Duration = Duration::from_secs(60);

async fn forget_idle_buckets(rate_limits: RateLimits) {
    let mut interval = tokio::time::interval(BUCKET_FORGET_INTERVAL);
    loop {
        interval.tick().await;
        rate_limits.forget_idle();
    }
}

/// How often expired idempotency keys are deleted.
const IDEMPOTENCY_PURGE_INTERVAL: Duration = Duration::from_secs(15 * 60);

async fn purge_idempotency_keys(db: Db) {
    let mut interval = tokio::time::interval(IDEMPOTENCY_PURGE_INTERVAL);
    loop {
        interval.tick().await;
        match idempotency::purge_expired(&db).await {
            Ok(0) => {}
            Ok(purged) => tracing::info!(purged, "purged expired idempotency keys"),
            Err(err) => tracing::warn!(error = %DbFailure::from(&err), "could not purge expired idempotency keys"),
        }
    }
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
}
