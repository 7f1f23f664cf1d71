//! The meetings list and the meeting page. Both re-load when the live channel says a
//! meeting changed (publication, a new document) — no page reload needed.
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;
use uuid::Uuid;

use crate::i18n::use_i18n;
use crate::identity::model::{CurrentUser, Person, Role};
use crate::meetings::api::{get_meeting, list_meetings};
use crate::meetings::model::{AgendaItem, MeetingDetail, MeetingState, MeetingSummary};
use crate::meetings::text_badges::{BadgesFor, TextBadges};
use crate::meetings::texts::texts;
use crate::ui::error_pages::ErrorPanel;
use crate::ui::format;
use crate::ui::texts::texts as ui_texts;

#[component]
pub fn MeetingsPage() -> impl IntoView {
    let i18n = use_i18n();
    let live = expect_context::<crate::live::LiveVersion>().0;
    let meetings = Resource::new(move || live.get(), |_| list_meetings());
    view! {
        <Title text=move || texts(i18n.lang()).meetings_title/>
        <Transition fallback=move || view! { <p class="loading">{move || ui_texts(i18n.lang()).loading}</p> }>
            {move || Suspend::new(async move {
                match meetings.await {
                    Ok(list) => view! { <MeetingList list/> }.into_any(),
                    Err(error) => view! { <ErrorPanel error/> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn MeetingList(list: Vec<MeetingSummary>) -> impl IntoView {
    let i18n = use_i18n();
    let empty = list.is_empty();
    let secretariat = is_secretariat();
    view! {
        <section class="panel">
            <h1>{move || texts(i18n.lang()).meetings_title}</h1>
            {move || secretariat().then(|| view! {
                <a class="button primary" href="/meetings/new">{move || texts(i18n.lang()).new_meeting}</a>
            })}
            {empty.then(|| view! { <p>{move || texts(i18n.lang()).meetings_empty}</p> })}
            <ul class="meeting-list">
                {list
                    .into_iter()
                    .map(|m| {
                        let href = format!("/meetings/{}", m.id);
                        let (kind, state, starts, count) = (m.kind, m.state, m.starts_local, m.item_count);
                        view! {
                            <li>
                                <a class="meeting-card" href=href>
                                    <span class="meeting-kind">{move || kind.label(i18n.lang())}</span>
                                    <span class="meeting-title" lang="vi">{m.title.clone()}</span>
                                    <span class="meeting-meta">
                                        <span>{move || format::date_time(starts, i18n.lang())}</span>
                                        <span>
                                            {move || format!("{count} {}", texts(i18n.lang()).agenda_items_count)}
                                        </span>
                                        <span class=format!("badge state-{}", state.as_str())>
                                            {move || state.label(i18n.lang())}
                                        </span>
                                    </span>
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </section>
    }
}

/// What another domain shows on a meeting's page, in its place (the reader's notes on the
/// meeting's documents): the routes provide it, so that meetings need not know the reader.
#[derive(Clone, Copy)]
pub struct MeetingExtras {
    pub notes: Callback<Uuid, AnyView>,
}

#[component]
pub fn MeetingPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let live = expect_context::<crate::live::LiveVersion>().0;
    let session = expect_context::<crate::identity::session_resource::SessionResource>().0;
    let meeting = Resource::new(
        move || (params.read().get("id").unwrap_or_default(), live.get()),
        |(id, _)| get_meeting(id),
    );
    view! {
        <Transition fallback=move || view! { <p class="loading">{move || ui_texts(i18n.lang()).loading}</p> }>
            {move || Suspend::new(async move {
                // Both known before rendering, so the browser hydrates what the server rendered.
                let viewer = session.await.ok().and_then(|s| s.user);
                match meeting.await {
                    Ok(detail) => view! { <MeetingView detail viewer/> }.into_any(),
                    Err(error) => view! { <ErrorPanel error/> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn MeetingView(detail: MeetingDetail, viewer: Option<CurrentUser>) -> impl IntoView {
    let i18n = use_i18n();
    let s = detail.summary;
    let (kind, state, starts, planned) = (s.kind, s.state, s.starts_local, s.planned_minutes);
    let items_total: i64 = detail.items.iter().map(|i| i.planned_minutes).sum();
    let place = detail.place.clone();
    let online = detail.online;
    let title = s.title.clone();
    let meeting_id = s.id;
    let changes = detail.changes.clone();
    let secretariat = is_secretariat();
    let chair_id = detail.chair.as_ref().map(|c| c.id);
    // Members state a position on each item until the meeting starts.
    let positions_open = matches!(state, MeetingState::Published | MeetingState::Postponed);
    if positions_open && viewer.as_ref().is_some_and(|u| u.role == Role::Member) {
        crate::meetings::positions::views::provide_my_positions(meeting_id);
    }
    crate::meetings::comments::views::provide_meeting_comments(meeting_id);
    crate::meetings::text_badges::provide_document_texts(meeting_id);
    let sees_positions = viewer
        .as_ref()
        .is_some_and(|u| u.role == Role::Secretariat || Some(u.id) == chair_id)
        && state != MeetingState::Draft;
    view! {
        <Title text=title.clone()/>
        <p class="breadcrumb">
            <a href="/">{move || texts(i18n.lang()).back_to_meetings}</a>
            {move || secretariat().then(|| view! {
                " · "
                <a href=format!("/meetings/{meeting_id}/edit")>{move || texts(i18n.lang()).edit_meeting}</a>
                " · "
                <a href=format!("/meetings/{meeting_id}/readiness")>{move || texts(i18n.lang()).readiness_title}</a>
            })}
        </p>
        <section class="panel meeting-head">
            <p class="meeting-kind">
                {move || kind.label(i18n.lang())}
                " "
                <span class=format!("badge state-{}", state.as_str())>{move || state.label(i18n.lang())}</span>
            </p>
            <h1 lang="vi">{title}</h1>
            {(state != MeetingState::Draft).then(|| {
                let primary = state == MeetingState::InProgress;
                view! {
                    <p>
                        <a class="button" class:primary=primary href=format!("/meetings/{meeting_id}/room")>
                            {move || crate::meetings::texts::texts(i18n.lang()).enter_room}
                        </a>
                    </p>
                }
            })}
            <dl class="facts">
                <div>
                    <dt>{move || ui_texts(i18n.lang()).when}</dt>
                    <dd>{move || format::date_time(starts, i18n.lang())}</dd>
                </div>
                <div>
                    <dt>{move || texts(i18n.lang()).place}</dt>
                    <dd>
                        <span lang="vi">{place.clone().unwrap_or_default()}</span>
                        {move || {
                            let online_text = texts(i18n.lang()).online;
                            match (online, place.is_some()) {
                                (false, _) => String::new(),
                                (true, true) => format!(" · {online_text}"),
                                (true, false) => online_text.to_owned(),
                            }
                        }}
                    </dd>
                </div>
                {detail.chair.map(|chair| view! {
                    <div>
                        <dt>{move || texts(i18n.lang()).chair}</dt>
                        <dd><PersonLine person=chair/></dd>
                    </div>
                })}
                <div>
                    <dt>{move || texts(i18n.lang()).planned_duration}</dt>
                    <dd>{move || format::duration(planned, i18n.lang())}</dd>
                </div>
            </dl>
        </section>
        {sees_positions.then(|| view! {
            <crate::meetings::positions::views::PositionSummaryPanel meeting_id/>
        })}
        <section class="panel" aria-labelledby="agenda-title">
            <h2 id="agenda-title">{move || texts(i18n.lang()).agenda}</h2>
            <ol class="agenda">
                {detail.items.into_iter().map(|item| view! { <AgendaItemView item/> }).collect_view()}
            </ol>
            <p class="agenda-total">
                {move || {
                    format!(
                        "{}: {} / {}",
                        texts(i18n.lang()).total_planned,
                        format::duration(items_total, i18n.lang()),
                        format::duration(planned, i18n.lang()),
                    )
                }}
            </p>
        </section>
        {(!changes.is_empty()).then(|| view! {
            <section class="panel changes" aria-labelledby="changes-title">
                <h2 id="changes-title">{move || texts(i18n.lang()).changes_title}</h2>
                <ul class="plain-list">
                    {changes.into_iter().map(|c| {
                        let at = c.at;
                        let kind = c.kind;
                        view! {
                            <li>
                                {move || format::date_time(format::vietnam_time(at), i18n.lang())}
                                " — "
                                {move || kind.label(i18n.lang())}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </section>
        })}
        {use_context::<MeetingExtras>().map(|extras| extras.notes.run(meeting_id))}
        <section class="panel" aria-labelledby="invitees-title">
            <h2 id="invitees-title">{move || texts(i18n.lang()).invitees}</h2>
            <ol class="people">
                {detail
                    .invitees
                    .into_iter()
                    .map(|person| view! { <li><PersonLine person/></li> })
                    .collect_view()}
            </ol>
        </section>
    }
}

#[component]
fn AgendaItemView(item: AgendaItem) -> impl IntoView {
    let i18n = use_i18n();
    let minutes = item.planned_minutes;
    let presenter = item.presenter.clone();
    let has_documents = !item.documents.is_empty();
    let documents_for_comments: Vec<(uuid::Uuid, String)> = item
        .documents
        .iter()
        .map(|d| (d.id, d.title.clone()))
        .collect();
    let has_guests = !item.guests.is_empty();
    view! {
        <li class="agenda-item" id=format!("item-{}", item.id)>
            <div class="agenda-number" aria-hidden="true">{item.number}</div>
            <div class="agenda-body">
                <h3 lang="vi">{item.title.clone()}</h3>
                <p class="agenda-meta">
                    {presenter.map(|p| view! {
                        <span>{move || format!("{}: {}", texts(i18n.lang()).presenter, p.get(i18n.lang()))}</span>
                    })}
                    <span>{move || format::duration(minutes, i18n.lang())}</span>
                </p>
                {if has_documents {
                    view! {
                        <ul class="documents" aria-label=move || texts(i18n.lang()).documents>
                            {item
                                .documents
                                .into_iter()
                                .map(|d| {
                                    let pages = d.page_count;
                                    let updated = (d.version_no > 1).then_some(d.updated_at);
                                    // "12 → 14 trang" when a new version changed the length.
                                    let page_change = d.previous_page_count
                                        .zip(pages)
                                        .filter(|(before, now)| before != now);
                                    let rendered = crate::meetings::model::DocumentText::from(&d);
                                    view! {
                                        <li class="document">
                                            <span class="doc-icon" aria-hidden="true">"PDF"</span>
                                            <a class="doc-title" href=format!("/documents/{}/read", d.id) rel="external" lang="vi">{d.title}</a>
                                            {pages.map(|n| view! {
                                                <span class="doc-pages">{move || crate::ui::format::pages(n, i18n.lang())}</span>
                                            })}
                                            {updated.map(|at| view! {
                                                <span class="badge updated">
                                                    {move || {
                                                        let mut text = format!("{} {}", texts(i18n.lang()).updated_on, format::date_time(format::vietnam_time(at), i18n.lang()));
                                                        if let Some((before, now)) = page_change {
                                                            text.push_str(&format!(" · {before} → {}", crate::ui::format::pages(now, i18n.lang())));
                                                        }
                                                        text
                                                    }}
                                                </span>
                                            })}
                                            <TextBadges rendered shown=BadgesFor::Members/>
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    }
                        .into_any()
                } else {
                    view! { <p class="muted">{move || texts(i18n.lang()).no_documents}</p> }.into_any()
                }}
                <crate::meetings::positions::views::PositionPicker item_id=item.id number=item.number/>
                <crate::meetings::comments::views::ItemComments item_id=item.id documents=documents_for_comments/>
                {has_guests.then(|| view! {
                    <p class="guests">
                        <span>{move || format!("{}: ", texts(i18n.lang()).guests)}</span>
                        {item.guests.into_iter().map(|person| view! { <PersonLine person/> }).collect_view()}
                    </p>
                })}
            </div>
        </li>
    }
}

/// "Nguyễn Văn A — Bộ trưởng Bộ Tài chính", with the title held at the time in question.
#[component]
fn PersonLine(person: Person) -> impl IntoView {
    let i18n = use_i18n();
    let title = person.title.clone();
    view! {
        <span class="person">
            <span class="person-name" lang="vi">{person.full_name.clone()}</span>
            {title.map(|t| view! { <span class="person-title">{move || t.get(i18n.lang()).to_owned()}</span> })}
        </span>
    }
}

/// Whether the viewer is the secretariat (who prepares meetings), as a reactive check.
fn is_secretariat() -> impl Fn() -> bool + Copy {
    let session = expect_context::<crate::identity::session_resource::SessionResource>().0;
    move || {
        session
            .get()
            .and_then(|s| s.ok())
            .and_then(|s| s.user)
            .is_some_and(|u| u.role == crate::identity::model::Role::Secretariat)
    }
}
