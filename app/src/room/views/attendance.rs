//! Attendance: each invited member's presence, and the quorum for votes. The chair and the
//! secretariat record it; everyone else reads it (guests do not get it).
use leptos::prelude::*;
use uuid::Uuid;

use crate::i18n::use_i18n;
use crate::meetings::model::MeetingState;
use crate::room::model::{AttendanceLine, Presence};
use crate::room::texts::texts;

use super::Shown;

const CHOICES: [Presence; 4] = [
    Presence::Present,
    Presence::Remote,
    Presence::Absent,
    Presence::Deputy,
];

#[component]
pub(super) fn AttendancePanel(shown: Shown) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || texts(i18n.lang());
    let lines = Memo::new(move |_| shown.room.with(|r| r.attendance.clone()));
    let quorum = move || shown.room.with(|r| r.quorum);
    let editable = move || {
        shown.chair
            && shown.room.with(|r| {
                matches!(
                    r.state,
                    MeetingState::Published | MeetingState::Postponed | MeetingState::InProgress
                )
            })
    };
    view! {
        {move || (!lines.get().is_empty()).then(|| view! {
            <section class="panel attendance" aria-labelledby="attendance-title">
                <h2 id="attendance-title">{move || t().attendance}</h2>
                <p data-testid="quorum">
                    {move || {
                        let q = quorum();
                        let word = if q.reached() { t().quorum_reached } else { t().quorum_missing };
                        format!("{}: {}/{} · {word}", t().quorum, q.present, q.members)
                    }}
                </p>
                <meter min="0" max=move || quorum().members value=move || quorum().present low=move || quorum().needed optimum=move || quorum().members></meter>
                // Attendance starts from "everyone present": one tap, then the exceptions.
                {move || {
                    let unrecorded: Vec<String> = lines
                        .get()
                        .iter()
                        .filter(|l| l.presence.is_none())
                        .map(|l| l.user_id.to_string())
                        .collect();
                    (editable() && !unrecorded.is_empty()).then(|| {
                        let count = unrecorded.len();
                        let meeting = shown.room.get_untracked().meeting_id.to_string();
                        view! {
                            <button
                                type="button"
                                class="button all-present"
                                on:click=move |_| {
                                    let (meeting, members) = (meeting.clone(), unrecorded.clone());
                                    shown.send(move || crate::room::api::set_present(meeting, members));
                                }
                            >{move || format!("{} ({count})", t().all_present)}</button>
                        }
                    })
                }}
                <ul class="attendance-list">
                    {move || lines.get().into_iter().map(|line| {
                        if editable() {
                            view! { <Recorder shown line/> }.into_any()
                        } else {
                            let state = line.presence.map_or(t().not_recorded, |p| p.label(i18n.lang()));
                            view! {
                                <li>
                                    <span lang="vi">{line.full_name.clone()}</span>
                                    " · " <span class="muted">{state}</span>
                                    {line.deputy.clone().map(|d| view! { " (" {d} ")" })}
                                </li>
                            }.into_any()
                        }
                    }).collect_view()}
                </ul>
            </section>
        })}
    }
}

/// One member's line with the chair's choices.
#[component]
fn Recorder(shown: Shown, line: AttendanceLine) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || texts(i18n.lang());
    let member: Uuid = line.user_id;
    let chosen = RwSignal::new(line.presence);
    let reason = RwSignal::new(line.reason.clone().unwrap_or_default());
    let deputy = RwSignal::new(line.deputy.clone().unwrap_or_default());
    let record = move |presence: Presence| {
        chosen.set(Some(presence));
        // Absence and deputies need their text first: sent with the "Record" button.
        if matches!(presence, Presence::Absent | Presence::Deputy) {
            return;
        }
        save(shown, member, presence, String::new(), String::new());
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if let Some(presence) = chosen.get_untracked() {
            save(
                shown,
                member,
                presence,
                reason.get_untracked(),
                deputy.get_untracked(),
            );
        }
    };
    let group = format!("presence-{member}");
    view! {
        <li class="recorder" data-member=member.to_string()>
            <form on:submit=submit>
                <fieldset>
                    <legend lang="vi">{line.full_name.clone()}</legend>
                    {CHOICES.into_iter().map(|p| {
                        let group = group.clone();
                        view! {
                            <label class="check">
                                <input
                                    type="radio"
                                    name=group
                                    value=p.as_str()
                                    prop:checked=move || chosen.get() == Some(p)
                                    on:change=move |_| record(p)
                                />
                                <span>{move || p.label(i18n.lang())}</span>
                            </label>
                        }
                    }).collect_view()}
                    <label class="field" class:hidden=move || chosen.get() != Some(Presence::Absent)>
                        <span>{move || t().reason}</span>
                        <input type="text" maxlength="500" bind:value=reason/>
                    </label>
                    <label class="field" class:hidden=move || chosen.get() != Some(Presence::Deputy)>
                        <span>{move || t().deputy_name}</span>
                        <input type="text" maxlength="200" bind:value=deputy/>
                    </label>
                    <button
                        type="submit"
                        class="button small"
                        class:hidden=move || !matches!(chosen.get(), Some(Presence::Absent | Presence::Deputy))
                    >{move || t().record}</button>
                </fieldset>
            </form>
        </li>
    }
}

fn save(shown: Shown, member: Uuid, presence: Presence, reason: String, deputy: String) {
    let meeting = shown.room.get_untracked().meeting_id.to_string();
    shown.send(move || {
        crate::room::api::set_attendance(meeting, member.to_string(), presence, reason, deputy)
    });
}
