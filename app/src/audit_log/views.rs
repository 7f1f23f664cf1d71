//! The audit page: the secretariat browses and filters every record; administrators the
//! security events.
use leptos::prelude::*;
use leptos_meta::Title;

use crate::audit::event::AuditEvent;
use crate::audit::model::{AuditFilter, AuditRow};
use crate::audit_log::api::get_audit_log;
use crate::audit_log::texts::texts;
use crate::i18n::use_i18n;
use crate::ui::error_pages::ErrorPanel;
use crate::ui::format::{date_time, vietnam_time};
use crate::ui::table_scroll::TableScroll;
use crate::ui::texts::texts as ui_texts;

#[component]
pub fn AuditPage() -> impl IntoView {
    let i18n = use_i18n();
    let filter = RwSignal::new(AuditFilter::default());
    let page = Resource::new(move || filter.get(), get_audit_log);
    let [event, actor, from, to]: [RwSignal<String>; 4] =
        std::array::from_fn(|_| RwSignal::new(String::new()));
    let apply = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        filter.set(AuditFilter {
            event: event.get_untracked(),
            actor: actor.get_untracked(),
            from: from.get_untracked(),
            to: to.get_untracked(),
            before: None,
        });
    };
    view! {
        <Title text=move || texts(i18n.lang()).audit_title/>
        <h1>{move || texts(i18n.lang()).audit_title}</h1>
        <form class="panel filters" on:submit=apply>
            <label class="field">
                <span>{move || texts(i18n.lang()).audit_event}</span>
                <select on:change=move |ev| event.set(event_target_value(&ev))>
                    <option value="">{move || texts(i18n.lang()).audit_all_events}</option>
                    {AuditEvent::ALL
                        .iter()
                        .map(|e| {
                            let e = *e;
                            view! { <option value=e.as_str()>{move || e.label(i18n.lang())}</option> }
                        })
                        .collect_view()}
                </select>
            </label>
            <label class="field">
                <span>{move || texts(i18n.lang()).audit_actor}</span>
                <input type="text" bind:value=actor/>
            </label>
            <label class="field">
                <span>{move || texts(i18n.lang()).audit_from}</span>
                <input type="date" bind:value=from/>
            </label>
            <label class="field">
                <span>{move || texts(i18n.lang()).audit_to}</span>
                <input type="date" bind:value=to/>
            </label>
            <button type="submit" class="button primary">{move || texts(i18n.lang()).audit_apply}</button>
        </form>
        <Suspense fallback=move || view! { <p class="loading">{move || ui_texts(i18n.lang()).loading}</p> }>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(page) => {
                        let next = page.next_before;
                        view! {
                            {page.security_only.then(|| view! { <p class="muted">{move || texts(i18n.lang()).audit_security_only}</p> })}
                            <AuditTable rows=page.rows/>
                            {next.map(|before| view! {
                                <button
                                    type="button"
                                    class="button"
                                    on:click=move |_| filter.update(|f| f.before = Some(before))
                                >
                                    {move || texts(i18n.lang()).audit_older}
                                </button>
                            })}
                        }
                            .into_any()
                    }
                    Err(error) => view! { <ErrorPanel error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn AuditTable(rows: Vec<AuditRow>) -> impl IntoView {
    let i18n = use_i18n();
    if rows.is_empty() {
        return view! { <p>{move || texts(i18n.lang()).audit_empty}</p> }.into_any();
    }
    view! {
        <TableScroll label=move || texts(i18n.lang()).audit_title.to_owned()>
            <table class="audit">
                <thead>
                    <tr>
                        <th scope="col">"#"</th>
                        <th scope="col">{move || ui_texts(i18n.lang()).when}</th>
                        <th scope="col">{move || texts(i18n.lang()).audit_event}</th>
                        <th scope="col">{move || texts(i18n.lang()).audit_actor}</th>
                        <th scope="col">{move || texts(i18n.lang()).audit_subject}</th>
                    </tr>
                </thead>
                <tbody>
                    {rows
                        .into_iter()
                        .map(|r| {
                            let at = r.at;
                            let name = r.event.clone();
                            let event = AuditEvent::parse(&r.event);
                            view! {
                                <tr>
                                    <td>{r.seq}</td>
                                    <td>{move || date_time(vietnam_time(at), i18n.lang())}</td>
                                    <td>
                                        {move || event.map(|e| e.label(i18n.lang()).to_owned()).unwrap_or_else(|| name.clone())}
                                    </td>
                                    <td>{r.actor.clone().unwrap_or_else(|| "—".to_owned())}</td>
                                    <td>{r.subject.clone().unwrap_or_else(|| "—".to_owned())}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </TableScroll>
    }
        .into_any()
}
