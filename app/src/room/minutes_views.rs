//! `/meetings/:id/minutes` (the minutes: the secretariat edits, the chair approves, the
//! secretariat finalises; printable and as PDF) and `/meetings/:id/conclusions` (the
//! conclusions notice, printable and as PDF).
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::error::AppError;
use crate::i18n::use_i18n;
use crate::room::minutes::{MinutesState, MinutesView};
use crate::room::minutes_api::{
    approve_minutes, finalise_minutes, get_conclusions, get_minutes, redraft_minutes, save_minutes,
};
use crate::ui::confirm::ConfirmAct;
use crate::ui::error_pages::ErrorPanel;
use crate::ui::texts::texts as ui_texts;

crate::texts! {
    pub struct MinutesTexts {
        minutes: "Biên bản phiên họp", "Minutes of the meeting";
        conclusions: "Thông báo kết luận", "Conclusions notice";
        state_draft: "Bản nháp", "Draft";
        state_approved: "Chủ tọa đã duyệt", "Approved by the chair";
        state_final: "Đã hoàn tất", "Final";
        fresh:
            "Bản nháp được soạn tự động từ dữ liệu phiên họp; chưa lưu.",
            "Drafted automatically from the meeting's records; not saved yet.";
        body: "Nội dung biên bản", "Text of the minutes";
        save: "Lưu biên bản", "Save the minutes";
        redraft: "Soạn lại từ dữ liệu phiên họp", "Draft again from the meeting's records";
        approve: "Duyệt biên bản", "Approve the minutes";
        finalise: "Hoàn tất biên bản", "Finalise the minutes";
        finalise_heading: "Hoàn tất biên bản?", "Finalise the minutes?";
        finalise_confirm:
            "Sau khi hoàn tất, biên bản không thể sửa; mã băm của nội dung được ghi vào nhật ký.",
            "Once final the minutes cannot be changed; their text's hash enters the audit log.";
        approved_by: "Duyệt bởi", "Approved by";
        fingerprint:
            "Mã băm SHA-256 của nội dung biên bản (không phải của tệp PDF)",
            "SHA-256 of the minutes' text (not of the PDF file)";
        pdf: "Tải PDF", "Download PDF";
        print: "In", "Print";
        back_to_room: "Phòng họp", "Meeting room";
    }
}

fn print_button() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <button type="button" class="button no-print" on:click=|_| {
            #[cfg(feature = "hydrate")]
            if let Some(w) = web_sys::window() {
                let _ = w.print();
            }
        }>{move || texts(i18n.lang()).print}</button>
    }
}

/// A drafted text: numbered section lines as headings, the rest as paragraphs.
fn rendered(text: &str) -> impl IntoView {
    text.lines()
        .skip(2)
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let numeral = line.split_once(". ").map(|(n, _)| n).unwrap_or("");
            if !numeral.is_empty() && numeral.chars().all(|c| matches!(c, 'I' | 'V' | 'X')) {
                view! { <h2>{line.to_owned()}</h2> }.into_any()
            } else {
                view! { <p>{line.to_owned()}</p> }.into_any()
            }
        })
        .collect_view()
}

#[component]
pub fn MinutesPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let version = RwSignal::new(0_u64);
    let minutes = Resource::new(
        move || (params.read().get("id").unwrap_or_default(), version.get()),
        |(id, _)| get_minutes(id),
    );
    view! {
        <Title text=move || texts(i18n.lang()).minutes/>
        <Suspense fallback=move || view! { <p class="loading">{move || ui_texts(i18n.lang()).loading}</p> }>
            {move || Suspend::new(async move {
                match minutes.await {
                    Ok(m) => view! { <Minutes m version/> }.into_any(),
                    Err(error) => view! { <ErrorPanel error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Minutes(m: MinutesView, version: RwSignal<u64>) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || texts(i18n.lang());
    let id = m.meeting_id;
    let body = RwSignal::new(m.body.clone());
    let error = RwSignal::new(None::<AppError>);
    let run =
        move |call: std::pin::Pin<Box<dyn std::future::Future<Output = Result<(), AppError>>>>| {
            #[cfg(feature = "hydrate")]
            leptos::task::spawn_local(async move {
                match call.await {
                    Ok(()) => {
                        error.set(None);
                        version.update(|v| *v += 1);
                    }
                    Err(e) => error.set(Some(e)),
                }
            });
            #[cfg(not(feature = "hydrate"))]
            {
                drop(call);
                let _ = version;
            }
        };
    let state = m.state;
    let state_label = move || match state {
        MinutesState::Draft => t().state_draft,
        MinutesState::Approved => t().state_approved,
        MinutesState::Final => t().state_final,
    };
    let finalise = Callback::new(move |()| run(Box::pin(finalise_minutes(id.to_string()))));
    let text = m.body.clone();
    view! {
        <p class="breadcrumb no-print">
            <a href=format!("/meetings/{id}/room")>{move || t().back_to_room}</a>
            " · "
            <a href=format!("/meetings/{id}/conclusions")>{move || t().conclusions}</a>
        </p>
        <article class="print-summary minutes" data-state=state.as_str()>
            <p class="no-print">
                <span class="badge">{state_label}</span>
                {m.fresh.then(|| view! { " " <span class="muted">{move || t().fresh}</span> })}
                {m.approved_by.clone().map(|who| view! { " · " {move || t().approved_by} ": " {who.clone()} })}
            </p>
            <h1>"BIÊN BẢN PHIÊN HỌP"</h1>
            <p class="subtitle"><strong lang="vi">{m.meeting_title.clone()}</strong></p>
            {if m.may_edit {
                view! {
                    <form class="minutes-edit no-print" on:submit=move |ev: leptos::ev::SubmitEvent| {
                        ev.prevent_default();
                        run(Box::pin(save_minutes(id.to_string(), body.get_untracked())));
                    }>
                        <label class="field">
                            <span>{move || t().body}</span>
                            <textarea rows="28" bind:value=body></textarea>
                        </label>
                        <div class="toolbar">
                            <button type="submit" class="button primary">{move || t().save}</button>
                            <button type="button" class="button" on:click=move |_| run(Box::pin(redraft_minutes(id.to_string())))>{move || t().redraft}</button>
                        </div>
                    </form>
                    <div class="minutes-text print-only">{rendered(&text)}</div>
                }.into_any()
            } else {
                view! { <div class="minutes-text">{rendered(&text)}</div> }.into_any()
            }}
            <p class="form-error" role="alert">{move || error.get().map(|e| e.message(i18n.lang()))}</p>
            <div class="toolbar no-print">
                {m.may_approve.then(|| view! {
                    <button type="button" class="button primary" on:click=move |_| run(Box::pin(approve_minutes(id.to_string())))>{move || t().approve}</button>
                })}
                {m.may_finalise.then(|| view! {
                    <ConfirmAct
                        label=move || t().finalise.to_owned()
                        class="button primary"
                        heading=move || t().finalise_heading.to_owned()
                        body=move || t().finalise_confirm.to_owned()
                        confirm=move || t().finalise.to_owned()
                        on_confirm=finalise
                    />
                })}
                <a class="button" href=format!("/meetings/{id}/minutes.pdf") rel="external">{move || t().pdf}</a>
                {print_button()}
            </div>
            {m.body_sha256.clone().map(|sha| view! {
                <p class="muted fingerprint">{move || t().fingerprint}": "<code>{sha.clone()}</code></p>
            })}
        </article>
    }
}

#[component]
pub fn ConclusionsPage() -> impl IntoView {
    let i18n = use_i18n();
    let t = move || texts(i18n.lang());
    let params = use_params_map();
    let id = move || params.read().get("id").unwrap_or_default();
    let notice = Resource::new(id, get_conclusions);
    view! {
        <Title text=move || t().conclusions/>
        <Suspense fallback=move || view! { <p class="loading">{move || ui_texts(i18n.lang()).loading}</p> }>
            {move || Suspend::new(async move {
                match notice.await {
                    Ok(text) => {
                        let mut lines = text.lines();
                        let heading = lines.next().unwrap_or_default().to_owned();
                        let subtitle = lines.next().unwrap_or_default().to_owned();
                        let paragraphs: Vec<String> = lines.filter(|l| !l.trim().is_empty()).map(str::to_owned).collect();
                        view! {
                            <article class="print-summary conclusions">
                                <h1>{heading}</h1>
                                <p class="subtitle"><strong>{subtitle}</strong></p>
                                {paragraphs.into_iter().map(|p| view! { <p>{p}</p> }).collect_view()}
                                <div class="toolbar no-print">
                                    <a class="button" href=format!("/meetings/{}/conclusions.pdf", id()) rel="external">{move || t().pdf}</a>
                                    {print_button()}
                                </div>
                            </article>
                        }.into_any()
                    }
                    Err(error) => view! { <ErrorPanel error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}
