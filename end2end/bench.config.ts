// The front-end benchmark (figure 6 of BENCHMARKS.md), run by `ecabinet-bench` through
// `bash bench/run` against the release build — not part of the test suite (`tests/`).
import base from './playwright.config';
import { defineConfig } from '@playwright/test';

export default defineConfig({ ...base, testDir: './bench', timeout: 300_000 });
