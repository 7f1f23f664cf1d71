//! Figure 6: the front end. The release bundle's size (raw, gzip −9, brotli −11, and what the
//! server actually sends a browser that accepts brotli), pdf.js apart (loaded by the reader
//! page only); then, in Chromium with its CPU slowed 4× and a 10 Mbit/s, 50 ms network, the
//! meeting page's Largest Contentful Paint, the Interaction to Next Paint of opening an agenda
//! item's discussion and of answering a ballot, and the time to the first page of a 300-page
//! PDF (`end2end/bench/frontend.spec.ts`, run through Playwright against the release build).
use std::io::Write;
use std::path::Path;
use std::time::Duration;

use anyhow::Context;

use crate::server::{until_ok, Server};

fn kib(bytes: usize) -> String {
    format!("{:.1} KiB", bytes as f64 / 1024.0)
}

fn gzip_size(data: &[u8]) -> usize {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    let _ = encoder.write_all(data);
    encoder.finish().map_or(0, |v| v.len())
}

fn brotli_size(data: &[u8]) -> usize {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        ..Default::default()
    };
    let _ = brotli::BrotliCompress(&mut &data[..], &mut out, &params);
    out.len()
}

/// Bytes on the wire for `path` when the browser accepts brotli and gzip.
async fn served(base: &str, path: &str) -> anyhow::Result<(usize, String)> {
    let response = reqwest::Client::new()
        .get(format!("{base}{path}"))
        .header("accept-encoding", "br, gzip")
        .send()
        .await?;
    let encoding = response
        .headers()
        .get("content-encoding")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("none")
        .to_owned();
    Ok((response.bytes().await?.len(), encoding))
}

fn median(values: &[f64]) -> f64 {
    let mut v = values.to_vec();
    v.sort_by(f64::total_cmp);
    v.get(v.len() / 2).copied().unwrap_or(f64::NAN)
}

fn worst(values: &[f64]) -> f64 {
    values.iter().copied().fold(f64::NAN, f64::max)
}

pub async fn run(server_bin: &Path, site: &Path, quick: bool) -> anyhow::Result<String> {
    let mut sizes = Vec::new();
    let mut total = (0, 0, 0);
    let dir = tempfile::tempdir()?;
    let url = format!("sqlite://{}/ecabinet.db", dir.path().display());
    let server = Server::spawn_site(server_bin, dir.path(), &url, site)?;
    until_ok(&format!("{}/readyz", server.base), Duration::from_secs(120)).await?;
    let pkg = site.join("pkg");
    let mut split_loader = None;
    let mut modules = Vec::new();
    for entry in std::fs::read_dir(&pkg)
        .with_context(|| format!("{} (build the site first)", pkg.display()))?
    {
        let name = entry?.file_name().to_string_lossy().into_owned();
        if name.starts_with("__wasm_split.") && name.ends_with(".js") {
            split_loader = Some(format!("pkg/{name}"));
        } else if name.ends_with(".wasm") && name != "ecabinet.wasm" {
            modules.push(format!("pkg/{name}"));
        }
    }
    let mut files: Vec<(String, &str)> = vec![
        ("pkg/ecabinet.wasm".into(), "every page"),
        ("pkg/ecabinet.js".into(), "every page"),
        ("pkg/ecabinet.css".into(), "every page"),
    ];
    if let Some(loader) = &split_loader {
        files.push((loader.clone(), "every page"));
    }
    for file in [
        "reader.js",
        "vendor/pdfjs/pdf.min.mjs",
        "vendor/pdfjs/pdf.worker.min.mjs",
    ] {
        files.push((file.into(), "the reader page only"));
    }
    for (file, loaded) in &files {
        let data = std::fs::read(site.join(file))
            .with_context(|| format!("{} (build the site first)", site.join(file).display()))?;
        let (raw, gz, br) = (data.len(), gzip_size(&data), brotli_size(&data));
        let (wire, encoding) = served(&server.base, &format!("/{file}")).await?;
        if *loaded == "every page" {
            total = (total.0 + raw, total.1 + gz, total.2 + br);
        }
        sizes.push(format!(
            "| `{file}` | {loaded} | {} | {} | {} | {} ({encoding}) |",
            kib(raw),
            kib(gz),
            kib(br),
            kib(wire)
        ));
    }
    // The split modules: each page loads those of its group (measured in the browser below).
    let mut module_sizes = std::collections::HashMap::new();
    let mut all_modules = (0, 0, 0);
    for file in &modules {
        let data = std::fs::read(site.join(file))?;
        let (raw, gz, br) = (data.len(), gzip_size(&data), brotli_size(&data));
        all_modules = (all_modules.0 + raw, all_modules.1 + gz, all_modules.2 + br);
        module_sizes.insert(file.clone(), (raw, br));
    }
    if !modules.is_empty() {
        sizes.push(format!(
            "| {} split modules (`pkg/*.wasm`) | each page those of its group | {} | {} | {} | |",
            modules.len(),
            kib(all_modules.0),
            kib(all_modules.1),
            kib(all_modules.2),
        ));
    }
    drop(server);

    // The browser part.
    let big = dir.path().join("ho-so-300-trang.pdf");
    std::fs::write(&big, crate::pdf::document(300, 0)?)?;
    let rounds = if quick { 1 } else { 5 };
    let figures = crate::playwright::run_spec(
        "bench/frontend.spec.ts",
        server_bin,
        site,
        rounds,
        &[("E2E_BIG_PDF", &big)],
    )?;
    let series = |key: &str| -> Vec<f64> {
        figures[key]
            .as_array()
            .map(|a| a.iter().filter_map(serde_json::Value::as_f64).collect())
            .unwrap_or_default()
    };
    let row = |what: &str, key: &str, target: &str| {
        let v = series(key);
        format!(
            "| {what} | {:.0} ms | {:.0} ms | {target} |",
            median(&v),
            worst(&v)
        )
    };
    let browser = [
        row(
            "meeting page: Largest Contentful Paint",
            "lcp",
            "< 1,500 ms",
        ),
        row(
            "opening an agenda item's discussion: INP",
            "openItem",
            "< 100 ms",
        ),
        row(
            "answering a ballot (choose, send): INP",
            "answer",
            "< 100 ms",
        ),
        row(
            "first page of a 300-page PDF (296 pages), opened directly: its picture (made when \
             the file was read) on screen",
            "picture",
            "< 1,000 ms",
        ),
        row("the same page drawn by pdf.js over it", "firstPage", "—"),
    ];
    // What each page fetched of the site's code (`/pkg/`), in the last round (each round
    // loads the same files: the cache is off).
    let mut pages = Vec::new();
    let mut meeting_page = None;
    for (key, what) in [
        ("meeting", "the meeting page (opened directly)"),
        ("ballot", "the ballot list, then a ballot (opened from it)"),
        ("reader", "the reader page (opened directly)"),
    ] {
        let fetched: Vec<String> = figures["pkg"][key]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|v| v.as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default();
        let mut sum = (0, 0);
        let mut module_count = 0;
        for file in &fetched {
            if let Some((raw, br)) = module_sizes.get(file) {
                sum = (sum.0 + raw, sum.1 + br);
                module_count += 1;
            }
        }
        let page_total = (total.0 + sum.0, total.2 + sum.1);
        if key == "meeting" {
            meeting_page = Some(page_total.1);
        }
        pages.push(format!(
            "| {what} | {} | {module_count} | {} | {} | {} |",
            fetched.len(),
            kib(sum.1),
            kib(page_total.0),
            kib(page_total.1),
        ));
    }
    Ok(format!(
        "## Figure 6 — the front end\n\nThe release build (`cargo leptos build --release \
         --precompress --split`: WASM split by page group and optimised by wasm-opt, every file also stored compressed). Sizes \
         as built, compressed at the strongest settings, and as the server sends them to a \
         browser that accepts brotli (the stored copy; a file without one is compressed on the \
         fly at level 5). Target: ≤ 200 KB brotli for what every page loads (the WASM, its \
         JavaScript and the styles); the PDF viewer (pdf.js) is loaded by the reader page \
         only — the meeting page requested {} pdf.js files in the run below.\n\n\
         | file | loaded by | raw | gzip −9 | brotli −11 | sent |\n|---|---|---|---|---|---|\n{}\n\
         | **every page** | | **{}** | **{}** | **{}** | |\n\n\
         The bundle is split by page group (`cargo leptos build --split`, `app/src/ui/pages.rs`): \
         what each page fetched of `/pkg/` in the browser run below (the main bundle above and its \
         group's modules). Target: ≤ 200 KB brotli; the meeting page loaded {}.\n\n\
         | page | `/pkg/` files fetched | of them split modules | modules, brotli −11 | page, raw | \
         **page, brotli −11** |\n|---|---|---|---|---|---|\n{}\n\n\
         In Chromium, CPU slowed 4×, network 10 Mbit/s both ways with 50 ms latency, cache \
         off, a member signed in; {rounds} rounds, median and worst:\n\n\
         | what | median | worst | target |\n|---|---|---|---|\n{}\n",
        figures["pdfOnMeetingPage"],
        sizes.join("\n"),
        kib(total.0),
        kib(total.1),
        kib(total.2),
        meeting_page.map_or_else(|| "not measured".to_owned(), kib),
        pages.join("\n"),
        browser.join("\n"),
    ))
}
