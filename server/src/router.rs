//! The HTTP router: Leptos pages and server functions, plain routes, and the middleware every
//! request passes through. Tests build it with [`router`] and drive it on port 0.
use std::sync::OnceLock;

use axum::handler::Handler;
use axum::middleware;
use axum::routing::{on, MethodFilter};
use axum::Router;
use http::Method;
use leptos_axum::{generate_route_list, AxumRouteListing, LeptosRoutes};
use tower_http::compression::predicate::{DefaultPredicate, NotForContentType, Predicate};
use tower_http::compression::{CompressionLayer, CompressionLevel};

use app::state::AppState;
use app::{shell, App};

use crate::security::{self, AllowedOrigin};
use crate::{
    demo, documents, downloads, health, live_route, owner_isolation, session_routes, telemetry,
    text_guard,
};

/// Settings of the router that are not application state.
#[derive(Clone, Debug)]
pub struct RouterOptions {
    pub public_origin: String,
    /// Served over HTTPS: send HSTS.
    pub https: bool,
}

/// The routes that are not Leptos pages or server functions, recorded as they are added so
/// the authorization matrix test can enumerate every endpoint. Add plain routes only here.
pub struct PlainRoutes {
    router: Router<AppState>,
    pub listed: Vec<(Method, &'static str)>,
}

impl PlainRoutes {
    fn add<H, T>(mut self, method: Method, path: &'static str, handler: H) -> Self
    where
        H: Handler<T, AppState>,
        T: 'static,
    {
        let filter = MethodFilter::try_from(method.clone())
            .unwrap_or_else(|_| panic!("unsupported method {method} for {path}"));
        self.router = self.router.route(path, on(filter, handler));
        self.listed.push((method, path));
        self
    }
}

pub fn plain_routes(demo: bool) -> PlainRoutes {
    let routes = PlainRoutes {
        router: Router::new(),
        listed: Vec::new(),
    }
    .add(Method::GET, "/healthz", health::live)
    .add(Method::GET, "/readyz", health::ready)
    .add(Method::POST, "/sign-out", session_routes::sign_out)
    .add(Method::GET, "/api/live", live_route::stream)
    .add(
        Method::GET,
        "/documents/{id}/file",
        documents::file_route::file,
    )
    .add(
        Method::GET,
        "/documents/{id}/first-page",
        documents::picture_route::first_page,
    )
    .add(
        Method::POST,
        "/documents/upload",
        documents::upload_route::upload,
    )
    .add(
        Method::GET,
        "/ballots/{id}/summary.csv",
        downloads::ballot_summary::summary_csv,
    )
    .add(
        Method::GET,
        "/meetings/{id}/minutes.pdf",
        downloads::minutes_pdf::minutes,
    )
    .add(
        Method::GET,
        "/meetings/{id}/conclusions.pdf",
        downloads::minutes_pdf::conclusions,
    )
    .add(
        Method::GET,
        "/analytics/savings.csv",
        downloads::savings_csv::savings_csv,
    )
    .add(Method::GET, "/tasks.csv", downloads::tasks_csv::tasks_csv);
    if demo {
        // Exists only in demo mode: outside it the path is an ordinary 404.
        routes.add(Method::POST, "/demo/sign-in", demo::sign_in::sign_in)
    } else {
        routes
    }
}

/// Pages, the WASM bundle, scripts, styles and JSON travel compressed (brotli or gzip, as the
/// browser accepts): the bundle shrinks about fourfold on a tablet's slow link. Not the live
/// channel (the default predicate leaves event streams alone) and not PDFs, which the reader
/// fetches in ranges. Level 5: most of the gain for little CPU per request. A release build
/// (`--precompress`) stores each site file compressed at the strongest level beside it; those
/// copies are sent as they are (an encoded response is not compressed again).
fn compression() -> CompressionLayer<impl Predicate> {
    CompressionLayer::new()
        .quality(CompressionLevel::Precise(5))
        .compress_when(DefaultPredicate::new().and(NotForContentType::const_new("application/pdf")))
}

/// The app's routes, worked out once per process. `generate_route_list` runs the whole app
/// with a process-wide flag set, and a resource first polled meanwhile (in a page another
/// router of the same process is rendering) waits for ever (leptos-rs/leptos#4773). The binary
/// builds its one router before serving; the tests build many while others serve, and 1 run in
/// 5 of two concurrent page-load tests hung on a page that never finished.
fn routes() -> Vec<AxumRouteListing> {
    static ROUTES: OnceLock<Vec<AxumRouteListing>> = OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(App)).clone()
}

pub fn router(state: AppState, options: &RouterOptions) -> Router {
    let routes = routes();
    let hsts = options.https;
    plain_routes(state.demo)
        .router
        .leptos_routes(&state, routes, {
            let leptos_options = state.leptos_options.clone();
            move || shell(leptos_options.clone())
        })
        .fallback(leptos_axum::file_and_error_handler::<AppState, _>(shell))
        .with_state(state)
        .layer(middleware::from_fn(text_guard::check_text))
        .layer(compression())
        .layer(middleware::from_fn_with_state(
            AllowedOrigin(options.public_origin.clone()),
            security::refuse_cross_origin,
        ))
        .layer(middleware::from_fn(move |req, next| {
            security::security_headers(req, next, hsts)
        }))
        .layer(telemetry::layer())
        // Outermost: nothing below it runs under another request's reactive owner.
        .layer(middleware::from_fn(owner_isolation::isolate))
}
