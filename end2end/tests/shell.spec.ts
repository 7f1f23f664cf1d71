import { expect, test } from '@playwright/test';
import { hydrated } from './helpers/people';

const REGULAR = 'Phiên họp Chính phủ thường kỳ tháng 11 năm 2026';
const FIRST_ITEM =
  'Tình hình kinh tế - xã hội tháng 11 và 11 tháng năm 2026; nhiệm vụ, giải pháp trọng tâm tháng 12 năm 2026';

test('Vietnamese first, English on request, and the choice persists', async ({ page }) => {
  // Our Content-Security-Policy must never block our own page.
  const violations: string[] = [];
  page.on('console', (msg) => {
    if (/Content Security Policy|Refused to/i.test(msg.text())) violations.push(msg.text());
  });
  await page.goto('/sign-in');
  await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
  await expect(page.getByText('Hệ thống thông tin phục vụ họp của Chính phủ')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Đăng nhập', exact: true })).toBeVisible();

  // The switch is a button that works only once the page has hydrated.
  await hydrated(page);
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await expect(page.getByText("The Government's paperless meeting system")).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Sign in', exact: true })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  await page.reload();
  await expect(page.getByRole('heading', { name: 'Sign in', exact: true })).toBeVisible();
  await hydrated(page);
  await page.getByRole('button', { name: 'Chuyển sang tiếng Việt' }).click();
  await expect(page.getByRole('heading', { name: 'Đăng nhập', exact: true })).toBeVisible();
  expect(violations).toEqual([]);
});

test('a member signs in (demo) and reads the agenda of the published session', async ({ page }) => {
  await page.goto('/sign-in');
  await expect(page.getByRole('note')).toContainText('Chế độ trình diễn');
  await page.getByRole('button', { name: 'Đăng nhập với tư cách Bạch Quang Nhật' }).click();

  await expect(page.getByRole('heading', { name: 'Các cuộc họp' })).toBeVisible();
  await expect(page.getByText('Bộ trưởng Bộ Tài chính').first()).toBeVisible();
  // The draft thematic session is not distributed to members yet.
  await expect(page.getByText('chuyên đề về xây dựng pháp luật')).toHaveCount(0);
  await page.getByRole('link', { name: new RegExp(REGULAR) }).click();

  await expect(page.getByRole('heading', { name: REGULAR })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Chương trình họp' })).toBeVisible();
  const items = page.locator('ol.agenda > li');
  await expect(items).toHaveCount(8);
  await expect(items.first()).toContainText(FIRST_ITEM);
  await expect(items.first()).toContainText('Bộ Tài chính');
  await expect(items.last()).toContainText('Các vấn đề khác');
  // Invitees in protocol order: the Prime Minister first.
  await expect(page.locator('ol.people > li').first()).toContainText('Vũ Đình Khiêm');
  await expect(page.locator('ol.people > li').first()).toContainText('Thủ tướng Chính phủ');

  await hydrated(page);
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await expect(page.getByRole('heading', { name: 'Agenda' })).toBeVisible();
  await expect(page.locator('ol.people > li').first()).toContainText('Prime Minister');
});

test('a page names the code it needs in its head, loads that, and hydrates once', async ({ page }) => {
  await page.goto('/sign-in');
  await page.getByRole('button', { name: 'Đăng nhập với tư cách Bạch Quang Nhật' }).click();
  await expect(page.getByRole('heading', { name: 'Các cuộc họp' })).toBeVisible();
  const href = await page.getByRole('link', { name: new RegExp(REGULAR) }).getAttribute('href');

  // The bundle is split by group of pages (app/src/ui/pages.rs): the server hints the
  // meeting page's modules in its <head>, and the page fetches those.
  const html = await (await page.request.get(href!)).text();
  const head = html.slice(0, html.indexOf('</head>'));
  const hinted = new Set(
    (head.match(/<link[^>]*>/g) ?? [])
      .filter((link) => /rel="preload"/.test(link))
      .map((link) => /href="([^"]+\.wasm)"/.exec(link)?.[1])
      .filter((path): path is string => path !== undefined && path !== '/pkg/ecabinet.wasm'),
  );
  expect(hinted.size).toBeGreaterThan(0);
  // The list page loaded the same group's modules: fetch them afresh.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const fetched = new Set<string>();
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (path.startsWith('/pkg/') && path.endsWith('.wasm') && path !== '/pkg/ecabinet.wasm') {
      fetched.add(path);
    }
  });
  await page.goto(href!);
  await hydrated(page);
  expect([...fetched].filter((path) => !hinted.has(path))).toEqual([]);
  expect(fetched.size).toBeGreaterThan(0);
  // Hydrated once: a lazily loaded page that hydrates wrongly renders itself a second time.
  await expect(page.locator('ol.agenda')).toHaveCount(1);
  await expect(page.getByRole('heading', { name: REGULAR })).toHaveCount(1);
});

test('a guest sees only the item they are invited to', async ({ page }) => {
  await page.goto('/sign-in');
  await page.getByRole('button', { name: 'Đăng nhập với tư cách Diệp Thanh Bình' }).click();
  await page.getByRole('link', { name: new RegExp(REGULAR) }).click();
  const items = page.locator('ol.agenda > li');
  await expect(items).toHaveCount(1);
  await expect(items.first()).toContainText('Tình hình giải ngân vốn đầu tư công năm 2026');
});

test('unknown pages and malformed ids get a friendly 4xx page', async ({ page }) => {
  const missing = await page.goto('/khong-co-trang-nay');
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Không tìm thấy' })).toBeVisible();

  await page.goto('/sign-in');
  await page.getByRole('button', { name: 'Đăng nhập với tư cách Trương Thị Hạnh' }).click();
  await expect(page.getByRole('heading', { name: 'Các cuộc họp' })).toBeVisible();
  const malformed = await page.goto('/meetings/123');
  expect(malformed?.status()).toBe(400);
  await expect(page.getByText('Mã cuộc họp không hợp lệ.')).toBeVisible();
});

test('the skip link moves focus to the content, and fields write Vietnamese in the text font', async ({ page }) => {
  await page.goto('/sign-in');
  await hydrated(page);
  await page.getByRole('button', { name: 'Đăng nhập với tư cách Trương Thị Hạnh' }).click();
  await page.goto('/ballots');
  await hydrated(page);
  // Keyboard: the first Tab reaches the skip link; Enter puts focus on the page's content.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Chuyển đến nội dung chính' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main#main')).toBeFocused();
  // A text field (the ballot's question) uses the page's font, not a monospace one that
  // breaks Vietnamese diacritics ("tế" drawn as "tê´").
  const question = page.locator('.field textarea').first();
  const fonts = await question.evaluate((el) => [getComputedStyle(el).fontFamily, getComputedStyle(document.body).fontFamily]);
  expect(fonts[0]).toBe(fonts[1]);
  expect(fonts[0]).not.toMatch(/mono/i);
});
