//! Plain HTTP: each accepted connection served by hyper's HTTP/1.1 server, until shutdown.
//!
//! Not `axum::serve`, whose connections detect HTTP/2 (cleartext, prior knowledge) first:
//! browsers speak HTTP/2 only over TLS, and that detection kept about 9 KiB more per open
//! connection, which every tablet's live channel holds for the length of a meeting (29 → 20 KiB
//! per idle connection in a bare axum server; `BENCHMARKS.md`, figure 2). HTTPS
//! ([`crate::serve`]) keeps HTTP/2, negotiated by ALPN.
use std::time::Duration;

use axum::extract::ConnectInfo;
use axum::Router;
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tower::ServiceExt;

/// How long requests still in flight at shutdown may take to finish.
pub const GRACE: Duration = Duration::from_secs(30);

/// Serve `app` on `listener` until `shutdown` completes; then stop accepting, let the
/// requests in flight finish (at most [`GRACE`]) and return.
pub async fn serve(
    listener: TcpListener,
    app: Router,
    shutdown: impl std::future::Future<Output = ()>,
) {
    let graceful = GracefulShutdown::new();
    let mut builder = http1::Builder::new();
    // The timer enforces hyper's limit on reading a request's head (30 s): a client that
    // trickles its headers does not hold a connection open for ever.
    builder.timer(TokioTimer::new());
    tokio::pin!(shutdown);
    loop {
        let (tcp, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(err) => {
                    refused(&err).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        // No Nagle delay: a small write after another (a response's body, the next live
        // event) would otherwise wait for the peer's delayed acknowledgement, up to 40 ms.
        if let Err(err) = tcp.set_nodelay(true) {
            tracing::debug!(%err, "TCP_NODELAY not set");
        }
        // The peer's address, for what keys on the client (rate limits), as axum's
        // `into_make_service_with_connect_info` would add it.
        let service = app
            .clone()
            .map_request(move |mut request: http::Request<Incoming>| {
                request.extensions_mut().insert(ConnectInfo(peer));
                request
            });
        let connection = graceful
            .watch(builder.serve_connection(TokioIo::new(tcp), TowerToHyperService::new(service)));
        tokio::spawn(async move {
            if let Err(err) = connection.await {
                tracing::debug!(%err, %peer, "connection ended with an error");
            }
        });
    }
    drop(listener);
    tokio::select! {
        () = graceful.shutdown() => {}
        () = tokio::time::sleep(GRACE) => {
            tracing::warn!(grace = ?GRACE, "connections still open at shutdown were dropped");
        }
    }
}

/// A failed `accept`: a connection the peer gave up on is nobody's concern; anything else
/// (out of file descriptors, say) is logged and waited out a little, not spun on.
async fn refused(err: &std::io::Error) {
    use std::io::ErrorKind::{ConnectionAborted, ConnectionRefused, ConnectionReset};
    if matches!(
        err.kind(),
        ConnectionAborted | ConnectionRefused | ConnectionReset
    ) {
        return;
    }
    tracing::error!(%err, "cannot accept a connection");
    tokio::time::sleep(Duration::from_millis(100)).await;
}
