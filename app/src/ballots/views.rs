//! `/ballots`: the ballots one may see (open first) and, for the secretariat, a form to
//! create a draft.
use leptos::prelude::*;
use leptos_meta::Title;

use crate::ballots::api::{list_ballot_members, list_ballots};
use crate::ballots::model::{BallotState, BallotSummaryRow};
use crate::ballots::texts::texts;
use crate::i18n::use_i18n;
use crate::ui::error_pages::ErrorPanel;
use crate::ui::format::{date_time, vietnam_time};

use crate::ui::texts::texts as ui_texts;
use draft_form::DraftForm;

mod answer;
pub mod draft_form;
mod manage;
pub mod page;
pub mod result;

#[component]
pub fn BallotsPage() -> impl IntoView {
    let i18n = use_i18n();
    let bt = move || texts(i18n.lang());
    let version = expect_context::<crate::live::BallotsVersion>().0;
    let ballots = Resource::new(move || version.get(), |_| list_ballots());
    let session = expect_context::<crate::identity::session_resource::SessionResource>().0;
    // Only the secretariat creates ballots (and may list the members). A resource, not a call
    // awaited in the view: its value travels with the page, so the form hydrates as rendered.
    let members = Resource::new(
        || (),
        move |_| async move {
            let secretariat = session
                .await
                .ok()
                .and_then(|s| s.user)
                .is_some_and(|u| u.role == crate::identity::model::Role::Secretariat);
            if !secretariat {
                return None;
            }
            list_ballot_members().await.ok()
        },
    );
    view! {
        <Title text=move || bt().title/>
        <h1>{move || bt().title}</h1>
        <Transition fallback=move || view! { <p class="loading">{move || ui_texts(i18n.lang()).loading}</p> }>
            {move || Suspend::new(async move {
                match ballots.await {
                    Ok(rows) => view! { <BallotList rows/> }.into_any(),
                    Err(error) => view! { <ErrorPanel error/> }.into_any(),
                }
            })}
        </Transition>
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                members.await.map(|members| view! { <DraftForm members initial=None/> })
            })}
        </Transition>
    }
}

#[component]
fn BallotList(rows: Vec<BallotSummaryRow>) -> impl IntoView {
    let i18n = use_i18n();
    let lang = move || i18n.lang();
    if rows.is_empty() {
        return view! { <p>{move || texts(lang()).none}</p> }.into_any();
    }
    view! {
        <ul class="ballot-list">
            {rows.into_iter().map(|row| {
                let href = format!("/ballots/{}", row.id);
                let deadline = vietnam_time(row.deadline_at);
                let state = row.state;
                let mine = row.mine;
                view! {
                    <li class="panel ballot-row" class:open=state == BallotState::Open>
                        <a href=href class="ballot-title" lang="vi">{row.title.clone()}</a>
                        <span class="badge">{move || state.label(lang())}</span>
                        <span class="muted">
                            {move || format!("{}: {}", texts(lang()).deadline, date_time(deadline, lang()))}
                        </span>
                        <span class="muted">
                            {move || format!("{}/{} {}", row.answered, row.eligible, texts(lang()).answered_of)}
                        </span>
                        {mine.map(|choice| view! {
                            <span class="badge mine">{move || choice.label(lang())}</span>
                        })}
                    </li>
                }
            }).collect_view()}
        </ul>
    }
    .into_any()
}
