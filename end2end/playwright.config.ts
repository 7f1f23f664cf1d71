import { defineConfig } from '@playwright/test';

// The server under test: the debug build by default (`cargo leptos build`), started here
// in demo mode on a fresh SQLite database, on its own port.
const port = Number(process.env.E2E_PORT ?? 3137);
const server = process.env.E2E_SERVER ?? '../target/debug/ecabinet';
const siteRoot = process.env.E2E_SITE_ROOT ?? '../target/site';
// Set once in the runner; its workers inherit it (tests read the demo enrolment links there).
process.env.E2E_DATA_DIR ??= `.data/run-${process.pid}-${Date.now()}`;
const dataDir = process.env.E2E_DATA_DIR;

export default defineConfig({
  testDir: './tests',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  reporter: [['list']],
  use: {
    // Passkeys need `localhost` (not 127.0.0.1) as the relying party's host.
    baseURL: `http://localhost:${port}`,
    browserName: 'chromium',
    viewport: { width: 1024, height: 768 },
    locale: 'vi-VN',
    launchOptions: {
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-dev-shm-usage',
      ],
    },
  },
  webServer: {
    command:
      `${server} --demo --bind 127.0.0.1:${port} --public-origin http://localhost:${port} ` +
      `--data-dir ${dataDir} --site-root ${siteRoot}`,
    url: `http://127.0.0.1:${port}/readyz`,
    reuseExistingServer: false,
    timeout: 120_000,
    // The server's warnings and errors show beside a failing test; its request log does not.
    env: { RUST_LOG: process.env.RUST_LOG ?? 'warn' },
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
