//! Sign-in and administration pages.
use leptos::prelude::*;
use leptos_meta::Title;

use crate::i18n::use_i18n;
use crate::identity::api::get_sign_in_options;
use crate::identity::model::{title_or_role, DemoUser};
use crate::identity::passkey_views::{NamedSignIn, PasskeySignIn};
use crate::identity::texts::texts;
use crate::ui::error_pages::ErrorPanel;
use crate::ui::texts::texts as ui_texts;

#[component]
pub fn SignInPage() -> impl IntoView {
    let i18n = use_i18n();
    let options = Resource::new(|| (), |_| get_sign_in_options());
    view! {
        <Title text=move || i18n.t().sign_in_title/>
        <section class="panel">
            <h1>{move || i18n.t().sign_in_title}</h1>
            <p>{move || texts(i18n.lang()).sign_in_passkey_soon}</p>
            <PasskeySignIn/>
            <NamedSignIn/>
        </section>
        <Suspense fallback=move || view! { <p class="loading">{move || ui_texts(i18n.lang()).loading}</p> }>
            {move || Suspend::new(async move {
                match options.await {
                    Ok(opts) => opts
                        .demo_users
                        .map(|users| view! { <DemoSignIn users/> }.into_any())
                        .unwrap_or_else(|| ().into_any()),
                    Err(error) => view! { <ErrorPanel error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// Demo mode only: one button per seeded account.
#[component]
fn DemoSignIn(users: Vec<DemoUser>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="panel demo-sign-in" aria-labelledby="demo-sign-in-title">
            <h2 id="demo-sign-in-title">{move || texts(i18n.lang()).demo_sign_in_title}</h2>
            <p>{move || texts(i18n.lang()).demo_sign_in_intro}</p>
            <ul class="demo-users">
                {users
                    .into_iter()
                    .map(|user| {
                        let title = user.title.clone();
                        let role = user.role;
                        let name = user.full_name.clone();
                        view! {
                            <li>
                                <form method="post" action="/demo/sign-in">
                                    <input type="hidden" name="user_id" value=user.id.to_string()/>
                                    // The name read out starts with the words shown (WCAG 2.5.3).
                                    <button type="submit" class="demo-user">
                                        <span class="visually-hidden">
                                            {move || texts(i18n.lang()).demo_act_as}" "
                                        </span>
                                        <span class="user-name" lang="vi">{name}</span>
                                        <span class="user-title">
                                            {move || title_or_role(title.as_ref(), role, i18n.lang())}
                                        </span>
                                    </button>
                                </form>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </section>
    }
}
