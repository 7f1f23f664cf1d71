//! Listening: plain HTTP/1.1 ([`crate::http1`]), or HTTPS with rustls when a certificate is
//! configured; graceful shutdown on SIGTERM/Ctrl-C (live channels end, in-flight requests
//! finish, then the database closes).
use app::state::AppState;

use crate::config::Config;
use crate::router::{router, RouterOptions};

/// Bind the configured address and serve until SIGTERM or Ctrl-C.
pub async fn run(config: &Config, state: AppState) -> anyhow::Result<()> {
    serve_on(listen(config.bind)?, config, state, shutdown_signal()).await
}

/// A listening socket whose queue holds every tablet of a cabinet reconnecting at once (after
/// a restart, say): with the standard library's queue of 128, the rest wait for the client to
/// try again a second later. The kernel caps the length at `net.core.somaxconn`.
fn listen(address: std::net::SocketAddr) -> std::io::Result<std::net::TcpListener> {
    let socket = if address.is_ipv4() {
        tokio::net::TcpSocket::new_v4()?
    } else {
        tokio::net::TcpSocket::new_v6()?
    };
    socket.set_reuseaddr(true)?;
    socket.bind(address)?;
    socket.listen(4096)?.into_std()
}

/// Serve on `listener` until `shutdown` completes: then end the live channels and let the
/// requests in flight finish (at most [`crate::http1::GRACE`]).
pub async fn serve_on(
    listener: std::net::TcpListener,
    config: &Config,
    state: AppState,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> anyhow::Result<()> {
    listener.set_nonblocking(true)?;
    let address = listener.local_addr()?;
    let db = state.db.clone();
    let live = state.live.clone();
    let app = router(
        state,
        &RouterOptions {
            public_origin: config.public_origin.clone(),
            https: config.tls().is_some(),
        },
    );
    // Stopping ends the live channels first: each would otherwise hold its connection (and
    // the shutdown) open for as long as its page stays open.
    let shutdown = async move {
        shutdown.await;
        tracing::info!("shutting down: finishing in-flight requests");
        live.close();
    };
    match config.tls() {
        None => {
            let listener = tokio::net::TcpListener::from_std(listener)?;
            tracing::info!(%address, "listening on http");
            crate::http1::serve(listener, app, shutdown).await;
        }
        Some((cert, key)) => {
            // One process-wide crypto provider; `ring` builds from crates.io alone.
            let _ = rustls::crypto::ring::default_provider().install_default();
            let tls = axum_server::tls_rustls::RustlsConfig::from_pem_file(cert, key).await?;
            let handle = axum_server::Handle::new();
            let stopper = handle.clone();
            tokio::spawn(async move {
                shutdown.await;
                stopper.graceful_shutdown(Some(crate::http1::GRACE));
            });
            tracing::info!(%address, "listening on https");
            axum_server::from_tcp_rustls(listener, tls)
                .handle(handle)
                .serve(app.into_make_service_with_connect_info::<std::net::SocketAddr>())
                .await?;
        }
    }
    db.close().await;
    tracing::info!("stopped");
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(err) => {
                tracing::error!(%err, "cannot listen for SIGTERM");
                std::future::pending::<()>().await;
            }
        }
    };
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
}
