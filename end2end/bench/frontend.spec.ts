// Figure 6: the front end on a slow tablet — Chromium with its CPU slowed 4× and a 10 Mbit/s,
// 50 ms network (DevTools protocol) — against the release build. Writes its figures as JSON
// to $E2E_RESULT for ecabinet-bench, which puts them in BENCHMARKS.md.
import { test, expect, type Page, type CDPSession } from '@playwright/test';
import { readFileSync, writeFileSync } from 'fs';
import { demoUser, watch } from '../tests/helpers/people';

const ROUNDS = Number(process.env.E2E_ROUNDS ?? 5);

async function slow(page: Page): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 50,
    downloadThroughput: (10_000_000 / 8),
    uploadThroughput: (10_000_000 / 8),
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  return cdp;
}

/** Largest Contentful Paint of the page as loaded, in ms. */
async function lcp(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        new PerformanceObserver((list) => {
          const entries = list.getEntries();
          resolve(entries[entries.length - 1].startTime);
        }).observe({ type: 'largest-contentful-paint', buffered: true });
      }),
  );
}

/** Start collecting event timings; `inp()` later gives the longest interaction, in ms. */
async function watchInteractions(page: Page) {
  await page.evaluate(() => {
    (window as any).__inp = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as any[]) {
        if (e.interactionId) (window as any).__inp = Math.max((window as any).__inp, e.duration);
      }
    }).observe({ type: 'event', buffered: true, durationThreshold: 16 } as any);
  });
}

async function inp(page: Page): Promise<number> {
  // Event timings are reported after the next frames.
  await page.waitForTimeout(500);
  return page.evaluate(() => (window as any).__inp as number);
}

/** The site's own code a page fetches (`/pkg/`: the main bundle and the page's split modules). */
function pkgRequests(page: Page): Set<string> {
  const seen = new Set<string>();
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (path.startsWith('/pkg/')) seen.add(path.slice(1));
  });
  return seen;
}

function pdfRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/vendor/pdfjs/')) seen.push(r.url());
  });
  return seen;
}

test('the front end on a slow tablet', async ({ browser }) => {
  const errors: string[] = [];
  const secretary = await demoUser(browser, 'Trương Thị Hạnh', errors);
  const member = await demoUser(browser, 'Bạch Quang Nhật', errors);
  // The meeting the member sees first on their list.
  const meetingHref = await member.locator('a[href^="/meetings/"]').first().getAttribute('href');
  const meetingId = meetingHref!.split('/')[2];
  await member.goto(meetingHref!);

  // A 300-page document on the meeting's first item (written by ecabinet-bench).
  const item = await member.locator('.agenda-item').first().getAttribute('id');
  const big = readFileSync(process.env.E2E_BIG_PDF!);
  const uploaded = await secretary.request.post(
    `/documents/upload?item=${item!.replace('item-', '')}&name=ho-so-300-trang.pdf`,
    { data: big, headers: { 'content-type': 'application/pdf', origin: new URL(secretary.url()).origin } },
  );
  expect(uploaded.status(), await uploaded.text()).toBe(200);
  const documentId = (await uploaded.json()).document_id as string;
  // Its text is read and its first page pictured in the background: wait for the picture.
  await expect(async () => {
    const picture = await secretary.request.get(`/documents/${documentId}/first-page`);
    expect(picture.status()).toBe(200);
  }).toPass({ timeout: 60_000 });

  const results = { lcp: [] as number[], openItem: [] as number[], answer: [] as number[], picture: [] as number[], firstPage: [] as number[], pdfOnMeetingPage: 0, pkg: {} as Record<string, string[]> };
  for (let round = 0; round < ROUNDS; round++) {
    // The meeting page, loaded cold.
    const page = await member.context().newPage();
    const pdf = pdfRequests(page);
    const meetingPkg = pkgRequests(page);
    await slow(page);
    await page.goto(`/meetings/${meetingId}`, { waitUntil: 'load' });
    await expect(page.locator('body[data-hydrated="true"]')).toHaveCount(1, { timeout: 60_000 });
    results.lcp.push(await lcp(page));
    results.pdfOnMeetingPage += pdf.length;

    // Opening an agenda item's discussion (its comments are fetched).
    await watchInteractions(page);
    await page.locator('.agenda-item details.comments summary').first().click();
    results.openItem.push(await inp(page));
    results.pkg.meeting = [...meetingPkg];
    await page.close();

    // Answering a ballot: choosing, then sending (up to the next paint; the passkey prompt
    // and the network come after and are not part of the interaction).
    const ballotPage = await member.context().newPage();
    const ballotPkg = pkgRequests(ballotPage);
    await slow(ballotPage);
    await ballotPage.goto('/ballots', { waitUntil: 'load' });
    await expect(ballotPage.locator('body[data-hydrated="true"]')).toHaveCount(1, { timeout: 60_000 });
    await ballotPage.locator('a[href^="/ballots/"]').first().click();
    const form = ballotPage.locator('section.answer form');
    await expect(form).toHaveCount(1, { timeout: 60_000 });
    await watchInteractions(ballotPage);
    await form.getByRole('radio', { name: 'Đồng ý', exact: true }).check();
    await form.getByRole('button', { name: 'Ký bằng khóa truy cập và gửi' }).click();
    results.answer.push(await inp(ballotPage));
    results.pkg.ballot = [...ballotPkg];
    await ballotPage.close();

    // The first page of the 300-page document, from clicking its link to the page on screen:
    // first as the picture made when the file was read, then drawn by pdf.js.
    const reader = await member.context().newPage();
    watch(reader, 'reader', errors);
    const readerPkg = pkgRequests(reader);
    await slow(reader);
    const start = Date.now();
    await reader.goto(`/documents/${documentId}/read?page=1`, { waitUntil: 'commit' });
    await reader.waitForFunction(() => {
      const picture = document.getElementById('reader-picture') as HTMLImageElement | null;
      return picture !== null && picture.complete && picture.naturalWidth > 0;
    }, null, { timeout: 120_000 });
    results.picture.push(Date.now() - start);
    await expect(reader.locator('#reader')).toHaveAttribute('data-state', 'shown', { timeout: 120_000 });
    results.firstPage.push(Date.now() - start);
    // The page was drawn before the app hydrated: hydration must still find its markup.
    await expect(reader.locator('body[data-hydrated="true"]')).toHaveCount(1, { timeout: 60_000 });
    const pages = await reader.locator('#reader').getAttribute('data-pages');
    expect(Number(pages)).toBeGreaterThan(250);
    await expect(reader.locator('#reader-count')).toHaveText(pages!);
    results.pkg.reader = [...readerPkg];
    await reader.close();
  }
  expect(errors, errors.join('\n')).toEqual([]);
  writeFileSync(process.env.E2E_RESULT!, JSON.stringify(results));
});
