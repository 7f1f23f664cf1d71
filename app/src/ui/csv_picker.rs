//! A CSV file read in the browser into a text that can be checked and edited before it is
//! sent: a file picker and the text area it fills.
use leptos::prelude::*;

#[component]
pub fn CsvPicker(
    /// What the file holds, as text (filled by the picker, edited by hand).
    text: RwSignal<String>,
    #[prop(into)] file_label: Signal<String>,
    #[prop(into)] text_label: Signal<String>,
) -> impl IntoView {
    let read_file = move |ev: leptos::ev::Event| {
        #[cfg(feature = "hydrate")]
        {
            use wasm_bindgen::JsCast;
            let file = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
                .and_then(|input| input.files())
                .and_then(|files| files.get(0));
            if let Some(file) = file {
                leptos::task::spawn_local(async move {
                    if let Ok(value) = wasm_bindgen_futures::JsFuture::from(file.text()).await {
                        text.set(value.as_string().unwrap_or_default());
                    }
                });
            }
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = (ev, text);
    };
    view! {
        <label class="field">
            <span>{move || file_label.get()}</span>
            <input type="file" accept=".csv,text/csv" on:change=read_file/>
        </label>
        <label class="field">
            <span>{move || text_label.get()}</span>
            <textarea class="csv" rows="6" bind:value=text></textarea>
        </label>
    }
}
