//! The search page: one box, results with the original accented text around each match and
//! the page it is on.
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::error::AppError;
use crate::i18n::use_i18n;
use crate::identity::session_resource::SessionResource;
use crate::meetings::texts::texts as meetings_texts;
use crate::search::api::search;
use crate::search::model::{HitKind, SearchHit};
use crate::search::texts::texts;
use crate::ui::error_pages::ErrorPanel;
use crate::ui::texts::texts as ui_texts;

#[component]
pub fn SearchPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = expect_context::<SessionResource>().0;
    let query = use_query_map();
    let current = move || query.read().get("q").unwrap_or_default();
    let results = Resource::new(current, |q| async move {
        if q.trim().is_empty() {
            Ok(Vec::new())
        } else {
            search(q).await
        }
    });
    view! {
        <Title text=move || texts(i18n.lang()).search_title/>
        <h1>{move || texts(i18n.lang()).search_title}</h1>
        <form class="panel search-form" method="get" action="/search" role="search">
            <label class="field">
                <span>{move || texts(i18n.lang()).search_label}</span>
                <input type="search" name="q" value=current autocomplete="off"/>
            </label>
            <button type="submit" class="button primary">{move || texts(i18n.lang()).search_button}</button>
            <p class="muted">{move || texts(i18n.lang()).search_hint}</p>
        </form>
        <Suspense fallback=move || view! { <p class="loading">{move || ui_texts(i18n.lang()).loading}</p> }>
            {move || Suspend::new(async move {
                if session.await.ok().and_then(|s| s.user).is_none() {
                    return view! { <ErrorPanel error=AppError::Unauthenticated/> }.into_any();
                }
                match results.await {
                    Ok(hits) if hits.is_empty() && !current().trim().is_empty() => {
                        view! { <p>{move || texts(i18n.lang()).search_nothing}</p> }.into_any()
                    }
                    Ok(hits) => view! { <Hits hits/> }.into_any(),
                    Err(error) => view! { <ErrorPanel error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Hits(hits: Vec<SearchHit>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <ol class="plain-list search-hits">
            {hits
                .into_iter()
                .map(|hit| {
                    // A document hit opens the reader at the page of the hit.
                    let href = match (hit.document_id, hit.page) {
                        (Some(doc), page) => format!("/documents/{doc}/read?page={}", page.unwrap_or(1)),
                        (None, _) => format!("/meetings/{}", hit.meeting_id),
                    };
                    let external = hit.document_id.map(|_| "external");
                    let kind = hit.kind.clone();
                    let page = hit.page;
                    view! {
                        <li class="search-hit">
                            <a href=href rel=external><strong lang="vi">{hit.title.clone()}</strong></a>
                            <span class="muted">
                                {move || match kind {
                                    HitKind::Meeting => texts(i18n.lang()).search_kind_meeting.to_owned(),
                                    HitKind::AgendaItem => texts(i18n.lang()).search_kind_item.to_owned(),
                                    HitKind::Document => format!(
                                        "{} · {} {}",
                                        meetings_texts(i18n.lang()).documents,
                                        texts(i18n.lang()).page_label,
                                        page.unwrap_or(1)
                                    ),
                                }}
                            </span>
                            {(hit.kind != HitKind::Meeting).then(|| view! { <p class="muted" lang="vi">{hit.meeting_title.clone()}</p> })}
                            {(hit.kind == HitKind::Document).then(|| view! { <p class="snippet">{hit.snippet.clone()}</p> })}
                        </li>
                    }
                })
                .collect_view()}
        </ol>
    }
}
