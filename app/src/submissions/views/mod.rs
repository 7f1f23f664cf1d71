//! `/submissions`: the submissions the viewer may see (a ministry its own, the Government
//! Office all), and for a ministry's officer the form to start one.
use leptos::prelude::*;
use leptos_meta::Title;

use crate::i18n::use_i18n;
use crate::submissions::api::list_submissions;
use crate::submissions::model::SubmissionSummary;
use crate::submissions::texts::texts;
use crate::ui::error_pages::ErrorPanel;
use crate::ui::texts::texts as ui_texts;

mod form;
pub mod page;
mod send;

#[component]
pub fn SubmissionsPage() -> impl IntoView {
    let i18n = use_i18n();
    let tt = move || texts(i18n.lang());
    let list = Resource::new(|| (), |_| list_submissions());
    let session = expect_context::<crate::identity::session_resource::SessionResource>().0;
    // Only a ministry's officer starts one. A resource, so the form hydrates as rendered.
    let officer = Resource::new(
        || (),
        move |_| async move {
            session
                .await
                .ok()
                .and_then(|s| s.user)
                .is_some_and(|u| u.role == crate::identity::model::Role::Officer)
        },
    );
    view! {
        <Title text=move || tt().title/>
        <h1>{move || tt().title}</h1>
        <Transition fallback=move || view! { <p class="loading">{move || ui_texts(i18n.lang()).loading}</p> }>
            {move || Suspend::new(async move {
                match list.await {
                    Ok(rows) => view! { <SubmissionList rows/> }.into_any(),
                    Err(error) => view! { <ErrorPanel error/> }.into_any(),
                }
            })}
        </Transition>
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                officer.await.then(|| view! { <form::SubmissionFormView id=String::new() initial=Default::default()/> })
            })}
        </Transition>
    }
}

#[component]
fn SubmissionList(rows: Vec<SubmissionSummary>) -> impl IntoView {
    let i18n = use_i18n();
    let lang = move || i18n.lang();
    let tt = move || texts(lang());
    if rows.is_empty() {
        return view! { <p>{move || tt().none}</p> }.into_any();
    }
    view! {
        <ul class="task-list">
            {rows.into_iter().map(|s| {
                let state = s.state;
                let kind = s.kind;
                view! {
                    <li class="panel task-row">
                        <a href=format!("/submissions/{}", s.id) lang="vi">{s.title.clone()}</a>
                        <span class="badge">{move || state.label(lang())}</span>
                        {s.late.then(|| view! { <span class="badge">{move || tt().late}</span> })}
                        <span class="muted">{move || format!("{}: {}", tt().ministry, s.ministry_code)}</span>
                        <span class="muted">{move || kind.label(lang())}</span>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
    .into_any()
}
