//! The second pair of eyes: enrolment requests waiting for approval, and the link an approval
//! makes — shown here once, to the approver alone, for the hand-over in person.
use leptos::prelude::*;

use crate::i18n::use_i18n;
use crate::identity::account_admin_api::{approve_enrolment, pending_enrolments, refuse_enrolment};
use crate::identity::model::IssuedLink;
use crate::identity::texts::texts;
use crate::ui::error_pages::ErrorPanel;
use crate::ui::format::{date_time, vietnam_time};
use crate::ui::texts::texts as ui_texts;

/// The open requests; `requests_version` changes when the page made or changed one.
#[component]
pub fn Approvals(requests_version: Signal<(usize, usize, usize, usize)>) -> impl IntoView {
    let i18n = use_i18n();
    let approve = Action::new(|id: &String| {
        let id = id.clone();
        async move { approve_enrolment(id).await }
    });
    let refuse = Action::new(|id: &String| {
        let id = id.clone();
        async move { refuse_enrolment(id).await }
    });
    let pending = Resource::new(
        move || {
            (
                requests_version.get(),
                approve.version().get(),
                refuse.version().get(),
            )
        },
        |_| pending_enrolments(),
    );
    let issued = move || approve.value().get();
    let refused_error = move || match refuse.value().get() {
        Some(Err(e)) => {
            Some(view! { <p class="form-error" role="alert">{e.message(i18n.lang())}</p> })
        }
        _ => None,
    };
    view! {
        {move || match issued() {
            Some(Ok(link)) => view! { <IssuedLinks links=vec![link]/> }.into_any(),
            Some(Err(e)) => view! { <p class="form-error" role="alert">{e.message(i18n.lang())}</p> }
                .into_any(),
            None => ().into_any(),
        }}
        {refused_error}
        <section class="panel" aria-labelledby="pending-title">
            <h2 id="pending-title">{move || texts(i18n.lang()).pending_links_title}</h2>
            <p class="muted">{move || texts(i18n.lang()).pending_links_hint}</p>
            <Suspense fallback=move || view! { <p class="loading">{move || ui_texts(i18n.lang()).loading}</p> }>
                {move || Suspend::new(async move {
                    match pending.await {
                        Ok(rows) if rows.is_empty() => {
                            view! { <p>{move || texts(i18n.lang()).pending_links_none}</p> }.into_any()
                        }
                        Ok(rows) => view! {
                            <ul class="plain-list pending-links">
                                {rows
                                    .into_iter()
                                    .map(|r| {
                                        let (approve_id, refuse_id) = (r.id.to_string(), r.id.to_string());
                                        let at = r.requested_at;
                                        let name = r.full_name.clone();
                                        let role = r.role;
                                        view! {
                                            <li>
                                                <strong lang="vi">{r.full_name.clone()}</strong>
                                                " · "
                                                {move || role.label(i18n.lang())}
                                                {r.reset.then(|| view! { <span class="badge">{move || texts(i18n.lang()).pending_reset}</span> })}
                                                <br/>
                                                <span class="muted">
                                                    {move || format!("{}: {}, {}", texts(i18n.lang()).pending_requested_by, r.requested_by, date_time(vietnam_time(at), i18n.lang()))}
                                                </span>
                                                <div class="actions">
                                                    {(!r.mine).then(|| {
                                                        let name = name.clone();
                                                        view! {
                                                            <button
                                                                type="button"
                                                                class="button primary"
                                                                aria-label=move || format!("{} — {}", texts(i18n.lang()).approve_link, name)
                                                                disabled=move || approve.pending().get()
                                                                on:click=move |_| { approve.dispatch(approve_id.clone()); }
                                                            >
                                                                {move || texts(i18n.lang()).approve_link}
                                                            </button>
                                                        }
                                                    })}
                                                    <button
                                                        type="button"
                                                        class="button"
                                                        aria-label=move || format!("{} — {}", if r.mine { texts(i18n.lang()).withdraw_link } else { texts(i18n.lang()).refuse_link }, name)
                                                        on:click=move |_| { refuse.dispatch(refuse_id.clone()); }
                                                    >
                                                        {move || if r.mine { texts(i18n.lang()).withdraw_link } else { texts(i18n.lang()).refuse_link }}
                                                    </button>
                                                </div>
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                        }
                        .into_any(),
                        Err(error) => view! { <ErrorPanel error/> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

/// Links just made by an approval, to hand over in person.
#[component]
pub fn IssuedLinks(links: Vec<IssuedLink>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="panel issued-links" role="status" aria-labelledby="issued-title">
            <h2 id="issued-title">{move || texts(i18n.lang()).issued_links_title}</h2>
            <p>{move || texts(i18n.lang()).issued_links_hint}</p>
            <ul class="plain-list">
                {links
                    .into_iter()
                    .map(|l| {
                        let expires = l.expires_at;
                        view! {
                            <li>
                                <strong lang="vi">{l.full_name.clone()}</strong>
                                <code class="link">{l.link.clone()}</code>
                                <span class="muted">
                                    {move || format!("{} {}", texts(i18n.lang()).valid_until, date_time(vietnam_time(expires), i18n.lang()))}
                                </span>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </section>
    }
}
