//! The agenda builder of the meeting editor (the secretariat): add, edit, reorder by drag
//! and drop or by buttons, remove items; each item's documents (upload with progress,
//! downloadable or not) and its guests.
use leptos::prelude::*;
use uuid::Uuid;

use crate::error::AppError;
use crate::i18n::use_i18n;
use crate::meetings::editing::api::*;
use crate::meetings::editing::invitation_views::ItemGuests;
use crate::meetings::editing::views::run;
use crate::meetings::model::{
    AgendaItem, EditorItem, Invitable, ItemForm, MeetingState, MinistryOption,
};
use crate::meetings::text_badges::{BadgesFor, TextBadges};
use crate::meetings::texts::texts;
use crate::ui::drafts::Drafts;
use crate::ui::format;
use crate::ui::texts::texts as ui_texts;
use crate::ui::upload::{UploadTarget, Uploader};

#[component]
#[allow(clippy::too_many_arguments)]
pub(super) fn AgendaBuilder(
    meeting_id: Uuid,
    state: MeetingState,
    planned: i64,
    items: Vec<EditorItem>,
    shown: Vec<AgendaItem>,
    ministries: Vec<MinistryOption>,
    guests: Vec<Invitable>,
    refresh: RwSignal<u64>,
    error: RwSignal<Option<AppError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let order: Vec<Uuid> = items.iter().map(|i| i.id).collect();
    // Minutes as currently typed, for the running total.
    let minutes: Vec<RwSignal<String>> = items
        .iter()
        .map(|i| {
            let minutes = i.form.planned_minutes.to_string();
            Drafts::field_in_context(format!("item.{}.minutes", i.id), minutes)
        })
        .collect();
    let total = {
        let minutes = minutes.clone();
        Memo::new(move |_| -> i64 {
            minutes
                .iter()
                .map(|m| m.get().trim().parse::<i64>().unwrap_or(0))
                .sum()
        })
    };
    let dragged = RwSignal::new(None::<usize>);
    let move_to = {
        let order = order.clone();
        move |from: usize, to: usize| {
            if from == to || to >= order.len() {
                return;
            }
            let mut next = order.clone();
            let item = next.remove(from);
            next.insert(to, item);
            let next: Vec<String> = next.iter().map(Uuid::to_string).collect();
            run(refresh, error, move || {
                reorder_agenda(meeting_id.to_string(), next)
            });
        }
    };
    let count = items.len();
    let draft = state == MeetingState::Draft;
    view! {
        <section class="panel" aria-labelledby="builder-title">
            <h2 id="builder-title">{move || texts(i18n.lang()).agenda}</h2>
            <p class="agenda-total" aria-live="polite" class:over=move || { total.get() > planned }>
                {move || format!(
                    "{}: {} / {}",
                    texts(i18n.lang()).total_planned,
                    format::duration(total.get(), i18n.lang()),
                    format::duration(planned, i18n.lang()),
                )}
            </p>
            <ol class="builder">
                {items
                    .into_iter()
                    .enumerate()
                    .map(|(index, item)| {
                        let documents = shown
                            .iter()
                            .find(|s| s.id == item.id)
                            .map(|s| s.documents.clone())
                            .unwrap_or_default();
                        let move_up = move_to.clone();
                        let move_down = move_to.clone();
                        let dropped = move_to.clone();
                        view! {
                            <li
                                class="builder-item"
                                draggable="true"
                                on:dragstart=move |_| dragged.set(Some(index))
                                on:dragover=move |ev| ev.prevent_default()
                                on:drop=move |ev| {
                                    ev.prevent_default();
                                    if let Some(from) = dragged.get_untracked() {
                                        dropped(from, index);
                                    }
                                    dragged.set(None);
                                }
                            >
                                <div class="builder-handle" aria-hidden="true">"⠿"</div>
                                <div class="builder-body">
                                    <ItemEditor
                                        number=index + 1
                                        item=item.clone()
                                        minutes=minutes[index]
                                        ministries=ministries.clone()
                                        draft
                                        refresh
                                        error
                                    />
                                    <div class="actions">
                                        <button type="button" class="button" disabled=index == 0
                                            aria-label=move || format!("{} {}", texts(i18n.lang()).move_up, index + 1)
                                            on:click=move |_| move_up(index, index.saturating_sub(1))>
                                            "↑"
                                        </button>
                                        <button type="button" class="button" disabled=index + 1 == count
                                            aria-label=move || format!("{} {}", texts(i18n.lang()).move_down, index + 1)
                                            on:click=move |_| move_down(index, index + 1)>
                                            "↓"
                                        </button>
                                    </div>
                                    <Documents item_id=item.id documents draft refresh error/>
                                    <ItemGuests item=item.clone() guests=guests.clone() refresh error/>
                                </div>
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
            <AddItem meeting_id ministries=ministries.clone() refresh error/>
        </section>
    }
}

#[component]
fn MinistrySelect(value: RwSignal<String>, ministries: Vec<MinistryOption>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <select on:change=move |ev| value.set(event_target_value(&ev)) prop:value=move || value.get()>
            <option value="">"—"</option>
            {ministries
                .into_iter()
                .map(|m| {
                    let name = m.name.clone();
                    view! { <option value=m.code.clone()>{move || name.get(i18n.lang()).to_owned()}</option> }
                })
                .collect_view()}
        </select>
    }
}

/// The signals behind an agenda item's fields: title, presenting ministry, planned minutes.
#[derive(Clone, Copy)]
struct ItemFieldValues {
    title: RwSignal<String>,
    presenter: RwSignal<String>,
    minutes: RwSignal<String>,
}

impl ItemFieldValues {
    /// The form to send (minutes that are not a number are sent as -1, which the server refuses).
    fn form(&self) -> ItemForm {
        ItemForm {
            title: self.title.get_untracked(),
            presenter: self.presenter.get_untracked(),
            planned_minutes: self.minutes.get_untracked().trim().parse().unwrap_or(-1),
        }
    }
}

/// An agenda item's fields, shared by the editor of each item and the form that adds one.
#[component]
fn ItemFields(fields: ItemFieldValues, ministries: Vec<MinistryOption>) -> impl IntoView {
    let i18n = use_i18n();
    let ItemFieldValues {
        title,
        presenter,
        minutes,
    } = fields;
    view! {
            <label class="field wide">
                <span>{move || texts(i18n.lang()).item_title}</span>
                <input type="text" required bind:value=title/>
            </label>
            <label class="field">
                <span>{move || texts(i18n.lang()).presenter}</span>
                <MinistrySelect value=presenter ministries/>
            </label>
            <label class="field narrow">
                <span>{move || texts(i18n.lang()).minutes_label}</span>
                <input type="number" min="0" max="1440" bind:value=minutes/>
            </label>
    }
}

#[component]
fn ItemEditor(
    number: usize,
    item: EditorItem,
    minutes: RwSignal<String>,
    ministries: Vec<MinistryOption>,
    draft: bool,
    refresh: RwSignal<u64>,
    error: RwSignal<Option<AppError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = item.id;
    let fields = ItemFieldValues {
        title: Drafts::field_in_context(format!("item.{id}.title"), item.form.title.clone()),
        presenter: Drafts::field_in_context(
            format!("item.{id}.presenter"),
            item.form.presenter.clone(),
        ),
        minutes,
    };
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let form = fields.form();
        run(refresh, error, move || {
            update_agenda_item(id.to_string(), form)
        });
    };
    let remove = move |_| run(refresh, error, move || remove_agenda_item(id.to_string()));
    view! {
        <form class="item-form" on:submit=save>
            <span class="agenda-number">{number}</span>
            <ItemFields fields ministries/>
            <button type="submit" class="button">{move || ui_texts(i18n.lang()).save}</button>
            {draft.then(|| view! {
                <button type="button" class="button danger" on:click=remove>{move || ui_texts(i18n.lang()).remove}</button>
            })}
        </form>
    }
}

#[component]
fn AddItem(
    meeting_id: Uuid,
    ministries: Vec<MinistryOption>,
    refresh: RwSignal<u64>,
    error: RwSignal<Option<AppError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let fields = ItemFieldValues {
        title: Drafts::field_in_context("new-item.title".to_owned(), String::new()),
        presenter: Drafts::field_in_context("new-item.presenter".to_owned(), String::new()),
        minutes: Drafts::field_in_context("new-item.minutes".to_owned(), "20".to_owned()),
    };
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let form = fields.form();
        run(refresh, error, move || async move {
            add_agenda_item(meeting_id.to_string(), form).await?;
            // Added: the form starts afresh (refused, it keeps what was typed).
            fields.title.set(String::new());
            fields.presenter.set(String::new());
            fields.minutes.set("20".to_owned());
            Ok(())
        });
    };
    view! {
        <form class="item-form add-item" on:submit=add aria-labelledby="add-item-title">
            <h3 id="add-item-title">{move || texts(i18n.lang()).item_add}</h3>
            <ItemFields fields ministries/>
            <button type="submit" class="button primary">{move || texts(i18n.lang()).item_add}</button>
        </form>
    }
}

#[component]
fn Documents(
    item_id: Uuid,
    documents: Vec<crate::meetings::model::DocumentRef>,
    draft: bool,
    refresh: RwSignal<u64>,
    error: RwSignal<Option<AppError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="item-documents">
            <ul class="documents">
                {documents
                    .into_iter()
                    .map(|d| {
                        let id = d.id;
                        let downloadable = d.downloadable;
                        let (pages, version) = (d.page_count, d.version_no);
                        let rendered = crate::meetings::model::DocumentText::from(&d);
                        let toggle = move |_| {
                            run(refresh, error, move || set_document_downloadable(id.to_string(), !downloadable))
                        };
                        let remove = move |_| run(refresh, error, move || remove_document(id.to_string()));
                        let new_title = Drafts::field_in_context(format!("document.{id}.title"), d.title.clone());
                        let retitle = move |ev: leptos::ev::SubmitEvent| {
                            ev.prevent_default();
                            let title = new_title.get_untracked();
                            run(refresh, error, move || set_document_title(id.to_string(), title));
                        };
                        view! {
                            <li class="document">
                                <span class="doc-icon" aria-hidden="true">"PDF"</span>
                                <a class="doc-title" href=format!("/documents/{id}/file") target="_blank" lang="vi">{d.title.clone()}</a>
                                <span class="doc-pages">
                                    {move || pages.map(|n| crate::ui::format::pages(n, i18n.lang())).unwrap_or_default()}
                                    {format!(" · v{version}")}
                                </span>
                                <TextBadges rendered shown=BadgesFor::Secretariat/>
                                // A title of its own: it starts as the file's name.
                                <details class="retitle">
                                    <summary>{move || texts(i18n.lang()).document_rename}</summary>
                                    <form on:submit=retitle>
                                        <label class="field">
                                            <span>{move || texts(i18n.lang()).document_title_field}</span>
                                            <input type="text" required maxlength="500" bind:value=new_title/>
                                        </label>
                                        <button type="submit" class="button small">{move || ui_texts(i18n.lang()).save}</button>
                                    </form>
                                </details>
                                <label class="check">
                                    <input type="checkbox" prop:checked=downloadable on:change=toggle/>
                                    {move || texts(i18n.lang()).downloadable}
                                </label>
                                {draft.then(|| view! {
                                    <button type="button" class="button danger" on:click=remove>{move || ui_texts(i18n.lang()).remove}</button>
                                })}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            <Uploader target=UploadTarget::Item(item_id) refresh/>
        </div>
    }
}
