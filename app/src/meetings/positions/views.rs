//! Positions on the meeting page: each invited member's picker per agenda item, and the
//! summary (counts, names, reasons, the proposed consent block) for the chair and secretariat.
use leptos::prelude::*;
use uuid::Uuid;

use crate::error::AppError;
use crate::i18n::use_i18n;
use crate::meetings::model::{ItemPositions, MyPosition, PositionSummary, Stance};
#[cfg(feature = "hydrate")]
use crate::meetings::positions::api::set_position;
use crate::meetings::positions::api::{get_my_positions, get_position_summary};
use crate::meetings::texts::texts;

/// The viewer's positions on the meeting shown, for the pickers of its items.
#[derive(Clone, Copy)]
pub struct MyPositions(pub Resource<Result<Vec<MyPosition>, AppError>>);

/// Provide [`MyPositions`] for meeting `meeting_id` (re-read on live events).
pub fn provide_my_positions(meeting_id: Uuid) {
    let live = expect_context::<crate::live::LiveVersion>().0;
    provide_context(MyPositions(Resource::new(
        move || live.get(),
        move |_| get_my_positions(meeting_id.to_string()),
    )));
}

/// The picker of one item; nothing when the page provides no [`MyPositions`].
#[component]
pub fn PositionPicker(item_id: Uuid, number: i64) -> impl IntoView {
    let Some(MyPositions(mine)) = use_context::<MyPositions>() else {
        return ().into_any();
    };
    view! {
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                let current = mine
                    .await
                    .ok()
                    .and_then(|list| list.into_iter().find(|p| p.item_id == item_id));
                view! { <Picker item_id number current/> }
            })}
        </Transition>
    }
    .into_any()
}

#[component]
fn Picker(item_id: Uuid, number: i64, current: Option<MyPosition>) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || texts(i18n.lang());
    let stance = RwSignal::new(current.as_ref().map(|p| p.stance).unwrap_or_default());
    let reason = RwSignal::new(current.and_then(|p| p.reason).unwrap_or_default());
    let saved = RwSignal::new(false);
    let error = RwSignal::new(None::<AppError>);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        #[cfg(feature = "hydrate")]
        {
            let (chosen, text) = (stance.get_untracked(), reason.get_untracked());
            leptos::task::spawn_local(async move {
                match set_position(item_id.to_string(), chosen, text).await {
                    Ok(()) => {
                        error.set(None);
                        saved.set(true);
                    }
                    Err(e) => error.set(Some(e)),
                }
            });
        }
    };
    let name = format!("stance-{item_id}");
    let option =
        move |value: Stance, label: fn(&crate::meetings::texts::MeetingTexts) -> &'static str| {
            let name = name.clone();
            view! {
                <label class="check">
                    <input
                        type="radio"
                        name=name
                        value=value.as_str()
                        prop:checked=move || stance.get() == value
                        on:change=move |_| {
                            stance.set(value);
                            saved.set(false);
                        }
                    />
                    <span>{move || label(t())}</span>
                </label>
            }
        };
    view! {
        <form class="position" on:submit=save>
            <fieldset>
                <legend>{move || format!("{} — {number}", t().position_legend)}</legend>
                {option(Stance::NoObjection, |m| m.stance_no_objection)}
                {option(Stance::Speak, |m| m.stance_speak)}
                {option(Stance::Object, |m| m.stance_object)}
                <label class="field" class:hidden=move || stance.get() == Stance::NoObjection>
                    <span>{move || t().position_reason}</span>
                    <textarea rows="2" maxlength="2000" bind:value=reason on:input=move |_| saved.set(false)></textarea>
                </label>
                <p class="form-error" role="alert">{move || error.get().map(|e| e.message(i18n.lang()))}</p>
                <button type="submit" class="button">{move || t().position_save}</button>
                <span class="ok" role="status">{move || saved.get().then(|| t().position_saved)}</span>
            </fieldset>
        </form>
    }
}

/// Counts and names per item, and the consent block, for the chair and the secretariat.
#[component]
pub fn PositionSummaryPanel(meeting_id: Uuid) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || texts(i18n.lang());
    let live = expect_context::<crate::live::LiveVersion>().0;
    let positions = expect_context::<crate::live::PositionsVersion>().0;
    let summary = Resource::new(
        move || (live.get(), positions.get()),
        move |_| get_position_summary(meeting_id.to_string()),
    );
    view! {
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                summary.await.ok().map(|summary| view! {
                    <section class="panel positions" aria-labelledby="positions-title">
                        <h2 id="positions-title">{move || t().positions_title}</h2>
                        <Summary summary/>
                    </section>
                })
            })}
        </Transition>
    }
}

#[component]
fn Summary(summary: PositionSummary) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || texts(i18n.lang());
    let total = summary.invited_members.max(1);
    let consent: Vec<(i64, String)> = summary
        .items
        .iter()
        .filter(|i| i.in_consent_block())
        .map(|i| (i.number, i.title.clone()))
        .collect();
    view! {
        <ol class="plain-list position-items">
            {summary.items.into_iter().map(|item| view! { <ItemRow item total/> }).collect_view()}
        </ol>
        <h3>{move || t().consent_block_title}</h3>
        {if consent.is_empty() {
            view! { <p class="muted">{move || t().consent_block_empty}</p> }.into_any()
        } else {
            view! {
                <ul class="consent-block">
                    {consent.into_iter().map(|(n, title)| view! { <li>{format!("{n}. {title}")}</li> }).collect_view()}
                </ul>
            }.into_any()
        }}
    }
}

#[component]
fn ItemRow(item: ItemPositions, total: usize) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || texts(i18n.lang());
    let counts = [
        ("speak", item.speak.len(), t().stance_speak),
        ("object", item.object.len(), t().stance_object),
        ("none", item.no_objection, t().stance_no_objection),
    ];
    let people = item
        .object
        .iter()
        .map(|h| (h, "object"))
        .chain(item.speak.iter().map(|h| (h, "speak")))
        .map(|(h, kind)| {
            let text = match &h.reason {
                Some(reason) => format!("{} — {reason}", h.full_name),
                None => h.full_name.clone(),
            };
            view! { <li class=format!("holder {kind}")>{text}</li> }
        })
        .collect_view();
    view! {
        <li class="position-item">
            <p><strong>{format!("{}. {}", item.number, item.title)}</strong></p>
            <div class="position-bars">
                {counts.into_iter().map(|(kind, n, label)| view! {
                    <div class=format!("position-bar {kind}")>
                        <span>{format!("{label}: {n}")}</span>
                        <progress max=total.to_string() value=n.to_string() aria-label=label></progress>
                    </div>
                }).collect_view()}
            </div>
            <ul class="plain-list holders">{people}</ul>
        </li>
    }
}
