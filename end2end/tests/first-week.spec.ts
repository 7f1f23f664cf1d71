import { expect, test, type Page } from '@playwright/test';
import { pdf, scan } from './helpers/pdf';
import { call, demoUser, hydrated } from './helpers/people';

// What the first week on a tablet found (issue 23): each item keeps a test here or beside
// the journey it belongs to (room, ballots, preparation, passkeys, shell).

const pageErrors: string[] = [];
const OFFICE = 'Phó Đức Long';
const PRIME_MINISTER = 'Vũ Đình Khiêm';

interface Account { id: string; full_name: string; role: string; active: boolean }

/** A draft meeting with one item, made through the secretariat's server functions. */
async function draftMeeting(office: Page, title: string): Promise<string> {
  const meeting = (await call(office, 'meeting_create', {
    form: {
      kind: 'thematic',
      title,
      starts_local: '2027-01-15T08:00',
      place: 'Phòng họp Chính phủ',
      online: false,
      planned_minutes: 60,
      // No chair given: the Prime Minister chairs (item 5).
      chair_id: '',
    },
  })) as string;
  await call(office, 'item_add', { meeting_id: meeting, form: { title: 'Báo cáo tổng hợp', presenter: '', planned_minutes: 30 } });
  return meeting;
}

/** Notes in the page whether a loading screen ever replaced what it showed. */
async function watchForLoadingScreens(page: Page) {
  await page.evaluate(() => {
    const seen = { loading: false };
    (window as unknown as { seen: typeof seen }).seen = seen;
    new MutationObserver(() => {
      if (document.querySelector('main p.loading')) seen.loading = true;
    }).observe(document.body, { childList: true, subtree: true });
  });
}

test('the preparation page follows text extraction live and flags a scan everywhere', async ({ browser }) => {
  const office = await demoUser(browser, OFFICE, pageErrors);
  const meeting = await draftMeeting(office, 'Phiên họp thử nghiệm tài liệu quét');
  await office.goto(`/meetings/${meeting}/edit`);
  await hydrated(office);
  await expect(office.getByLabel('Chủ tọa')).toHaveValue(
    ((await call(office, 'accounts', '')) as Account[]).find((a) => a.full_name === PRIME_MINISTER)!.id,
  );
  await watchForLoadingScreens(office);

  const item = office.locator('.builder-item').first();
  await item.locator('input[type="file"]').setInputFiles([
    { name: 'Ban_scan_to_trinh.pdf', mimeType: 'application/pdf', buffer: scan() },
    { name: 'Phu_luc_van_ban.pdf', mimeType: 'application/pdf', buffer: pdf('Phu luc van ban') },
  ]);
  // Without reloading: both reach "indexed", and the scan is flagged (items 1 and 2).
  await expect(item.locator('.documents .badge.text-indexed')).toHaveCount(2);
  const flag = 'Bản quét: 1/1 trang không có chữ, không tìm kiếm được';
  await expect(item.locator('.scan-flag')).toHaveText([flag]);
  expect(await office.evaluate(() => (window as unknown as { seen: { loading: boolean } }).seen.loading)).toBe(false);

  // The scan gets a title of its own instead of its file name (item 3).
  const scanned = item.locator('li.document', { hasText: 'Ban scan to trinh' });
  await scanned.locator('details.retitle summary').click();
  await scanned.getByLabel('Tên tài liệu').fill('Tờ trình (bản quét)');
  await scanned.getByRole('button', { name: 'Lưu' }).click();
  await expect(item.locator('a.doc-title', { hasText: 'Tờ trình (bản quét)' })).toHaveCount(1);

  // The meeting page and the reader flag it too.
  await office.goto(`/meetings/${meeting}`);
  await expect(office.locator('.documents .scan-flag')).toHaveText([flag]);
  await office.getByRole('link', { name: 'Tờ trình (bản quét)' }).click();
  await expect(office.locator('.reader .scan-flag')).toHaveText(flag);
  // The audit log names what a record is about, not its id.
  await office.goto('/audit');
  await expect(office.locator('table.audit td', { hasText: 'Phiên họp thử nghiệm tài liệu quét' }).first()).toBeVisible();
  expect(pageErrors).toEqual([]);
});

test('what is ticked or typed and not saved survives uploads and the text job', async ({ browser }) => {
  const office = await demoUser(browser, OFFICE, pageErrors);
  const meeting = await draftMeeting(office, 'Phiên họp thử giữ dữ liệu chưa lưu');
  await office.goto(`/meetings/${meeting}/edit`);
  await hydrated(office);
  const item = office.locator('.builder-item').first();
  const guest = item.getByRole('checkbox', { name: /Diệp Thanh Bình/ });
  const title = office.getByLabel('Tên cuộc họp');

  // Ticked and typed, not saved; then a file is stored (the editor re-reads) and read (the
  // live channel says "text").
  await guest.check();
  await title.fill('Phiên họp thử giữ dữ liệu chưa lưu (sửa)');
  await item.locator('input[type="file"]').setInputFiles([
    { name: 'To_trinh.pdf', mimeType: 'application/pdf', buffer: pdf('To trinh giu du lieu') },
  ]);
  await expect(item.locator('.documents .badge.text-indexed')).toHaveCount(1);
  await expect(guest).toBeChecked();
  await expect(title).toHaveValue('Phiên họp thử giữ dữ liệu chưa lưu (sửa)');

  // Saved, the guest stays; the title, never saved, is the server's again after a reload.
  const saved = office.waitForResponse((r) => r.url().endsWith('/api/item_guests_set'));
  await item.getByRole('button', { name: 'Lưu khách mời' }).click();
  expect((await saved).status()).toBe(200);
  await office.reload();
  await hydrated(office);
  await expect(office.locator('.builder-item').first().getByRole('checkbox', { name: /Diệp Thanh Bình/ })).toBeChecked();
  await expect(office.getByLabel('Tên cuộc họp')).toHaveValue('Phiên họp thử giữ dữ liệu chưa lưu');
  expect(pageErrors).toEqual([]);
});

test('attendance starts from everyone present, then the exceptions', async ({ browser }) => {
  const office = await demoUser(browser, OFFICE, pageErrors);
  const meeting = await draftMeeting(office, 'Phiên họp thử nghiệm điểm danh');
  await call(office, 'invitees_set', { meeting_id: meeting, all: true, members: [] });
  await call(office, 'meeting_state', { id: meeting, action: 'Publish' });
  const accounts = (await call(office, 'accounts', '')) as Account[];
  const members = accounts.filter((a) => a.role === 'Member' && a.active);

  await office.goto(`/meetings/${meeting}/room`);
  await hydrated(office);
  await expect(office.getByTestId('quorum')).toContainText(`0/${members.length}`);
  // One tap instead of one per member (there were 24).
  await office.getByRole('button', { name: `Ghi có mặt tất cả người chưa điểm danh (${members.length})` }).click();
  await expect(office.getByTestId('quorum')).toContainText(`${members.length}/${members.length}`);
  await expect(office.getByRole('button', { name: /Ghi có mặt tất cả/ })).toHaveCount(0);
  // Then the exception: one member joins remotely (still counted present for the quorum).
  const remote = members[0];
  await office.locator(`li.recorder[data-member="${remote.id}"]`).getByRole('radio', { name: 'Trực tuyến' }).check();
  await expect(office.locator(`li.recorder[data-member="${remote.id}"]`).getByRole('radio', { name: 'Trực tuyến' })).toBeChecked();
  await expect(office.getByTestId('quorum')).toContainText(`${members.length}/${members.length}`);
  expect(pageErrors).toEqual([]);
});

const REGULAR = 'Phiên họp Chính phủ thường kỳ tháng 11 năm 2026';
const SIZES = [
  { name: 'landscape', width: 1024, height: 768 },
  { name: 'portrait', width: 768, height: 1024 },
  // 200 % zoom on the landscape tablet: half the CSS pixels each way.
  { name: 'zoom-200', width: 512, height: 384 },
];

/** The regular session's page, its first document's reader and its room, as a member. */
async function memberPages(page: Page): Promise<{ meeting: string; reader: string; room: string }> {
  await page.goto('/');
  await page.locator('a.meeting-card', { hasText: REGULAR }).click();
  await expect(page.getByRole('heading', { name: REGULAR })).toBeVisible();
  const meeting = page.url();
  const reader = new URL((await page.locator('a.doc-title').first().getAttribute('href'))!, meeting).href;
  return { meeting, reader, room: `${meeting}/room` };
}

test('reading mode: the page starts near the top, fills the width, notes open as a drawer', async ({ browser }) => {
  const member = await demoUser(browser, 'Ngô Thanh Tùng', pageErrors);
  const { reader } = await memberPages(member);
  // The page comes first, the app after (item 13): the reader's head names none of the app's
  // code, its loading status never moves the page, and it still hydrates.
  const html = await (await member.request.get(reader)).text();
  const head = html.slice(0, html.indexOf('</head>'));
  expect(head).not.toMatch(/<link[^>]*(preload|modulepreload)[^>]*\/pkg\//);
  expect(head).toContain('requestIdleCallback');
  // The PDF held back a moment: the app hydrates meanwhile and says it is loading.
  await member.route('**/documents/*/file', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await route.continue();
  });
  await member.goto(reader);
  await hydrated(member);
  await expect(member.locator('#reader-status')).toHaveText('Đang tải tài liệu…');
  const shown = member.locator('#reader');
  await expect(shown).toHaveAttribute('data-state', 'shown');
  await member.unroute('**/documents/*/file');
  const shifted = await member.evaluate(() => new Promise<number>((resolve) => {
    let total = 0;
    new PerformanceObserver((list) => {
      for (const shift of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[]) {
        if (!shift.hadRecentInput) total += shift.value;
      }
    }).observe({ type: 'layout-shift', buffered: true });
    setTimeout(() => resolve(total), 300);
  }));
  expect(shifted).toBeLessThan(0.01);
  // At 1024×768: the header gives way to one toolbar row; the page starts within 120 px
  // (the demo's banner included) and is as wide as the window less its margins.
  await expect(member.locator('.app-header')).toBeHidden();
  const toolbar = (await member.locator('.reader-toolbar').boundingBox())!;
  expect(toolbar.height).toBeLessThan(60);
  const page = (await member.locator('#reader-canvas').boundingBox())!;
  expect(page.y).toBeLessThanOrEqual(120);
  expect(page.width).toBeGreaterThanOrEqual(1024 - 60);
  // The way back is in the toolbar.
  await expect(member.locator('.reader-back')).toHaveAttribute('href', /\/meetings\//);
  // Notes: a drawer over the page, opened and closed from the keyboard too.
  const drawer = member.locator('#notes-drawer');
  await expect(drawer).toBeHidden();
  const toggle = member.getByRole('button', { name: 'Ghi chú riêng' });
  await toggle.click();
  await expect(drawer).toBeVisible();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  expect((await member.locator('#reader-canvas').boundingBox())!.width).toBe(page.width);
  await drawer.getByRole('textbox').focus();
  await member.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
  expect(pageErrors).toEqual([]);
});

test('at 200 % zoom nothing is clipped or covered', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 512, height: 384 } });
  const page = await context.newPage();
  await page.goto('/sign-in');
  await page.getByRole('button', { name: 'Đăng nhập với tư cách Ngô Thanh Tùng' }).click();
  await expect(page.locator('.current-user')).toContainText('Ngô Thanh Tùng');
  // The sections stay one row each (scrolling sideways), none wrapped mid-label.
  for (const link of await page.locator('.app-header nav a').all()) {
    expect((await link.boundingBox())!.height).toBeLessThanOrEqual(48);
  }
  expect((await page.locator('.app-header').boundingBox())!.height).toBeLessThan(200);
  // The reader's toolbar scrolls away rather than covering the page.
  const { reader } = await memberPages(page);
  await page.goto(reader);
  await expect(page.locator('#reader')).toHaveAttribute('data-state', 'shown');
  expect(await page.locator('.reader-toolbar').evaluate((e) => getComputedStyle(e).position)).toBe('static');
  await context.close();
});

test('screenshots of the meeting page, the reader, the room and the analytics page', async ({ browser }) => {
  for (const size of SIZES) {
    const context = await browser.newContext({ viewport: { width: size.width, height: size.height } });
    const page = await context.newPage();
    await page.goto('/sign-in');
    await page.getByRole('button', { name: `Đăng nhập với tư cách ${OFFICE}` }).click();
    await expect(page.locator('.current-user')).toContainText(OFFICE);
    const { meeting, reader, room } = await memberPages(page);
    for (const [name, url] of [['meeting', meeting], ['reader', reader], ['room', room], ['analytics', '/analytics']]) {
      await page.goto(url);
      await hydrated(page);
      if (name === 'reader') await expect(page.locator('#reader')).toHaveAttribute('data-state', 'shown');
      await page.screenshot({ path: `screenshots/${name}-${size.name}.png` });
    }
    await context.close();
  }
});

test('in English, Vietnamese names and titles are marked lang="vi"', async ({ browser }) => {
  const page = await demoUser(browser, 'Ngô Thanh Tùng', pageErrors);
  await hydrated(page);
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  const { meeting, room } = await memberPages(page);
  for (const url of ['/', meeting, room]) {
    await page.goto(url);
    await hydrated(page);
    // Every text written with Vietnamese letters sits inside an element marked lang="vi", so
    // a screen reader reads it with Vietnamese voice and rules.
    const unmarked = await page.evaluate(() => {
      const vietnamese = /[ăâđêôơưĂÂĐÊÔƠƯàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/i;
      const found: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent?.trim() ?? '';
        const element = node.parentElement;
        if (!text || !element || !vietnamese.test(text) || element.closest('script, style, [hidden]')) continue;
        if (element.closest('[lang]')?.getAttribute('lang') !== 'vi') found.push(text.slice(0, 60));
      }
      return found;
    });
    expect(unmarked, url).toEqual([]);
  }
  await page.getByRole('button', { name: 'Chuyển sang tiếng Việt' }).click();
  expect(pageErrors).toEqual([]);
});
