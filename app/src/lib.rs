//! e-Cabinet's application crate: everything a page needs, organised by domain.
//!
//! The same code is compiled twice: with `ssr` into the server (rendering HTML, server
//! functions, storage) and with `hydrate` into the WebAssembly bundle that makes the
//! server-rendered pages interactive. Server-only modules are behind `#[cfg(feature = "ssr")]`
//! so the bundle carries no database, PDF or crypto code.
#![deny(unsafe_code)]
#![recursion_limit = "256"]

pub mod cookies;
pub mod error;
pub mod i18n;
pub mod ids;
pub mod spreadsheet;
pub mod text_rules;
pub mod ui;

pub mod routes;

pub mod analytics;
pub mod ballots;
pub mod documents;
pub mod identity;
pub mod live;
pub mod meetings;
pub mod room;
pub mod search;
pub mod submissions;
pub mod tasks;

pub mod audit;
pub mod audit_log;
#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod fold;
#[cfg(feature = "ssr")]
pub mod state;
#[cfg(feature = "ssr")]
pub mod terms;

pub use routes::shell::{shell, App};

/// Entry point of the WebAssembly bundle: attach event handlers to the server-rendered page.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    // As `leptos::mount::hydrate_lazy` (a page's code may be loading: see `routes::pages`), and
    // then mark the page hydrated: tests (and curious engineers) can tell a hydrated page from
    // a server-rendered one. An effect in `App` would run before a lazily loaded page is
    // hydrated, and a test would click buttons that do nothing yet.
    wasm_bindgen_futures::spawn_local(async {
        let Some(body) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.body())
        else {
            return;
        };
        leptos::mount::hydrate_from_async(body.clone(), App)
            .await
            .forget();
        let _ = body.set_attribute("data-hydrated", "true");
    });
}
