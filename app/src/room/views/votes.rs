//! Votes in the room: the chair's form to start one on the current item, and the votes
//! taken, each with a link to answer (signed, on the ballot's page) and, once closed, the
//! outcome and the count.
use leptos::prelude::*;
use uuid::Uuid;

use crate::ballots::model::Choice;
use crate::i18n::use_i18n;
use crate::room::model::{RoomAct, VoteTally};
use crate::room::texts::texts;

use super::Shown;

#[component]
pub(super) fn VoteForm(shown: Shown, item: Uuid) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || texts(i18n.lang());
    let question = RwSignal::new(String::new());
    let minutes = RwSignal::new("5".to_owned());
    let start = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let meeting = shown.room.get_untracked().meeting_id.to_string();
        let (q, m) = (question.get_untracked(), minutes.get_untracked());
        shown.send(move || async move {
            let minutes = m.trim().parse().unwrap_or(0);
            crate::room::api::start_vote(meeting, item.to_string(), q, minutes).await
        });
    };
    let quorum = move || shown.room.with(|r| r.quorum);
    view! {
        <details class="vote-form">
            <summary>{move || t().vote}</summary>
            <form on:submit=start>
                <label class="field">
                    <span>{move || t().vote_question}</span>
                    <textarea rows="2" maxlength="2000" bind:value=question></textarea>
                </label>
                <label class="field narrow">
                    <span>{move || t().vote_minutes}</span>
                    <input type="number" min="1" max="120" bind:value=minutes/>
                </label>
                <p class="muted">
                    {move || {
                        let q = quorum();
                        let word = if q.reached() { t().quorum_reached } else { t().quorum_missing };
                        format!("{}: {}/{} · {word}", t().quorum, q.present, q.members)
                    }}
                </p>
                <button type="submit" class="button primary">{move || t().start_vote}</button>
            </form>
        </details>
    }
}

/// Votes taken in the meeting, with a link to answer (signed, on the ballot's page).
#[component]
pub(super) fn Votes(shown: Shown) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || texts(i18n.lang());
    let votes = Memo::new(move |_| shown.room.with(|r| r.votes.clone()));
    view! {
        {move || (!votes.get().is_empty()).then(|| view! {
            <section class="panel room-votes" aria-labelledby="room-votes-title">
                <h2 id="room-votes-title">{move || t().votes}</h2>
                <ul>
                    {votes.get().into_iter().map(|v| view! {
                        <li data-open=v.open.to_string()>
                            <a href=format!("/ballots/{}", v.ballot_id) lang="vi">{v.title.clone()}</a>
                            " · "{format!("{}/{} {}", v.answered, v.eligible, t().answered)}
                            {v.open.then(|| {
                                let ballot = v.ballot_id;
                                view! {
                                    " " <a class="button small primary" href=format!("/ballots/{ballot}")>{move || t().answer_vote}</a>
                                    {shown.chair.then(|| view! {
                                        " " <button type="button" class="button small" on:click=move |_| shown.act(RoomAct::EndVote(ballot))>{move || t().end_vote}</button>
                                    })}
                                }
                            })}
                            {v.outcome.clone().map(|o| {
                                let key = o.clone();
                                view! { " " <span class="badge outcome" data-outcome=o>{move || crate::ballots::outcome::Outcome::from_key(&key).label(i18n.lang())}</span> }
                            })}
                            {v.tally.map(|tally| view! { <VoteCount tally/> })}
                        </li>
                    }).collect_view()}
                </ul>
            </section>
        })}
    }
}

/// A closed vote's count, choice by choice.
#[component]
fn VoteCount(tally: VoteTally) -> impl IntoView {
    let i18n = use_i18n();
    let lines = [
        (Choice::Agree, tally.agree),
        (Choice::Disagree, tally.disagree),
        (Choice::Other, tally.other),
    ];
    view! {
        <dl class="vote-count" data-testid="vote-count">
            {lines.into_iter().map(|(choice, n)| view! {
                <div data-choice=choice.as_str()>
                    <dt>{move || choice.label(i18n.lang())}</dt>
                    <dd>{n}</dd>
                </div>
            }).collect_view()}
        </dl>
    }
}
