//! The dashboard's trends: the share done on time, month by month, and a burn-down of the
//! open tasks of one resolution (chosen from those with the most tasks). Each chart has its
//! figures in a table beside it.
use leptos::prelude::*;

use crate::i18n::use_i18n;
use crate::tasks::model::BurnDown;
use crate::tasks::texts::texts;
use crate::ui::charts::LinePlot;
use crate::ui::format::percent;
use crate::ui::table_scroll::TableScroll;

/// Done on time of done, by the month tasks were done in ("YYYY-MM", on time, done).
#[component]
pub fn OnTimeByMonth(months: Vec<(String, i64, i64)>) -> impl IntoView {
    let i18n = use_i18n();
    let lang = move || i18n.lang();
    let tt = move || texts(lang());
    if months.is_empty() {
        return ().into_any();
    }
    let points: Vec<(String, f64)> = months
        .iter()
        .map(|(m, on_time, done)| (m.clone(), 100.0 * *on_time as f64 / (*done).max(1) as f64))
        .collect();
    view! {
        <h3 id="on-time-by-month">{move || tt().on_time_by_month}</h3>
        <LinePlot title=tt().on_time_by_month.to_owned() points series_class="series-2"/>
        <TableScroll label=Signal::derive(move || tt().on_time_by_month.to_owned())>
            <table>
                <thead>
                    <tr>
                        <th scope="col">{move || tt().month}</th>
                        <th scope="col">{move || tt().done}</th>
                        <th scope="col">{move || tt().done_on_time}</th>
                        <th scope="col">"%"</th>
                    </tr>
                </thead>
                <tbody>
                    {months.into_iter().map(|(month, on_time, done)| {
                        let share = 100.0 * on_time as f64 / done.max(1) as f64;
                        view! {
                            <tr>
                                <th scope="row">{month}</th>
                                <td>{done}</td>
                                <td>{on_time}</td>
                                <td>{move || percent(share, lang())}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </TableScroll>
    }
    .into_any()
}

/// The open tasks of the chosen resolution at each month's end.
#[component]
pub fn BurnDowns(burn_downs: Vec<BurnDown>) -> impl IntoView {
    let i18n = use_i18n();
    let lang = move || i18n.lang();
    let tt = move || texts(lang());
    if burn_downs.is_empty() {
        return ().into_any();
    }
    let chosen = RwSignal::new(0_usize);
    let names: Vec<(usize, String, i64)> = burn_downs
        .iter()
        .enumerate()
        .map(|(i, b)| (i, b.resolution.clone(), b.tasks))
        .collect();
    let chart = move || {
        let b = burn_downs.get(chosen.get()).cloned().unwrap_or_default();
        let title = format!("{} — {}", tt().burn_down, b.resolution);
        let points: Vec<(String, f64)> =
            b.open.iter().map(|(m, n)| (m.clone(), *n as f64)).collect();
        let rows = b.open.clone();
        view! {
            <LinePlot title points series_class="series-1"/>
            <TableScroll label=Signal::derive(move || tt().burn_down.to_owned())>
                <table>
                    <thead>
                        <tr>
                            <th scope="col">{move || tt().month}</th>
                            <th scope="col">{move || tt().open_tasks}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {rows.into_iter().map(|(month, open)| view! {
                            <tr><th scope="row">{month}</th><td>{open}</td></tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </TableScroll>
        }
    };
    view! {
        <h3 id="burn-down">{move || tt().burn_down}</h3>
        <label class="field">
            <span>{move || tt().resolution}</span>
            <select on:change=move |ev| chosen.set(event_target_value(&ev).parse().unwrap_or(0))>
                {names.into_iter().map(|(i, name, n)| view! {
                    <option value=i.to_string() selected=i == 0>{format!("{name} ({n})")}</option>
                }).collect_view()}
            </select>
        </label>
        {chart}
    }
    .into_any()
}
