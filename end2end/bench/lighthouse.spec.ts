// Figure 9: Lighthouse's performance score (its mobile profile: a mid-range phone, CPU slowed
// 4×, a slow 4G network, simulated) of the meeting page and the reader, a member signed in,
// against the release build. Writes its figures as JSON to $E2E_RESULT for
// ecabinet-bench, which puts them in BENCHMARKS.md. Not a test of the suite: a measurement.
import { test } from '@playwright/test';
import { writeFileSync } from 'fs';
import { demoUser } from '../tests/helpers/people';

const ROUNDS = Number(process.env.E2E_ROUNDS ?? 3);
const MEMBER = 'Bạch Quang Nhật';

interface Audit { numericValue?: number; score: number | null }
interface Run {
  categories: { performance: { score: number } };
  audits: Record<string, Audit>;
  runtimeError?: { message: string };
}

test('Lighthouse (mobile): the meeting page and the reader', async ({ browser, baseURL }) => {
  // A run takes up to a minute (Lighthouse waits for the page to go quiet).
  test.setTimeout(ROUNDS * 2 * 90_000 + 60_000);
  const errors: string[] = [];
  const page = await demoUser(browser, MEMBER, errors);
  // The session goes with every request Lighthouse's browser makes (its storage is reset).
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
  await page.getByRole('link', { name: /thường kỳ tháng 11/ }).click();
  await page.waitForURL(/\/meetings\//);
  const meeting = new URL(page.url()).pathname;
  const reader = await page.locator('a.doc-title').first().getAttribute('href');
  await page.context().close();

  const { default: lighthouse } = await import('lighthouse');
  const chromeLauncher = await import('chrome-launcher');
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  const figures: Record<string, { score: number; fcp: number; lcp: number; tbt: number; cls: number; si: number }[]> = {};
  try {
    for (const [key, path] of [['meeting', meeting], ['reader', reader!]] as const) {
      figures[key] = [];
      for (let round = 0; round < ROUNDS; round++) {
        const result = await lighthouse(`${baseURL}${path}`, {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: ['performance'],
          extraHeaders: { Cookie: cookie },
        });
        const lhr = result!.lhr as unknown as Run;
        if (lhr.runtimeError) throw new Error(`${path}: ${lhr.runtimeError.message}`);
        const value = (id: string) => lhr.audits[id].numericValue ?? NaN;
        figures[key].push({
          score: Math.round(lhr.categories.performance.score * 100),
          fcp: value('first-contentful-paint'),
          lcp: value('largest-contentful-paint'),
          tbt: value('total-blocking-time'),
          cls: value('cumulative-layout-shift'),
          si: value('speed-index'),
        });
      }
    }
  } finally {
    chrome.kill();
  }
  if (errors.length) throw new Error(errors.join('\n'));
  writeFileSync(process.env.E2E_RESULT ?? 'lighthouse.json', JSON.stringify(figures));
});
