//! The secretariat's form for a ballot's draft: title, question, deadline, reminder hours,
//! whether members see the result, and the members asked (none ticked: all).
use leptos::prelude::*;
use uuid::Uuid;

use crate::ballots::api::{create_ballot, update_ballot};
use crate::ballots::model::BallotDraft;
use crate::ballots::texts::texts;
use crate::error::AppError;
use crate::i18n::use_i18n;

/// Reminder hours as typed ("24, 2") to numbers; None if any part is not a number.
fn parse_hours(text: &str) -> Option<Vec<u32>> {
    text.split(',')
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .map(|part| part.parse().ok())
        .collect()
}

/// Create a draft (`initial` None) or edit one (its id and current values).
#[component]
pub fn DraftForm(
    members: Vec<(Uuid, String)>,
    initial: Option<(Uuid, BallotDraft)>,
) -> impl IntoView {
    let i18n = use_i18n();
    let bt = move || texts(i18n.lang());
    let editing = initial.as_ref().map(|(id, _)| *id);
    let start = initial.map(|(_, draft)| draft).unwrap_or(BallotDraft {
        title: String::new(),
        question: String::new(),
        deadline: String::new(),
        eligible: Vec::new(),
        reminder_hours: vec![24, 2],
        results_to_members: true,
    });
    let title = RwSignal::new(start.title);
    let question = RwSignal::new(start.question);
    let deadline = RwSignal::new(start.deadline);
    let hours = RwSignal::new(
        start
            .reminder_hours
            .iter()
            .map(u32::to_string)
            .collect::<Vec<_>>()
            .join(", "),
    );
    let to_members = RwSignal::new(start.results_to_members);
    let chosen = RwSignal::new(start.eligible);
    let error = RwSignal::new(None::<AppError>);
    let ready = RwSignal::new(false);
    Effect::new(move |_| ready.set(true));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(reminder_hours) = parse_hours(&hours.get_untracked()) else {
            error.set(Some(AppError::BadRequest(crate::error::BadInput::Ballot(
                crate::ballots::problem::BallotProblem::RemindersInvalid,
            ))));
            return;
        };
        let draft = BallotDraft {
            title: title.get_untracked(),
            question: question.get_untracked(),
            deadline: deadline.get_untracked(),
            eligible: chosen.get_untracked(),
            reminder_hours,
            results_to_members: to_members.get_untracked(),
        };
        leptos::task::spawn_local(async move {
            let done = match editing {
                // The page re-reads through the live channel.
                Some(id) => update_ballot(id.to_string(), draft).await.map(|()| None),
                None => create_ballot(draft).await.map(Some),
            };
            match done {
                Ok(Some(id)) => {
                    let navigate = leptos_router::hooks::use_navigate();
                    navigate(&format!("/ballots/{id}"), Default::default());
                }
                Ok(None) => error.set(None),
                Err(e) => error.set(Some(e)),
            }
        });
    };
    view! {
        <section class="panel" aria-labelledby="draft-form">
            <h2 id="draft-form">{move || if editing.is_some() { bt().edit_draft } else { bt().new_ballot }}</h2>
            <form class="ballot-form" on:submit=submit>
                <label class="field">
                    <span>{move || bt().field_title}</span>
                    <input type="text" required maxlength="300" bind:value=title/>
                </label>
                <label class="field">
                    <span>{move || bt().field_question}</span>
                    <textarea rows="4" required bind:value=question></textarea>
                </label>
                <label class="field">
                    <span>{move || bt().field_deadline}</span>
                    <input type="datetime-local" required bind:value=deadline/>
                </label>
                <label class="field">
                    <span>{move || bt().field_reminders}</span>
                    <input type="text" inputmode="numeric" bind:value=hours/>
                    <small class="muted">{move || bt().reminders_hint}</small>
                </label>
                <label class="check">
                    <input type="checkbox" bind:checked=to_members/>
                    <span>{move || bt().field_results_to_members}</span>
                </label>
                <fieldset class="people">
                    <legend>{move || bt().field_eligible}</legend>
                    <p class="muted">{move || bt().eligible_all}</p>
                    {members.into_iter().map(|(id, name)| view! {
                        <label class="check">
                            <input
                                type="checkbox"
                                prop:checked=move || chosen.read().contains(&id)
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    chosen.update(|c| {
                                        c.retain(|x| *x != id);
                                        if on { c.push(id); }
                                    });
                                }
                            />
                            <span>{name}</span>
                        </label>
                    }).collect_view()}
                </fieldset>
                <p class="form-error" role="alert">{move || error.get().map(|e| e.message(i18n.lang()))}</p>
                <button type="submit" class="button primary" disabled=move || !ready.get()>
                    {move || if editing.is_some() { bt().save_draft } else { bt().create }}
                </button>
            </form>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::parse_hours;

    #[test]
    fn reminder_hours_are_read_as_typed() {
        assert_eq!(parse_hours("24, 2"), Some(vec![24, 2]));
        assert_eq!(parse_hours(""), Some(vec![]));
        assert_eq!(parse_hours("24, hai"), None);
    }
}
