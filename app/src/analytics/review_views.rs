//! Whether a meeting counts in the savings, in its row of the table: the decision and its
//! reason for everyone who reads the dashboard; for the secretariat, the review itself.
use leptos::prelude::*;
use uuid::Uuid;

use crate::analytics::model::MeetingSavings;
use crate::analytics::texts::texts;
use crate::error::AppError;
use crate::i18n::use_i18n;

#[component]
pub fn CountsCell(m: MeetingSavings, may_review: bool, version: RwSignal<u64>) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || texts(i18n.lang());
    let counts = m.counts;
    let waiting = m.far_shorter && m.review.is_none();
    let reason = m
        .review
        .as_ref()
        .map(|r| format!("{} — {}", r.reason, r.decided_by));
    view! {
        <td class="counts" data-counts=counts.to_string()>
            {move || if waiting {
                view! { <span class="badge warn">{t().far_shorter}</span> }.into_any()
            } else {
                view! { <span>{if counts { t().counts_yes } else { t().counts_no }}</span> }.into_any()
            }}
            {reason.map(|r| view! { <span class="muted review-reason" lang="vi">{r}</span> })}
            {may_review.then(|| view! { <ReviewForm meeting=m.meeting_id version/> })}
        </td>
    }
}

/// Count or exclude a meeting, with the reason.
#[component]
fn ReviewForm(meeting: Uuid, version: RwSignal<u64>) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || texts(i18n.lang());
    let reason = RwSignal::new(String::new());
    let error = RwSignal::new(None::<AppError>);
    let decide = move |counts: bool| {
        let text = reason.get_untracked();
        #[cfg(feature = "hydrate")]
        leptos::task::spawn_local(async move {
            match crate::analytics::api::review_savings(meeting.to_string(), counts, text).await {
                Ok(()) => version.update(|v| *v += 1),
                Err(e) => error.set(Some(e)),
            }
        });
        #[cfg(not(feature = "hydrate"))]
        let _ = (text, counts, version, meeting);
    };
    view! {
        <details class="review">
            <summary>{move || t().review}</summary>
            <label class="field">
                <span>{move || t().review_reason}</span>
                <textarea rows="2" maxlength="500" bind:value=reason></textarea>
            </label>
            <p class="form-error" role="alert">{move || error.get().map(|e| e.message(i18n.lang()))}</p>
            <button type="button" class="button small" on:click=move |_| decide(true)>{move || t().review_count}</button>
            " "
            <button type="button" class="button small danger" on:click=move |_| decide(false)>{move || t().review_exclude}</button>
        </details>
    }
}
