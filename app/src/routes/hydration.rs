//! When the app's code loads and hydrates the page the server rendered.
//!
//! Most pages name their code in the `<head>` (the main bundle and their group's modules,
//! `routes::pages`) and hydrate as soon as it has arrived. The reader does not: what it shows
//! first is the first page's picture and the PDF (drawn by `public/reader.js` without the app),
//! and on a slow line the app's 300 KB would share the bandwidth with that picture and hold the
//! first paint behind its start. So the reader names no code in its head and starts the app
//! once the browser is idle (at most 2 s later): the toolbar and the notes follow the page.
//! Measured with Lighthouse's mobile profile (BENCHMARKS.md, figure 9).
use leptos::prelude::*;

/// Whether the page being rendered hydrates when the browser is idle (the reader).
pub fn when_idle() -> bool {
    #[cfg(feature = "ssr")]
    {
        use_context::<http::request::Parts>().is_some_and(|parts| is_reader(parts.uri.path()))
    }
    #[cfg(not(feature = "ssr"))]
    {
        false
    }
}

/// `/documents/{id}/read`.
#[cfg(any(feature = "ssr", test))]
fn is_reader(path: &str) -> bool {
    let mut parts = path.trim_end_matches('/').split('/');
    matches!(
        (parts.next(), parts.next(), parts.next(), parts.next(), parts.next()),
        (Some(""), Some("documents"), Some(id), Some("read"), None) if !id.is_empty()
    )
}

/// The script that loads the app when the browser is idle, with no hints in the head. A build
/// with hashed file names gets Leptos's own deferred scripts instead (they know the names).
#[component]
pub fn HydrateWhenIdle(options: LeptosOptions) -> impl IntoView {
    if options.hash_files {
        return view! { <HydrationScripts options defer=true/> }.into_any();
    }
    let pkg = format!("/{}/{}", options.site_pkg_dir, options.output_name);
    // As Leptos names the WASM file (cargo-leptos sets the variable when it builds).
    let wasm_suffix = if option_env!("LEPTOS_OUTPUT_NAME").is_some() {
        ""
    } else {
        "_bg"
    };
    let script = format!(
        "(() => {{ const start = () => import({js:?}).then((app) => app.default({{ module_or_path: {wasm:?} }}).then(() => app.hydrate())); \
         if (\"requestIdleCallback\" in window) requestIdleCallback(start, {{ timeout: 2000 }}); else setTimeout(start, 1); }})();",
        js = format!("{pkg}.js"),
        wasm = format!("{pkg}{wasm_suffix}.wasm"),
    );
    let nonce = leptos::nonce::use_nonce();
    view! { <script type="module" nonce=nonce>{script}</script> }.into_any()
}

#[cfg(test)]
mod tests {
    use super::is_reader;

    #[test]
    fn only_the_reader_hydrates_when_idle() {
        assert!(is_reader(
            "/documents/01a250de-453b-748d-b9aa-ef97549b2272/read"
        ));
        assert!(is_reader("/documents/x/read/"));
        for other in [
            "/",
            "/documents//read",
            "/documents/x/file",
            "/documents/x/read/more",
            "/meetings/x",
            "/documents/read",
        ] {
            assert!(!is_reader(other), "{other}");
        }
    }
}
