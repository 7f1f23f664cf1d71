//! `/ballots`: the ballots one may see (open first) and, for the secretariat, a form to
//! create a draft.
use leptos::prelude::*;
use leptos_meta::Title;
use uuid::Uuid;

use crate::ballots::api::{create_ballot, list_ballot_members, list_ballots};
use crate::ballots::model::{BallotDraft, BallotState, BallotSummaryRow};
use crate::ballots::texts::{self, texts};
use crate::error::AppError;
use crate::i18n::use_i18n;
use crate::ui::error_pages::ErrorPanel;
use crate::ui::format::{date_time, vietnam_time};

mod answer;
mod manage;
pub mod page;
pub mod result;

#[component]
pub fn BallotsPage() -> impl IntoView {
    let i18n = use_i18n();
    let bt = move || texts(i18n.lang());
    let version = expect_context::<crate::live::BallotsVersion>().0;
    let ballots = Resource::new(move || version.get(), |_| list_ballots());
    let session = expect_context::<crate::shell::SessionResource>().0;
    view! {
        <Title text=move || bt().title/>
        <h1>{move || bt().title}</h1>
        <Suspense fallback=move || view! { <p class="loading">{move || i18n.t().loading}</p> }>
            {move || Suspend::new(async move {
                match ballots.await {
                    Ok(rows) => view! { <BallotList rows/> }.into_any(),
                    Err(error) => view! { <ErrorPanel error/> }.into_any(),
                }
            })}
        </Suspense>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                // Only the secretariat creates ballots (and may list the members).
                let secretariat = session
                    .await
                    .ok()
                    .and_then(|s| s.user)
                    .is_some_and(|u| u.role == crate::identity::model::Role::Secretariat);
                if !secretariat {
                    return None;
                }
                list_ballot_members()
                    .await
                    .ok()
                    .map(|members| view! { <NewBallotForm members/> })
            })}
        </Suspense>
    }
}

#[component]
fn BallotList(rows: Vec<BallotSummaryRow>) -> impl IntoView {
    let i18n = use_i18n();
    let lang = move || i18n.lang();
    if rows.is_empty() {
        return view! { <p>{move || texts(lang()).none}</p> }.into_any();
    }
    view! {
        <ul class="ballot-list">
            {rows.into_iter().map(|row| {
                let href = format!("/ballots/{}", row.id);
                let deadline = vietnam_time(row.deadline_at);
                let state = row.state;
                let mine = row.mine;
                view! {
                    <li class="panel ballot-row" class:open=state == BallotState::Open>
                        <a href=href class="ballot-title">{row.title.clone()}</a>
                        <span class="badge">{move || texts::state(state, lang())}</span>
                        <span class="muted">
                            {move || format!("{}: {}", texts(lang()).deadline, date_time(deadline, lang()))}
                        </span>
                        <span class="muted">
                            {move || format!("{}/{} {}", row.answered, row.eligible, texts(lang()).answered_of)}
                        </span>
                        {mine.map(|choice| view! {
                            <span class="badge mine">{move || texts::choice(choice, lang())}</span>
                        })}
                    </li>
                }
            }).collect_view()}
        </ul>
    }
    .into_any()
}

/// Reminder hours as typed ("24, 2") to numbers; None if any part is not a number.
fn parse_hours(text: &str) -> Option<Vec<u32>> {
    text.split(',')
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .map(|part| part.parse().ok())
        .collect()
}

#[component]
fn NewBallotForm(members: Vec<(Uuid, String)>) -> impl IntoView {
    let i18n = use_i18n();
    let bt = move || texts(i18n.lang());
    let title = RwSignal::new(String::new());
    let question = RwSignal::new(String::new());
    let deadline = RwSignal::new(String::new());
    let hours = RwSignal::new("24, 2".to_owned());
    let to_members = RwSignal::new(true);
    let chosen = RwSignal::new(Vec::<Uuid>::new());
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
            match create_ballot(draft).await {
                Ok(id) => {
                    let navigate = leptos_router::hooks::use_navigate();
                    navigate(&format!("/ballots/{id}"), Default::default());
                }
                Err(e) => error.set(Some(e)),
            }
        });
    };
    view! {
        <section class="panel" aria-labelledby="new-ballot">
            <h2 id="new-ballot">{move || bt().new_ballot}</h2>
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
                    {move || bt().create}
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
