//! `/analytics`: what e-Cabinet saves — totals against the −30 % goal, charts per meeting
//! and over time, the table (also as CSV), the live usage panel; for the secretariat also the
//! baseline settings and the import of paper-era meetings.
use leptos::prelude::*;
use leptos_meta::Title;

use crate::analytics::api::{get_live_usage, get_savings};
#[cfg(feature = "hydrate")]
use crate::analytics::api::{import_history, save_savings_settings};
use crate::analytics::charts::{GroupedBars, LinePlot, Series};
use crate::analytics::model::{Dashboard, SavingsSettings};
use crate::error::AppError;
use crate::i18n::{use_i18n, Lang};
use crate::ui::error_pages::ErrorPanel;

struct Texts {
    title: &'static str,
    goal: &'static str,
    meetings: &'static str,
    reduction: &'static str,
    saved: &'static str,
    moved: &'static str,
    net: &'static str,
    consent: &'static str,
    speaking: &'static str,
    pages: &'static str,
    cost: &'static str,
    read: &'static str,
    response: &'static str,
    chart_minutes: &'static str,
    baseline: &'static str,
    planned: &'static str,
    actual: &'static str,
    chart_reduction: &'static str,
    chart_pages: &'static str,
    chart_trend: &'static str,
    chart_items: &'static str,
    table: &'static str,
    csv: &'static str,
    date: &'static str,
    meeting: &'static str,
    items: &'static str,
    none_yet: &'static str,
    usage: &'static str,
    online: &'static str,
    opened_today: &'static str,
    readers: &'static str,
    pending: &'static str,
    nothing_pending: &'static str,
    settings: &'static str,
    cost_per_page: &'static str,
    per_item: &'static str,
    from_history: &'static str,
    no_history: &'static str,
    save: &'static str,
    saved_ok: &'static str,
    import: &'static str,
    import_hint: &'static str,
    import_button: &'static str,
    imported: &'static str,
    hours: &'static str,
    minutes: &'static str,
}

static VI: Texts = Texts {
    title: "Hiệu quả của Chính phủ điện tử",
    goal: "Mục tiêu: giảm 30% thời gian họp so với họp giấy",
    meetings: "Phiên họp đã tổ chức",
    reduction: "Giảm thời gian họp so với cơ sở",
    saved: "Thời gian họp tiết kiệm",
    moved: "Chuyển sang lấy ý kiến bằng phiếu",
    net: "Tiết kiệm thực (đã trừ phần chuyển sang phiếu)",
    consent: "Nội dung thông qua không thảo luận",
    speaking: "Tổng thời gian phát biểu",
    pages: "Trang giấy tiết kiệm (cộng dồn)",
    cost: "Chi phí in ấn tiết kiệm",
    read: "Tài liệu được đọc trên thiết bị",
    response: "Thời gian trả lời phiếu (trung vị)",
    chart_minutes: "Thời gian từng phiên họp (phút)",
    baseline: "Cơ sở (họp giấy)",
    planned: "Dự kiến",
    actual: "Thực tế",
    chart_reduction: "Mức giảm so với cơ sở theo phiên họp (%)",
    chart_pages: "Trang giấy tiết kiệm cộng dồn",
    chart_trend: "Số phút cho mỗi nội dung: họp giấy và Chính phủ điện tử",
    chart_items: "Thời gian từng nội dung của phiên họp gần nhất (phút)",
    table: "Chi tiết theo phiên họp",
    csv: "Tải về (CSV)",
    date: "Ngày",
    meeting: "Phiên họp",
    items: "Nội dung",
    none_yet: "Chưa có phiên họp nào kết thúc trên hệ thống.",
    usage: "Tình hình sử dụng hiện tại",
    online: "Đang trực tuyến",
    opened_today: "Lượt mở tài liệu hôm nay",
    readers: "người đọc",
    pending: "Phiếu đang chờ trả lời",
    nothing_pending: "Không có phiếu nào đang chờ.",
    settings: "Cơ sở so sánh và chi phí",
    cost_per_page: "Chi phí mỗi trang in (đồng)",
    per_item: "Số phút mỗi nội dung (để trống: tính từ dữ liệu họp giấy)",
    from_history: "theo dữ liệu họp giấy",
    no_history: "chưa có dữ liệu",
    save: "Lưu",
    saved_ok: "Đã lưu.",
    import: "Nhập dữ liệu các phiên họp giấy (CSV)",
    import_hint: "Cột: ngày, loại, thời_lượng_phút, số_nội_dung",
    import_button: "Nhập",
    imported: "Đã nhập",
    hours: "giờ",
    minutes: "phút",
};

static EN: Texts = Texts {
    title: "What e-Cabinet saves",
    goal: "Goal: 30% less meeting time than on paper",
    meetings: "Meetings held",
    reduction: "Meeting time reduced against the baseline",
    saved: "Meeting time saved",
    moved: "Moved to written ballots",
    net: "Net saving (less the time moved to ballots)",
    consent: "Items adopted without discussion",
    speaking: "Total speaking time",
    pages: "Paper pages saved (cumulative)",
    cost: "Printing cost saved",
    read: "Documents read on a device",
    response: "Ballot response time (median)",
    chart_minutes: "Length of each meeting (minutes)",
    baseline: "Baseline (on paper)",
    planned: "Planned",
    actual: "Actual",
    chart_reduction: "Reduction against the baseline per meeting (%)",
    chart_pages: "Paper pages saved, cumulative",
    chart_trend: "Minutes per agenda item: on paper and with e-Cabinet",
    chart_items: "Time per item of the latest meeting (minutes)",
    table: "Meeting by meeting",
    csv: "Download (CSV)",
    date: "Date",
    meeting: "Meeting",
    items: "Items",
    none_yet: "No meeting has closed in the system yet.",
    usage: "Live usage",
    online: "Online now",
    opened_today: "Documents opened today",
    readers: "readers",
    pending: "Ballots awaiting answers",
    nothing_pending: "No ballot is waiting.",
    settings: "Baseline and costs",
    cost_per_page: "Cost per printed page (đồng)",
    per_item: "Minutes per item (empty: from the paper-era meetings)",
    from_history: "from the paper-era meetings",
    no_history: "no data",
    save: "Save",
    saved_ok: "Saved.",
    import: "Import paper-era meetings (CSV)",
    import_hint: "Columns: date, kind, duration_minutes, items",
    import_button: "Import",
    imported: "Imported",
    hours: "h",
    minutes: "min",
};

fn texts(lang: Lang) -> &'static Texts {
    match lang {
        Lang::Vi => &VI,
        Lang::En => &EN,
    }
}

/// "12 giờ 5 phút" style, from minutes.
fn span(minutes: i64, lang: Lang) -> String {
    let sign = if minutes < 0 { "−" } else { "" };
    format!("{sign}{}", crate::ui::format::duration(minutes.abs(), lang))
}

/// 1234567 → "1.234.567" (Vietnamese) / "1,234,567".
fn thousands(n: i64, lang: Lang) -> String {
    let digits = n.abs().to_string();
    let sep = if lang == Lang::Vi { '.' } else { ',' };
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    if n < 0 {
        format!("−{out}")
    } else {
        out
    }
}

#[component]
pub fn AnalyticsPage() -> impl IntoView {
    let i18n = use_i18n();
    let version = RwSignal::new(0_u64);
    let dashboard = Resource::new(move || version.get(), |_| get_savings());
    view! {
        <Title text=move || texts(i18n.lang()).title/>
        <Suspense fallback=move || view! { <p class="loading">{move || i18n.t().loading}</p> }>
            {move || Suspend::new(async move {
                match dashboard.await {
                    Ok(d) => view! { <DashboardView d version/> }.into_any(),
                    Err(error) => view! { <ErrorPanel error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn DashboardView(d: Dashboard, version: RwSignal<u64>) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || texts(i18n.lang());
    let lang = move || i18n.lang();
    let totals = d.totals.clone();
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
    let card = move |label: fn(&Texts) -> &'static str, value: String, class: &'static str| {
        view! {
            <div class=format!("stat {class}")>
                <dt>{move || label(t())}</dt>
                <dd>{value}</dd>
            </div>
        }
    };
    let hours_text =
        move |h: Option<f64>| h.map_or("—".to_owned(), |h| format!("{h:.1} {}", t().hours));
    view! {
        <h1>{move || t().title}</h1>
        <p class="muted">{move || t().goal}</p>
        <LiveUsagePanel/>
        {d.meetings.is_empty().then(|| view! { <p class="notice">{move || t().none_yet}</p> })}
        <dl class="stats" data-testid="totals">
            {card(|t| t.meetings, totals.meetings.to_string(), "meetings")}
            {card(|t| t.reduction, totals.reduction_percent.map_or("—".to_owned(), |r| format!("{r:.1}%")), "reduction")}
            {card(|t| t.saved, span(totals.baseline_minutes - totals.actual_minutes, lang()), "saved")}
            {card(|t| t.moved, span(totals.moved_to_ballots_minutes, lang()), "moved")}
            {card(|t| t.net, span(totals.net_saved_minutes, lang()), "net")}
            {card(|t| t.consent, format!("{}/{}", totals.consent_items, totals.items), "consent")}
            {card(|t| t.speaking, span(totals.speaking_minutes, lang()), "speaking")}
            {card(|t| t.pages, thousands(totals.pages_saved, lang()), "pages")}
            {card(|t| t.cost, format!("{} đ", thousands(totals.cost_saved, lang())), "cost")}
            {card(|t| t.read, totals.read_percent.map_or("—".to_owned(), |r| format!("{r:.1}%")), "read")}
            {card(|t| t.response, hours_text(totals.ballot_response_hours), "response")}
        </dl>
        <div class="charts">
            {minutes_chart}
            {move || view! {
                <LinePlot
                    title=t().chart_reduction.to_owned()
                    points=reduction_points.clone()
                    target=(30.0, "−30%".to_owned())
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
            <div class="table-scroll">
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
                        </tr>
                    </thead>
                    <tbody>
                        {d.meetings.iter().rev().map(|m| view! {
                            <tr>
                                <td>{m.held_on.format("%d/%m/%Y").to_string()}</td>
                                <td><a href=format!("/meetings/{}", m.meeting_id)>{m.title.clone()}</a></td>
                                <td>{format!("{} ({})", m.items, m.consent_items)}</td>
                                <td>{m.baseline_minutes.map(|b| b.to_string()).unwrap_or_default()}</td>
                                <td>{m.planned_minutes}</td>
                                <td>{m.actual_minutes}</td>
                                <td>{m.reduction_percent.map(|r| format!("{r:.1}")).unwrap_or_default()}</td>
                                <td>{m.pages_saved}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
        {d.may_configure.then(|| view! { <Settings d=d.clone() version/> })}
    }
}

/// Online now, documents opened today, answers pending; refreshed every 30 seconds.
#[component]
fn LiveUsagePanel() -> impl IntoView {
    let i18n = use_i18n();
    let t = move || texts(i18n.lang());
    let tick = RwSignal::new(0_u64);
    #[cfg(feature = "hydrate")]
    {
        if let Ok(handle) = set_interval_with_handle(
            move || tick.update(|v| *v += 1),
            std::time::Duration::from_secs(30),
        ) {
            on_cleanup(move || handle.clear());
        }
    }
    let usage = Resource::new(move || tick.get(), |_| get_live_usage());
    view! {
        <section class="panel usage" aria-labelledby="usage-title">
            <h2 id="usage-title">{move || t().usage}</h2>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    usage.await.ok().map(|u| view! {
                        <dl class="stats">
                            <div class="stat"><dt>{move || t().online}</dt><dd data-testid="online-count">{u.online.len()}</dd></div>
                            <div class="stat"><dt>{move || t().opened_today}</dt><dd>{move || format!("{} · {} {}", u.documents_opened_today, u.readers_today, t().readers)}</dd></div>
                        </dl>
                        <p class="muted online-names">{u.online.join(", ")}</p>
                        <h3>{move || t().pending}</h3>
                        {if u.pending.is_empty() {
                            view! { <p class="muted">{move || t().nothing_pending}</p> }.into_any()
                        } else {
                            view! {
                                <ul>
                                    {u.pending.into_iter().map(|(id, title, n)| view! {
                                        <li><a href=format!("/ballots/{id}")>{title}</a>" · "{n}</li>
                                    }).collect_view()}
                                </ul>
                            }.into_any()
                        }}
                    })
                })}
            </Suspense>
        </section>
    }
}

/// The secretariat's settings and the import of paper-era meetings.
#[component]
fn Settings(d: Dashboard, version: RwSignal<u64>) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || texts(i18n.lang());
    let s = d.settings.clone();
    let cost = RwSignal::new(s.cost_per_page.to_string());
    let regular = RwSignal::new(s.regular.clone());
    let thematic = RwSignal::new(s.thematic.clone());
    let extraordinary = RwSignal::new(s.extraordinary.clone());
    let csv = RwSignal::new(String::new());
    let error = RwSignal::new(None::<AppError>);
    let done = RwSignal::new(None::<String>);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let form = SavingsSettings {
            cost_per_page: cost.get_untracked().trim().parse().unwrap_or(-1),
            regular: regular.get_untracked(),
            thematic: thematic.get_untracked(),
            extraordinary: extraordinary.get_untracked(),
        };
        let saved = texts(i18n.lang()).saved_ok;
        #[cfg(feature = "hydrate")]
        leptos::task::spawn_local(async move {
            match save_savings_settings(form).await {
                Ok(()) => {
                    error.set(None);
                    done.set(Some(saved.to_owned()));
                    version.update(|v| *v += 1);
                }
                Err(e) => error.set(Some(e)),
            }
        });
        #[cfg(not(feature = "hydrate"))]
        let _ = (form, saved, version);
    };
    let import = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = csv.get_untracked();
        let imported = texts(i18n.lang()).imported;
        #[cfg(feature = "hydrate")]
        leptos::task::spawn_local(async move {
            match import_history(text).await {
                Ok(n) => {
                    error.set(None);
                    done.set(Some(format!("{imported}: {n}")));
                    version.update(|v| *v += 1);
                }
                Err(e) => error.set(Some(e)),
            }
        });
        #[cfg(not(feature = "hydrate"))]
        let _ = (text, imported);
    };
    let rate_line = move |kind: crate::meetings::model::MeetingKind| {
        let rate = d.rates.iter().find(|r| r.kind == kind).copied();
        move || match rate.and_then(|r| r.historical.map(|h| (h, r.historical_meetings))) {
            Some((h, n)) => format!("{:.1} {} — {} ({n})", h, t().minutes, t().from_history),
            None => t().no_history.to_owned(),
        }
    };
    use crate::meetings::model::MeetingKind::*;
    view! {
        <section class="panel savings-settings" aria-labelledby="settings-title">
            <h2 id="settings-title">{move || t().settings}</h2>
            <form on:submit=save>
                <label class="field narrow">
                    <span>{move || t().cost_per_page}</span>
                    <input type="number" min="0" max="100000" bind:value=cost/>
                </label>
                <fieldset>
                    <legend>{move || t().per_item}</legend>
                    <label class="field narrow">
                        <span>{move || Regular.label(i18n.t())}</span>
                        <input type="text" inputmode="decimal" bind:value=regular/>
                        <small class="muted">{rate_line(Regular)}</small>
                    </label>
                    <label class="field narrow">
                        <span>{move || Thematic.label(i18n.t())}</span>
                        <input type="text" inputmode="decimal" bind:value=thematic/>
                        <small class="muted">{rate_line(Thematic)}</small>
                    </label>
                    <label class="field narrow">
                        <span>{move || Extraordinary.label(i18n.t())}</span>
                        <input type="text" inputmode="decimal" bind:value=extraordinary/>
                        <small class="muted">{rate_line(Extraordinary)}</small>
                    </label>
                </fieldset>
                <button type="submit" class="button primary">{move || t().save}</button>
            </form>
            <form on:submit=import class="history-import">
                <label class="field">
                    <span>{move || t().import}</span>
                    <small class="muted">{move || t().import_hint}</small>
                    <textarea rows="5" bind:value=csv></textarea>
                </label>
                <button type="submit" class="button">{move || t().import_button}</button>
            </form>
            <p class="form-error" role="alert">{move || error.get().map(|e| e.message(i18n.lang()))}</p>
            <p class="ok" role="status">{move || done.get()}</p>
        </section>
    }
}
