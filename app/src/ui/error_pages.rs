//! Friendly error pages in the user's language, with the right HTTP status.
use leptos::prelude::*;
use leptos_meta::Title;

use crate::error::AppError;
use crate::i18n::use_i18n;
use crate::ui::texts::texts;

/// Shown for an unknown route (status 404).
#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! { <ErrorPanel error=AppError::NotFound/> }
}

/// Explains `error` to the user and, on the server, puts its status on the response.
#[component]
pub fn ErrorPanel(error: AppError) -> impl IntoView {
    #[cfg(feature = "ssr")]
    error.set_response_status();
    let i18n = use_i18n();
    let status = error.status();
    let unauthenticated = error == AppError::Unauthenticated;
    let title = move || {
        let t = texts(i18n.lang());
        match status {
            400 => t.bad_request_title,
            401 => i18n.t().sign_in_title,
            403 => t.forbidden_title,
            404 => t.not_found_title,
            _ => t.server_error_title,
        }
    };
    let message = {
        let error = error.clone();
        move || error.message(i18n.lang())
    };
    view! {
        <Title text=title/>
        <section class="panel error-panel" role="alert" data-status=status>
            <h1>{title}</h1>
            <p>{message}</p>
            {if unauthenticated {
                view! { <a class="button primary" href="/sign-in">{move || i18n.t().sign_in}</a> }
                    .into_any()
            } else {
                view! { <a class="button" href="/">{move || texts(i18n.lang()).go_home}</a> }.into_any()
            }}
        </section>
    }
}
