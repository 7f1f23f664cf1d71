//! The floor: who speaks (with the speaking-time clock), who waits, who has spoken. The chair
//! gives the floor; a member asks to speak on the item under discussion, or withdraws.
use leptos::prelude::*;

use crate::i18n::use_i18n;
use crate::room::model::{RoomAct, Speaker};
use crate::room::texts::{clock, texts};

use super::Shown;

fn who(s: &Speaker, deputy_word: &str) -> String {
    match &s.deputy {
        Some(deputy) => format!("{} ({deputy_word}: {deputy})", s.full_name),
        None => s.full_name.clone(),
    }
}

#[component]
pub(super) fn FloorPanel(shown: Shown) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || texts(i18n.lang());
    let speaking = Memo::new(move |_| shown.room.with(|r| r.speaking.clone()));
    let queue = Memo::new(move |_| shown.room.with(|r| r.queue.clone()));
    let spoken = Memo::new(move |_| shown.room.with(|r| r.spoken.clone()));
    let current = Memo::new(move |_| shown.room.with(|r| r.current_item));
    let speaking_seconds = move || {
        let (s, running) = shown
            .room
            .with(|r| (r.speaking.as_ref().map_or(0, |s| s.seconds), r.running()));
        shown.ticking(s, running)
    };
    let queued = move || {
        let me = shown.me;
        queue.with(|q| q.iter().any(|s| Some(s.user_id) == me))
    };
    let request = move |_| {
        if let Some(item) = current.get_untracked() {
            shown.send(move || crate::room::api::request_to_speak(item.to_string()));
        }
    };
    let withdraw = move |_| {
        if let Some(item) = current.get_untracked() {
            shown.send(move || crate::room::api::withdraw_request(item.to_string()));
        }
    };
    view! {
        {move || current.get().map(|_| view! {
            <section class="panel floor" aria-labelledby="floor-title" aria-live="polite">
                <h2 id="floor-title">{move || t().speaking}</h2>
                {move || match speaking.get() {
                    Some(s) => view! {
                        <p class="speaker-now">
                            <strong data-testid="speaker">{who(&s, t().deputy_for)}</strong>
                            " · " <span class="clock" data-testid="speaker-clock">{move || clock(speaking_seconds())}</span>
                            {shown.chair.then(|| view! {
                                " " <button type="button" class="button small" on:click=move |_| shown.act(RoomAct::EndFloor)>{move || t().end_floor}</button>
                            })}
                        </p>
                    }.into_any(),
                    None => view! { <p class="muted">{move || t().nobody_speaking}</p> }.into_any(),
                }}
                <h3>{move || t().queue}</h3>
                {move || {
                    let waiting = queue.get();
                    if waiting.is_empty() {
                        return view! { <p class="muted">{move || t().queue_empty}</p> }.into_any();
                    }
                    view! {
                        <ol class="queue" data-testid="queue">
                            {waiting.into_iter().map(|s| {
                                let speech = s.speech_id;
                                view! {
                                    <li>
                                        <span>{who(&s, t().deputy_for)}</span>
                                        {shown.chair.then(|| view! {
                                            " " <button type="button" class="button small primary" on:click=move |_| shown.act(RoomAct::GiveFloor(speech))>{move || t().give_floor}</button>
                                        })}
                                    </li>
                                }
                            }).collect_view()}
                        </ol>
                    }.into_any()
                }}
                {move || shown.member.then(|| {
                    if queued() {
                        view! {
                            <p>
                                <span class="ok">{move || t().you_are_queued}</span>
                                " " <button type="button" class="button" on:click=withdraw>{move || t().withdraw}</button>
                            </p>
                        }.into_any()
                    } else {
                        view! { <button type="button" class="button primary" on:click=request>{move || t().request}</button> }.into_any()
                    }
                })}
                {move || (!spoken.get().is_empty()).then(|| view! {
                    <h3>{move || t().spoken}</h3>
                    <ul class="spoken">
                        {spoken.get().into_iter().map(|s| view! {
                            <li>{who(&s, t().deputy_for)}" · "{clock(s.seconds)}</li>
                        }).collect_view()}
                    </ul>
                })}
            </section>
        })}
    }
}
