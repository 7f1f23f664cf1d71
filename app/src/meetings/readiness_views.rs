//! `/meetings/:id/readiness` (secretariat): who has opened and read each document, and how
//! many items each member has reviewed, at a glance (bars, not just numbers).
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::i18n::use_i18n;
use crate::live::LiveVersion;
use crate::meetings::editing::api::get_readiness;
use crate::meetings::model::Readiness;
use crate::meetings::texts::texts;
use crate::ui::error_pages::ErrorPanel;
use crate::ui::table_scroll::TableScroll;
use crate::ui::texts::texts as ui_texts;

#[component]
pub fn ReadinessPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let live = expect_context::<LiveVersion>().0;
    let readiness = Resource::new(
        move || (params.read().get("id").unwrap_or_default(), live.get()),
        |(id, _)| get_readiness(id),
    );
    view! {
        <Title text=move || texts(i18n.lang()).readiness_title/>
        <Transition fallback=move || view! { <p class="loading">{move || ui_texts(i18n.lang()).loading}</p> }>
            {move || Suspend::new(async move {
                match readiness.await {
                    Ok(readiness) => view! { <ReadinessTable readiness/> }.into_any(),
                    Err(error) => view! { <ErrorPanel error/> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn ReadinessTable(readiness: Readiness) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || texts(i18n.lang());
    let items = readiness.items_with_documents;
    let empty = readiness.members.is_empty() || readiness.documents.is_empty();
    let counts: Vec<Option<i64>> = readiness.documents.iter().map(|d| d.page_count).collect();
    view! {
        <h1>{move || t().readiness_title}</h1>
        <p class="muted" lang="vi">{readiness.meeting_title.clone()}</p>
        {if empty {
            view! { <p>{move || t().readiness_empty}</p> }.into_any()
        } else {
            view! {
                <p class="muted">{move || t().readiness_hint}</p>
                <TableScroll label=move || t().readiness_title.to_owned()>
                    <table class="readiness">
                        <thead>
                            <tr>
                                <th scope="col">{move || t().readiness_member}</th>
                                <th scope="col">{move || t().readiness_items}</th>
                                {readiness.documents.iter().map(|d| view! {
                                    <th scope="col">
                                        <span class="doc-title" lang="vi">{d.title.clone()}</span>
                                        <span class="muted">{d.item_title.clone()}</span>
                                    </th>
                                }).collect_view()}
                            </tr>
                        </thead>
                        <tbody>
                            {readiness.members.into_iter().map(|member| {
                                let reviewed = member.items_reviewed;
                                view! {
                                    <tr>
                                        <th scope="row" lang="vi">{member.full_name.clone()}</th>
                                        <td class="readiness-items">
                                            <progress max=items.to_string() value=reviewed.to_string()></progress>
                                            <span>{format!("{reviewed}/{items}")}</span>
                                        </td>
                                        {member.documents.iter().zip(&counts).map(|(cell, count)| {
                                            let cell = *cell;
                                            let percent = cell.percent(*count);
                                            let pages = count.map(|n| n.to_string()).unwrap_or_else(|| "?".to_owned());
                                            if cell.opened {
                                                view! {
                                                    <td class="readiness-cell opened">
                                                        <progress max="100" value=percent.to_string()></progress>
                                                        <span>{format!("✓ {}/{pages}", cell.pages_viewed)}</span>
                                                    </td>
                                                }.into_any()
                                            } else {
                                                view! {
                                                    <td class="readiness-cell">
                                                        <span class="muted">{move || t().readiness_not_opened}</span>
                                                    </td>
                                                }.into_any()
                                            }
                                        }).collect_view()}
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                </TableScroll>
            }.into_any()
        }}
    }
}
