//! The minister signs and sends a complete submission with their passkey: the server's
//! challenge covers the submission as it stands, documents and all (`sending.rs`).
use leptos::prelude::*;
use uuid::Uuid;

use crate::error::AppError;
use crate::i18n::use_i18n;
use crate::submissions::texts::texts;

#[component]
pub fn SendButton(id: Uuid, revision: i64, version: RwSignal<u64>) -> impl IntoView {
    let i18n = use_i18n();
    let lang = move || i18n.lang();
    let tt = move || texts(lang());
    let error = RwSignal::new(None::<AppError>);
    let signing = RwSignal::new(false);
    let ready = RwSignal::new(false);
    Effect::new(move |_| ready.set(true));
    let send = move |_| {
        signing.set(true);
        error.set(None);
        leptos::task::spawn_local(async move {
            match sign_and_send(id, revision).await {
                Ok(()) => version.update(|v| *v += 1),
                Err(e) => error.set(Some(e)),
            }
            signing.set(false);
        });
    };
    view! {
        <section class="panel" aria-labelledby="submission-send">
            <h2 id="submission-send">{move || tt().send}</h2>
            <p>{move || tt().send_hint}</p>
            <p class="form-error" role="alert">{move || error.get().map(|e| e.message(lang()))}</p>
            <button type="button" class="button primary" on:click=send
                disabled=move || !ready.get() || signing.get()>
                {move || if signing.get() { tt().signing } else { tt().send }}
            </button>
        </section>
    }
}

/// Ask the server for the challenge, have the passkey sign it, send the signature.
#[cfg(feature = "hydrate")]
async fn sign_and_send(id: Uuid, revision: i64) -> Result<(), AppError> {
    use crate::submissions::api::{send_signed, start_sending};
    let started = start_sending(id.to_string(), revision).await?;
    let credential = crate::identity::passkey_browser::get(started.options)
        .await
        .map_err(|_| {
            AppError::BadRequest(crate::error::BadInput::Submission(
                crate::submissions::problem::SubmissionProblem::SignatureInvalid,
            ))
        })?;
    send_signed(id.to_string(), started.nonce, credential).await
}

#[cfg(not(feature = "hydrate"))]
async fn sign_and_send(_id: Uuid, _revision: i64) -> Result<(), AppError> {
    Err(AppError::internal("signing needs the browser"))
}
