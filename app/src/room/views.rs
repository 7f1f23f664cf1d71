//! `/meetings/:id/room`: the meeting as it runs. Everyone who sees the meeting follows it —
//! the current item with its documents, the clocks, the speaker queue, attendance, votes —
//! and it changes without reloading: the live channel pushes the whole room after each
//! change. The chair and the secretariat get the controls; members ask to speak.
mod attendance;
mod floor;

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
use crate::room::texts::{clock, texts};
use crate::ui::error_pages::ErrorPanel;

use crate::ui::texts::texts as ui_texts;
use attendance::AttendancePanel;
use floor::FloorPanel;

/// Milliseconds on the page's clock (0 on the server).
fn now_ms() -> f64 {
    #[cfg(feature = "hydrate")]
    {
        web_sys::js_sys::Date::now()
    }
    #[cfg(not(feature = "hydrate"))]
    {
        0.0
    }
}

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
        <Suspense fallback=move || view! { <p class="loading">{move || ui_texts(i18n.lang()).loading}</p> }>
            {move || Suspend::new(async move {
                let viewer = session.await.ok().and_then(|s| s.user);
                match room.await {
                    Ok(room) => view! { <RoomView room viewer/> }.into_any(),
                    Err(error) => view! { <ErrorPanel error/> }.into_any(),
                }
            })}
        </Suspense>
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
        received: RwSignal::new(now_ms()),
        now: RwSignal::new(now_ms()),
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
            move || shown.now.set(now_ms()),
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
            <a href=format!("/meetings/{meeting_id}")>{title.clone()}</a>
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
                    <CurrentItem shown/>
                    <FloorPanel shown/>
                </div>
                <div>
                    <Agenda shown/>
                    <Votes shown/>
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
            <strong class="clock-value" data-testid="meeting-clock">{move || clock(seconds())}</strong>
            " / "{move || clock(planned() * 60)}
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
    let consent_left = move || {
        shown
            .room
            .with(|r| r.items.iter().any(|i| i.stage == ItemStage::Pending))
    };
    let close = move |_| {
        #[cfg(feature = "hydrate")]
        {
            let sure = web_sys::window()
                .and_then(|w| {
                    w.confirm_with_message(texts(i18n.lang()).close_confirm)
                        .ok()
                })
                .unwrap_or(false);
            if !sure {
                return;
            }
        }
        shown.act(RoomAct::Close);
    };
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
                    <button
                        type="button"
                        class="button"
                        title=move || t().adopt_consent_hint
                        disabled=move || !consent_left()
                        on:click=move |_| shown.act(RoomAct::AdoptConsent)
                    >{move || t().adopt_consent}</button>
                    <button type="button" class="button danger" on:click=close>{move || t().close}</button>
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
                    <h3 class="current-title" data-item=id.to_string()>{format!("{number}. {title}")}</h3>
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
            <strong data-testid="item-clock">{move || clock(seconds())}</strong>
            " / "{clock(planned * 60)}
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

#[component]
fn VoteForm(shown: Shown, item: Uuid) -> impl IntoView {
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
                            <span class="item-title">{format!("{}. {}", item.number, item.title)}</span>
                            <span class="badge">{move || stage.label(i18n.lang())}</span>
                            {item.conclusion.clone().map(|c| view! { <p class="conclusion-text">{c}</p> })}
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

/// Votes taken in the meeting, with a link to answer (signed, on the ballot's page).
#[component]
fn Votes(shown: Shown) -> impl IntoView {
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
                            <a href=format!("/ballots/{}", v.ballot_id)>{v.title.clone()}</a>
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
                        </li>
                    }).collect_view()}
                </ul>
            </section>
        })}
    }
}
