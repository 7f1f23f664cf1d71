//! `/ballots/:id`: the question, the deadline (and its extensions), the member's answer form,
//! the secretariat's panel, and the result once closed. Re-reads when the ballot changes.
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;
use uuid::Uuid;

use crate::ballots::api::get_ballot;
use crate::ballots::model::{BallotState, BallotView};
use crate::ballots::texts::texts;
use crate::i18n::use_i18n;
use crate::ui::error_pages::ErrorPanel;
use crate::ui::format::{date_time, vietnam_time};

use super::answer::AnswerForm;
use super::manage::ManagePanel;
use super::result::ResultPanel;
use crate::ui::texts::texts as ui_texts;

/// Removes a draft ballot's document: the one endpoint that removes any document (an item's
/// or a ballot's) belongs to the meetings, so the routes hand it to the ballot page.
#[derive(Clone, Copy)]
pub struct DocumentRemoval(pub Callback<Uuid>);

#[component]
pub fn BallotPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let version = expect_context::<crate::live::BallotsVersion>().0;
    // Uploads of draft documents outlive the re-renders of the page below.
    provide_context(crate::ui::upload::UploadBoard::default());
    let ballot = Resource::new(
        move || (params.read().get("id").unwrap_or_default(), version.get()),
        |(id, _)| get_ballot(id),
    );
    view! {
        <Transition fallback=move || view! { <p class="loading">{move || ui_texts(i18n.lang()).loading}</p> }>
            {move || Suspend::new(async move {
                match ballot.await {
                    Ok(ballot) => view! { <Ballot ballot/> }.into_any(),
                    Err(error) => view! { <ErrorPanel error/> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn Ballot(ballot: BallotView) -> impl IntoView {
    let i18n = use_i18n();
    let lang = move || i18n.lang();
    let deadline = vietnam_time(ballot.deadline_at);
    let state = ballot.state;
    let title = ballot.title.clone();
    let hidden = state == BallotState::Closed && ballot.result.is_none();
    view! {
        <Title text=title.clone()/>
        <article class="ballot" data-state=state.as_str()>
            {match ballot.meeting_id {
                // A vote in a meeting is a vote, not a written opinion: say so, and lead back.
                Some(meeting) => view! {
                    <p class="breadcrumb">
                        <a href=format!("/meetings/{meeting}/room")>{move || texts(lang()).back_to_room}</a>
                    </p>
                    <p class="muted">{move || texts(lang()).meeting_vote}</p>
                }.into_any(),
                None => view! { <p class="muted">{move || texts(lang()).title}</p> }.into_any(),
            }}
            <h1 lang="vi">{title}</h1>
            <p>
                <span class="badge">{move || state.label(lang())}</span>
                " "
                <span class="deadline">
                    {move || format!("{}: {}", texts(lang()).deadline, date_time(deadline, lang()))}
                </span>
            </p>
            <div class="panel question" lang="vi">{ballot.question.clone()}</div>
            {(!ballot.documents.is_empty()).then(|| view! {
                <ul class="documents">
                    {ballot.documents.iter().map(|d| {
                        let (id, pages) = (d.id, d.page_count);
                        let removable = ballot.manage && state == BallotState::Draft;
                        let removal = use_context::<DocumentRemoval>();
                        view! {
                            <li>
                                <a href=format!("/documents/{id}/read") lang="vi">{d.title.clone()}</a>
                                {pages.map(|n| view! { <span class="muted">{move || format!(" · {}", crate::ui::format::pages(n, i18n.lang()))}</span> })}
                                {removable.then(|| view! {
                                    <button
                                        type="button"
                                        class="button small danger"
                                        on:click=move |_| {
                                            // The page re-reads through the live channel.
                                            if let Some(removal) = removal {
                                                removal.0.run(id);
                                            }
                                        }
                                    >
                                        {move || ui_texts(i18n.lang()).remove}
                                    </button>
                                })}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            })}
            {(!ballot.extensions.is_empty()).then(|| view! {
                <ul class="extensions">
                    {ballot.extensions.iter().map(|x| {
                        let old = vietnam_time(x.old_deadline_at);
                        let new = vietnam_time(x.new_deadline_at);
                        let reason = x.reason.clone();
                        view! {
                            <li>
                                {move || format!(
                                    "{}: {} → {} — {}",
                                    texts(lang()).extended,
                                    date_time(old, lang()),
                                    date_time(new, lang()),
                                    reason
                                )}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            })}
            {(ballot.may_answer || ballot.mine.is_some()).then(|| view! {
                <AnswerForm ballot_id=ballot.id may_answer=ballot.may_answer mine=ballot.mine.clone()/>
            })}
            {ballot.manage.then(|| view! { <ManagePanel ballot=ballot.clone()/> })}
            {ballot.result.clone().map(|result| view! { <ResultPanel ballot_id=ballot.id result manage=ballot.manage/> })}
            {hidden.then(|| view! { <p class="muted">{move || texts(lang()).results_hidden}</p> })}
        </article>
    }
}
