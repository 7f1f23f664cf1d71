//! `/analytics`: what e-Cabinet saves — totals against the −30 % goal, charts per meeting
//! and over time, the table (also as CSV), the live usage panel; for the secretariat also the
//! baseline settings and the import of paper-era meetings.
use leptos::prelude::*;
use leptos_meta::Title;

use crate::analytics::api::get_savings;
use crate::analytics::model::{Dashboard, Totals};
use crate::analytics::review_views::CountsCell;
use crate::analytics::settings_views::Settings;
use crate::analytics::texts::{span, texts, Texts};
use crate::analytics::usage_views::LiveUsagePanel;
use crate::i18n::{use_i18n, Lang};
use crate::ui::charts::{GroupedBars, LinePlot, Series};
use crate::ui::error_pages::ErrorPanel;
use crate::ui::format::{decimal, hours, integer, money, percent, short};
use crate::ui::table_scroll::TableScroll;
use crate::ui::texts::texts as ui_texts;

#[component]
pub fn AnalyticsPage() -> impl IntoView {
    let i18n = use_i18n();
    let version = RwSignal::new(0_u64);
    let dashboard = Resource::new(move || version.get(), |_| get_savings());
    view! {
        <Title text=move || texts(i18n.lang()).title/>
        <Transition fallback=move || view! { <p class="loading">{move || ui_texts(i18n.lang()).loading}</p> }>
            {move || Suspend::new(async move {
                match dashboard.await {
                    Ok(d) => view! { <DashboardView d version/> }.into_any(),
                    Err(error) => view! { <ErrorPanel error/> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn DashboardView(d: Dashboard, version: RwSignal<u64>) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || texts(i18n.lang());
    let lang = move || i18n.lang();
    let totals = d.totals;
    let label =
        |m: &crate::analytics::model::MeetingSavings| m.held_on.format("%d/%m/%y").to_string();
    let categories: Vec<String> = d.meetings.iter().map(label).collect();
    let minutes_chart = {
        let d = d.clone();
        let categories = categories.clone();
        move || {
            let series = vec![
                Series {
                    name: t().baseline.to_owned(),
                    values: d
                        .meetings
                        .iter()
                        .map(|m| m.baseline_minutes.map(|b| b as f64))
                        .collect(),
                },
                Series {
                    name: t().planned.to_owned(),
                    values: d
                        .meetings
                        .iter()
                        .map(|m| Some(m.planned_minutes as f64))
                        .collect(),
                },
                Series {
                    name: t().actual.to_owned(),
                    values: d
                        .meetings
                        .iter()
                        .map(|m| Some(m.actual_minutes as f64))
                        .collect(),
                },
            ];
            view! { <GroupedBars title=t().chart_minutes.to_owned() categories=categories.clone() series/> }
        }
    };
    let reduction_points: Vec<(String, f64)> = d
        .meetings
        .iter()
        .filter_map(|m| Some((label(m), m.reduction_percent?)))
        .collect();
    let mut running = 0;
    let pages_points: Vec<(String, f64)> = d
        .meetings
        .iter()
        .map(|m| {
            running += m.pages_saved;
            (label(m), running as f64)
        })
        .collect();
    // Minutes per item over time: paper-era meetings, then e-Cabinet ones.
    let trend: Vec<(String, f64)> = d
        .history
        .iter()
        .map(|h| {
            (
                h.held_on.format("%m/%y").to_string(),
                h.duration_minutes as f64 / h.item_count as f64,
            )
        })
        .chain(d.meetings.iter().filter(|m| m.items > 0).map(|m| {
            (
                m.held_on.format("%m/%y").to_string(),
                m.actual_minutes as f64 / m.items as f64,
            )
        }))
        .collect();
    let latest_items = d.meetings.last().map(|m| {
        (
            m.item_minutes
                .iter()
                .map(|(n, _, _)| n.to_string())
                .collect::<Vec<_>>(),
            m.item_minutes.clone(),
        )
    });
    // Each figure is written again when the language changes.
    let card = move |label: fn(&Texts) -> &'static str,
                     value: fn(&Totals, Lang) -> String,
                     class: &'static str| {
        view! {
            <div class=format!("stat {class}")>
                <dt>{move || label(t())}</dt>
                <dd>{move || value(&totals, lang())}</dd>
            </div>
        }
    };
    let table_rows = d.meetings.clone();
    let may_review = d.may_configure;
    let task_days = d.task_days_to_done;
    view! {
        <h1>{move || t().title}</h1>
        <p class="muted">{move || t().goal}</p>
        <LiveUsagePanel/>
        {d.meetings.is_empty().then(|| view! { <p class="notice">{move || t().none_yet}</p> })}
        <dl class="stats" data-testid="totals">
            {card(|t| t.meetings, |s, l| integer(s.meetings, l), "meetings")}
            {card(|t| t.reduction, |s, l| s.reduction_percent.map_or("—".to_owned(), |r| percent(r, l)), "reduction")}
            {card(|t| t.saved, |s, l| span(s.baseline_minutes - s.actual_minutes, l), "saved")}
            {card(|t| t.moved, |s, l| span(s.moved_to_ballots_minutes, l), "moved")}
            {card(|t| t.net, |s, l| span(s.net_saved_minutes, l), "net")}
            {card(|t| t.consent, |s, l| format!("{}/{}", integer(s.consent_items, l), integer(s.items, l)), "consent")}
            {card(|t| t.speaking, |s, l| span(s.speaking_minutes, l), "speaking")}
            {card(|t| t.pages, |s, l| integer(s.pages_saved, l), "pages")}
            {card(|t| t.cost, |s, l| money(s.cost_saved, l), "cost")}
            {card(|t| t.read, |s, l| s.read_percent.map_or("—".to_owned(), |r| percent(r, l)), "read")}
            {card(|t| t.response, |s, l| s.ballot_response_hours.map_or("—".to_owned(), |h| hours(h, l)), "response")}
            <div class="stat tasks">
                <dt>{move || t().task_days}</dt>
                <dd>{move || task_days.map_or("—".to_owned(), |d| format!("{} {}", short(d, lang()), t().days))}</dd>
            </div>
        </dl>
        <div class="charts">
            {minutes_chart}
            {move || view! {
                <LinePlot
                    title=t().chart_reduction.to_owned()
                    points=reduction_points.clone()
                    target=(30.0, percent(-30.0, lang()))
                    series_class="series-2"
                />
            }}
            {move || view! { <LinePlot title=t().chart_trend.to_owned() points=trend.clone() series_class="series-0"/> }}
            {move || view! { <LinePlot title=t().chart_pages.to_owned() points=pages_points.clone() series_class="series-1"/> }}
            {latest_items.map(|(categories, items)| move || view! {
                <GroupedBars
                    title=t().chart_items.to_owned()
                    categories=categories.clone()
                    series=vec![
                        Series { name: t().planned.to_owned(), values: items.iter().map(|(_, p, _)| Some(*p as f64)).collect() },
                        Series { name: t().actual.to_owned(), values: items.iter().map(|(_, _, a)| Some(*a as f64)).collect() },
                    ]
                />
            })}
        </div>
        <section class="panel">
            <h2>{move || t().table}</h2>
            <p><a class="button" href="/analytics/savings.csv" rel="external">{move || t().csv}</a></p>
            <TableScroll label=move || t().table.to_owned()>
                <table class="savings">
                    <thead>
                        <tr>
                            <th scope="col">{move || t().date}</th>
                            <th scope="col">{move || t().meeting}</th>
                            <th scope="col">{move || t().items}</th>
                            <th scope="col">{move || t().baseline}</th>
                            <th scope="col">{move || t().planned}</th>
                            <th scope="col">{move || t().actual}</th>
                            <th scope="col">"%"</th>
                            <th scope="col">{move || t().pages}</th>
                            <th scope="col">{move || t().counted}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {table_rows.iter().rev().map(|m| {
                            let (baseline, planned, actual) = (m.baseline_minutes, m.planned_minutes, m.actual_minutes);
                            let (reduction, pages) = (m.reduction_percent, m.pages_saved);
                            view! {
                            <tr class:excluded=!m.counts>
                                <td>{m.held_on.format("%d/%m/%Y").to_string()}</td>
                                <td><a href=format!("/meetings/{}", m.meeting_id) lang="vi">{m.title.clone()}</a></td>
                                <td>{format!("{} ({})", m.items, m.consent_items)}</td>
                                <td>{move || baseline.map(|b| integer(b, lang())).unwrap_or_default()}</td>
                                <td>{move || integer(planned, lang())}</td>
                                <td>{move || integer(actual, lang())}</td>
                                <td>{move || reduction.map(|r| decimal(r, 1, lang())).unwrap_or_default()}</td>
                                <td>{move || integer(pages, lang())}</td>
                                <CountsCell m=m.clone() may_review version/>
                            </tr>
                        }
                        }).collect_view()}
                    </tbody>
                </table>
            </TableScroll>
        </section>
        {d.may_configure.then(|| view! { <Settings d=d.clone() version/> })}
    }
}
