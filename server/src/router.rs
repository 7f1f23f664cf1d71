//! The HTTP router: Leptos pages and server functions, plain routes, and the middleware every
//! request passes through. Tests build it with [`router`] and drive it on port 0.
use axum::middleware;
use axum::routing::{get, post};
use axum::Router;
use leptos_axum::{generate_route_list, LeptosRoutes};

use app::state::AppState;
use app::{shell, App};

use crate::security::{self, AllowedOrigin};
use crate::{demo, health, session_routes, telemetry};

/// Settings of the router that are not application state.
#[derive(Clone, Debug)]
pub struct RouterOptions {
    pub public_origin: String,
    /// Served over HTTPS: send HSTS.
    pub https: bool,
}

pub fn router(state: AppState, options: &RouterOptions) -> Router {
    let routes = generate_route_list(App);
    let mut router = Router::new()
        .route("/healthz", get(health::live))
        .route("/readyz", get(health::ready))
        .route("/sign-out", post(session_routes::sign_out));
    if state.demo {
        // Exists only in demo mode: outside it the path is an ordinary 404.
        router = router.route("/demo/sign-in", post(demo::sign_in::sign_in));
    }
    let hsts = options.https;
    router
        .leptos_routes(&state, routes, {
            let leptos_options = state.leptos_options.clone();
            move || shell(leptos_options.clone())
        })
        .fallback(leptos_axum::file_and_error_handler::<AppState, _>(shell))
        .with_state(state)
        .layer(middleware::from_fn_with_state(
            AllowedOrigin(options.public_origin.clone()),
            security::refuse_cross_origin,
        ))
        .layer(middleware::from_fn(move |req, next| {
            security::security_headers(req, next, hsts)
        }))
        .layer(telemetry::layer())
}
