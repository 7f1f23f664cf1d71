//! Who is invited (the secretariat, in the meeting editor): the members of the meeting, and
//! the guests of each agenda item.
use leptos::prelude::*;
use uuid::Uuid;

use crate::error::AppError;
use crate::i18n::use_i18n;
use crate::meetings::editing::api::*;
use crate::meetings::editing::views::run;
use crate::meetings::model::{EditorItem, Invitable};
use crate::meetings::texts::texts;
use crate::ui::drafts::Drafts;

#[component]
pub(super) fn ItemGuests(
    item: EditorItem,
    guests: Vec<Invitable>,
    refresh: RwSignal<u64>,
    error: RwSignal<Option<AppError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let chosen: Vec<(Uuid, RwSignal<bool>)> = guests
        .iter()
        .map(|g| {
            let key = format!("item.{}.guest.{}", item.id, g.person.id);
            let on = Drafts::field_in_context(key, item.guests.contains(&g.person.id));
            (g.person.id, on)
        })
        .collect();
    let id = item.id;
    let save = {
        let chosen = chosen.clone();
        move |_| {
            let picked = picked(&chosen);
            run(refresh, error, move || {
                set_item_guests(id.to_string(), picked)
            });
        }
    };
    (!guests.is_empty()).then(|| view! {
        <fieldset class="guests-picker">
            <legend>{move || texts(i18n.lang()).guests}</legend>
            {guests
                .iter()
                .zip(chosen.iter())
                .map(|(g, (_, on))| {
                    let on = *on;
                    view! {
                        <label class="check">
                            <input type="checkbox" bind:checked=on/>
                            <span lang="vi">{g.person.full_name.clone()}</span>
                        </label>
                    }
                })
                .collect_view()}
            <button type="button" class="button" on:click=save>{move || texts(i18n.lang()).save_guests}</button>
        </fieldset>
    })
}

#[component]
pub(super) fn Invitations(
    meeting_id: Uuid,
    members: Vec<Invitable>,
    invited: Vec<Uuid>,
    refresh: RwSignal<u64>,
    error: RwSignal<Option<AppError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let chosen: Vec<(Uuid, RwSignal<bool>)> = members
        .iter()
        .map(|m| {
            let key = format!("invited.{}", m.person.id);
            (
                m.person.id,
                Drafts::field_in_context(key, invited.contains(&m.person.id)),
            )
        })
        .collect();
    let save = {
        let chosen = chosen.clone();
        move |_| {
            let picked = picked(&chosen);
            run(refresh, error, move || {
                set_invitees(meeting_id.to_string(), false, picked)
            });
        }
    };
    let all = move |_| {
        run(refresh, error, move || {
            set_invitees(meeting_id.to_string(), true, Vec::new())
        })
    };
    view! {
        <section class="panel" aria-labelledby="invite-title">
            <h2 id="invite-title">{move || texts(i18n.lang()).invitees}</h2>
            <button type="button" class="button" on:click=all>{move || texts(i18n.lang()).invite_all}</button>
            <div class="people-picker">
                {members
                    .iter()
                    .zip(chosen.iter())
                    .map(|(m, (_, on))| {
                        let on = *on;
                        let title = m.person.title.clone();
                        view! {
                            <label class="check">
                                <input type="checkbox" bind:checked=on/>
                                <span lang="vi">{m.person.full_name.clone()}</span>
                                <span class="muted">{move || title.as_ref().map(|t| t.get(i18n.lang()).to_owned()).unwrap_or_default()}</span>
                            </label>
                        }
                    })
                    .collect_view()}
            </div>
            <button type="button" class="button primary" on:click=save>{move || texts(i18n.lang()).save_invitees}</button>
        </section>
    }
}

/// The ids of the people whose box is ticked, as the server functions take them.
fn picked(chosen: &[(Uuid, RwSignal<bool>)]) -> Vec<String> {
    chosen
        .iter()
        .filter(|(_, on)| on.get_untracked())
        .map(|(id, _)| id.to_string())
        .collect()
}
