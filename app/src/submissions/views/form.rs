//! A ministry's officer fills in a submission's facts: its kind, title, summary, urgency, the
//! session asked for (an item) and the presenter. A new one (empty `id`) opens its page.
use leptos::prelude::*;

use crate::error::AppError;
use crate::i18n::use_i18n;
use crate::submissions::api::{save_submission, submission_presenters};
use crate::submissions::model::{SubmissionForm, SubmissionKind};
use crate::submissions::texts::texts;

#[component]
pub fn SubmissionFormView(id: String, initial: SubmissionForm) -> impl IntoView {
    let i18n = use_i18n();
    let lang = move || i18n.lang();
    let tt = move || texts(lang());
    let is_new = id.is_empty();
    let kind = RwSignal::new(if initial.kind.is_empty() {
        SubmissionKind::Item.as_str().to_owned()
    } else {
        initial.kind.clone()
    });
    let title = RwSignal::new(initial.title.clone());
    let summary = RwSignal::new(initial.summary.clone());
    let urgent = RwSignal::new(initial.urgent);
    let month = RwSignal::new(initial.session_month.clone());
    let presenter = RwSignal::new(initial.presenter_id.clone());
    let presenter_name = RwSignal::new(initial.presenter_name.clone());
    let error = RwSignal::new(None::<AppError>);
    let presenters = Resource::new(|| (), |_| submission_presenters());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let form = SubmissionForm {
            kind: kind.get_untracked(),
            title: title.get_untracked(),
            summary: summary.get_untracked(),
            urgent: urgent.get_untracked(),
            session_month: month.get_untracked(),
            presenter_id: presenter.get_untracked(),
            presenter_name: presenter_name.get_untracked(),
        };
        let id = id.clone();
        leptos::task::spawn_local(async move {
            match save_submission(id, form).await {
                Ok(saved) => {
                    error.set(None);
                    let navigate = leptos_router::hooks::use_navigate();
                    navigate(&format!("/submissions/{saved}"), Default::default());
                }
                Err(e) => error.set(Some(e)),
            }
        });
    };
    view! {
        <section class="panel" aria-labelledby="submission-form">
            <h2 id="submission-form">{move || if is_new { tt().new_submission } else { tt().save }}</h2>
            <form class="task-form" on:submit=submit>
                <label class="field">
                    <span>{move || tt().kind}</span>
                    <select bind:value=kind disabled=!is_new>
                        {SubmissionKind::ALL.iter().map(|k| view! {
                            <option value=k.as_str()>{move || k.label(lang())}</option>
                        }).collect_view()}
                    </select>
                </label>
                <label class="field">
                    <span>{move || tt().field_title}</span>
                    <input type="text" required maxlength="500" bind:value=title/>
                </label>
                <label class="field">
                    <span>{move || tt().field_summary}</span>
                    <textarea rows="4" maxlength="8000" bind:value=summary></textarea>
                </label>
                <label class="check">
                    <input type="checkbox" bind:checked=urgent/>
                    <span>{move || tt().field_urgent}</span>
                </label>
                <label class="field" class:hidden=move || kind.get() != "item">
                    <span>{move || tt().field_month}</span>
                    <input type="month" bind:value=month/>
                </label>
                <label class="field">
                    <span>{move || tt().field_presenter}</span>
                    <select bind:value=presenter>
                        <option value="">"—"</option>
                        <Transition fallback=|| ()>
                            {move || Suspend::new(async move {
                                presenters.await.unwrap_or_default().into_iter().map(|(id, name)| view! {
                                    <option value=id.to_string() lang="vi">{name}</option>
                                }).collect_view()
                            })}
                        </Transition>
                    </select>
                </label>
                <label class="field">
                    <span>{move || tt().field_presenter_name}</span>
                    <input type="text" maxlength="200" bind:value=presenter_name/>
                </label>
                <p class="form-error" role="alert">{move || error.get().map(|e| e.message(lang()))}</p>
                <button type="submit" class="button primary">{move || tt().save}</button>
            </form>
        </section>
    }
}
