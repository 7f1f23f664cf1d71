//! The HTML document, the root component and the routes.
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, MetaTags, Stylesheet, Title};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{path, Lazy, SsrMode};

use crate::i18n::{use_i18n, I18n, Lang};
use crate::identity::api::get_session_info;
use crate::identity::lock::PageGuard;
use crate::identity::session_resource::SessionResource;
use crate::routes::layout::Layout;
use crate::routes::pages;
use crate::ui::error_pages::NotFoundPage;

/// The language to render in: the request's cookie on the server, `<html lang>` in the
/// browser (which the server wrote from the same cookie).
fn initial_lang() -> Lang {
    #[cfg(feature = "ssr")]
    {
        use_context::<http::request::Parts>()
            .and_then(|parts| {
                parts
                    .headers
                    .get(http::header::COOKIE)
                    .and_then(|v| v.to_str().ok())
                    .map(Lang::from_cookie_header)
            })
            .unwrap_or_default()
    }
    #[cfg(all(feature = "hydrate", not(feature = "ssr")))]
    {
        web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
            .and_then(|e| e.get_attribute("lang"))
            .and_then(|code| Lang::from_code(&code))
            .unwrap_or_default()
    }
    #[cfg(not(any(feature = "ssr", feature = "hydrate")))]
    {
        Lang::default()
    }
}

/// The whole HTML document, rendered on the server.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    let lang = initial_lang();
    view! {
        <!DOCTYPE html>
        <html lang=lang.code()>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="color-scheme" content="light"/>
                <link rel="icon" href="data:,"/>
                <AutoReload options=options.clone()/>
                {if crate::routes::hydration::when_idle() {
                    view! { <crate::routes::hydration::HydrateWhenIdle options/> }.into_any()
                } else {
                    view! { <HydrationScripts options/> }.into_any()
                }}
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

/// The Content-Security-Policy of a page: scripts only from us and the inline hydration
/// script carrying this response's nonce; WebAssembly compilation allowed; nothing framed.
pub fn content_security_policy(nonce: &str) -> String {
    format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; \
         style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; \
         object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    )
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    #[cfg(feature = "ssr")]
    if let (Some(nonce), Some(response)) = (
        leptos::nonce::use_nonce(),
        use_context::<leptos_axum::ResponseOptions>(),
    ) {
        if let Ok(value) = http::HeaderValue::from_str(&content_security_policy(&nonce)) {
            response.insert_header(http::header::CONTENT_SECURITY_POLICY, value);
        }
    }
    // Every server function this render calls shares one session lookup (see the module).
    #[cfg(feature = "ssr")]
    provide_context(crate::identity::render_memo::RenderMemo::for_token(
        crate::identity::session::request_token(),
    ));
    #[cfg(feature = "ssr")]
    provide_context(pages::HintedGroups::default());
    provide_context(I18n::new(initial_lang()));
    provide_context(crate::live::LiveVersion(RwSignal::new(0)));
    provide_context(crate::live::PositionsVersion(RwSignal::new(0)));
    provide_context(crate::live::CommentsVersion(RwSignal::new(0)));
    provide_context(crate::live::BallotsVersion(RwSignal::new(0)));
    provide_context(crate::live::TasksVersion(RwSignal::new(0)));
    provide_context(crate::live::TextVersion(RwSignal::new(0)));
    provide_context(crate::live::RoomFeed(ArcRwSignal::new(None)));
    provide_context(PageGuard {
        locked: RwSignal::new(false),
        wiped: RwSignal::new(false),
    });
    provide_context(SessionResource(Resource::new(
        || (),
        |_| get_session_info(),
    )));
    let i18n = use_i18n();

    view! {
        <Stylesheet id="leptos" href="/pkg/ecabinet.css"/>
        // leptos_meta formats the title outside the render's reactive arena: it reads no
        // signal on the server (see `I18n`).
        <Title formatter=move |text: String| {
            let app_name = i18n.t().app_name;
            let title = if text.is_empty() {
                app_name.to_owned()
            } else {
                format!("{text} · {app_name}")
            };
            // leptos_meta (0.8.7) writes the server's <title> as given, unescaped: a meeting
            // titled `T</title><h1>…` would put markup into every viewer's page. In the
            // browser it sets `document.title`, plain text, so the escaping is the server's.
            #[cfg(feature = "ssr")]
            let title = html_escape::encode_text(&title).into_owned();
            title
        }/>
        <Router>
            <Layout>
                <Routes fallback=|| view! { <NotFoundPage/> }>
                    <Route path=path!("/") view={Lazy::<pages::Meetings>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/sign-in") view={Lazy::<pages::SignIn>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/meetings/new") view={Lazy::<pages::NewMeeting>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/meetings/:id/edit") view={Lazy::<pages::EditMeeting>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/meetings/:id/readiness") view={Lazy::<pages::Readiness>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/meetings/:id/room") view={Lazy::<pages::Room>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/meetings/:id/minutes") view={Lazy::<pages::Minutes>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/meetings/:id/conclusions") view={Lazy::<pages::Conclusions>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/meetings/:id") view={Lazy::<pages::Meeting>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/ballots") view={Lazy::<pages::Ballots>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/ballots/:id/summary") view={Lazy::<pages::BallotSummary>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/ballots/:id") view={Lazy::<pages::Ballot>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/tasks") view={Lazy::<pages::Tasks>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/tasks/:id") view={Lazy::<pages::Task>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/submissions") view={Lazy::<pages::Submissions>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/submissions/:id") view={Lazy::<pages::Submission>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/documents/:id/read") view={Lazy::<pages::Reader>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/admin") view={Lazy::<pages::Admin>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/enrol/:token") view={Lazy::<pages::Enrol>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/account") view={Lazy::<pages::Account>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/audit") view={Lazy::<pages::Audit>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/analytics") view={Lazy::<pages::Analytics>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/search") view={Lazy::<pages::Search>::new()} ssr=SsrMode::Async/>
                </Routes>
            </Layout>
        </Router>
    }
}
