//! The secretariat's panel on a ballot: send a draft; while open, who has answered, extend
//! the deadline with a reason, enter a paper answer, close.
use leptos::prelude::*;
use uuid::Uuid;

use crate::ballots::api::{
    close_ballot, enter_paper_answer, extend_ballot, list_ballot_members, send_ballot,
};
use crate::ballots::model::{BallotDraft, BallotState, BallotView, Choice, EligibleView};
use crate::ballots::texts::texts;
use crate::ballots::views::draft_form::DraftForm;
use crate::error::AppError;
use crate::i18n::use_i18n;
use crate::ui::confirm::ConfirmAct;
use crate::ui::format::{date_time, vietnam_time};
use crate::ui::upload::{UploadTarget, Uploader};

#[component]
pub fn ManagePanel(ballot: BallotView) -> impl IntoView {
    let i18n = use_i18n();
    let lang = move || i18n.lang();
    let bt = move || texts(lang());
    let id = ballot.id;
    let error = RwSignal::new(None::<AppError>);
    let ready = RwSignal::new(false);
    Effect::new(move |_| ready.set(true));
    let act = move |which: &'static str| {
        leptos::task::spawn_local(async move {
            let done = match which {
                "send" => send_ballot(id.to_string()).await,
                _ => close_ballot(id.to_string()).await,
            };
            // The page re-reads through the live channel.
            error.set(done.err());
        });
    };
    let state = ballot.state;
    // An upload re-reads the ballot as any change does.
    let ballots_version = expect_context::<crate::live::BallotsVersion>().0;
    let draft = BallotDraft {
        title: ballot.title.clone(),
        question: ballot.question.clone(),
        deadline: vietnam_time(ballot.deadline_at)
            .format("%Y-%m-%dT%H:%M")
            .to_string(),
        eligible: ballot.eligible.iter().map(|e| e.user_id).collect(),
        reminder_hours: ballot.reminder_hours.clone(),
        results_to_members: ballot.results_to_members,
    };
    let answered = ballot
        .eligible
        .iter()
        .filter(|e| e.answer.is_some())
        .count();
    let total = ballot.eligible.len();
    // Closing early shuts these members out: the dialog names them.
    let unanswered: Vec<String> = ballot
        .eligible
        .iter()
        .filter(|e| e.answer.is_none())
        .map(|e| e.full_name.clone())
        .collect();
    view! {
        <section class="panel manage" aria-labelledby="manage-title">
            <h2 id="manage-title">{move || bt().progress}</h2>
            <p class="form-error" role="alert">{move || error.get().map(|e| e.message(lang()))}</p>
            {(state == BallotState::Draft).then(|| view! {
                <button class="button primary" disabled=move || !ready.get() on:click=move |_| act("send")>
                    {move || bt().send}
                </button>
                <Uploader target=UploadTarget::Ballot(id) refresh=ballots_version/>
                <details class="edit-draft">
                    <summary>{move || bt().edit_draft}</summary>
                    <Transition fallback=|| ()>
                        {move || {
                            let draft = draft.clone();
                            Suspend::new(async move {
                                list_ballot_members().await.ok().map(|members| view! {
                                    <DraftForm members initial=Some((id, draft))/>
                                })
                            })
                        }}
                    </Transition>
                </details>
            })}
            {(state != BallotState::Draft).then(|| view! {
                <p>
                    <meter min="0" max=total.max(1) value=answered></meter>
                    {move || format!(" {answered}/{total} {}", bt().answered_of)}
                </p>
                <ul class="eligible">
                    {ballot.eligible.iter().cloned().map(|e| view! { <EligibleRow e/> }).collect_view()}
                </ul>
            })}
            {(state == BallotState::Open).then(|| view! {
                <ExtendForm ballot_id=id error/>
                <PaperForm ballot_id=id members=ballot.eligible.clone() error/>
                <ConfirmAct
                    label=move || bt().close.to_owned()
                    class="button danger"
                    disabled=Signal::derive(move || !ready.get())
                    heading=move || bt().close_heading.to_owned()
                    body=move || bt().close_confirm.to_owned()
                    items=Signal::derive(move || unanswered.clone())
                    confirm=move || bt().close.to_owned()
                    on_confirm=Callback::new(move |()| act("close"))
                />
            })}
        </section>
    }
}

#[component]
fn EligibleRow(e: EligibleView) -> impl IntoView {
    let i18n = use_i18n();
    let lang = move || i18n.lang();
    let answered = e.answer.is_some();
    let answer = match e.answer {
        Some(a) => {
            let at = vietnam_time(a.answered_at);
            view! {
                <span class="choice">{move || a.choice.label(lang())}</span>
                <span class="muted">{move || format!(" {}", date_time(at, lang()))}</span>
                {a.on_paper.then(|| view! {
                    <span class="muted">{move || format!(" · {}", texts(lang()).on_paper)}</span>
                })}
            }
            .into_any()
        }
        None => view! {
            <span class="muted not-answered">{move || texts(lang()).not_answered}</span>
        }
        .into_any(),
    };
    view! {
        <li class="eligible-row" class:answered=answered>
            <span class="name">{e.full_name}</span>" — "{answer}
        </li>
    }
}

#[component]
fn ExtendForm(ballot_id: Uuid, error: RwSignal<Option<AppError>>) -> impl IntoView {
    let i18n = use_i18n();
    let bt = move || texts(i18n.lang());
    let deadline = RwSignal::new(String::new());
    let reason = RwSignal::new(String::new());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (d, r) = (deadline.get_untracked(), reason.get_untracked());
        leptos::task::spawn_local(async move {
            error.set(extend_ballot(ballot_id.to_string(), d, r).await.err());
        });
    };
    view! {
        <form class="extend" on:submit=submit>
            <label class="field">
                <span>{move || bt().new_deadline}</span>
                <input type="datetime-local" required bind:value=deadline/>
            </label>
            <label class="field">
                <span>{move || bt().extend_reason}</span>
                <input type="text" required maxlength="2000" bind:value=reason/>
            </label>
            <button type="submit" class="button">{move || bt().extend}</button>
        </form>
    }
}

#[component]
fn PaperForm(
    ballot_id: Uuid,
    members: Vec<EligibleView>,
    error: RwSignal<Option<AppError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let lang = move || i18n.lang();
    let bt = move || texts(lang());
    let member = RwSignal::new(String::new());
    let choice = RwSignal::new(Choice::Agree);
    let text = RwSignal::new(String::new());
    let saved = RwSignal::new(false);
    // One key per form filled: sending the same form twice enters it once.
    let form_key = RwSignal::new(crate::ids::new_form_key());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (m, c, t, k) = (
            member.get_untracked(),
            choice.get_untracked(),
            text.get_untracked(),
            form_key.get_untracked(),
        );
        leptos::task::spawn_local(async move {
            match enter_paper_answer(ballot_id.to_string(), m, c, t, String::new(), k).await {
                Ok(()) => {
                    saved.set(true);
                    form_key.set(crate::ids::new_form_key());
                }
                Err(e) => error.set(Some(e)),
            }
        });
    };
    view! {
        <details class="paper">
            <summary>{move || bt().paper_title}</summary>
            <form on:submit=submit>
                <label class="field">
                    <span>{move || bt().paper_member}</span>
                    <select required bind:value=member>
                        <option value="">"—"</option>
                        {members.into_iter().map(|m| view! {
                            <option value=m.user_id.to_string()>{m.full_name}</option>
                        }).collect_view()}
                    </select>
                </label>
                <fieldset>
                    {[Choice::Agree, Choice::Disagree, Choice::Other].into_iter().map(|value| view! {
                        <label class="check">
                            <input
                                type="radio"
                                name="paper-choice"
                                prop:checked=move || choice.get() == value
                                on:change=move |_| choice.set(value)
                            />
                            <span>{move || value.label(lang())}</span>
                        </label>
                    }).collect_view()}
                </fieldset>
                <label class="field" class:hidden=move || choice.get() != Choice::Other>
                    <span>{move || bt().other_text}</span>
                    <textarea rows="2" bind:value=text></textarea>
                </label>
                <button type="submit" class="button">{move || bt().paper_save}</button>
                <span class="ok" role="status">{move || saved.get().then(|| bt().paper_saved)}</span>
            </form>
        </details>
    }
}
