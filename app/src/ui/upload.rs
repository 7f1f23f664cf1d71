//! Uploading PDFs from the browser — to an agenda item, a ballot or a task's report — several at once, by
//! picker or drag and drop, each with a progress bar. Files go to `POST /documents/upload` as
//! the request body through XMLHttpRequest, which reports upload progress (fetch and server
//! functions cannot).
use leptos::prelude::*;
use uuid::Uuid;

use crate::i18n::use_i18n;
use crate::ui::texts::texts;

/// What an upload is added to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UploadTarget {
    Item(Uuid),
    Ballot(Uuid),
    /// Evidence for a task's next report: the report names the files stored.
    Task(Uuid),
    /// A submission's document answering the checklist entry named.
    Submission(Uuid, String),
}

impl UploadTarget {
    /// The upload route's query naming the target.
    pub fn query(&self) -> String {
        match self {
            UploadTarget::Item(id) => format!("item={id}"),
            UploadTarget::Ballot(id) => format!("ballot={id}"),
            UploadTarget::Task(id) => format!("task={id}"),
            UploadTarget::Submission(id, requirement) => {
                format!("submission={id}&requirement={requirement}")
            }
        }
    }
}

/// Every upload of the page, by target. Provide it where the page starts (above anything that
/// re-renders): uploads outlive the components that started them.
#[derive(Clone, Copy)]
pub struct UploadBoard(RwSignal<Vec<(UploadTarget, Upload)>>);

impl Default for UploadBoard {
    fn default() -> Self {
        UploadBoard(RwSignal::new(Vec::new()))
    }
}

impl UploadBoard {
    /// The documents stored for `target` so far, in the order they were picked.
    pub fn stored(self, target: &UploadTarget) -> Vec<uuid::Uuid> {
        self.0.with(|all| {
            all.iter()
                .filter(|(t, _)| t == target)
                .filter_map(|(_, u)| u.document.get())
                .collect()
        })
    }

    /// Take `target`'s uploads off the board (what they were for is done).
    pub fn forget(self, target: &UploadTarget) {
        self.0.update(|all| all.retain(|(t, _)| t != target));
    }
}

/// One file being uploaded, on the board. Its signals are reference-counted, not owned by the
/// component that started it: pages re-render after every change (and every live event)
/// while uploads continue, and a disposed signal would panic.
#[derive(Clone)]
pub struct Upload {
    name: String,
    /// 0.0 ..= 1.0
    progress: ArcRwSignal<f64>,
    outcome: ArcRwSignal<Option<Result<(), String>>>,
    /// The document stored, once the server answered.
    document: ArcRwSignal<Option<Uuid>>,
}

/// A drop zone and file picker for `target`, with the progress of its uploads; bumps
/// `refresh` after each file is stored.
#[component]
pub fn Uploader(target: UploadTarget, refresh: RwSignal<u64>) -> impl IntoView {
    let i18n = use_i18n();
    let board = expect_context::<UploadBoard>().0;
    let mine = target.clone();
    let uploads = move || -> Vec<Upload> {
        board
            .get()
            .into_iter()
            .filter(|(t, _)| *t == mine)
            .map(|(_, u)| u)
            .collect()
    };
    #[cfg(not(feature = "hydrate"))]
    let _ = target;
    // Copy, so both the picker and the drop zone may start uploads.
    #[cfg(feature = "hydrate")]
    let target = StoredValue::new(target);
    #[cfg(feature = "hydrate")]
    let start = move |files: web_sys::FileList| {
        for index in 0..files.length() {
            let Some(file) = files.get(index) else {
                continue;
            };
            let upload = Upload {
                name: file.name(),
                progress: ArcRwSignal::new(0.0),
                outcome: ArcRwSignal::new(None),
                document: ArcRwSignal::new(None),
            };
            board.update(|u| u.push((target.get_value(), upload.clone())));
            let url = format!(
                "/documents/upload?{}&name={}",
                target.with_value(UploadTarget::query),
                encode(&file.name())
            );
            send(url, file, upload.progress.clone(), move |result| {
                let ok = result.is_ok();
                if let Ok(answer) = &result {
                    upload.document.set(stored_id(answer));
                }
                upload.outcome.set(Some(result.map(|_| ())));
                if ok {
                    refresh.update(|v| *v += 1);
                }
            });
        }
    };
    #[cfg(not(feature = "hydrate"))]
    let _ = refresh;
    let picked = move |ev: leptos::ev::Event| {
        #[cfg(feature = "hydrate")]
        {
            use wasm_bindgen::JsCast;
            if let Some(files) = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
                .and_then(|i| i.files())
            {
                start(files);
            }
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = ev;
    };
    let dropped = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        #[cfg(feature = "hydrate")]
        if let Some(files) = ev.data_transfer().and_then(|d| d.files()) {
            start(files);
        }
    };
    view! {
        <div class="drop-zone" on:dragover=move |ev: leptos::ev::DragEvent| ev.prevent_default() on:drop=dropped>
            <label class="field">
                <span>{move || texts(i18n.lang()).upload_label}</span>
                <input type="file" accept="application/pdf,.pdf" multiple on:change=picked/>
            </label>
        </div>
        <ul class="uploads">
            <For each=uploads key=|u| u.name.clone() let:upload>
                <li>
                    <span>{upload.name.clone()}</span>
                    <progress max="1" value={
                        let progress = upload.progress.clone();
                        move || progress.get()
                    } aria-label=upload.name.clone()></progress>
                    {move || match upload.outcome.get() {
                        None => ().into_any(),
                        Some(Ok(())) => view! { <span class="ok">{move || texts(i18n.lang()).uploaded}</span> }.into_any(),
                        Some(Err(message)) => view! { <span class="form-error" role="alert">{message}</span> }.into_any(),
                    }}
                </li>
            </For>
        </ul>
    }
}

/// Percent-encode a file name for a query string.
#[cfg(feature = "hydrate")]
fn encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// The document id in the upload route's answer.
#[cfg(feature = "hydrate")]
fn stored_id(answer: &str) -> Option<Uuid> {
    #[derive(serde::Deserialize)]
    struct Stored {
        document_id: Uuid,
    }
    serde_json::from_str::<Stored>(answer)
        .ok()
        .map(|s| s.document_id)
}

/// POST a file with XMLHttpRequest, reporting upload progress; `done` gets the answer.
#[cfg(feature = "hydrate")]
fn send(
    url: String,
    file: web_sys::File,
    progress: ArcRwSignal<f64>,
    done: impl Fn(Result<String, String>) + 'static,
) {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let Ok(xhr) = web_sys::XmlHttpRequest::new() else {
        return done(Err("XMLHttpRequest".to_owned()));
    };
    if xhr.open("POST", &url).is_err() {
        return done(Err("open".to_owned()));
    }
    if let Ok(upload) = xhr.upload() {
        let progress = progress.clone();
        let on_progress =
            Closure::<dyn Fn(web_sys::ProgressEvent)>::new(move |ev: web_sys::ProgressEvent| {
                if ev.length_computable() && ev.total() > 0.0 {
                    progress.set(ev.loaded() / ev.total());
                }
            });
        upload.set_onprogress(Some(on_progress.as_ref().unchecked_ref()));
        on_progress.forget();
    }
    let finished = xhr.clone();
    let on_load = Closure::<dyn Fn()>::new(move || {
        if finished.status().unwrap_or(0) == 200 {
            progress.set(1.0);
            done(Ok(finished
                .response_text()
                .ok()
                .flatten()
                .unwrap_or_default()));
        } else {
            done(Err(finished
                .response_text()
                .ok()
                .flatten()
                .unwrap_or_default()));
        }
    });
    xhr.set_onloadend(Some(on_load.as_ref().unchecked_ref()));
    on_load.forget();
    let _ = xhr.send_with_opt_blob(Some(&file));
}
