//! A wide table that scrolls sideways on a narrow screen or at 200 % zoom.
use leptos::prelude::*;

/// The scrolling box around a table: a named region that takes the keyboard focus, so
/// someone without a pointer can scroll it with the arrow keys (WCAG 2.1.1; axe's
/// `scrollable-region-focusable`).
#[component]
pub fn TableScroll(
    /// What the table is, read out when the region takes the focus.
    #[prop(into)]
    label: Signal<String>,
    children: Children,
) -> impl IntoView {
    view! {
        <div class="table-scroll" role="region" tabindex="0" aria-label=move || label.get()>
            {children()}
        </div>
    }
}
