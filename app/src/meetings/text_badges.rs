//! A document's text badges (its status, and the flag of a scan), kept current on their own.
//!
//! When the text job moves on, the live channel says "text" for the meeting. Only these badges
//! re-read (one call for the meeting's documents); the page around them is not rebuilt, so a
//! form being filled in keeps its values and its focus.
use std::collections::HashMap;

use leptos::prelude::*;
use uuid::Uuid;

use crate::i18n::use_i18n;
use crate::meetings::model::{DocumentText, TextStatus};

/// The latest statuses read for a meeting's documents (empty until the first "text" event:
/// until then the badges show what the page was rendered with).
#[derive(Clone, Copy)]
pub struct DocumentTexts(RwSignal<HashMap<Uuid, DocumentText>>);

/// Give the page's badges of `meeting_id` their statuses, re-read on each "text" event.
pub fn provide_document_texts(meeting_id: Uuid) {
    let latest = RwSignal::new(HashMap::new());
    let version = expect_context::<crate::live::TextVersion>().0;
    Effect::watch(
        move || version.get(),
        move |_, _, _| {
            #[cfg(feature = "hydrate")]
            leptos::task::spawn_local(async move {
                let read = crate::meetings::api::meeting_texts(meeting_id.to_string()).await;
                if let Ok(texts) = read {
                    let texts = texts.into_iter().map(|t| (t.id, t));
                    latest.try_set(texts.collect());
                }
            });
            #[cfg(not(feature = "hydrate"))]
            let _ = (meeting_id, latest);
        },
        false,
    );
    provide_context(DocumentTexts(latest));
}

/// Which badges a page shows: the secretariat follows every status; members see only what
/// concerns them (no text to search, pages that are scans).
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum BadgesFor {
    Secretariat,
    Members,
}

/// The badges of one document, starting from `rendered` (what the page was read with).
#[component]
pub fn TextBadges(rendered: DocumentText, shown: BadgesFor) -> impl IntoView {
    let i18n = use_i18n();
    let latest = use_context::<DocumentTexts>();
    let id = rendered.id;
    let current = move || {
        latest
            .and_then(|l| l.0.with(|m| m.get(&id).cloned()))
            .unwrap_or_else(|| rendered.clone())
    };
    move || {
        let t = current();
        let status = t.text_status;
        let status_badge =
            (shown == BadgesFor::Secretariat || status == TextStatus::Failed).then(|| {
                view! {
                    <span class=format!("badge text-{}", status.as_str())>
                        {move || status.label(i18n.lang())}
                    </span>
                }
            });
        let (n, pages) = (t.pages_without_text, t.page_count);
        let scan = (n > 0).then(|| {
            view! {
                <span class="badge warn scan-flag">
                    {move || crate::meetings::texts::scan_flag(n, pages, i18n.lang())}
                </span>
            }
        });
        (status_badge, scan)
    }
}
