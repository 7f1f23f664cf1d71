//! A closed ballot's result: the counts as bars against N (the eligible members), the
//! outcome, every "other opinion" with its author, comments, and who did not answer; and the
//! printable summary (tổng hợp ý kiến) page.
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;
use uuid::Uuid;

use crate::ballots::api::get_ballot;
use crate::ballots::model::{BallotResult, Choice, OtherOpinion};
use crate::ballots::texts::texts;
use crate::i18n::use_i18n;
use crate::ui::error_pages::ErrorPanel;
use crate::ui::texts::texts as ui_texts;

#[component]
pub fn ResultPanel(ballot_id: Uuid, result: BallotResult, manage: bool) -> impl IntoView {
    let i18n = use_i18n();
    let lang = move || i18n.lang();
    view! {
        <section class="panel result" aria-labelledby="result-title">
            <h2 id="result-title">{move || texts(lang()).result}</h2>
            <ResultBody result/>
            {manage.then(|| view! {
                <p class="links">
                    <a class="button" href=format!("/ballots/{ballot_id}/summary")>{move || texts(lang()).summary_link}</a>
                    " "
                    <a class="button" href=format!("/ballots/{ballot_id}/summary.csv") download>{move || texts(lang()).csv_link}</a>
                </p>
            })}
        </section>
    }
}

#[component]
fn ResultBody(result: BallotResult) -> impl IntoView {
    let i18n = use_i18n();
    let lang = move || i18n.lang();
    let tally = result.tally;
    let n = tally.eligible.max(1);
    let bar = move |label: &'static str, class: &'static str, count: u32| {
        // Against N: "more than half" is the line drawn at 50 % of the track.
        view! {
            <div class=format!("tally-row {class}")>
                <span class="tally-label">{label}</span>
                <span class="tally-track">
                    <progress max=n.to_string() value=count.to_string() aria-hidden="true"></progress>
                </span>
                <span class="tally-count">{count}</span>
            </div>
        }
    };
    let vi_en = move |c: Choice| c.label(lang());
    view! {
        <p class="outcome" data-outcome=crate::ballots::model::outcome_key(result.outcome)>
            <strong>{move || result.outcome.label(lang())}</strong>
        </p>
        <p class="muted">{move || format!("{}: {}", texts(lang()).eligible_count, tally.eligible)}</p>
        <div class="tally" role="img" aria-label=move || format!(
            "{} {}, {} {}, {} {}, {} {}",
            vi_en(Choice::Agree), tally.agree,
            vi_en(Choice::Disagree), tally.disagree,
            vi_en(Choice::Other), tally.other,
            texts(lang()).not_answered, tally.unanswered()
        )>
            {move || view! {
                {bar(vi_en(Choice::Agree), "agree", tally.agree)}
                {bar(vi_en(Choice::Disagree), "disagree", tally.disagree)}
                {bar(vi_en(Choice::Other), "other", tally.other)}
                {bar(texts(lang()).not_answered, "none", tally.unanswered())}
            }}
        </div>
        <h3>{move || texts(lang()).others}</h3>
        <Opinions list=result.others.clone() class="others"/>
        <h3>{move || texts(lang()).comments}</h3>
        <Opinions list=result.comments.clone() class="comments"/>
        <h3>{move || texts(lang()).not_answered}</h3>
        {if result.not_answered.is_empty() {
            view! { <p class="muted">{move || texts(lang()).nobody}</p> }.into_any()
        } else {
            view! {
                <ul class="not-answered">
                    {result.not_answered.iter().map(|n| view! { <li>{n.clone()}</li> }).collect_view()}
                </ul>
            }.into_any()
        }}
    }
}

#[component]
fn Opinions(list: Vec<OtherOpinion>, class: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    if list.is_empty() {
        return view! { <p class="muted">{move || texts(i18n.lang()).nobody}</p> }.into_any();
    }
    view! {
        <ul class=class>
            {list.into_iter().map(|o| view! {
                <li><strong>{o.full_name}</strong>": "{o.text}</li>
            }).collect_view()}
        </ul>
    }
    .into_any()
}

/// `/ballots/:id/summary`: the summary of opinions, laid out for printing.
#[component]
pub fn BallotSummaryPage() -> impl IntoView {
    let i18n = use_i18n();
    let lang = move || i18n.lang();
    let params = use_params_map();
    let ballot = Resource::new(
        move || params.read().get("id").unwrap_or_default(),
        get_ballot,
    );
    view! {
        <Title text=move || texts(lang()).summary_title/>
        <Suspense fallback=move || view! { <p class="loading">{move || ui_texts(i18n.lang()).loading}</p> }>
            {move || Suspend::new(async move {
                match ballot.await {
                    Ok(b) => match b.result.filter(|_| b.manage) {
                        Some(result) => view! {
                            <article class="print-summary">
                                <h1>{move || texts(lang()).summary_title}</h1>
                                <h2 lang="vi">{b.title.clone()}</h2>
                                <p class="question">{b.question.clone()}</p>
                                <ResultBody result/>
                                <button class="button no-print" on:click=|_| {
                                    #[cfg(feature = "hydrate")]
                                    if let Some(w) = web_sys::window() {
                                        let _ = w.print();
                                    }
                                }>{move || texts(lang()).print}</button>
                            </article>
                        }.into_any(),
                        None => view! { <ErrorPanel error=crate::error::AppError::NotFound/> }.into_any(),
                    },
                    Err(error) => view! { <ErrorPanel error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}
