//! The page's end of the live channel: an `EventSource` on `/api/live`.
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use crate::live::event::StreamMessage;

/// Open the live channel; `on_ended` runs when the server says this session has ended.
/// The browser reconnects by itself after a network drop.
pub fn connect(
    on_ended: impl Fn() + 'static,
    on_change: impl Fn(StreamMessage) + 'static,
    on_room: impl Fn(String) + 'static,
) -> Option<web_sys::EventSource> {
    let source = web_sys::EventSource::new("/api/live").ok()?;
    let ended_source = source.clone();
    let ended = Closure::<dyn Fn(web_sys::Event)>::new(move |_| {
        // Do not reconnect: the session is gone.
        ended_source.close();
        on_ended();
    });
    source
        .add_event_listener_with_callback(
            StreamMessage::Ended.name(),
            ended.as_ref().unchecked_ref(),
        )
        .ok()?;
    // The listener lives as long as the page.
    ended.forget();
    // Tests (and curious engineers) can tell when the channel is open: <body data-live>.
    let ready = Closure::<dyn Fn(web_sys::Event)>::new(move |_| {
        if let Some(body) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.body())
        {
            let _ = body.set_attribute("data-live", "ready");
        }
    });
    source
        .add_event_listener_with_callback(
            StreamMessage::Ready.name(),
            ready.as_ref().unchecked_ref(),
        )
        .ok()?;
    ready.forget();
    // What changed in a meeting the viewer may see: the page decides what to re-read.
    let on_change = std::rc::Rc::new(on_change);
    for kind in [
        StreamMessage::Meeting,
        StreamMessage::Positions,
        StreamMessage::Comments,
        StreamMessage::Text,
        StreamMessage::Ballot,
        StreamMessage::Task,
    ] {
        let on_change = on_change.clone();
        let changed = Closure::<dyn Fn(web_sys::Event)>::new(move |_| on_change(kind));
        source
            .add_event_listener_with_callback(kind.name(), changed.as_ref().unchecked_ref())
            .ok()?;
        changed.forget();
    }
    // The room arrives whole: its data is the room as this viewer may see it.
    let room =
        Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            if let Some(data) = event.data().as_string() {
                on_room(data);
            }
        });
    source
        .add_event_listener_with_callback(StreamMessage::Room.name(), room.as_ref().unchecked_ref())
        .ok()?;
    room.forget();
    Some(source)
}
