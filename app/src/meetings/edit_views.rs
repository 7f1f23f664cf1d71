//! Preparing a meeting (the secretariat, on a desktop): details, state, the agenda builder
//! (add, edit, reorder by drag and drop or by buttons, remove), documents with upload
//! progress, invitations of members and per-item guests.
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;
use uuid::Uuid;

use crate::documents::upload_views::{UploadBoard, UploadTarget, Uploader};
use crate::error::AppError;
use crate::i18n::use_i18n;
use crate::identity::model::Role;
use crate::meetings::edit_api::*;
use crate::meetings::model::{
    AgendaItem, EditorItem, Invitable, ItemForm, MeetingEditor, MeetingForm, MeetingState,
    MinistryOption, StateAction,
};
use crate::shell::SessionResource;
use crate::ui::error_pages::ErrorPanel;
use crate::ui::format;

/// Run a server call from an event handler; on success bump `refresh`, else show the error.
fn run<F, Fut>(refresh: RwSignal<u64>, error: RwSignal<Option<AppError>>, call: F)
where
    F: FnOnce() -> Fut + 'static,
    Fut: std::future::Future<Output = Result<(), AppError>> + 'static,
{
    #[cfg(feature = "hydrate")]
    leptos::task::spawn_local(async move {
        match call().await {
            Ok(()) => {
                error.set(None);
                refresh.update(|v| *v += 1);
            }
            Err(e) => error.set(Some(e)),
        }
    });
    #[cfg(not(feature = "hydrate"))]
    let _ = (refresh, error, call);
}

/// Renders `children` for the secretariat, the right error for anyone else.
#[component]
fn SecretariatOnly(children: ChildrenFn) -> impl IntoView {
    let session = expect_context::<SessionResource>().0;
    view! {
        <Suspense fallback=|| ()>
            {move || {
                let children = children.clone();
                Suspend::new(async move {
                    match session.await.ok().and_then(|s| s.user) {
                        Some(user) if user.role == Role::Secretariat => children().into_any(),
                        Some(_) => view! { <ErrorPanel error=AppError::Forbidden/> }.into_any(),
                        None => view! { <ErrorPanel error=AppError::Unauthenticated/> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

#[component]
pub fn NewMeetingPage() -> impl IntoView {
    let i18n = use_i18n();
    let error = RwSignal::new(None::<AppError>);
    let form = MeetingForm {
        kind: "regular".to_owned(),
        planned_minutes: 240,
        online: false,
        ..MeetingForm::default()
    };
    let save = Callback::new(move |form: MeetingForm| {
        #[cfg(feature = "hydrate")]
        leptos::task::spawn_local(async move {
            match create_meeting(form).await {
                Ok(id) => crate::identity::passkey_browser::go_to(&format!("/meetings/{id}/edit")),
                Err(e) => error.set(Some(e)),
            }
        });
        #[cfg(not(feature = "hydrate"))]
        let _ = form;
    });
    view! {
        <Title text=move || i18n.t().meeting_new_title/>
        <SecretariatOnly>
            <h1>{move || i18n.t().meeting_new_title}</h1>
            <ErrorLine error/>
            <DetailsForm form=form.clone() people=Vec::new() save/>
        </SecretariatOnly>
    }
}

#[component]
fn ErrorLine(error: RwSignal<Option<AppError>>) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        error
            .get()
            .map(|e| view! { <p class="form-error" role="alert">{e.message(i18n.lang())}</p> })
    }
}

#[component]
pub fn EditMeetingPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let id = move || params.read().get("id").unwrap_or_default();
    let refresh = RwSignal::new(0u64);
    let live = expect_context::<crate::live::LiveVersion>().0;
    let editor = Resource::new(
        move || (id(), refresh.get(), live.get()),
        |(id, _, _)| get_meeting_editor(id),
    );
    let error = RwSignal::new(None::<AppError>);
    // Uploads in progress outlive the re-rendering of the editor after each change.
    provide_context(UploadBoard::default());
    view! {
        <Title text=move || i18n.t().meeting_edit_title/>
        <SecretariatOnly>
            <ErrorLine error/>
            <Suspense fallback=move || view! { <p class="loading">{move || i18n.t().loading}</p> }>
                {move || Suspend::new(async move {
                    match editor.await {
                        Ok(editor) => view! { <Editor editor refresh error/> }.into_any(),
                        Err(e) => view! { <ErrorPanel error=e/> }.into_any(),
                    }
                })}
            </Suspense>
        </SecretariatOnly>
    }
}

#[component]
fn Editor(
    editor: MeetingEditor,
    refresh: RwSignal<u64>,
    error: RwSignal<Option<AppError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let meeting_id = editor.detail.summary.id;
    let state = editor.detail.summary.state;
    let planned = editor.form.planned_minutes;
    let title = editor.detail.summary.title.clone();
    let save = Callback::new(move |form: MeetingForm| {
        run(refresh, error, move || {
            update_meeting(meeting_id.to_string(), form)
        });
    });
    let act = move |action: StateAction| {
        run(refresh, error, move || {
            change_meeting_state(meeting_id.to_string(), action)
        })
    };
    let copy = move |_| {
        #[cfg(feature = "hydrate")]
        leptos::task::spawn_local(async move {
            match copy_meeting(meeting_id.to_string()).await {
                Ok(id) => crate::identity::passkey_browser::go_to(&format!("/meetings/{id}/edit")),
                Err(e) => error.set(Some(e)),
            }
        });
    };
    let members: Vec<Invitable> = editor
        .people
        .iter()
        .filter(|p| p.role == Role::Member)
        .cloned()
        .collect();
    let guests: Vec<Invitable> = editor
        .people
        .iter()
        .filter(|p| p.role == Role::Guest)
        .cloned()
        .collect();
    view! {
        <p class="breadcrumb"><a href=format!("/meetings/{meeting_id}")>{move || i18n.t().meeting_view_as_member}</a></p>
        <h1>{title}</h1>
        <section class="panel state-bar" aria-label=move || i18n.t().meeting_state_label>
            <span class=format!("badge state-{}", state.as_str())>{move || state.label(i18n.t())}</span>
            {matches!(state, MeetingState::Draft | MeetingState::Postponed).then(|| view! {
                <button type="button" class="button primary" on:click=move |_| act(StateAction::Publish)>
                    {move || i18n.t().meeting_publish}
                </button>
            })}
            {(state == MeetingState::Published).then(|| view! {
                <button type="button" class="button" on:click=move |_| act(StateAction::Postpone)>
                    {move || i18n.t().meeting_postpone}
                </button>
            })}
            {matches!(state, MeetingState::Draft | MeetingState::Published | MeetingState::Postponed).then(|| view! {
                <button type="button" class="button danger" on:click=move |_| act(StateAction::Cancel)>
                    {move || i18n.t().meeting_cancel}
                </button>
            })}
            <button type="button" class="button" on:click=copy>{move || i18n.t().meeting_copy}</button>
        </section>
        <DetailsForm form=editor.form.clone() people=members.clone() save/>
        <AgendaBuilder
            meeting_id
            state
            planned
            items=editor.items.clone()
            shown=editor.detail.items.clone()
            ministries=editor.ministries.clone()
            guests
            refresh
            error
        />
        <Invitations meeting_id members invited=editor.invited.clone() refresh error/>
    }
}

#[component]
fn DetailsForm(
    form: MeetingForm,
    people: Vec<Invitable>,
    save: Callback<MeetingForm>,
) -> impl IntoView {
    let i18n = use_i18n();
    let kind = RwSignal::new(form.kind.clone());
    let title = RwSignal::new(form.title.clone());
    let starts = RwSignal::new(form.starts_local.clone());
    let place = RwSignal::new(form.place.clone());
    let online = RwSignal::new(form.online);
    let minutes = RwSignal::new(form.planned_minutes.to_string());
    let chair = RwSignal::new(form.chair_id.clone());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        save.run(MeetingForm {
            kind: kind.get_untracked(),
            title: title.get_untracked(),
            starts_local: starts.get_untracked(),
            place: place.get_untracked(),
            online: online.get_untracked(),
            planned_minutes: minutes.get_untracked().trim().parse().unwrap_or(0),
            chair_id: chair.get_untracked(),
        });
    };
    let chairs = people.clone();
    view! {
        <form class="panel meeting-form" on:submit=submit aria-labelledby="details-title">
            <h2 id="details-title">{move || i18n.t().meeting_details}</h2>
            <label class="field">
                <span>{move || i18n.t().meeting_kind}</span>
                <select on:change=move |ev| kind.set(event_target_value(&ev)) prop:value=move || kind.get()>
                    <option value="regular">{move || i18n.t().meeting_kind_regular}</option>
                    <option value="thematic">{move || i18n.t().meeting_kind_thematic}</option>
                    <option value="extraordinary">{move || i18n.t().meeting_kind_extraordinary}</option>
                </select>
            </label>
            <label class="field wide">
                <span>{move || i18n.t().meeting_title_field}</span>
                <input type="text" required bind:value=title/>
            </label>
            <label class="field">
                <span>{move || i18n.t().when}</span>
                <input type="datetime-local" required bind:value=starts/>
            </label>
            <label class="field">
                <span>{move || i18n.t().planned_duration}</span>
                <input type="number" min="1" max="1440" required bind:value=minutes/>
            </label>
            <label class="field">
                <span>{move || i18n.t().place}</span>
                <input type="text" bind:value=place/>
            </label>
            <label class="check">
                <input type="checkbox" bind:checked=online/>
                {move || i18n.t().online}
            </label>
            {(!chairs.is_empty()).then(|| view! {
                <label class="field">
                    <span>{move || i18n.t().chair}</span>
                    <select on:change=move |ev| chair.set(event_target_value(&ev)) prop:value=move || chair.get()>
                        <option value="">"—"</option>
                        {chairs.iter().map(|p| {
                            let id = p.person.id.to_string();
                            view! { <option value=id>{p.person.full_name.clone()}</option> }
                        }).collect_view()}
                    </select>
                </label>
            })}
            <button type="submit" class="button primary">{move || i18n.t().save}</button>
        </form>
    }
}

#[component]
#[allow(clippy::too_many_arguments)]
fn AgendaBuilder(
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
        .map(|i| RwSignal::new(i.form.planned_minutes.to_string()))
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
            <h2 id="builder-title">{move || i18n.t().agenda}</h2>
            <p class="agenda-total" aria-live="polite" class:over=move || { total.get() > planned }>
                {move || format!(
                    "{}: {} / {}",
                    i18n.t().total_planned,
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
                                            aria-label=move || format!("{} {}", i18n.t().move_up, index + 1)
                                            on:click=move |_| move_up(index, index.saturating_sub(1))>
                                            "↑"
                                        </button>
                                        <button type="button" class="button" disabled=index + 1 == count
                                            aria-label=move || format!("{} {}", i18n.t().move_down, index + 1)
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
    let title = RwSignal::new(item.form.title.clone());
    let presenter = RwSignal::new(item.form.presenter.clone());
    let id = item.id;
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let form = ItemForm {
            title: title.get_untracked(),
            presenter: presenter.get_untracked(),
            planned_minutes: minutes.get_untracked().trim().parse().unwrap_or(-1),
        };
        run(refresh, error, move || {
            update_agenda_item(id.to_string(), form)
        });
    };
    let remove = move |_| run(refresh, error, move || remove_agenda_item(id.to_string()));
    view! {
        <form class="item-form" on:submit=save>
            <span class="agenda-number">{number}</span>
            <label class="field wide">
                <span>{move || i18n.t().item_title}</span>
                <input type="text" required bind:value=title/>
            </label>
            <label class="field">
                <span>{move || i18n.t().presenter}</span>
                <MinistrySelect value=presenter ministries/>
            </label>
            <label class="field narrow">
                <span>{move || i18n.t().minutes_label}</span>
                <input type="number" min="0" max="1440" bind:value=minutes/>
            </label>
            <button type="submit" class="button">{move || i18n.t().save}</button>
            {draft.then(|| view! {
                <button type="button" class="button danger" on:click=remove>{move || i18n.t().remove}</button>
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
    let title = RwSignal::new(String::new());
    let presenter = RwSignal::new(String::new());
    let minutes = RwSignal::new("20".to_owned());
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let form = ItemForm {
            title: title.get_untracked(),
            presenter: presenter.get_untracked(),
            planned_minutes: minutes.get_untracked().trim().parse().unwrap_or(-1),
        };
        title.set(String::new());
        run(refresh, error, move || async move {
            add_agenda_item(meeting_id.to_string(), form)
                .await
                .map(|_| ())
        });
    };
    view! {
        <form class="item-form add-item" on:submit=add aria-labelledby="add-item-title">
            <h3 id="add-item-title">{move || i18n.t().item_add}</h3>
            <label class="field wide">
                <span>{move || i18n.t().item_title}</span>
                <input type="text" required bind:value=title/>
            </label>
            <label class="field">
                <span>{move || i18n.t().presenter}</span>
                <MinistrySelect value=presenter ministries/>
            </label>
            <label class="field narrow">
                <span>{move || i18n.t().minutes_label}</span>
                <input type="number" min="0" max="1440" bind:value=minutes/>
            </label>
            <button type="submit" class="button primary">{move || i18n.t().item_add}</button>
        </form>
    }
}

#[component]
fn Documents(
    item_id: Uuid,
    documents: Vec<crate::documents::model::DocumentRef>,
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
                        let status = d.text_status.clone();
                        let badge_status = status.clone();
                        let (pages, version) = (d.page_count, d.version_no);
                        let toggle = move |_| {
                            run(refresh, error, move || set_document_downloadable(id.to_string(), !downloadable))
                        };
                        let remove = move |_| run(refresh, error, move || remove_document(id.to_string()));
                        view! {
                            <li class="document">
                                <span class="doc-icon" aria-hidden="true">"PDF"</span>
                                <a class="doc-title" href=format!("/documents/{id}/file") target="_blank">{d.title.clone()}</a>
                                <span class="doc-pages">
                                    {move || pages.map(|n| format!("{n} {}", i18n.t().pages)).unwrap_or_default()}
                                    {format!(" · v{version}")}
                                </span>
                                <span class=format!("badge text-{badge_status}")>{move || i18n.t().text_status(&status)}</span>
                                <label class="check">
                                    <input type="checkbox" prop:checked=downloadable on:change=toggle/>
                                    {move || i18n.t().downloadable}
                                </label>
                                {draft.then(|| view! {
                                    <button type="button" class="button danger" on:click=remove>{move || i18n.t().remove}</button>
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

#[component]
fn ItemGuests(
    item: EditorItem,
    guests: Vec<Invitable>,
    refresh: RwSignal<u64>,
    error: RwSignal<Option<AppError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let chosen: Vec<(Uuid, RwSignal<bool>)> = guests
        .iter()
        .map(|g| {
            (
                g.person.id,
                RwSignal::new(item.guests.contains(&g.person.id)),
            )
        })
        .collect();
    let id = item.id;
    let save = {
        let chosen = chosen.clone();
        move |_| {
            let picked: Vec<String> = chosen
                .iter()
                .filter(|(_, on)| on.get_untracked())
                .map(|(g, _)| g.to_string())
                .collect();
            run(refresh, error, move || {
                set_item_guests(id.to_string(), picked)
            });
        }
    };
    (!guests.is_empty()).then(|| view! {
        <fieldset class="guests-picker">
            <legend>{move || i18n.t().guests}</legend>
            {guests
                .iter()
                .zip(chosen.iter())
                .map(|(g, (_, on))| {
                    let on = *on;
                    view! {
                        <label class="check">
                            <input type="checkbox" bind:checked=on/>
                            {g.person.full_name.clone()}
                        </label>
                    }
                })
                .collect_view()}
            <button type="button" class="button" on:click=save>{move || i18n.t().save_guests}</button>
        </fieldset>
    })
}

#[component]
fn Invitations(
    meeting_id: Uuid,
    members: Vec<Invitable>,
    invited: Vec<Uuid>,
    refresh: RwSignal<u64>,
    error: RwSignal<Option<AppError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let chosen: Vec<(Uuid, RwSignal<bool>)> = members
        .iter()
        .map(|m| (m.person.id, RwSignal::new(invited.contains(&m.person.id))))
        .collect();
    let save = {
        let chosen = chosen.clone();
        move |_| {
            let picked: Vec<String> = chosen
                .iter()
                .filter(|(_, on)| on.get_untracked())
                .map(|(m, _)| m.to_string())
                .collect();
            run(refresh, error, move || {
                set_invitees(meeting_id.to_string(), false, picked)
            });
        }
    };
    let all = move |_| {
        run(refresh, error, move || {
            set_invitees(meeting_id.to_string(), true, Vec::new())
        })
    };
    view! {
        <section class="panel" aria-labelledby="invite-title">
            <h2 id="invite-title">{move || i18n.t().invitees}</h2>
            <button type="button" class="button" on:click=all>{move || i18n.t().invite_all}</button>
            <div class="people-picker">
                {members
                    .iter()
                    .zip(chosen.iter())
                    .map(|(m, (_, on))| {
                        let on = *on;
                        let title = m.person.title.clone();
                        view! {
                            <label class="check">
                                <input type="checkbox" bind:checked=on/>
                                <span>{m.person.full_name.clone()}</span>
                                <span class="muted">{move || title.as_ref().map(|t| t.get(i18n.lang()).to_owned()).unwrap_or_default()}</span>
                            </label>
                        }
                    })
                    .collect_view()}
            </div>
            <button type="button" class="button primary" on:click=save>{move || i18n.t().save_invitees}</button>
        </section>
    }
}
