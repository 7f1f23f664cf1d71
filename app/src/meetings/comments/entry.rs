//! One comment in a discussion: who wrote it and when, what it is on, its text; answer it;
//! its author may edit it (the earlier text is kept), and anyone who reads it may see the
//! earlier versions.
use leptos::prelude::*;
use uuid::Uuid;

use crate::error::AppError;
use crate::i18n::use_i18n;
use crate::meetings::comments::api::{edit_comment, get_comment_history};
use crate::meetings::model::CommentView;
use crate::meetings::texts::texts;
use crate::ui::format;

#[component]
pub fn CommentEntry(
    depth: usize,
    c: CommentView,
    reply_to: RwSignal<Option<(Uuid, String)>>,
    changed: RwSignal<u64>,
) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || texts(i18n.lang());
    let (id, author) = (c.id, c.author.clone());
    let at = c.created_at;
    let editing = RwSignal::new(false);
    let draft = RwSignal::new(c.body.clone());
    let error = RwSignal::new(None::<AppError>);
    let history = RwSignal::new(None::<Vec<String>>);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let body = draft.get_untracked();
        leptos::task::spawn_local(async move {
            match edit_comment(id.to_string(), body).await {
                Ok(()) => {
                    editing.set(false);
                    changed.update(|v| *v += 1);
                }
                Err(e) => error.set(Some(e)),
            }
        });
    };
    let show_history = move |_| {
        leptos::task::spawn_local(async move {
            match get_comment_history(id.to_string()).await {
                Ok(texts) => history.set(Some(texts)),
                Err(e) => error.set(Some(e)),
            }
        });
    };
    let body = c.body.clone();
    view! {
        <li class=format!("comment depth-{}", depth.min(3))>
            <p class="comment-meta">
                <strong lang="vi">{c.author.clone()}</strong>
                <span class="muted">{move || format::date_time(format::vietnam_time(at), i18n.lang())}</span>
                {c.document.clone().map(|(_, title)| view! {
                    <span class="badge">{move || t().comment_on_document}": " <span lang="vi">{title.clone()}</span></span>
                })}
                {c.secretariat_only.then(|| view! { <span class="badge private">{move || t().comment_secretariat_only}</span> })}
                {c.edited.then(|| view! { <span class="muted">{move || format!("({})", t().comment_edited)}</span> })}
            </p>
            <Show
                when=move || editing.get()
                fallback=move || view! { <p class="comment-body" lang="vi">{body.clone()}</p> }
            >
                <form class="comment-edit" on:submit=save>
                    <textarea rows="3" maxlength="5000" aria-label=move || t().comment_edit bind:value=draft></textarea>
                    <button type="submit" class="button small primary">{move || t().comment_save}</button>
                    <button type="button" class="button small" on:click=move |_| editing.set(false)>{move || t().comment_cancel}</button>
                </form>
            </Show>
            <p class="form-error" role="alert">{move || error.get().map(|e| e.message(i18n.lang()))}</p>
            <button type="button" class="button small" on:click=move |_| reply_to.set(Some((id, author.clone())))>
                {move || t().comment_reply}
            </button>
            {c.mine.then(|| view! {
                <button type="button" class="button small" on:click=move |_| editing.set(true)>{move || t().comment_edit}</button>
            })}
            {c.edited.then(|| view! {
                <button type="button" class="button small" on:click=show_history>{move || t().comment_history}</button>
            })}
            {move || history.get().map(|texts| view! {
                <ol class="comment-history" aria-label=move || t().comment_history>
                    {texts.into_iter().map(|text| view! { <li><del>{text}</del></li> }).collect_view()}
                </ol>
            })}
        </li>
    }
}
