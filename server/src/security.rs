//! Request guards every route shares.
//!
//! Leptos server functions have no CSRF protection of their own, so every state-changing
//! request (anything but GET/HEAD/OPTIONS) must prove it comes from our own pages: an `Origin`
//! equal to the public origin, or `Sec-Fetch-Site: same-origin`. A request with neither is
//! refused. Pages and server functions never change state over GET.
use axum::body::Body;
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use http::{header, HeaderValue, Method, StatusCode};

/// The origin state-changing requests must come from.
#[derive(Clone, Debug)]
pub struct AllowedOrigin(pub String);

fn is_safe(method: &Method) -> bool {
    matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS)
}

/// Whether a request with these headers comes from our own pages.
pub fn same_origin(headers: &http::HeaderMap, allowed: &str) -> bool {
    let origin = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok());
    let fetch_site = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok());
    match (origin, fetch_site) {
        // A browser that says where it comes from must say us.
        (Some(origin), _) => origin.trim_end_matches('/') == allowed.trim_end_matches('/'),
        (None, Some(site)) => site == "same-origin",
        (None, None) => false,
    }
}

pub async fn refuse_cross_origin(
    State(allowed): State<AllowedOrigin>,
    request: Request,
    next: Next,
) -> Response {
    if is_safe(request.method()) || same_origin(request.headers(), &allowed.0) {
        return next.run(request).await;
    }
    tracing::warn!(method = %request.method(), "cross-origin state-changing request refused");
    let mut response = (
        StatusCode::FORBIDDEN,
        "Yêu cầu bị từ chối vì không đến từ trang của e-Cabinet.\n\
         Request refused: it did not come from an e-Cabinet page.\n",
    )
        .into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    response
}

/// The PDF viewer's worker script (pdf.js, vendored by the setup; see `public/reader.js`).
pub const PDF_WORKER: &str = "/vendor/pdfjs/pdf.worker.min.mjs";

/// Headers every response carries. Pages set their own Content-Security-Policy with the
/// response's script nonce (`app::routes::shell::content_security_policy`); anything else (probes,
/// plain routes, files) gets one that allows nothing.
pub async fn security_headers(request: Request<Body>, next: Next, hsts: bool) -> Response {
    let pdf_worker = request.uri().path() == PDF_WORKER;
    let static_asset = is_static_asset(request.uri().path());
    let signed_in = app::identity::session::token_from_headers(request.headers()).is_some();
    let mut response = next.run(request).await;
    let status = response.status();
    let headers = response.headers_mut();
    if !static_asset && (signed_in || is_page_or_data(headers)) {
        // Confidential pages and answers must not come back from a cache (Back on a shared
        // tablet after sign-out, a proxy): never stored, anywhere.
        headers.insert(
            header::CACHE_CONTROL,
            HeaderValue::from_static("private, no-store"),
        );
    }
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    );
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    if pdf_worker {
        // A worker runs under its own script's policy: pdf.js decodes some images (JPEG 2000)
        // with WebAssembly, and needs nothing else.
        headers.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static("default-src 'none'; script-src 'wasm-unsafe-eval'"),
        );
    }
    if !headers.contains_key(header::CONTENT_SECURITY_POLICY) {
        let html = headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("text/html"));
        if html {
            // Every page sets its own policy; without it none of the page's scripts run. Seen
            // when a static file's handler took a page's headers (`crate::owner_isolation`
            // explains how, and stops it). The request's span names the route it matched.
            tracing::warn!(%status, "a page was served without its script policy");
        }
        headers.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static("default-src 'none'; frame-ancestors 'none'; base-uri 'none'"),
        );
    }
    if hsts {
        headers.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000; includeSubDomains"),
        );
    }
    response
}

/// The site's own files (the WASM bundle, styles, pdf.js, robots.txt): the same for everyone,
/// cacheable.
fn is_static_asset(path: &str) -> bool {
    path.starts_with("/pkg/")
        || path.starts_with("/vendor/")
        || path == "/reader.js"
        || path == "/robots.txt"
}

/// A page or a server function's answer (what may carry meeting content).
fn is_page_or_data(headers: &http::HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html") || v.starts_with("application/json"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> http::HeaderMap {
        let mut map = http::HeaderMap::new();
        for (k, v) in pairs {
            map.insert(*k, HeaderValue::from_static(v));
        }
        map
    }

    const US: &str = "https://ecabinet.example.vn";

    #[test]
    fn only_our_origin_may_change_state() {
        assert!(same_origin(
            &headers(&[("origin", "https://ecabinet.example.vn")]),
            US
        ));
        assert!(same_origin(
            &headers(&[("sec-fetch-site", "same-origin")]),
            US
        ));
        assert!(!same_origin(
            &headers(&[("origin", "https://evil.example")]),
            US
        ));
        assert!(!same_origin(
            &headers(&[("origin", "http://ecabinet.example.vn")]),
            US
        ));
        assert!(!same_origin(
            &headers(&[("sec-fetch-site", "cross-site")]),
            US
        ));
        assert!(!same_origin(
            &headers(&[("sec-fetch-site", "same-site")]),
            US
        ));
        assert!(!same_origin(&headers(&[]), US));
        // A foreign Origin is not excused by a claimed same-origin fetch.
        assert!(!same_origin(
            &headers(&[
                ("origin", "https://evil.example"),
                ("sec-fetch-site", "same-origin")
            ]),
            US
        ));
    }
}
