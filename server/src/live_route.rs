//! `GET /api/live`: the live channel of one signed-in page, as Server-Sent Events.
//!
//! The stream sends `ready` once, then what concerns the page. When the page's session ends
//! (deactivation, "sign out other devices", a revoked passkey) it sends `ended` and closes:
//! the page drops what it shows. It re-checks its session when told its user's sessions
//! ended, when it fell behind, and once a minute (in case a cross-node event was lost) —
//! without counting as activity for the inactivity timeout.
//!
//! Meeting events carry the SSE `id:` of the stored event: a page that lost its connection
//! reconnects with `Last-Event-ID` (browsers do this by themselves) and first receives what
//! it missed, then the live events.
use std::collections::{HashMap, HashSet, VecDeque};
use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;

use axum::extract::State;
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use futures::stream::{self, Stream};
use http::HeaderMap;
use tokio::sync::broadcast::{error::RecvError, Receiver};
use uuid::Uuid;

use app::db::Db;
use app::error::AppError;
use app::i18n::Lang;
use app::identity::model::CurrentUser;
use app::identity::session::{self, Lookup};
use app::live::event::{LiveEvent, StreamMessage};
use app::live::hub::{Hub, Stamped};
use app::state::AppState;

use crate::respond::error_response;

const RECHECK: Duration = Duration::from_secs(60);

pub async fn stream(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let lang = Lang::from_headers(&headers);
    let Some(token) = session::token_from_headers(&headers) else {
        return error_response(&AppError::Unauthenticated, lang);
    };
    let (user, session_id) =
        match session::lookup(&state.db, &token, state.session_idle, session::Touch::Read).await {
            Ok(Lookup::Active { user, session_id }) => (user, session_id),
            Ok(_) => return error_response(&AppError::Unauthenticated, lang),
            Err(err) => return error_response(&err, lang),
        };
    // Subscribe before reading the backlog, so nothing falls between the two.
    let events = state.live.subscribe();
    let closing = state.live.closing();
    let backlog = match last_event_id(&headers) {
        Some(after) => match Hub::since(&state.db, after).await {
            Ok(missed) => missed,
            Err(err) => return error_response(&err.into(), lang),
        },
        None => Vec::new(),
    };
    let replayed_up_to = backlog.last().map_or(0, |e| e.id);
    let visible = match visible_meetings(&state.db, &user).await {
        Ok(v) => v,
        Err(err) => return error_response(&err, lang),
    };
    let last_seen = match session::still_open(&state.db, session_id).await {
        Ok(Some(at)) => at,
        Ok(None) => return error_response(&AppError::Unauthenticated, lang),
        Err(err) => return error_response(&err, lang),
    };
    let follower = Follower {
        db: state.db.clone(),
        events,
        closing,
        user,
        session_id,
        idle: state.session_idle,
        last_seen,
        visible,
        ballots: HashSet::new(),
        guest_items: HashMap::new(),
        backlog: backlog.into(),
        replayed_up_to,
        step: Step::Start,
    };
    Sse::new(messages(follower))
        .keep_alive(KeepAlive::default())
        .into_response()
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Step {
    Start,
    Following,
    Done,
}

struct Follower {
    db: Db,
    events: Receiver<Stamped>,
    /// The node is stopping: end the stream (without `ended`: the session stays valid, and
    /// the page reconnects by itself, resuming from the last event it received).
    closing: tokio::sync::watch::Receiver<bool>,
    user: CurrentUser,
    session_id: Uuid,
    /// The inactivity timeout, and when the session last saw its person (as read at the last
    /// check): past the timeout nothing more is sent before the session is asked again.
    idle: chrono::Duration,
    last_seen: chrono::DateTime<chrono::Utc>,
    /// The meetings this user may see: events of others never reach the page.
    visible: HashSet<Uuid>,
    /// Ballots this user was found to see (asked once each; a ballot stays visible to those
    /// asked on it once sent).
    ballots: HashSet<Uuid>,
    /// For a guest, the items they are invited to per meeting (read once, again after the
    /// meeting changed): the room they receive shows only those.
    guest_items: HashMap<Uuid, HashSet<Uuid>>,
    /// Stored events the page missed while disconnected, sent first.
    backlog: VecDeque<Stamped>,
    /// The last replayed id: live events up to it were already sent.
    replayed_up_to: i64,
    step: Step,
}

/// The id of the last event a reconnecting page received.
fn last_event_id(headers: &HeaderMap) -> Option<i64> {
    headers
        .get("last-event-id")?
        .to_str()
        .ok()?
        .trim()
        .parse()
        .ok()
}

/// What wakes a stream.
enum Wake {
    /// Re-check the session (it may have ended).
    Check,
    /// Something of a meeting the user may see changed (with the stored event's id, 0 if
    /// none): what to send.
    Meeting(Uuid, i64, StreamMessage),
    /// The room of a meeting the user may see, as they may see it (with the event's id).
    Room(i64, Arc<str>),
    /// The node is stopping.
    Close,
}

async fn visible_meetings(db: &Db, user: &CurrentUser) -> Result<HashSet<Uuid>, AppError> {
    Ok(app::meetings::store::list_for(db, user)
        .await?
        .into_iter()
        .map(|m| m.id)
        .collect())
}

impl Follower {
    /// Wait for the next thing the page must hear of, or a reason to re-check the session.
    async fn next(&mut self) -> Wake {
        loop {
            let stamped = if let Some(missed) = self.backlog.pop_front() {
                missed
            } else {
                tokio::select! {
                    received = self.events.recv() => match received {
                        Ok(stamped) if stamped.id != 0 && stamped.id <= self.replayed_up_to => {
                            continue;
                        }
                        Ok(stamped) => stamped,
                        Err(RecvError::Lagged(_)) => return Wake::Check,
                        // The hub is gone: the server is stopping.
                        Err(RecvError::Closed) => return Wake::Close,
                    },
                    () = tokio::time::sleep(RECHECK) => return Wake::Check,
                    _ = self.closing.wait_for(|closing| *closing) => return Wake::Close,
                }
            };
            if chrono::Utc::now() - self.last_seen > self.idle {
                // Perhaps locked: kept for after the check, which ends the stream if so.
                self.backlog.push_front(stamped);
                return Wake::Check;
            }
            match stamped.event {
                LiveEvent::SessionsEnded { user_id } if user_id == self.user.id => {
                    return Wake::Check;
                }
                LiveEvent::SessionsEnded { .. } => {}
                LiveEvent::MeetingChanged { .. }
                | LiveEvent::TextRead { .. }
                | LiveEvent::PositionsChanged { .. }
                | LiveEvent::CommentsChanged { .. }
                | LiveEvent::RoomChanged { .. } => {
                    let Some((meeting_id, kind)) = stamped.event.meeting() else {
                        continue;
                    };
                    // Asked again when not known to be visible (perhaps just published to this
                    // user), and on every change of the meeting itself, which is how access
                    // changes travel (invitees, guests' items, publication, cancellation).
                    if kind == StreamMessage::Meeting || !self.visible.contains(&meeting_id) {
                        match app::meetings::store::visible(&self.db, &self.user, meeting_id).await
                        {
                            Ok(true) => {
                                self.visible.insert(meeting_id);
                            }
                            Ok(false) => {
                                self.guest_items.remove(&meeting_id);
                                if self.visible.remove(&meeting_id) {
                                    // Seen until now: the page is told once, re-reads, and
                                    // finds nothing; nothing of the meeting follows.
                                    return Wake::Meeting(
                                        meeting_id,
                                        stamped.id,
                                        StreamMessage::Meeting,
                                    );
                                }
                                continue;
                            }
                            Err(_) => return Wake::Check,
                        }
                    }
                    if kind == StreamMessage::Meeting {
                        // Items or guests may have changed.
                        self.guest_items.remove(&meeting_id);
                    }
                    if let LiveEvent::RoomChanged { room, .. } = stamped.event {
                        return match self.room_for_user(meeting_id, room).await {
                            Some(room) => Wake::Room(stamped.id, room),
                            None => Wake::Check,
                        };
                    }
                    return Wake::Meeting(meeting_id, stamped.id, kind);
                }
                LiveEvent::BallotChanged { ballot_id } => {
                    // The secretariat sees every ballot; a member those they are asked on,
                    // once sent (asked of the database once per ballot and stream).
                    // Asked on every change (ballot events are few; who is asked may change
                    // while it is a draft).
                    match app::ballots::store::visible(&self.db, &self.user, ballot_id).await {
                        Ok(true) => {
                            self.ballots.insert(ballot_id);
                        }
                        Ok(false) => {
                            if !self.ballots.remove(&ballot_id) {
                                continue;
                            }
                        }
                        Err(_) => return Wake::Check,
                    }
                    return Wake::Meeting(ballot_id, stamped.id, StreamMessage::Ballot);
                }
                LiveEvent::TaskChanged { task_id } => {
                    // Those who may see the task: its ministries' people, the secretariat
                    // and the leaders (asked of the database on every change: tasks change
                    // a few times a day).
                    match app::tasks::store::visible(&self.db, &self.user, task_id).await {
                        Ok(true) => return Wake::Meeting(task_id, stamped.id, StreamMessage::Task),
                        Ok(false) => continue,
                        Err(_) => return Wake::Check,
                    }
                }
            }
        }
    }
}

impl Follower {
    /// The room as this user may see it (`None`: the database could not say).
    async fn room_for_user(&mut self, meeting_id: Uuid, room: Arc<str>) -> Option<Arc<str>> {
        if self.user.role != app::identity::model::Role::Guest {
            // Everyone else forwards the same bytes, written once per change.
            return Some(room);
        }
        if !self.guest_items.contains_key(&meeting_id) {
            let items = app::room::store::guest_items(&self.db, self.user.id, meeting_id)
                .await
                .ok()?;
            self.guest_items.insert(meeting_id, items);
        }
        let items = self.guest_items.get(&meeting_id)?;
        let whole: app::room::model::Room = serde_json::from_str(&room).ok()?;
        serde_json::to_string(&whole.for_guest(items))
            .ok()
            .map(Arc::from)
    }
}

fn room_message(event_id: i64, room: &str) -> Result<Event, Infallible> {
    let event = Event::default()
        .event(StreamMessage::Room.name())
        .data(room);
    Ok(if event_id > 0 {
        event.id(event_id.to_string())
    } else {
        event
    })
}

fn message(kind: StreamMessage) -> Result<Event, Infallible> {
    Ok(Event::default().event(kind.name()).data("{}"))
}

fn meeting_message(
    meeting_id: Uuid,
    event_id: i64,
    kind: StreamMessage,
) -> Result<Event, Infallible> {
    let key = match kind {
        StreamMessage::Ballot => "ballot_id",
        StreamMessage::Task => "task_id",
        _ => "meeting_id",
    };
    let event = Event::default()
        .event(kind.name())
        .data(format!("{{\"{key}\":\"{meeting_id}\"}}"));
    Ok(if event_id > 0 {
        event.id(event_id.to_string())
    } else {
        event
    })
}

fn messages(follower: Follower) -> impl Stream<Item = Result<Event, Infallible>> {
    stream::unfold(follower, |mut f| async move {
        match f.step {
            Step::Done => None,
            Step::Start => {
                f.step = Step::Following;
                Some((message(StreamMessage::Ready), f))
            }
            Step::Following => loop {
                match f.next().await {
                    Wake::Meeting(id, event_id, kind) => {
                        return Some((meeting_message(id, event_id, kind), f));
                    }
                    Wake::Room(event_id, room) => return Some((room_message(event_id, &room), f)),
                    Wake::Close => return None,
                    Wake::Check => {}
                }
                match session::still_open(&f.db, f.session_id).await {
                    // Locked (its person idle): the stream stops, without `ended` (the page
                    // keeps what it shows under its lock, and opens a new stream once
                    // unlocked). Nothing more of any meeting flows to an unattended tablet.
                    Ok(Some(last_seen)) if chrono::Utc::now() - last_seen > f.idle => {
                        return None;
                    }
                    Ok(Some(last_seen)) => {
                        f.last_seen = last_seen;
                        continue;
                    }
                    // Ended, or the database is unreachable: a page must not keep content
                    // on a session nobody can vouch for.
                    Ok(None) | Err(_) => {
                        f.step = Step::Done;
                        return Some((message(StreamMessage::Ended), f));
                    }
                }
            },
        }
    })
}
