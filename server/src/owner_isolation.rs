//! Every request is handled with no Leptos reactive owner current on its thread.
//!
//! Leptos keeps the current reactive owner in a thread-local. Each page render makes its root
//! owner with `Owner::new_root` (leptos_integration_utils' `build_response`), which makes it
//! current and never puts the previous one back (reactive_graph 0.2.16, `owner.rs`); a render
//! waiting on its resources returns `Pending` with its root still current on the worker
//! thread. leptos_axum's handlers for server functions and static files start their own owner
//! with `Owner::new()`, a child of whatever owner is current, so a request polled next on that
//! thread hung under the page's owner and read the page's contexts:
//! - a static file took the page's response headers, the page's script policy among them, so
//!   the page arrived without it and none of its scripts ran (the browser tests caught a
//!   request starting with another page's owner current about once a run);
//! - a server function saw the page's render memo, which holds the page viewer's session.
//!
//! Clearing the thread's owner around every poll of a request keeps each request's reactive
//! world its own, whatever left an owner behind. (The render memo also checks that it belongs
//! to the request asking: `app::identity::render_memo`.)
use std::future::{poll_fn, Future};
use std::pin::pin;

use axum::extract::Request;
use axum::middleware::Next;
use axum::response::Response;
use leptos::prelude::Owner;

/// Middleware: run the rest of the stack for `request` with no owner current when each poll
/// starts, and none left behind when it ends.
pub async fn isolate(request: Request, next: Next) -> Response {
    let mut handling = pin!(next.run(request));
    poll_fn(move |cx| {
        forget_current_owner();
        let polled = handling.as_mut().poll(cx);
        forget_current_owner();
        polled
    })
    .await
}

/// Make no owner current on this thread (the owner itself lives on with its render).
fn forget_current_owner() {
    if let Some(owner) = Owner::current() {
        owner.unset();
    }
}
