//! Figure 9: Lighthouse's performance score, mobile profile, of the meeting page and the
//! reader (`end2end/bench/lighthouse.spec.ts`, run through Playwright against the release
//! build; Lighthouse pinned in `end2end/bench/package.json`).
use std::path::Path;

use anyhow::Context;

/// One Lighthouse run's figures, as the spec writes them.
struct Run {
    score: f64,
    fcp: f64,
    lcp: f64,
    tbt: f64,
    cls: f64,
    si: f64,
}

impl Run {
    fn from_json(run: &serde_json::Value) -> Run {
        let number = |key: &str| run[key].as_f64().unwrap_or(f64::NAN);
        Run {
            score: number("score"),
            fcp: number("fcp"),
            lcp: number("lcp"),
            tbt: number("tbt"),
            cls: number("cls"),
            si: number("si"),
        }
    }
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values.get(values.len() / 2).copied().unwrap_or(f64::NAN)
}

pub async fn run(server_bin: &Path, site: &Path, quick: bool) -> anyhow::Result<String> {
    let rounds = if quick { 1 } else { 5 };
    let figures =
        crate::playwright::run_spec("bench/lighthouse.spec.ts", server_bin, site, rounds, &[])?;
    let mut rows = Vec::new();
    for (key, what) in [
        ("meeting", "the meeting page (regular session, 16 items)"),
        ("reader", "the reader (its first document)"),
    ] {
        let runs: Vec<Run> = figures[key]
            .as_array()
            .context("a page missing from the results")?
            .iter()
            .map(Run::from_json)
            .collect();
        let of = |f: fn(&Run) -> f64| median(runs.iter().map(f).collect());
        let scores: Vec<String> = runs.iter().map(|r| format!("{:.0}", r.score)).collect();
        rows.push(format!(
            "| {what} | **{:.0}** ({}) | {:.0} ms | {:.0} ms | {:.0} ms | {:.3} | {:.0} ms |",
            of(|r| r.score),
            scores.join(", "),
            of(|r| r.fcp),
            of(|r| r.lcp),
            of(|r| r.tbt),
            of(|r| r.cls),
            of(|r| r.si),
        ));
    }
    Ok(format!(
        "## Figure 9 — Lighthouse (mobile)\n\n\
         Lighthouse 13.5.0, its default mobile profile (a mid-range phone's screen, CPU slowed \
         4×, a slow 4G network: 150 ms, 1.6 Mbit/s; simulated), performance only, a member \
         signed in (the session cookie sent with every request), against the release build \
         served with its precompressed files; {rounds} runs per page, the median of each \
         figure. Target: performance ≥ 90 for both pages.\n\n\
         | page | performance (each run) | First Contentful Paint | Largest Contentful Paint \
         | Total Blocking Time | Cumulative Layout Shift | Speed Index |\n\
         |---|---|---|---|---|---|---|\n{}\n",
        rows.join("\n")
    ))
}
