//! The store's database handles, [`Db`] (the pool) and [`Txn`] (a transaction): SeaORM
//! connections that observe every call they make.
//!
//! - Every statement, `BEGIN` and `COMMIT` gets a client span named by its SQL operation and
//!   table (`SELECT patients`), and every transaction a span around its statements. Spans
//!   carry `db.system.name`, `db.operation.name`, `db.collection.name` and, on failure, the
//!   SQLSTATE — never the SQL text or a bound value. They exist only while traces are
//!   exported (see `telemetry`).
//! - Every call's latency is recorded by operation, table and outcome.
//! - A call that needs a pool connection counts as pending until the pool hands one over,
//!   and its wait is recorded. The pool reports the hand-over through the hooks installed by
//!   [`watch_pool`]; the call's task carries the watch, so only that call is credited.
use std::{
    sync::{
        Arc,
        atomic::{AtomicBool, Ordering},
    },
    time::Instant,
};

use async_trait::async_trait;
use sea_orm::{
    ConnectOptions, ConnectionTrait, DatabaseConnection, DatabaseTransaction, DbBackend, DbErr, EntityName, ExecResult,
    QueryResult, Statement, TransactionTrait,
};
use tracing::{Instrument, Span, field::Empty};

use super::{
    DbFailure,
    entities::{audit_log, idempotency_key, patient},
};
use crate::{
    metrics::{Metrics, PoolState},
    telemetry::DB_SPAN_TARGET,
};

/// The connection pool, observed.
#[derive(Clone)]
pub struct Db {
    conn: DatabaseConnection,
    metrics: Metrics,
}

/// A transaction, observed; rolled back when dropped without [`Txn::commit`].
pub struct Txn {
    inner: DatabaseTransaction,
    span: Span,
    metrics: Metrics,
}

impl Db {
    pub fn new(conn: DatabaseConnection, metrics: Metrics) -> Self {
        Self { conn, metrics }
    }

    /// Begins a transaction, under a span that lasts until it commits or is dropped.
    pub async fn begin(&self) -> Result<Txn, DbErr> {
        let span = tracing::info_span!(target: DB_SPAN_TARGET, "transaction", db.system.name = "postgresql");
        let begin = Sql::control("BEGIN");
        let inner = self.observe_pooled(&begin, Some(&span), self.conn.begin()).await?;
        Ok(Txn { inner, span, metrics: self.metrics.clone() })
    }

    pub fn pool_state(&self) -> PoolState {
        let pool = self.conn.get_postgres_connection_pool();
        PoolState {
            open: pool.size(),
            idle: u32::try_from(pool.num_idle()).unwrap_or(u32::MAX),
            max: pool.options().get_max_connections(),
        }
    }

    pub async fn close(&self) {
        self.conn.close_by_ref().await.ok();
    }

    /// A call that acquires a pool connection: pending until the pool hands one over.
    async fn observe_pooled<T>(
        &self,
        sql: &Sql,
        parent: Option<&Span>,
        call: impl Future<Output = Result<T, DbErr>>,
    ) -> Result<T, DbErr> {
        let pending = Pending::start(&self.metrics);
        ACQUIRE.scope(pending.0.clone(), observe(&self.metrics, sql, parent, call)).await
    }
}

impl Txn {
    pub async fn commit(self) -> Result<(), DbErr> {
        let Txn { inner, span, metrics } = self;
        observe(&metrics, &Sql::control("COMMIT"), Some(&span), inner.commit()).await
    }
}

#[async_trait]
impl ConnectionTrait for Db {
    fn get_database_backend(&self) -> DbBackend {
        self.conn.get_database_backend()
    }

    async fn execute_raw(&self, stmt: Statement) -> Result<ExecResult, DbErr> {
        let sql = Sql::of(&stmt.sql);
        self.observe_pooled(&sql, None, self.conn.execute_raw(stmt)).await
    }

    async fn execute_unprepared(&self, sql: &str) -> Result<ExecResult, DbErr> {
        self.observe_pooled(&Sql::of(sql), None, self.conn.execute_unprepared(sql)).await
    }

    async fn query_one_raw(&self, stmt: Statement) -> Result<Option<QueryResult>, DbErr> {
        let sql = Sql::of(&stmt.sql);
        self.observe_pooled(&sql, None, self.conn.query_one_raw(stmt)).await
    }

    async fn query_all_raw(&self, stmt: Statement) -> Result<Vec<QueryResult>, DbErr> {
        let sql = Sql::of(&stmt.sql);
        self.observe_pooled(&sql, None, self.conn.query_all_raw(stmt)).await
    }

    fn support_returning(&self) -> bool {
        self.conn.support_returning()
    }
}

#[async_trait]
impl ConnectionTrait for Txn {
    fn get_database_backend(&self) -> DbBackend {
        self.inner.get_database_backend()
    }

    async fn execute_raw(&self, stmt: Statement) -> Result<ExecResult, DbErr> {
        let sql = Sql::of(&stmt.sql);
        observe(&self.metrics, &sql, Some(&self.span), self.inner.execute_raw(stmt)).await
    }

    async fn execute_unprepared(&self, sql: &str) -> Result<ExecResult, DbErr> {
        observe(&self.metrics, &Sql::of(sql), Some(&self.span), self.inner.execute_unprepared(sql)).await
    }

    async fn query_one_raw(&self, stmt: Statement) -> Result<Option<QueryResult>, DbErr> {
        let sql = Sql::of(&stmt.sql);
        observe(&self.metrics, &sql, Some(&self.span), self.inner.query_one_raw(stmt)).await
    }

    async fn query_all_raw(&self, stmt: Statement) -> Result<Vec<QueryResult>, DbErr> {
        let sql = Sql::of(&stmt.sql);
        observe(&self.metrics, &sql, Some(&self.span), self.inner.query_all_raw(stmt)).await
    }

    fn support_returning(&self) -> bool {
        self.inner.support_returning()
    }
}

/// Runs one database call under its span (a child of `parent`, else of the current span) and
/// records its latency.
async fn observe<T>(
    metrics: &Metrics,
    sql: &Sql,
    parent: Option<&Span>,
    call: impl Future<Output = Result<T, DbErr>>,
) -> Result<T, DbErr> {
    macro_rules! db_span {
        ($($parent:tt)*) => {
            tracing::info_span!(
                target: DB_SPAN_TARGET,
                $($parent)*
                "db",
                otel.name = %sql,
                otel.kind = "client",
                otel.status_code = Empty,
                db.system.name = "postgresql",
                db.operation.name = sql.operation,
                db.collection.name = sql.table,
                error.type = Empty,
            )
        };
    }
    let span = match parent {
        Some(parent) => db_span!(parent: parent,),
        None => db_span!(),
    };
    let started = Instant::now();
    let result = call.instrument(span.clone()).await;
    metrics.db_operation(sql.operation, sql.table.unwrap_or("none"), started.elapsed(), result.is_err());
    if let Err(err) = &result {
        span.record("otel.status_code", "ERROR");
        span.record("error.type", DbFailure::from(err).sqlstate());
    }
    result
}

/// A statement's operation and table, read from its SQL: bounded names for spans and labels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Sql {
    operation: &'static str,
    /// `None` for transaction control.
    table: Option<&'static str>,
}

/// The span name: `SELECT patients`, or `BEGIN`.
impl std::fmt::Display for Sql {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.table {
            Some(table) => write!(f, "{} {table}", self.operation),
            None => f.write_str(self.operation),
        }
    }
}

/// The tables the service queries, by their entities' names, and the migrations table
/// (readiness reads it).
fn known_tables() -> [&'static str; 4] {
    [
        patient::Entity.table_name(),
        audit_log::Entity.table_name(),
        idempotency_key::Entity.table_name(),
        "seaql_migrations",
    ]
}

impl Sql {
    fn control(operation: &'static str) -> Self {
        Self { operation, table: None }
    }

    /// A statement with data-modifying CTEs (`WITH x AS ( INSERT INTO t …`) is named by the
    /// first one, the change it is built around.
    fn of(sql: &str) -> Self {
        /// Each operation, and the keyword its table follows.
        const OPERATIONS: [(&str, &str); 4] =
            [("SELECT", "FROM"), ("INSERT", "INTO"), ("UPDATE", "UPDATE"), ("DELETE", "FROM")];
        let sql = match sql.split_ascii_whitespace().next() {
            Some(first) if first.eq_ignore_ascii_case("WITH") => ["( INSERT ", "( UPDATE ", "( DELETE "]
                .iter()
                .filter_map(|opening| sql.find(opening).map(|at| &sql[at + 2..]))
                .min_by_key(|rest| std::cmp::Reverse(rest.len()))
                .unwrap_or(sql),
            _ => sql,
        };
        let mut words = sql.split_ascii_whitespace();
        let first = words.next().unwrap_or_default();
        let Some((operation, table_after)) = OPERATIONS.into_iter().find(|(op, _)| first.eq_ignore_ascii_case(op))
        else {
            return Self { operation: "OTHER", table: Some("other") };
        };
        let mut words = sql.split_ascii_whitespace();
        let table = words
            .by_ref()
            .find(|w| w.eq_ignore_ascii_case(table_after))
            .and_then(|_| words.next())
            .map(|name| name.trim_matches('"'))
            .and_then(|name| known_tables().into_iter().find(|t| *t == name))
            .unwrap_or("other");
        Self { operation, table: Some(table) }
    }
}

tokio::task_local! {
    /// The acquisition the current database call is waiting for.
    static ACQUIRE: Arc<AcquireWatch>;
}

struct AcquireWatch {
    started: Instant,
    settled: AtomicBool,
    metrics: Metrics,
}

impl AcquireWatch {
    /// Records the outcome once: the first caller wins.
    fn settle(&self, record: impl FnOnce(&Metrics, &Self)) {
        if !self.settled.swap(true, Ordering::AcqRel) {
            record(&self.metrics, self);
        }
    }
}

/// A call waiting for a connection. Dropped before the pool reported a hand-over (the
/// acquisition failed or timed out, or the request was cancelled), it counts as a failure.
struct Pending(Arc<AcquireWatch>);

impl Pending {
    fn start(metrics: &Metrics) -> Self {
        metrics.db_acquire_started();
        Self(Arc::new(AcquireWatch {
            started: Instant::now(),
            settled: AtomicBool::new(false),
            metrics: metrics.clone(),
        }))
    }
}

impl Drop for Pending {
    fn drop(&mut self) {
        self.0.settle(|metrics, _| metrics.db_acquire_failed());
    }
}

/// Called by the pool when it hands a connection over (idle or newly opened), inside the
/// acquiring call's task.
fn connection_handed_over() {
    let _ = ACQUIRE.try_with(|watch| watch.settle(|metrics, watch| metrics.db_acquired(watch.started.elapsed())));
}

/// Installs the pool hooks that report hand-overs to [`Db`]'s pending calls.
pub fn watch_pool(options: &mut ConnectOptions) {
    options.map_sqlx_postgres_before_acquire(|_conn, _meta| {
        connection_handed_over();
        Box::pin(async { Ok(true) })
    });
    options.map_sqlx_postgres_pool_opts(|pool| {
        pool.after_connect(|_conn, _meta| {
            connection_handed_over();
            Box::pin(async { Ok(()) })
        })
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statements_are_named_by_operation_and_table_only() {
        let cases = [
            (
                r#"SELECT "patients"."patient_id", "patients"."email" FROM "patients" WHERE "patients"."email" = $1"#,
                ("SELECT", "patients"),
            ),
            (r#"INSERT INTO "audit_log" ("actor", "diff") VALUES ($1, $2)"#, ("INSERT", "audit_log")),
            (
                r#"UPDATE "patients" SET "version" = "version" + $1 WHERE "patient_id" = $2 RETURNING *"#,
                ("UPDATE", "patients"),
            ),
            (
                "DELETE FROM idempotency_keys WHERE ctid IN (SELECT ctid FROM idempotency_keys)",
                ("DELETE", "idempotency_keys"),
            ),
            ("SELECT version FROM seaql_migrations", ("SELECT", "seaql_migrations")),
            (
                "WITH k AS ( INSERT INTO idempotency_keys (principal) VALUES ($1) RETURNING 1 ), \
                 p AS ( INSERT INTO patients (patient_id) SELECT $2 FROM k RETURNING patient_id ) SELECT 1",
                ("INSERT", "idempotency_keys"),
            ),
            (
                "WITH u AS ( UPDATE patients SET version = $2 WHERE patient_id = $1 RETURNING patient_id ) \
                 INSERT INTO audit_log (patient_id) SELECT patient_id FROM u",
                ("UPDATE", "patients"),
            ),
            ("WITH x AS (SELECT 1) SELECT * FROM x", ("OTHER", "other")),
            ("SELECT 1", ("SELECT", "other")),
            ("SELECT * FROM \"Maria Rivera\"", ("SELECT", "other")),
            ("SET statement_timeout = 5", ("OTHER", "other")),
            ("", ("OTHER", "other")),
        ];
        for (sql, (operation, table)) in cases {
            assert_eq!(Sql::of(sql), Sql { operation, table: Some(table) }, "{sql}");
        }
    }
}
