//! Running one of `end2end/bench/`'s specs through Playwright against the release build; the
//! spec writes its figures as JSON to `$E2E_RESULT`.
use std::path::Path;
use std::process::Command;

use anyhow::{bail, Context};

use crate::server::free_port;

/// Run `spec` (a path under `end2end/`) with `rounds` and `env`; its figures.
pub fn run_spec(
    spec: &str,
    server_bin: &Path,
    site: &Path,
    rounds: u32,
    env: &[(&str, &Path)],
) -> anyhow::Result<serde_json::Value> {
    let dir = tempfile::tempdir()?;
    let result = dir.path().join("figures.json");
    let mut command = Command::new("npx");
    command
        .args(["playwright", "test", "--config", "bench.config.ts", spec])
        .current_dir("end2end")
        .env("E2E_SERVER", std::fs::canonicalize(server_bin)?)
        .env("E2E_SITE_ROOT", std::fs::canonicalize(site)?)
        .env("E2E_PORT", free_port()?.to_string())
        .env("E2E_RESULT", &result)
        .env("E2E_ROUNDS", rounds.to_string());
    for (name, value) in env {
        command.env(name, value);
    }
    let status = command
        .status()
        .context("running Playwright (npx, in end2end/)")?;
    if !status.success() {
        bail!("{spec} failed in Chromium");
    }
    Ok(serde_json::from_slice(&std::fs::read(&result)?)?)
}
