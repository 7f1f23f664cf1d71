//! The page's subscription to the live channel: what changed bumps the matching version (the
//! page's resources re-read), and the room lands, as sent, in the [`RoomFeed`].
use leptos::prelude::*;

use crate::live::event::StreamMessage;
use crate::live::{
    BallotsVersion, CommentsVersion, LiveVersion, PositionsVersion, RoomFeed, TasksVersion,
    TextVersion,
};

/// The page's live signals, taken from the context the shell provides.
#[derive(Clone)]
pub struct Subscription {
    live: LiveVersion,
    positions: PositionsVersion,
    comments: CommentsVersion,
    ballots: BallotsVersion,
    tasks: TasksVersion,
    text: TextVersion,
    room: RoomFeed,
}

impl Subscription {
    pub fn from_context() -> Subscription {
        Subscription {
            live: expect_context(),
            positions: expect_context(),
            comments: expect_context(),
            ballots: expect_context(),
            tasks: expect_context(),
            text: expect_context(),
            room: expect_context(),
        }
    }

    /// Every page showing something re-reads it (after the channel was closed a while).
    pub fn refresh(&self) {
        self.live.0.update(|v| *v += 1);
        self.text.0.update(|v| *v += 1);
    }

    /// Open the channel; `on_ended` runs when the server says this session has ended.
    pub fn open(&self, on_ended: impl Fn() + 'static) -> Option<web_sys::EventSource> {
        let Subscription {
            live,
            positions,
            comments,
            ballots,
            tasks,
            text,
            room,
        } = self.clone();
        crate::live::browser::connect(
            on_ended,
            move |kind| {
                let version = match kind {
                    StreamMessage::Positions => positions.0,
                    StreamMessage::Comments => comments.0,
                    StreamMessage::Ballot => ballots.0,
                    StreamMessage::Task => tasks.0,
                    StreamMessage::Text => text.0,
                    _ => live.0,
                };
                version.update(|v| *v += 1);
            },
            move |data| room.0.set(Some((data, crate::live::page_clock_ms()))),
        )
    }
}
