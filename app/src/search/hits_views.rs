//! How each hit looks: marked words, a document group with its places and pages, a kind of
//! text with its count.
use leptos::prelude::*;

use crate::i18n::use_i18n;
use crate::search::model::{DocumentGroup, Place, Snippet, TextGroup, TextKind};
use crate::search::texts::texts;

/// Text with the query's words in `<mark>`.
#[component]
pub fn Marked(snippet: Snippet) -> impl IntoView {
    snippet
        .0
        .into_iter()
        .map(|(text, hit)| {
            if hit {
                view! { <mark>{text}</mark> }.into_any()
            } else {
                text.into_any()
            }
        })
        .collect_view()
}

#[component]
pub fn DocumentGroupView(group: DocumentGroup) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || texts(i18n.lang());
    let doc = group.document_id;
    let href = move |page: i64| format!("/documents/{doc}/read?page={page}");
    let count = group.pages.len();
    let (with_snippet, others): (Vec<_>, Vec<_>) =
        group.pages.into_iter().partition(|p| p.snippet.is_some());
    let version = group.version_no;
    view! {
        <li class="search-group">
            <h3>
                <a href=format!("/documents/{doc}/read") rel="external" lang="vi"><Marked snippet=group.title/></a>
            </h3>
            <p class="muted group-facts">
                <span lang="vi"><Marked snippet=group.file_name/></span>
                {move || format!(" · {} {version}", t().version_label)}
                {(count > 0).then(|| view! { <strong class="count">{move || format!(" · {count} {}", t().pages_found)}</strong> })}
                {group.named.then(|| view! { <span class="badge">{move || t().named}</span> })}
                {group.superseded.then(|| view! { <span class="badge warning">{move || t().superseded}</span> })}
            </p>
            <ul class="plain-list places">
                {group.places.into_iter().map(|place| match place {
                    Place::Item { meeting_id, meeting_title, item_title, cancelled } => view! {
                        <li>
                            <a href=format!("/meetings/{meeting_id}") lang="vi">{meeting_title}</a>
                            <span lang="vi">{format!(" · {item_title}")}</span>
                            {cancelled.then(|| view! { <span class="badge warning">{move || t().cancelled}</span> })}
                        </li>
                    }.into_any(),
                    Place::Ballot { ballot_id, ballot_title } => view! {
                        <li>
                            {move || format!("{}: ", t().ballot_place)}
                            <a href=format!("/ballots/{ballot_id}") lang="vi">{ballot_title}</a>
                        </li>
                    }.into_any(),
                }).collect_view()}
            </ul>
            <ol class="plain-list page-hits">
                {with_snippet.into_iter().map(|hit| {
                    let page = hit.page;
                    view! {
                        <li>
                            <a href=href(page) rel="external">{move || format!("{} {page}", t().page_label)}</a>
                            <p class="snippet" lang="vi"><Marked snippet=hit.snippet.unwrap_or_default()/></p>
                        </li>
                    }
                }).collect_view()}
            </ol>
            {(!others.is_empty()).then(|| view! {
                <p class="other-pages">
                    <span>{move || t().other_pages}</span>
                    {others.into_iter().map(|hit| {
                        let page = hit.page;
                        let label = move || format!("{} {page}", t().page_label);
                        view! { " " <a class="page-link" href=href(page) rel="external" aria-label=label>{page}</a> }
                    }).collect_view()}
                </p>
            })}
        </li>
    }
}

fn kind_title(kind: TextKind, lang: crate::i18n::Lang) -> &'static str {
    let t = texts(lang);
    match kind {
        TextKind::Meeting => t.kind_meeting,
        TextKind::AgendaItem => t.kind_item,
        TextKind::Comment => t.kind_comment,
        TextKind::Conclusion => t.kind_conclusion,
        TextKind::Minutes => t.kind_minutes,
    }
}

#[component]
pub fn TextGroupView(group: TextGroup) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || texts(i18n.lang());
    let kind = group.kind;
    let id = format!("found-{kind:?}").to_lowercase();
    let labelled_by = id.clone();
    let count = group.count;
    let shown = group.hits.len();
    view! {
        <section class="search-kind" aria-labelledby=labelled_by>
            <h2 id=id>
                {move || kind_title(kind, i18n.lang())}
                <span class="count">{format!("{count}")}</span>
            </h2>
            {(shown < count).then(|| view! {
                <p class="muted">{move || format!("{} {shown} {} {count}", t().shown_of, t().shown_of_total)}</p>
            })}
            <ol class="plain-list search-hits">
                {group.hits.into_iter().map(|hit| view! {
                    <li class="search-hit">
                        <a href=hit.href lang="vi">{hit.item_title.unwrap_or(hit.meeting_title.clone())}</a>
                        {(kind != TextKind::Meeting).then(|| view! { <span class="muted" lang="vi">{hit.meeting_title}</span> })}
                        {hit.cancelled.then(|| view! { <span class="badge warning">{move || t().cancelled}</span> })}
                        <p class="snippet" lang="vi"><Marked snippet=hit.snippet/></p>
                    </li>
                }).collect_view()}
            </ol>
        </section>
    }
}
