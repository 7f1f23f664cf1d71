//! `/meetings/:id/room`: the meeting as it runs. Everyone who sees the meeting follows it —
//! the current item with its documents, the clocks, the speaker queue, attendance, votes —
//! and it changes without reloading: the live channel pushes the whole room after each
//! change. The chair and the secretariat get the controls; members ask to speak.
mod attendance;
mod floor;
mod votes;

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;
use uuid::Uuid;

use crate::error::AppError;
use crate::i18n::use_i18n;
use crate::identity::model::{CurrentUser, Role};
use crate::meetings::model::MeetingState;
use crate::room::api::get_room;
use crate::room::model::{ItemRun, ItemStage, Room, RoomAct};
use crate::room::texts::{clock_against, texts};
use crate::ui::confirm::ConfirmAct;
use crate::ui::error_pages::ErrorPanel;

use crate::ui::texts::texts as ui_texts;
use attendance::AttendancePanel;
use floor::FloorPanel;
use votes::{VoteForm, Votes};

/// The room shown, when it arrived (page clock), and the page clock now: clocks count on
/// from what the server read, without asking it again.
#[derive(Clone, Copy)]
pub(crate) struct Shown {
    pub room: RwSignal<Room>,
    pub received: RwSignal<f64>,
    pub now: RwSignal<f64>,
    pub error: RwSignal<Option<AppError>>,
    pub chair: bool,
    /// A Government member (who may ask to speak).
    pub member: bool,
    pub me: Option<Uuid>,
}

impl Shown {
    /// `seconds` as read by the server, counted on while `running`.
    pub fn ticking(self, seconds: i64, running: bool) -> i64 {
        if !running {
            return seconds;
        }
        let since = ((self.now.get() - self.received.get()) / 1000.0).max(0.0);
        seconds + since as i64
    }

    /// Run a call to the server; its error (in the user's language) is shown on the page.
    pub fn send<Fut, T>(self, call: impl FnOnce() -> Fut + 'static)
    where
        Fut: std::future::Future<Output = Result<T, AppError>> + 'static,
        T: 'static,
    {
        #[cfg(feature = "hydrate")]
        leptos::task::spawn_local(async move {
            let result = call().await;
            self.error.set(result.err());
        });
        #[cfg(not(feature = "hydrate"))]
        let _ = call;
    }

    pub fn act(self, act: RoomAct) {
        let meeting = self.room.get_untracked().meeting_id.to_string();
        self.send(move || crate::room::api::act_in_room(meeting, act));
    }
}

#[component]
pub fn RoomPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let session = expect_context::<crate::identity::session_resource::SessionResource>().0;
    // Answers to a vote change its count: the room is read again then.
    let ballots = expect_context::<crate::live::BallotsVersion>().0;
    let room = Resource::new(
        move || (params.read().get("id").unwrap_or_default(), ballots.get()),
        |(id, _)| get_room(id),
    );
    view! {
        <Transition fallback=move || view! { <p class="loading">{move || ui_texts(i18n.lang()).loading}</p> }>
            {move || Suspend::new(async move {
                let viewer = session.await.ok().and_then(|s| s.user);
                match room.await {
                    Ok(room) => view! { <RoomView room viewer/> }.into_any(),
                    Err(error) => view! { <ErrorPanel error/> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn RoomView(room: Room, viewer: Option<CurrentUser>) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || texts(i18n.lang());
    let meeting_id = room.meeting_id;
    let chair = viewer
        .as_ref()
        .is_some_and(|u| u.role == Role::Secretariat || Some(u.id) == room.chair_id);
    let shown = Shown {
        room: RwSignal::new(room.clone()),
        received: RwSignal::new(crate::live::page_clock_ms()),
        now: RwSignal::new(crate::live::page_clock_ms()),
        error: RwSignal::new(None),
        chair,
        member: viewer.as_ref().is_some_and(|u| u.role == Role::Member),
        me: viewer.as_ref().map(|u| u.id),
    };
    // What the live channel pushes for this meeting replaces what is shown.
    let feed = expect_context::<crate::live::RoomFeed>().0;
    Effect::new(move |_| {
        let pushed = feed.with(|last| {
            last.as_ref().and_then(|(json, at)| {
                serde_json::from_str::<crate::room::model::Room>(json)
                    .ok()
                    .map(|room| (room, *at))
            })
        });
        if let Some((pushed, at)) = pushed {
            if pushed.meeting_id == meeting_id
                && pushed.read_at >= shown.room.get_untracked().read_at
            {
                shown.room.set(pushed);
                shown.received.set(at);
            }
        }
    });
    #[cfg(feature = "hydrate")]
    {
        if let Ok(handle) = set_interval_with_handle(
            move || shown.now.set(crate::live::page_clock_ms()),
            std::time::Duration::from_secs(1),
        ) {
            on_cleanup(move || handle.clear());
        }
    }
    let state = Memo::new(move |_| shown.room.with(|r| r.state));
    let title = room.title.clone();
    view! {
        <Title text=title.clone()/>
        <p class="breadcrumb">
            <a href=format!("/meetings/{meeting_id}") lang="vi">{title.clone()}</a>
            // Once closed, the chair and the secretariat go on to the minutes.
            {move || (chair && state.get() == MeetingState::Closed).then(|| view! {
                " · "
                <a href=format!("/meetings/{meeting_id}/minutes")>{move || t().minutes_link}</a>
            })}
        </p>
        <article class="room" data-state=move || state.get().as_str()>
            <header class="room-head">
                <h1>{move || t().room}</h1>
                <MeetingClock shown/>
            </header>
            <p class="form-error" role="alert">{move || shown.error.get().map(|e| e.message(i18n.lang()))}</p>
            {chair.then(|| view! { <ChairBar shown/> })}
            {move || match state.get() {
                MeetingState::Published | MeetingState::Postponed => view! { <p class="notice">{move || t().not_started}</p> }.into_any(),
                MeetingState::Closed => view! { <p class="notice">{move || t().closed}</p> }.into_any(),
                _ => ().into_any(),
            }}
            <div class="room-grid">
                <div>
                    // An open vote is what members must act on: first.
                    <Votes shown/>
                    <CurrentItem shown/>
                    <FloorPanel shown/>
                </div>
                <div>
                    <Agenda shown/>
                    <AttendancePanel shown/>
                </div>
            </div>
        </article>
    }
}

#[component]
fn MeetingClock(shown: Shown) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || texts(i18n.lang());
    let seconds = move || {
        let (s, running) = shown.room.with(|r| (r.seconds, r.running()));
        shown.ticking(s, running)
    };
    let planned = move || shown.room.with(|r| r.planned_minutes);
    let paused = move || shown.room.with(|r| r.paused_since.is_some());
    view! {
        <p class="clock meeting-clock">
            <span class="muted">{move || t().meeting_clock}": "</span>
            {move || {
                let (spent, planned) = clock_against(seconds(), planned() * 60);
                view! { <strong class="clock-value" data-testid="meeting-clock">{spent}</strong> " / " {planned} }
            }}
            {move || paused().then(|| view! { " " <span class="badge warn">{move || t().paused}</span> })}
        </p>
    }
}

/// The chair's controls for the meeting as a whole.
#[component]
fn ChairBar(shown: Shown) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || texts(i18n.lang());
    let state = move || shown.room.with(|r| r.state);
    let paused = move || shown.room.with(|r| r.paused_since.is_some());
    // The items the consent block would adopt: proposed for it, not yet taken up.
    let consent_items = move || {
        shown.room.with(|r| {
            r.items
                .iter()
                .filter(|i| i.in_consent_block)
                .map(|i| format!("{}. {}", i.number, i.title))
                .collect::<Vec<_>>()
        })
    };
    let close = Callback::new(move |()| shown.act(RoomAct::Close));
    let adopt = Callback::new(move |()| shown.act(RoomAct::AdoptConsent));
    view! {
        <div class="toolbar room-controls" role="toolbar" aria-label=move || t().room>
            {move || match state() {
                MeetingState::Published | MeetingState::Postponed => view! {
                    <button type="button" class="button primary" on:click=move |_| shown.act(RoomAct::Open)>{move || t().open}</button>
                }.into_any(),
                MeetingState::InProgress => view! {
                    {move || if paused() {
                        view! { <button type="button" class="button" on:click=move |_| shown.act(RoomAct::Resume)>{move || t().resume}</button> }.into_any()
                    } else {
                        view! { <button type="button" class="button" on:click=move |_| shown.act(RoomAct::Pause)>{move || t().pause}</button> }.into_any()
                    }}
                    // Gone once the block is adopted.
                    {move || (!consent_items().is_empty()).then(|| view! {
                        <ConfirmAct
                            label=move || t().adopt_consent.to_owned()
                            heading=move || t().consent_heading.to_owned()
                            body=move || t().consent_body.to_owned()
                            items=Signal::derive(consent_items)
                            confirm=move || t().adopt_consent.to_owned()
                            on_confirm=adopt
                        />
                    })}
                    <ConfirmAct
                        label=move || t().close.to_owned()
                        class="button danger"
                        heading=move || t().close_heading.to_owned()
                        body=move || t().close_confirm.to_owned()
                        confirm=move || t().close.to_owned()
                        on_confirm=close
                    />
                }.into_any(),
                _ => ().into_any(),
            }}
        </div>
    }
}

/// The item under discussion: its clock against the planned minutes, its documents, and for
/// the chair its conclusion and a vote.
#[component]
fn CurrentItem(shown: Shown) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || texts(i18n.lang());
    let current = Memo::new(move |_| {
        shown.room.with(|r| {
            r.current_item.and_then(|id| r.item(id)).map(|i| {
                (
                    i.id,
                    i.number,
                    i.title.clone(),
                    i.planned_minutes,
                    i.documents.clone(),
                )
            })
        })
    });
    view! {
        <section class="panel current-item" aria-labelledby="current-title" aria-live="polite">
            <h2 id="current-title">{move || t().current_item}</h2>
            {move || match current.get() {
                None => view! { <p class="muted">{move || t().no_current_item}</p> }.into_any(),
                Some((id, number, title, planned, documents)) => view! {
                    <h3 class="current-title" data-item=id.to_string() lang="vi">{format!("{number}. {title}")}</h3>
                    <ItemClock shown id planned/>
                    {(!documents.is_empty()).then(|| view! {
                        <ul class="documents">
                            {documents.into_iter().map(|(doc, title)| view! {
                                <li><a class="button small" href=format!("/documents/{doc}/read")>{title}</a></li>
                            }).collect_view()}
                        </ul>
                    })}
                    {shown.chair.then(|| view! {
                        <button type="button" class="button" on:click=move |_| shown.act(RoomAct::EndItem)>{move || t().end_item}</button>
                        <ConclusionForm shown item=id/>
                        <VoteForm shown item=id/>
                    })}
                }.into_any(),
            }}
        </section>
    }
}

#[component]
fn ItemClock(shown: Shown, id: Uuid, planned: i64) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || texts(i18n.lang());
    let seconds = move || {
        let (s, running) = shown.room.with(|r| {
            let item = r.item(id);
            (
                item.map_or(0, |i| i.seconds),
                r.running() && item.is_some_and(|i| i.stage == ItemStage::Running),
            )
        });
        shown.ticking(s, running)
    };
    let over = move || seconds() > planned * 60;
    view! {
        <p class="clock item-clock" class:over=over>
            <span class="muted">{move || t().item_clock}": "</span>
            {move || {
                let (spent, planned) = clock_against(seconds(), planned * 60);
                view! { <strong data-testid="item-clock">{spent}</strong> " / " {planned} }
            }}
        </p>
        <progress max=(planned * 60).max(1) value=move || seconds().min(planned * 60)></progress>
    }
}

#[component]
fn ConclusionForm(shown: Shown, item: Uuid) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || texts(i18n.lang());
    let initial = shown
        .room
        .with_untracked(|r| r.item(item).and_then(|i| i.conclusion.clone()))
        .unwrap_or_default();
    let text = RwSignal::new(initial);
    let saved = RwSignal::new(false);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let act = RoomAct::Conclude {
            item,
            text: text.get_untracked(),
        };
        let meeting = shown.room.get_untracked().meeting_id.to_string();
        shown.send(move || async move {
            let result = crate::room::api::act_in_room(meeting, act).await;
            saved.set(result.is_ok());
            result
        });
    };
    view! {
        <form class="conclusion" on:submit=save>
            <label class="field">
                <span>{move || t().conclusion}</span>
                <textarea rows="3" maxlength="5000" bind:value=text on:input=move |_| saved.set(false)></textarea>
            </label>
            <button type="submit" class="button">{move || t().save_conclusion}</button>
            <span class="ok" role="status">{move || saved.get().then(|| t().saved)}</span>
        </form>
    }
}

/// The agenda with each item's stage; the chair takes up items from here.
#[component]
fn Agenda(shown: Shown) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || texts(i18n.lang());
    let items = Memo::new(move |_| shown.room.with(|r| r.items.clone()));
    let running = move || shown.room.with(|r| r.state == MeetingState::InProgress);
    view! {
        <section class="panel room-agenda" aria-labelledby="room-agenda-title">
            <h2 id="room-agenda-title">{move || t().agenda}</h2>
            <ol class="room-items">
                {move || items.get().into_iter().map(|item: ItemRun| {
                    let (id, stage) = (item.id, item.stage);
                    view! {
                        <li data-stage=format!("{stage:?}").to_lowercase() class:current=stage == ItemStage::Running>
                            <span class="item-title" lang="vi">{format!("{}. {}", item.number, item.title)}</span>
                            <span class="badge">{move || stage.label(i18n.lang())}</span>
                            {item.conclusion.clone().map(|c| view! { <p class="conclusion-text" lang="vi">{c}</p> })}
                            {(shown.chair && stage == ItemStage::Pending).then(|| view! {
                                <button
                                    type="button"
                                    class="button small"
                                    disabled=move || !running()
                                    on:click=move |_| shown.act(RoomAct::StartItem(id))
                                >{move || t().start_item}</button>
                            })}
                        </li>
                    }
                }).collect_view()}
            </ol>
        </section>
    }
}
