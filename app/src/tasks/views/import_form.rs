//! The secretariat's import of paper-era tasks from CSV (`tasks::import` names the columns).
use leptos::prelude::*;

use crate::error::AppError;
use crate::i18n::use_i18n;
use crate::tasks::api::import_tasks;
use crate::tasks::texts::texts;
use crate::ui::csv_picker::CsvPicker;

#[component]
pub fn ImportForm() -> impl IntoView {
    let i18n = use_i18n();
    let tt = move || texts(i18n.lang());
    let text = RwSignal::new(String::new());
    let outcome = RwSignal::new(None::<Result<usize, AppError>>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let csv = text.get_untracked();
        leptos::task::spawn_local(async move {
            outcome.set(Some(import_tasks(csv).await));
        });
    };
    view! {
        <form class="panel" on:submit=submit aria-labelledby="task-import">
            <h2 id="task-import">{move || tt().import_title}</h2>
            <p class="muted">{move || tt().import_hint}</p>
            <CsvPicker
                text
                file_label=Signal::derive(move || tt().import_file.to_owned())
                text_label=Signal::derive(move || tt().import_text.to_owned())
            />
            <p role="status">
                {move || match outcome.get() {
                    Some(Ok(n)) => format!("{} {n}", tt().imported),
                    _ => String::new(),
                }}
            </p>
            <p class="form-error" role="alert">
                {move || match outcome.get() {
                    Some(Err(e)) => e.message(i18n.lang()),
                    _ => String::new(),
                }}
            </p>
            <button type="submit" class="button primary">{move || tt().import_button}</button>
        </form>
    }
}
