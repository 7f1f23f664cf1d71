//! The discussion under an agenda item: comments in threads, a form to write one (on the item
//! or one of its documents, optionally for the secretariat only), answers.
use leptos::prelude::*;
use uuid::Uuid;

use crate::error::AppError;
use crate::i18n::use_i18n;
#[cfg(feature = "hydrate")]
use crate::meetings::comments::api::add_comment;
use crate::meetings::comments::api::get_meeting_comments;
use crate::meetings::comments::entry::CommentEntry;
#[cfg(feature = "hydrate")]
use crate::meetings::model::CommentForm;
use crate::meetings::model::CommentView;
use crate::meetings::texts::texts;

/// Comments in thread order: each followed by its answers, with their depth.
fn threaded(comments: Vec<CommentView>) -> Vec<(usize, CommentView)> {
    fn visit(
        parent: Option<Uuid>,
        depth: usize,
        all: &[CommentView],
        out: &mut Vec<(usize, CommentView)>,
    ) {
        for c in all.iter().filter(|c| c.parent_id == parent) {
            out.push((depth, c.clone()));
            visit(Some(c.id), depth + 1, all, out);
        }
    }
    let mut out = Vec::with_capacity(comments.len());
    visit(None, 0, &comments, &mut out);
    // Answers to comments the viewer may not read (secretariat only) have no visible parent.
    for c in &comments {
        if !out.iter().any(|(_, o)| o.id == c.id) {
            out.push((0, c.clone()));
        }
    }
    out
}

/// The comments on every item of the meeting shown, read in one call and re-read on live
/// events or when the viewer writes one (`changed`).
#[derive(Clone, Copy)]
pub struct MeetingComments {
    list: Resource<Result<Vec<CommentView>, AppError>>,
    changed: RwSignal<u64>,
}

/// Provide [`MeetingComments`] for meeting `meeting_id`, for the discussions of its items.
pub fn provide_meeting_comments(meeting_id: Uuid) {
    let live = expect_context::<crate::live::CommentsVersion>().0;
    let changed = RwSignal::new(0u64);
    let list = Resource::new(
        move || (live.get(), changed.get()),
        move |_| get_meeting_comments(meeting_id.to_string()),
    );
    provide_context(MeetingComments { list, changed });
}

/// The discussion of one item (the page provides [`MeetingComments`]).
#[component]
pub fn ItemComments(item_id: Uuid, documents: Vec<(Uuid, String)>) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || texts(i18n.lang());
    let MeetingComments {
        list: comments,
        changed,
    } = expect_context::<MeetingComments>();
    let body = RwSignal::new(String::new());
    let on_document = RwSignal::new(String::new());
    let private = RwSignal::new(false);
    let reply_to = RwSignal::new(None::<(Uuid, String)>);
    let error = RwSignal::new(None::<AppError>);
    let ready = RwSignal::new(false);
    Effect::new(move |_| ready.set(true));
    let send = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        #[cfg(feature = "hydrate")]
        {
            let form = CommentForm {
                item_id: item_id.to_string(),
                document_id: on_document.get_untracked(),
                parent_id: reply_to
                    .get_untracked()
                    .map(|(id, _)| id.to_string())
                    .unwrap_or_default(),
                body: body.get_untracked(),
                secretariat_only: private.get_untracked(),
            };
            leptos::task::spawn_local(async move {
                match add_comment(form).await {
                    Ok(_) => {
                        body.set(String::new());
                        reply_to.set(None);
                        error.set(None);
                        changed.update(|v| *v += 1);
                    }
                    Err(e) => error.set(Some(e)),
                }
            });
        }
    };
    let field = format!("comment-{item_id}");
    view! {
        <details class="comments">
            <summary>{move || t().comments_title}</summary>
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    let mut list = comments.await.unwrap_or_default();
                    list.retain(|c| c.item_id == item_id);
                    view! {
                        <ol class="plain-list comment-list">
                            {threaded(list).into_iter().map(|(depth, c)| view! {
                                <CommentEntry depth c reply_to changed/>
                            }).collect_view()}
                        </ol>
                    }
                })}
            </Transition>
            <form class="comment-form" on:submit=send data-ready=move || ready.get().to_string()>
                {move || reply_to.get().map(|(_, author)| view! {
                    <p class="replying">
                        {move || format!("{} {author}", t().comment_replying)}
                        " "
                        <button type="button" class="button small" on:click=move |_| reply_to.set(None)>{move || t().comment_cancel}</button>
                    </p>
                })}
                <label for=field.clone()>{move || t().comment_label}</label>
                <textarea id=field rows="3" maxlength="5000" bind:value=body disabled=move || !ready.get()></textarea>
                {(!documents.is_empty()).then(|| view! {
                    <select aria-label=move || t().comment_on_document bind:value=on_document>
                        <option value="">{move || t().comment_on_item}</option>
                        {documents.iter().map(|(id, title)| view! {
                            <option value=id.to_string() lang="vi">{title.clone()}</option>
                        }).collect_view()}
                    </select>
                })}
                <label class="check">
                    <input type="checkbox" bind:checked=private/>
                    <span>{move || t().comment_secretariat_only}</span>
                </label>
                <p class="form-error" role="alert">{move || error.get().map(|e| e.message(i18n.lang()))}</p>
                <button type="submit" class="button primary" disabled=move || !ready.get()>{move || t().comment_send}</button>
            </form>
        </details>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn comment(id: u128, parent: Option<u128>) -> CommentView {
        CommentView {
            id: Uuid::from_u128(id),
            item_id: Uuid::from_u128(100),
            parent_id: parent.map(Uuid::from_u128),
            document: None,
            author: format!("A{id}"),
            body: String::new(),
            secretariat_only: false,
            created_at: chrono::DateTime::UNIX_EPOCH,
            edited: false,
            mine: false,
        }
    }

    #[test]
    fn answers_follow_what_they_answer() {
        // Written in the order 1, 2, 3 (answers 1), 4 (answers 3), 5 (answers 2), 6 (answers
        // 9, which the reader may not see).
        let list = vec![
            comment(1, None),
            comment(2, None),
            comment(3, Some(1)),
            comment(4, Some(3)),
            comment(5, Some(2)),
            comment(6, Some(9)),
        ];
        let order: Vec<(usize, u128)> = threaded(list)
            .into_iter()
            .map(|(depth, c)| (depth, c.id.as_u128()))
            .collect();
        assert_eq!(order, [(0, 1), (1, 3), (2, 4), (0, 2), (1, 5), (0, 6)]);
    }
}
