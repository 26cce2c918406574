//! The API listener's accept loop: hyper's HTTP/1.1 server (what the ALB speaks to its
//! targets, and all `axum::serve` offered in this build) with a header-read timeout,
//! which `axum::serve` does not offer. A client that has not sent a request's complete
//! headers within the timeout (slowloris: a byte at a time) is disconnected, for the first
//! request of a connection and for every later one. Each request carries the peer address
//! as [`ConnectInfo`], for the per-address rate limit. On shutdown the listener closes and
//! open connections finish their current requests (see `startup` for the grace period).
use std::{convert::Infallible, future::Future, io, net::SocketAddr, time::Duration};

use axum::{
    body::Body,
    extract::{ConnectInfo, Request},
    response::Response,
};
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper_util::{
    rt::{TokioIo, TokioTimer},
    server::graceful::GracefulShutdown,
    service::TowerToHyperService,
};
use tokio::net::TcpListener;
use tower::{Service, ServiceExt};

/// How long to wait before accepting again after `accept` failed (out of file descriptors).
const ACCEPT_RETRY_DELAY: Duration = Duration::from_millis(50);

pub async fn serve<S>(
    listener: TcpListener,
    app: S,
    header_read_timeout: Duration,
    shutdown: impl Future<Output = ()>,
) -> io::Result<()>
where
    S: Service<Request, Response = Response, Error = Infallible> + Clone + Send + 'static,
    S::Future: Send,
{
    let mut builder = http1::Builder::new();
    builder.timer(TokioTimer::new()).header_read_timeout(header_read_timeout);
    let graceful = GracefulShutdown::new();
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(err) => {
                    tracing::warn!(error = %err, "cannot accept a connection");
                    tokio::time::sleep(ACCEPT_RETRY_DELAY).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        // Latency over throughput: responses are small.
        let _ = stream.set_nodelay(true);
        let service = app.clone().map_request(move |request: hyper::Request<Incoming>| {
            let mut request = request.map(Body::new);
            request.extensions_mut().insert(ConnectInfo::<SocketAddr>(peer));
            request
        });
        let connection = builder.serve_connection(TokioIo::new(stream), TowerToHyperService::new(service));
        let connection = graceful.watch(connection);
        tokio::spawn(async move {
            // A client that went away, or was cut off by the header timeout: nothing to report.
            let _ = connection.await;
        });
    }
    drop(listener);
    graceful.shutdown().await;
    Ok(())
}
