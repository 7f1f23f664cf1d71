//! The secretariat's settings of the savings (cost per page, baseline overrides) and the
//! import of paper-era meetings.
use leptos::prelude::*;

#[cfg(feature = "hydrate")]
use crate::analytics::api::{import_history, save_savings_settings};
use crate::analytics::model::{Dashboard, SavingsSettings};
use crate::analytics::texts::texts;
use crate::error::AppError;
use crate::i18n::use_i18n;

/// The secretariat's settings and the import of paper-era meetings.
#[component]
pub fn Settings(d: Dashboard, version: RwSignal<u64>) -> impl IntoView {
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
            Some((h, n)) => format!(
                "{} {} — {} ({n})",
                crate::ui::format::decimal(h, 1, i18n.lang()),
                t().minutes,
                t().from_history
            ),
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
                        <span>{move || Regular.label(i18n.lang())}</span>
                        <input type="text" inputmode="decimal" bind:value=regular/>
                        <small class="muted">{rate_line(Regular)}</small>
                    </label>
                    <label class="field narrow">
                        <span>{move || Thematic.label(i18n.lang())}</span>
                        <input type="text" inputmode="decimal" bind:value=thematic/>
                        <small class="muted">{rate_line(Thematic)}</small>
                    </label>
                    <label class="field narrow">
                        <span>{move || Extraordinary.label(i18n.lang())}</span>
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
                    <textarea class="csv" rows="5" bind:value=csv></textarea>
                </label>
                <button type="submit" class="button">{move || t().import_button}</button>
            </form>
            <p class="form-error" role="alert">{move || error.get().map(|e| e.message(i18n.lang()))}</p>
            <p class="ok" role="status">{move || done.get()}</p>
        </section>
    }
}
