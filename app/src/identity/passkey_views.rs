//! The enrolment page (reached through a one-time link) and the passkey sign-in button.
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::i18n::use_i18n;
use crate::identity::passkey_api::get_enrolment_info;
use crate::identity::texts::texts;
use crate::ui::error_pages::ErrorPanel;
use crate::ui::texts::texts as ui_texts;

/// What a passkey button shows while it works.
#[derive(Debug, Clone, PartialEq)]
enum Progress {
    Idle,
    Working,
    /// The passkey was created (enrolment only): say so before going on.
    #[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
    Created,
    // Only the browser build reports failures (the ceremonies run there).
    #[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
    Failed(Option<crate::error::AppError>),
}

#[component]
fn ProgressLine(progress: ReadSignal<Progress>) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        match progress.get() {
        Progress::Idle => ().into_any(),
        Progress::Working => {
            view! { <p class="muted" role="status">{move || texts(i18n.lang()).working}</p> }
                .into_any()
        }
        Progress::Created => view! {
            <p class="ok" role="status" data-testid="enrol-done">{move || texts(i18n.lang()).enrol_done}</p>
            // A full load: the new session cookie shapes the whole shell.
            <p><a class="button primary" href="/" rel="external">{move || texts(i18n.lang()).enrol_continue}</a></p>
        }
        .into_any(),
        Progress::Failed(error) => {
            let text = move || match &error {
                Some(e) => e.message(i18n.lang()).to_owned(),
                None => texts(i18n.lang()).passkey_cancelled.to_owned(),
            };
            view! { <p class="form-error" role="alert">{text}</p> }.into_any()
        }
    }
    }
}

#[component]
pub fn EnrolPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let token = move || params.read().get("token").unwrap_or_default();
    let info = Resource::new(token, get_enrolment_info);
    let (progress, set_progress) = signal(Progress::Idle);
    let device = RwSignal::new(String::new());
    let enrol = move |_| {
        let _token = token();
        let _name = device.get_untracked();
        set_progress.set(Progress::Working);
        #[cfg(feature = "hydrate")]
        leptos::task::spawn_local(async move {
            use crate::identity::passkey_api::{finish_enrolment, start_enrolment};
            use crate::identity::passkey_browser;
            let started = match start_enrolment(_token.clone()).await {
                Ok(s) => s,
                Err(e) => return set_progress.set(Progress::Failed(Some(e))),
            };
            let credential = match passkey_browser::create(started.options).await {
                Ok(c) => c,
                Err(_) => return set_progress.set(Progress::Failed(None)),
            };
            match finish_enrolment(_token, started.ceremony, credential, _name).await {
                Ok(_) => set_progress.set(Progress::Created),
                Err(e) => set_progress.set(Progress::Failed(Some(e))),
            }
        });
    };
    view! {
        <Title text=move || texts(i18n.lang()).enrol_title/>
        <Suspense fallback=move || view! { <p class="loading">{move || ui_texts(i18n.lang()).loading}</p> }>
            {move || Suspend::new(async move {
                match info.await {
                    Ok(info) => {
                        let title = info.title.clone();
                        view! {
                            <section class="panel">
                                <h1>{move || texts(i18n.lang()).enrol_title}</h1>
                                <p>{move || texts(i18n.lang()).enrol_intro}</p>
                                <p>
                                    <strong>{move || format!("{}: ", texts(i18n.lang()).enrol_account)}</strong>
                                    <span lang="vi">{info.full_name.clone()}</span>
                                    {title.map(|t| view! { <span class="muted">{move || format!(" — {}", t.get(i18n.lang()))}</span> })}
                                </p>
                                <label class="field">
                                    <span>{move || texts(i18n.lang()).passkey_name_label}</span>
                                    <input
                                        type="text"
                                        maxlength="80"
                                        placeholder=move || texts(i18n.lang()).passkey_name_default
                                        bind:value=device
                                    />
                                </label>
                                <button
                                    type="button"
                                    class="button primary"
                                    disabled=move || matches!(progress.get(), Progress::Working | Progress::Created)
                                    on:click=enrol
                                >
                                    {move || texts(i18n.lang()).enrol_button}
                                </button>
                                <ProgressLine progress/>
                            </section>
                        }
                            .into_any()
                    }
                    Err(error) => view! { <ErrorPanel error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// The rest of a sign-in ceremony once the server has started it: the device's
/// authenticator, the server's verification, then the home page with the new session.
#[cfg(feature = "hydrate")]
async fn finish_sign_in(
    started: Result<crate::identity::passkey_api::SignInStart, crate::error::AppError>,
    set_progress: WriteSignal<Progress>,
) {
    use crate::identity::passkey_api::finish_passkey_sign_in;
    use crate::identity::passkey_browser;
    let started = match started {
        Ok(s) => s,
        Err(e) => return set_progress.set(Progress::Failed(Some(e))),
    };
    let credential = match passkey_browser::get(started.options).await {
        Ok(c) => c,
        Err(_) => return set_progress.set(Progress::Failed(None)),
    };
    match finish_passkey_sign_in(started.ceremony, credential).await {
        Ok(_) => passkey_browser::go_to("/"),
        Err(e) => set_progress.set(Progress::Failed(Some(e))),
    }
}

/// "Sign in with a passkey": username-less, the device offers the passkeys it holds.
#[component]
pub fn PasskeySignIn() -> impl IntoView {
    let i18n = use_i18n();
    let (progress, set_progress) = signal(Progress::Idle);
    let sign_in = move |_| {
        set_progress.set(Progress::Working);
        #[cfg(feature = "hydrate")]
        leptos::task::spawn_local(async move {
            let started = crate::identity::passkey_api::start_passkey_sign_in().await;
            finish_sign_in(started, set_progress).await;
        });
    };
    view! {
        <button
            type="button"
            class="button primary"
            disabled=move || progress.get() == Progress::Working
            on:click=sign_in
        >
            {move || texts(i18n.lang()).sign_in_with_passkey}
        </button>
        <ProgressLine progress/>
    }
}

/// The username-first fallback: the e-mail address names the account, the device is asked
/// for that account's passkeys.
#[component]
pub fn NamedSignIn() -> impl IntoView {
    let i18n = use_i18n();
    let (progress, set_progress) = signal(Progress::Idle);
    let email = RwSignal::new(String::new());
    let sign_in = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        set_progress.set(Progress::Working);
        let _email = email.get_untracked();
        #[cfg(feature = "hydrate")]
        leptos::task::spawn_local(async move {
            let started = crate::identity::passkey_api::start_named_sign_in(_email).await;
            finish_sign_in(started, set_progress).await;
        });
    };
    view! {
        <details class="named-sign-in">
            <summary>{move || texts(i18n.lang()).sign_in_named_summary}</summary>
            <form on:submit=sign_in>
                <label class="field">
                    <span>{move || texts(i18n.lang()).account_email}</span>
                    <input type="email" autocomplete="username webauthn" required bind:value=email/>
                </label>
                <button
                    type="submit"
                    class="button"
                    disabled=move || progress.get() == Progress::Working
                >
                    {move || texts(i18n.lang()).sign_in_named_button}
                </button>
                <ProgressLine progress/>
            </form>
        </details>
    }
}
