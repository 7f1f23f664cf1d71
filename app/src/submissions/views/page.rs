//! `/submissions/:id`: one submission — its facts, its documents against the checklist of its
//! kind (each entry with its own upload while the ministry prepares it), its history.
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::i18n::use_i18n;
use crate::submissions::api::get_submission;
use crate::submissions::model::{SubmissionForm, SubmissionView};
use crate::submissions::texts::texts;
use crate::ui::error_pages::ErrorPanel;
use crate::ui::format::{date_time, vietnam_time};
use crate::ui::texts::texts as ui_texts;
use crate::ui::upload::{UploadBoard, UploadTarget, Uploader};

#[component]
pub fn SubmissionPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let version = RwSignal::new(0_u64);
    provide_context(UploadBoard::default());
    let submission = Resource::new(
        move || (params.read().get("id").unwrap_or_default(), version.get()),
        |(id, _)| get_submission(id),
    );
    view! {
        <Transition fallback=move || view! { <p class="loading">{move || ui_texts(i18n.lang()).loading}</p> }>
            {move || Suspend::new(async move {
                match submission.await {
                    Ok(view) => view! { <Detail view version/> }.into_any(),
                    Err(error) => view! { <ErrorPanel error/> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn Detail(view: SubmissionView, version: RwSignal<u64>) -> impl IntoView {
    let i18n = use_i18n();
    let lang = move || i18n.lang();
    let tt = move || texts(lang());
    let s = view.submission.clone();
    let id = s.id;
    let revision = s.revision;
    let (state, kind) = (s.state, s.kind);
    let complete = crate::submissions::model::complete(&view.checklist);
    let may_edit = view.may_edit;
    let initial = SubmissionForm {
        kind: s.kind.as_str().to_owned(),
        title: s.title.clone(),
        summary: view.summary.clone(),
        urgent: s.urgent,
        session_month: s.session_month.clone().unwrap_or_default(),
        presenter_id: String::new(),
        presenter_name: view.presenter.clone(),
    };
    view! {
        <Title text=s.title.clone()/>
        <h1 lang="vi">{s.title.clone()}</h1>
        <section class="panel task-facts">
            <dl>
                <dt>{move || tt().state}</dt>
                <dd><span class="badge" data-testid="submission-state">{move || state.label(lang())}</span></dd>
                <dt>{move || tt().ministry}</dt><dd lang="vi">{s.ministry_vi.clone()}</dd>
                <dt>{move || tt().kind}</dt><dd>{move || kind.label(lang())}</dd>
                {s.session_month.clone().map(|m| view! { <dt>{move || tt().session}</dt><dd>{m}</dd> })}
                <dt>{move || tt().presenter}</dt><dd lang="vi">{view.presenter.clone()}</dd>
            </dl>
            <p lang="vi">{view.summary.clone()}</p>
        </section>
        <section class="panel" aria-labelledby="submission-checklist">
            <h2 id="submission-checklist">{move || tt().checklist}</h2>
            <p data-testid="submission-complete">{move || if complete { tt().complete } else { tt().incomplete }}</p>
            <ul class="checklist">
                {view.checklist.iter().map(|(r, present)| {
                    let present = *present;
                    let label = r.clone();
                    let required = r.required;
                    let files: Vec<_> = view.documents.iter()
                        .filter(|d| d.requirement.as_deref() == Some(r.code.as_str()))
                        .cloned()
                        .collect();
                    let target = UploadTarget::Submission(id, r.code.clone());
                    view! {
                        <li>
                            <strong lang="vi">{move || if lang() == crate::i18n::Lang::Vi { label.label_vi.clone() } else { label.label_en.clone() }}</strong>
                            " (" {move || if required { tt().required } else { tt().optional }} ") "
                            <span class="badge">{move || if present { tt().present } else { tt().missing }}</span>
                            <ul>
                                {files.into_iter().map(|d| view! {
                                    <li><a href=format!("/documents/{}/read", d.document_id) rel="external">{d.file_name}</a>
                                        {format!(" (v{})", d.version_no)}</li>
                                }).collect_view()}
                            </ul>
                            {may_edit.then(|| view! { <Uploader target refresh=version/> })}
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
        <section class="panel" aria-labelledby="submission-history">
            <h2 id="submission-history">{move || tt().history}</h2>
            <ol class="task-history">
                {view.events.iter().map(|e| {
                    let at = vietnam_time(e.at);
                    let who = e.actor.clone().unwrap_or_default();
                    view! {
                        <li>
                            <strong>{e.kind.clone()}</strong>
                            <span class="muted">{move || format!(" — {} — {}", date_time(at, lang()), who)}</span>
                            <p lang="vi">{e.body.clone()}</p>
                        </li>
                    }
                }).collect_view()}
            </ol>
        </section>
        {view.may_send.then(|| view! { <super::send::SendButton id revision version/> })}
        {may_edit.then(|| view! { <super::form::SubmissionFormView id=id.to_string() initial/> })}
    }
}
