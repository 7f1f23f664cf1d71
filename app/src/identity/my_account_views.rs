//! "My account": one's passkeys (add on this device, rename, remove — never the last),
//! the devices signed in (sign out all others), and notices.
use leptos::prelude::*;
use leptos_meta::Title;

use crate::error::AppError;
use crate::i18n::use_i18n;
use crate::identity::model::{MyAccount, NotificationView, PasskeyView, SessionView};
use crate::identity::my_account_api::{
    get_my_account, remove_passkey, rename_passkey, sign_out_other_devices,
};
use crate::identity::texts::texts;
use crate::ui::error_pages::ErrorPanel;
use crate::ui::format::{date_time, vietnam_time};
use crate::ui::texts::texts as ui_texts;

#[component]
pub fn AccountPage() -> impl IntoView {
    let i18n = use_i18n();
    let rename = Action::new(|(id, name): &(String, String)| {
        let (id, name) = (id.clone(), name.clone());
        async move { rename_passkey(id, name).await }
    });
    let remove = Action::new(|id: &String| {
        let id = id.clone();
        async move { remove_passkey(id).await }
    });
    let end_others =
        Action::new(|_: &()| async move { sign_out_other_devices().await.map(|_| ()) });
    let added = RwSignal::new(0u32);
    let account = Resource::new(
        move || {
            (
                rename.version().get(),
                remove.version().get(),
                end_others.version().get(),
                added.get(),
            )
        },
        |_| get_my_account(),
    );
    let last_error = move || {
        [
            rename.value().get(),
            remove.value().get(),
            end_others.value().get(),
        ]
        .into_iter()
        .flatten()
        .find_map(Result::err)
    };
    view! {
        <Title text=move || texts(i18n.lang()).account_title/>
        <h1>{move || texts(i18n.lang()).account_title}</h1>
        {move || last_error().map(|e| view! { <p class="form-error" role="alert">{e.message(i18n.lang())}</p> })}
        <Suspense fallback=move || view! { <p class="loading">{move || ui_texts(i18n.lang()).loading}</p> }>
            {move || Suspend::new(async move {
                match account.await {
                    Ok(MyAccount { passkeys, sessions, notifications }) => view! {
                        <Passkeys passkeys rename remove added/>
                        <Sessions sessions end_others/>
                        <Notices notifications/>
                    }
                        .into_any(),
                    Err(error) => view! { <ErrorPanel error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

type Act<I> = Action<I, Result<(), AppError>>;

#[component]
fn Passkeys(
    passkeys: Vec<PasskeyView>,
    rename: Act<(String, String)>,
    remove: Act<String>,
    added: RwSignal<u32>,
) -> impl IntoView {
    let i18n = use_i18n();
    let only_one = passkeys.len() <= 1;
    view! {
        <section class="panel" aria-labelledby="passkeys-title">
            <h2 id="passkeys-title">{move || texts(i18n.lang()).passkeys_title}</h2>
            <ul class="plain-list passkey-list">
                {passkeys
                    .into_iter()
                    .map(|p| {
                        let id = p.id.to_string();
                        let name = RwSignal::new(p.name.clone());
                        let (rename_id, remove_id) = (id.clone(), id.clone());
                        let created = p.created_at;
                        let used = p.last_used_at;
                        view! {
                            <li class="passkey">
                                <label class="field inline">
                                    <span>{move || texts(i18n.lang()).passkey_name_label}</span>
                                    <input type="text" maxlength="80" bind:value=name/>
                                </label>
                                <p class="muted">
                                    {move || format!("{} {}", texts(i18n.lang()).created_on, date_time(vietnam_time(created), i18n.lang()))}
                                    {move || used.map(|u| format!(" · {} {}", texts(i18n.lang()).last_used, date_time(vietnam_time(u), i18n.lang())))}
                                </p>
                                <div class="actions">
                                    <button
                                        type="button"
                                        class="button"
                                        on:click=move |_| {
                                            rename.dispatch((rename_id.clone(), name.get_untracked()));
                                        }
                                    >
                                        {move || ui_texts(i18n.lang()).save}
                                    </button>
                                    <button
                                        type="button"
                                        class="button danger"
                                        disabled=only_one
                                        title=move || if only_one { texts(i18n.lang()).passkey_last_hint } else { "" }
                                        on:click=move |_| {
                                            remove.dispatch(remove_id.clone());
                                        }
                                    >
                                        {move || ui_texts(i18n.lang()).remove}
                                    </button>
                                </div>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            <AddPasskey added/>
        </section>
    }
}

/// Add a passkey on the device in hand (a second tablet, a phone).
#[component]
fn AddPasskey(added: RwSignal<u32>) -> impl IntoView {
    let i18n = use_i18n();
    let device = RwSignal::new(String::new());
    let (message, set_message) = signal(None::<String>);
    let add = move |_| {
        set_message.set(Some(texts(i18n.lang()).working.to_owned()));
        #[cfg(feature = "hydrate")]
        {
            let lang = i18n.lang();
            let name = device.get_untracked();
            leptos::task::spawn_local(async move {
                use crate::identity::my_account_api::{
                    finish_adding_passkey, start_adding_passkey,
                };
                use crate::identity::passkey_browser;
                let started = match start_adding_passkey().await {
                    Ok(s) => s,
                    // Not signed in with a passkey in the last minutes: confirm with one of
                    // the current passkeys first (a page left open is not enough), then add.
                    Err(crate::error::AppError::BadRequest(
                        crate::error::BadInput::RecentSignInNeeded,
                    )) => {
                        use crate::identity::passkey_api::{
                            finish_passkey_sign_in, start_passkey_sign_in,
                        };
                        let confirmed = async {
                            let sign_in = start_passkey_sign_in().await.ok()?;
                            let assertion = passkey_browser::get(sign_in.options).await.ok()?;
                            finish_passkey_sign_in(sign_in.ceremony, assertion)
                                .await
                                .ok()
                        };
                        if confirmed.await.is_none() {
                            return set_message.set(Some(texts(lang).passkey_cancelled.to_owned()));
                        }
                        match start_adding_passkey().await {
                            Ok(s) => s,
                            Err(e) => return set_message.set(Some(e.message(lang))),
                        }
                    }
                    Err(e) => return set_message.set(Some(e.message(lang))),
                };
                let credential = match passkey_browser::create(started.options).await {
                    Ok(c) => c,
                    Err(_) => {
                        return set_message.set(Some(texts(lang).passkey_cancelled.to_owned()))
                    }
                };
                match finish_adding_passkey(started.ceremony, credential, name).await {
                    Ok(()) => {
                        set_message.set(None);
                        added.update(|n| *n += 1);
                    }
                    Err(e) => set_message.set(Some(e.message(lang))),
                }
            });
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = added;
    };
    view! {
        <h3>{move || texts(i18n.lang()).passkey_add_title}</h3>
        <label class="field">
            <span>{move || texts(i18n.lang()).passkey_name_label}</span>
            <input
                type="text"
                maxlength="80"
                placeholder=move || texts(i18n.lang()).passkey_name_default
                bind:value=device
            />
        </label>
        <button type="button" class="button primary" on:click=add>
            {move || texts(i18n.lang()).passkey_add_button}
        </button>
        {move || message.get().map(|m| view! { <p class="muted" role="status">{m}</p> })}
    }
}

#[component]
fn Sessions(sessions: Vec<SessionView>, end_others: Act<()>) -> impl IntoView {
    let i18n = use_i18n();
    let others = sessions.iter().filter(|s| !s.current).count();
    view! {
        <section class="panel" aria-labelledby="sessions-title">
            <h2 id="sessions-title">{move || texts(i18n.lang()).sessions_title}</h2>
            <ul class="plain-list session-list">
                {sessions
                    .into_iter()
                    .map(|s| {
                        let (created, seen, current) = (s.created_at, s.last_seen_at, s.current);
                        view! {
                            <li class="session">
                                <strong>{s.device.clone()}</strong>
                                {current.then(|| view! { <span class="badge">{move || texts(i18n.lang()).this_device}</span> })}
                                <span class="muted">
                                    {move || format!(
                                        " — {} {} · {} {}",
                                        texts(i18n.lang()).signed_in_on,
                                        date_time(vietnam_time(created), i18n.lang()),
                                        texts(i18n.lang()).last_active,
                                        date_time(vietnam_time(seen), i18n.lang()),
                                    )}
                                </span>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            <button
                type="button"
                class="button"
                disabled=others == 0
                on:click=move |_| {
                    end_others.dispatch(());
                }
            >
                {move || texts(i18n.lang()).sign_out_others}
            </button>
        </section>
    }
}

#[component]
fn Notices(notifications: Vec<NotificationView>) -> impl IntoView {
    let i18n = use_i18n();
    (!notifications.is_empty()).then(|| {
        view! {
            <section class="panel" aria-labelledby="notices-title">
                <h2 id="notices-title">{move || texts(i18n.lang()).notices_title}</h2>
                <ul class="plain-list">
                    {notifications
                        .into_iter()
                        .map(|n| {
                            let at = n.created_at;
                            let kind = n.kind;
                            view! {
                                <li>
                                    {move || date_time(vietnam_time(at), i18n.lang())}
                                    " — "
                                    {move || kind.label(i18n.lang())}
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </section>
        }
    })
}
