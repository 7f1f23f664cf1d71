//! The search page: the box and its filters (in the address, so a search can be shared and
//! reloaded), a count per kind and in all, document hits grouped by file, and more document
//! pages on request.
use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;
use uuid::Uuid;

use crate::error::AppError;
use crate::i18n::use_i18n;
use crate::identity::session_resource::SessionResource;
use crate::meetings::api::list_meetings;
use crate::search::api::search;
use crate::search::hits_views::{DocumentGroupView, TextGroupView};
use crate::search::model::{DocumentGroup, SearchQuery, SearchResults};
use crate::search::texts::texts;
use crate::ui::error_pages::ErrorPanel;
use crate::ui::texts::texts as ui_texts;

fn query_from(map: &leptos_router::params::ParamsMap) -> SearchQuery {
    let day = |key: &str| {
        map.get(key)
            .and_then(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok())
    };
    SearchQuery {
        q: map.get("q").unwrap_or_default(),
        meeting: map.get("meeting").and_then(|m| Uuid::parse_str(&m).ok()),
        from: day("from"),
        to: day("to"),
        after: None,
    }
}

/// Groups of a later answer added to those shown: a file already shown gains its pages.
fn merge(shown: &mut Vec<DocumentGroup>, more: Vec<DocumentGroup>) {
    for group in more {
        match shown.iter_mut().find(|g| g.key == group.key) {
            Some(g) => {
                for page in group.pages {
                    if !g.pages.iter().any(|p| p.page == page.page) {
                        g.pages.push(page);
                    }
                }
                g.pages.sort_by_key(|p| p.page);
                for place in group.places {
                    if !g.places.contains(&place) {
                        g.places.push(place);
                    }
                }
            }
            None => shown.push(group),
        }
    }
}

#[component]
pub fn SearchPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = expect_context::<SessionResource>().0;
    let map = use_query_map();
    let query = Memo::new(move |_| query_from(&map.read()));
    let results = Resource::new(
        move || query.get(),
        |q| async move {
            if q.q.trim().is_empty() {
                Ok(SearchResults::default())
            } else {
                search(q).await
            }
        },
    );
    view! {
        <Title text=move || texts(i18n.lang()).search_title/>
        <h1>{move || texts(i18n.lang()).search_title}</h1>
        <SearchForm query/>
        <Suspense fallback=move || view! { <p class="loading">{move || ui_texts(i18n.lang()).loading}</p> }>
            {move || Suspend::new(async move {
                if session.await.ok().and_then(|s| s.user).is_none() {
                    return view! { <ErrorPanel error=AppError::Unauthenticated/> }.into_any();
                }
                match results.await {
                    Ok(r) if r.documents.is_empty() && r.texts.is_empty() => {
                        if query.get_untracked().q.trim().is_empty() {
                            ().into_any()
                        } else {
                            view! { <p>{move || texts(i18n.lang()).search_nothing}</p> }.into_any()
                        }
                    }
                    Ok(r) => view! { <Results first=r query=query.get_untracked()/> }.into_any(),
                    Err(error) => view! { <ErrorPanel error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn SearchForm(query: Memo<SearchQuery>) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || texts(i18n.lang());
    let meetings = Resource::new(|| (), |_| list_meetings());
    let day = |d: Option<NaiveDate>| {
        d.map(|d| d.format("%Y-%m-%d").to_string())
            .unwrap_or_default()
    };
    view! {
        <form class="panel search-form" method="get" action="/search" role="search">
            <label class="field search-words">
                <span>{move || t().search_label}</span>
                <input type="search" name="q" value=move || query.get().q autocomplete="off" maxlength="500"/>
            </label>
            <Suspense>
                {move || Suspend::new(async move {
                    let chosen = query.get_untracked().meeting;
                    let options = meetings.await.unwrap_or_default().into_iter().map(|m| view! {
                        <option value=m.id.to_string() selected=chosen == Some(m.id) lang="vi">
                            {format!("{} · {}", m.starts_local.format("%d/%m/%Y"), m.title)}
                        </option>
                    }).collect_view();
                    view! {
                        <label class="field">
                            <span>{move || t().filter_meeting}</span>
                            <select name="meeting">
                                <option value="">{move || t().filter_any_meeting}</option>
                                {options}
                            </select>
                        </label>
                    }
                })}
            </Suspense>
            <label class="field date">
                <span>{move || t().filter_from}</span>
                <input type="date" name="from" value=move || day(query.get().from)/>
            </label>
            <label class="field date">
                <span>{move || t().filter_to}</span>
                <input type="date" name="to" value=move || day(query.get().to)/>
            </label>
            <button type="submit" class="button primary">{move || t().search_button}</button>
            <p class="muted">{move || t().search_hint}</p>
        </form>
    }
}

#[component]
fn Results(first: SearchResults, query: SearchQuery) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || texts(i18n.lang());
    let groups = RwSignal::new(first.documents);
    let cursor = RwSignal::new(first.more);
    let texts_found = first.texts;
    let more = Action::new(move |after: &i64| {
        let q = SearchQuery {
            after: Some(*after),
            ..query.clone()
        };
        async move {
            match search(q).await {
                Ok(r) => {
                    groups.update(|g| merge(g, r.documents));
                    cursor.set(r.more);
                    Ok(())
                }
                Err(e) => Err(e),
            }
        }
    });
    let pages = move || groups.with(|g| g.iter().map(|g| g.pages.len()).sum::<usize>());
    let text_count: usize = texts_found.iter().map(|g| g.count).sum();
    let total = move || {
        let more = if cursor.get().is_some() { "+" } else { "" };
        format!("{}{more} {}", pages() + text_count, t().results_total)
    };
    view! {
        <p class="search-total" role="status"><strong>{total}</strong></p>
        <section class="search-kind" aria-labelledby="found-documents">
            <h2 id="found-documents">
                {move || t().kind_documents}
                <span class="count">
                    {move || format!(
                        "{}{} {} {} {} {}",
                        pages(),
                        if cursor.get().is_some() { "+" } else { "" },
                        t().pages_found,
                        t().in_documents,
                        groups.with(Vec::len),
                        t().documents_count
                    )}
                </span>
            </h2>
            <ol class="plain-list search-groups">
                <For each=move || groups.get() key=|g| (g.key.clone(), g.pages.len()) let:group>
                    <DocumentGroupView group/>
                </For>
            </ol>
            {move || cursor.get().map(|after| view! {
                <p class="muted">{move || t().more_hint}</p>
                <button type="button" class="button" disabled=move || more.pending().get()
                    on:click=move |_| { more.dispatch(after); }>
                    {move || t().more_pages}
                </button>
            })}
            {move || more.value().get().and_then(Result::err).map(|error| view! { <ErrorPanel error/> })}
        </section>
        {texts_found.into_iter().map(|group| view! { <TextGroupView group/> }).collect_view()}
    }
}
