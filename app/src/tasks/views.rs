//! `/tasks`: where the tasks stand (figures, a chart by lead agency, the oldest overdue), the
//! list, and for the secretariat the form to assign one. What is counted is what the viewer
//! may see: all for the secretariat and the leaders, a ministry's own for its people.
use leptos::prelude::*;
use leptos_meta::Title;

use crate::i18n::{use_i18n, Lang};
use crate::tasks::api::{list_tasks, task_dashboard, task_sources};
use crate::tasks::model::{Dashboard, Figures, TaskStatus, TaskSummary};
use crate::tasks::texts::texts;
use crate::ui::charts::{GroupedBars, Series};
use crate::ui::error_pages::ErrorPanel;
use crate::ui::format::percent;
use crate::ui::texts::texts as ui_texts;

mod assign_form;
mod import_form;
pub mod task_page;
mod trends;

/// A day as people write it here.
pub fn day(d: chrono::NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

/// "22/30 — 73.3 %": done of assigned, and the rate.
pub fn completion(f: &Figures, lang: Lang) -> String {
    match f.completion_percent() {
        Some(rate) => format!("{}/{} — {}", f.done(), f.assigned, percent(rate, lang)),
        None => "—".to_owned(),
    }
}

#[component]
pub fn TasksPage() -> impl IntoView {
    let i18n = use_i18n();
    let tt = move || texts(i18n.lang());
    // Re-read live when a task the viewer may see changes.
    let version = expect_context::<crate::live::TasksVersion>().0;
    let dashboard = Resource::new(move || version.get(), |_| task_dashboard());
    let tasks = Resource::new(move || version.get(), |_| list_tasks());
    let session = expect_context::<crate::identity::session_resource::SessionResource>().0;
    // Only the secretariat assigns (and may list the sources). A resource, so the form
    // hydrates as rendered.
    let sources = Resource::new(
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
            task_sources().await.ok()
        },
    );
    let loading = move || view! { <p class="loading">{move || ui_texts(i18n.lang()).loading}</p> };
    view! {
        <Title text=move || tt().title/>
        <h1>{move || tt().title}</h1>
        <Transition fallback=loading>
            {move || Suspend::new(async move {
                match dashboard.await {
                    Ok(d) => view! { <Figures d/> }.into_any(),
                    Err(error) => view! { <ErrorPanel error/> }.into_any(),
                }
            })}
        </Transition>
        <Transition fallback=loading>
            {move || Suspend::new(async move {
                tasks.await.ok().map(|rows| view! {
                    <section class="panel" aria-labelledby="task-list">
                        <h2 id="task-list">{move || tt().list}</h2>
                        <p><a class="button" href="/tasks.csv" rel="external">{move || tt().download_csv}</a></p>
                        <TaskList rows/>
                    </section>
                })
            })}
        </Transition>
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                sources.await.map(|sources| view! {
                    <assign_form::AssignForm sources/>
                    <import_form::ImportForm/>
                })
            })}
        </Transition>
    }
}

#[component]
fn Figures(d: Dashboard) -> impl IntoView {
    let i18n = use_i18n();
    let lang = move || i18n.lang();
    let tt = move || texts(lang());
    let total = d.total;
    let stat = move |label: &'static str, value: String| {
        view! { <div class="stat"><span class="stat-label">{label}</span><strong>{value}</strong></div> }
    };
    let categories: Vec<String> = d.by_ministry.iter().map(|(m, _)| m.code.clone()).collect();
    let series = |status: TaskStatus, pick: fn(&Figures) -> i64| Series {
        name: status.label(i18n.lang()).to_owned(),
        values: d
            .by_ministry
            .iter()
            .map(|(_, f)| Some(pick(f) as f64))
            .collect(),
    };
    let bars = vec![
        series(TaskStatus::DoneOnTime, |f| f.done_on_time),
        series(TaskStatus::DoneLate, |f| f.done_late),
        series(TaskStatus::InProgress, |f| f.in_progress),
        series(TaskStatus::Overdue, |f| f.overdue),
    ];
    let median = d.median_days_to_done;
    view! {
        <section class="panel" aria-labelledby="task-figures" data-testid="task-figures">
            <h2 id="task-figures">{move || tt().figures}</h2>
            <div class="stats">
                {move || stat(tt().assigned, total.assigned.to_string())}
                {move || stat(TaskStatus::DoneOnTime.label(lang()), total.done_on_time.to_string())}
                {move || stat(TaskStatus::DoneLate.label(lang()), total.done_late.to_string())}
                {move || stat(TaskStatus::InProgress.label(lang()), total.in_progress.to_string())}
                {move || stat(TaskStatus::Overdue.label(lang()), total.overdue.to_string())}
                {move || stat(tt().completion, completion(&total, lang()))}
                {move || stat(tt().on_time_share, total.on_time_percent().map_or("—".to_owned(), |r| percent(r, lang())))}
                {move || stat(tt().median_days, median.map_or("—".to_owned(), |m| format!("{m:.1}")))}
            </div>
            {(!categories.is_empty()).then(|| view! {
                <GroupedBars title=tt().chart_by_ministry.to_owned() categories series=bars/>
            })}
            <BySource rows=d.by_source.clone()/>
            <trends::OnTimeByMonth months=d.on_time_by_month.clone()/>
            <trends::BurnDowns burn_downs=d.burn_downs.clone()/>
            {(!d.oldest_overdue.is_empty()).then(|| view! {
                <h3>{move || tt().oldest_overdue}</h3>
                <TaskList rows=d.oldest_overdue.clone()/>
            })}
        </section>
    }
}

/// The figures by source, as a table.
#[component]
fn BySource(rows: Vec<(crate::tasks::model::TaskSource, Figures)>) -> impl IntoView {
    let i18n = use_i18n();
    let lang = move || i18n.lang();
    let tt = move || texts(lang());
    (!rows.is_empty()).then(|| view! {
        <h3 id="by-source">{move || tt().by_source}</h3>
        <crate::ui::table_scroll::TableScroll label=Signal::derive(move || tt().by_source.to_owned())>
            <table>
                <thead>
                    <tr>
                        <th scope="col">{move || tt().source}</th>
                        <th scope="col">{move || tt().assigned}</th>
                        <th scope="col">{move || TaskStatus::DoneOnTime.label(lang())}</th>
                        <th scope="col">{move || TaskStatus::DoneLate.label(lang())}</th>
                        <th scope="col">{move || TaskStatus::InProgress.label(lang())}</th>
                        <th scope="col">{move || TaskStatus::Overdue.label(lang())}</th>
                        <th scope="col">{move || tt().completion}</th>
                    </tr>
                </thead>
                <tbody>
                    {rows.into_iter().map(|(source, f)| view! {
                        <tr>
                            <th scope="row">{move || source.label(lang())}</th>
                            <td>{f.assigned}</td>
                            <td>{f.done_on_time}</td>
                            <td>{f.done_late}</td>
                            <td>{f.in_progress}</td>
                            <td>{f.overdue}</td>
                            <td>{move || completion(&f, lang())}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </crate::ui::table_scroll::TableScroll>
    })
}

#[component]
fn TaskList(rows: Vec<TaskSummary>) -> impl IntoView {
    let i18n = use_i18n();
    let lang = move || i18n.lang();
    let tt = move || texts(lang());
    if rows.is_empty() {
        return view! { <p>{move || tt().none}</p> }.into_any();
    }
    view! {
        <ul class="task-list">
            {rows.into_iter().map(|t| {
                let href = format!("/tasks/{}", t.id);
                let status = t.status;
                let deadline = t.deadline.map(day);
                view! {
                    <li class="panel task-row" class:overdue=status == TaskStatus::Overdue>
                        <a href=href lang="vi">{t.text.clone()}</a>
                        <span class="badge">{move || status.label(lang())}</span>
                        <span class="muted">{move || format!("{}: {}", tt().lead, t.lead.code)}</span>
                        <span class="muted">
                            {move || format!("{}: {}", tt().deadline, deadline.clone().unwrap_or_else(|| tt().regular.to_owned()))}
                        </span>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
    .into_any()
}
