import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { pdf } from './helpers/pdf';

const PRIME_MINISTER = 'Vũ Đình Khiêm';
const FINANCE = 'Bạch Quang Nhật';
const THIRD = 'Lò Văn Tiến';
const TITLE = 'Dự thảo Nghị định về hóa đơn điện tử (phiếu thử nghiệm)';
const OTHER_OPINION = 'Đề nghị lùi thời điểm áp dụng sang năm 2028';

/** Errors any page logged (a panic in the WASM, a CSP violation): the test fails on them. */
const pageErrors: string[] = [];

function watch(page: Page, name: string) {
  page.on('console', (message) => {
    // The refused late answer below is a 400 on purpose; Chromium logs it as a failed load.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
      pageErrors.push(`${name}: ${message.text().split('\n')[0]}`);
    }
  });
}

/** The demo enrolment link of `name`, as the server wrote it at start. */
function enrolmentPath(name: string): string {
  const links = readFileSync(join(process.env.E2E_DATA_DIR!, 'demo-enrolment-links.txt'), 'utf8');
  const line = links.split('\n').find((l) => l.startsWith(`${name}\t`));
  if (!line) throw new Error(`no enrolment link for ${name}`);
  return new URL(line.split('\t')[1]).pathname;
}

/** A member on a tablet with a platform authenticator: enrols a passkey (which signs them in). */
async function memberWithPasskey(browser: Browser, name: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  watch(page, name);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  await page.goto(enrolmentPath(name));
  await expect(page.locator('body[data-hydrated="true"]')).toHaveCount(1);
  await page.getByLabel('Tên thiết bị').fill('Máy tính bảng');
  await page.getByRole('button', { name: 'Tạo khóa truy cập' }).click();
  await expect(page.locator('.current-user')).toContainText(name);
  return page;
}

async function openBallot(page: Page) {
  await page.getByRole('link', { name: 'Phiếu lấy ý kiến' }).first().click();
  await page.getByRole('link', { name: TITLE }).click();
  await expect(page.getByRole('heading', { name: TITLE })).toBeVisible();
  await expect(page.locator('body[data-hydrated="true"]')).toHaveCount(1);
  await expect(page.locator('body[data-live="ready"]')).toHaveCount(1);
}

async function answer(page: Page, choice: string, text?: string) {
  const form = page.locator('section.answer form');
  await form.getByRole('radio', { name: choice, exact: true }).check();
  if (text) await form.getByLabel('Nội dung ý kiến khác').fill(text);
  await form.getByRole('button', { name: 'Ký bằng khóa truy cập và gửi' }).click();
  // Once written, the ballot re-reads (live) and shows the answer as recorded.
  await expect(page.locator('section.answer .current-answer .choice')).toHaveText(choice);
  if (text) await expect(page.locator('section.answer .current-answer')).toContainText(text);
}

test('the secretariat sends a ballot to three members; two answer with passkeys; it closes with the right result', async ({ browser }) => {
  const pm = await memberWithPasskey(browser, PRIME_MINISTER);
  const finance = await memberWithPasskey(browser, FINANCE);

  const office = await (await browser.newContext()).newPage();
  watch(office, 'secretariat');
  await office.goto('/sign-in');
  await office.getByRole('button', { name: 'Đăng nhập với tư cách Trương Thị Hạnh' }).click();
  await office.getByRole('link', { name: 'Phiếu lấy ý kiến' }).first().click();
  await expect(office.getByRole('heading', { name: 'Tạo phiếu lấy ý kiến' })).toBeVisible();
  await expect(office.locator('body[data-hydrated="true"]')).toHaveCount(1);
  await office.getByLabel('Tên phiếu').fill(TITLE);
  await office.getByLabel('Nội dung xin ý kiến').fill('Đề nghị các thành viên Chính phủ cho ý kiến về việc ban hành Nghị định.');
  await office.getByLabel('Thời hạn trả lời').fill('2030-12-31T17:00');
  for (const name of [PRIME_MINISTER, FINANCE, THIRD]) {
    await office.getByRole('checkbox', { name }).check();
  }
  await office.getByRole('button', { name: 'Tạo phiếu (bản nháp)' }).click();
  await expect(office.getByRole('heading', { name: TITLE })).toBeVisible();
  await expect(office.locator('body[data-live="ready"]')).toHaveCount(1);
  // The draft decree, uploaded with a progress bar.
  await office.locator('section.manage input[type="file"]').setInputFiles([
    { name: 'Du_thao_Nghi_dinh.pdf', mimeType: 'application/pdf', buffer: pdf('Du thao Nghi dinh ve hoa don dien tu') },
  ]);
  await expect(office.locator('.uploads .ok')).toHaveCount(1);
  await expect(office.locator('ul.documents li a')).toHaveText(['Du thao Nghi dinh']);
  await expect(office.locator('ul.documents li')).toContainText('1 trang');
  await office.getByRole('button', { name: 'Gửi phiếu' }).click();
  await expect(office.locator('.eligible-row')).toHaveCount(3);
  await expect(office.locator('.eligible-row.answered')).toHaveCount(0);

  // The Prime Minister agrees; the finance minister gives another opinion. Each answer is
  // signed by the virtual authenticator (user verification).
  await openBallot(pm);
  await expect(pm.getByRole('link', { name: 'Du thao Nghi dinh' })).toHaveAttribute('href', /\/documents\/.+\/read/);
  await answer(pm, 'Đồng ý');
  await openBallot(finance);
  await answer(finance, 'Ý kiến khác', OTHER_OPINION);

  // The secretariat's page shows who answered, live.
  await expect(office.locator('.eligible-row.answered')).toHaveCount(2);
  await expect(office.locator('.eligible-row', { hasText: THIRD })).toContainText('Chưa trả lời');

  office.once('dialog', (dialog) => dialog.accept());
  await office.getByRole('button', { name: 'Kết thúc lấy ý kiến' }).click();
  // By hand: N = 3; agree 1, disagree 0, other 1, no answer 1. One is not more than 3/2, and
  // agree ≠ disagree: no decision.
  const result = office.locator('section.result');
  await expect(result.locator('.outcome')).toHaveText('Không đủ điều kiện quyết định');
  await expect(result.locator('.tally-row.agree .tally-count')).toHaveText('1');
  await expect(result.locator('.tally-row.disagree .tally-count')).toHaveText('0');
  await expect(result.locator('.tally-row.other .tally-count')).toHaveText('1');
  await expect(result.locator('.tally-row.none .tally-count')).toHaveText('1');
  await expect(result.locator('ul.others')).toHaveText(`${FINANCE}: ${OTHER_OPINION}`);
  await expect(result.locator('ul.not-answered')).toHaveText(THIRD);

  // The printable summary says the same.
  await result.getByRole('link', { name: 'Tổng hợp ý kiến (bản in)' }).click();
  await expect(office.getByRole('heading', { name: 'Tổng hợp ý kiến thành viên Chính phủ' })).toBeVisible();
  await expect(office.locator('ul.not-answered')).toHaveText(THIRD);

  // Members see the result once closed, live; the answer form is gone.
  await expect(finance.locator('section.result .outcome')).toHaveText('Không đủ điều kiện quyết định');
  await expect(finance.locator('section.answer form')).toHaveCount(0);
  // A late answer is refused by the server.
  const late = await finance.evaluate(async () => {
    const id = location.pathname.split('/')[2];
    const response = await fetch('/api/ballot_sign_start', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `id=${id}&choice=Agree&text=&comment=`,
    });
    return { status: response.status, body: await response.text() };
  });
  expect(late.status).toBe(400);
  expect(late.body).toContain('NotOpen');

  expect(pageErrors).toEqual([]);
});
