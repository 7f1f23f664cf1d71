//! Pages that show more than one domain. The routes put them together, so that the domains
//! need not know each other (see `docs/architecture.md`).
use leptos::prelude::*;
use uuid::Uuid;

use crate::ballots::views::page::{BallotPage, DocumentRemoval};
use crate::documents::reader_views::MeetingNotes;
use crate::meetings::views::{MeetingExtras, MeetingPage};

/// A meeting's page, with the reader's notes on the meeting's documents.
#[component]
pub fn MeetingWithNotes() -> impl IntoView {
    provide_context(MeetingExtras {
        notes: Callback::new(|meeting_id: Uuid| view! { <MeetingNotes meeting_id/> }.into_any()),
    });
    view! { <MeetingPage/> }
}

/// A ballot's page, whose draft documents are removed by the meetings' document endpoint.
#[component]
pub fn BallotWithRemoval() -> impl IntoView {
    provide_context(DocumentRemoval(Callback::new(|document: Uuid| {
        // The page re-reads through the live channel.
        leptos::task::spawn_local(async move {
            let _ = crate::meetings::editing::api::remove_document(document.to_string()).await;
        });
    })));
    view! { <BallotPage/> }
}
