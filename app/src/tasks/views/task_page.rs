//! `/tasks/:id`: one task, its history, and the forms of what the viewer may do on it (the
//! lead's officer reports or asks for time; a coordinator contributes; the secretariat
//! accepts, returns, grants or refuses).
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::error::AppError;
use crate::i18n::use_i18n;
use crate::tasks::api::{
    ask_task_extension, decide_task, decide_task_extension, get_task, report_task,
};
use crate::tasks::model::{EventKind, TaskState, TaskView};
use crate::tasks::texts::texts;
use crate::tasks::views::day;
use crate::ui::error_pages::ErrorPanel;
use crate::ui::format::{date_time, vietnam_time};
use crate::ui::texts::texts as ui_texts;
use crate::ui::upload::{UploadBoard, UploadTarget, Uploader};

#[component]
pub fn TaskPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    // Re-read after the viewer's own act, and live after anyone's.
    let version = RwSignal::new(0_u64);
    // Evidence being uploaded outlives the re-reads.
    provide_context(UploadBoard::default());
    let live = expect_context::<crate::live::TasksVersion>().0;
    let task = Resource::new(
        move || {
            (
                params.read().get("id").unwrap_or_default(),
                version.get(),
                live.get(),
            )
        },
        |(id, _, _)| get_task(id),
    );
    view! {
        <Transition fallback=move || view! { <p class="loading">{move || ui_texts(i18n.lang()).loading}</p> }>
            {move || Suspend::new(async move {
                match task.await {
                    Ok(view) => view! { <TaskDetail view version/> }.into_any(),
                    Err(error) => view! { <ErrorPanel error/> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn TaskDetail(view: TaskView, version: RwSignal<u64>) -> impl IntoView {
    let i18n = use_i18n();
    let lang = move || i18n.lang();
    let tt = move || texts(lang());
    let t = view.task.clone();
    let id = t.id.to_string();
    let status = t.status;
    let source = t.source;
    let coordinators: Vec<String> = t.coordinators.iter().map(|m| m.name_vi.clone()).collect();
    let deadline = t.deadline.map(day);
    let first = (t.first_deadline != t.deadline)
        .then(|| t.first_deadline.map(day))
        .flatten();
    let awaiting = t.state == TaskState::CompletionReported;
    let done = t.state == TaskState::Done;
    let asked = view.extension_asked.map(day);
    view! {
        <Title text=t.text.clone()/>
        <h1 lang="vi">{t.text.clone()}</h1>
        <section class="panel task-facts">
            <dl>
                <dt>{move || tt().status}</dt>
                <dd><span class="badge" data-testid="task-status">{move || status.label(lang())}</span></dd>
                <dt>{move || tt().lead}</dt><dd lang="vi">{t.lead.name_vi.clone()}</dd>
                <dt>{move || tt().coordinators}</dt><dd lang="vi">{coordinators.join(", ")}</dd>
                <dt>{move || tt().deadline}</dt>
                <dd>{move || deadline.clone().unwrap_or_else(|| tt().regular.to_owned())}</dd>
                {first.map(|f| view! { <dt>{move || tt().first_deadline}</dt><dd>{f}</dd> })}
                {t.done_on.map(|d| view! { <dt>{move || tt().done_on}</dt><dd>{day(d)}</dd> })}
                {t.responsible.clone().map(|r| view! { <dt>{move || tt().responsible}</dt><dd lang="vi">{r}</dd> })}
                <dt>{move || tt().source}</dt>
                <dd lang="vi">{move || source.label(lang())} " " {t.source_title.clone()}</dd>
            </dl>
        </section>
        <section class="panel" aria-labelledby="task-history">
            <h2 id="task-history">{move || tt().history}</h2>
            <ol class="task-history">
                {view.events.iter().map(|e| {
                    let kind = e.kind;
                    let at = vietnam_time(e.at);
                    let who = [e.actor.clone(), e.ministry.clone()].into_iter().flatten().collect::<Vec<_>>().join(", ");
                    let extra = match (e.percent, e.deadline) {
                        (Some(p), _) => format!(" ({p} %)"),
                        (None, Some(d)) if kind != EventKind::Assigned => format!(" → {}", day(d)),
                        _ => String::new(),
                    };
                    let files = e.attachments.clone();
                    view! {
                        <li>
                            <strong>{move || kind.label(lang())}</strong>{extra}
                            <span class="muted">{move || format!(" — {} — {}", date_time(at, lang()), who)}</span>
                            <p lang="vi">{e.body.clone()}</p>
                            {(!files.is_empty()).then(|| view! { <Attachments files/> })}
                        </li>
                    }
                }).collect_view()}
            </ol>
        </section>
        {(view.may_report && !done).then(|| view! { <ReportForm id=id.clone() version lead=true awaiting/> })}
        {(view.may_contribute && !done).then(|| view! { <ReportForm id=id.clone() version lead=false awaiting/> })}
        {(view.may_report && !done && t.deadline.is_some() && asked.is_none()).then(|| view! { <ExtensionForm id=id.clone() version/> })}
        {(view.may_decide && awaiting).then(|| view! { <Decide id=id.clone() version extension=None/> })}
        {(view.may_decide).then(|| asked.clone().map(|d| view! { <Decide id=id.clone() version extension=Some(d)/> })).flatten()}
    }
}

/// Run `act`; on success re-read the task, else show the error.
fn run<F>(act: F, version: RwSignal<u64>, error: RwSignal<Option<AppError>>)
where
    F: std::future::Future<Output = Result<(), AppError>> + 'static,
{
    leptos::task::spawn_local(async move {
        match act.await {
            Ok(()) => {
                error.set(None);
                version.update(|v| *v += 1);
            }
            Err(e) => error.set(Some(e)),
        }
    });
}

/// The PDFs a report carried, each opening in the reader.
#[component]
fn Attachments(files: Vec<crate::tasks::model::Attachment>) -> impl IntoView {
    let i18n = use_i18n();
    let tt = move || texts(i18n.lang());
    view! {
        <ul class="attachments" aria-label=move || tt().attached>
            {files.into_iter().map(|f| {
                let pages = f.page_count.map(|n| format!(" ({n} {})", tt().pages));
                view! {
                    <li><a href=format!("/documents/{}/read", f.document_id) rel="external">{f.file_name}</a>{pages}</li>
                }
            }).collect_view()}
        </ul>
    }
}

#[component]
fn ReportForm(id: String, version: RwSignal<u64>, lead: bool, awaiting: bool) -> impl IntoView {
    let i18n = use_i18n();
    let lang = move || i18n.lang();
    let tt = move || texts(lang());
    let kind = RwSignal::new(if lead { "progress" } else { "contribution" }.to_owned());
    let body = RwSignal::new(String::new());
    let percent = RwSignal::new(String::new());
    let error = RwSignal::new(None::<AppError>);
    let board = expect_context::<UploadBoard>();
    let target = UploadTarget::Task(id.parse().unwrap_or_default());
    let target_view = target.clone();
    let uploaded = RwSignal::new(0_u64);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let files: Vec<String> = board
            .stored(&target)
            .iter()
            .map(ToString::to_string)
            .collect();
        let sent = report_task(
            id.clone(),
            kind.get_untracked(),
            body.get_untracked(),
            percent.get_untracked(),
            files.join(","),
        );
        let sent_for = target.clone();
        let act = async move {
            sent.await?;
            board.forget(&sent_for);
            Ok(())
        };
        run(act, version, error);
    };
    view! {
        <section class="panel" aria-labelledby="report-form">
            <h2 id="report-form">{move || if lead { tt().report } else { tt().contribute }}</h2>
            <form class="task-form" on:submit=submit>
                {lead.then(|| view! {
                    <label class="field">
                        <span>{move || tt().report_kind}</span>
                        <select bind:value=kind>
                            <option value="progress">{move || EventKind::Progress.label(lang())}</option>
                            {(!awaiting).then(|| view! {
                                <option value="completion">{move || EventKind::Completion.label(lang())}</option>
                            })}
                        </select>
                    </label>
                    <label class="field">
                        <span>{move || tt().percent}</span>
                        <input type="number" min="0" max="100" inputmode="numeric" bind:value=percent/>
                    </label>
                })}
                <label class="field">
                    <span>{move || tt().report_body}</span>
                    <textarea rows="4" required bind:value=body></textarea>
                </label>
                <fieldset class="evidence">
                    <legend>{move || tt().evidence}</legend>
                    <Uploader target=target_view.clone() refresh=uploaded/>
                </fieldset>
                <p class="form-error" role="alert">{move || error.get().map(|e| e.message(lang()))}</p>
                <button type="submit" class="button primary">
                    {move || if lead { tt().send_report } else { tt().contribute }}
                </button>
            </form>
        </section>
    }
}

#[component]
fn ExtensionForm(id: String, version: RwSignal<u64>) -> impl IntoView {
    let i18n = use_i18n();
    let lang = move || i18n.lang();
    let tt = move || texts(lang());
    let deadline = RwSignal::new(String::new());
    let reason = RwSignal::new(String::new());
    let error = RwSignal::new(None::<AppError>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        run(
            ask_task_extension(id.clone(), deadline.get_untracked(), reason.get_untracked()),
            version,
            error,
        );
    };
    view! {
        <section class="panel" aria-labelledby="extension-form">
            <h2 id="extension-form">{move || tt().ask_extension}</h2>
            <form class="task-form" on:submit=submit>
                <label class="field">
                    <span>{move || tt().new_deadline}</span>
                    <input type="date" required bind:value=deadline/>
                </label>
                <label class="field">
                    <span>{move || tt().reason}</span>
                    <textarea rows="2" required bind:value=reason></textarea>
                </label>
                <p class="form-error" role="alert">{move || error.get().map(|e| e.message(lang()))}</p>
                <button type="submit" class="button">{move || tt().ask_extension}</button>
            </form>
        </section>
    }
}

/// The secretariat's decision on a completion report, or on the extension asked (`extension`:
/// the day asked for).
#[component]
fn Decide(id: String, version: RwSignal<u64>, extension: Option<String>) -> impl IntoView {
    let i18n = use_i18n();
    let lang = move || i18n.lang();
    let tt = move || texts(lang());
    let reason = RwSignal::new(String::new());
    let error = RwSignal::new(None::<AppError>);
    let is_extension = extension.is_some();
    let decide = move |yes: bool| {
        let (id, reason) = (id.clone(), reason.get_untracked());
        let act = async move {
            if is_extension {
                let decision = if yes { "grant" } else { "refuse" };
                decide_task_extension(id, decision.to_owned(), reason).await
            } else {
                let decision = if yes { "accept" } else { "return" };
                decide_task(id, decision.to_owned(), reason).await
            }
        };
        run(act, version, error);
    };
    let (yes, no) = (decide.clone(), decide);
    let heading = move || match &extension {
        Some(d) => format!("{} {d}", tt().extension_pending),
        None => tt().decide.to_owned(),
    };
    let heading_id = if is_extension {
        "extension-decision"
    } else {
        "completion-decision"
    };
    view! {
        <section class="panel" aria-labelledby=heading_id>
            <h2 id=heading_id>{heading}</h2>
            <label class="field">
                <span>{move || tt().reason}</span>
                <textarea rows="2" bind:value=reason></textarea>
            </label>
            <p class="form-error" role="alert">{move || error.get().map(|e| e.message(lang()))}</p>
            <div class="actions">
                <button type="button" class="button primary" on:click=move |_| yes(true)>
                    {move || if is_extension { tt().grant } else { tt().accept }}
                </button>
                <button type="button" class="button" on:click=move |_| no(false)>
                    {move || if is_extension { tt().refuse } else { tt().return_it }}
                </button>
            </div>
        </section>
    }
}
