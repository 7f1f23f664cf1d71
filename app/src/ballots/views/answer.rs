//! A member's answer: Đồng ý / Không đồng ý / Ý kiến khác (with its text), an optional
//! comment, signed with the member's passkey (user verification) before it is sent.
use leptos::prelude::*;
use uuid::Uuid;

use crate::ballots::model::{AnswerView, Choice};
use crate::ballots::texts::texts;
use crate::error::AppError;
use crate::i18n::use_i18n;
use crate::ui::format::{date_time, vietnam_time};

#[derive(Clone, Copy, PartialEq, Eq)]
enum Progress {
    Idle,
    Signing,
    Saved,
}

#[component]
pub fn AnswerForm(ballot_id: Uuid, may_answer: bool, mine: Option<AnswerView>) -> impl IntoView {
    let i18n = use_i18n();
    let lang = move || i18n.lang();
    let bt = move || texts(lang());
    let choice = RwSignal::new(mine.as_ref().map(|m| m.choice));
    let text = RwSignal::new(mine.as_ref().map(|m| m.text.clone()).unwrap_or_default());
    let comment = RwSignal::new(mine.as_ref().map(|m| m.comment.clone()).unwrap_or_default());
    let error = RwSignal::new(None::<AppError>);
    let progress = RwSignal::new(Progress::Idle);
    let ready = RwSignal::new(false);
    Effect::new(move |_| ready.set(true));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(chosen) = choice.get_untracked() else {
            return;
        };
        progress.set(Progress::Signing);
        error.set(None);
        let (text, comment) = (text.get_untracked(), comment.get_untracked());
        leptos::task::spawn_local(async move {
            match sign_and_send(ballot_id, chosen, text, comment).await {
                Ok(()) => progress.set(Progress::Saved),
                Err(e) => {
                    progress.set(Progress::Idle);
                    error.set(Some(e));
                }
            }
        });
    };
    let current = mine.map(|m| {
        let at = vietnam_time(m.answered_at);
        view! {
            <p class="current-answer">
                <strong>{move || texts(lang()).your_current_answer}": "</strong>
                <span class="choice">{move || m.choice.label(lang())}</span>
                {(!m.text.is_empty()).then(|| format!(" — {}", m.text))}
                <span class="muted">{move || format!(" ({})", date_time(at, lang()))}</span>
                {m.on_paper.then(|| view! { <span class="muted">{move || format!(" · {}", texts(lang()).on_paper)}</span> })}
            </p>
        }
    });
    let option = move |value: Choice| {
        view! {
            <label class="check big">
                <input
                    type="radio"
                    name="choice"
                    value=value.as_str()
                    prop:checked=move || choice.get() == Some(value)
                    on:change=move |_| {
                        choice.set(Some(value));
                        progress.set(Progress::Idle);
                    }
                />
                <span>{move || value.label(lang())}</span>
            </label>
        }
    };
    view! {
        <section class="panel answer" aria-labelledby="answer-title">
            <h2 id="answer-title">{move || bt().your_answer}</h2>
            {current}
            {may_answer.then(|| view! {
                <form on:submit=submit>
                    <fieldset>
                        <legend class="visually-hidden">{move || bt().your_answer}</legend>
                        {option(Choice::Agree)}
                        {option(Choice::Disagree)}
                        {option(Choice::Other)}
                    </fieldset>
                    <label class="field" class:hidden=move || choice.get() != Some(Choice::Other)>
                        <span>{move || bt().other_text}</span>
                        <textarea rows="3" maxlength="5000" bind:value=text></textarea>
                    </label>
                    <label class="field">
                        <span>{move || bt().comment}</span>
                        <textarea rows="2" maxlength="5000" bind:value=comment></textarea>
                    </label>
                    <p class="muted">{move || bt().sign_hint}</p>
                    <p class="form-error" role="alert">{move || error.get().map(|e| e.message(lang()))}</p>
                    <button
                        type="submit"
                        class="button primary"
                        disabled=move || !ready.get() || choice.get().is_none() || progress.get() == Progress::Signing
                    >
                        {move || bt().sign_and_send}
                    </button>
                    <span class="ok" role="status">
                        {move || match progress.get() {
                            Progress::Signing => bt().signing,
                            Progress::Saved => bt().signed_saved,
                            Progress::Idle => "",
                        }}
                    </span>
                </form>
            })}
        </section>
    }
}

/// Ask the server for the challenge, have the passkey sign it, send the signed answer.
#[cfg(feature = "hydrate")]
async fn sign_and_send(
    ballot_id: Uuid,
    choice: Choice,
    text: String,
    comment: String,
) -> Result<(), AppError> {
    use crate::ballots::api::{give_signed_answer, start_signed_answer};
    let id = ballot_id.to_string();
    let started = start_signed_answer(id.clone(), choice, text.clone(), comment.clone()).await?;
    let credential = crate::identity::passkey_browser::get(started.options)
        .await
        .map_err(|_| {
            AppError::BadRequest(crate::error::BadInput::Ballot(
                crate::ballots::problem::BallotProblem::SignatureInvalid,
            ))
        })?;
    give_signed_answer(id, started.nonce, choice, text, comment, credential).await
}

#[cfg(not(feature = "hydrate"))]
async fn sign_and_send(
    _ballot_id: Uuid,
    _choice: Choice,
    _text: String,
    _comment: String,
) -> Result<(), AppError> {
    Err(AppError::internal("signing needs the browser"))
}
