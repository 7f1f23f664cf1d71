//! The live usage panel: who is online now, documents opened today, answers pending.
use leptos::prelude::*;

use crate::analytics::api::get_live_usage;
use crate::analytics::texts::texts;
use crate::i18n::use_i18n;

/// Online now, documents opened today, answers pending; refreshed every 30 seconds.
#[component]
pub fn LiveUsagePanel() -> impl IntoView {
    let i18n = use_i18n();
    let t = move || texts(i18n.lang());
    let tick = RwSignal::new(0_u64);
    #[cfg(feature = "hydrate")]
    {
        // Not while the page is locked: a locked tablet asks nothing of the server.
        let guard = use_context::<crate::identity::lock::PageGuard>();
        if let Ok(handle) = set_interval_with_handle(
            move || {
                if !guard.is_some_and(|g| g.locked.get_untracked()) {
                    tick.update(|v| *v += 1);
                }
            },
            std::time::Duration::from_secs(30),
        ) {
            on_cleanup(move || handle.clear());
        }
    }
    let usage = Resource::new(move || tick.get(), |_| get_live_usage());
    view! {
        <section class="panel usage" aria-labelledby="usage-title">
            <h2 id="usage-title">{move || t().usage}</h2>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    usage.await.ok().map(|u| view! {
                        <dl class="stats">
                            <div class="stat"><dt>{move || t().online}</dt><dd data-testid="online-count">{u.online.len()}</dd></div>
                            <div class="stat"><dt>{move || t().opened_today}</dt><dd>{move || format!("{} · {} {}", u.documents_opened_today, u.readers_today, t().readers)}</dd></div>
                        </dl>
                        <p class="muted online-names">{u.online.join(", ")}</p>
                        <h3>{move || t().pending}</h3>
                        {if u.pending.is_empty() {
                            view! { <p class="muted">{move || t().nothing_pending}</p> }.into_any()
                        } else {
                            view! {
                                <ul>
                                    {u.pending.into_iter().map(|(id, title, n)| view! {
                                        <li><a href=format!("/ballots/{id}")>{title}</a>" · "{n}</li>
                                    }).collect_view()}
                                </ul>
                            }.into_any()
                        }}
                    })
                })}
            </Suspense>
        </section>
    }
}
