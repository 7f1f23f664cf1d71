//! One way to confirm an irreversible act, on every page: a button that opens an in-app
//! dialog saying what will happen and listing what it applies to (the items adopted, the
//! people told), with "go back" first. The browser's modal `<dialog>` keeps the keyboard
//! inside it and closes on Escape; its buttons are large enough for a finger.
use leptos::html::Dialog;
use leptos::prelude::*;

use crate::i18n::use_i18n;
use crate::ui::texts::texts;

#[component]
pub fn ConfirmAct(
    /// The button that opens the dialog.
    #[prop(into)]
    label: Signal<String>,
    /// Its classes (`button danger`, `button primary`).
    #[prop(default = "button")]
    class: &'static str,
    /// What will happen, as the dialog's heading.
    #[prop(into)]
    heading: Signal<String>,
    /// What follows from it (who is told, whether it can be undone).
    #[prop(into)]
    body: Signal<String>,
    /// What it applies to, listed under the body when not empty.
    #[prop(into, optional)]
    items: Signal<Vec<String>>,
    /// The button that does it.
    #[prop(into)]
    confirm: Signal<String>,
    #[prop(into, optional)] disabled: Signal<bool>,
    /// Run once confirmed.
    on_confirm: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let dialog = NodeRef::<Dialog>::new();
    let open = move |_| {
        if let Some(d) = dialog.get() {
            let _ = d.show_modal();
        }
    };
    let close = move || {
        if let Some(d) = dialog.get() {
            d.close();
        }
    };
    view! {
        <button type="button" class=class disabled=move || disabled.get() on:click=open>
            {move || label.get()}
        </button>
        <dialog node_ref=dialog class="confirm" aria-label=move || heading.get()>
            <h2>{move || heading.get()}</h2>
            <p>{move || body.get()}</p>
            {move || {
                let listed = items.get();
                (!listed.is_empty()).then(|| view! {
                    <ul class="confirm-items">
                        {listed.into_iter().map(|item| view! { <li lang="vi">{item}</li> }).collect_view()}
                    </ul>
                })
            }}
            <div class="confirm-buttons">
                // The safe choice takes the focus first.
                <button type="button" class="button" autofocus on:click=move |_| close()>
                    {move || texts(i18n.lang()).go_back}
                </button>
                <button
                    type="button"
                    class=class
                    on:click=move |_| {
                        close();
                        on_confirm.run(());
                    }
                >
                    {move || confirm.get()}
                </button>
            </div>
        </dialog>
    }
}
