//! What keeps a signed-in page safe while it stays open:
//!
//! - **Lock**: after the inactivity timeout without a touch, click or key, the page is covered
//!   (and made inert) until the same person confirms with a passkey. The page underneath is
//!   kept as it was — a member following a long meeting is not thrown out mid-item. The
//!   server locks the session by the same timeout; the passkey opens a fresh one. The page
//!   tells the server of the person's touches (at most once a minute, `session_touch`):
//!   nothing else it asks keeps the session open. While locked, the live channel is closed and
//!   polling stops; unlocking opens the channel again ([`crate::live::subscription`]).
//! - **Wipe**: when the server ends the session (deactivation, "sign out other devices",
//!   revoked passkeys), the live channel says so and the page drops its content at once.
use leptos::prelude::*;
#[cfg(feature = "hydrate")]
use uuid::Uuid;

use crate::i18n::use_i18n;
use crate::identity::model::SessionInfo;
use crate::identity::texts::texts;

/// The page's lock and wipe state.
#[derive(Clone, Copy)]
pub struct PageGuard {
    pub locked: RwSignal<bool>,
    pub wiped: RwSignal<bool>,
}

/// Watches a signed-in page: idle timer, live channel. Renders the lock dialog and the
/// wiped notice.
#[component]
pub fn PageGuardView(info: SessionInfo) -> impl IntoView {
    let i18n = use_i18n();
    let guard = expect_context::<PageGuard>();
    #[cfg(feature = "hydrate")]
    if let Some(user) = info.user.clone() {
        watch(guard, user.id, info.idle_minutes);
    }
    let expected = info.user.as_ref().map(|u| u.id);
    let (failed, set_failed) = signal(None::<String>);
    let unlock = move |_| {
        set_failed.set(None);
        #[cfg(not(feature = "hydrate"))]
        let _ = expected;
        #[cfg(feature = "hydrate")]
        {
            let lang = i18n.lang();
            leptos::task::spawn_local(async move {
                match unlock_with_passkey(lang).await {
                    Ok(id) if Some(id) == expected => {
                        set_inert(false);
                        guard.locked.set(false);
                    }
                    // Someone else's passkey: this page was not theirs; start afresh.
                    Ok(_) => crate::identity::passkey_browser::go_to("/"),
                    Err(message) => set_failed.set(Some(message)),
                }
            });
        }
    };
    view! {
        <Show when=move || guard.wiped.get()>
            <section class="panel wiped-notice" role="alert">
                <h1>{move || texts(i18n.lang()).session_ended_title}</h1>
                <p>{move || texts(i18n.lang()).session_ended_text}</p>
                <a class="button primary" href="/sign-in">{move || i18n.t().sign_in}</a>
            </section>
        </Show>
        <Show when=move || guard.locked.get() && !guard.wiped.get()>
            <div class="lock-overlay">
                <div
                    class="lock-dialog panel"
                    role="dialog"
                    aria-modal="true"
                    aria-labelledby="lock-title"
                >
                    <h2 id="lock-title">{move || texts(i18n.lang()).lock_title}</h2>
                    <p>{move || texts(i18n.lang()).lock_text}</p>
                    <button type="button" class="button primary" on:click=unlock autofocus>
                        {move || texts(i18n.lang()).lock_unlock}
                    </button>
                    {move || failed.get().map(|m| view! { <p class="form-error" role="alert">{m}</p> })}
                </div>
            </div>
        </Show>
    }
}

/// Make the page content unreachable (and unclickable) behind the lock dialog, or reachable.
#[cfg(feature = "hydrate")]
fn set_inert(inert: bool) {
    if let Some(main) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("main"))
    {
        let _ = if inert {
            main.set_attribute("inert", "")
        } else {
            main.remove_attribute("inert")
        };
    }
}

/// Drop the page's content: what a deactivated person's tablet must no longer show.
#[cfg(feature = "hydrate")]
fn wipe_content() {
    if let Some(main) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("main"))
    {
        main.set_inner_html("");
    }
}

#[cfg(feature = "hydrate")]
fn watch(guard: PageGuard, _user: Uuid, idle_minutes: u32) {
    use std::cell::Cell;
    use std::rc::Rc;
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;

    let subscription = crate::live::subscription::Subscription::from_context();
    let open_channel = {
        let subscription = subscription.clone();
        move || {
            subscription.open(move || {
                wipe_content();
                guard.locked.set(false);
                guard.wiped.set(true);
            })
        }
    };
    // Closed while locked (the server stops it too), opened again on unlock; after an unlock
    // the page re-reads what it shows, as after any live change.
    let channel = Rc::new(std::cell::RefCell::new(open_channel()));
    {
        let channel = channel.clone();
        Effect::new(move |was_locked: Option<bool>| {
            let locked = guard.locked.get();
            if guard.wiped.get_untracked() {
                return locked;
            }
            match (was_locked, locked) {
                (Some(false), true) => {
                    if let Some(source) = channel.borrow_mut().take() {
                        source.close();
                    }
                }
                (Some(true), false) => {
                    *channel.borrow_mut() = open_channel();
                    subscription.refresh();
                }
                _ => {}
            }
            locked
        });
    }

    let Some(window) = web_sys::window() else {
        return;
    };
    let last_activity = Rc::new(Cell::new(js_sys_now()));
    // When the server was last told; the page load itself counted.
    let last_told = Rc::new(Cell::new(js_sys_now()));
    let touched = {
        let last_activity = last_activity.clone();
        Closure::<dyn Fn(web_sys::Event)>::new(move |_| {
            if !guard.locked.get_untracked() {
                let now = js_sys_now();
                last_activity.set(now);
                if now - last_told.get() > TELL_EVERY_MS {
                    last_told.set(now);
                    leptos::task::spawn_local(async {
                        // Refused when already locked: the page locks by its own clock.
                        let _ = crate::identity::api::touch_session().await;
                    });
                }
            }
        })
    };
    for kind in ["pointerdown", "keydown", "wheel", "touchstart"] {
        let _ = window.add_event_listener_with_callback(kind, touched.as_ref().unchecked_ref());
    }
    touched.forget();
    let limit_ms = f64::from(idle_minutes.max(1)) * 60_000.0;
    let check = Closure::<dyn Fn()>::new(move || {
        if !guard.locked.get_untracked()
            && !guard.wiped.get_untracked()
            && js_sys_now() - last_activity.get() > limit_ms
        {
            set_inert(true);
            guard.locked.set(true);
        }
    });
    let _ = window.set_interval_with_callback_and_timeout_and_arguments_0(
        check.as_ref().unchecked_ref(),
        15_000,
    );
    check.forget();
}

/// The server hears of the person's touches at most this often (ms).
#[cfg(feature = "hydrate")]
const TELL_EVERY_MS: f64 = 60_000.0;

#[cfg(feature = "hydrate")]
fn js_sys_now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .unwrap_or_default()
}

/// A passkey sign-in from the lock dialog; the server rotates the session. Returns whose
/// passkey it was.
#[cfg(feature = "hydrate")]
async fn unlock_with_passkey(lang: crate::i18n::Lang) -> Result<Uuid, String> {
    use crate::identity::passkey_api::{finish_passkey_sign_in, start_passkey_sign_in};
    use crate::identity::passkey_browser;
    let started = start_passkey_sign_in().await.map_err(|e| e.message(lang))?;
    let credential = passkey_browser::get(started.options)
        .await
        .map_err(|_| texts(lang).passkey_cancelled.to_owned())?;
    finish_passkey_sign_in(started.ceremony, credential)
        .await
        .map_err(|e| e.message(lang))
}
