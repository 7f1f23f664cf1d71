//! The frame around every page: skip link, demo banner, header with navigation, the signed-in
//! user, sign-out and the language switch.
use leptos::prelude::*;

use crate::i18n::{switch_language, use_i18n};
use crate::identity::lock::PageGuardView;
use crate::identity::model::{title_or_role, SessionInfo};
use crate::identity::session_resource::SessionResource;
use crate::identity::texts::texts as identity_texts;
use crate::routes::nav::sections_for;

/// The skip link: the router would only change the address, so focus moves to the content by
/// hand, as a keyboard or switch user expects (WCAG 2.4.1).
fn skip_to_main(event: leptos::ev::MouseEvent) {
    event.prevent_default();
    #[cfg(feature = "hydrate")]
    if let Some(main) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("main"))
        .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
    {
        let _ = main.focus();
    }
}

#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let i18n = use_i18n();
    let session = expect_context::<SessionResource>().0;
    view! {
        <a class="skip-link" href="#main" on:click=skip_to_main>
            {move || i18n.t().skip_to_content}
        </a>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let info = session.await.unwrap_or_default();
                let guard = info.user.is_some().then(|| {
                    let info = info.clone();
                    view! { <PageGuardView info/> }
                });
                view! {
                    <Header info/>
                    {guard}
                }
            })}
        </Suspense>
        <main id="main" tabindex="-1">{children()}</main>
    }
}

#[component]
fn Header(info: SessionInfo) -> impl IntoView {
    let i18n = use_i18n();
    let demo = info.demo;
    let user = info.user;
    let sections = user
        .as_ref()
        .map(|u| sections_for(u.role, info.leader))
        .unwrap_or_default();
    view! {
        {demo.then(|| view! {
            <div class="demo-banner" role="note">{move || i18n.t().demo_banner}</div>
        })}
        <header class="app-header">
            <a class="brand" href="/">
                <span class="brand-name">{move || i18n.t().app_name}</span>
                <span class="brand-tagline">{move || i18n.t().app_tagline}</span>
            </a>
            <nav aria-label=move || i18n.t().nav_label>
                <ul>
                    {sections
                        .iter()
                        .map(|section| {
                            let section = *section;
                            view! {
                                <li>
                                    <a href=section.href()>{move || section.label(i18n.t())}</a>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </nav>
            <div class="header-tools">
                {match user {
                    Some(user) => {
                        let role = user.role;
                        let title = user.title.clone();
                        view! {
                            <a class="current-user" href="/account" title=move || identity_texts(i18n.lang()).account_title>
                                <span class="visually-hidden">{move || i18n.t().signed_in_as}</span>
                                <span class="user-name" lang="vi">{user.full_name.clone()}</span>
                                <span class="user-title">
                                    {move || title_or_role(title.as_ref(), role, i18n.lang())}
                                </span>
                            </a>
                            <form method="post" action="/sign-out">
                                <button type="submit" class="button">{move || i18n.t().sign_out}</button>
                            </form>
                        }
                            .into_any()
                    }
                    None => {
                        view! {
                            <a class="button primary" href="/sign-in">{move || i18n.t().sign_in}</a>
                        }
                            .into_any()
                    }
                }}
                <button
                    type="button"
                    class="button lang-switch"
                    lang=move || i18n.lang().other().code()
                    aria-label=move || i18n.t().switch_language_label
                    on:click=move |_| switch_language(i18n, i18n.lang().other())
                >
                    {move || i18n.t().switch_language}
                </button>
            </div>
        </header>
    }
}
