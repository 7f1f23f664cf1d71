//! Charts drawn as SVG on the server (and kept by hydration): grouped bars and a line with a
//! target. Colours come from the stylesheet (`.series-0` …), so the page's CSP holds; each
//! chart has a title for screen readers and the numbers are in the table beside it.
use leptos::prelude::*;

use crate::i18n::{use_i18n, Lang};

const WIDTH: f64 = 720.0;
const HEIGHT: f64 = 260.0;
const LEFT: f64 = 48.0;
const BOTTOM: f64 = 40.0;
const TOP: f64 = 16.0;

/// A round step for the axis: 1, 2 or 5 × a power of ten, about 4 steps to `max`.
fn step(max: f64) -> f64 {
    if max <= 0.0 {
        return 1.0;
    }
    let rough = max / 4.0;
    let power = 10f64.powf(rough.log10().floor());
    [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * power)
        .find(|s| *s >= rough)
        .unwrap_or(10.0 * power)
}

/// A value on an axis or in a tip, as the page's language writes numbers.
fn fmt(v: f64, lang: Lang) -> String {
    crate::ui::format::short(v, lang)
}

/// Horizontal grid lines with their values, from `low` to `high`.
fn grid(low: f64, high: f64, y: impl Fn(f64) -> f64, lang: Lang) -> impl IntoView {
    let s = step(high - low);
    let mut lines = Vec::new();
    let mut v = (low / s).ceil() * s;
    while v <= high + 1e-9 {
        lines.push(v);
        v += s;
    }
    lines
        .into_iter()
        .map(|v| {
            let at = y(v);
            view! {
                <line class="grid" x1=LEFT x2=WIDTH y1=at y2=at></line>
                <text class="axis" x=LEFT - 6.0 y=at + 4.0 text-anchor="end">{fmt(v, lang)}</text>
            }
        })
        .collect_view()
}

/// One series of a bar chart: its name and a value per category (`None`: no bar).
#[derive(Clone)]
pub struct Series {
    pub name: String,
    pub values: Vec<Option<f64>>,
}

/// Bars side by side for each category, one colour per series, with a legend.
#[component]
pub fn GroupedBars(title: String, categories: Vec<String>, series: Vec<Series>) -> impl IntoView {
    let lang = use_i18n().lang();
    let max = series
        .iter()
        .flat_map(|s| s.values.iter().flatten())
        .fold(0.0_f64, |a, b| a.max(*b));
    let high = (max / step(max)).ceil() * step(max);
    let high = if high <= 0.0 { 1.0 } else { high };
    let plot_h = HEIGHT - BOTTOM - TOP;
    let y = move |v: f64| TOP + plot_h * (1.0 - v / high);
    let n = categories.len().max(1) as f64;
    let band = (WIDTH - LEFT) / n;
    let bar = (band * 0.8) / series.len().max(1) as f64;
    let bars = categories
        .iter()
        .enumerate()
        .flat_map(|(c, _)| {
            series.iter().enumerate().filter_map(move |(s, series)| {
                let v = series.values.get(c).copied().flatten()?;
                let x = LEFT + band * c as f64 + band * 0.1 + bar * s as f64;
                let top = y(v);
                Some(view! {
                    <rect class=format!("bar series-{s}") x=x y=top width=(bar - 1.0).max(1.0) height=(y(0.0) - top).max(0.0)>
                        <title>{format!("{}: {}", series.name, fmt(v, lang))}</title>
                    </rect>
                })
            })
        })
        .collect_view();
    let labels = categories
        .iter()
        .enumerate()
        .map(|(c, label)| {
            let x = LEFT + band * c as f64 + band / 2.0;
            view! { <text class="axis" x=x y=HEIGHT - BOTTOM + 16.0 text-anchor="middle">{label.clone()}</text> }
        })
        .collect_view();
    let legend = series
        .iter()
        .enumerate()
        .map(|(s, series)| {
            view! { <li><span class=format!("swatch series-{s}") aria-hidden="true"></span>{series.name.clone()}</li> }
        })
        .collect_view();
    view! {
        <figure class="chart">
            <svg viewBox=format!("0 0 {WIDTH} {HEIGHT}") role="img" aria-label=title.clone()>
                <title>{title.clone()}</title>
                {grid(0.0, high, y, lang)}
                {bars}
                <line class="baseline-axis" x1=LEFT x2=WIDTH y1=y(0.0) y2=y(0.0)></line>
                {labels}
            </svg>
            <figcaption>
                <strong>{title}</strong>
                <ul class="legend">{legend}</ul>
            </figcaption>
        </figure>
    }
}

/// Points joined by a line (in order), with an optional dashed target line.
#[component]
pub fn LinePlot(
    title: String,
    points: Vec<(String, f64)>,
    #[prop(optional)] target: Option<(f64, String)>,
    #[prop(optional)] series_class: Option<&'static str>,
) -> impl IntoView {
    let lang = use_i18n().lang();
    let values: Vec<f64> = points
        .iter()
        .map(|(_, v)| *v)
        .chain(target.iter().map(|(t, _)| *t))
        .collect();
    let low = values.iter().copied().fold(0.0_f64, f64::min);
    let top = values.iter().copied().fold(0.0_f64, f64::max);
    let s = step(top - low);
    let (low, high) = ((low / s).floor() * s, (top / s).ceil() * s);
    let high = if high <= low { low + 1.0 } else { high };
    let plot_h = HEIGHT - BOTTOM - TOP;
    let y = move |v: f64| TOP + plot_h * (1.0 - (v - low) / (high - low));
    let n = points.len().max(1) as f64;
    let band = (WIDTH - LEFT) / n;
    let x = move |i: usize| LEFT + band * i as f64 + band / 2.0;
    let path: String = points
        .iter()
        .enumerate()
        .map(|(i, (_, v))| {
            format!(
                "{}{:.1},{:.1}",
                if i == 0 { "M" } else { " L" },
                x(i),
                y(*v)
            )
        })
        .collect();
    let class = series_class.unwrap_or("series-0");
    let dots = points
        .iter()
        .enumerate()
        .map(|(i, (label, v))| {
            view! {
                <circle class=format!("dot {class}") cx=x(i) cy=y(*v) r="4">
                    <title>{format!("{label}: {}", fmt(*v, lang))}</title>
                </circle>
            }
        })
        .collect_view();
    // At most ~8 labels on the axis.
    let every = points.len().div_ceil(8).max(1);
    let labels = points
        .iter()
        .enumerate()
        .filter(|(i, _)| i % every == 0)
        .map(|(i, (label, _))| {
            view! { <text class="axis" x=x(i) y=HEIGHT - BOTTOM + 16.0 text-anchor="middle">{label.clone()}</text> }
        })
        .collect_view();
    let target_view = target.clone().map(|(t, label)| {
        let at = y(t);
        view! {
            <line class="target" x1=LEFT x2=WIDTH y1=at y2=at></line>
            <text class="axis target-label" x=WIDTH - 4.0 y=at - 6.0 text-anchor="end">{label}</text>
        }
    });
    view! {
        <figure class="chart">
            <svg viewBox=format!("0 0 {WIDTH} {HEIGHT}") role="img" aria-label=title.clone()>
                <title>{title.clone()}</title>
                {grid(low, high, y, lang)}
                {target_view}
                <path class=format!("line {class}") d=path></path>
                {dots}
                {labels}
            </svg>
            <figcaption><strong>{title}</strong></figcaption>
        </figure>
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn axis_steps_are_round() {
        assert_eq!(super::step(327.0), 100.0);
        assert_eq!(super::step(45.0), 20.0);
        assert_eq!(super::step(8.0), 2.0);
        assert_eq!(super::step(0.0), 1.0);
    }
}
