//! Every request is handled with no Leptos reactive owner current on its thread.
//!
//! Leptos keeps the current reactive owner in a thread-local, and leptos_axum's handlers for
//! server functions and static files start theirs with `Owner::new()`: a child of whatever
//! owner is current on the thread. Now and then a page render leaves its owner current on a
//! worker thread after its task yields (the browser tests caught a request starting with
//! another page's owner current, about once a run). A handler polled next on that thread
//! hung under that page's owner, and read that page's contexts:
//! - a static file took the page's response headers, the page's script policy among them, so
//!   the page arrived without it and none of its scripts ran;
//! - a server function saw the page's render memo, which holds the page viewer's session.
//!
//! Clearing the thread's owner around every poll of a request keeps each request's reactive
//! world its own, whatever left an owner behind. (The render memo also checks that it belongs
//! to the request asking: `app::render_memo`.)
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
