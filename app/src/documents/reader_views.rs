//! The reader page, `/documents/:id/read?page=N`: the document on a tablet, page by page, with
//! a watermark, and the reader's private notes beside it.
//!
//! Rendering is done by `public/reader.js` with pdf.js (vendored by the setup into
//! `/vendor/pdfjs/`), loaded only on this page so the main bundle stays small. This page
//! renders the markup and labels (translated, accessible) that script drives; the script
//! tells the page which page is shown with a `reader-page` event, and records reading
//! progress through `record_page_view`.
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};
use uuid::Uuid;

use crate::documents::model::{Note, ReaderView};
#[cfg(feature = "hydrate")]
use crate::documents::reader_api::{add_note, delete_note};
use crate::documents::reader_api::{get_document_notes, open_reader};
use crate::documents::texts::texts;
use crate::error::AppError;
use crate::i18n::use_i18n;
use crate::ui::error_pages::ErrorPanel;
use crate::ui::format;
use crate::ui::texts::texts as ui_texts;

#[component]
pub fn ReaderPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let query = use_query_map();
    let reader = Resource::new(
        move || params.read().get("id").unwrap_or_default(),
        open_reader,
    );
    let asked_page = move || {
        query
            .read()
            .get("page")
            .and_then(|p| p.parse::<i64>().ok())
            .filter(|p| *p >= 1)
    };
    view! {
        // Outside the Suspense: a module script runs once, and waits for #reader itself.
        <script type="module" src="/reader.js"></script>
        <Suspense fallback=move || view! { <p class="loading">{move || ui_texts(i18n.lang()).loading}</p> }>
            {move || Suspend::new(async move {
                match reader.await {
                    Ok(view) => {
                        let start = asked_page().unwrap_or(view.last_page);
                        view! { <Reader view start/> }.into_any()
                    }
                    Err(error) => view! { <ErrorPanel error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Reader(view: ReaderView, start: i64) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || texts(i18n.lang());
    let page = RwSignal::new(start);
    follow_shown_page(page);
    // The reader script waits for this: it changes the section, which hydration must find
    // as the server rendered it. Effects run once this component has hydrated.
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| {
        if let Some(reader) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id("reader"))
        {
            let _ = reader.set_attribute("data-hydrated", "true");
        }
    });
    let document_id = view.document_id;
    let title = view.title.clone();
    let pages = view.page_count;
    // Only for a reader starting on the first page.
    let picture = view.first_page_picture.filter(|_| start == 1);
    // Notes open as a drawer over the page (reading mode: the page keeps the width).
    let notes_open = RwSignal::new(false);
    let back_title = view.back_title.clone();
    let back_label = move || format!("{}: {}", ui_texts(i18n.lang()).go_back, back_title);
    view! {
        <Title text=title.clone()/>
        <div class="reader-layout">
            <section
                id="reader"
                class="reader"
                data-src=format!("/documents/{document_id}/file")
                data-lib="/vendor/pdfjs/pdf.min.mjs"
                data-worker="/vendor/pdfjs/pdf.worker.min.mjs"
                data-progress="/api/record_page_view"
                data-document=document_id.to_string()
                data-version=view.version_id.to_string()
                data-start-page=start.to_string()
                data-viewer=view.viewer.clone()
                data-loading=move || t().reader_loading
                data-failed=move || t().reader_failed
                data-page-label=move || t().reader_page
            >
                // One compact row: the way back, the title, the page controls, notes, download.
                <div class="reader-toolbar" role="toolbar" aria-label=move || t().reader_tools>
                    <a class="reader-back" href=view.back_href.clone() aria-label=back_label title=view.back_title.clone()>"‹"</a>
                    <h1 class="reader-title" lang="vi" title=title.clone()>{title.clone()}</h1>
                    <button id="reader-prev" type="button" class="button" aria-label=move || t().reader_prev>"‹"</button>
                    <form id="reader-jump" class="reader-jump">
                        <label for="reader-page">{move || t().reader_page}</label>
                        <input id="reader-page" type="number" min="1" value=start.to_string() inputmode="numeric"/>
                        " / "
                        <span id="reader-count">{pages.map(|n| n.to_string()).unwrap_or_else(|| "?".to_owned())}</span>
                        <button type="submit" class="button">{move || t().reader_go}</button>
                    </form>
                    <button id="reader-next" type="button" class="button" aria-label=move || t().reader_next>"›"</button>
                    <button id="reader-zoom-out" type="button" class="button" aria-label=move || t().reader_zoom_out>"−"</button>
                    <output id="reader-zoom">"100%"</output>
                    <button id="reader-zoom-in" type="button" class="button" aria-label=move || t().reader_zoom_in>"+"</button>
                    <button id="reader-fit" type="button" class="button">{move || t().reader_fit}</button>
                    <button
                        type="button"
                        class="button notes-toggle"
                        aria-controls="notes-drawer"
                        aria-expanded=move || notes_open.get().to_string()
                        on:click=move |_| notes_open.update(|open| *open = !*open)
                    >{move || t().notes_title}</button>
                    {view.downloadable.then(|| view! {
                        <a class="reader-download" href=format!("/documents/{document_id}/file?download=1") rel="external" aria-label=move || t().download title=move || t().download>"⤓"</a>
                    })}
                </div>
                {(view.pages_without_text > 0).then(|| {
                    let n = view.pages_without_text;
                    view! { <p class="badge warn scan-flag">{move || crate::meetings::texts::scan_flag(n, pages, i18n.lang())}</p> }
                })}
                <p id="reader-status" role="status" aria-live="polite"></p>
                <div id="reader-stage" class="reader-stage" tabindex="0" aria-label=move || t().reader_stage>
                    // The first page as a picture, shown with the page until pdf.js has drawn
                    // it (the CSS hides it then): the first page is on screen at once. It goes
                    // before the page's code (hinted at low priority, `routes::pages`).
                    {picture.map(|(width, height)| view! {
                        <img
                            id="reader-picture"
                            fetchpriority="high"
                            src=format!("/documents/{document_id}/first-page?v={}", view.version_id)
                            width=width.to_string()
                            height=height.to_string()
                            alt=move || t().reader_picture
                        />
                    })}
                    <canvas id="reader-canvas"></canvas>
                    <div class="reader-watermark" aria-hidden="true"></div>
                </div>
                <p class="reader-meta muted">
                    <a href=view.back_href.clone() lang="vi">{view.back_title.clone()}</a>
                    {(!view.item_title.is_empty()).then(|| view! { " · " <span lang="vi">{view.item_title.clone()}</span> })}
                    {move || format!(" · {} {}", t().version_label, view.version_no)}
                    {pages.map(|n| view! { <span>{move || format!(" · {}", crate::ui::format::pages(n, i18n.lang()))}</span> })}
                </p>
            </section>
            <Notes document_id page open=notes_open/>
        </div>
    }
}

/// Keep `page` on the page the reader script shows (its `reader-page` event).
fn follow_shown_page(page: RwSignal<i64>) {
    #[cfg(feature = "hydrate")]
    {
        let handle = window_event_listener_untyped("reader-page", move |_| {
            let shown = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.get_element_by_id("reader"))
                .and_then(|reader| reader.get_attribute("data-page"))
                .and_then(|p| p.parse::<i64>().ok());
            if let Some(shown) = shown {
                page.set(shown);
            }
        });
        on_cleanup(move || handle.remove());
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = page;
}

/// The reader's private notes on this document: a form for the page shown, then every note.
#[component]
fn Notes(document_id: Uuid, page: RwSignal<i64>, open: RwSignal<bool>) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || texts(i18n.lang());
    let changed = RwSignal::new(0u64);
    let notes = Resource::new(
        move || changed.get(),
        move |_| get_document_notes(document_id.to_string()),
    );
    let draft = RwSignal::new(String::new());
    let error = RwSignal::new(None::<AppError>);
    // Saving needs the page's code: the form is disabled until it has hydrated.
    let ready = RwSignal::new(false);
    Effect::new(move |_| ready.set(true));
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let body = draft.get_untracked();
        let on_page = page.get_untracked();
        #[cfg(feature = "hydrate")]
        leptos::task::spawn_local(async move {
            match add_note(document_id.to_string(), on_page, body).await {
                Ok(_) => {
                    draft.set(String::new());
                    error.set(None);
                    changed.update(|v| *v += 1);
                }
                Err(e) => error.set(Some(e)),
            }
        });
        #[cfg(not(feature = "hydrate"))]
        let _ = (body, on_page);
    };
    view! {
        <aside
            id="notes-drawer"
            class="panel notes"
            aria-labelledby="notes-title"
            data-open=move || open.get().to_string()
            on:keydown=move |ev| {
                if ev.key() == "Escape" {
                    open.set(false);
                }
            }
        >
            <div class="drawer-head">
                <h2 id="notes-title">{move || t().notes_title}</h2>
                <button type="button" class="button small" on:click=move |_| open.set(false)>{move || t().notes_close}</button>
            </div>
            <p class="muted">{move || t().notes_private_hint}</p>
            <form class="note-form" on:submit=save data-ready=move || ready.get().to_string()>
                <label for="note-body">{move || format!("{} {}", t().note_on_page, page.get())}</label>
                <textarea id="note-body" rows="4" maxlength="10000" bind:value=draft disabled=move || !ready.get()></textarea>
                <p class="form-error" role="alert">{move || error.get().map(|e| e.message(i18n.lang()))}</p>
                <button type="submit" class="button primary" disabled=move || !ready.get()>{move || t().note_save}</button>
            </form>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match notes.await {
                        Ok(list) if list.is_empty() => view! { <p class="muted">{move || t().notes_none}</p> }.into_any(),
                        Ok(list) => view! { <NoteList list page changed/> }.into_any(),
                        Err(error) => view! { <ErrorPanel error/> }.into_any(),
                    }
                })}
            </Suspense>
        </aside>
    }
}

#[component]
fn NoteList(list: Vec<Note>, page: RwSignal<i64>, changed: RwSignal<u64>) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || texts(i18n.lang());
    view! {
        <ul class="plain-list note-list">
            {list.into_iter().map(|note| {
                let id = note.id;
                let on_page = note.page_no;
                let old = (!note.on_latest).then_some(note.version_no);
                let at = note.updated_at;
                let remove = move |_| {
                    #[cfg(feature = "hydrate")]
                    leptos::task::spawn_local(async move {
                        if delete_note(id.to_string()).await.is_ok() {
                            changed.update(|v| *v += 1);
                        }
                    });
                    #[cfg(not(feature = "hydrate"))]
                    let _ = (id, changed);
                };
                view! {
                    <li class="note" class:current=move || page.get() == on_page>
                        <p class="note-meta">
                            <a href=format!("?page={on_page}") rel="external">
                                {move || format!("{} {on_page}", t().reader_page)}
                            </a>
                            {old.map(|v| view! { <span class="badge">{move || format!("{} {v}", t().note_old_version)}</span> })}
                            <span class="muted">{move || format::date_time(format::vietnam_time(at), i18n.lang())}</span>
                        </p>
                        <p class="note-body">{note.body.clone()}</p>
                        <button type="button" class="button danger small" on:click=remove>{move || t().note_delete}</button>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}

/// The viewer's own notes on one meeting's documents, each a link into the reader.
#[component]
pub fn MeetingNotes(meeting_id: Uuid) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || texts(i18n.lang());
    let notes = Resource::new(
        move || (),
        move |_| crate::documents::reader_api::get_meeting_notes(meeting_id.to_string()),
    );
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let list = notes.await.unwrap_or_default();
                (!list.is_empty()).then(|| view! {
                    <section class="panel" aria-labelledby="my-notes-title">
                        <h2 id="my-notes-title">{move || t().my_notes}</h2>
                        <ul class="plain-list note-list">
                            {list.into_iter().map(|note| {
                                let page = note.page_no;
                                let old = (!note.on_latest).then_some(note.version_no);
                                view! {
                                    <li class="note">
                                        <p class="note-meta">
                                            <a href=format!("/documents/{}/read?page={page}", note.document_id) rel="external">
                                                {note.document_title.clone()}
                                                {move || format!(" · {} {page}", t().reader_page)}
                                            </a>
                                            {old.map(|v| view! { <span class="badge">{move || format!("{} {v}", t().note_old_version)}</span> })}
                                        </p>
                                        <p class="note-body">{note.body.clone()}</p>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    </section>
                })
            })}
        </Suspense>
    }
}
