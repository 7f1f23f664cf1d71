//! Preparing a meeting (the secretariat, on a desktop): the new-meeting and editor pages,
//! the meeting's state and details. The agenda builder (with documents) is in
//! `agenda_views.rs`, invitations and guests in `invitation_views.rs`.
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::error::AppError;
use crate::i18n::use_i18n;
use crate::identity::model::Role;
use crate::identity::session_resource::SessionResource;
use crate::meetings::editing::agenda_views::AgendaBuilder;
use crate::meetings::editing::api::*;
use crate::meetings::editing::invitation_views::Invitations;
use crate::meetings::model::{Invitable, MeetingEditor, MeetingForm, MeetingState, StateAction};
use crate::meetings::texts::texts;
use crate::ui::confirm::ConfirmAct;
use crate::ui::drafts::Drafts;
use crate::ui::error_pages::ErrorPanel;
use crate::ui::texts::texts as ui_texts;
use crate::ui::upload::UploadBoard;

/// Run a server call from an event handler; on success bump `refresh`, else show the error.
pub(super) fn run<F, Fut>(refresh: RwSignal<u64>, error: RwSignal<Option<AppError>>, call: F)
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
        <Transition fallback=|| ()>
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
        </Transition>
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
        <Title text=move || texts(i18n.lang()).meeting_new_title/>
        <SecretariatOnly>
            <h1>{move || texts(i18n.lang()).meeting_new_title}</h1>
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
    // A "text" event does not rebuild the editor: only the documents' badges re-read.
    let live = expect_context::<crate::live::LiveVersion>().0;
    let editor = Resource::new(
        move || (id(), refresh.get(), live.get()),
        |(id, _, _)| get_meeting_editor(id),
    );
    let error = RwSignal::new(None::<AppError>);
    // Uploads in progress outlive the re-rendering of the editor after each change.
    provide_context(UploadBoard::default());
    // So do unsaved values: saving one form re-renders the others.
    Drafts::provide();
    view! {
        <Title text=move || texts(i18n.lang()).meeting_edit_title/>
        <SecretariatOnly>
            <ErrorLine error/>
            <Transition fallback=move || view! { <p class="loading">{move || ui_texts(i18n.lang()).loading}</p> }>
                {move || Suspend::new(async move {
                    match editor.await {
                        Ok(editor) => view! { <Editor editor refresh error/> }.into_any(),
                        Err(e) => view! { <ErrorPanel error=e/> }.into_any(),
                    }
                })}
            </Transition>
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
    crate::meetings::text_badges::provide_document_texts(meeting_id);
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
    let t = move || texts(i18n.lang());
    // Who is told when the meeting is published or cancelled: the members invited to it
    // and the guests of its items.
    let told: Vec<String> = editor
        .people
        .iter()
        .filter(|p| {
            editor.invited.contains(&p.person.id)
                || editor.items.iter().any(|i| i.guests.contains(&p.person.id))
        })
        .map(|p| p.person.full_name.clone())
        .collect();
    // Publishing and cancelling tell people: confirmed first, naming them.
    let confirm_state = move |action: StateAction, class: &'static str| {
        let told = told.clone();
        // (button, heading, what follows)
        let words = move || {
            let t = t();
            match action {
                StateAction::Publish => (t.meeting_publish, t.publish_heading, t.publish_body),
                _ => (t.meeting_cancel, t.cancel_heading, t.cancel_body),
            }
        };
        view! {
            <ConfirmAct
                label=move || words().0.to_owned()
                class
                heading=move || words().1.to_owned()
                body=move || words().2.to_owned()
                items=Signal::derive(move || told.clone())
                confirm=move || words().0.to_owned()
                on_confirm=Callback::new(move |()| act(action))
            />
        }
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
        <p class="breadcrumb"><a href=format!("/meetings/{meeting_id}")>{move || texts(i18n.lang()).meeting_view_as_member}</a></p>
        <h1 lang="vi">{title}</h1>
        <section class="panel state-bar" aria-label=move || texts(i18n.lang()).meeting_state_label>
            <span class=format!("badge state-{}", state.as_str())>{move || state.label(i18n.lang())}</span>
            {matches!(state, MeetingState::Draft | MeetingState::Postponed)
                .then(|| confirm_state(StateAction::Publish, "button primary"))}
            {(state == MeetingState::Published).then(|| view! {
                <button type="button" class="button" on:click=move |_| act(StateAction::Postpone)>
                    {move || texts(i18n.lang()).meeting_postpone}
                </button>
            })}
            {matches!(state, MeetingState::Draft | MeetingState::Published | MeetingState::Postponed)
                .then(|| confirm_state(StateAction::Cancel, "button danger"))}
            <button type="button" class="button" on:click=copy>{move || texts(i18n.lang()).meeting_copy}</button>
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
    let field = |name: &str| format!("details.{name}");
    let kind = Drafts::field_in_context(field("kind"), form.kind.clone());
    let title = Drafts::field_in_context(field("title"), form.title.clone());
    let starts = Drafts::field_in_context(field("starts"), form.starts_local.clone());
    let place = Drafts::field_in_context(field("place"), form.place.clone());
    let online = Drafts::field_in_context(field("online"), form.online);
    let minutes = Drafts::field_in_context(field("minutes"), form.planned_minutes.to_string());
    let chair = Drafts::field_in_context(field("chair"), form.chair_id.clone());
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
            <h2 id="details-title">{move || texts(i18n.lang()).meeting_details}</h2>
            <label class="field">
                <span>{move || texts(i18n.lang()).meeting_kind}</span>
                <select on:change=move |ev| kind.set(event_target_value(&ev)) prop:value=move || kind.get()>
                    <option value="regular">{move || texts(i18n.lang()).meeting_kind_regular}</option>
                    <option value="thematic">{move || texts(i18n.lang()).meeting_kind_thematic}</option>
                    <option value="extraordinary">{move || texts(i18n.lang()).meeting_kind_extraordinary}</option>
                </select>
            </label>
            <label class="field wide">
                <span>{move || texts(i18n.lang()).meeting_title_field}</span>
                <input type="text" required bind:value=title/>
            </label>
            <label class="field">
                <span>{move || ui_texts(i18n.lang()).when}</span>
                <input type="datetime-local" required bind:value=starts/>
            </label>
            <label class="field">
                <span>{move || texts(i18n.lang()).planned_duration}</span>
                <input type="number" min="1" max="1440" required bind:value=minutes/>
            </label>
            <label class="field">
                <span>{move || texts(i18n.lang()).place}</span>
                <input type="text" bind:value=place/>
            </label>
            <label class="check">
                <input type="checkbox" bind:checked=online/>
                {move || texts(i18n.lang()).online}
            </label>
            {(!chairs.is_empty()).then(|| view! {
                <label class="field">
                    <span>{move || texts(i18n.lang()).chair}</span>
                    <select on:change=move |ev| chair.set(event_target_value(&ev)) prop:value=move || chair.get()>
                        <option value="">"—"</option>
                        {chairs.iter().map(|p| {
                            let id = p.person.id.to_string();
                            view! { <option value=id lang="vi">{p.person.full_name.clone()}</option> }
                        }).collect_view()}
                    </select>
                </label>
            })}
            <button type="submit" class="button primary">{move || ui_texts(i18n.lang()).save}</button>
        </form>
    }
}
