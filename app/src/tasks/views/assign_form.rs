//! The secretariat's form to assign a task: its text, its source, the lead and coordinating
//! agencies (by code), a deadline or a reporting cycle, and optionally the Government member
//! responsible.
use leptos::prelude::*;

use crate::error::AppError;
use crate::i18n::use_i18n;
use crate::tasks::api::assign_task;
use crate::tasks::model::{Cycle, Sources, TaskForm, TaskSource};
use crate::tasks::texts::texts;

/// `sources`: the concluded items and closed ballots to choose from.
#[component]
pub fn AssignForm(sources: Sources) -> impl IntoView {
    let i18n = use_i18n();
    let tt = move || texts(i18n.lang());
    let text = RwSignal::new(String::new());
    let source = RwSignal::new(TaskSource::Conclusion.as_str().to_owned());
    let item_id = RwSignal::new(String::new());
    let ballot_id = RwSignal::new(String::new());
    let resolution_no = RwSignal::new(String::new());
    let lead = RwSignal::new(String::new());
    let coordinators = RwSignal::new(String::new());
    let deadline = RwSignal::new(String::new());
    let cycle = RwSignal::new(String::new());
    let responsible = RwSignal::new(String::new());
    let error = RwSignal::new(None::<AppError>);
    let ready = RwSignal::new(false);
    Effect::new(move |_| ready.set(true));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let form = TaskForm {
            text: text.get_untracked(),
            source: source.get_untracked(),
            item_id: item_id.get_untracked(),
            ballot_id: ballot_id.get_untracked(),
            resolution_no: resolution_no.get_untracked(),
            lead: lead.get_untracked(),
            coordinators: coordinators.get_untracked(),
            deadline: deadline.get_untracked(),
            cycle: cycle.get_untracked(),
            responsible: responsible.get_untracked(),
        };
        leptos::task::spawn_local(async move {
            match assign_task(form).await {
                Ok(id) => {
                    let navigate = leptos_router::hooks::use_navigate();
                    navigate(&format!("/tasks/{id}"), Default::default());
                }
                Err(e) => error.set(Some(e)),
            }
        });
    };
    let lang = move || i18n.lang();
    view! {
        <section class="panel" aria-labelledby="assign-form">
            <h2 id="assign-form">{move || tt().new_task}</h2>
            <form class="task-form" on:submit=submit>
                <label class="field">
                    <span>{move || tt().field_text}</span>
                    <textarea rows="3" required maxlength="4000" bind:value=text></textarea>
                </label>
                <label class="field">
                    <span>{move || tt().field_source}</span>
                    <select bind:value=source>
                        {TaskSource::ALL.iter().map(|s| view! {
                            <option value=s.as_str()>{move || s.label(lang())}</option>
                        }).collect_view()}
                    </select>
                </label>
                <label class="field" class:hidden=move || source.get() != "conclusion">
                    <span>{move || tt().field_item}</span>
                    <select bind:value=item_id>
                        <option value="">"—"</option>
                        {sources.items.into_iter().map(|(id, label)| view! {
                            <option value=id.to_string() lang="vi">{label}</option>
                        }).collect_view()}
                    </select>
                </label>
                <label class="field" class:hidden=move || source.get() != "ballot">
                    <span>{move || tt().field_ballot}</span>
                    <select bind:value=ballot_id>
                        <option value="">"—"</option>
                        {sources.ballots.into_iter().map(|(id, label)| view! {
                            <option value=id.to_string() lang="vi">{label}</option>
                        }).collect_view()}
                    </select>
                </label>
                <label class="field" class:hidden=move || source.get() != "resolution">
                    <span>{move || tt().field_resolution}</span>
                    <input type="text" maxlength="100" bind:value=resolution_no/>
                </label>
                <label class="field">
                    <span>{move || tt().field_lead}</span>
                    <input type="text" required maxlength="20" bind:value=lead/>
                </label>
                <label class="field">
                    <span>{move || tt().field_coordinators}</span>
                    <input type="text" maxlength="200" bind:value=coordinators/>
                </label>
                <label class="field">
                    <span>{move || tt().field_deadline}</span>
                    <input type="date" bind:value=deadline/>
                </label>
                <label class="field">
                    <span>{move || tt().field_cycle}</span>
                    <select bind:value=cycle>
                        <option value="">{move || tt().no_cycle}</option>
                        {Cycle::ALL.iter().map(|c| view! {
                            <option value=c.as_str()>{move || c.label(lang())}</option>
                        }).collect_view()}
                    </select>
                </label>
                <label class="field">
                    <span>{move || tt().field_responsible}</span>
                    <select bind:value=responsible>
                        <option value="">"—"</option>
                        {sources.members.into_iter().map(|(id, name)| view! {
                            <option value=id.to_string() lang="vi">{name}</option>
                        }).collect_view()}
                    </select>
                </label>
                <p class="form-error" role="alert">{move || error.get().map(|e| e.message(i18n.lang()))}</p>
                <button type="submit" class="button primary" disabled=move || !ready.get()>
                    {move || tt().assign}
                </button>
            </form>
        </section>
    }
}
